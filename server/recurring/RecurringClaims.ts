/** One occurrence of a recurring rule: the board, the rule and the period it is for. */
export interface ClaimKey {
  boardId: string;
  ruleId: string;
  period: string;
}

/**
 * Who makes each occurrence's card: the first to claim it. A claim is never taken twice, in one
 * process or several on one database, so a card is made at most once per rule and period.
 */
export interface RecurringClaims {
  /** Claims the occurrence for `cardId`; true when this call took it, false when it was taken before. */
  claim(key: ClaimKey, cardId: string, at: number): Promise<boolean>;
  /** Forgets a board's claims (the board is being deleted). */
  removeBoard(boardId: string): Promise<void>;
}
