import type * as Y from 'yjs';
import { makeStageMap, type StageInit } from './board-ops';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { rankAtIndex } from './rank';
import { readBoard, readStages } from './read';
import {
  cleanChecklistSeeds,
  cleanDepartment,
  cleanGate,
  cleanRequirements,
  cleanTimeRule,
  type ChecklistSeed,
  type Department,
  type Gate,
  type Requirements,
  type TimeRule
} from './rules';
import { cleanStageOwner, type StageOwner } from './roles';
import { CardKey, LIMITS, StageKey, roots, type StageMap } from './schema';
import { cleanName, transact } from './transact';

function stageMap(doc: Y.Doc, stageId: string): StageMap {
  const map = roots(doc).stages.get(stageId);
  if (!map) throw new BoardError('not-found', `No stage ${stageId}.`);
  return map;
}

/** Adds a stage at `index` (default: last) and returns its id. */
export function addStage(
  doc: Y.Doc,
  stage: StageInit & { index?: number; id?: string },
  origin?: BoardOrigin
): string {
  const existing = readStages(doc);
  if (existing.length >= LIMITS.stages) throw new BoardError('too-many-stages', 'Too many stages.');
  const id = stage.id ?? newId();
  const rank = rankAtIndex(existing, stage.index ?? existing.length);
  transact(doc, origin, () => roots(doc).stages.set(id, makeStageMap(id, rank, stage)));
  return id;
}

/** Renames a stage; a renamed stage drops the template's second-language name. */
export function renameStage(doc: Y.Doc, stageId: string, name: string, origin?: BoardOrigin): void {
  const clean = cleanName(name, LIMITS.stageName);
  if (!clean) throw new BoardError('invalid', `Stage name must be 1–${LIMITS.stageName} characters.`);
  const map = stageMap(doc, stageId);
  transact(doc, origin, () => {
    map.set(StageKey.name, clean);
    map.delete(StageKey.altName);
  });
}

/** Moves a stage to `index` among the other stages. */
export function moveStage(doc: Y.Doc, stageId: string, index: number, origin?: BoardOrigin): void {
  const map = stageMap(doc, stageId);
  const others = readStages(doc).filter((s) => s.id !== stageId);
  const rank = rankAtIndex(others, index);
  transact(doc, origin, () => map.set(StageKey.rank, rank));
}

/**
 * Removes a stage. Its cards (archived ones too) move to `moveCardsTo`; without a target a stage
 * that still holds cards is refused, so removing a column never silently loses work.
 */
export function removeStage(
  doc: Y.Doc,
  stageId: string,
  options: { moveCardsTo?: string } = {},
  origin?: BoardOrigin
): void {
  stageMap(doc, stageId);
  const board = readBoard(doc);
  if (board.stages.length <= 1) throw new BoardError('last-stage', 'A board keeps at least one stage.');
  const { cards, stages } = roots(doc);
  const held: string[] = [];
  cards.forEach((card, id) => {
    if (card.get(CardKey.stageId) === stageId) held.push(id);
  });
  const target = options.moveCardsTo;
  if (held.length > 0) {
    if (!target || target === stageId) {
      throw new BoardError('stage-not-empty', `Stage holds ${held.length} cards; say where they go.`);
    }
    stageMap(doc, target);
  }
  transact(doc, origin, () => {
    if (target) {
      // Append after the target's own cards, keeping their relative order.
      const tail = board.columns.get(target) ?? [];
      const moving = [
        ...(board.columns.get(stageId) ?? []),
        ...board.archived.filter((c) => c.stageId === stageId)
      ];
      let siblings = tail;
      for (const card of moving) {
        const rank = rankAtIndex(siblings, siblings.length);
        const map = cards.get(card.id);
        map?.set(CardKey.stageId, target);
        map?.set(CardKey.rank, rank);
        siblings = [...siblings, { ...card, rank }];
      }
    }
    stages.delete(stageId);
  });
}

/** The rules of a stage a caller may change; a key set to null clears that rule. */
export interface StageRulesPatch {
  wipLimit?: number | null;
  department?: Department | null;
  timeRule?: TimeRule | null;
  gate?: Gate | null;
  checklist?: ChecklistSeed[] | null;
  sendBackTo?: string | null;
  owner?: StageOwner | null;
  requires?: Requirements | null;
}

/**
 * Changes a stage's rules. Cards already in the stage keep the checklist they received; the new
 * checklist reaches cards that enter later. Unusable rule data is refused, not stored half-way.
 */
export function setStageRules(
  doc: Y.Doc,
  stageId: string,
  patch: StageRulesPatch,
  origin?: BoardOrigin
): void {
  const map = stageMap(doc, stageId);
  const writes: [string, unknown][] = [];
  // Every rule is checked before anything is written: a patch applies whole or not at all.
  // Each cleaner returns null for data it cannot use; null in the patch clears the rule.
  const put = <T>(key: string, value: T | null | undefined, clean: (v: T) => unknown, what: string) => {
    if (value === undefined) return;
    const cleaned = value === null ? null : clean(value);
    if (value !== null && cleaned === null)
      throw new BoardError('invalid', `The stage's ${what} is not usable.`);
    writes.push([key, cleaned]);
  };
  put(
    StageKey.wipLimit,
    patch.wipLimit,
    (n: number) => (Number.isInteger(n) && n >= 1 && n <= 999 ? n : null),
    'WIP limit (1–999)'
  );
  put(StageKey.department, patch.department, cleanDepartment, 'department');
  put(StageKey.timeRule, patch.timeRule, cleanTimeRule, 'time rule');
  put(StageKey.gate, patch.gate, cleanGate, 'gate');
  put(StageKey.owner, patch.owner, cleanStageOwner, 'owner');
  // An empty checklist clears it; a list none of whose items is usable is refused.
  put(
    StageKey.checklist,
    patch.checklist?.length === 0 ? null : patch.checklist,
    (seeds: ChecklistSeed[]) => {
      const clean = cleanChecklistSeeds(seeds);
      return clean.length ? clean : null;
    },
    'checklist'
  );
  put(
    StageKey.sendBackTo,
    patch.sendBackTo,
    (id: string) => (id !== stageId && roots(doc).stages.has(id) ? id : null),
    'send-back stage'
  );
  put(StageKey.requires, patch.requires, cleanRequirements, 'requirements');
  transact(doc, origin, () => {
    for (const [key, value] of writes) {
      if (value === null) map.delete(key);
      else map.set(key, value);
    }
    // A rule written in the current shape replaces any legacy one.
    if (patch.timeRule !== undefined) map.delete(StageKey.legacyTimeLimitDays);
    if (patch.gate !== undefined) map.delete(StageKey.legacyGateRole);
  });
}
