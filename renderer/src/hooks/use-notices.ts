// Short messages for the user (a refused command, "no link in that drop"), shown as toasts
// in a live region and dismissed after a while. The same text twice in a row is shown once.
// A sticky one (something the person must read, such as a saved record that was set aside)
// stays until it is dismissed, and newer toasts never push it out.

import { useCallback, useState } from 'react';
import type { I18n } from '../../../i18n/index.ts';

export type NoticeKind = 'error' | 'info';

/** Words, or a way to make them in the window's language now (a sticky notice outlives a language switch). */
export type NoticeText = string | ((i18n: I18n) => string);

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: NoticeText;
  sticky?: boolean;
  /** Called when the person dismisses it (not when it times out). */
  onDismiss?: () => void;
}

export interface NoticeOptions {
  sticky?: boolean;
  onDismiss?: () => void;
}

export type Notify = (kind: NoticeKind, text: NoticeText, options?: NoticeOptions) => void;

/** Passing toasts shown at once; sticky notices come on top of these. */
const MAX_SHOWN = 4;
let nextId = 1;

export function useNotices(): { notices: Notice[]; notify: Notify; dismiss: (id: number) => void } {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((notice) => notice.id !== id)), []);
  const notify = useCallback<Notify>(
    (kind, text, options = {}) => {
      const id = nextId++;
      const notice: Notice = { id, kind, text, ...options };
      setNotices((list) => {
        const others = list.filter((one) => one.text !== text);
        const passing = others.filter((one) => !one.sticky);
        const keep = new Set(options.sticky ? passing : passing.slice(-(MAX_SHOWN - 1)));
        return [...others.filter((one) => one.sticky || keep.has(one)), notice];
      });
      if (!options.sticky) setTimeout(() => dismiss(id), kind === 'error' ? 12_000 : 6000);
    },
    [dismiss],
  );
  return { notices, notify, dismiss };
}
