// The HTTP side of the browser extension, on loopback only. Every request must come from
// the machine itself, name this server in its Host header (no DNS rebinding), and carry an
// extension's Origin (chrome-extension://<id> or moz-extension://<uuid>, which no web page
// can forge); everything but pairing also needs the token a paired browser was given,
// checked before the body is read. A hand-off is the contract's own `add` command, checked
// by the same schema as the window's. Any program on the machine can send such headers, so
// what one may cost is bounded: at most MAX_IN_FLIGHT requests are read at a time (a
// browser's extension sends one or two), each body at most MAX_BODY_BYTES, a pairing's less.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandHandlers } from '../../contract.ts';
import type { DownloadManager } from '../../engine/download-manager.ts';
import { dispatch } from '../dispatch.ts';
import type { Pairings } from './pairings.ts';

export const EXTENSION_PATH = '/extension/';
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_PAIRING_BODY_BYTES = 4 * 1024;
const MAX_IN_FLIGHT = 16;
/** What readJson gives for a body over its limit. */
const TOO_BIG = Symbol('tooBig');
const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export interface ExtensionEndpointOptions {
  pairings: Pairings;
  handlers: CommandHandlers;
  manager: DownloadManager;
  /** Whether a Host header names this server (the web host's own rule). */
  isOwnHost: (host: string | undefined) => boolean;
  /** Shown to the extension, so its popup can say which Tsuzuki it talks to. */
  appName: string;
}

type Refusal = { status: 400 | 401 | 403 | 404 | 405 | 413 | 429; reason: string };

export function createExtensionEndpoint(options: ExtensionEndpointOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { pairings, handlers, manager } = options;

  let inFlight = 0;

  async function route(req: IncomingMessage, path: string, origin: string): Promise<unknown | Refusal> {
    if (req.method !== 'POST') return { status: 405, reason: 'method' };
    if (path === 'pair' || path === 'pair/poll') {
      const body = await bodyOf(req, MAX_PAIRING_BODY_BYTES);
      if (isRefusal(body)) return body;
      if (path === 'pair/poll') return pairings.poll(String((body as { secret?: unknown }).secret ?? ''), origin);
      const asked = pairings.request(String((body as { browser?: unknown }).browser ?? ''), origin);
      return asked ?? { status: 429, reason: 'tooManyPending' };
    }
    const browser = pairings.verify(bearer(req), origin);
    if (!browser) return { status: 401, reason: 'notPaired' };
    const body = await bodyOf(req, MAX_BODY_BYTES);
    if (isRefusal(body)) return body;
    switch (path) {
      case 'status':
        return { paired: true, app: options.appName, dir: manager.getSettings().dir };
      case 'add':
        return dispatch(handlers, 'add', body);
      case 'items': {
        const ids = (body as { ids?: unknown }).ids;
        if (!Array.isArray(ids) || ids.length > 100) return { status: 400, reason: 'ids' };
        return ids.flatMap((id) => {
          const item = typeof id === 'string' ? manager.get(id) : undefined;
          return item ? [{ id: item.id, name: item.name, state: item.state, bytes: item.bytes, total: item.total, error: item.error }] : [];
        });
      }
      default:
        return { status: 404, reason: 'unknown' };
    }
  }

  return (req, res) => {
    const refuse = ({ status, reason }: Refusal) => {
      // The rest of a body too big to read is never read: the connection ends with the answer.
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...(status === 413 && { connection: 'close' }) });
      res.end(JSON.stringify({ ok: false, refused: reason }));
    };
    if (!LOOPBACK.test(req.socket.remoteAddress ?? '')) return refuse({ status: 403, reason: 'notLoopback' });
    if (!options.isOwnHost(req.headers.host)) return refuse({ status: 403, reason: 'host' });
    const origin = req.headers.origin ?? '';
    if (!EXTENSION_ORIGIN.test(origin)) return refuse({ status: 403, reason: 'origin' });
    const cors = { 'access-control-allow-origin': origin, vary: 'origin' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' });
      return void res.end();
    }
    if (inFlight >= MAX_IN_FLIGHT) return refuse({ status: 429, reason: 'busy' });
    inFlight += 1;
    let counted = true;
    // Once per request: when its answer is ready (so a client that got one may send the
    // next), or when it goes away unanswered.
    const release = () => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    res.once('close', release);
    const path = new URL(req.url ?? '/', 'http://x').pathname.slice(EXTENSION_PATH.length);
    route(req, path, origin)
      .finally(release)
      .then(
        (answer) => {
          if (isRefusal(answer)) return refuse(answer);
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors });
          res.end(JSON.stringify(answer));
        },
        () => refuse({ status: 400, reason: 'body' }),
      );
  };
}

function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && typeof (value as Refusal).status === 'number' && typeof (value as Refusal).reason === 'string';
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** The request body as a JSON object, or the refusal for one too big (413) or not JSON (400). */
async function bodyOf(req: IncomingMessage, maxBytes: number): Promise<object | Refusal> {
  const body = await readJson(req, maxBytes);
  if (body === TOO_BIG) return { status: 413, reason: 'tooBig' };
  if (body === undefined) return { status: 400, reason: 'body' };
  return body as object;
}

/** The request body as JSON; TOO_BIG past `maxBytes` (reading stops there); undefined when it is not JSON. */
function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        chunks.length = 0;
        resolve(TOO_BIG);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        resolve(typeof value === 'object' && value !== null ? value : undefined);
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', () => resolve(undefined));
  });
}
