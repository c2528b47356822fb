import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { CpuMonitor, ProcessSample } from './types';

let ticksPerSecond: number | undefined;

/** Clock ticks per second of /proc/<pid>/stat CPU fields (getconf CLK_TCK, 100 on Linux). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU time (user + system, ms) and resident memory of a process, or null once it has exited. */
export function sampleProcess(pid: number): ProcessSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) may contain spaces: the fields we need follow its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After comm: state is index 0, utime index 11, stime index 12 (fields 14 and 15 of proc(5)).
    if (fields[0] === 'Z') return null;
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return { cpuMs: (ticks * 1000) / clockTicks(), rssBytes: rss ? Number(rss[1]) * 1024 : 0 };
  } catch {
    return null;
  }
}

/** Summed CPU ms of the processes that are still alive. */
function cpuOf(pids: number[]): number {
  let total = 0;
  for (const pid of pids) total += sampleProcess(pid)?.cpuMs ?? 0;
  return total;
}

/**
 * Samples the summed CPU of `pids` every `intervalMs`; the peak is the highest share of one core
 * in any interval (ticks are 10 ms, so intervals shorter than ~200 ms get noisy).
 */
export function monitorCpu(pids: number[], intervalMs = 250): CpuMonitor {
  const start = performance.now();
  const startCpu = cpuOf(pids);
  let lastAt = start;
  let lastCpu = startCpu;
  let peak = 0;
  // A process that exits mid-run stops counting; take its last value so totals do not go backwards.
  // An interval much shorter than intervalMs (the last one, at stop) is not a share: one 10 ms tick
  // in 2 ms would read as 500 %. It is folded into the total only.
  const tick = (final: boolean): void => {
    const now = performance.now();
    const cpu = Math.max(cpuOf(pids), lastCpu);
    if (now - lastAt < intervalMs / 2) {
      if (final) lastCpu = cpu;
      return;
    }
    peak = Math.max(peak, ((cpu - lastCpu) / (now - lastAt)) * 100);
    lastAt = now;
    lastCpu = cpu;
  };
  const timer = setInterval(() => tick(false), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      tick(true);
      return { peakPercent: peak, cpuMs: lastCpu - startCpu, wallMs: performance.now() - start };
    }
  };
}

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((file) => existsSync(file));

/**
 * The CPUs this process may use, read once when this module loads: the driver later pins itself
 * to the generators' CPU, and its children must still be placed on the others.
 */
const ALLOWED_CPUS = ((): string => {
  if (!TASKSET) return '';
  try {
    return (
      execFileSync(TASKSET, ['-pc', String(process.pid)], { encoding: 'utf8' })
        .split(':')
        .pop()
        ?.trim() ?? ''
    );
  } catch {
    return '';
  }
})();

/** `taskset -c <cpu>` prefix when taskset exists and this process may use that CPU, else nothing. */
export function pinPrefix(cpu: number): string[] {
  if (!TASKSET || !cpuListHas(ALLOWED_CPUS, cpu)) return [];
  return [TASKSET, '-c', String(cpu)];
}

function cpuListHas(list: string, cpu: number): boolean {
  return list.split(',').some((part) => {
    const [from, to] = part.split('-').map(Number);
    if (from === undefined || Number.isNaN(from)) return false;
    return cpu >= from && cpu <= (to ?? from);
  });
}
