// A stored document that cannot be read (half-written by a crash, hand-edited, made
// unreadable, a folder in its place) must not stop the engine or take the other documents
// with it: it is moved aside, kept for the user under a name no tier reads, reported, and a
// fresh one opened in its place. Both conf and electron-store throw when they open a file
// that is not JSON, so this wraps whichever provider the host gives.

import fs from 'node:fs';
import path from 'node:path';
import type { JsonDocument, StoreProvider } from './store.ts';

/** What was wrong with a document, as a code words are chosen for at the edge. */
export type UnreadableReason = 'notJson' | 'notTsuzuki' | 'badEntries' | string;

export interface UnreadableDocument {
  path: string;
  /**
   * `notJson`, `notTsuzuki` (JSON, but not what Tsuzuki writes there), a system code (EACCES,
   * EISDIR …), or `badEntries`: the document was read, but `entries` of its items were not
   * (the good ones are kept, and the document was copied aside before they were dropped).
   */
  reason: UnreadableReason;
  /**
   * Where it was moved to (for `badEntries`, copied to); absent when that failed (then it
   * stays as it was, and is read again next time).
   */
  movedTo?: string;
  /** For `badEntries`: how many entries were left out. */
  entries?: number;
}

/** The reason code of an error met while reading a document. */
export function unreadableReason(error: unknown): UnreadableReason {
  if (error instanceof SyntaxError) return 'notJson';
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code ? code : 'notTsuzuki';
}

/**
 * Moves a document aside as `<name>.unreadable-<time>` in its folder (never read by any
 * tier: not `.json`). Returns the report, with `movedTo` unless the move failed.
 */
export function setAside(file: string, reason: UnreadableReason): UnreadableDocument {
  const movedTo = putAside(file, (to) => fs.renameSync(file, to));
  return movedTo === undefined ? { path: file, reason } : { path: file, reason, movedTo };
}

/**
 * A document whose items were read but for `entries` of them: a copy of it as it was is
 * kept under the same kind of name before the caller writes it back without them. Without
 * the copy (`movedTo` absent) the caller must leave the document as it is.
 */
function copyAside(file: string, entries: number): UnreadableDocument {
  const movedTo = putAside(file, (to) => fs.copyFileSync(file, to, fs.constants.COPYFILE_EXCL));
  return movedTo === undefined ? { path: file, reason: 'badEntries', entries } : { path: file, reason: 'badEntries', entries, movedTo };
}

/**
 * Reports `bad` entries left out of the document at `file`, copying it aside first; returns
 * whether the caller may now write it back without them (only when the copy was made).
 */
export function leftOutEntries(file: string, bad: number, unreadable: UnreadableDocument[]): boolean {
  if (bad === 0) return false;
  const report = copyAside(file, bad);
  unreadable.push(report);
  return report.movedTo !== undefined;
}

/** Moves or copies `file` to the first free `<file>.unreadable-<time>[-n]`; undefined if that fails. */
function putAside(file: string, put: (to: string) => void): string | undefined {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  for (let n = 1; n <= 100; n++) {
    const to = `${file}.unreadable-${stamp}${n > 1 ? `-${n}` : ''}`;
    if (fs.existsSync(to)) continue;
    try {
      put(to);
      return to;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The provider, but a document that fails to open or read is set aside (reported into
 * `unreadable`) and opened afresh. If it cannot be moved, the original error is thrown:
 * starting over it would overwrite it at the next write.
 */
export function readableDocuments(provider: StoreProvider, unreadable: UnreadableDocument[]): StoreProvider {
  return {
    dir: provider.dir,
    open: (folder: string, name: string): JsonDocument => {
      try {
        const doc = provider.open(folder, name);
        // Both libraries read lazily on some paths: read now, while a failure can be handled.
        void doc.store;
        return doc;
      } catch (error) {
        // Both libraries keep a document as `<name>.json` in its folder.
        const report = setAside(path.join(folder, `${name}.json`), unreadableReason(error));
        if (report.movedTo === undefined) throw error;
        unreadable.push(report);
        return provider.open(folder, name);
      }
    },
  };
}
