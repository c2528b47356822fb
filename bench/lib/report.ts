/** The table `npm run bench` prints, and its Markdown twin for bench/RESULTS.md. */
import type { Figure, ScenarioResult, ServerName } from './types';

/** A load generator above this share of its core may be limiting what it measures. */
export const GENERATOR_LIMIT = 70;

export interface ScenarioReport {
  id: string;
  title: string;
  sizes: string;
  result: ScenarioResult;
  seconds: number;
}

export const RATIO_HEADER = 'SB ÷ best peer';
export const RATIO_NOTE =
  "SB ÷ best peer = Stageboard's median divided by the best peer's median. For lower-is-better figures " +
  '(all but those marked ↑) a ratio below 1 means Stageboard wins; for ↑ figures a ratio above 1 does. ' +
  '"=" means both are 0; "—" means no ratio applies.';

export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs < 1) return value.toFixed(3);
  if (abs < 10) return value.toFixed(2);
  if (abs < 100) return value.toFixed(1);
  return Math.round(value).toString();
}

function ratio(figures: Figure[]): string {
  const first = figures[0];
  if (!first || first.noRatio) return '—';
  const own = figures.find((f) => f.server === 'stageboard')?.median;
  const peers = figures
    .filter((f) => f.server !== 'stageboard')
    .map((f) => f.median)
    .filter((v): v is number => typeof v === 'number');
  if (typeof own !== 'number' || peers.length === 0) return '—';
  const best = first.higherIsBetter ? Math.max(...peers) : Math.min(...peers);
  if (best === 0) return own === 0 ? '=' : '∞';
  return (own / best).toFixed(2);
}

interface Row {
  id: string;
  figure: string;
  values: string[];
  ratio: string;
}

function rows(reports: ScenarioReport[], servers: ServerName[]): Row[] {
  const out: Row[] = [];
  for (const report of reports) {
    const labels = [...new Set(report.result.figures.map((f) => f.figure))];
    for (const label of labels) {
      const figures = report.result.figures.filter((f) => f.figure === label);
      const first = figures[0];
      const unit = first ? ` (${first.unit}${first.higherIsBetter ? ', ↑' : ''})` : '';
      out.push({
        id: report.id,
        figure: label + unit,
        values: servers.map((server) => {
          const figure = figures.find((f) => f.server === server);
          return figure ? formatValue(figure.median) + (figure.median === null ? '*' : '') : '';
        }),
        ratio: ratio(figures)
      });
    }
    const peaks = report.result.generatorCpuPeakByServer ?? {};
    const over = report.result.generatorCpuPeak > GENERATOR_LIMIT;
    out.push({
      id: report.id,
      figure: `load-generator CPU peak (% of its core, max)${over ? ` ⚠ over ${GENERATOR_LIMIT} %` : ''}`,
      values: servers.map((server) => formatValue(peaks[server])),
      ratio: over ? '⚠' : 'ok'
    });
  }
  return out;
}

/** Plain-text table for the terminal. */
export function textTable(reports: ScenarioReport[], servers: ServerName[]): string {
  const header = ['#', 'figure', ...servers, RATIO_HEADER];
  const body = rows(reports, servers).map((r) => [r.id, r.figure, ...r.values, r.ratio]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map(line)].join('\n');
}

/** The same table in Markdown. */
export function markdownTable(reports: ScenarioReport[], servers: ServerName[]): string {
  const header = ['#', 'figure', ...servers, RATIO_HEADER];
  const body = rows(reports, servers).map((r) => [r.id, r.figure, ...r.values, r.ratio]);
  const align = header.map((_, i) => (i < 2 ? '---' : '---:'));
  return [header, align, ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Footnotes: why a value is missing (`*`), and each scenario's notes. */
export function notes(reports: ScenarioReport[]): string[] {
  const out: string[] = [];
  for (const report of reports) {
    const missing = report.result.figures.filter((f) => f.median === null);
    const reasons = new Map<string, string>();
    for (const f of missing) reasons.set(`${f.server}: ${f.note ?? 'no result'}`, f.server);
    for (const reason of reasons.keys()) out.push(`[${report.id}] * ${reason}`);
    for (const note of report.result.notes) out.push(`[${report.id}] ${note}`);
  }
  return out;
}

export function headroom(reports: ScenarioReport[]): string[] {
  return reports.map((r) => {
    const peak = r.result.generatorCpuPeak;
    const verdict =
      peak > GENERATOR_LIMIT
        ? `WARNING: above ${GENERATOR_LIMIT} %, the generator may have limited these figures`
        : `headroom ok (limit ${GENERATOR_LIMIT} %)`;
    return `Scenario ${r.id} (${r.title}): load generators peaked at ${formatValue(peak)} % of their core — ${verdict}.`;
  });
}
