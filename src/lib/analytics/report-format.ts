/**
 * How the summary report shows its numbers, for the page and the PDF alike (the PDF is drawn on
 * the server in the requester's language, so every function takes the locale).
 */
import { SUGGESTED_LINES } from '../board/budget';
import { formatMoney } from '../board/fen';
import { SUGGESTED_TARGETS } from '../board/targets';
import type { ReportGoal, ReportStageName, SummaryReport } from './report';
import { formatDate, formatIsoDay } from '../i18n/dates';
import { format, type Locale, type MessageKey } from '../i18n/locale';

export const DASH = '—';

/**
 * A budget line's or a target's name in the reader's language: the names 001 gives (物料成本,
 * 到店人数 …) have an English one, as the card panel shows them; any other name as written.
 */
export function usualName(name: string, locale: Locale): string {
  if (locale !== 'en') return name;
  return (
    (SUGGESTED_LINES.find((l) => l.name === name) ?? SUGGESTED_TARGETS.find((t) => t.name === name))?.alt ??
    name
  );
}

/** A stage's (or field's) name in the reader's language: the second name in English if it has one. */
export function nameIn(locale: Locale, stage: ReportStageName): string {
  return locale === 'en' && stage.altName ? stage.altName : stage.name;
}

/** A fraction as a percentage, to one decimal at most: 1.25 → 125%. */
export function percent(fraction: number | null, locale: Locale): string {
  if (fraction === null) return DASH;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A goal's target or actual in its kind: money in the board's currency, percent points, a count and its unit. */
export function goalAmount(goal: ReportGoal, value: number | null, currency: string, locale: Locale): string {
  if (value === null) return DASH;
  if (goal.kind === 'money') return formatMoney(value, currency, locale);
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  return goal.kind === 'percent' ? `${n}%` : `${n}${goal.unit ? ` ${goal.unit}` : ''}`;
}

/** Return on spending as a ratio: 2.99 → "2.99". */
export function ratio(value: number | null, locale: Locale): string {
  return value === null
    ? DASH
    : new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export const money = (fen: number | null, currency: string, locale: Locale): string =>
  fen === null ? DASH : formatMoney(fen, currency, locale);

export const moment = (at: number | null, locale: Locale): string =>
  at === null ? DASH : formatDate(at, 'day-time', locale);

export const day = (iso: string | null, locale: Locale): string =>
  iso ? formatIsoDay(iso, 'day', locale) : DASH;

export const days = (n: number, locale: Locale): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);

/** A column of a report table: its heading, its share of the width (the PDF's), figures right. */
export interface ReportColumn {
  label: string;
  width: number;
  align?: 'left' | 'right';
}

export interface ReportTable {
  columns: ReportColumn[];
  rows: string[][];
  /** A totals row, if any. */
  foot?: string[];
}

/** A section: its heading, and its table, or null with the words saying it is empty. */
export interface ReportSection {
  id: 'goals' | 'money' | 'timeline' | 'approvals' | 'drafts';
  heading: string;
  table: ReportTable | null;
  empty: string;
}

export interface ReportRound {
  title: string;
  reason: string;
}

/** Everything the page and the PDF print, as text in the reader's language, in print order. */
export interface ReportText {
  facts: [string, string][];
  sections: ReportSection[];
  rounds: ReportRound[];
}

/** Names in a row: 、 between Chinese names, a comma in English. */
const list = (names: readonly string[], locale: Locale) => names.join(locale === 'en' ? ', ' : '、');

/** Start to due date; either alone when the other is not set. */
function period(start: string | null, due: string | null, locale: Locale): string {
  if (start && due) return `${day(start, locale)} – ${day(due, locale)}`;
  return day(start ?? due, locale);
}

const col = (label: string, width: number, align: 'left' | 'right' = 'right'): ReportColumn => ({
  label,
  width,
  align
});

/** The report's facts and tables as the reader's language writes them. */
export function reportText(report: SummaryReport, locale: Locale): ReportText {
  const t = (key: MessageKey, params?: Record<string, string | number>) => format(locale, key, params);
  const cur = report.currency;
  const stageRound = (stage: ReportStageName, round: number) =>
    round > 0 ? `${nameIn(locale, stage)} · ${t('report.round', { round })}` : nameIn(locale, stage);
  const lineRow = (l: { name: string; budget: number; spent: number; pending: number }) => [
    usualName(l.name, locale),
    money(l.budget, cur, locale),
    money(l.spent, cur, locale),
    money(l.pending, cur, locale),
    money(l.budget - l.spent, cur, locale)
  ];
  const section = (
    id: ReportSection['id'],
    heading: MessageKey,
    empty: MessageKey,
    columns: ReportColumn[],
    rows: string[][],
    foot?: string[]
  ): ReportSection => ({
    id,
    heading: t(heading),
    empty: t(empty),
    table: rows.length ? { columns, rows, ...(foot ? { foot } : {}) } : null
  });
  return {
    facts: [
      [t('report.board'), report.boardTitle],
      [t('report.stage'), nameIn(locale, report.stage)],
      [t('report.period'), period(report.startDate, report.date, locale)],
      [t('report.assignees'), list(report.assignees, locale) || t('report.none')],
      [t('report.labels'), list(report.labels, locale) || t('report.none')],
      ...report.fields.map((f): [string, string] => [
        locale === 'en' && f.alt ? f.alt : f.name,
        f.kind === 'money' && typeof f.value === 'number' ? money(f.value, cur, locale) : String(f.value)
      ])
    ],
    sections: [
      section(
        'goals',
        'report.goals',
        'report.noGoals',
        [
          col(t('report.goal'), 0.22, 'left'),
          col(t('report.target'), 0.17),
          col(t('report.actual'), 0.17),
          col(t('report.attainment'), 0.13),
          col(t('report.costPerResult'), 0.17),
          col(t('report.roi'), 0.14)
        ],
        report.goals.map((g) => [
          usualName(g.name, locale),
          goalAmount(g, g.target, cur, locale),
          goalAmount(g, g.actual, cur, locale),
          percent(g.attainment, locale),
          money(g.costPerResult, cur, locale),
          ratio(g.returnOnSpend, locale)
        ])
      ),
      section(
        'money',
        'report.money',
        'report.noMoney',
        [
          col(t('report.line'), 0.28, 'left'),
          col(t('report.budget'), 0.18),
          col(t('report.spent'), 0.18),
          col(t('report.pending'), 0.18),
          col(t('report.left'), 0.18)
        ],
        report.lines.map(lineRow),
        lineRow({ name: t('report.total'), ...report.totals })
      ),
      section(
        'timeline',
        'report.timeline',
        'report.none',
        [
          col(t('report.col.stage'), 0.3, 'left'),
          col(t('report.entered'), 0.28),
          col(t('report.leftAt'), 0.28),
          col(t('report.days'), 0.14)
        ],
        report.timeline.map((s) => [
          nameIn(locale, s),
          moment(s.entered, locale),
          s.left === null ? t('report.still') : moment(s.left, locale),
          days(s.days, locale)
        ])
      ),
      section(
        'approvals',
        'report.approvals',
        'report.noApprovals',
        [
          col(t('report.col.stage'), 0.22, 'left'),
          col(t('report.approver'), 0.22, 'left'),
          col(t('report.approvedAt'), 0.24, 'left'),
          col(t('report.note'), 0.32, 'left')
        ],
        report.approvals.map((a) => [
          stageRound(a.stage, a.round),
          a.title ? `${a.by}（${a.title}）` : a.by,
          moment(a.at, locale),
          a.note
        ])
      ),
      section(
        'drafts',
        'report.drafts',
        'report.noDrafts',
        [
          col(t('report.draft'), 0.4, 'left'),
          col(t('report.versions'), 0.14),
          col(t('report.latest'), 0.46, 'left')
        ],
        report.drafts.map((d) => [
          d.name,
          String(d.versions),
          `${moment(d.latestAt, locale)} · ${d.latestBy}`
        ])
      )
    ],
    rounds: report.revisions.map((r) => ({
      title: [
        t('report.round', { round: r.round }),
        moment(r.at, locale),
        t('report.sentBack', { from: nameIn(locale, r.from), to: nameIn(locale, r.to) }),
        ...(r.by ? [r.by] : [])
      ].join(' · '),
      reason: r.reason ? `${t('report.reason')}：${r.reason}` : ''
    }))
  };
}
