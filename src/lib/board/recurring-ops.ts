/**
 * Writing and reading a board's recurring plans (recurring.ts says what a rule is), and the one
 * operation the server uses to make an occurrence's card.
 */
import type * as Y from 'yjs';
import { addCard, setCardDate } from './card-ops';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { readStages } from './read';
import {
  cleanRecurringRule,
  occurrenceTitle,
  RECURRING_LIMITS,
  type Occurrence,
  type RecurringRule,
  type RecurringRuleView
} from './recurring';
import { roots } from './schema';
import { transact } from './transact';

/** Adds a rule (`id` null) or replaces one; returns its id. A stage it names must exist. */
export function setRecurringRule(
  doc: Y.Doc,
  id: string | null,
  rule: RecurringRule,
  origin?: BoardOrigin
): string {
  const clean = cleanRecurringRule(rule);
  if (!clean) throw new BoardError('invalid', 'Not a recurring rule.');
  if (clean.stageId && !roots(doc).stages.has(clean.stageId))
    throw new BoardError('not-found', 'No such stage.');
  const { recurring } = roots(doc);
  if (id === null && recurring.size >= RECURRING_LIMITS.rules) {
    throw new BoardError('invalid', `A board holds at most ${RECURRING_LIMITS.rules} recurring rules.`);
  }
  const key = id ?? newId();
  transact(doc, origin, () => recurring.set(key, clean));
  return key;
}

/** Removes a rule; the cards it made stay. */
export function removeRecurringRule(doc: Y.Doc, id: string, origin?: BoardOrigin): void {
  transact(doc, origin, () => roots(doc).recurring.delete(id));
}

/** The board's rules, in the order of their titles (then ids), each as stored. */
export function readRecurringRules(doc: Y.Doc): RecurringRuleView[] {
  const out: RecurringRuleView[] = [];
  roots(doc).recurring.forEach((value, id) => {
    const rule = cleanRecurringRule(value);
    if (rule) out.push({ id, ...rule });
  });
  return out.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN') || (a.id < b.id ? -1 : 1));
}

/**
 * Makes the card of one occurrence as `cardId`: in the rule's stage (the first one when it names
 * none, or one removed since), with that stage's checklist, dated the day it is due. Returns
 * false, writing nothing, when the rule is gone or paused by now or the board has no stage.
 */
export function makeOccurrenceCard(
  doc: Y.Doc,
  ruleId: string,
  occurrence: Occurrence,
  cardId: string,
  origin?: BoardOrigin
): boolean {
  const rule = cleanRecurringRule(roots(doc).recurring.get(ruleId));
  const stages = readStages(doc);
  if (!rule || rule.paused || stages.length === 0) return false;
  const stageId = stages.some((s) => s.id === rule.stageId) ? rule.stageId! : stages[0]!.id;
  transact(doc, origin, () => {
    addCard(doc, { stageId, title: occurrenceTitle(rule, occurrence), id: cardId }, origin);
    setCardDate(doc, cardId, occurrence.due, origin);
  });
  return true;
}
