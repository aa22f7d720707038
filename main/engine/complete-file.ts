// The last step of a download: every byte on disk (flushed), the size the server
// announced, the checksum the user gave, and only then the rename to the final name.

import fs from 'node:fs';
import path from 'node:path';
import { missingRanges } from './byte-ranges.ts';
import { finishFile } from './checkpoint-transitions.ts';
import { sha256OfFile } from './content.ts';
import { DownloadError } from './errors.ts';
import type { ByteRange, Checkpoint } from './item.ts';
import { writeError, type PartFile } from './part-file.ts';
import { freeFinalName, insideFolder, partPathOf } from './target-file.ts';

/** Verifies and renames the part file; updates the checkpoint's size, ranges and final name. */
export async function completePartFile(cp: Checkpoint, file: PartFile, done: ByteRange[] | undefined, isTaken: (name: string) => boolean): Promise<void> {
  await file.sync();
  const size = await file.size();
  const total = cp.total ?? size;
  if (size !== total || (done && missingRanges(done, total).length > 0)) {
    throw new DownloadError('ERR_SIZE_MISMATCH', { params: { size, total }, action: 'retry' });
  }
  const expected = cp.options.sha256?.toLowerCase();
  if (expected) {
    const actual = await sha256OfFile(file.path);
    if (actual !== expected) {
      await file.close();
      fs.rmSync(file.path, { force: true });
      throw new DownloadError('ERR_CHECKSUM_MISMATCH', { params: { actual, expected }, action: 'checkChecksum' });
    }
  }
  await file.close();
  const finalName = freeFinalName(cp.dir, cp.fileName!, isTaken);
  const target = path.join(cp.dir, finalName);
  try {
    fs.renameSync(file.path, target);
  } catch (error) {
    throw writeError(error, target);
  }
  finishFile(cp, { total, fileName: finalName });
}

/**
 * The rename is the last step and its record follows it; a crash between the two leaves
 * the final file in place of the `.part`, at the announced size. That is a finished file.
 */
export function finishedBeforeCrash(cp: Checkpoint): boolean {
  if (!cp.fileName || cp.total === undefined || fs.existsSync(partPathOf(cp.dir, cp.fileName))) return false;
  const stat = fs.statSync(insideFolder(cp.dir, cp.fileName), { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size !== cp.total) return false;
  finishFile(cp, { total: cp.total, fileName: cp.fileName });
  return true;
}
