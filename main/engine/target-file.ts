// Where a download lands: a conflict-free name in the chosen folder, claimed by creating
// its `.part` file exclusively, so two downloads (or another program) never share a file.

import fs from 'node:fs';
import path from 'node:path';
import { DownloadError, systemCode } from './errors.ts';
import { makeFolders } from './make-folders.ts';
import { nameFromResponse, numberedName, sanitizeFileName } from './file-name.ts';
import { PartFile, writeError } from './part-file.ts';

const MAX_NUMBERED = 9999;

export function partPathOf(dir: string, fileName: string): string {
  return insideFolder(dir, `${fileName}.part`);
}

/** Joins a name to a folder, refusing anything that would land outside it. */
export function insideFolder(dir: string, name: string): string {
  const folder = path.resolve(dir);
  const full = path.resolve(folder, name);
  if (path.dirname(full) !== folder) {
    throw new DownloadError('ERR_INTERNAL', { params: { variant: 'outsideFolder', name, path: folder } });
  }
  return full;
}

export function ensureFolder(dir: string): void {
  try {
    makeFolders(dir);
    fs.accessSync(dir, fs.constants.W_OK);
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (error) {
    throw new DownloadError('ERR_FOLDER', { params: { path: dir, detail: systemCode(error) }, action: 'chooseFolder', cause: error });
  }
}

/** What a lookup or a create in a folder that is gone, or is not a folder, or is closed to us, fails with. */
const FOLDER_PROBLEMS = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS']);

export async function claimFileName(
  dir: string,
  requested: string | undefined,
  contentDisposition: string | undefined,
  url: string,
  isTaken: (dir: string, name: string) => boolean,
  /** Called just before a name's `.part` is made: it is recorded first, so a kill in between never leaves a `.part` nobody knows. */
  claiming: (name: string) => void = () => {},
): Promise<{ name: string; file: PartFile }> {
  const desired = requested ? sanitizeFileName(requested) : nameFromResponse(contentDisposition, url);
  try {
    return await claimIn(dir, desired, isTaken, claiming);
  } catch (error) {
    if (error instanceof DownloadError || !FOLDER_PROBLEMS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  // The folder was checked when the item was added; only a claim that fails looks at it
  // again (four calls on the main thread per file otherwise): made again if it was removed,
  // refused with the reason if it cannot be written.
  ensureFolder(dir);
  try {
    return await claimIn(dir, desired, isTaken, claiming);
  } catch (error) {
    throw error instanceof DownloadError ? error : writeError(error, dir);
  }
}

async function claimIn(dir: string, desired: string, isTaken: (dir: string, name: string) => boolean, claiming: (name: string) => void): Promise<{ name: string; file: PartFile }> {
  for (let n = 0; n <= MAX_NUMBERED; n++) {
    const name = numberedName(desired, n);
    if (isTaken(dir, name) || (await entryExists(insideFolder(dir, name))) || (await entryExists(partPathOf(dir, name)))) continue;
    claiming(name);
    try {
      return { name, file: await PartFile.createExclusive(partPathOf(dir, name)) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') continue;
      // The caller looks at the folder, then tries once more.
      if (FOLDER_PROBLEMS.has(code)) throw error;
      throw writeError(error, partPathOf(dir, name));
    }
  }
  throw new DownloadError('ERR_FOLDER', { params: { variant: 'tooManyNames', name: desired, path: dir }, action: 'chooseFolder' });
}

/**
 * Names to try at the end, in order: the claimed one, then numbered ones nobody else holds.
 * Whether the name itself is free is left to the caller's link (or its check before a
 * rename): asking here too was one more lookup per file in a folder busy with others.
 */
export async function* finalNameCandidates(dir: string, claimed: string, isTaken: (name: string) => boolean): AsyncGenerator<string> {
  for (let n = 0; n <= MAX_NUMBERED; n++) {
    const name = numberedName(claimed, n);
    if (n > 0 && (isTaken(name) || (await entryExists(partPathOf(dir, name))))) continue;
    yield name;
  }
  throw new DownloadError('ERR_FOLDER', { params: { variant: 'tooManyNames', name: claimed, path: dir }, action: 'chooseFolder' });
}

/**
 * Whether anything is at the path, a dangling symbolic link included (existsSync follows
 * links). Asked off the main thread: a lookup in a folder where other downloads are creating
 * and renaming files waits for the folder's lock, measured at 0.3 ms a lookup on a busy disk
 * (1.2 s of main thread for 2,000 small files), during which no other download moved.
 * In the callback form: "no such entry", the usual answer here, then costs no stack trace,
 * which fs.promises captures for every rejection (43 against 25–32 µs a call, measured).
 */
export function entryExists(full: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    fs.lstat(full, (error) => {
      if (!error) resolve(true);
      else if (error.code === 'ENOENT') resolve(false);
      else reject(error);
    });
  });
}
