/**
 * The shape of a board's Y.Doc (DESIGN.md, "The board document"). Only this folder reaches into
 * the Y types by key; everything else reads views (read.ts) and writes through operations.
 */
import * as Y from 'yjs';

export const SCHEMA_VERSION = 1;

/** Upper bounds on what one edit may write, so a bad client cannot bloat a board. */
export const LIMITS = {
  boardTitle: 200,
  stageName: 100,
  cardTitle: 500,
  stages: 50
} as const;

export type StageMap = Y.Map<unknown>;
export type CardMap = Y.Map<unknown>;

/** Top-level types of a board document. */
export interface BoardRoots {
  meta: Y.Map<unknown>;
  stages: Y.Map<StageMap>;
  cards: Y.Map<CardMap>;
  approvals: Y.Map<unknown>;
}

/** The board's root maps (creating them is free: Yjs top-level types exist by name). */
export function roots(doc: Y.Doc): BoardRoots {
  return {
    meta: doc.getMap('meta'),
    stages: doc.getMap<StageMap>('stages'),
    cards: doc.getMap<CardMap>('cards'),
    approvals: doc.getMap('approvals')
  };
}

/** Keys of a stage map. */
export const StageKey = {
  id: 'id',
  name: 'name',
  /** English (or other-language) name shown beside a template's Chinese name. */
  altName: 'altName',
  rank: 'rank',
  wipLimit: 'wipLimit',
  timeLimitDays: 'timeLimitDays',
  /** Role that signs off before a card may leave the stage, or absent. */
  gateRole: 'gateRole',
  /** Checklist items a card receives on entering the stage (plain strings). */
  checklist: 'checklist'
} as const;

/** Keys of a card map. */
export const CardKey = {
  id: 'id',
  title: 'title',
  description: 'description',
  stageId: 'stageId',
  rank: 'rank',
  archived: 'archived',
  createdAt: 'createdAt',
  checklist: 'checklist',
  comments: 'comments'
} as const;

/** Keys of the meta map. */
export const MetaKey = {
  title: 'title',
  templateId: 'templateId',
  schemaVersion: 'schemaVersion',
  createdAt: 'createdAt'
} as const;

export function str(map: Y.Map<unknown>, key: string, fallback = ''): string {
  const v = map.get(key);
  return typeof v === 'string' ? v : fallback;
}

export function num(map: Y.Map<unknown>, key: string): number | null {
  const v = map.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function text(map: Y.Map<unknown>, key: string): string {
  const v = map.get(key);
  if (v instanceof Y.Text) return v.toString();
  return typeof v === 'string' ? v : '';
}
