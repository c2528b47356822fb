import * as Y from 'yjs';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { ranksBetween } from './rank';
import { LIMITS, MetaKey, SCHEMA_VERSION, StageKey, roots } from './schema';
import { cleanName, transact } from './transact';

/** A stage as a template or a caller describes it before it exists. */
export interface StageInit {
  name: string;
  altName?: string;
  wipLimit?: number | null;
  timeLimitDays?: number | null;
  gateRole?: string | null;
  checklist?: string[];
}

export interface BoardInit {
  title: string;
  templateId?: string | null;
  stages: StageInit[];
}

/** Builds a stage map ready to be put into the `stages` root. */
export function makeStageMap(id: string, rank: string, stage: StageInit): Y.Map<unknown> {
  const name = cleanName(stage.name, LIMITS.stageName);
  if (!name) throw new BoardError('invalid', `Stage name must be 1–${LIMITS.stageName} characters.`);
  const map = new Y.Map<unknown>();
  map.set(StageKey.id, id);
  map.set(StageKey.name, name);
  map.set(StageKey.rank, rank);
  if (stage.altName) map.set(StageKey.altName, stage.altName);
  if (stage.wipLimit != null) map.set(StageKey.wipLimit, stage.wipLimit);
  if (stage.timeLimitDays != null) map.set(StageKey.timeLimitDays, stage.timeLimitDays);
  if (stage.gateRole) map.set(StageKey.gateRole, stage.gateRole);
  if (stage.checklist?.length) map.set(StageKey.checklist, [...stage.checklist]);
  return map;
}

/** Fills an empty document with a board's meta and stages (a new board, blank or from a template). */
export function initBoard(doc: Y.Doc, init: BoardInit, origin?: BoardOrigin): void {
  const title = cleanName(init.title, LIMITS.boardTitle);
  if (!title) throw new BoardError('invalid', `Board title must be 1–${LIMITS.boardTitle} characters.`);
  if (init.stages.length > LIMITS.stages) throw new BoardError('too-many-stages', 'Too many stages.');
  transact(doc, origin, () => {
    const { meta, stages } = roots(doc);
    meta.set(MetaKey.title, title);
    meta.set(MetaKey.templateId, init.templateId ?? '');
    meta.set(MetaKey.schemaVersion, SCHEMA_VERSION);
    meta.set(MetaKey.createdAt, Date.now());
    const ranks = ranksBetween(null, null, init.stages.length);
    init.stages.forEach((stage, i) => {
      const id = newId();
      stages.set(id, makeStageMap(id, ranks[i] as string, stage));
    });
  });
}

/** Renames the board. */
export function renameBoard(doc: Y.Doc, title: string, origin?: BoardOrigin): void {
  const clean = cleanName(title, LIMITS.boardTitle);
  if (!clean) throw new BoardError('invalid', `Board title must be 1–${LIMITS.boardTitle} characters.`);
  transact(doc, origin, () => roots(doc).meta.set(MetaKey.title, clean));
}
