// The capped server: static files at a strict rate per TCP connection, run as its own process
// (`node bench/capped-server.ts --root DIR --rate BYTES_PER_S`; prints "listening PORT").
//
// Why not nginx's limit_rate: it allows `rate × (seconds since the request began + 1)` bytes,
// so every request starts with a second's worth unthrottled (4 MiB "at 4 MiB/s" arrives in
// 0.5 s). With 16 connections on a 200 MiB file that head start is a large part of each
// connection's share, inflating every speed-up and rewarding whoever sends more requests.
// Here each connection has one clock across all its keep-alive requests: a chunk may go
// only when the clock says the bytes before it have had their time; idle time earns at most
// SLACK_MS of credit.
//
// Enough HTTP for download managers: GET/HEAD, one byte range (206/416), a strong ETag and
// Last-Modified, If-Match (412) and If-Range.

import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';

const CHUNK = 64 * 1024;
const SLACK_MS = 20;

const { values } = parseArgs({ options: { root: { type: 'string' }, rate: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } } });
const root = path.resolve(values.root ?? '.');
const rate = Number(values.rate);
if (!Number.isFinite(rate) || rate <= 0) throw new Error('--rate BYTES_PER_SECOND is required');

const clocks = new WeakMap<net.Socket, { at: number }>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const server = http.createServer((req, res) => {
  serve(req, res).catch(() => res.destroy());
});
server.keepAliveTimeout = 60_000;

async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed');
  const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (!file.startsWith(root + path.sep)) return plain(res, 404, 'not found');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return plain(res, 404, 'not found');
  }
  if (!stat.isFile()) return plain(res, 404, 'not found');
  const size = stat.size;
  const etag = `"${size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', stat.mtime.toUTCString());
  res.setHeader('Content-Type', 'application/octet-stream');
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== '*' && !ifMatch.split(',').some((tag) => tag.trim() === etag)) return plain(res, 412, 'precondition failed');
  let start = 0;
  let end = size - 1;
  const range = req.headers.range;
  const ifRange = req.headers['if-range'];
  const rangeApplies = range !== undefined && (ifRange === undefined || ifRange === etag);
  if (rangeApplies) {
    const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    if (match && (match[1] !== '' || match[2] !== '')) {
      if (match[1] === '') {
        start = Math.max(0, size - Number(match[2]));
      } else {
        start = Number(match[1]);
        if (match[2] !== '') end = Math.min(end, Number(match[2]));
      }
      if (start >= size || start > end) {
        res.setHeader('Content-Range', `bytes */${size}`);
        return plain(res, 416, 'range not satisfiable');
      }
      res.statusCode = 206;
      res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    }
    // Several ranges or an odd header: answer with the whole file, as RFC 9110 allows.
  }
  res.setHeader('Content-Length', end - start + 1);
  if (req.method === 'HEAD') return void res.end();
  await sendThrottled(res, file, start, end);
}

async function sendThrottled(res: http.ServerResponse, file: string, start: number, end: number): Promise<void> {
  const socket = res.socket!;
  let clock = clocks.get(socket);
  if (!clock) {
    clock = { at: performance.now() };
    clocks.set(socket, clock);
  }
  const handle = await fs.promises.open(file, 'r');
  let closed = false;
  res.once('close', () => (closed = true));
  try {
    for (let position = start; position <= end && !closed; ) {
      const now = performance.now();
      if (clock.at < now - SLACK_MS) clock.at = now - SLACK_MS;
      if (clock.at > now) await sleep(clock.at - now);
      const length = Math.min(CHUNK, end - position + 1);
      const buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead === 0) break;
      clock.at += (bytesRead / rate) * 1000;
      position += bytesRead;
      if (!res.write(buffer.subarray(0, bytesRead))) await drained(res);
    }
  } finally {
    await handle.close();
  }
  if (!closed) res.end();
}

function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function plain(res: http.ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

server.listen(0, values.host, () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => process.exit(0));
