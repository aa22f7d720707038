// The manager's view of one item while it lives in memory: its checkpoint and, while it
// runs, the download, the controller that stops it and the promise that settles when it
// has stopped and flushed.

import type { Download } from './download.ts';
import type { ErrorInfo } from './errors.ts';
import type { Checkpoint } from './item.ts';
import type { SpeedMeter } from './speed-meter.ts';

export interface ManagedItem {
  cp: Checkpoint;
  download?: Download | undefined;
  controller?: AbortController | undefined;
  running?: Promise<void> | undefined;
  meter: SpeedMeter;
  /** Why the store cannot record this item now (a full disk), while that lasts. */
  notSaved?: ErrorInfo | undefined;
}

/** Why a running download was stopped: the scheduler decides the item's state from it. */
export type StopReason = 'pause' | 'cancel' | 'remove' | 'close' | 'relink';
