// A set of connection tasks that can grow while it runs (helpers join once the probe shows
// the server takes ranges) and that stops every member when one fails for good.

export class WorkerGroup {
  readonly controller = new AbortController();
  #running = new Set<Promise<void>>();
  #failure: { error: unknown } | undefined;
  #settled: (() => void) | undefined;

  constructor(parent: AbortSignal) {
    if (parent.aborted) this.controller.abort(parent.reason);
    else parent.addEventListener('abort', () => this.controller.abort(parent.reason), { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  add(task: () => Promise<void>): void {
    const promise = task().catch((error: unknown) => {
      if (!this.#failure) {
        this.#failure = { error };
        this.controller.abort(error);
      }
    });
    this.#running.add(promise);
    void promise.finally(() => {
      this.#running.delete(promise);
      if (this.#running.size === 0) this.#settled?.();
    });
  }

  /** Resolves when every member has finished; rejects with the first failure. */
  async done(): Promise<void> {
    if (this.#running.size > 0) await new Promise<void>((resolve) => (this.#settled = resolve));
    if (this.#failure) throw this.#failure.error;
  }
}
