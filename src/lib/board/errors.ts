import type { Missing } from './requirements';
import type { Approver } from './rules';

/** Why a board operation refused to run; `code` is stable for callers and the message catalogue. */
export class BoardError extends Error {
  override name = 'BoardError';
  constructor(
    readonly code:
      | 'not-found'
      | 'invalid'
      | 'stage-not-empty'
      | 'last-stage'
      | 'too-many-stages'
      | 'too-many-items'
      | 'no-send-back'
      | 'gate-closed'
      | 'exit-restricted'
      | 'no-gate'
      | 'already-approved'
      | 'already-signed'
      | 'not-your-turn'
      | 'cannot-sign'
      | 'needs-owner'
      | 'separation-of-duties'
      | 'invalid-approver'
      | 'requirements-unmet'
      | 'too-many-fields'
      | 'field-name-taken'
      | 'field-kind-locked'
      | 'field-in-rules'
      | 'line-in-use',
    message: string,
    /** For 'gate-closed', 'exit-restricted' and 'requirements-unmet': the stage the card may not leave yet. */
    readonly stageId?: string,
    /** For 'requirements-unmet': what the card still lacks there. */
    readonly missing?: readonly Missing[],
    /** For 'field-in-rules': the stages whose rules name the card field. */
    readonly stageIds?: readonly string[],
    /** For 'gate-closed': the approvers this card needs there (its fields' conditions applied). */
    readonly approvers?: readonly Approver[]
  ) {
    super(message);
  }
}
