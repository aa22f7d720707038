// A real HTTP server on 127.0.0.1 with named fault modes (after gopeed's httptest
// catalogue): each served file can cut its body, stall, ignore ranges, weaken or drop its
// validators, answer a scripted list of statuses, change under the client, compress against
// its wishes, or hide its length. Every request is logged so tests can assert what the
// client actually sent (Range, If-Match, Accept-Encoding).

import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import zlib from 'node:zlib';

export interface Faults {
  /** Destroy the socket after this many body bytes, for the first `cutTimes` bodies (default 1). */
  cutAfterBytes?: number;
  cutTimes?: number;
  /** Send this many body bytes, then nothing, for the first `stallTimes` bodies (default 1). */
  stallAfterBytes?: number;
  stallTimes?: number;
  /** Answer every request with 200 and the whole body. */
  ignoreRange?: boolean;
  /** Advertise ranges (Accept-Ranges: bytes) even when ignoring them. */
  advertiseRanges?: boolean;
  weakEtag?: boolean;
  /** Answer the first requests with these statuses, in order (undefined = behave), then behave. */
  statuses?: ({ status: number; headers?: Record<string, string> } | undefined)[];
  /** After this many requests the file is replaced by `body` (new ETag and Last-Modified). */
  changeAfterRequests?: { after: number; body: Buffer };
  /** Always gzip the whole body (Content-Encoding: gzip), whatever the client asked. */
  gzipOnly?: boolean;
  /** Say Content-Encoding: gzip (or `encoding`) and send a body that does not decode: not gzip at all, or a gzip stream cut short (its length still right). */
  badGzip?: 'garbage' | 'truncated';
  badEncoding?: string;
  /** Chunked transfer without Content-Length or ranges. */
  noLength?: boolean;
  /** Bytes per second per connection. */
  throttleBytesPerSec?: number;
  /** Drop the connection right after the response headers, for the first `dropTimes` bodies (default 1). */
  dropAfterHeaders?: 'close' | 'reset';
  dropTimes?: number;
  /** How `cutAfterBytes` ends the connection: a FIN (default) or a TCP reset. */
  cutWith?: 'close' | 'reset';
  /** Send a body that never ends (chunked, no length, no ranges): bytes until the client stops. */
  endless?: boolean;
  /** Announce this Content-Length (with ranges) and send the real body: a size the disk cannot hold. */
  announceLength?: number;
}

export interface FileSpec {
  body: Buffer;
  /** Default: a strong ETag from the body's hash; null sends none. */
  etag?: string | null;
  /** Default: a fixed date; null sends none. */
  lastModified?: string | null;
  contentDisposition?: string;
  faults?: Faults;
  /** Headers every request must carry with exactly these values (a session cookie, a Referer), else 403. */
  requireHeaders?: Record<string, string>;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  status: number;
  bodyBytesSent: number;
}

export interface FaultServer {
  origin: string;
  url(path: string): string;
  serve(path: string, spec: FileSpec): void;
  redirect(path: string, to: string, status?: number): void;
  requests: LoggedRequest[];
  requestsFor(path: string): LoggedRequest[];
  /** Resolves when `count` requests for `path` have arrived (bounded by `timeoutMs`). */
  waitForRequests(path: string, count: number, timeoutMs?: number): Promise<void>;
  /** Resolves when the bodies sent for `path` add up to `bytes` (bounded by `timeoutMs`). */
  waitForBodyBytes(path: string, bytes: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const FIXED_DATE = 'Tue, 24 Nov 2026 10:00:00 GMT';
const CHANGED_DATE = 'Tue, 24 Nov 2026 11:00:00 GMT';

interface Route {
  spec?: FileSpec;
  redirect?: { to: string; status: number };
  requests: number;
  bodies: number;
}

/** Listens on 127.0.0.1, or another loopback address (Linux answers on all of 127/8). */
export async function startFaultServer(host = '127.0.0.1'): Promise<FaultServer> {
  const routes = new Map<string, Route>();
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const check of waiters) check();
  };
  /** Checked whenever a request arrives or body bytes are sent: no polling. */
  const waitUntil = (done: () => boolean, what: string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`waited ${timeoutMs} ms for ${what}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      path,
      // Every header as sent (one value each), so tests can assert what reached the server.
      headers: Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value])),
      status: 0,
      bodyBytesSent: 0,
    };
    requests.push(entry);
    wake();
    const route = routes.get(path);
    if (!route) return finish(res, entry, 404);
    route.requests += 1;
    if (route.redirect) {
      res.setHeader('location', route.redirect.to);
      return finish(res, entry, route.redirect.status);
    }
    respond(route, req, res, entry, wake);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    url: (path) => origin + path,
    serve(path, spec) {
      routes.set(path, { spec, requests: 0, bodies: 0 });
    },
    redirect(path, to, status = 302) {
      routes.set(path, { redirect: { to, status }, requests: 0, bodies: 0 });
    },
    requests,
    requestsFor: (path) => requests.filter((r) => r.path === path),
    waitForRequests(path, count, timeoutMs = 10_000) {
      return waitUntil(() => requests.filter((r) => r.path === path).length >= count, `${count} requests to ${path}`, timeoutMs);
    },
    waitForBodyBytes(path, bytes, timeoutMs = 10_000) {
      const sent = () => requests.filter((r) => r.path === path).reduce((sum, r) => sum + r.bodyBytesSent, 0);
      return waitUntil(() => sent() >= bytes, `${bytes} body bytes for ${path}`, timeoutMs);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function finish(res: http.ServerResponse, entry: LoggedRequest, status: number): void {
  entry.status = status;
  res.statusCode = status;
  res.end();
}

/** The file as it is now: replaced after `changeAfterRequests`. */
function currentFile(route: Route): { body: Buffer; etag: string | null; lastModified: string | null } {
  const spec = route.spec!;
  const change = spec.faults?.changeAfterRequests;
  const changed = change !== undefined && route.requests > change.after;
  const body = changed ? change.body : spec.body;
  const strong = `"${crypto.createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
  let etag = spec.etag === undefined || changed ? strong : spec.etag;
  if (etag && spec.faults?.weakEtag) etag = `W/${etag}`;
  const lastModified = spec.lastModified === undefined ? (changed ? CHANGED_DATE : FIXED_DATE) : spec.lastModified;
  return { body, etag: spec.etag === null ? null : etag, lastModified };
}

function respond(route: Route, req: http.IncomingMessage, res: http.ServerResponse, entry: LoggedRequest, onSent: () => void): void {
  const spec = route.spec!;
  const faults = spec.faults ?? {};
  for (const [name, value] of Object.entries(spec.requireHeaders ?? {})) {
    if (req.headers[name.toLowerCase()] !== value) return finish(res, entry, 403);
  }
  const scripted = faults.statuses?.[route.requests - 1];
  if (scripted) {
    for (const [name, value] of Object.entries(scripted.headers ?? {})) res.setHeader(name, value);
    return finish(res, entry, scripted.status);
  }
  const file = currentFile(route);
  if (file.etag) res.setHeader('etag', file.etag);
  if (file.lastModified) res.setHeader('last-modified', file.lastModified);
  if (spec.contentDisposition) res.setHeader('content-disposition', spec.contentDisposition);

  if (!preconditionsHold(req, file)) return finish(res, entry, 412);

  if (faults.badGzip) {
    const gzipped = zlib.gzipSync(file.body);
    const bad = faults.badGzip === 'garbage' ? Buffer.from(file.body.subarray(0, 100_000)) : gzipped.subarray(0, gzipped.length - 100);
    res.setHeader('content-encoding', faults.badEncoding ?? 'gzip');
    res.setHeader('content-length', bad.length);
    return sendBody(route, res, entry, 200, bad, onSent);
  }
  if (faults.gzipOnly) {
    const gzipped = zlib.gzipSync(file.body);
    res.setHeader('content-encoding', 'gzip');
    res.setHeader('content-length', gzipped.length);
    return sendBody(route, res, entry, 200, gzipped, onSent);
  }
  if (faults.noLength) {
    return sendBody(route, res, entry, 200, file.body, onSent, true);
  }
  if (faults.endless) return sendEndless(res, entry, file.body, onSent);
  if (faults.announceLength !== undefined && !req.headers.range) {
    res.setHeader('accept-ranges', 'bytes');
    res.setHeader('content-length', faults.announceLength);
    return sendBody(route, res, entry, 200, file.body, onSent);
  }
  if (!faults.ignoreRange || faults.advertiseRanges) res.setHeader('accept-ranges', 'bytes');
  const range = faults.ignoreRange ? undefined : parseRange(req.headers.range, file.body.length);
  if (range === 'unsatisfiable') {
    res.setHeader('content-range', `bytes */${file.body.length}`);
    return finish(res, entry, 416);
  }
  if (range) {
    res.setHeader('content-range', `bytes ${range.start}-${range.end - 1}/${file.body.length}`);
    res.setHeader('content-length', range.end - range.start);
    return sendBody(route, res, entry, 206, file.body.subarray(range.start, range.end), onSent);
  }
  res.setHeader('content-length', file.body.length);
  sendBody(route, res, entry, 200, file.body, onSent);
}

function preconditionsHold(req: http.IncomingMessage, file: { etag: string | null; lastModified: string | null }): boolean {
  const ifMatch = req.headers['if-match'];
  if (ifMatch !== undefined) {
    // Strong comparison [RFC 9110 13.1.1]: a weak tag never matches.
    const tags = ifMatch.split(',').map((tag) => tag.trim());
    if (!file.etag || file.etag.startsWith('W/') || (!tags.includes('*') && !tags.includes(file.etag))) return false;
  }
  const since = req.headers['if-unmodified-since'];
  if (since !== undefined && ifMatch === undefined && file.lastModified) {
    if (Date.parse(file.lastModified) > Date.parse(since)) return false;
  }
  return true;
}

function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Math.min(Number(match[2]), size);
    return suffix === 0 ? 'unsatisfiable' : { start: size - suffix, end: size };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size : Math.min(Number(match[2]) + 1, size);
  if (start >= size || end <= start) return 'unsatisfiable';
  return { start, end };
}

function sendBody(route: Route, res: http.ServerResponse, entry: LoggedRequest, status: number, body: Buffer, onSent: () => void, chunked = false): void {
  entry.status = status;
  res.statusCode = status;
  if (res.req.method === 'HEAD') return void res.end();
  route.bodies += 1;
  const faults = route.spec!.faults ?? {};
  const cutAt = faults.cutAfterBytes !== undefined && route.bodies <= (faults.cutTimes ?? 1) ? faults.cutAfterBytes : undefined;
  const stallAt = faults.stallAfterBytes !== undefined && route.bodies <= (faults.stallTimes ?? 1) ? faults.stallAfterBytes : undefined;
  const stopAt = Math.min(cutAt ?? Infinity, stallAt ?? Infinity, body.length);
  if (chunked) res.removeHeader('content-length');
  const dropTimes = faults.dropTimes ?? 1;
  if (faults.dropAfterHeaders && route.bodies <= dropTimes) {
    res.flushHeaders();
    dropConnection(res, faults.dropAfterHeaders);
    return;
  }
  const rate = faults.throttleBytesPerSec;
  const slice = rate ? Math.max(1, Math.floor(rate / 20)) : 64 * 1024;
  let offset = 0;
  const pump = () => {
    // A client that went away (killed, aborted) gets nothing more, and nothing is counted.
    if (res.destroyed || res.socket?.destroyed) return;
    while (offset < stopAt) {
      const next = Math.min(stopAt, offset + slice);
      const ok = res.write(body.subarray(offset, next));
      entry.bodyBytesSent += next - offset;
      offset = next;
      onSent();
      if (rate) return void setTimeout(pump, 50);
      if (!ok) return void res.once('drain', pump);
    }
    if (offset >= body.length) return void res.end();
    if (cutAt !== undefined && offset >= cutAt) {
      dropConnection(res, faults.cutWith ?? 'close');
    }
    // A stall: nothing more is sent; close() destroys the socket.
  };
  if (chunked) res.flushHeaders();
  pump();
}

/** The body repeated for as long as the client reads (bounded only by the client). */
function sendEndless(res: http.ServerResponse, entry: LoggedRequest, body: Buffer, onSent: () => void): void {
  entry.status = 200;
  res.statusCode = 200;
  const chunk = body.length > 0 ? body : Buffer.alloc(64 * 1024);
  const pump = () => {
    while (!res.destroyed && !res.socket?.destroyed) {
      const ok = res.write(chunk);
      entry.bodyBytesSent += chunk.length;
      onSent();
      if (!ok) return void res.once('drain', pump);
    }
  };
  res.flushHeaders();
  pump();
}

/** Once what was written has left for the kernel (writes are flushed in order), ends the connection: a FIN, or an RST. */
function dropConnection(res: http.ServerResponse, how: 'close' | 'reset'): void {
  const socket = res.socket;
  if (!socket) return;
  socket.write(Buffer.alloc(0), () => (how === 'reset' ? socket.resetAndDestroy() : socket.destroy()));
}
