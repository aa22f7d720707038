// Every change a checkpoint can go through, each named for what happened. The checkpoint
// is what a restart trusts, so it changes here and nowhere else: a reader sees in one file
// every way `done` can grow (only after bytes are durable) or shrink (a restart, a
// forgotten file), and the history has one cap. Callers record the result (the store);
// these functions only change the object.

import { rangesBelow } from './byte-ranges.ts';
import type { ErrorInfo, HistoryCode, Params } from './errors.ts';
import type { ByteRange, Checkpoint, StoredState, Validators } from './item.ts';

/** History entries kept per item: the latest ones, since only the recent past explains a state. */
export const HISTORY_CAP = 50;

type Writable<T> = { -readonly [K in keyof T]: T[K] };
const open = (cp: Checkpoint) => cp as Writable<Checkpoint>;

/** What the probe's answer says about the file (see response-check.ts). */
export interface ProbeFacts {
  /** The URL after redirects (kept only when it differs). */
  finalUrl: string | undefined;
  total: number | undefined;
  validators: Validators;
  acceptsRanges: boolean;
}

/** The probe answered: a fresh start of the file from byte 0, with what the server told us. */
export function adoptProbe(cp: Checkpoint, facts: ProbeFacts): void {
  const c = open(cp);
  if (facts.finalUrl && facts.finalUrl !== cp.url) c.finalUrl = facts.finalUrl;
  c.total = facts.total;
  c.validators = facts.validators;
  c.acceptsRanges = facts.acceptsRanges;
  c.done = [];
}

/** The item owns `<name>.part` from now on (no bytes in it yet). */
export function claimName(cp: Checkpoint, fileName: string): void {
  const c = open(cp);
  c.fileName = fileName;
  c.done = [];
}

/** The `.part` this item now writes is the file with this identity (inode). */
export function recordPartIdentity(cp: Checkpoint, ino: number): void {
  open(cp).partIno = ino;
}

/** The part file was deleted (its bytes could not be continued): the name is claimed again on resume. */
export function dropPartFile(cp: Checkpoint): void {
  const c = open(cp);
  c.done = [];
  delete c.fileName;
  delete c.partIno;
}

/** Ranges that are on disk after an fdatasync: the only way `done` grows. */
export function recordDurable(cp: Checkpoint, done: ByteRange[]): void {
  open(cp).done = done;
}

/** At a resume: trust only the ranges the part file really holds (it may have been truncated behind our back). */
export function trustFileSize(cp: Checkpoint, size: number): void {
  open(cp).done = rangesBelow(cp.done, size);
}

/** What we have cannot be continued: start over from byte 0. A changed file loses its validators too. */
export function restart(cp: Checkpoint, { fileChanged }: { fileChanged: boolean }): void {
  const c = open(cp);
  c.done = [];
  if (fileChanged) delete c.validators;
}

/** The server answered a range with the whole file: no ranges for this item. */
export function rangesIgnored(cp: Checkpoint): void {
  open(cp).acceptsRanges = false;
}

/** A body of unknown length ended cleanly: that end is the size. */
export function settleTotal(cp: Checkpoint, total: number): void {
  open(cp).total = total;
}

/** Verified and renamed: every byte of `total` is there, under its final name. */
export function finishFile(cp: Checkpoint, { total, fileName }: { total: number; fileName: string }): void {
  const c = open(cp);
  c.total = total;
  c.done = total > 0 ? [[0, total]] : [];
  c.fileName = fileName;
}

/** Notes what happened (a restart, a new link) in the item's history, keeping the last HISTORY_CAP. */
export function noteHistory(cp: Checkpoint, code: HistoryCode, params?: Params, at = Date.now()): void {
  const c = open(cp);
  c.history = [...cp.history, params ? { at, code, params } : { at, code }].slice(-HISTORY_CAP);
}

export function setState(cp: Checkpoint, state: StoredState): void {
  open(cp).state = state;
}

/** Where a restored item starts: a run that was going (or waiting) is queued again, or paused when auto-resume is off. */
export function restoreState(cp: Checkpoint, autoResume: boolean): void {
  if (cp.state === 'downloading' || cp.state === 'queued') open(cp).state = autoResume ? 'queued' : 'paused';
}

export function setError(cp: Checkpoint, error: ErrorInfo): void {
  open(cp).error = error;
}

export function clearError(cp: Checkpoint): void {
  delete open(cp).error;
}

export function markFinished(cp: Checkpoint, at: number): void {
  open(cp).finishedAt = at;
}

/** A new link for the same file (an expired signed URL): the bytes stay if the validators still match. */
export function relink(cp: Checkpoint, url: string): void {
  const c = open(cp);
  c.url = url;
  delete c.finalUrl;
  noteHistory(cp, 'linkChanged');
}

/** The part file is gone (a cancel): nothing about the old file is known any more. */
export function forgetFile(cp: Checkpoint): void {
  const c = open(cp);
  c.done = [];
  delete c.fileName;
  delete c.partIno;
  delete c.total;
  delete c.validators;
  delete c.acceptsRanges;
}

export function moveInQueue(cp: Checkpoint, order: number): void {
  open(cp).order = order;
}

export function touch(cp: Checkpoint, at: number): void {
  open(cp).updatedAt = at;
}
