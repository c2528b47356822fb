/**
 * What a card still lacks before it may leave a stage forward (the stage's `requires`, rules.ts):
 * "还差：上传定稿、填写预算". One reading for everyone: the card face and panel show it before
 * anyone tries, moveCard refuses with it, and the server's update policy refuses a client update
 * that moves a card on without it (server/policy/updatePolicy.ts), judged, like gates, against the
 * document before the update.
 */
import * as Y from 'yjs';
import { forwardIn, stageRanks, standingStage } from './approvals';
import { readAttachments } from './attachment-ops';
import { readBudget } from './budget';
import { cleanFieldDef, fieldValueProblem } from './card-fields';
import { isIsoDate } from './dates';
import { BoardError } from './errors';
import { cleanChecklistSeeds, cleanDepartment, cleanRequirements, type Department } from './rules';
import { readTargets } from './targets';
import {
  CardKey,
  ChecklistItemKey,
  MetaKey,
  StageKey,
  roots,
  seededItemId,
  str,
  type CardMap
} from './schema';

/** One thing a card lacks; names are carried so a refusal can be said without reading the board again. */
export type Missing =
  | { kind: 'checklist' }
  | { kind: 'item'; text: string; alt?: string }
  | { kind: 'draft' }
  | { kind: 'field'; name: string; alt?: string }
  | { kind: 'date'; label: Department | null }
  | { kind: 'assignee' }
  | { kind: 'budget' }
  | { kind: 'targets' }
  /** Targets whose actual is not recorded yet, by name. */
  | { kind: 'actuals'; names: string[] };

/** A stage the card may not leave yet, and what it lacks there. */
export interface Unmet {
  stageId: string;
  missing: Missing[];
}

const size = (card: CardMap, key: string) => {
  const map = card.get(key);
  return map instanceof Y.Map ? map.size : 0;
};

function itemDone(card: CardMap, itemId: string): boolean | null {
  const item = (card.get(CardKey.checklist) as Y.Map<Y.Map<unknown>> | undefined)?.get(itemId);
  return item instanceof Y.Map ? item.get(ChecklistItemKey.done) === true : null;
}

/** What the card lacks to leave stage `stageId` forward, in the order the stage lists it; [] when nothing. */
export function missingToLeave(doc: Y.Doc, cardId: string, stageId: string): Missing[] {
  const { cards, stages, fields, meta } = roots(doc);
  const card = cards.get(cardId);
  const stage = stages.get(stageId);
  const requires = stage ? cleanRequirements(stage.get(StageKey.requires)) : null;
  if (!card || !stage || !requires) return [];
  const out: Missing[] = [];
  if (requires.checklist === 'all') {
    // Every item this stage gave the card (a stage's items are named `<stage>.<key>`).
    const open = cleanChecklistSeeds(stage.get(StageKey.checklist)).some(
      (seed) => itemDone(card, seededItemId(stageId, seed.key)) === false
    );
    if (open) out.push({ kind: 'checklist' });
  } else if (requires.checklist) {
    const seeds = cleanChecklistSeeds(stage.get(StageKey.checklist));
    for (const key of requires.checklist) {
      const seed = seeds.find((s) => s.key === key);
      // An item the stage no longer seeds cannot be asked for by name.
      if (seed && itemDone(card, seededItemId(stageId, key)) !== true)
        out.push(
          seed.alt ? { kind: 'item', text: seed.text, alt: seed.alt } : { kind: 'item', text: seed.text }
        );
    }
  }
  if (requires.draft && readAttachments(card).length === 0) out.push({ kind: 'draft' });
  for (const id of requires.fields ?? []) {
    if (id === 'date') {
      if (!isIsoDate(str(card, CardKey.date)))
        out.push({ kind: 'date', label: cleanDepartment(meta.get(MetaKey.dateLabel)) });
      continue;
    }
    // A field the board no longer defines is required of nobody.
    const def = cleanFieldDef(fields.get(id));
    const value = (card.get(CardKey.fields) as Y.Map<unknown> | undefined)?.get(id);
    if (def && (value === undefined || fieldValueProblem(def.kind, value) !== null))
      out.push(def.alt ? { kind: 'field', name: def.name, alt: def.alt } : { kind: 'field', name: def.name });
  }
  if (requires.assignee && size(card, CardKey.assignees) === 0) out.push({ kind: 'assignee' });
  if (requires.budget && readBudget(card).length === 0) out.push({ kind: 'budget' });
  const targets = requires.targets || requires.actuals ? readTargets(card) : [];
  if (requires.targets && targets.length === 0) out.push({ kind: 'targets' });
  const unmeasured = targets.filter((t) => t.actual === undefined).map((t) => t.name);
  // With no target at all there is nothing to measure: asking for actuals alone does not ask for targets.
  if (requires.actuals && unmeasured.length) out.push({ kind: 'actuals', names: unmeasured });
  return out;
}

/**
 * The first stage between the card's own (included) and `to` (excluded) whose requirements the
 * card does not meet, or null. Null unless `to` lies forward: going back never needs anything.
 * Like a gate, a stage with requirements cannot be skipped unmet.
 */
export function requirementsBlocking(doc: Y.Doc, cardId: string, to: string): Unmet | null {
  const card = roots(doc).cards.get(cardId);
  if (!card) return null;
  const ranks = stageRanks(doc);
  const from = standingStage(ranks, card);
  if (from === undefined || !forwardIn(ranks, from, to)) return null;
  const passed = [...ranks.keys()]
    .filter((id) => id === from || (forwardIn(ranks, from, id) && forwardIn(ranks, id, to)))
    .sort((a, b) => (forwardIn(ranks, a, b) ? -1 : 1));
  for (const stageId of passed) {
    const missing = missingToLeave(doc, cardId, stageId);
    if (missing.length) return { stageId, missing };
  }
  return null;
}

/** Throws the BoardError a UI shows when a move would leave a stage whose requirements are unmet. */
export function assertRequirementsMet(doc: Y.Doc, cardId: string, to: string): void {
  const unmet = requirementsBlocking(doc, cardId, to);
  if (unmet)
    throw new BoardError(
      'requirements-unmet',
      'The card lacks what its stage requires before it moves on.',
      unmet.stageId,
      unmet.missing
    );
}
