import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GeneratorPool } from './generator';
import { monitorCpu, sampleProcess } from './proc';
import { median, round } from './stats';
import type {
  Figure,
  FigureSpec,
  Measure,
  Measurement,
  Mode,
  PeerLauncher,
  ScenarioContext,
  ScenarioResult
} from './types';

export interface ContextOptions {
  mode: Mode;
  launchers: PeerLauncher[];
  repeats: number;
  pool: GeneratorPool;
  log(message: string): void;
}

/** The run-wide context every scenario gets; `dispose()` removes the temp folder. */
export function createContext(options: ContextOptions): ScenarioContext & { dispose(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'stageboard-bench-'));
  let dirs = 0;
  const tempDir = (label: string): string => {
    const dir = path.join(root, `${String(++dirs).padStart(3, '0')}-${label.replace(/[^\w.+-]/g, '_')}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const ctx: ScenarioContext = {
    mode: options.mode,
    launchers: options.launchers,
    repeats: options.repeats,
    log: options.log,
    tempDir,
    generators: (count) => options.pool.get(Math.max(1, count)),
    monitorCpu,
    sample: sampleProcess,
    interleave: (specs, measure) => interleave(ctx, specs, measure)
  };
  return { ...ctx, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every server for every repeat, order rotated per repeat; medians per figure and server. */
async function interleave(
  ctx: ScenarioContext,
  specs: FigureSpec[],
  measure: Measure
): Promise<ScenarioResult> {
  const byServer = new Map<string, Measurement[]>();
  const notes = new Set<string>();
  let generatorCpuPeak = 0;
  for (let repeat = 0; repeat < ctx.repeats; repeat++) {
    const order = ctx.launchers.map((_, i) => ctx.launchers[(i + repeat) % ctx.launchers.length]!);
    for (const launcher of order) {
      const dataDir = ctx.tempDir(`${launcher.name}-r${repeat}`);
      const started = performance.now();
      let measurement: Measurement;
      try {
        const peer = await launcher.start({ dataDir });
        const t1 = performance.now();
        try {
          measurement = await measure(peer, { repeat, launcher, dataDir });
        } finally {
          const t2 = performance.now();
          await peer.stop();
          if (process.env.BENCH_DEBUG) {
            ctx.log(
              `    start ${Math.round(t1 - started)} ms, measure ${Math.round(t2 - t1)} ms, stop ${Math.round(performance.now() - t2)} ms`
            );
          }
        }
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        ctx.log(`  ${launcher.name}: failed: ${message}`);
        measurement = {
          values: {},
          reasons: Object.fromEntries(specs.map((spec) => [spec.key, `failed: ${message}`])),
          generatorCpuPeak: 0
        };
      }
      generatorCpuPeak = Math.max(generatorCpuPeak, measurement.generatorCpuPeak);
      for (const note of measurement.notes ?? []) notes.add(note);
      byServer.set(launcher.name, [...(byServer.get(launcher.name) ?? []), measurement]);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      ctx.log(
        `  repeat ${repeat + 1}/${ctx.repeats} ${launcher.name}: ${summary(specs, measurement)} ` +
          `(generator peak ${Math.round(measurement.generatorCpuPeak)} %, ${seconds} s)`
      );
    }
  }
  const figures: Figure[] = [];
  for (const spec of specs) {
    for (const launcher of ctx.launchers) {
      const measurements = byServer.get(launcher.name) ?? [];
      const runs = measurements
        .map((m) => m.values[spec.key])
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      const reason = measurements.map((m) => m.reasons?.[spec.key]).find((r) => r !== undefined);
      const mid = median(runs);
      figures.push({
        scenario: '',
        figure: spec.figure,
        unit: spec.unit,
        higherIsBetter: spec.higherIsBetter,
        noRatio: spec.noRatio,
        server: launcher.name,
        median: mid === null ? null : round(mid, 3),
        runs: runs.map((v) => round(v, 3)),
        note: runs.length === 0 ? (reason ?? 'no result') : reason
      });
    }
  }
  const generatorCpuPeakByServer = Object.fromEntries(
    ctx.launchers.map((l) => [
      l.name,
      round(Math.max(0, ...(byServer.get(l.name) ?? []).map((m) => m.generatorCpuPeak)), 1)
    ])
  );
  return {
    figures,
    generatorCpuPeak: round(generatorCpuPeak, 1),
    generatorCpuPeakByServer,
    notes: [...notes]
  };
}

function summary(specs: FigureSpec[], m: Measurement): string {
  return specs
    .slice(0, 4)
    .map((spec) => {
      const value = m.values[spec.key];
      return `${spec.key}=${typeof value === 'number' ? round(value, 2) : '—'}`;
    })
    .join(' ');
}
