import path from 'node:path';
import type { PeerLauncher } from '../lib/types';
import { REPO_ROOT, spawnPeer, type PeerSpec } from './spawnPeer';

/** The stock server's own entry (its package exports do not expose it, so by path). */
const SERVER_JS = path.join(REPO_ROOT, 'node_modules/@y/websocket-server/src/server.js');

const spec = (dataDir: string, leveldb: boolean): PeerSpec => ({
  name: leveldb ? 'y-websocket+leveldb' : 'y-websocket',
  protocol: 'y-websocket',
  command: [process.execPath, SERVER_JS],
  env: (port) => ({
    HOST: '127.0.0.1',
    PORT: String(port),
    // Undefined drops a YPERSISTENCE inherited from the caller's environment.
    YPERSISTENCE: leveldb ? path.join(dataDir, 'leveldb') : undefined
  }),
  wsUrl: (port) => `ws://127.0.0.1:${port}`,
  createRoom: async (_port, label) => label
});

/** @y/websocket-server 0.1.1 without persistence: documents live only in memory. */
export const yWebsocket: PeerLauncher = {
  name: 'y-websocket',
  protocol: 'y-websocket',
  persistent: false,
  persistenceNote: 'no persistence configured: a restart starts from empty documents by design',
  start: ({ dataDir }) => spawnPeer(spec(dataDir, false))
};

/** @y/websocket-server 0.1.1 with YPERSISTENCE=<dir>: every update stored in LevelDB (y-leveldb). */
export const yWebsocketLeveldb: PeerLauncher = {
  name: 'y-websocket+leveldb',
  protocol: 'y-websocket',
  persistent: true,
  start: ({ dataDir }) => spawnPeer(spec(dataDir, true))
};
