// Coalesces item events for one window: whatever the engine emits, a window gets at most
// one batch per interval, with the latest snapshot of each changed item. A window that is
// not keeping up (a slow WebSocket) is skipped until it is: changes keep coalescing, so
// what waits is bounded by the number of items, not by time.

import type { EventPayloads } from '../contract.ts';
import type { ItemSnapshot } from '../engine/item.ts';

export class SnapshotBatcher {
  #changed = new Map<string, ItemSnapshot>();
  #removed = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #lastSent = 0;
  #intervalMs: number;
  #send: (payload: EventPayloads['items']) => void;
  #ready: () => boolean;

  constructor(send: (payload: EventPayloads['items']) => void, intervalMs = 100, ready: () => boolean = () => true) {
    this.#send = send;
    this.#intervalMs = intervalMs;
    this.#ready = ready;
  }

  push({ changed, removed }: EventPayloads['items']): void {
    for (const item of changed) this.#changed.set(item.id, item);
    for (const id of removed) {
      this.#changed.delete(id);
      this.#removed.add(id);
    }
    if (this.#timer) return;
    const wait = Math.max(0, this.#lastSent + this.#intervalMs - Date.now());
    this.#timer = setTimeout(() => this.#flush(), wait);
  }

  #flush(): void {
    this.#timer = undefined;
    if (this.#changed.size === 0 && this.#removed.size === 0) return;
    if (!this.#ready()) {
      this.#timer = setTimeout(() => this.#flush(), this.#intervalMs);
      return;
    }
    this.#lastSent = Date.now();
    const payload = { changed: [...this.#changed.values()], removed: [...this.#removed] };
    this.#changed.clear();
    this.#removed.clear();
    this.#send(payload);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
