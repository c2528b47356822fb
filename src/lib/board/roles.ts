/**
 * Process roles (市场经理, 设计部, 财务 …) and the people who hold them on a board, and what a
 * stage asks of them: the role that owns it, how a card entering it is handed to that role
 * (DooTask's three rules), and whether only its owners may move cards out. Board roles
 * (owner … viewer) say what someone may do to the board; process roles say whose turn it is.
 * Roles live in the `roles` root, one plain value per role, written by managers only (fields.ts).
 */
import type * as Y from 'yjs';
import { BOARD_ROLES, can, type BoardRole } from '../auth/permissions';
import { isCommentId } from './comment-value';
import { BoardError } from './errors';
import type { BoardOrigin } from './origin';
import type { Approver, Gate } from './rules';
import { CardKey, LIMITS, StageKey, childMap, roots, type CardMap } from './schema';
import { cleanName, transact } from './transact';

/** A process role: its name as the document writes it, an optional second-language name, its people. */
export interface ProcessRole {
  name: string;
  alt?: string;
  /** User ids of board members who hold the role. */
  people: string[];
}

/** What a card entering the stage does to its assignees: add the owners, replace them with the owners, or nothing. */
export type Handoff = 'add' | 'replace' | 'keep';
export const HANDOFFS: readonly Handoff[] = ['add', 'replace', 'keep'];

/** Who may move a card out of the stage: anyone who may move cards, or only its owners and managers. */
export type ExitRule = 'anyone' | 'owners';
export const EXIT_RULES: readonly ExitRule[] = ['anyone', 'owners'];

/** A stage's owner: the role responsible for it, its hand-off rule and who may move cards out. */
export interface StageOwner {
  role: string;
  handoff: Handoff;
  exit: ExitRule;
}

export const ROLE_LIMITS = {
  roles: 30,
  people: 50,
  name: 60
} as const;

const ROLE_KEY = /^[\w-]{1,32}$/;

/** True when `key` can name a role. */
export function isRoleKey(key: unknown): key is string {
  return typeof key === 'string' && ROLE_KEY.test(key);
}

/** A role with only its known fields, people each once and well-formed, or null when unusable. */
export function cleanRole(value: unknown): ProcessRole | null {
  const v = value as Partial<ProcessRole> | null;
  const name = cleanName(v?.name, ROLE_LIMITS.name);
  if (!name || !Array.isArray(v?.people)) return null;
  const people = [...new Set(v.people.filter(isCommentId))].slice(0, ROLE_LIMITS.people);
  const alt = cleanName(v.alt, ROLE_LIMITS.name);
  return alt ? { name, alt, people } : { name, people };
}

/** Why a value under `key` of the roles root is unusable (policy check), or null. */
export function roleProblem(value: unknown, key: string): string | null {
  if (!isRoleKey(key)) return 'a role key of letters, digits, _ and -';
  const clean = cleanRole(value);
  return clean && JSON.stringify(clean) === JSON.stringify(value) ? null : 'a role { name, alt?, people }';
}

/** A stage owner with only its known fields, or null. */
export function cleanStageOwner(value: unknown): StageOwner | null {
  const v = value as Partial<StageOwner> | null;
  if (!isRoleKey(v?.role)) return null;
  if (!HANDOFFS.includes(v.handoff as Handoff) || !EXIT_RULES.includes(v.exit as ExitRule)) return null;
  return { role: v.role, handoff: v.handoff as Handoff, exit: v.exit as ExitRule };
}

/** The board's roles by key, cleaned. */
export function readRoles(doc: Y.Doc): Map<string, ProcessRole> {
  const out = new Map<string, ProcessRole>();
  roots(doc).roles.forEach((value, key) => {
    const role = isRoleKey(key) ? cleanRole(value) : null;
    if (role) out.set(key, role);
  });
  return out;
}

/** Who is moving a card: their user id and board role. */
export interface Mover {
  userId: string;
  role: BoardRole | null;
}

/** A role with its key, as the board lists them. */
export interface RoleView extends ProcessRole {
  key: string;
}

/** The board's roles in a stable order (by key: map order differs between replicas). */
export function readRoleList(doc: Y.Doc): RoleView[] {
  return [...readRoles(doc)]
    .map(([key, role]) => ({ key, ...role }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The people mapped to a role; empty when the role is unknown or nobody holds it. */
export function rolePeople(doc: Y.Doc, key: string): string[] {
  return cleanRole(roots(doc).roles.get(key))?.people ?? [];
}

/** The owner of a stage, or null. */
export function stageOwner(doc: Y.Doc, stageId: string): StageOwner | null {
  return cleanStageOwner(roots(doc).stages.get(stageId)?.get(StageKey.owner));
}

/** Manager operation: writes a role (new or changed). */
export function setRole(doc: Y.Doc, key: string, role: ProcessRole, origin?: BoardOrigin): void {
  const clean = isRoleKey(key) ? cleanRole(role) : null;
  if (!clean) throw new BoardError('invalid', 'A role needs a name and a list of people.');
  const { roles } = roots(doc);
  if (!roles.has(key) && roles.size >= ROLE_LIMITS.roles)
    throw new BoardError('invalid', `A board holds at most ${ROLE_LIMITS.roles} roles.`);
  transact(doc, origin, () => roles.set(key, clean));
}

/** Manager operation: removes a role; stages that name it keep the name and hand off to nobody. */
export function removeRole(doc: Y.Doc, key: string, origin?: BoardOrigin): void {
  transact(doc, origin, () => roots(doc).roles.delete(key));
}

/**
 * Gives a card entering `stageId` to the stage's owners by its hand-off rule. Called inside the
 * move's transaction, so an offline move hands off too and one undo takes back both. A role nobody
 * holds changes nothing (replacing the assignees with nobody would lose who was doing the work).
 */
export function handOff(doc: Y.Doc, card: CardMap, stageId: string): void {
  const owner = stageOwner(doc, stageId);
  if (!owner || owner.handoff === 'keep') return;
  const people = rolePeople(doc, owner.role);
  if (people.length === 0) return;
  const assignees = childMap<boolean>(card, CardKey.assignees);
  if (owner.handoff === 'replace') {
    for (const id of [...assignees.keys()]) if (!people.includes(id)) assignees.delete(id);
  }
  for (const id of people) {
    if (assignees.size >= LIMITS.assignees) break;
    if (!assignees.has(id)) assignees.set(id, true);
  }
}

const atLeast = (role: BoardRole | null, least: BoardRole): boolean =>
  role !== null && BOARD_ROLES.indexOf(role) <= BOARD_ROLES.indexOf(least);

/**
 * True when `mover` may move a card out of a stage with `owner`, whose role `people` hold: anyone
 * who may move cards, unless the stage keeps that to its owners, then its owners and managers.
 */
export function exitAllowed(owner: StageOwner | null, people: readonly string[], mover: Mover): boolean {
  if (!can(mover.role, 'move-card')) return false;
  if (owner?.exit !== 'owners') return true;
  return atLeast(mover.role, 'manager') || people.includes(mover.userId);
}

/** exitAllowed for a stage of the document. */
export function mayMoveOut(doc: Y.Doc, stageId: string, userId: string, role: BoardRole | null): boolean {
  const owner = stageOwner(doc, stageId);
  return exitAllowed(owner, owner ? rolePeople(doc, owner.role) : [], { userId, role });
}

/** Throws the BoardError a UI shows when `actor` may not move the card out of `from`. */
export function assertMayMoveOut(doc: Y.Doc, from: string, to: string, actor: Mover | undefined): void {
  if (!actor || from === to || mayMoveOut(doc, from, actor.userId, actor.role)) return;
  throw new BoardError('exit-restricted', 'Only this stage’s owners and managers move cards out.', from);
}

/**
 * True when `userId` may sign `approver`, given `people`, those holding the approver's role. An
 * approver naming a role somebody holds is signed by that role's people; otherwise by board role,
 * as before roles: a general-manager level approver needs the board's owner, any other a manager
 * (or the owner). The one rule of who signs; maySign reads `people` from a document.
 */
export function maySignWith(
  approver: Approver,
  people: readonly string[],
  userId: string,
  role: BoardRole | null
): boolean {
  if (role === null) return false;
  if (approver.role && people.length > 0) return people.includes(userId);
  return can(role, 'approve') && atLeast(role, approver.level === 'general-manager' ? 'owner' : 'manager');
}

/** maySignWith, the approver's people read from the board's roles. */
export function maySign(doc: Y.Doc, approver: Approver, userId: string, role: BoardRole | null): boolean {
  const people = approver.role ? rolePeople(doc, approver.role) : [];
  return maySignWith(approver, people, userId, role);
}

/** True when `userId` may sign at least one approver of `gate`. */
export function maySignGate(doc: Y.Doc, gate: Gate, userId: string, role: BoardRole | null): boolean {
  return gate.approvers.some((a) => maySign(doc, a, userId, role));
}
