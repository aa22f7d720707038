// Opening an engine for a test: fast retries, a short stall timeout, a temp state folder.

import { DownloadManager, type ManagerOptions } from '../../main/engine/download-manager.ts';
import type { ItemSnapshot, Settings } from '../../main/engine/item.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';

export async function openTestManager(stateDir: string, downloads: string, settings: Partial<Settings> = {}, extra: Partial<ManagerOptions> = {}): Promise<DownloadManager> {
  return DownloadManager.open({
    store: confStoreProvider(stateDir),
    defaults: { dir: downloads, maxRetries: 3, stallTimeoutMs: 1500, connections: 1, ...settings },
    retryBaseDelayMs: 20,
    retryMaxDelayMs: 200,
    minSplitBytes: 64 * 1024,
    ...extra,
  });
}

/** Adds one URL, waits until the engine is idle, and returns the item's final snapshot. */
export async function downloadOne(manager: DownloadManager, url: string, options: Parameters<DownloadManager['add']>[1] = {}): Promise<ItemSnapshot> {
  const { added, rejected } = manager.add([url], options);
  if (rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(rejected[0]!.error)}`);
  await withTimeout(manager.whenIdle(), 20_000, 'download did not settle');
  return manager.get(added[0]!)!;
}

/** Resolves when an item reaches a state or passes a byte count (bounded by a timeout). */
export function waitForItem(manager: DownloadManager, id: string, test: (item: ItemSnapshot) => boolean, timeoutMs = 10_000): Promise<ItemSnapshot> {
  return withTimeout(
    new Promise<ItemSnapshot>((resolve) => {
      const check = () => {
        const item = manager.get(id);
        if (item && test(item)) {
          manager.off('items', check);
          resolve(item);
        }
      };
      manager.on('items', check);
      check();
    }),
    timeoutMs,
    `item ${id} did not reach the expected state`,
  );
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}
