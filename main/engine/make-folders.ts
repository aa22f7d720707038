// `mkdir -p` that always ends. Node's own (`fs.mkdirSync(dir, { recursive: true })`) takes
// ENOENT to mean "a parent is missing", makes the parent, and tries again; where the system
// answers ENOENT for a folder whose parent exists (under /proc, on a mount gone stale) that
// loop never ends, at full CPU on the main thread, so no signal handler ever runs. Here each
// missing folder is made once, from the top down, and the first refusal is thrown.

import fs from 'node:fs';
import path from 'node:path';

/** Makes `dir` and any missing folders above it (with the usual mode); one already there is fine. */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  // Up to the first entry that exists (a link to a folder counts): bounded by the path's depth.
  for (let at = path.resolve(dir); !fs.existsSync(at); at = path.dirname(at)) {
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      // Made meanwhile by someone else, or an entry that is not a folder: what follows says which.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
