// The shell's presence outside the window, decided from the activity summary: the taskbar /
// dock progress bar, the badge, the tray's tooltip and menu, and whether the machine is
// kept awake. Words are not chosen here; the tooltip is data the shell puts into words.

import { overallFraction, type ActivitySummary } from './activity.ts';

export type ProgressMode = 'none' | 'normal' | 'indeterminate' | 'error';

/**
 * What `BrowserWindow.setProgressBar(value, { mode })` gets. Off when nothing is under way;
 * indeterminate (value 2: more than 1 means indeterminate on Windows) while a size is
 * unknown; the error mode while a download failed in this busy stretch.
 */
export function progressBar(summary: ActivitySummary): { value: number; mode: ProgressMode } {
  if (summary.active === 0 && summary.queued === 0) return { value: -1, mode: 'none' };
  const fraction = overallFraction(summary);
  if (summary.failedRecently > 0) return { value: fraction ?? 1, mode: 'error' };
  if (summary.unknownSize || fraction === null) return { value: 2, mode: 'indeterminate' };
  return { value: fraction, mode: 'normal' };
}

/** The dock / Unity badge: downloads under way or waiting to start (0 hides it). */
export function badgeCount(summary: ActivitySummary): number {
  return summary.active + summary.queued;
}

export type TrayTooltip =
  | { kind: 'idle' }
  | { kind: 'busy'; speed: number; active: number; queued: number; percent: number | null };

export function trayTooltip(summary: ActivitySummary): TrayTooltip {
  if (summary.active === 0 && summary.queued === 0) return { kind: 'idle' };
  const fraction = overallFraction(summary);
  return {
    kind: 'busy',
    speed: summary.speed,
    active: summary.active,
    queued: summary.queued,
    // Shown only when every size is known; a percentage of a partial total would mislead.
    percent: fraction === null || summary.unknownSize ? null : Math.floor(fraction * 100),
  };
}

export type TrayAction = 'show' | 'pauseAll' | 'resumeAll' | 'quit';

export interface TrayMenuEntry {
  action: TrayAction;
  enabled: boolean;
  /** A separator goes before this entry. */
  separatorBefore?: boolean;
}

export function trayMenu(summary: ActivitySummary): TrayMenuEntry[] {
  return [
    { action: 'show', enabled: true },
    { action: 'pauseAll', enabled: summary.active + summary.queued > 0, separatorBefore: true },
    { action: 'resumeAll', enabled: summary.paused > 0 },
    { action: 'quit', enabled: true, separatorBefore: true },
  ];
}

/** The power-save blocker is held while a download is under way, when the setting allows. */
export function keepAwake(summary: ActivitySummary, settings: { keepAwake: boolean }): boolean {
  return settings.keepAwake && summary.active > 0;
}

/**
 * Holds one blocker at most and starts / stops it only on a change, so a stream of item
 * batches never stacks blockers or leaks one.
 */
export class AwakeHold {
  #id: number | undefined;
  readonly #start: () => number;
  readonly #stop: (id: number) => void;
  constructor(start: () => number, stop: (id: number) => void) {
    this.#start = start;
    this.#stop = stop;
  }
  get held(): boolean {
    return this.#id !== undefined;
  }
  update(wanted: boolean): void {
    if (wanted && this.#id === undefined) this.#id = this.#start();
    else if (!wanted && this.#id !== undefined) {
      this.#stop(this.#id);
      this.#id = undefined;
    }
  }
}
