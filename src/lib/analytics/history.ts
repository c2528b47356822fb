/**
 * A board's stage history: for every card, the stays it made in each stage (entered, left), read
 * from the activity log's stage entries and reconciled with the document. Pure and isomorphic:
 * the server computes insights from it, and tests feed it hand-written histories.
 */

/** The activity kinds that say where a card stands (server/audit records them with their time). */
export const STAGE_EVENT_KINDS = [
  'card.created',
  'card.moved',
  'card.sent-back',
  'card.archived',
  'card.restored',
  'card.deleted'
] as const;
export type StageEventKind = (typeof STAGE_EVENT_KINDS)[number];

/** One stage entry of the log, oldest first when given to `stageStays`. */
export interface StageEvent {
  cardId: string;
  at: number;
  kind: StageEventKind;
  /** card.created / card.moved / card.sent-back: where it went. */
  toStage?: string;
  /** card.moved / card.sent-back: where it was. */
  fromStage?: string;
}

/** What the document says of a card now: the log's gaps are filled from it. */
export interface CardNow {
  id: string;
  stageId: string;
  createdAt: number;
  /** When it entered its current stage. */
  enteredAt: number;
  archived: boolean;
}

/** A card's time in one stage: `left` null while it is still there. */
export interface Stay {
  cardId: string;
  stageId: string;
  entered: number;
  left: number | null;
  /** Begun by restoring an archived card: not an arrival (throughput does not count it). */
  restored?: true;
}

export interface StageHistory {
  stays: Stay[];
  /** Send-backs in order: the card and the stage it was sent back from. */
  sentBack: { cardId: string; fromStage: string; at: number }[];
}

/**
 * Turns the log's stage entries into stays. What the log does not hold is reconstructed from the
 * document, never invented: a card with no creation entry (made before the log recorded it, or by
 * the seed) starts at its `createdAt` in the stage its first logged move left (or its stage now);
 * a card whose last logged stage is not its stage now entered that one at `enteredAt`. Archiving
 * ends a stay and restoring starts one in the same stage; deletion ends it.
 */
export function stageStays(events: readonly StageEvent[], cards: readonly CardNow[]): StageHistory {
  const byCard = new Map<string, StageEvent[]>();
  for (const e of events) {
    const list = byCard.get(e.cardId);
    if (list) list.push(e);
    else byCard.set(e.cardId, [e]);
  }
  const now = new Map(cards.map((c) => [c.id, c]));
  const stays: Stay[] = [];
  const sentBack: StageHistory['sentBack'] = [];
  const ids = new Set([...byCard.keys(), ...now.keys()]);
  for (const cardId of ids) {
    const list = (byCard.get(cardId) ?? []).slice().sort((a, b) => a.at - b.at);
    const card = now.get(cardId);
    let open: Stay | null = null;
    let stage: string | null = null;
    let gone = false;
    const enter = (stageId: string, at: number, restored = false) => {
      if (open) open.left = at;
      open = { cardId, stageId, entered: at, left: null, ...(restored ? { restored: true as const } : {}) };
      stays.push(open);
      stage = stageId;
    };
    const leave = (at: number) => {
      if (open) open.left = at;
      open = null;
    };
    const first = list[0];
    if (first?.kind !== 'card.created' && card) {
      const start = first?.fromStage ?? (first ? undefined : card.stageId);
      if (start !== undefined && (first === undefined || card.createdAt <= first.at))
        enter(start, card.createdAt);
      else if (start !== undefined) stage = start;
    }
    for (const e of list) {
      switch (e.kind) {
        case 'card.created':
          if (e.toStage) enter(e.toStage, e.at);
          break;
        case 'card.moved':
        case 'card.sent-back':
          if (e.kind === 'card.sent-back' && e.fromStage) {
            sentBack.push({ cardId, fromStage: e.fromStage, at: e.at });
          }
          if (e.toStage && e.toStage !== stage) enter(e.toStage, e.at);
          break;
        case 'card.archived':
          leave(e.at);
          break;
        case 'card.restored':
          if (stage !== null) enter(stage, e.at, true);
          break;
        case 'card.deleted':
          leave(e.at);
          gone = true;
          break;
      }
    }
    if (!card || gone) continue;
    // The document is the truth of where the card is: a move the log missed shows here.
    if (stage !== card.stageId && !card.archived) enter(card.stageId, Math.max(card.enteredAt, lastAt(list)));
    const still = open as Stay | null;
    if (card.archived && still) leave(Math.max(still.entered, lastAt(list)));
  }
  stays.sort((a, b) => a.entered - b.entered || a.cardId.localeCompare(b.cardId));
  return { stays, sentBack };
}

function lastAt(list: readonly StageEvent[]): number {
  return list[list.length - 1]?.at ?? 0;
}

export function isStageEventKind(kind: string): kind is StageEventKind {
  return (STAGE_EVENT_KINDS as readonly string[]).includes(kind);
}
