// Serves the built renderer. Paths are resolved inside the folder and nothing else:
// `..`, encoded separators and absolute paths all end in 404. A request is untrusted input
// even after the token check, so no path (too long, through a file, unreadable) may throw.

import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) return undefined;
  return full;
}

function statFile(file: string): fs.Stats | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined; // ENOENT, ENOTDIR, ENAMETOOLONG, EACCES…: all simply "not here".
  }
}

/** `notFound` words the 404 page in the reader's language. */
export function sendStatic(res: ServerResponse, root: string, urlPath: string, headers: Record<string, string>, notFound: () => { language: string; text: string }): void {
  const file = resolveStatic(root, urlPath);
  const stat = file ? statFile(file) : undefined;
  if (!file || !stat) {
    const words = notFound();
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-language': words.language, ...headers });
    res.end(words.text);
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': stat.size,
    // Asset names carry a content hash; the page itself must always be fresh.
    'cache-control': path.basename(file) === 'index.html' ? 'no-store' : 'max-age=3600',
    ...headers,
  });
  if (res.req.method === 'HEAD') return void res.end();
  const stream = fs.createReadStream(file);
  // A read error after the headers went out can only cut the response short.
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
