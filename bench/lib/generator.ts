import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildMessage, ParentMessage } from './generatorChild';
import { pinPrefix } from './proc';
import type { Generator, GeneratorJob, JobResult } from './types';

/** Load generators run on this CPU; servers on CPU 0. */
export const GENERATOR_CPU = 1;
const CHILD = path.join(import.meta.dirname, 'generatorChild.ts');

interface JobState {
  listeners: Map<string, ((data: unknown) => void)[]>;
  early: Map<string, unknown[]>;
  fail(error: Error): void;
  finish(message: Extract<ChildMessage, { type: 'result' }>): void;
}

/** One generator child process (node + tsx, pinned to GENERATOR_CPU when taskset exists). */
class GeneratorProcess implements Generator {
  readonly pid: number;
  readonly #child: ChildProcess;
  readonly #jobs = new Map<number, JobState>();
  #nextId = 1;
  readonly up: Promise<void>;

  constructor() {
    const argv = [...pinPrefix(GENERATOR_CPU), process.execPath, '--import', 'tsx', CHILD];
    this.#child = spawn(argv[0] ?? 'node', argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    if (this.#child.pid === undefined) throw new Error('load generator: spawn failed');
    this.pid = this.#child.pid;
    let markUp!: () => void;
    this.up = new Promise((resolve) => (markUp = resolve));
    this.#child.on('message', (message: ChildMessage) => {
      if (message.type === 'event' && message.id === 0) return markUp();
      this.#onMessage(message);
    });
    this.#child.once('exit', (code, signal) => {
      const error = new Error(`load generator ${this.pid} exited (${signal ?? code})`);
      for (const job of this.#jobs.values()) job.fail(error);
      this.#jobs.clear();
    });
  }

  #onMessage(message: ChildMessage): void {
    const job = this.#jobs.get(message.id);
    if (!job) return;
    if (message.type === 'result') return job.finish(message);
    if (message.type === 'error')
      return job.fail(new Error(`job failed in generator ${this.pid}: ${message.message}`));
    const waiting = job.listeners.get(message.name);
    const next = waiting?.shift();
    if (next) next(message.data);
    else job.early.set(message.name, [...(job.early.get(message.name) ?? []), message.data]);
  }

  run<R = unknown>(module: string, exportName: string, args: unknown): GeneratorJob<R> {
    const id = this.#nextId++;
    let resolveResult!: (value: JobResult<R>) => void;
    let rejectResult!: (error: Error) => void;
    const result = new Promise<JobResult<R>>((resolve, reject) => {
      resolveResult = resolve;
      rejectResult = reject;
    });
    // Unobserved failures surface through event() or result; keep Node from reporting them twice.
    result.catch(() => undefined);
    let failure: Error | undefined;
    const failWaiters: ((error: Error) => void)[] = [];
    const state: JobState = {
      listeners: new Map(),
      early: new Map(),
      fail: (error) => {
        failure = error;
        this.#jobs.delete(id);
        rejectResult(error);
        for (const reject of failWaiters.splice(0)) reject(error);
      },
      finish: (message) => {
        this.#jobs.delete(id);
        resolveResult({ value: message.value as R, cpuMs: message.cpuMs, wallMs: message.wallMs });
        const ended = new Error(`job ${module}#${exportName} ended before the awaited event`);
        for (const reject of failWaiters.splice(0)) reject(ended);
      }
    };
    this.#jobs.set(id, state);
    this.#send({ type: 'job', id, module, exportName, args });
    return {
      result,
      signal: (name, data) => this.#send({ type: 'signal', id, name, data }),
      event: <T>(name: string, timeoutMs = 120_000) =>
        new Promise<T>((resolve, reject) => {
          if (failure) return reject(failure);
          const early = state.early.get(name);
          if (early && early.length > 0) return resolve(early.shift() as T);
          const timer = setTimeout(
            () => reject(new Error(`timed out after ${timeoutMs} ms waiting for '${name}' from ${module}`)),
            timeoutMs
          );
          const done = (data: unknown): void => {
            clearTimeout(timer);
            resolve(data as T);
          };
          failWaiters.push((error) => {
            clearTimeout(timer);
            reject(error);
          });
          state.listeners.set(name, [...(state.listeners.get(name) ?? []), done]);
        })
    };
  }

  #send(message: ParentMessage): void {
    if (this.#child.connected) this.#child.send(message);
  }

  close(): void {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill('SIGKILL');
  }
}

/** Generator processes spawned on demand and shared by the whole run. */
export class GeneratorPool {
  readonly #procs: GeneratorProcess[] = [];

  readonly #warm = new Map<GeneratorProcess, Promise<unknown>>();

  /** The first `count` generators, spawning and warming up (jobs/warmup.ts) the missing ones. */
  async get(count: number): Promise<Generator[]> {
    while (this.#procs.length < count) {
      const proc = new GeneratorProcess();
      this.#procs.push(proc);
      this.#warm.set(
        proc,
        proc.up.then(() => proc.run('lib/jobs/warmup.ts', 'warmup', {}).result)
      );
    }
    const procs = this.#procs.slice(0, count);
    await Promise.all(procs.map((proc) => this.#warm.get(proc)));
    return procs;
  }

  close(): void {
    for (const proc of this.#procs.splice(0)) proc.close();
  }
}

/** Runs the same job on several generators and resolves when every one emitted `name`. */
export async function allEvents<T>(jobs: GeneratorJob[], name: string, timeoutMs?: number): Promise<T[]> {
  return Promise.all(jobs.map((job) => job.event<T>(name, timeoutMs)));
}
