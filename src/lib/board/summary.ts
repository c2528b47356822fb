/**
 * A board in a few bytes, for the board list: how many cards stand in each stage. The server
 * keeps it beside the board's catalogue row, so the list never opens a document to show it.
 */
import type * as Y from 'yjs';
import { effectiveStageId, readStages } from './read';
import { CardKey, LIMITS, roots, str } from './schema';

export interface BoardSummaryStage {
  /** The stage's name as the board has it (the template's Chinese), and its other-language name. */
  name: string;
  altName: string;
  /** Cards shown in the stage; archived ones are left out, as the board leaves them out. */
  cards: number;
}

export interface BoardSummary {
  /** In the board's order. */
  stages: BoardSummaryStage[];
}

/** Counts the board's visible cards per stage: one pass over the cards, reading two keys each. */
export function summarizeBoard(doc: Y.Doc): BoardSummary {
  // A board past the stage limit (concurrent adds) still yields a summary the store accepts.
  const stages = readStages(doc).slice(0, LIMITS.stages);
  const ids = new Set(stages.map((s) => s.id));
  const counts = new Map<string, number>();
  const first = stages[0]?.id;
  roots(doc).cards.forEach((map) => {
    if (map.get(CardKey.archived) === true) return;
    const stageId = effectiveStageId(str(map, CardKey.stageId), ids, first);
    if (stageId !== undefined) counts.set(stageId, (counts.get(stageId) ?? 0) + 1);
  });
  return {
    stages: stages.map((s) => ({ name: s.name, altName: s.altName, cards: counts.get(s.id) ?? 0 }))
  };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The summary if `value` is one (as stored), else null: a row written by an older build reads as none. */
export function readBoardSummary(value: unknown): BoardSummary | null {
  if (typeof value !== 'object' || value === null) return null;
  const stages = (value as { stages?: unknown }).stages;
  if (!Array.isArray(stages) || stages.length > LIMITS.stages) return null;
  const out: BoardSummaryStage[] = [];
  for (const s of stages as unknown[]) {
    if (typeof s !== 'object' || s === null) return null;
    const { name, altName, cards } = s as Record<string, unknown>;
    if (typeof name !== 'string' || typeof altName !== 'string' || !isCount(cards)) return null;
    out.push({ name, altName, cards });
  }
  return { stages: out };
}
