/**
 * A card's 活动总结报告 (001 七: 活动目标是否达成、活动效果如何、存在的问题及改进建议): one model
 * built from the document, the card's stage history and the members' names, drawn by the report
 * page and the PDF alike, so the two can never say different things. Pure: tests hand it a doc
 * and a history and compute the expected figures themselves.
 */
import type * as Y from 'yjs';
import { readAttachments } from '../board/attachment-ops';
import { readFieldDefs } from '../board/card-fields';
import { readRetro } from '../board/card-detail-ops';
import { readCardMoney } from '../board/expenses';
import { currencyOf } from '../board/budget';
import { readLabels } from '../board/label-ops';
import { readCardDetail, readMeta, readStages } from '../board/read';
import { cardMap, roots } from '../board/schema';
import { cardSignatures } from '../board/signatures';
import { attainment, costPerResult, readTargets, returnOnSpend, type TargetKind } from '../board/targets';
import { stageStays, type StageEvent } from './history';

const DAY_MS = 86_400_000;

/** A stage as the report names it: the template's name and its second-language name. */
export interface ReportStageName {
  name: string;
  altName: string;
}

export interface ReportGoal {
  name: string;
  kind: TargetKind;
  unit: string;
  target: number;
  actual: number | null;
  /** 目标达成率 as a fraction (1 = met), or null. */
  attainment: number | null;
  /** Fen per result (count targets), or null. */
  costPerResult: number | null;
  /** Actual ÷ spent (money targets), or null. */
  returnOnSpend: number | null;
}

export interface ReportLine {
  name: string;
  budget: number;
  spent: number;
  pending: number;
}

export interface ReportStay extends ReportStageName {
  entered: number;
  /** Null while the card is still in the stage. */
  left: number | null;
  /** Whole and part days, to one decimal, up to `left` or the report's time. */
  days: number;
}

export interface ReportRevision {
  round: number;
  from: ReportStageName;
  to: ReportStageName;
  at: number;
  by: string;
  reason: string;
}

export interface ReportApproval {
  stage: ReportStageName;
  round: number;
  by: string;
  title: string;
  at: number;
  note: string;
}

export interface ReportDraft {
  name: string;
  versions: number;
  latestAt: number;
  latestBy: string;
}

export interface SummaryReport {
  boardTitle: string;
  currency: string;
  title: string;
  stage: ReportStageName;
  startDate: string | null;
  date: string | null;
  assignees: string[];
  labels: string[];
  fields: { name: string; alt: string; value: string | number | boolean; kind: string }[];
  goals: ReportGoal[];
  lines: ReportLine[];
  totals: { budget: number; spent: number; pending: number };
  timeline: ReportStay[];
  revisions: ReportRevision[];
  approvals: ReportApproval[];
  drafts: ReportDraft[];
  /** The team's 问题与改进建议, as written. */
  retro: string;
  /** When the report was made (ms): an open stay counts up to it. */
  at: number;
}

export interface ReportInput {
  doc: Y.Doc;
  cardId: string;
  /** The board's stage entries from the activity log (others' cards are skipped). */
  events: readonly StageEvent[];
  /** User id → display name; an id without one shows as itself. */
  names: ReadonlyMap<string, string>;
  now: number;
}

/** The card's summary report; throws the board's not-found error for a card the board lacks. */
export function summaryReport({ doc, cardId, events, names, now }: ReportInput): SummaryReport {
  const map = cardMap(doc, cardId);
  const card = readCardDetail(cardId, map);
  const stages = readStages(doc);
  const stageName = (id: string): ReportStageName => {
    const s = stages.find((x) => x.id === id);
    return { name: s?.name ?? '?', altName: s?.altName ?? '' };
  };
  const who = (id: string | undefined) => (id ? (names.get(id) ?? id) : '');
  const money = readCardMoney(doc, cardId);
  const spent = money.totals.spent;
  const labels = new Map(readLabels(doc).map((l) => [l.id, l.name]));
  const history = stageStays(
    events.filter((e) => e.cardId === cardId),
    [
      {
        id: cardId,
        stageId: card.stageId,
        createdAt: card.createdAt,
        enteredAt: card.enteredAt,
        archived: card.archived
      }
    ]
  );
  const fields = readFieldDefs(doc).flatMap((f) =>
    card.fields[f.id] === undefined
      ? []
      : [{ name: f.name, alt: f.alt ?? '', value: card.fields[f.id]!, kind: f.kind }]
  );
  return {
    boardTitle: readMeta(doc).title,
    currency: currencyOf(roots(doc).meta),
    title: card.title,
    stage: stageName(card.stageId),
    startDate: card.startDate,
    date: card.date,
    assignees: card.assignees.map(who),
    labels: card.labels.flatMap((id) => (labels.has(id) ? [labels.get(id)!] : [])),
    fields,
    goals: readTargets(map).map((t) => ({
      name: t.name,
      kind: t.kind,
      unit: t.unit,
      target: t.target,
      actual: t.actual ?? null,
      attainment: attainment(t),
      costPerResult: costPerResult(t, spent),
      returnOnSpend: returnOnSpend(t, spent)
    })),
    lines: lineRows(money),
    totals: { budget: money.totals.budget, spent, pending: money.totals.pending },
    timeline: history.stays.map((s) => ({
      ...stageName(s.stageId),
      entered: s.entered,
      left: s.left,
      days: Math.round(((s.left ?? now) - s.entered) / (DAY_MS / 10)) / 10
    })),
    revisions: card.revisionLog.map((r, i) => ({
      round: i + 1,
      from: stageName(r.from),
      to: stageName(r.to),
      at: r.at,
      by: who(r.by),
      reason: r.note ?? ''
    })),
    approvals: cardSignatures(doc, cardId).map((a) => ({
      stage: stageName(a.stageId),
      round: a.round,
      // The name they signed under is the record; today's name only fills an old entry's gap.
      by: a.name || who(a.by),
      title: a.title ?? '',
      at: a.at,
      note: a.note
    })),
    drafts: readAttachments(map).map((a) => ({
      name: a.latest.name,
      versions: a.versions.length,
      latestAt: a.latest.at,
      latestBy: who(a.latest.by)
    })),
    retro: readRetro(doc, cardId),
    at: now
  };
}

/** The budget's lines in order, then any line spent against and since removed (named by its id). */
function lineRows(money: ReturnType<typeof readCardMoney>): ReportLine[] {
  const rows: ReportLine[] = money.lines.map((l) => ({
    name: l.name,
    ...(money.totals.lines.get(l.id) ?? { budget: l.amount, spent: 0, pending: 0 })
  }));
  const known = new Set(money.lines.map((l) => l.id));
  for (const [id, t] of money.totals.lines) if (!known.has(id)) rows.push({ name: id, ...t });
  return rows;
}
