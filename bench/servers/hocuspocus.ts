import path from 'node:path';
import type { PeerLauncher } from '../lib/types';
import { spawnPeer } from './spawnPeer';

/** @hocuspocus/server 3.x with @hocuspocus/extension-sqlite, default debounce; see hocuspocus-server.ts. */
export const hocuspocus: PeerLauncher = {
  name: 'hocuspocus+sqlite',
  protocol: 'hocuspocus',
  persistent: true,
  start: ({ dataDir }) =>
    spawnPeer({
      name: 'hocuspocus+sqlite',
      protocol: 'hocuspocus',
      command: [process.execPath, '--import', 'tsx', path.join(import.meta.dirname, 'hocuspocus-server.ts')],
      env: (port) => ({ PORT: String(port), DB_FILE: path.join(dataDir, 'hocuspocus.db') }),
      wsUrl: (port) => `ws://127.0.0.1:${port}`,
      createRoom: async (_port, label) => label
    })
};
