/**
 * A list the board keeps in one root map of plain values (labels, process roles, recurring plans,
 * card fields): read once, re-read only after that map changed, and kept as the same array while
 * equal, so the UI redraws what shows it only when it really changed.
 */
import type * as Y from 'yjs';
import { sameJson } from './view-equality';

export class RootList<T> {
  #value: readonly T[];
  #touched = false;
  readonly #stop: () => void;

  constructor(
    map: Y.Map<unknown>,
    private readonly read: () => readonly T[]
  ) {
    this.#value = read();
    // Entries are plain values, so a shallow observer sees every change.
    const touch = () => (this.#touched = true);
    map.observe(touch);
    this.#stop = () => map.unobserve(touch);
  }

  get value(): readonly T[] {
    return this.#value;
  }

  /** Re-reads the list if its map changed since; true when the list is now different. */
  settle(): boolean {
    if (!this.#touched) return false;
    this.#touched = false;
    const next = this.read();
    if (sameJson(this.#value, next)) return false;
    this.#value = next;
    return true;
  }

  destroy(): void {
    this.#stop();
  }
}
