// One download's view of the per-host connection slots: how many of its connections hold a
// slot (a request is open or opening) and how many wait for one. What a person sees as
// "connections" is the first; a download whose every connection waits shows why it is not
// moving (the host's limit) instead of a bare "waiting for data".

import type { HostSlots } from './host-slots.ts';

export class CountedSlots {
  #slots: HostSlots;
  #onChange: () => void;
  #open = 0;
  #waiting = 0;

  constructor(slots: HostSlots, onChange: () => void) {
    this.#slots = slots;
    this.#onChange = onChange;
  }

  get open(): number {
    return this.#open;
  }

  get waiting(): number {
    return this.#waiting;
  }

  async acquire(host: string, signal: AbortSignal): Promise<() => void> {
    this.#waiting += 1;
    this.#onChange();
    let release: () => void;
    try {
      release = await this.#slots.acquire(host, signal);
    } finally {
      this.#waiting -= 1;
    }
    this.#open += 1;
    this.#onChange();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#open -= 1;
      release();
      this.#onChange();
    };
  }
}
