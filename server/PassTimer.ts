/**
 * The timer of a background job (due notices, recurring plans): a pass every interval, the first
 * a little after start, not in the middle of start-up, whose first room loads it would only
 * compete with. Passes never overlap, and stop() waits for the one under way.
 */
export class PassTimer<T> {
  readonly #run: () => Promise<T>;
  readonly #firstMs: number;
  #first: ReturnType<typeof setTimeout> | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #running: Promise<T> | null = null;
  #stopped = false;

  /** `run` is one pass; the first comes after at most `firstMs`. */
  constructor(run: () => Promise<T>, firstMs: number) {
    this.#run = run;
    this.#firstMs = firstMs;
  }

  /** True once stopped: a pass under way ends after its current board. */
  get stopped(): boolean {
    return this.#stopped;
  }

  start(intervalMs: number): void {
    this.#clear();
    this.#stopped = false;
    this.#first = setTimeout(
      () => {
        this.#first = null;
        void this.pass();
        this.#timer = setInterval(() => void this.pass(), intervalMs);
        this.#timer.unref();
      },
      Math.min(intervalMs, this.#firstMs)
    );
    // A pending pass must not keep the process alive after everything else has stopped.
    this.#first.unref();
  }

  /** One pass now, or the one under way. */
  pass(): Promise<T> {
    this.#running ??= this.#run().finally(() => (this.#running = null));
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#clear();
    await this.#running;
  }

  #clear(): void {
    if (this.#first) clearTimeout(this.#first);
    if (this.#timer) clearInterval(this.#timer);
    this.#first = null;
    this.#timer = null;
  }
}
