// Short messages for the user (a refused command, "no link in that drop"), shown as toasts
// in a live region and dismissed after a while. The same text twice in a row is shown once.

import { useCallback, useState } from 'react';

export type NoticeKind = 'error' | 'info';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

export type Notify = (kind: NoticeKind, text: string) => void;

const MAX_SHOWN = 4;
let nextId = 1;

export function useNotices(): { notices: Notice[]; notify: Notify; dismiss: (id: number) => void } {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((notice) => notice.id !== id)), []);
  const notify = useCallback<Notify>(
    (kind, text) => {
      const id = nextId++;
      setNotices((list) => [...list.filter((notice) => notice.text !== text).slice(-(MAX_SHOWN - 1)), { id, kind, text }]);
      setTimeout(() => dismiss(id), kind === 'error' ? 12_000 : 6000);
    },
    [dismiss],
  );
  return { notices, notify, dismiss };
}
