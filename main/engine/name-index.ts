// File names held by unfinished items, by folder, so checking a claim is one lookup
// rather than a scan of every item. Fed from every checkpoint save.

import type { Checkpoint } from './item.ts';

export class NameIndex {
  #owners = new Map<string, string>();
  #keyOf = new Map<string, string>();

  index(cp: Checkpoint): void {
    const previous = this.#keyOf.get(cp.id);
    const current = cp.fileName && cp.state !== 'done' && cp.state !== 'canceled' ? key(cp.dir, cp.fileName) : undefined;
    if (previous === current) return;
    if (previous !== undefined && this.#owners.get(previous) === cp.id) this.#owners.delete(previous);
    if (current === undefined) {
      this.#keyOf.delete(cp.id);
    } else {
      this.#keyOf.set(cp.id, current);
      this.#owners.set(current, cp.id);
    }
  }

  isTaken(self: string, dir: string, name: string): boolean {
    const owner = this.#owners.get(key(dir, name));
    return owner !== undefined && owner !== self;
  }
}

function key(dir: string, name: string): string {
  return `${dir}\0${name}`;
}
