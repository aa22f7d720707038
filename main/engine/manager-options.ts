// How a host opens the engine and what the engine tells it.

import type { AddressCheck } from './destination-policy.ts';
import type { ErrorInfo } from './errors.ts';
import type { ItemSnapshot, Settings } from './item.ts';
import type { StoreProvider } from './store.ts';

export interface ManagerOptions {
  store: StoreProvider;
  /** Defaults for settings not yet stored (e.g. the folder given on a command line). */
  defaults?: Partial<Settings>;
  /** Settings that win over stored ones for this run only (command-line flags); not saved. */
  overrides?: Partial<Settings>;
  /** Milliseconds between batched `items` events (default 100, so at most ten a second). */
  snapshotIntervalMs?: number;
  /** Overrides for backoff timing, used by tests to keep retries fast. */
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Smallest range split off for another connection (default 1 MiB). */
  minSplitBytes?: number;
  /**
   * Which addresses downloads may connect to, checked after DNS on every redirect hop
   * (`isPublicAddress` refuses the host's own networks). Absent: any address.
   */
  allowAddress?: AddressCheck;
  /** Most items the list may hold; an add that would pass it is refused (default DEFAULT_MAX_ITEMS). */
  maxItems?: number;
}

/**
 * Far above the 10,000 the window is built to stay fast with, and low enough that no client
 * can grow the list (its memory, its snapshots, its store documents) without bound.
 */
export const DEFAULT_MAX_ITEMS = 50_000;

export interface ManagerEvents {
  items: [{ changed: ItemSnapshot[]; removed: string[] }];
  settings: [Settings];
  /** The store cannot write its records (the reason), or can again (undefined): hosts without rows say so in a line. */
  saveProblem: [ErrorInfo | undefined];
}
