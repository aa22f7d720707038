// The last step of a download: every byte on disk (flushed), the size the server
// announced, the checksum the user gave (computed from the open descriptor, so it is the
// bytes of this very file), and only then the move to the final name. The move never
// replaces anything: the file gets a second name with link(), which fails on any existing
// entry (a planted link, a dangling one, another file), then the `.part` name goes. Then
// the file is marked with where it came from (origin-mark.ts).

import fs from 'node:fs';
import { missingRanges } from './byte-ranges.ts';
import { finishFile } from './checkpoint-transitions.ts';
import { sha256OfDescriptor } from './content.ts';
import { DownloadError } from './errors.ts';
import type { ByteRange, Checkpoint } from './item.ts';
import { markFinishedFile } from './origin-mark.ts';
import { writeError, type PartFile } from './part-file.ts';
import { entryExists, finalNameCandidates, insideFolder, partPathOf } from './target-file.ts';

/** File systems without hard links (FAT, some network and FUSE mounts) say so with these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EINVAL']);

/**
 * Verifies the part file and gives it its final name; updates the checkpoint's size, ranges
 * and final name. `beforeMove` runs once the bytes are verified (to record the size first).
 */
export async function completePartFile(
  cp: Checkpoint,
  file: PartFile,
  done: ByteRange[] | undefined,
  isTaken: (name: string) => boolean,
  beforeMove: () => void = () => {},
): Promise<void> {
  await file.sync();
  const size = file.size();
  const total = cp.total ?? size;
  if (size !== total || (done && missingRanges(done, total).length > 0)) {
    throw new DownloadError('ERR_SIZE_MISMATCH', { params: { size, total }, action: 'retry' });
  }
  const expected = cp.options.sha256?.toLowerCase();
  if (expected) {
    const actual = await sha256OfDescriptor(file.fd, size);
    if (actual !== expected) {
      await file.close();
      fs.rmSync(file.path, { force: true });
      throw new DownloadError('ERR_CHECKSUM_MISMATCH', { params: { actual, expected }, action: 'checkChecksum' });
    }
  }
  beforeMove();
  // Closed first, so the item is done the moment its final name appears; a `.part` swapped
  // after the close is caught by the identity check after the link.
  await file.close();
  finishFile(cp, { total, fileName: await moveToFinalName(cp.dir, cp.fileName!, file, isTaken) });
  // moveToFinalName has just found the final name to be this very file.
  await markFinishedFile(cp);
}

// Off the main thread, like the name checks (see entryExists): each step waits for the
// folder's lock while other downloads create and rename files in it.
async function moveToFinalName(dir: string, claimed: string, file: PartFile, isTaken: (name: string) => boolean): Promise<string> {
  for await (const name of finalNameCandidates(dir, claimed, isTaken)) {
    const target = insideFolder(dir, name);
    try {
      await fs.promises.link(file.path, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') continue;
      // The `.part`, or the folder holding it, was removed or moved away meanwhile.
      if (code === 'ENOENT') throw partGone(file);
      if (!NO_HARD_LINKS.has(code)) throw writeError(error, target);
      // No hard links here: a rename after a check, the best such a file system allows.
      if (await entryExists(target)) continue;
      try {
        await fs.promises.rename(file.path, target);
      } catch (renameError) {
        throw (renameError as NodeJS.ErrnoException).code === 'ENOENT' ? partGone(file) : writeError(renameError, target);
      }
      return name;
    }
    // The new name must be this very file: a `.part` swapped after it was closed would be another.
    if ((await fs.promises.lstat(target)).ino !== file.ino) {
      await fs.promises.unlink(target);
      throw partGone(file);
    }
    try {
      await fs.promises.unlink(file.path);
    } catch (error) {
      throw writeError(error, file.path);
    }
    return name;
  }
  throw new DownloadError('ERR_INTERNAL', { params: { variant: 'noFinalName' }, action: 'retry' });
}

/** The file written is no longer at its `.part` name: what is there (if anything) is not these bytes. */
function partGone(file: PartFile): DownloadError {
  return new DownloadError('ERR_WRITE', { params: { path: file.path, variant: 'partGone' }, action: 'retry' });
}

/**
 * The move is the last step and its record follows it; a crash between the two leaves the
 * final file at the announced size (and, between link and unlink, the `.part` as a second
 * name of it). That is a finished file, once its SHA-256 matches when one was given.
 */
export async function finishedBeforeCrash(cp: Checkpoint): Promise<boolean> {
  if (!cp.fileName || cp.total === undefined) return false;
  const finalPath = insideFolder(cp.dir, cp.fileName);
  const partPath = partPathOf(cp.dir, cp.fileName);
  const final = fs.lstatSync(finalPath, { throwIfNoEntry: false });
  if (!final?.isFile() || final.size !== cp.total) return false;
  const part = fs.lstatSync(partPath, { throwIfNoEntry: false });
  const secondName = part !== undefined && part.ino === final.ino && part.dev === final.dev;
  if (part && !secondName) return false;
  const expected = cp.options.sha256?.toLowerCase();
  if (expected) {
    const fd = fs.openSync(finalPath, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    try {
      if ((await sha256OfDescriptor(fd, cp.total)) !== expected) return false;
    } finally {
      fs.closeSync(fd);
    }
  }
  if (secondName) fs.unlinkSync(partPath);
  finishFile(cp, { total: cp.total, fileName: cp.fileName });
  // The crash may have come before the mark: set it (again).
  // Looked up again: the checksum may have taken a while.
  await markFinishedFile(cp, final.ino);
  return true;
}
