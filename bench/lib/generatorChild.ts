/**
 * A load-generator process. The parent (bench/lib/generator.ts) sends jobs over IPC; each job is
 * an exported `JobFunction` of a module, run with JSON args and an `io` for events and signals.
 * Several jobs may run at once. Results carry the CPU this process used while the job ran.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JobFunction, JobIO } from './types';

export type ParentMessage =
  | { type: 'job'; id: number; module: string; exportName: string; args: unknown }
  | { type: 'signal'; id: number; name: string; data?: unknown };

export type ChildMessage =
  | { type: 'event'; id: number; name: string; data?: unknown }
  | { type: 'result'; id: number; value: unknown; cpuMs: number; wallMs: number }
  | { type: 'error'; id: number; message: string };

const BENCH_DIR = path.resolve(import.meta.dirname, '..');

interface Mailbox {
  waiting: Map<string, (data: unknown) => void>;
  early: Map<string, unknown>;
}
const mailboxes = new Map<number, Mailbox>();

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function runJob(message: Extract<ParentMessage, { type: 'job' }>): Promise<void> {
  const { id } = message;
  const mailbox: Mailbox = { waiting: new Map(), early: new Map() };
  mailboxes.set(id, mailbox);
  const io: JobIO = {
    emit: (name, data) => send({ type: 'event', id, name, data }),
    signal: <T>(name: string) =>
      new Promise<T>((resolve) => {
        if (mailbox.early.has(name)) {
          const data = mailbox.early.get(name);
          mailbox.early.delete(name);
          resolve(data as T);
        } else {
          mailbox.waiting.set(name, resolve as (data: unknown) => void);
        }
      })
  };
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  try {
    const file = path.isAbsolute(message.module) ? message.module : path.join(BENCH_DIR, message.module);
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const fn = mod[message.exportName];
    if (typeof fn !== 'function') throw new Error(`${message.module} has no export ${message.exportName}`);
    const value = await (fn as JobFunction)(message.args, io);
    const cpu = process.cpuUsage(cpuStart);
    send({
      type: 'result',
      id,
      value,
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - wallStart
    });
  } catch (error) {
    send({
      type: 'error',
      id,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error)
    });
  } finally {
    mailboxes.delete(id);
  }
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'job') {
    void runJob(message);
  } else if (message.type === 'signal') {
    const mailbox = mailboxes.get(message.id);
    if (!mailbox) return;
    const waiter = mailbox.waiting.get(message.name);
    if (waiter) {
      mailbox.waiting.delete(message.name);
      waiter(message.data);
    } else {
      mailbox.early.set(message.name, message.data);
    }
  }
});

// y-websocket's provider adds a process 'exit' listener per instance; hundreds are expected here.
process.setMaxListeners(0);

// The parent going away ends the generator (no orphans holding sockets open).
process.on('disconnect', () => process.exit(0));
send({ type: 'event', id: 0, name: 'up' });
