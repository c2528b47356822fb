/** Scenario 7's check after a restart: a fresh full client reads what the server kept. */
import { FullClient } from '../clients/fullClient';
import { cardCount, markersIn } from '../clients/edits';
import { sleep } from '../stats';
import { cookieFor } from '../clients/target';
import type { ServerTarget } from '../types';

export interface VerifyArgs extends ServerTarget {
  room: string;
  /** Wait after the first sync: a server may still be loading its store into the room. */
  settleMs: number;
}

export async function verifyRoom(args: VerifyArgs): Promise<{ kept: Record<string, number>; cards: number }> {
  const client = new FullClient({
    protocol: args.protocol,
    wsUrl: args.wsUrl,
    room: args.room,
    cookie: cookieFor(args, 0)
  });
  try {
    await client.connect();
    await sleep(args.settleMs);
    return { kept: markersIn(client.doc), cards: cardCount(client.doc) };
  } finally {
    client.destroy();
  }
}
