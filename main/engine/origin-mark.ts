// Where a finished file came from, written on the file itself the way browsers write it, so
// the operating system (and file managers, mail and archive tools after it) can warn before
// a downloaded program runs: on Linux the freedesktop.org attributes `user.xdg.origin.url`
// and `user.xdg.referrer.url`, on macOS `com.apple.quarantine`, on Windows the
// `Zone.Identifier` stream ("mark of the web"). A file system that keeps no such thing
// (FAT, some network mounts) leaves the file unmarked: the download is still complete.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { noteHistory } from './checkpoint-transitions.ts';
import { systemCode } from './errors.ts';
import type { Checkpoint } from './item.ts';
import { insideFolder } from './target-file.ts';
import { withoutCredentials } from './web-url.ts';

export interface Origin {
  /** The URL the bytes came from (after redirects), as Chrome records it. */
  url: string;
  /** The page that linked to it (the item's Referer), when it had one. */
  referrer?: string;
}

/**
 * Marks an item's finished file. `ino`: the file's inode, when the name must be looked up
 * again to be sure it is still that file; left out by a caller that has just checked it. A
 * file left unmarked is noted in the item's history with the reason; the download is done
 * either way.
 */
export async function markFinishedFile(cp: Checkpoint, ino?: number): Promise<void> {
  const origin = originOf(cp);
  if (!origin || !cp.fileName) return;
  const problem = await markOrigin(insideFolder(cp.dir, cp.fileName), ino, origin);
  if (problem) noteHistory(cp, 'originNotRecorded', { detail: problem });
}

/** What to record for an item: its URLs without user names or passwords, which are secrets. */
export function originOf(cp: Checkpoint): Origin | undefined {
  const url = withoutCredentials(cp.finalUrl ?? cp.url);
  if (!url) return undefined;
  const referrer = withoutCredentials(cp.options.headers?.['referer']);
  return referrer ? { url, referrer } : { url };
}

/**
 * macOS: flags in hex, the download time in hex seconds, the agent, an event id. `0081` is
 * the value unsandboxed downloaders (Chromium browsers, AirDrop) write: 0x0001 is the
 * download bit; Safari's `0083` adds 0x0002, the sandbox bit, which Tsuzuki must not claim.
 */
export function quarantineValue(atMs: number, eventId: string): string {
  return `0081;${Math.floor(atMs / 1000).toString(16)};Tsuzuki;${eventId.toUpperCase()}`;
}

/** Windows: zone 3 is the Internet zone, the one SmartScreen and Office check. */
export function zoneIdentifier(origin: Origin): string {
  const referrer = origin.referrer ? `ReferrerUrl=${origin.referrer}\r\n` : '';
  return `[ZoneTransfer]\r\nZoneId=3\r\n${referrer}HostUrl=${origin.url}\r\n`;
}

/** The extended attributes to set on Linux and macOS. */
export function attributesFor(platform: 'linux' | 'darwin', origin: Origin, atMs: number, eventId: string): [name: string, value: string][] {
  if (platform === 'darwin') return [['com.apple.quarantine', quarantineValue(atMs, eventId)]];
  const attributes: [string, string][] = [['user.xdg.origin.url', origin.url]];
  if (origin.referrer) attributes.push(['user.xdg.referrer.url', origin.referrer]);
  return attributes;
}

type XattrLibrary = Pick<typeof import('@napi-rs/xattr'), 'setAttribute'>;
let xattrLibrary: Promise<XattrLibrary | undefined> | undefined;

/**
 * Node has no xattr call; a native library has (prebuilt for Linux and macOS, N-API, so the
 * same binary loads in Node and Electron). Loaded on first use only: a platform without a
 * prebuilt binary skips the mark instead of failing to start.
 */
function loadXattr(): Promise<XattrLibrary | undefined> {
  xattrLibrary ??= import('@napi-rs/xattr').then(
    (library) => library,
    () => undefined,
  );
  return xattrLibrary;
}

/**
 * Marks the file at `filePath`, which must still be the file with inode `ino` (the one this
 * item wrote; undefined when the caller has just checked that). Returns undefined when it was marked (or this platform keeps no mark), else
 * why not, as a system code for the item's history. Never throws: the file is complete
 * either way. The attributes are set without following a link (the library's default), so a
 * link put at the final name gets nothing through it.
 */
export async function markOrigin(filePath: string, ino: number | undefined, origin: Origin, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  try {
    if (ino !== undefined) {
      // Off the main thread (see entryExists in target-file.ts).
      const entry = await fs.promises.lstat(filePath).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (!entry?.isFile() || entry.ino !== ino) return 'EREPLACED';
    }
    if (platform === 'win32') {
      await fs.promises.writeFile(`${filePath}:Zone.Identifier`, zoneIdentifier(origin));
      return undefined;
    }
    if (platform !== 'linux' && platform !== 'darwin') return undefined;
    const xattr = await loadXattr();
    if (!xattr) return 'ENOLIBRARY';
    for (const [name, value] of attributesFor(platform, origin, Date.now(), crypto.randomUUID())) {
      await xattr.setAttribute(filePath, name, value);
    }
    return undefined;
  } catch (error) {
    return errnoOf(error);
  }
}

/** The library reports a system error as text ("Operation not supported (os error 95)"): its name, ENOTSUP. */
function errnoOf(error: unknown): string {
  const number = /\(os error (\d+)\)/.exec(error instanceof Error ? error.message : '')?.[1];
  const name = number === undefined ? undefined : Object.entries(os.constants.errno).find(([, value]) => value === Number(number))?.[0];
  return name ?? systemCode(error);
}
