// Which browsers may hand downloads to Tsuzuki. A browser's extension asks to pair; the
// request waits, with a short code shown both in the browser and in the window, until the
// person approves or denies it in the window. An approved browser gets its own random token
// (only its hash is kept), bound to the extension's origin, and keeps it until revoked.

import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { PairedBrowser, PairingsView, PendingPairing } from '../../contract.ts';
import type { JsonDocument } from '../../engine/store.ts';

export type { PairedBrowser, PairingsView, PendingPairing };

const PENDING_TTL_MS = 5 * 60_000;
const MAX_PENDING = 5;
const MAX_PAIRED = 50;

interface Stored extends PairedBrowser {
  tokenHash: string;
}

interface Waiting extends PendingPairing {
  /** The secret the requesting extension polls with; nobody else can collect the token. */
  secret: string;
  answer?: { approved: true; token: string } | { approved: false };
}

export type PollAnswer = { state: 'pending' } | { state: 'denied' } | { state: 'approved'; token: string } | { state: 'unknown' };

export class Pairings extends EventEmitter<{ changed: [PairingsView] }> {
  #doc: JsonDocument | undefined;
  #paired: Stored[];
  #waiting = new Map<string, Waiting>();
  #now: () => number;

  /** `doc` keeps paired browsers across restarts; without one they last for this run. */
  constructor(doc?: JsonDocument, now: () => number = Date.now) {
    super();
    this.#doc = doc;
    this.#now = now;
    const saved = doc?.store['browsers'];
    this.#paired = Array.isArray(saved) ? saved.filter(isStored) : [];
  }

  /** A browser asks to pair. Returns what it needs to show the code and collect its token. */
  request(browser: string, origin: string): { secret: string; code: string } | undefined {
    this.#expire();
    if (this.#waiting.size >= MAX_PENDING) return undefined;
    const waiting: Waiting = {
      id: crypto.randomBytes(6).toString('hex'),
      code: String(crypto.randomInt(0, 1_000_000)).padStart(6, '0').replace(/^(\d{3})/, '$1 '),
      browser: browser.replace(/[^\p{L}\p{N} .,()/_+-]/gu, '').slice(0, 80) || 'A browser',
      origin,
      requestedAt: this.#now(),
      secret: crypto.randomBytes(24).toString('base64url'),
    };
    this.#waiting.set(waiting.id, waiting);
    this.#changed();
    return { secret: waiting.secret, code: waiting.code };
  }

  /** The person answered in the window. False when the request is gone (expired, answered). */
  answer(id: string, approve: boolean): boolean {
    this.#expire();
    const waiting = this.#waiting.get(id);
    if (!waiting || waiting.answer) return false;
    if (approve) {
      const token = crypto.randomBytes(32).toString('base64url');
      this.#paired.push({ id: crypto.randomBytes(6).toString('hex'), browser: waiting.browser, origin: waiting.origin, pairedAt: this.#now(), lastSeenAt: null, tokenHash: hash(token) });
      if (this.#paired.length > MAX_PAIRED) this.#paired.splice(0, this.#paired.length - MAX_PAIRED);
      this.#save();
      waiting.answer = { approved: true, token };
    } else {
      waiting.answer = { approved: false };
    }
    this.#changed();
    return true;
  }

  /** The extension asks how its request went. The token is handed over once. */
  poll(secret: string, origin: string): PollAnswer {
    this.#expire();
    for (const waiting of this.#waiting.values()) {
      if (!safeEqual(waiting.secret, secret) || waiting.origin !== origin) continue;
      if (!waiting.answer) return { state: 'pending' };
      this.#waiting.delete(waiting.id);
      this.#changed();
      return waiting.answer.approved ? { state: 'approved', token: waiting.answer.token } : { state: 'denied' };
    }
    return { state: 'unknown' };
  }

  /** The paired browser a request's token and origin belong to, if any. */
  verify(token: string | undefined, origin: string): PairedBrowser | undefined {
    if (!token) return undefined;
    const digest = hash(token);
    const found = this.#paired.find((entry) => safeEqual(entry.tokenHash, digest) && entry.origin === origin);
    if (!found) return undefined;
    const now = this.#now();
    // Recorded at most once a minute: a busy extension must not rewrite the file per request.
    if (found.lastSeenAt === null || now - found.lastSeenAt > 60_000) {
      found.lastSeenAt = now;
      this.#save();
    }
    return publicView(found);
  }

  revoke(id: string): boolean {
    const before = this.#paired.length;
    this.#paired = this.#paired.filter((entry) => entry.id !== id);
    if (this.#paired.length === before) return false;
    this.#save();
    this.#changed();
    return true;
  }

  view(): PairingsView {
    this.#expire();
    return {
      pending: [...this.#waiting.values()].filter((waiting) => !waiting.answer).map(({ id, code, browser, origin, requestedAt }) => ({ id, code, browser, origin, requestedAt })),
      paired: this.#paired.map(publicView),
    };
  }

  #expire(): void {
    const now = this.#now();
    let expired = false;
    for (const [id, waiting] of this.#waiting) {
      if (now - waiting.requestedAt > PENDING_TTL_MS) {
        this.#waiting.delete(id);
        expired = true;
      }
    }
    if (expired) this.#changed();
  }

  #save(): void {
    if (this.#doc) this.#doc.store = { browsers: this.#paired };
  }

  #changed(): void {
    this.emit('changed', this.view());
  }
}

function publicView({ id, browser, origin, pairedAt, lastSeenAt }: Stored): PairedBrowser {
  return { id, browser, origin, pairedAt, lastSeenAt };
}

function hash(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

function isStored(value: unknown): value is Stored {
  const entry = value as Stored;
  return typeof entry === 'object' && entry !== null && typeof entry.id === 'string' && typeof entry.tokenHash === 'string' && typeof entry.origin === 'string';
}
