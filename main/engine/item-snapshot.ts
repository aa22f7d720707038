// What a host shows of an item, computed from its checkpoint and, while it runs, from the
// live download (bytes received, retry countdown, connections) and its speed meter.

import { coveredBytes } from './byte-ranges.ts';
import type { Download } from './download.ts';
import { nameFromUrl, sanitizeFileName } from './file-name.ts';
import type { ItemSnapshot } from './item.ts';
import type { ManagedItem } from './managed-item.ts';
import { insideFolder } from './target-file.ts';

export function snapshotOf({ cp, download, meter, notSaved }: ManagedItem, now: number): ItemSnapshot {
  const bytes = download ? download.bytes() : cp.state === 'done' ? (cp.total ?? 0) : coveredBytes(cp.done);
  const state = download?.retry ? 'retrying' : cp.state;
  const speed = download && state === 'downloading' ? Math.round(meter.speed) : 0;
  return {
    id: cp.id,
    url: cp.url,
    // Before the first response, the name it will most likely get: sanitized the same way.
    name: cp.fileName ?? sanitizeFileName(cp.options.fileName ?? nameFromUrl(cp.url)),
    dir: cp.dir,
    state,
    bytes,
    total: cp.total ?? null,
    speed,
    eta: speed > 0 ? meter.eta(bytes, cp.total, now) : null,
    segments: cp.state === 'done' ? [] : cp.done,
    connections: download?.connections() ?? 0,
    ...waitingOf(download),
    error: cp.error ?? null,
    ...(notSaved ? { notSaved } : {}),
    retry: download?.retry ?? null,
    order: cp.order,
    history: cp.history,
    addedAt: cp.addedAt,
    finishedAt: cp.finishedAt ?? null,
    path: cp.state === 'done' && cp.fileName ? insideFolder(cp.dir, cp.fileName) : null,
  };
}

function waitingOf(download: Download | undefined): Pick<ItemSnapshot, 'waitingForSlot'> {
  const waiting = download?.waitingForSlot();
  return waiting ? { waitingForSlot: waiting } : {};
}
