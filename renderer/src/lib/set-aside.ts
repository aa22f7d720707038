// The words for a stored document the engine could not read and set aside when it opened, or
// read but for some of its entries (main/engine/readable-documents.ts), and which of them the
// person has already dismissed.

import type { I18n } from '../../../i18n/index.ts';
import type { SetAsideDocument } from '../../../main/contract.ts';

/** System codes that mean the same to a person share words; any other is named as it is. */
const REASONS: Record<string, string> = { notJson: 'notJson', notTsuzuki: 'notTsuzuki', EACCES: 'EACCES', EPERM: 'EACCES', EISDIR: 'EISDIR' };

export function setAsideText(doc: SetAsideDocument, i18n: I18n): string {
  if (doc.reason === 'badEntries') {
    const values = { path: doc.path, count: doc.entries ?? 0, movedTo: doc.movedTo };
    return i18n.t(doc.movedTo === undefined ? 'ui.notices.entriesLeftOutInPlace' : 'ui.notices.entriesLeftOut', values);
  }
  const reason = i18n.t(`ui.notices.setAsideReason.${REASONS[doc.reason] ?? 'other'}`, { code: doc.reason });
  return doc.movedTo !== undefined
    ? i18n.t('ui.notices.setAside', { path: doc.path, reason, movedTo: doc.movedTo })
    : i18n.t('ui.notices.setAsideStays', { path: doc.path, reason });
}

/**
 * Which set-aside documents were dismissed, by where they were moved (a name with the time in
 * it, so a later one is new). One left in place is read again, and said again, at each start
 * until it is fixed, so it has no key. Kept in the page's storage, the newest few.
 */
export function dismissalKey(doc: SetAsideDocument): string | null {
  return doc.movedTo ?? null;
}

/** Up to this many: a notice each. More (a whole folder of item records unreadable): one for all. */
export const MAX_SEPARATE = 3;

export interface SetAsideNotice {
  /** What dismissing it remembers; null: nothing (it is said again at the next start). */
  key: string | null;
  /** What tells it apart while it is shown, so a reconnect does not show it twice. */
  seen: string;
  words: (i18n: I18n) => string;
}

/** The notices for the documents set aside, leaving out those dismissed before. */
export function setAsideNotices(docs: readonly SetAsideDocument[], dismissed: ReadonlySet<string>): SetAsideNotice[] {
  const pending = docs.filter((doc) => {
    const key = dismissalKey(doc);
    return key === null || !dismissed.has(key);
  });
  if (pending.length <= MAX_SEPARATE) {
    return pending.map((doc) => {
      const key = dismissalKey(doc);
      return { key, seen: key ?? `${doc.path}|${doc.reason}`, words: (i18n) => setAsideText(doc, i18n) };
    });
  }
  const first = pending[0]!;
  const moved = pending.find((doc) => doc.movedTo !== undefined)?.movedTo;
  const key = moved === undefined ? null : `many|${pending.length}|${moved}`;
  if (key !== null && dismissed.has(key)) return [];
  const folder = first.path.slice(0, Math.max(first.path.lastIndexOf('/'), first.path.lastIndexOf('\\'))) || first.path;
  return [{ key, seen: key ?? `many|${pending.length}|${first.path}`, words: (i18n) => i18n.t('ui.notices.setAsideMany', { count: pending.length, folder }) }];
}

const STORAGE_KEY = 'tsuzuki.setAsideDismissed';
const KEPT = 50;

export interface KeyStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function dismissedKeys(storage: KeyStore | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberDismissed(storage: KeyStore | undefined, key: string): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify([...dismissedKeys(storage).filter((one) => one !== key), key].slice(-KEPT)));
  } catch {
    // Storage refused (full, or off): the notice comes back at the next start, which is harmless.
  }
}
