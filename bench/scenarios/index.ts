import type { Scenario } from '../lib/types';

export interface ScenarioEntry {
  id: string;
  /** Imported on demand, so `--only` loads (and type errors in) just the selected scenarios. */
  load(): Promise<Scenario>;
}

/**
 * Every scenario, in the order (1 … 7), then 8, Stageboard's own cost of accounts, and 9,
 * a flood from one socket (issue 14); each module exports `scenario: Scenario`.
 */
export const scenarios: readonly ScenarioEntry[] = [
  { id: '1', load: async () => (await import('./propagation')).scenario },
  { id: '2', load: async () => (await import('./fanout')).scenario },
  { id: '3', load: async () => (await import('./manyBoards')).scenario },
  { id: '4', load: async () => (await import('./joinStorm')).scenario },
  { id: '5', load: async () => (await import('./coldOpen')).scenario },
  { id: '6', load: async () => (await import('./memory')).scenario },
  { id: '7', load: async () => (await import('./crash')).scenario },
  { id: '8', load: async () => (await import('./authCost')).scenario },
  { id: '9', load: async () => (await import('./flood')).scenario }
];
