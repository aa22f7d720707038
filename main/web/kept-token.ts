// The web host's access token, kept in its state folder (`web.json`) so the link
// `tsuzuki serve` prints stays the same from one start to the next: a window left open in
// the browser reconnects by itself after a restart (its cookie still holds the token), and
// a bookmarked link keeps working. The token itself is kept, not a hash, because the link is
// printed again at every start; the state folder is the user's alone (its files are 0600),
// and it already holds secrets of the same weight (the downloads' Cookie headers). Deleting
// `web.json` makes a new token at the next start, which shuts out every browser holding the old one.

import type { JsonDocument } from '../engine/store.ts';
import { RequestGuard } from './request-guard.ts';

/** What randomToken makes (32 characters of base64url), or longer; anything else is made anew. */
const TOKEN = /^[\w-]{32,256}$/;

/** `open` opens `web.json` in the state folder. */
export function keptToken(open: () => JsonDocument): string {
  try {
    const doc = open();
    const saved = doc.store['token'];
    if (typeof saved === 'string' && TOKEN.test(saved)) return saved;
    const token = RequestGuard.randomToken();
    doc.store = { ...doc.store, token };
    return token;
  } catch {
    // Unreadable (hand-edited) or not written (a full or read-only state disk): a token for
    // this run only, as every start made before they were kept.
    return RequestGuard.randomToken();
  }
}
