/**
 * Who may do what on a board: the one permission function that the HTTP endpoints and the
 * WebSocket path will both consult (issue 5), so the two can never disagree. Pure data and a
 * lookup; membership (which role a person has on a board) is the store's business.
 *
 * Moving a card out of a gated stage is not a matter of role alone: an editor may do it once the
 * gate is approved, nobody before. `canLeaveGate` says that part.
 */

/** Board roles, most powerful first. */
export const BOARD_ROLES = ['owner', 'manager', 'editor', 'commenter', 'viewer'] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

export const BOARD_ACTIONS = [
  'read',
  'comment',
  'create-card',
  'edit-card',
  'move-card',
  'tick-checklist',
  'edit-stages',
  'edit-board',
  'save-template',
  'approve',
  'send-back',
  'manage-members',
  'delete-board'
] as const;
export type BoardAction = (typeof BOARD_ACTIONS)[number];

/** The least powerful role allowed each action; every role above it may do it too. */
const LEAST_ROLE: Record<BoardAction, BoardRole> = {
  read: 'viewer',
  comment: 'commenter',
  'create-card': 'editor',
  'edit-card': 'editor',
  'move-card': 'editor',
  'tick-checklist': 'editor',
  // The stages are the process (its gates, time rules, send-back loops); changing them is the
  // manager's part, or an editor could drop a gate and move the card through.
  'edit-stages': 'manager',
  // Renaming and archiving the board itself.
  'edit-board': 'manager',
  'save-template': 'editor',
  // Managers "approve gates, manage members" (DESIGN.md); sending back is the other half of a review.
  approve: 'manager',
  'send-back': 'manager',
  'manage-members': 'manager',
  'delete-board': 'owner'
};

const rank = (role: BoardRole): number => BOARD_ROLES.length - BOARD_ROLES.indexOf(role);

export function isBoardRole(value: unknown): value is BoardRole {
  return typeof value === 'string' && (BOARD_ROLES as readonly string[]).includes(value);
}

/** True when someone with `role` on a board (null: not a member) may do `action` there. */
export function can(role: BoardRole | null, action: BoardAction): boolean {
  return role !== null && rank(role) >= rank(LEAST_ROLE[action]);
}

/**
 * True when a card may leave a gated stage forward: only once the gate is approved, whoever
 * moves it (approving is the manager's act; moving on is anyone's who may move cards).
 */
export function canLeaveGate(role: BoardRole | null, gateApproved: boolean): boolean {
  return gateApproved && can(role, 'move-card');
}

/**
 * True when `actor` may give `target` the role `to` (or remove them: `to` null). Managers manage
 * members below owner; only owners touch owners, and a board never loses its last owner.
 */
export function canChangeRole(
  actor: BoardRole | null,
  target: BoardRole,
  to: BoardRole | null,
  ownersLeft: number
): boolean {
  if (!can(actor, 'manage-members')) return false;
  const touchesOwner = target === 'owner' || to === 'owner';
  if (touchesOwner && actor !== 'owner') return false;
  const demotesOwner = target === 'owner' && to !== 'owner';
  return !(demotesOwner && ownersLeft <= 1);
}

/**
 * What can be done with a team template: every signed-in person may `use` one (start a board
 * from it, read it); renaming or replacing its definition (`edit`) and deleting it are its
 * owner's (the account that saved it) and administrators'. A template without a known owner
 * (saved before templates had owners, with no administrator to give it to) is administrators' only.
 */
export const TEMPLATE_ACTIONS = ['use', 'edit', 'delete'] as const;
export type TemplateAction = (typeof TEMPLATE_ACTIONS)[number];

/** The part of an account the template rule reads. */
export interface TemplateActor {
  id: string;
  isAdmin: boolean;
}

/** True when `actor` (null: nobody signed in) may do `action` to a team template owned by `ownerId`. */
export function canTemplate(
  actor: TemplateActor | null,
  ownerId: string | null,
  action: TemplateAction
): boolean {
  if (!actor) return false;
  if (action === 'use') return true;
  return actor.isAdmin || (ownerId !== null && ownerId === actor.id);
}
