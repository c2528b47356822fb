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
      | 'invalid-approver',
    message: string,
    /** For 'gate-closed' and 'exit-restricted': the stage whose approval is missing, so the refusal can name it. */
    readonly stageId?: string
  ) {
    super(message);
  }
}
