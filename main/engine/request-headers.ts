// Request headers an item carries for the site (a session Cookie, a Referer, the browser's
// User-Agent, an Authorization). They go on every request of the item and are checked once,
// when the item is added, so a bad one is refused by name before anything starts. Their
// values are secrets: errors name a header, never show its value.

import { DownloadError } from './errors.ts';

/** Headers the engine writes itself: a download's correctness depends on them. */
const RESERVED = new Set([
  'range',
  'if-match',
  'if-none-match',
  'if-range',
  'if-unmodified-since',
  'if-modified-since',
  'accept-encoding',
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'proxy-authorization',
  'proxy-connection',
]);

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const MAX_HEADERS = 64;
const MAX_VALUE_LENGTH = 16_384;

/** Lower-cased names, trimmed values; throws ERR_INVALID_HEADER naming the first bad one. */
export function normalizeRequestHeaders(input: Record<string, string> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  const entries = Object.entries(input ?? {});
  if (entries.length > MAX_HEADERS) {
    throw new DownloadError('ERR_INVALID_HEADER', { params: { variant: 'tooMany', count: entries.length, max: MAX_HEADERS } });
  }
  for (const [rawName, rawValue] of entries) {
    const name = rawName.trim().toLowerCase();
    if (!TOKEN.test(name)) {
      throw new DownloadError('ERR_INVALID_HEADER', { params: { variant: 'name', name: safeName(rawName) } });
    }
    if (RESERVED.has(name)) {
      throw new DownloadError('ERR_INVALID_HEADER', { params: { variant: 'reserved', name } });
    }
    const value = String(rawValue).trim();
    // CR and LF would start a new header line (request splitting); no other control but tab
    // is allowed in a field value (RFC 9110 §5.5), and a server answers one with a 400.
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) {
      throw new DownloadError('ERR_INVALID_HEADER', { params: { variant: 'value', name } });
    }
    if (value.length > MAX_VALUE_LENGTH) {
      throw new DownloadError('ERR_INVALID_HEADER', { params: { variant: 'valueLength', name, max: MAX_VALUE_LENGTH } });
    }
    headers[name] = name in headers ? `${headers[name]}${name === 'cookie' ? '; ' : ', '}${value}` : value;
  }
  return headers;
}

/**
 * Parses curl-style "Name: value" lines (repeatable `--header`). A header given twice is
 * sent once with both values, as curl's repeated Cookie headers reach a server.
 */
export function parseHeaderLines(lines: readonly string[]): Record<string, string> {
  const pairs: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new DownloadError('ERR_INVALID_HEADER', { params: { variant: 'format', name: safeName(line.slice(0, 40)) } });
    }
    pairs.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  const merged: Record<string, string> = {};
  for (const [name, value] of pairs) {
    const key = name.trim().toLowerCase();
    merged[key] = key in merged ? `${merged[key]}${key === 'cookie' ? '; ' : ', '}${value.trim()}` : value.trim();
  }
  return normalizeRequestHeaders(merged);
}

/** Whether two URLs share scheme, host and port: per-item headers never leave their origin. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** A header name shown in an error: printable, short, and never a value. */
function safeName(name: string): string {
  return name.replace(/[^\x21-\x7e]/g, '?').slice(0, 64);
}

/**
 * The item's headers as Node must be given them to send the text's UTF-8 bytes: a browser
 * sends a cookie set with non-ASCII text (a search kept in it) as those bytes, while Node
 * writes a header string as latin1 and refuses any character past U+00FF.
 */
export function onTheWire(headers: Record<string, string>): Record<string, string> {
  const wire: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) wire[name] = /[^\x00-\x7f]/.test(value) ? Buffer.from(value, 'utf8').toString('latin1') : value;
  return wire;
}
