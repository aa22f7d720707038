// What a folder holds that the group or others may read, write or enter: every file and
// folder under it (and itself), walked whole, so a file added later is checked too.

import fs from 'node:fs';
import path from 'node:path';

/** `name 0644` for each entry with a group or other bit, the folder itself as `.`; empty when all are private. */
export function looseModes(root: string): string[] {
  const loose: string[] = [];
  for (const entry of ['.', ...(fs.readdirSync(root, { recursive: true }) as string[]).sort()]) {
    const stats = fs.lstatSync(path.join(root, entry));
    if (stats.isSymbolicLink()) continue;
    if ((stats.mode & 0o077) !== 0) loose.push(`${entry} ${(stats.mode & 0o777).toString(8).padStart(4, '0')}`);
  }
  return loose;
}
