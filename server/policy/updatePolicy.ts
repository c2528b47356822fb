/**
 * Whether a board member may send a Yjs update, decided before the update is applied (Yjs cannot
 * roll one back). Each touch maps to a board action by its row in the field table
 * (src/lib/board/fields.ts); a row may name a rule of its own instead: the server's (approvals,
 * revision logs, attachments), a comment's or resolution's author's; and a write to a `gated` row
 * leaves a gated stage only once approved. Nothing here names a card field: a new one is a row.
 * Reasons: README.md, "Refusing updates by role".
 */
import type * as Y from 'yjs';
import { can } from '#lib/auth/permissions';
import { gateBlocks } from '#lib/board/approvals';
import { mayMoveOut } from '#lib/board/roles';
import { requirementsBlocking } from '#lib/board/requirements';
import { isOwnRule, type Field, type OwnRule } from '#lib/board/field-shape';
import type { ExpenseRef } from '#lib/board/expenses';
import { CARD_FIELDS, ROOT_FIELDS } from '#lib/board/fields';
import type { DecodedUpdate } from '../protocol';
import { judgeComment, judgeResolution } from './commentPolicy';
import { judgeField, judgeOutcomes } from './fieldPolicy';
import { judgeBudget, judgeExpense, noteMoneyTouch } from './moneyPolicy';
import {
  cardIdUsed,
  existingCard,
  liveValue,
  need,
  serverOnly,
  type Actor,
  type Context,
  type Refusal,
  type RefusalReason
} from './policyContext';
import { touchesOf, type Touch } from './updateTouches';

export type { Actor, RefusalReason };

/**
 * Accepted with the update's touches and the overruns the room must demote to `pending` right
 * after applying it (moneyPolicy.ts judgeNew), or refused whole.
 */
export type PolicyResult =
  | { ok: true; touches: Touch[]; overruns: ExpenseRef[] }
  | { ok: false; reason: RefusalReason; detail: string };

/**
 * Allows or refuses `update` from `actor`, judged against `doc` as it is before the update.
 * Pure: reads `doc`, never writes it. A refused update is refused whole.
 */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  actor: Actor,
  decoded?: DecodedUpdate
): PolicyResult {
  const read = touchesOf(doc, update, decoded);
  if (!read.ok) return { ok: false, reason: 'unresolvable', detail: `Update refused: ${read.detail}.` };
  const { touches, inert } = read;
  // Sync step 2 of a client with nothing new is an empty update; every member sends one.
  if (touches.length === 0 && !inert) return { ok: true, touches, overruns: [] };
  // Commenting is the least an update can do; a role without it can do nothing.
  if (!can(actor.role, 'comment')) {
    return { ok: false, reason: 'read-only', detail: `A ${actor.role} may not change the board.` };
  }
  const { effects } = read;
  const context = contextOf(doc, actor, touches, (newParent, parent, key) =>
    effects.after(newParent, parent, key)
  );
  const paths = new PathTexts();
  for (const touch of touches) {
    const path = paths.of(touch);
    // Role first (a commenter is told what they lack), then the value, then where a move goes.
    const refusal =
      judge(touch, path, context) ??
      judgeField(touch, path, context) ??
      judgeGate(touch, path, context) ??
      judgeExit(touch, path, context);
    if (refusal) return { ok: false, ...refusal };
  }
  const refusal = judgeOutcomes(read.effects, touches, context);
  return refusal ? { ok: false, ...refusal } : { ok: true, touches, overruns: context.overruns };
}

function contextOf(doc: Y.Doc, actor: Actor, touches: readonly Touch[], after: Context['after']): Context {
  const context: Context = {
    doc,
    actor,
    created: new Set(),
    replaced: new Set(),
    comments: new Map(),
    fieldDefs: new Map(),
    moneyWrites: new Map(),
    money: new Map(),
    overruns: [],
    after
  };
  for (const t of touches) {
    noteMoneyTouch(context, t);
    if (t.parent.length === 1 && t.parent[0] === 'fields' && t.key && t.kind === 'write')
      context.fieldDefs.set(t.key, t.value);
    const [root, cardId, field] = t.parent;
    const writesComment =
      root === 'cards' && t.parent.length === 3 && CARD_FIELDS[field as string]?.write === 'comments';
    if (writesComment && cardId && t.key && t.kind === 'write') {
      context.comments.set(cardId, (context.comments.get(cardId) ?? new Set()).add(t.key));
    }
    if (t.parent.length !== 1 || t.parent[0] !== 'cards' || t.key === null) continue;
    if (existingCard(doc, t.key)) context.replaced.add(t.key);
    else if (t.kind === 'write') context.created.add(t.key);
  }
  return context;
}

function judge(touch: Touch, path: string, context: Context): Refusal | null {
  const root = touch.parent[0] as string;
  if (root === 'cards') return judgeCard(touch, path, context);
  // A root the schema does not name is read by nobody; writing one is board-level data like
  // meta's own unknown keys, so it asks what meta asks. (Protocol-level tests and tools sync
  // plain Yjs types through a board as its owner.)
  const write = ROOT_FIELDS[root]?.write ?? 'edit-board';
  return isOwnRule(write) ? serverOnly(path) : need(write, path, context);
}

/** How a card field's rule of its own judges a touch of it (the row's `write`, fields.ts). */
type OwnJudge = (touch: Touch, cardId: string, path: string, context: Context) => Refusal | null;

const OWN_JUDGES: Readonly<Record<OwnRule, OwnJudge>> = {
  server: (_touch, _cardId, path) => serverOnly(path),
  comments: judgeComment,
  resolutions: judgeResolution,
  budget: judgeBudget,
  expenses: judgeExpense
};

function judgeCard(touch: Touch, path: string, context: Context): Refusal | null {
  // Below the root: the card id, then its field, then whatever the field holds.
  const [id, field] = [...touch.parent.slice(1), touch.key];
  if (id === undefined || id === null) return { reason: 'forbidden', detail: `${path} is a map of cards.` };
  if (field === undefined || field === null) {
    // Approvals, activity and attachments name a card by id: a card written where one is or was
    // would inherit them (a deleted, approved card "recreated" would pass its gate). Ids are random,
    // so only a forged update reuses one.
    if (touch.kind === 'write' && cardIdUsed(context.doc, id)) {
      return {
        reason: 'forbidden',
        detail: `${path}: card ${id} exists or existed; a new card takes a new id.`
      };
    }
    const creates = touch.kind === 'write' && !existingCard(context.doc, id);
    return need(creates ? 'create-card' : 'edit-card', path, context);
  }
  // The field's row in the table says who writes it; a key cards do not have asks edit-card here
  // and is refused by the field rules.
  const rule: Field | undefined = CARD_FIELDS[field];
  const write = rule?.write ?? 'edit-card';
  if (context.created.has(id) && touch.newParent && comesWithCard(touch, rule)) {
    return need('create-card', path, context);
  }
  // Whatever a deleted or replaced card held goes with it; deleting the card was judged above.
  if (context.replaced.has(id) && touch.kind === 'delete') return need('edit-card', path, context);
  return isOwnRule(write) ? OWN_JUDGES[write](touch, id, path, context) : need(write, path, context);
}

/**
 * True when a touch of a card this update creates comes with creating it. Everything does but what
 * a rule of its own guards, which the creator could otherwise forge: the entries of such a field
 * (makeCardMap makes its map or array empty), or its value when it holds a plain one.
 */
function comesWithCard(touch: Touch, rule: Field | undefined): boolean {
  if (rule?.write === undefined || !isOwnRule(rule.write)) return true;
  return touch.parent.length === 2 && CONTAINERS.has(rule.shape);
}

const CONTAINERS: ReadonlySet<Field['shape']> = new Set(['map', 'array', 'text']);

/**
 * Moving a card forward out of a gated stage needs the gate approved for its round, whoever moves
 * it (owners too: approving is a separate, audited HTTP step; the move comes after it). Judged
 * for a write to a `gated` card field (its stage), from the card's last valid stage (gateBlocks),
 * and only for a value the field rules accepted.
 */
function judgeGate(touch: Touch, path: string, context: Context): Refusal | null {
  const [root, id] = touch.parent;
  if (root !== 'cards' || id === undefined || touch.parent.length !== 2 || touch.key === null) return null;
  if (!CARD_FIELDS[touch.key]?.gated) return null;
  if (touch.kind !== 'write' || typeof touch.value !== 'string' || !existingCard(context.doc, id))
    return null;
  if (gateBlocks(context.doc, id, touch.value))
    return { reason: 'gate-closed', detail: `${path}: card ${id} needs its gate approved before moving on.` };
  // What a stage requires before a card leaves it forward binds every role, as its gate does.
  const unmet = requirementsBlocking(context.doc, id, touch.value);
  return unmet
    ? {
        reason: 'requirements-unmet',
        detail: `${path}: card ${id} lacks ${unmet.missing.map((m) => m.kind).join(', ')} to leave stage ${unmet.stageId}.`
      }
    : null;
}

/**
 * A stage may keep moving cards out to its owners and managers (roles.ts `mayMoveOut`): a write
 * to a `gated` card field that takes an existing card out of such a stage needs one of them.
 * Judged from the card's stage before the update, like the gate.
 */
function judgeExit(touch: Touch, path: string, context: Context): Refusal | null {
  const [root, id] = touch.parent;
  if (root !== 'cards' || id === undefined || touch.parent.length !== 2 || touch.key === null) return null;
  if (!CARD_FIELDS[touch.key]?.gated || touch.kind !== 'write') return null;
  const from = liveValue(existingCard(context.doc, id), touch.key);
  if (typeof from !== 'string' || from === touch.value) return null;
  const { userId, role } = context.actor;
  return mayMoveOut(context.doc, from, userId, role)
    ? null
    : {
        reason: 'exit-restricted',
        detail: `${path}: only the owners of stage ${from} and managers move it out.`
      };
}

/**
 * Each touch's path as text, for a refusal's detail. Touches share parent arrays (a new card's
 * fields, a run of typed characters), so each array is joined once per check; adding the key
 * makes a rope that V8 flattens only if a refusal's detail is ever read.
 */
class PathTexts {
  private readonly parents = new Map<readonly string[], string>();

  of({ parent, key }: Touch): string {
    let text = this.parents.get(parent);
    if (text === undefined) this.parents.set(parent, (text = parent.join('/')));
    return key === null ? text : `${text}/${key}`;
  }
}
