// The desktop window is served from app://tsuzuki/ (a privileged custom scheme) instead of
// file:, so the page has an origin of its own, gets its Content-Security-Policy as a real
// response header, and cannot read other files the way a file: page can. This maps a
// request to a file of the built renderer, and nothing outside that folder.

import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tsuzuki';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppRequest = { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 404 };

/** The renderer file an app:// URL names, confined to `root`; a 404 for anything else. */
export function resolveAppRequest(url: string, root: string): AppRequest {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 404 };
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  // NUL and backslashes have no business in a bundle path (a backslash is a separator on Windows).
  if (relative.includes('\0') || relative.includes('\\')) return { ok: false, status: 400 };
  const base = path.resolve(root);
  const file = path.resolve(base, `.${relative}`);
  if (file !== base && !file.startsWith(base + path.sep)) return { ok: false, status: 404 };
  const contentType = TYPES[path.extname(file).toLowerCase()];
  if (!contentType) return { ok: false, status: 404 };
  return { ok: true, file, contentType };
}
