/**
 * Whether two views of the same board part read alike, field by field. The projection keeps the
 * old view when a re-read one reads alike, so the UI keeps its identity and re-renders nothing.
 * A field added to a view must be added here too, or a change to it alone would not show.
 */
import {
  sameCover,
  sameMoney,
  sameResults,
  type BoardMetaView,
  type CardView,
  type StageView
} from '../board';

export function sameCard(a: CardView, b: CardView): boolean {
  return (
    a.title === b.title &&
    a.stageId === b.stageId &&
    a.rank === b.rank &&
    a.archived === b.archived &&
    a.createdAt === b.createdAt &&
    a.enteredAt === b.enteredAt &&
    a.date === b.date &&
    a.startDate === b.startDate &&
    sameList(a.assignees, b.assignees) &&
    sameList(a.labels, b.labels) &&
    a.revisions === b.revisions &&
    a.checklistDone === b.checklistDone &&
    a.checklistTotal === b.checklistTotal &&
    a.stageChecklistDone === b.stageChecklistDone &&
    a.stageChecklistTotal === b.stageChecklistTotal &&
    a.commentCount === b.commentCount &&
    a.attachmentCount === b.attachmentCount &&
    a.described === b.described &&
    sameCover(a.cover, b.cover) &&
    sameMoney(a.money, b.money) &&
    sameResults(a.results, b.results) &&
    sameJson(a.fields, b.fields)
  );
}

export function sameStage(a: StageView, b: StageView): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.altName === b.altName &&
    a.rank === b.rank &&
    a.wipLimit === b.wipLimit &&
    a.sendBackTo === b.sendBackTo &&
    // Rules are small plain objects, rewritten whole; comparing their JSON is exact and cheap.
    sameJson(a.department, b.department) &&
    sameJson(a.timeRule, b.timeRule) &&
    sameJson(a.gate, b.gate) &&
    sameJson(a.owner, b.owner) &&
    sameJson(a.checklist, b.checklist) &&
    sameJson(a.requires, b.requires)
  );
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sameMeta(a: BoardMetaView, b: BoardMetaView): boolean {
  return (
    a.title === b.title &&
    a.templateId === b.templateId &&
    a.schemaVersion === b.schemaVersion &&
    a.calendar === b.calendar &&
    a.currency === b.currency &&
    a.overrunRole === b.overrunRole &&
    sameJson(a.dateLabel, b.dateLabel)
  );
}

export function sameList<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
