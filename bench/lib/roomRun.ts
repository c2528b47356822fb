/** Parent side of the room load (jobs/roomLoad.ts): splits clients over generators and runs them. */
import { count, merge, type Histogram } from './clients/histogram';
import { targetOf } from './clients/target';
import type { RoomLoadArgs, RoomLoadResult } from './jobs/roomLoad';
import { now } from './stats';
import type { GeneratorJob, RunningPeer, ScenarioContext } from './types';

export interface RoomPlan {
  generators: number;
  /** Full Yjs clients in total (spread over the generators). */
  full: number;
  /** Lightweight sockets in total. */
  light: number;
  /** 'all': every client edits; a number: that many editors, all in the first generator. */
  editors: number | 'all';
  rateHz: number;
  durationMs: number;
  settleMs: number;
  seedCards: number;
  /** Prefix of sender ids, unique per run on a room (e.g. the kill round). */
  tag: string;
}

export interface RoomRun {
  results: RoomLoadResult[];
  fullLatency: Histogram;
  lightLatency: Histogram;
  all: Histogram;
  sent: number;
  received: number;
  connected: number;
  maxReceived: Record<string, number>;
  generatorCpuPeak: number;
  /** Generators' CPU over the whole measured phase (% of one core). */
  generatorCpuMean: number;
  serverCpuMs: number;
  wallMs: number;
}

function share(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

/**
 * Connects the plan's clients (the first generator's first full client seeds the board first),
 * starts every editor at the same moment, and merges what the generators measured. `during`
 * runs after the start signal (the crash scenario kills the server there and sends 'stop').
 */
export async function runRoom(
  ctx: ScenarioContext,
  peer: RunningPeer,
  room: string,
  plan: RoomPlan,
  during?: (jobs: GeneratorJob<RoomLoadResult>[]) => Promise<void>
): Promise<RoomRun> {
  const gens = await ctx.generators(plan.generators);
  const argsFor = (index: number): RoomLoadArgs => ({
    ...targetOf(peer),
    room,
    full: share(plan.full, gens.length, index),
    light: share(plan.light, gens.length, index),
    editors: plan.editors === 'all' ? 'all' : index === 0 ? plan.editors : 0,
    rateHz: plan.rateHz,
    durationMs: plan.durationMs,
    settleMs: plan.settleMs,
    senderPrefix: `${plan.tag}g${index}c`,
    awaitExpect: !during,
    seedCards: index === 0 ? plan.seedCards : undefined
  });
  const first = gens[0]!.run<RoomLoadResult>('lib/jobs/roomLoad.ts', 'roomLoad', argsFor(0));
  await first.event('seeded');
  const jobs = [
    first,
    ...gens
      .slice(1)
      .map((gen, i) => gen.run<RoomLoadResult>('lib/jobs/roomLoad.ts', 'roomLoad', argsFor(i + 1)))
  ];
  await Promise.all(jobs.map((job) => job.event('ready')));

  const generatorCpu = ctx.monitorCpu(gens.map((gen) => gen.pid));
  const serverBefore = ctx.sample(peer.pid)?.cpuMs ?? 0;
  const startAt = now() + 100;
  for (const job of jobs) job.signal('go', { startAt });
  if (during) {
    await during(jobs);
  } else {
    const edited = await Promise.all(
      jobs.map((job) => job.event<{ sent: number }>('edited', plan.durationMs + 60_000))
    );
    const totalSent = edited.reduce((sum, e) => sum + e.sent, 0);
    for (const job of jobs) job.signal('expect', { totalSent });
  }
  // Measure up to the end of the settle time: closing hundreds of sockets is not the load.
  await Promise.all(jobs.map((job) => job.event('settled', plan.durationMs + plan.settleMs + 60_000)));
  const cpu = generatorCpu.stop();
  const serverAfter = ctx.sample(peer.pid)?.cpuMs ?? serverBefore;
  const results = (await Promise.all(jobs.map((job) => job.result))).map((r) => r.value);

  const fullLatency: Histogram = {};
  const lightLatency: Histogram = {};
  const maxReceived: Record<string, number> = {};
  for (const result of results) {
    merge(fullLatency, result.fullLatency);
    merge(lightLatency, result.lightLatency);
    for (const [sender, seq] of Object.entries(result.maxReceived)) {
      maxReceived[sender] = Math.max(maxReceived[sender] ?? 0, seq);
    }
  }
  const all = merge(merge({}, fullLatency), lightLatency);
  return {
    results,
    fullLatency,
    lightLatency,
    all,
    sent: results.reduce((sum, r) => sum + r.sent, 0),
    received: count(all),
    connected: results.reduce((sum, r) => sum + r.connected, 0),
    maxReceived,
    generatorCpuPeak: cpu.peakPercent,
    generatorCpuMean: cpu.wallMs > 0 ? (100 * cpu.cpuMs) / cpu.wallMs : 0,
    serverCpuMs: serverAfter - serverBefore,
    wallMs: cpu.wallMs
  };
}
