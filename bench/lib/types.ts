/**
 * The contracts between the benchmark's parts: servers under test, the clients that load them,
 * and scenarios. Every server runs in a child process of its own; load generators run in other
 * child processes, so a figure measures the server and not the process that measured it.
 */

/** Which wire protocol a server speaks: y-websocket framing, or Hocuspocus's own. */
export type Protocol = 'y-websocket' | 'hocuspocus';

export type ServerName = 'stageboard' | 'y-websocket' | 'y-websocket+leveldb' | 'hocuspocus+sqlite';

/** A server started for one measurement and stopped after it. */
export interface RunningPeer {
  name: ServerName;
  protocol: Protocol;
  pid: number;
  port: number;
  /** Base URL a client connects to for `room` (y-websocket appends the room; Hocuspocus takes it as a name). */
  wsUrl: string;
  /**
   * Cookie header values of the accounts clients connect as, connection i sending the (i mod n)-th
   * (see ServerTarget). Stageboard's signed-in bench accounts, each a member of every room
   * `createRoom` makes; absent for servers without accounts.
   */
  cookies?: string[];
  /** Makes a board/room exist and returns the name clients must use (Stageboard creates a board over HTTP). */
  createRoom(label: string): Promise<string>;
  /** Graceful stop (SIGTERM, wait for exit). */
  stop(): Promise<void>;
  /** SIGKILL, wait for exit: the crash scenario. */
  kill(): Promise<void>;
  /** Starts the same server again on the same data directory (after stop or kill). */
  restart(): Promise<RunningPeer>;
}

/**
 * How a load-generator job reaches a server (sent as JSON): its protocol, base URL and the Cookie
 * header values its connections carry in turn. lib/clients/target.ts builds one from a RunningPeer.
 */
export interface ServerTarget {
  protocol: Protocol;
  /** RunningPeer.wsUrl. */
  wsUrl: string;
  /** RunningPeer.cookies: connection i sends `cookies[i % cookies.length]`; none when absent or empty. */
  cookies?: string[];
}

export interface PeerLauncher {
  name: ServerName;
  protocol: Protocol;
  /** False when the server keeps nothing across a restart (by design, not by failure). */
  persistent: boolean;
  /** Why, when `persistent` is false: printed as a note next to its durability figures. */
  persistenceNote?: string;
  start(options: { dataDir: string }): Promise<RunningPeer>;
}

/** CPU and memory of a process, read from /proc. */
export interface ProcessSample {
  /** user + system CPU time in milliseconds since the process started. */
  cpuMs: number;
  rssBytes: number;
}

/** One figure of one scenario for one server: the median of the repeats and each repeat's value. */
export interface Figure {
  /** The scenario id (run.ts fills it in after `run`). */
  scenario: string;
  figure: string;
  unit: 'ms' | 'MB' | 'KB' | 'count' | '%' | 'ms/update' | 'µs/update' | 'µs';
  /** Lower is better for every figure except those marked otherwise. */
  higherIsBetter?: boolean;
  /** Context, not a score (e.g. how many edits were made): the table prints no ratio. */
  noRatio?: boolean;
  server: ServerName;
  median: number | null;
  runs: number[];
  /** Why there is no number (e.g. a peer that cannot persist). */
  note?: string;
}

/** What a scenario reports back, plus the load generator's own CPU headroom check. */
export interface ScenarioResult {
  figures: Figure[];
  /**
   * Highest CPU share (0–100 % of one core) the load generators used during the scenario, summed
   * over all generator processes (they share CPU 1), sampled in short intervals.
   */
  generatorCpuPeak: number;
  /** The same peak per server (filled by `ctx.interleave`). */
  generatorCpuPeakByServer?: Partial<Record<ServerName, number>>;
  notes: string[];
  /** Optional line chart of this scenario's figures (scenario 1 draws latency against clients). */
  chart?: Chart;
}

export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: { server: ServerName; label: string; points: [number, number][] }[];
}

/* ---------------------------------------------------------------------------------------------
 * Scenarios. Each module in bench/scenarios/ exports `scenario: Scenario`; bench/scenarios/index.ts
 * lists them in order. bench/run.ts calls `run(ctx)` once per scenario; the scenario usually
 * calls `ctx.interleave(specs, measure)`, which starts every server in turn (order rotated each
 * repeat), calls `measure` once per server and repeat, stops the server and computes medians.
 * ------------------------------------------------------------------------------------------- */

/** `quick` is the default (`npm run bench`, whole run under five minutes); `full` is `--full`. */
export type Mode = 'quick' | 'full';

export interface Scenario {
  /** '1' … '7' as in the issue, '8' Stageboard's cost of accounts, '9' a flood; `--only 1,2` selects by id. */
  id: string;
  title: string;
  /** The sizes this mode runs, printed before the scenario starts (e.g. '10 and 40 clients, 5 s'). */
  sizes(mode: Mode): string;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}

/** One figure a scenario reports: `key` names it in `Measurement.values`. */
export interface FigureSpec {
  key: string;
  /** Label in the table, e.g. 'p99 latency, 200 clients'. */
  figure: string;
  unit: Figure['unit'];
  higherIsBetter?: boolean;
  noRatio?: boolean;
}

/** What one `measure` call (one server, one repeat) found. */
export interface Measurement {
  /** Keyed by FigureSpec.key; null (or missing) when the server cannot do it: give the reason in `reasons`. */
  values: Record<string, number | null>;
  reasons?: Record<string, string>;
  /** Peak CPU of the load generators during this measurement (% of one core, see ScenarioResult). */
  generatorCpuPeak: number;
  notes?: string[];
}

export interface MeasureContext {
  /** 0-based repeat index. */
  repeat: number;
  launcher: PeerLauncher;
  /** The server's data directory (fresh for this measurement; `peer.restart()` reuses it). */
  dataDir: string;
}

export type Measure = (peer: RunningPeer, m: MeasureContext) => Promise<Measurement>;

export interface ScenarioContext {
  mode: Mode;
  /** The servers to compare, in command-line order. */
  launchers: PeerLauncher[];
  /** Repeats per measurement (default 3); figures are medians over them. */
  repeats: number;
  /** Progress line on stderr. */
  log(message: string): void;
  /** A fresh empty directory under the run's temp folder (removed when the run ends). */
  tempDir(label: string): string;
  /**
   * Starts each server for each repeat (servers interleaved, order rotated per repeat), runs
   * `measure`, then stops the server (also when `measure` throws; a restarted peer returned by
   * `peer.restart()` must be stopped by `measure` itself). Returns a figure per spec and server.
   */
  interleave(specs: FigureSpec[], measure: Measure): Promise<ScenarioResult>;
  /**
   * `count` load-generator processes pinned to CPU 1 (the server has CPU 0). Processes are
   * spawned on first use and shared by the whole run; a job must close what it opened.
   */
  generators(count: number): Promise<Generator[]>;
  /** Samples the summed CPU of `pids` every `intervalMs` (default 250) until `stop()`. */
  monitorCpu(pids: number[], intervalMs?: number): CpuMonitor;
  /** CPU time and RSS of one process now, from /proc (null once it has exited). */
  sample(pid: number): ProcessSample | null;
}

export interface CpuMonitor {
  /** Stops sampling. peakPercent: highest share of one core over any interval; cpuMs: total used. */
  stop(): { peakPercent: number; cpuMs: number; wallMs: number };
}

/* ---------------------------------------------------------------------------------------------
 * Load generators: child processes (bench/lib/generatorChild.ts) that run jobs. A job is an
 * exported function `(args, io) => Promise<result>` in any module; the parent names the module
 * (absolute path, or relative to the bench/ folder, e.g. 'lib/jobs/propagation.ts') and passes
 * JSON args. Jobs coordinate with the parent through named events (child → parent) and signals
 * (parent → child), e.g. emit('ready') after connecting, then await io.signal('go').
 * ------------------------------------------------------------------------------------------- */

export interface JobIO {
  /** Sends a named event with JSON data to the parent. */
  emit(name: string, data?: unknown): void;
  /** Resolves with the data of the parent's signal of this name (buffered if it came earlier). */
  signal<T = unknown>(name: string): Promise<T>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobFunction = (args: any, io: JobIO) => Promise<unknown>;

export interface JobResult<R> {
  value: R;
  /** CPU the generator process used while the job ran (process.cpuUsage: user + system). */
  cpuMs: number;
  wallMs: number;
}

export interface GeneratorJob<R = unknown> {
  /** Resolves with the data of the job's next event of this name (rejects if the job fails first). */
  event<T = unknown>(name: string, timeoutMs?: number): Promise<T>;
  signal(name: string, data?: unknown): void;
  result: Promise<JobResult<R>>;
}

export interface Generator {
  pid: number;
  run<R = unknown>(modulePath: string, exportName: string, args: unknown): GeneratorJob<R>;
}
