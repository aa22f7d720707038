// Who may talk to the web host. It listens on loopback, but a web page in the user's own
// browser can still reach loopback: a random token (given once in the URL, then kept in an
// HttpOnly cookie) proves the request comes from someone who saw the printed URL, and the
// Host and Origin checks stop DNS-rebinding pages from riding on that cookie.

import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import net from 'node:net';

/** Why a request is refused, as a code and its facts; the web host words it in the browser's language. */
export interface Refusal {
  code: 'foreignHost' | 'foreignOrigin' | 'wrongToken' | 'noToken' | 'badRequest' | 'notEndpoint';
  params?: Record<string, string>;
}

export type Verdict = { ok: true; viaQuery: boolean } | { ok: false; status: 400 | 401 | 403; refusal: Refusal };

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

export class RequestGuard {
  readonly token: string;
  /** Cookies are shared by every port of a host, so the name carries the port: two servers never clobber each other's. */
  readonly cookieName: string;
  #port: number;
  #names: Set<string>;
  #wildcard: boolean;

  constructor(token: string, boundHost: string, port: number) {
    this.token = token;
    this.#port = port;
    this.cookieName = `tsuzuki_token_${port}`;
    this.#wildcard = WILDCARDS.has(boundHost);
    this.#names = new Set(['127.0.0.1', 'localhost', '[::1]']);
    if (!this.#wildcard) this.#names.add(bracketed(boundHost.toLowerCase()));
  }

  static randomToken(): string {
    return crypto.randomBytes(24).toString('base64url');
  }

  /**
   * A Host header names this server when it is one of the loopback names or the bound
   * address. Listening on every interface, any IP literal is accepted as well (the LAN
   * address a NAS user types): DNS rebinding needs a host *name*, never an IP literal.
   */
  isOwnHost(host: string | undefined): boolean {
    if (!host) return false;
    let url: URL;
    try {
      url = new URL(`http://${host}`);
    } catch {
      return false;
    }
    if (url.username || url.password || url.pathname !== '/' || `${url.host}` !== host.toLowerCase().replace(/:80$/, '')) return false;
    const port = url.port === '' ? 80 : Number(url.port);
    if (port !== this.#port) return false;
    if (this.#names.has(url.hostname)) return true;
    return this.#wildcard && net.isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0;
  }

  check(request: IncomingMessage, target: URL): Verdict {
    const host = request.headers.host;
    if (!this.isOwnHost(host)) {
      return { ok: false, status: 403, refusal: { code: 'foreignHost', params: { host: (host ?? '').slice(0, 200) } } };
    }
    const origin = request.headers.origin;
    // A request without Origin is a navigation or a non-browser client, which the token
    // still guards; one with Origin must come from the page this server sent, under the
    // name it was reached by.
    if (origin !== undefined) {
      if (originHost(origin) !== host!.toLowerCase()) {
        return { ok: false, status: 403, refusal: { code: 'foreignOrigin', params: { origin: origin.slice(0, 200) } } };
      }
    }
    const fromQuery = target.searchParams.get('token');
    if (fromQuery !== null) {
      return this.#matches(fromQuery) ? { ok: true, viaQuery: true } : { ok: false, status: 401, refusal: { code: 'wrongToken' } };
    }
    const fromCookie = cookieValue(request.headers.cookie, this.cookieName);
    if (fromCookie !== undefined && this.#matches(fromCookie)) return { ok: true, viaQuery: false };
    return { ok: false, status: 401, refusal: { code: 'noToken' } };
  }

  cookieHeader(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  #matches(candidate: string): boolean {
    // Compare digests: equal lengths for timingSafeEqual, and no early exit on a length mismatch.
    const a = crypto.createHash('sha256').update(candidate).digest();
    const b = crypto.createHash('sha256').update(this.token).digest();
    return crypto.timingSafeEqual(a, b);
  }
}

/**
 * The request target as a URL, for the origin form ("/path?query") only. The absolute form
 * ("GET http://host:99999/"), "*" and anything unparsable get undefined (a 400), never a throw.
 */
export function requestTarget(raw: string | undefined): URL | undefined {
  if (!raw?.startsWith('/')) return undefined;
  try {
    return new URL(raw, 'http://localhost');
  } catch {
    return undefined;
  }
}

function bracketed(host: string): string {
  return net.isIPv6(host) ? `[${host}]` : host;
}

function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host.toLowerCase() : '';
  } catch {
    return '';
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
