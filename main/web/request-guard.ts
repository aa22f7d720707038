// Who may talk to the web host. It listens on loopback, but a web page in the user's own
// browser can still reach loopback: a random token (given once in the URL, then kept in an
// HttpOnly cookie) proves the request comes from someone who saw the printed URL, and the
// Host and Origin checks stop DNS-rebinding pages from riding on that cookie.

import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'tsuzuki_token';

export type Verdict = { ok: true; viaQuery: boolean } | { ok: false; status: 401 | 403; reason: string };

export class RequestGuard {
  readonly token: string;
  #allowedHosts: Set<string>;

  constructor(token: string, boundHost: string, port: number) {
    this.token = token;
    const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
    if (boundHost !== '0.0.0.0' && boundHost !== '::') names.add(boundHost.includes(':') ? `[${boundHost}]` : boundHost);
    this.#allowedHosts = new Set([...names].map((name) => `${name}:${port}`));
  }

  static randomToken(): string {
    return crypto.randomBytes(24).toString('base64url');
  }

  check(request: IncomingMessage, { requireOrigin }: { requireOrigin: boolean }): Verdict {
    const host = request.headers.host?.toLowerCase();
    if (!host || !this.#allowedHosts.has(host)) {
      return { ok: false, status: 403, reason: `Host "${host ?? ''}" is not this Tsuzuki web host.` };
    }
    const origin = request.headers.origin;
    if (origin !== undefined || requireOrigin) {
      if (!origin || !this.#allowedHosts.has(hostOfOrigin(origin))) {
        return { ok: false, status: 403, reason: `Origin "${origin ?? ''}" may not use this Tsuzuki web host.` };
      }
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const fromQuery = url.searchParams.get('token');
    if (fromQuery !== null) {
      return this.#matches(fromQuery) ? { ok: true, viaQuery: true } : { ok: false, status: 401, reason: 'The token in this link is wrong. Use the link tsuzuki serve printed.' };
    }
    const fromCookie = cookieValue(request.headers.cookie, TOKEN_COOKIE);
    if (fromCookie !== undefined && this.#matches(fromCookie)) return { ok: true, viaQuery: false };
    return { ok: false, status: 401, reason: 'Open the link that tsuzuki serve printed (it carries the access token).' };
  }

  cookieHeader(): string {
    return `${TOKEN_COOKIE}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  #matches(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  }
}

function hostOfOrigin(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : '';
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
