// Which items wait and which run, kept up to date as states change, so starting the next
// download or answering "is anything left?" does not scan ten thousand items each time.

interface Queueable {
  cp: { id: string; state: string; order: number };
}

export class QueueIndex<T extends Queueable> {
  #queued = new Map<string, T>();
  #running = new Set<T>();
  /** Queued entries by order; entries that left the queue are skipped lazily. */
  #sorted: T[] | undefined;

  get runningCount(): number {
    return this.#running.size;
  }

  get queuedCount(): number {
    return this.#queued.size;
  }

  /** Call after an entry's state changed. */
  update(entry: T): void {
    const waiting = entry.cp.state === 'queued' && !this.#running.has(entry);
    if (waiting && !this.#queued.has(entry.cp.id)) {
      this.#queued.set(entry.cp.id, entry);
      this.#sorted = undefined;
    } else if (!waiting) {
      this.#queued.delete(entry.cp.id);
    }
  }

  setRunning(entry: T, running: boolean): void {
    if (running) this.#running.add(entry);
    else this.#running.delete(entry);
    this.update(entry);
  }

  delete(entry: T): void {
    this.#queued.delete(entry.cp.id);
    this.#running.delete(entry);
  }

  /** An order changed: the next call sorts again. */
  reordered(): void {
    this.#sorted = undefined;
  }

  /** Up to `count` queued entries, lowest order first. */
  next(count: number): T[] {
    if (count <= 0 || this.#queued.size === 0) return [];
    this.#sorted ??= [...this.#queued.values()].sort((a, b) => a.cp.order - b.cp.order);
    const picked: T[] = [];
    let skip = 0;
    for (const entry of this.#sorted) {
      if (picked.length === count) break;
      if (this.#queued.get(entry.cp.id) === entry) picked.push(entry);
      else if (picked.length === 0) skip += 1;
    }
    // Entries at the front that left the queue are gone for good.
    if (skip > 0) this.#sorted.splice(0, skip);
    return picked;
  }
}
