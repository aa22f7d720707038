// Where a download lands: a conflict-free name in the chosen folder, claimed by creating
// its `.part` file exclusively, so two downloads (or another program) never share a file.

import fs from 'node:fs';
import path from 'node:path';
import { DownloadError, systemCode } from './errors.ts';
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
    throw new DownloadError('ERR_INTERNAL', { params: { detail: `refused to write ${JSON.stringify(name)} outside ${folder}` } });
  }
  return full;
}

export function ensureFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (error) {
    throw new DownloadError('ERR_FOLDER', { params: { path: dir, detail: systemCode(error) }, action: 'chooseFolder', cause: error });
  }
}

export async function claimFileName(
  dir: string,
  requested: string | undefined,
  contentDisposition: string | undefined,
  url: string,
  isTaken: (dir: string, name: string) => boolean,
): Promise<{ name: string; file: PartFile }> {
  ensureFolder(dir);
  const desired = requested ? sanitizeFileName(requested) : nameFromResponse(contentDisposition, url);
  for (let n = 0; n <= MAX_NUMBERED; n++) {
    const name = numberedName(desired, n);
    if (isTaken(dir, name) || fs.existsSync(insideFolder(dir, name))) continue;
    try {
      return { name, file: await PartFile.createExclusive(partPathOf(dir, name)) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw writeError(error, partPathOf(dir, name));
    }
  }
  throw new DownloadError('ERR_FOLDER', { params: { variant: 'tooManyNames', name: desired, path: dir }, action: 'chooseFolder' });
}

/** The name to rename to at the end: the claimed one, unless something took it meanwhile. */
export function freeFinalName(dir: string, claimed: string, isTaken: (name: string) => boolean): string {
  for (let n = 0; n <= MAX_NUMBERED; n++) {
    const name = numberedName(claimed, n);
    if (n > 0 && (isTaken(name) || fs.existsSync(insideFolder(dir, `${name}.part`)))) continue;
    if (!fs.existsSync(insideFolder(dir, name))) return name;
  }
  throw new DownloadError('ERR_FOLDER', { params: { variant: 'tooManyNames', name: claimed, path: dir }, action: 'chooseFolder' });
}
