/**
 * The four charts' ECharts options, built from the insights figures. Types only from ECharts
 * here (erased at build), so the board's bundle never pulls the library in.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { BoardInsights } from '$lib/analytics/insights';

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Stage colours: a calm sequence that stays apart when stacked (and in grey print). */
const PALETTE = ['#4c6ef5', '#15aabf', '#40c057', '#fab005', '#fd7e14', '#e64980', '#7950f2', '#868e96'];
/** Chinese first, a system sans after: ECharts draws text itself and needs a font that has it. */
const FONT =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif';

const base = (narrow: boolean): ChartOption => ({
  color: PALETTE,
  textStyle: { fontFamily: FONT },
  animation: false,
  grid: { left: 8, right: 16, top: narrow ? 64 : 40, bottom: 8, containLabel: true },
  tooltip: { trigger: 'axis', confine: true },
  legend: { type: 'scroll', top: 0, left: 0, right: 0, textStyle: { fontSize: narrow ? 11 : 12 } }
});

/** Day 'YYYY-MM-DD' as the axis shows it: 'MM-DD'. */
const short = (day: string) => day.slice(5);

export function flowOption(i: BoardInsights, name: (id: string) => string, narrow: boolean): ChartOption {
  // The last stage at the bottom, as a cumulative flow diagram is read: done work grows from below.
  const stages = [...i.stages].reverse();
  // An area needs two days to be seen at all: a board younger than that is drawn as stacked bars.
  const young = i.flow.days.length < 2;
  return {
    ...base(narrow),
    xAxis: { type: 'category', boundaryGap: young, data: i.flow.days.map(short) },
    yAxis: { type: 'value', minInterval: 1 },
    series: stages.map((s) =>
      young
        ? { type: 'bar', name: name(s.id), stack: 'flow', barMaxWidth: 64, data: i.flow.counts[s.id] ?? [] }
        : {
            type: 'line',
            name: name(s.id),
            stack: 'flow',
            areaStyle: {},
            symbol: 'none',
            lineStyle: { width: 1 },
            data: i.flow.counts[s.id] ?? []
          }
    )
  };
}

/** Stage names under bars: turned aslant when they would run into each other. */
const stageLabels = (count: number, narrow: boolean) =>
  ({ interval: 0, rotate: narrow || count > 6 ? 35 : 0, hideOverlap: false }) as const;

/** Bars carry their value (a zero is a figure too) and stay bars, not slabs, when there are few. */
const BAR = { barMaxWidth: 48, label: { show: true, position: 'top' } } as const;

const oneDecimal = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function timesOption(
  i: BoardInsights,
  name: (id: string) => string,
  labels: { median: string; p85: string },
  narrow: boolean
): ChartOption {
  return {
    ...base(narrow),
    xAxis: {
      type: 'category',
      data: i.times.map((t) => name(t.stageId)),
      axisLabel: stageLabels(i.stages.length, narrow)
    },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', ...BAR, name: labels.median, data: i.times.map((t) => oneDecimal(t.median)) },
      { type: 'bar', ...BAR, name: labels.p85, data: i.times.map((t) => oneDecimal(t.p85)) }
    ]
  };
}

export function revisionsOption(
  i: BoardInsights,
  name: (id: string) => string,
  label: string,
  narrow: boolean
): ChartOption {
  return {
    ...base(narrow),
    xAxis: {
      type: 'category',
      data: i.stages.map((s) => name(s.id)),
      axisLabel: stageLabels(i.stages.length, narrow)
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', ...BAR, name: label, data: i.stages.map((s) => i.revisions.perStage[s.id] ?? 0) }]
  };
}

export function throughputOption(i: BoardInsights, label: string, narrow: boolean): ChartOption {
  return {
    ...base(narrow),
    xAxis: { type: 'category', data: i.throughput.map((w) => short(w.week)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', ...BAR, name: label, data: i.throughput.map((w) => w.cards) }]
  };
}
