// Short messages for the user (errors from commands, "no link in that drop"), shown in a
// live region and dismissed after a while.

import { useCallback, useState } from 'react';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

let nextId = 1;

export function useNotices(): { notices: Notice[]; notify: (kind: Notice['kind'], text: string) => void; dismiss: (id: number) => void } {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((notice) => notice.id !== id)), []);
  const notify = useCallback(
    (kind: Notice['kind'], text: string) => {
      const id = nextId++;
      setNotices((list) => [...list.slice(-4), { id, kind, text }]);
      setTimeout(() => dismiss(id), kind === 'error' ? 10_000 : 5000);
    },
    [dismiss],
  );
  return { notices, notify, dismiss };
}
