// Which notifications a batch of finished and failed downloads produces: one per download
// when few end together, one summary when many do, so a folder of 200 small files does not
// bury the desktop in 200 notifications.

import type { ErrorInfo, ItemSnapshot } from '../../contract.ts';

/** Up to this many end together: one notification each. More: one summary notification. */
export const MAX_SEPARATE_NOTICES = 3;

export type DesktopNotice =
  | { kind: 'finished'; id: string; name: string; path: string | null }
  | { kind: 'finishedMany'; count: number; dir: string | null }
  | { kind: 'failed'; id: string; name: string; error: ErrorInfo | null }
  | { kind: 'failedMany'; count: number; firstId: string };

export function noticesFor(batch: { finished: readonly ItemSnapshot[]; failed: readonly ItemSnapshot[] }): DesktopNotice[] {
  const notices: DesktopNotice[] = [];
  const { finished, failed } = batch;
  if (finished.length > MAX_SEPARATE_NOTICES) {
    const dirs = new Set(finished.map((item) => item.dir));
    notices.push({ kind: 'finishedMany', count: finished.length, dir: dirs.size === 1 ? finished[0]!.dir : null });
  } else {
    for (const item of finished) notices.push({ kind: 'finished', id: item.id, name: item.name, path: item.path });
  }
  if (failed.length > MAX_SEPARATE_NOTICES) notices.push({ kind: 'failedMany', count: failed.length, firstId: failed[0]!.id });
  else for (const item of failed) notices.push({ kind: 'failed', id: item.id, name: item.name, error: item.error });
  return notices;
}

/** What clicking a notification does. */
export type NoticeClick = { kind: 'showInFolder'; path: string } | { kind: 'openFolder'; dir: string } | { kind: 'showRow'; id: string | null };

export function noticeClick(notice: DesktopNotice): NoticeClick {
  switch (notice.kind) {
    case 'finished':
      return notice.path ? { kind: 'showInFolder', path: notice.path } : { kind: 'showRow', id: notice.id };
    case 'finishedMany':
      return notice.dir ? { kind: 'openFolder', dir: notice.dir } : { kind: 'showRow', id: null };
    case 'failed':
      return { kind: 'showRow', id: notice.id };
    case 'failedMany':
      return { kind: 'showRow', id: notice.firstId };
  }
}

/**
 * Gathers the downloads that end close together into one batch: it is shown once a quiet
 * `quietMs` passes with nothing more ending, or `longestMs` after its first, whichever comes
 * first. So "many finish together" means within about a second, and a queue of 2,000 small
 * files ending one after another for minutes makes a summary a minute, not one a second.
 */
export class NoticeBatcher {
  readonly #finished: ItemSnapshot[] = [];
  readonly #failed: ItemSnapshot[] = [];
  #timer: NodeJS.Timeout | undefined;
  /** When the batch under way must be shown at the latest. */
  #deadline = 0;
  readonly #emit: (notices: DesktopNotice[]) => void;
  readonly #quietMs: number;
  readonly #longestMs: number;
  constructor(emit: (notices: DesktopNotice[]) => void, quietMs = 1000, longestMs = 60_000) {
    this.#emit = emit;
    this.#quietMs = quietMs;
    this.#longestMs = longestMs;
  }
  push(batch: { finished: readonly ItemSnapshot[]; failed: readonly ItemSnapshot[] }): void {
    if (batch.finished.length === 0 && batch.failed.length === 0) return;
    const now = Date.now();
    if (this.#timer === undefined) this.#deadline = now + this.#longestMs;
    this.#finished.push(...batch.finished);
    this.#failed.push(...batch.failed);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), Math.max(0, Math.min(this.#quietMs, this.#deadline - now)));
  }
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#finished.length === 0 && this.#failed.length === 0) return;
    const notices = noticesFor({ finished: this.#finished.splice(0), failed: this.#failed.splice(0) });
    this.#emit(notices);
  }
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#finished.length = 0;
    this.#failed.length = 0;
  }
}
