// API STUB — being implemented. Signatures are final.
import { EventEmitter } from 'node:events';
import type { AddOptions, AddResult, ItemSnapshot, Settings } from './item.ts';
import type { StoreProvider } from './store.ts';

export interface ManagerOptions {
  store: StoreProvider;
  /** Defaults for settings not yet stored (e.g. the folder given on a command line). */
  defaults?: Partial<Settings>;
  /** Milliseconds between batched `items` events (default 100, so at most ten a second). */
  snapshotIntervalMs?: number;
  /** Overrides for backoff timing, used by tests to keep retries fast. */
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
}


export interface ManagerEvents {
  items: [{ changed: ItemSnapshot[]; removed: string[] }];
  settings: [Settings];
}

export class DownloadManager extends EventEmitter<ManagerEvents> {
  /** Opens the store, restores every item, and starts those that were running. */
  static async open(_options: ManagerOptions): Promise<DownloadManager> { throw new Error('stub'); }
  add(_urls: string[], _options?: AddOptions): AddResult { throw new Error('stub'); }
  pause(_ids: string[]): void { throw new Error('stub'); }
  resume(_ids: string[]): void { throw new Error('stub'); }
  pauseAll(): void { throw new Error('stub'); }
  resumeAll(): void { throw new Error('stub'); }
  async cancel(_ids: string[]): Promise<void> { throw new Error('stub'); }
  async remove(_ids: string[], _deleteFile: boolean): Promise<void> { throw new Error('stub'); }
  retry(_ids: string[]): void { throw new Error('stub'); }
  changeUrl(_id: string, _url: string): void { throw new Error('stub'); }
  reorder(_id: string, _toIndex: number): void { throw new Error('stub'); }
  list(): ItemSnapshot[] { throw new Error('stub'); }
  get(_id: string): ItemSnapshot | undefined { throw new Error('stub'); }
  getSettings(): Settings { throw new Error('stub'); }
  setSettings(_patch: Partial<Settings>): Settings { throw new Error('stub'); }
  /** Free bytes in the default folder (null when the platform cannot tell). */
  async freeBytes(): Promise<number | null> { throw new Error('stub'); }
  /** Absolute path of an item's file: the final file when done, else where it will be. */
  filePath(_id: string): string { throw new Error('stub'); }
  /** Resolves when every item is settled (done, failed, paused, canceled): for CLI and tests. */
  whenIdle(): Promise<void> { throw new Error('stub'); }
  /** Pauses running downloads, flushes every checkpoint, and stops timers. */
  async close(): Promise<void> { throw new Error('stub'); }
}
