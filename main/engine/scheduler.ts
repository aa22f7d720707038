// Which downloads run: starts queued items while fewer than `maxConcurrent` run, settles
// each run into the state its end calls for, stops runs on request and tells waiters when
// nothing is left to do. It owns what every run shares: the HTTP client, the per-host
// connection slots and the global speed limit.

import { clearError, markFinished, setError } from './checkpoint-transitions.ts';
import { Download } from './download.ts';
import { toErrorInfo } from './errors.ts';
import { HostSlots } from './host-slots.ts';
import { createHttpClient, type HttpClient } from './http-client.ts';
import { checkProxyUrl } from './proxy-agents.ts';
import type { Settings, StoredState } from './item.ts';
import type { ManagedItem, StopReason } from './managed-item.ts';
import type { ManagerOptions } from './manager-options.ts';
import type { QueueIndex } from './queue-index.ts';
import { TokenBucket } from './token-bucket.ts';

export interface SchedulerDeps {
  queue: QueueIndex<ManagedItem>;
  settings: () => Settings;
  options: ManagerOptions;
  /** Sets an item's state and records it. */
  setState: (item: ManagedItem, state: StoredState) => void;
  /** Records an item's checkpoint: soon, or at once when `urgent`. */
  save: (item: ManagedItem, urgent?: boolean) => void;
  /** Records that an item now owns its `.part` file. */
  claimed: (item: ManagedItem) => void;
  claiming: (item: ManagedItem, name: string) => void;
  changed: (item: ManagedItem) => void;
  isNameTaken: (item: ManagedItem, dir: string, name: string) => boolean;
}

export class Scheduler {
  #deps: SchedulerDeps;
  #http: HttpClient;
  #hostSlots: HostSlots;
  #globalLimit: TokenBucket;
  #closing = false;
  #idleWaiters: (() => void)[] = [];

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
    const settings = deps.settings();
    this.#http = createHttpClient(settings.perHostConnections, deps.options.allowAddress);
    this.#http.setProxy(checkProxyUrl(settings.proxy ?? ''));
    this.#hostSlots = new HostSlots(settings.perHostConnections);
    this.#globalLimit = new TokenBucket(settings.speedLimit);
  }

  /** Settings a running download reacts to at once. */
  applySettings(settings: Settings): void {
    this.#http.setMaxSocketsPerHost(settings.perHostConnections);
    this.#http.setProxy(settings.proxy);
    this.#hostSlots.setLimit(settings.perHostConnections);
    this.#globalLimit.setRate(settings.speedLimit);
  }

  /** Starts queued items while there is room. */
  pump(): void {
    if (this.#closing) return;
    const { queue } = this.#deps;
    for (const item of queue.next(this.#deps.settings().maxConcurrent - queue.runningCount)) this.#start(item);
    this.checkIdle();
  }

  /** Aborts a running download and waits until its checkpoint is flushed. */
  async stop(item: ManagedItem, reason: StopReason): Promise<void> {
    if (!item.running) return;
    item.controller?.abort(reason);
    await item.running;
  }

  /** Stops every run for good (they resume at the next start); nothing starts after this. */
  async stopAll(items: Iterable<ManagedItem>): Promise<void> {
    this.#closing = true;
    await Promise.all([...items].map((item) => this.stop(item, 'close')));
  }

  /** Frees the shared connections (after stopAll). */
  dispose(): void {
    this.#http.destroy();
    this.checkIdle();
  }

  /** Resolves when nothing is queued or running. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.#idleWaiters.push(resolve);
      this.checkIdle();
    });
  }

  checkIdle(): void {
    if (this.#idleWaiters.length === 0) return;
    const { queue } = this.#deps;
    if (queue.runningCount > 0 || (!this.#closing && queue.queuedCount > 0)) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  #start(item: ManagedItem): void {
    const deps = this.#deps;
    const { options } = deps;
    const controller = new AbortController();
    const download = new Download(item.cp, {
      http: this.#http,
      settings: deps.settings,
      persist: (urgent) => deps.save(item, urgent),
      claimed: () => deps.claimed(item),
      claiming: (name) => deps.claiming(item, name),
      changed: () => deps.changed(item),
      isNameTaken: (dir, name) => deps.isNameTaken(item, dir, name),
      retryBaseDelayMs: options.retryBaseDelayMs ?? 1000,
      retryMaxDelayMs: options.retryMaxDelayMs ?? 60_000,
      minSplitBytes: options.minSplitBytes ?? 1 << 20,
      hostSlots: this.#hostSlots,
      globalLimit: this.#globalLimit,
    });
    item.controller = controller;
    item.download = download;
    deps.queue.setRunning(item, true);
    item.meter.reset();
    clearError(item.cp);
    deps.setState(item, 'downloading');
    item.running = download.run(controller.signal).then(
      () => {
        markFinished(item.cp, Date.now());
        deps.setState(item, 'done');
      },
      (error: unknown) => this.#settleStopped(item, controller.signal, error),
    );
    void item.running.finally(() => {
      item.running = undefined;
      item.download = undefined;
      item.controller = undefined;
      deps.queue.setRunning(item, false);
      deps.changed(item);
      this.pump();
    });
  }

  #settleStopped(item: ManagedItem, signal: AbortSignal, error: unknown): void {
    const reason = signal.aborted ? (signal.reason as StopReason) : undefined;
    if (reason) {
      // "close" leaves the state "downloading", so the item resumes at the next start;
      // pause, cancel, remove and relink set the state themselves.
      this.#deps.save(item);
      return;
    }
    setError(item.cp, toErrorInfo(error));
    this.#deps.setState(item, 'failed');
  }
}
