/**
 * Watching a server from outside: its peak memory and CPU over a window, and waiting for it to go
 * idle. The benchmark cannot ask a peer whether its store is written, but every store write costs
 * CPU, so a server whose CPU has stayed near zero for a while has finished the work an earlier
 * step gave it (persistence, compaction, unloading).
 */
import { sleep } from './stats';
import type { ProcessSample } from './types';

export interface QuietOptions {
  /** Wait at least this long (e.g. past a debounce timer that has not fired yet). */
  minMs?: number;
  /** The CPU share must stay under `maxPercent` over this trailing window. */
  windowMs?: number;
  maxPercent?: number;
  timeoutMs?: number;
}

/** Resolves with the ms waited once `pid` has been idle for `windowMs`; throws on timeout or exit. */
export async function waitQuiet(
  sample: (pid: number) => ProcessSample | null,
  pid: number,
  options: QuietOptions = {}
): Promise<number> {
  const { minMs = 0, windowMs = 1000, maxPercent = 3, timeoutMs = 60_000 } = options;
  const started = performance.now();
  const history: { at: number; cpuMs: number }[] = [];
  for (;;) {
    const at = performance.now();
    const current = sample(pid);
    if (!current) throw new Error(`process ${pid} exited while waiting for it to go idle`);
    history.push({ at, cpuMs: current.cpuMs });
    while (history.length > 1 && at - (history[1]?.at ?? at) >= windowMs) history.shift();
    const oldest = history[0];
    if (oldest && at - oldest.at >= windowMs && at - started >= minMs) {
      const percent = ((current.cpuMs - oldest.cpuMs) / (at - oldest.at)) * 100;
      if (percent < maxPercent) return at - started;
    }
    if (at - started > timeoutMs) throw new Error(`process ${pid} still busy after ${timeoutMs} ms`);
    await sleep(100);
  }
}

export interface ServerWatch {
  /** Peak resident memory seen, and CPU time used (ms) over the wall time watched. */
  stop(): { peakRssBytes: number; cpuMs: number; wallMs: number };
}

/** Samples a server's RSS every `intervalMs` for its peak, and its CPU time from start to stop. */
export function watchServer(
  sample: (pid: number) => ProcessSample | null,
  pid: number,
  intervalMs = 250
): ServerWatch {
  const first = sample(pid);
  const startCpu = first?.cpuMs ?? 0;
  const startAt = performance.now();
  let peak = first?.rssBytes ?? 0;
  let lastCpu = startCpu;
  const tick = (): void => {
    const current = sample(pid);
    if (!current) return;
    peak = Math.max(peak, current.rssBytes);
    lastCpu = current.cpuMs;
  };
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { peakRssBytes: peak, cpuMs: lastCpu - startCpu, wallMs: performance.now() - startAt };
    }
  };
}
