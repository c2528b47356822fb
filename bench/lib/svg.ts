/**
 * A small hand-written SVG line chart (no chart library): one panel per series label (p50, p95,
 * p99 …), each with its own y scale, one coloured line per server, a shared legend.
 */
import type { Chart } from './types';

const COLORS: Record<string, string> = {
  stageboard: '#d62728',
  'y-websocket': '#1f77b4',
  'y-websocket+leveldb': '#2ca02c',
  'hocuspocus+sqlite': '#9467bd'
};
const PANEL_W = 280;
const PANEL_H = 260;
const M = { left: 60, right: 20, top: 70, bottom: 90 };

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Round ticks: a step of 1, 2 or 5 times a power of ten, about `count` of them, up to ≥ `max`. */
function ticks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let i = 0; out.length === 0 || (out.at(-1) ?? 0) < max; i++)
    out.push(Number((i * step).toPrecision(12)));
  return out;
}

export function lineChart(chart: Chart): string {
  const labels = [...new Set(chart.series.map((s) => s.label))];
  const servers = [...new Set(chart.series.map((s) => s.server))];
  const xs = ticks(Math.max(1, ...chart.series.flatMap((s) => s.points.map((p) => p[0]))), 4);
  const xMax = xs.at(-1) ?? 1;
  const width = M.left + labels.length * (PANEL_W + M.left) - M.left + M.right;
  const height = M.top + PANEL_H + M.bottom;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15">${esc(chart.title)}</text>`
  ];
  labels.forEach((label, panel) => {
    const series = chart.series.filter((s) => s.label === label);
    const ys = ticks(Math.max(1, ...series.flatMap((s) => s.points.map((p) => p[1]))));
    const yMax = ys.at(-1) ?? 1;
    const left = M.left + panel * (PANEL_W + M.left);
    const x = (v: number): number => left + (v / xMax) * PANEL_W;
    const y = (v: number): number => M.top + PANEL_H - (v / yMax) * PANEL_H;
    out.push(
      `<text x="${left + PANEL_W / 2}" y="${M.top - 14}" text-anchor="middle" font-size="14">${esc(label)}</text>`
    );
    for (const t of ys) {
      out.push(
        `<line x1="${left}" x2="${left + PANEL_W}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e5e5"/>`,
        `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`
      );
    }
    for (const t of xs) {
      out.push(
        `<line x1="${x(t)}" x2="${x(t)}" y1="${M.top + PANEL_H}" y2="${M.top + PANEL_H + 5}" stroke="#333"/>`,
        `<text x="${x(t)}" y="${M.top + PANEL_H + 18}" text-anchor="middle">${t}</text>`
      );
    }
    out.push(
      `<line x1="${left}" x2="${left + PANEL_W}" y1="${M.top + PANEL_H}" y2="${M.top + PANEL_H}" stroke="#333"/>`,
      `<line x1="${left}" x2="${left}" y1="${M.top}" y2="${M.top + PANEL_H}" stroke="#333"/>`,
      `<text x="${left + PANEL_W / 2}" y="${M.top + PANEL_H + 36}" text-anchor="middle">${esc(chart.xLabel)}</text>`
    );
    if (panel === 0) {
      out.push(
        `<text transform="translate(16 ${M.top + PANEL_H / 2}) rotate(-90)" text-anchor="middle">` +
          `${esc(chart.yLabel)}</text>`
      );
    }
    for (const s of series) {
      const color = COLORS[s.server] ?? '#333';
      const path = s.points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
      if (s.points.length > 1) {
        out.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"/>`);
      }
      for (const [px, py] of s.points) {
        out.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3.5" fill="${color}"/>`);
      }
    }
  });
  const legendY = height - 22;
  let legendX = M.left;
  for (const server of servers) {
    out.push(
      `<line x1="${legendX}" x2="${legendX + 24}" y1="${legendY}" y2="${legendY}" ` +
        `stroke="${COLORS[server] ?? '#333'}" stroke-width="3"/>`,
      `<text x="${legendX + 30}" y="${legendY + 4}">${esc(server)}</text>`
    );
    legendX += 50 + server.length * 7;
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
