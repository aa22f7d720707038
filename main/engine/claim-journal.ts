// Which `.part` file belongs to which item, written the moment a name is claimed. An
// append to an open file costs microseconds where a store write costs an fsync, so a
// short download never waits on the store; and because the append reaches the page cache
// before any byte of the download does, a kill -9 at any instant still finds who owns
// each `.part` (a power cut may lose the last lines: the download then starts over under a
// new name, it never corrupts one). Once the store has caught up, the journal keeps only
// the claims it still holds alone.

import fs from 'node:fs';
import path from 'node:path';
import type { Checkpoint } from './item.ts';
import { PRIVATE_FILE_MODE, tightenPrivate } from './private-state.ts';
import { setAside, unreadableReason, type UnreadableDocument } from './readable-documents.ts';

export interface JournalEntry {
  checkpoint: Checkpoint;
  /** Written before the `.part` was made: it may never have been. */
  intent: boolean;
}

export class ClaimJournal {
  readonly path: string;
  #fd: number;
  /** What the journal held when it was opened (read at once, while a failure can be handled). */
  #text: string;

  /**
   * A journal that cannot be read or opened (a folder in its place, no permission) is moved
   * aside like any unreadable document (readable-documents.ts) and reported into
   * `unreadable`; the claims it held are lost, so a `.part` only they knew is left alone.
   * If it cannot even be moved, the error stands: a fresh journal cannot take its place.
   */
  constructor(dir: string, unreadable: UnreadableDocument[] = []) {
    this.path = path.join(dir, 'claims.jsonl');
    // Its lines are whole checkpoints, request headers included: private like the documents.
    // A `.next` a crash left behind would hand its mode on to the journal it becomes.
    tightenPrivate(this.path);
    tightenPrivate(`${this.path}.next`);
    try {
      this.#text = readIfThere(this.path);
      this.#fd = fs.openSync(this.path, 'a', PRIVATE_FILE_MODE);
    } catch (error) {
      const report = setAside(this.path, unreadableReason(error));
      if (report.movedTo === undefined) throw error;
      unreadable.push(report);
      this.#text = '';
      this.#fd = fs.openSync(this.path, 'a', PRIVATE_FILE_MODE);
    }
  }

  /** Every claim recorded since the journal was last emptied, oldest first. */
  read(): JournalEntry[] {
    const claims: JournalEntry[] = [];
    for (const line of this.#text.split('\n')) {
      if (!line) continue;
      try {
        const { claimIntent, ...checkpoint } = JSON.parse(line) as Checkpoint & { claimIntent?: boolean };
        claims.push({ checkpoint: checkpoint as Checkpoint, intent: claimIntent === true });
      } catch {
        // A line cut short by a crash: that claim never completed.
      }
    }
    return claims;
  }

  /** `intent`: the name is about to be claimed (its `.part` may or may not have been made). */
  append(checkpoint: Checkpoint, intent = false): void {
    fs.writeSync(this.#fd, lineOf(checkpoint, intent));
  }

  /** Called once every claim in it is in the store. */
  clear(): void {
    fs.ftruncateSync(this.#fd, 0);
    this.#text = '';
  }

  /**
   * Keeps only these claims (the store has caught up with the others). Replaced whole, by a
   * rename: a kill during it finds the old journal or the new one, never a cut one.
   */
  keepOnly(checkpoints: Checkpoint[]): void {
    if (checkpoints.length === 0) return this.clear();
    const next = `${this.path}.next`;
    fs.writeFileSync(next, checkpoints.map((checkpoint) => lineOf(checkpoint, false)).join(''), { mode: PRIVATE_FILE_MODE });
    fs.renameSync(next, this.path);
    fs.closeSync(this.#fd);
    this.#fd = fs.openSync(this.path, 'a', PRIVATE_FILE_MODE);
  }

  close(): void {
    fs.closeSync(this.#fd);
  }
}

function readIfThere(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

function lineOf(checkpoint: Checkpoint, intent: boolean): string {
  return `${JSON.stringify({ ...checkpoint, done: [], history: [], ...(intent ? { claimIntent: true } : {}) })}\n`;
}
