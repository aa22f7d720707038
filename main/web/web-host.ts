// The web host: the same renderer and the same contract as the desktop app, served to a
// browser over HTTP and a WebSocket on 127.0.0.1. Only the transport differs.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_PATH } from '../contract.ts';
import type { DownloadManager } from '../engine/download-manager.ts';
import { DownloadError } from '../engine/errors.ts';
import { createHandlers, type Platform } from '../host/handlers.ts';
import { contentSecurityPolicy } from '../host/page-policy.ts';
import { pageWords, refusalWords } from './refusal-words.ts';
import { createExtensionEndpoint, EXTENSION_PATH } from '../host/extension/endpoint.ts';
import { Pairings } from '../host/extension/pairings.ts';
import { RequestGuard, requestTarget, type Verdict } from './request-guard.ts';
import type { SendEvent } from './send-watch.ts';
import { serveSocket, type SessionLimits } from './socket-session.ts';
import { sendStatic } from './static-files.ts';

const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/**
 * The window keeps a handful of commands under way at once; 64 leaves it room for bursts.
 * 8 MiB unsent is more than the whole list of 10,000 items (about 4 MB); 30 s lets a slow
 * link take in even a list past that before the socket counts as not reading.
 */
export const DEFAULT_SESSION_LIMITS: SessionLimits = { maxInFlight: 64, send: { bytes: 8 * 1024 * 1024, graceMs: 30_000 } };

export interface WebHostOptions {
  manager: DownloadManager;
  rendererDir: string;
  port?: number;
  host?: string;
  token?: string;
  /** Browsers paired for hand-off (kept in the state folder by `tsuzuki serve`); in memory when absent. */
  pairings?: Pairings;
  /** Per-socket limits (tests lower them); DEFAULT_SESSION_LIMITS otherwise. */
  limits?: SessionLimits;
  /** Told when a socket's send buffer goes over its limit, catches up, or is closed for it. */
  onSendEvent?: (event: SendEvent) => void;
}

export interface WebHost {
  /** The URL to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** A browser cannot open files on the machine Tsuzuki runs on, nor pick another folder there. */
function browserPlatform(manager: DownloadManager): Platform {
  const notInBrowser = async (): Promise<never> => {
    throw new DownloadError('ERR_INVALID_STATE', { params: { variant: 'browserCannotOpen' } });
  };
  return {
    openFile: notInBrowser,
    showInFolder: notInBrowser,
    allowedFolder: (dir) => path.resolve(dir) === path.resolve(manager.getSettings().dir),
  };
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { manager } = options;
  const host = options.host ?? '127.0.0.1';
  const rendererDir = path.resolve(options.rendererDir);
  const pairings = options.pairings ?? new Pairings();
  const handlers = createHandlers(manager, browserPlatform(manager), pairings);
  // The extension's own door: its checks (loopback, Host, extension Origin, token) replace the window's cookie.
  const extension = createExtensionEndpoint({ pairings, handlers, manager, isOwnHost: (value) => guard?.isOwnHost(value) ?? false, appName: 'tsuzuki serve' });
  const sockets = new Set<WebSocket>();
  const limits = options.limits ?? DEFAULT_SESSION_LIMITS;
  let guard: RequestGuard | undefined;

  const server = http.createServer((req, res) => {
    if (!guard) {
      // The port (and so the guard) is known only once listening; nothing is served before.
      res.writeHead(503, { 'retry-after': '1' });
      return void res.end();
    }
    const target = requestTarget(req.url);
    if (target?.pathname.startsWith(EXTENSION_PATH)) return extension(req, res);
    const verdict: Verdict = target ? guard.check(req, target) : { ok: false, status: 400, refusal: { code: 'badRequest' } };
    const security = securityHeaders(verdict.ok ? req.headers.host : undefined);
    if (!verdict.ok) {
      const words = refusalWords(verdict.refusal, req, manager);
      res.writeHead(verdict.status, { 'content-type': 'text/plain; charset=utf-8', 'content-language': words.language, ...security });
      return void res.end(words.text);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...security });
      return void res.end();
    }
    if (verdict.viaQuery) {
      // The token moves into an HttpOnly cookie and out of the address bar. Always to "/":
      // a path from the request ("//elsewhere") would make this an open redirect.
      res.writeHead(303, { location: '/', 'set-cookie': guard.cookieHeader(), ...security });
      return void res.end();
    }
    sendStatic(res, rendererDir, target!.pathname, security, () => pageWords('notFound', req, manager));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    // Node drops its own error handler from an upgraded socket: a client resetting the
    // connection while it is refused must not take the server down.
    socket.on('error', () => socket.destroy());
    const target = requestTarget(req.url);
    // A browser always sends Origin on a WebSocket; a client without one (a script, a test)
    // still needs the token or cookie.
    const verdict: Verdict =
      guard && target?.pathname === WS_PATH ? guard.check(req, target) : { ok: false, status: 403, refusal: { code: 'notEndpoint' } };
    if (!verdict.ok) {
      const words = refusalWords(verdict.refusal, req, manager);
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-language: ${words.language}\r\nconnection: close\r\n\r\n${words.text}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      serveSocket(ws, { manager, handlers, pairings, limits, onSendEvent: options.onSendEvent ?? (() => {}), closed: () => sockets.delete(ws) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = () => (server.address() as AddressInfo).port;
  const ready = new RequestGuard(options.token ?? RequestGuard.randomToken(), host, port());
  guard = ready;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port()}/?token=${ready.token}`,
    port: port(),
    token: ready.token,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Headers for every answer. The WebSocket is named explicitly in connect-src (for the Host
 * the page was loaded from, already checked) because not every browser lets 'self' cover ws:.
 */
function securityHeaders(host: string | undefined): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy({ socket: host ? `ws://${host}` : undefined }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}
