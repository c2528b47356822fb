/**
 * Updates no board operation writes, for the policy tests: raw writes into a card or stage, and an
 * update re-encoded without its delete set (so an item written as deleted content arrives alone,
 * as a forging client can send it).
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { roots } from '#lib/board/schema';
import { edit } from '../../helpers/yjs';
import type { Fixture } from './policyFixture';

/** The update of writing `value` under `key` of card `cardId`, as a client that skips the operations. */
export const setCardKey = (f: Fixture, cardId: string, key: string, value: unknown) =>
  edit(f.client, () => roots(f.client).cards.get(cardId)!.set(key, value));

/** The update of deleting `key` of card `cardId`. */
export const deleteCardKey = (f: Fixture, cardId: string, key: string) =>
  edit(f.client, () => roots(f.client).cards.get(cardId)!.delete(key));

/** The update of writing `value` under `key` of stage `stageId`. */
export const setStageKey = (f: Fixture, stageId: string, key: string, value: unknown) =>
  edit(f.client, () => roots(f.client).stages.get(stageId)!.set(key, value));

/** A card's nested map (checklist, checklists, assignees, labels, seeded) on the client. */
export const nestedOf = (f: Fixture, cardId: string, key: string) =>
  roots(f.client).cards.get(cardId)!.get(key) as Y.Map<unknown>;

/**
 * `update` with its structs kept and its delete set dropped. Yjs integrates a map item holding
 * deleted content as the key's newest value, deleted: the key is gone though no delete was sent.
 */
export function withoutDeletes(update: Uint8Array): Uint8Array {
  const { structs } = Y.decodeUpdate(update);
  const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  for (const s of structs) byClient.set(s.id.client, [...(byClient.get(s.id.client) ?? []), s]);
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, (list[0] as Y.Item).id.clock);
    for (const s of list) s.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}
