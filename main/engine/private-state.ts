// The state folder holds secrets on purpose: a download's request headers (Cookie,
// Authorization) and links with a user:password@ are kept so a resume can send them again,
// and the web host keeps its paired browsers beside them. So the folder and every file in it
// are the user's alone, the way ssh and gh keep theirs. The modes are given when a file or
// folder is made, never by a chmod after the write (which would leave a moment when anyone
// could read it); what an older version made looser is tightened when it is opened.

import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from './make-folders.ts';

/** Read and written by the user alone. */
export const PRIVATE_FILE_MODE = 0o600;
/** Entered and listed by the user alone. */
export const PRIVATE_DIR_MODE = 0o700;

/** What an older version left in a state folder: a folder holding one of these is Tsuzuki's to tighten. */
const STATE_MARKS = ['lock', 'queue.json', 'claims.jsonl', 'items', 'settings.json', 'history.json', 'browsers.json'];

/**
 * Makes the folder private. Folders missing above it get the usual mode, as `mkdir -p -m`
 * gives them: they may hold other things (the download folder, say). A folder already there
 * is tightened only when it is state an older version made, or `always`: a folder the user
 * named that holds other things keeps its mode, and the files made in it are private anyway.
 */
export function makePrivateFolder(dir: string, always = false): void {
  makeFolders(path.dirname(dir));
  try {
    fs.mkdirSync(dir, { mode: PRIVATE_DIR_MODE });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (always || STATE_MARKS.some((name) => fs.existsSync(path.join(dir, name)))) tightenPrivate(dir);
}

/**
 * Takes the group's and others' bits off a file or folder this user owns (an older version
 * made them 0644 and 0755). A link is never followed, nor a file of another user touched. A
 * chmod that is refused (a file system without modes) is passed over: the state still works,
 * only no more privately than the file system allows. Windows keeps no such bits.
 */
export function tightenPrivate(target: string): void {
  if (process.platform === 'win32') return;
  try {
    const stats = fs.lstatSync(target, { throwIfNoEntry: false });
    if (!stats || !(stats.isFile() || stats.isDirectory()) || (stats.mode & 0o077) === 0) return;
    if (stats.uid !== process.getuid?.()) return;
    fs.chmodSync(target, stats.mode & 0o7700);
  } catch {
    // Refused, or gone meanwhile: nothing of ours to tighten.
  }
}
