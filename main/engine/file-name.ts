// Choosing the name a download is saved under. The server's name is untrusted input: it
// may try to climb out of the folder (`../../x`, `/etc/passwd`), name a device (`CON`),
// carry control characters, or be longer than a file system allows. Whatever comes in, the
// result is one plain path component that stays inside the chosen folder.

import { parse as parseContentDisposition } from 'content-disposition';

const FALLBACK_NAME = 'download';
/** Leaves room for the `.part` suffix and ` (NNN)` conflict markers within 255 bytes. */
const MAX_NAME_BYTES = 240;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// Control characters, and characters Windows forbids in names; separators are handled first.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters that show as nothing: format characters (zero-width space and joiners, bidi
// marks such as U+061C, the BOM, tags), blank "letters" (Hangul fillers U+115F, U+1160,
// U+3164, U+FFA0, the blank Braille pattern, Khmer vowels U+17B4/5, Mongolian U+180E) and
// line separators. A name made with them can pass for another ("setup.exe" beside
// "set\u200bup.exe"); each is shown as "_".
const INVISIBLE = /[\p{Cf}\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0\u2028\u2029]/gu;

/** The name a response asks for: Content-Disposition (filename* first), else the URL's last path segment. */
export function nameFromResponse(contentDisposition: string | undefined, url: string): string {
  const fromHeader = contentDisposition ? nameFromContentDisposition(contentDisposition) : undefined;
  // A header name that sanitizes to nothing (`..`, `/`) is no name: the URL still gives one.
  const cleaned = fromHeader === undefined ? undefined : sanitizeFileName(fromHeader, '');
  return cleaned || sanitizeFileName(nameFromUrl(url));
}

export function nameFromContentDisposition(header: string): string | undefined {
  try {
    const name = parseContentDisposition(header).parameters['filename'];
    return name ? repairUtf8(name) : undefined;
  } catch {
    return undefined; // A malformed header is ignored; the URL still gives a name.
  }
}

export function nameFromUrl(url: string): string {
  try {
    const segments = new URL(url).pathname.split('/');
    const last = segments.at(-1) || segments.at(-2) || '';
    return safeDecode(last) || new URL(url).hostname || FALLBACK_NAME;
  } catch {
    return FALLBACK_NAME;
  }
}

/** Turns any string into one safe path component (never empty, never `.` or `..`). */
export function sanitizeFileName(raw: string, fallback = FALLBACK_NAME): string {
  // Keep only the last component of anything path-like, for either platform's separators.
  const leaf = raw.split(/[/\\]/).filter((part) => part !== '' && part !== '.' && part !== '..').at(-1) ?? '';
  let name = leaf.normalize('NFC').replace(FORBIDDEN, '_').replace(INVISIBLE, '_');
  // Leading dots would hide the file; trailing dots and spaces are dropped by Windows.
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (name === '') return fallback;
  name = unreserved(name);
  return truncateToBytes(name, MAX_NAME_BYTES);
}

/**
 * Windows opens a device for any name whose part before the first dot, trailing spaces
 * dropped, is a device name: `CON`, `con.a.b`, `CON .txt`, `lpt1.x.y`. Such a name gets a
 * "_" after that part (`CON_`, `con_.a.b`, `CON_.txt`), on every platform, so a file
 * saved on Linux still opens when copied to Windows.
 */
function unreserved(name: string): string {
  const dot = name.indexOf('.');
  const base = (dot === -1 ? name : name.slice(0, dot)).trimEnd();
  if (!WINDOWS_RESERVED.test(base)) return name;
  return dot === -1 ? `${base}_` : `${base}_${name.slice(dot)}`;
}

/** `report.tar.gz` → stem `report`, ext `.tar.gz`; a name with no dot has no extension. */
export function splitExtension(name: string): { stem: string; ext: string } {
  const match = /^(.+?)((?:\.tar)?\.[^.\s]{1,16})$/i.exec(name);
  return match ? { stem: match[1]!, ext: match[2]! } : { stem: name, ext: '' };
}

/** `name.ext` → `name (n).ext`, for the n-th conflict. */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const { stem, ext } = splitExtension(name);
  return `${stem} (${n})${ext}`;
}

function truncateToBytes(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const { stem, ext } = splitExtension(name);
  const keepExt = Buffer.byteLength(ext) <= 32 ? ext : '';
  const room = maxBytes - Buffer.byteLength(keepExt);
  // Whole code points, so no UTF-8 sequence is split, in one pass: a link may be 8,000
  // characters long, and every snapshot of an item not yet named sanitizes it again.
  let cut = '';
  let used = 0;
  for (const char of stem) {
    used += Buffer.byteLength(char);
    if (used > room) break;
    cut += char;
  }
  return (cut.trimEnd() || FALLBACK_NAME) + keepExt;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Node reads header bytes as Latin-1; a server that sent raw UTF-8 gets it back as UTF-8. */
function repairUtf8(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  const decoded = Buffer.from(value, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? value : decoded;
}
