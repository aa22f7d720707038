// The words for a stored document the engine could not read and set aside when it opened
// (main/engine/readable-documents.ts), and which of them the person has already dismissed.

import type { I18n } from '../../../i18n/index.ts';
import type { SetAsideDocument } from '../../../main/contract.ts';

/** System codes that mean the same to a person share words; any other is named as it is. */
const REASONS: Record<string, string> = { notJson: 'notJson', notTsuzuki: 'notTsuzuki', EACCES: 'EACCES', EPERM: 'EACCES', EISDIR: 'EISDIR' };

export function setAsideText(doc: SetAsideDocument, i18n: I18n): string {
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
