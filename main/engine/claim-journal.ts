// Which `.part` file belongs to which item, written the moment a name is claimed. An
// append to an open file costs microseconds where a store write costs an fsync, so a
// short download never waits on the store; and because the append reaches the page cache
// before any byte of the download does, a kill -9 at any instant still finds who owns
// each `.part` (a power cut may lose the last lines: the download then starts over under a
// new name, it never corrupts one). The journal is emptied once the store has caught up.

import fs from 'node:fs';
import path from 'node:path';
import type { Checkpoint } from './item.ts';

export class ClaimJournal {
  readonly path: string;
  #fd: number;

  constructor(dir: string) {
    this.path = path.join(dir, 'claims.jsonl');
    this.#fd = fs.openSync(this.path, 'a');
  }

  /** Every claim recorded since the journal was last emptied, oldest first. */
  read(): Checkpoint[] {
    const claims: Checkpoint[] = [];
    for (const line of fs.readFileSync(this.path, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        claims.push(JSON.parse(line) as Checkpoint);
      } catch {
        // A line cut short by a crash: that claim never completed.
      }
    }
    return claims;
  }

  append(checkpoint: Checkpoint): void {
    fs.writeSync(this.#fd, `${JSON.stringify({ ...checkpoint, done: [], history: [] })}\n`);
  }

  /** Called once every claim in it is in the store. */
  clear(): void {
    fs.ftruncateSync(this.#fd, 0);
  }

  close(): void {
    fs.closeSync(this.#fd);
  }
}
