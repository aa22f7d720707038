// How a host opens the engine, what the engine tells it, and the manager's view of one
// item while it lives in memory.

import type { Download } from './download.ts';
import type { Checkpoint, ItemSnapshot, Settings } from './item.ts';
import type { SpeedMeter } from './speed-meter.ts';
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
}

export interface ManagerEvents {
  items: [{ changed: ItemSnapshot[]; removed: string[] }];
  settings: [Settings];
}

/** Why a running download was stopped: the settle handler decides the state from it. */
export type StopReason = 'pause' | 'cancel' | 'remove' | 'close' | 'relink';

export interface Entry {
  cp: Checkpoint;
  download?: Download;
  controller?: AbortController;
  running?: Promise<void>;
  meter: SpeedMeter;
}

