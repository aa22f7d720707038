// A cap on connections per host across all downloads, so forty downloads from one server do
// not open hundreds of sockets. Waiting for a slot is not a stall: requests start only once
// they hold one.

export class HostSlots {
  #limit: number;
  #inUse = new Map<string, number>();
  #waiting = new Map<string, (() => void)[]>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  setLimit(limit: number): void {
    this.#limit = limit;
    for (const host of this.#waiting.keys()) this.#wake(host);
  }

  /** Resolves with a release function once a slot for the host is free. */
  acquire(host: string, signal: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        this.#inUse.set(host, (this.#inUse.get(host) ?? 0) + 1);
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.#inUse.set(host, (this.#inUse.get(host) ?? 1) - 1);
          this.#wake(host);
        });
      };
      const onAbort = () => {
        const queue = this.#waiting.get(host) ?? [];
        this.#waiting.set(host, queue.filter((waiter) => waiter !== grant));
        reject(signal.reason);
      };
      if (signal.aborted) return reject(signal.reason);
      if ((this.#inUse.get(host) ?? 0) < this.#limit) return grant();
      signal.addEventListener('abort', onAbort, { once: true });
      const queue = this.#waiting.get(host) ?? [];
      queue.push(grant);
      this.#waiting.set(host, queue);
    });
  }

  #wake(host: string): void {
    const queue = this.#waiting.get(host);
    while (queue && queue.length > 0 && (this.#inUse.get(host) ?? 0) < this.#limit) queue.shift()!();
  }
}
