/**
 * The board, helpers and runner shared by the update-policy tests (updatePolicy.test.ts for
 * cards, stages, approvals and attachments; commentPolicy.test.ts for comments and resolutions).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_ROLES, type BoardRole } from '#lib/auth/permissions';
import {
  SERVER_ORIGIN,
  addAttachmentVersion,
  addCard,
  initBoard,
  readStages,
  resolveComment
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { checkUpdate, type RefusalReason } from '#server/policy/updatePolicy';
import { edit, replica } from '../../helpers/yjs';

export const ME = 'u-actor';
export const OTHER = 'u-other';
export const APPROVAL = { by: 'u-boss', name: 'Boss', at: 1, note: '' };

/**
 * A server board: Draft (seeds a checklist item), Review (gated, sends back to Draft), Done.
 * Card c1 sits in Draft with a comment by someone else and one by the actor; card g1 in Review.
 */
export function fixture() {
  const server = new Y.Doc();
  initBoard(
    server,
    {
      title: 'Launch',
      stages: [
        { name: 'Draft', checklist: [{ key: 'a', text: 'Copy' }] },
        { name: 'Review', gate: { approvers: [{ title: 'Manager', level: 'manager' }] }, sendBackTo: 0 },
        { name: 'Done' }
      ]
    },
    SERVER_ORIGIN
  );
  const [draft, review, done] = readStages(server).map((s) => s.id) as [string, string, string];
  addCard(server, { stageId: draft, title: 'Hello world', id: 'c1' }, SERVER_ORIGIN);
  addCard(server, { stageId: review, title: 'Poster', id: 'g1' }, SERVER_ORIGIN);
  comment(server, 'c1', 'cm-other', OTHER);
  comment(server, 'c1', 'cm-mine', ME);
  // Someone else resolved the actor's thread on c1; g1 has a comment and no resolutions yet.
  resolveComment(server, 'c1', 'cm-mine', OTHER, SERVER_ORIGIN);
  comment(server, 'g1', 'cm-g', OTHER);
  addAttachmentVersion(
    server,
    'c1',
    'a-server',
    { name: 'v1.png', size: 9, type: 'image/png', by: OTHER },
    SERVER_ORIGIN
  );
  return { server, client: replica(server), draft, review, done };
}
export type Fixture = ReturnType<typeof fixture>;

/** Comments have no board operation yet; a client writes the plain value into the card. */
export function comment(doc: Y.Doc, cardId: string, id: string, author: string): void {
  doc.transact(() => commentsOf(doc, cardId).set(id, { author, text: 'Looks good', at: 1 }));
}
export const commentsOf = (doc: Y.Doc, cardId: string) =>
  roots(doc).cards.get(cardId)?.get('comments') as Y.Map<unknown>;
export const resolutionsOf = (doc: Y.Doc, cardId: string) =>
  roots(doc).cards.get(cardId)?.get('resolvedComments') as Y.Map<unknown>;
/** Writes `value` straight under c1's comments, as a client that skips the operations' checks. */
export const rawComment = (f: Fixture, id: string, value: unknown) =>
  edit(f.client, () => commentsOf(f.client, 'c1').set(id, value));
export const mine = (extra: object = {}) => ({ author: ME, text: 'Looks good', at: 1, ...extra });

export type Outcome = 'ok' | RefusalReason;
/** Expected outcomes for owner, manager, editor, commenter, viewer. */
export const row = (...outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome]) =>
  Object.fromEntries(BOARD_ROLES.map((role, i) => [role, outcomes[i]])) as Record<BoardRole, Outcome>;
export const everyCommenter = (outcome: Outcome) => row(outcome, outcome, outcome, outcome, 'read-only');
/** Refused for everyone who may write a card field; commenters lack the role, viewers everything. */
export const CARD_INVALID = row('invalid', 'invalid', 'invalid', 'forbidden', 'read-only');
export const STAGE_INVALID = row('invalid', 'invalid', 'forbidden', 'forbidden', 'read-only');
export const CARD_OK = row('ok', 'ok', 'ok', 'forbidden', 'read-only');
export const STAGE_OK = row('ok', 'ok', 'forbidden', 'forbidden', 'read-only');

/** Checks `update` and proves the check left the server's document as it was. */
export function check(server: Y.Doc, update: Uint8Array, role: BoardRole) {
  const [vector, state] = [Y.encodeStateVector(server), Y.encodeStateAsUpdate(server)];
  const result = checkUpdate(server, update, { userId: ME, role });
  expect(Y.encodeStateVector(server)).toEqual(vector);
  expect(Y.encodeStateAsUpdate(server)).toEqual(state);
  return result;
}

/** One policy case: an update a member makes, and what each role gets for it. */
export interface PolicyCase {
  name: string;
  update: (f: Fixture) => Uint8Array;
  expected: Record<BoardRole, Outcome>;
}

/** Runs every case for every role on a fresh fixture; an allowed update must also integrate whole. */
export function judgeEach(cases: PolicyCase[]): void {
  describe.each(cases)('a member who $name', ({ update, expected }) => {
    it.each(BOARD_ROLES)('as %s', (role) => {
      const f = fixture();
      const bytes = update(f);
      const result = check(f.server, bytes, role);
      expect(result.ok ? 'ok' : `${result.reason}: ${result.detail}`).toMatch(
        new RegExp(`^${expected[role]}\\b`)
      );
      if (!result.ok) return;
      // What is allowed must also integrate whole: nothing left pending for later.
      Y.applyUpdate(f.server, bytes);
      expect([f.server.store.pendingStructs, f.server.store.pendingDs]).toEqual([null, null]);
    });
  });
}
