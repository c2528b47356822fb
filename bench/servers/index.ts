import type { PeerLauncher, ServerName } from '../lib/types';
import { hocuspocus } from './hocuspocus';
import { stageboard } from './stageboard';
import { yWebsocket, yWebsocketLeveldb } from './yWebsocket';

/** Every server the benchmark knows, Stageboard first. */
export const launchers: readonly PeerLauncher[] = [stageboard, yWebsocket, yWebsocketLeveldb, hocuspocus];

export function launcherByName(name: string): PeerLauncher | undefined {
  return launchers.find((launcher) => launcher.name === (name as ServerName));
}
