// Saved records the engine could not read when it opened are said in the window as sticky
// notices, in the window's language, once each (many at once as one): asked when connected,
// not again for one still shown (a reconnect), and never again once dismissed.

import { useEffect, useRef } from 'react';
import type { TsuzukiApi } from '../../../main/contract.ts';
import type { ConnectionState } from '../api/index.ts';
import { dismissedKeys, rememberDismissed, setAsideNotices } from '../lib/set-aside.ts';
import type { Notify } from './use-notices.ts';

function pageStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function useSetAside(api: TsuzukiApi, connection: ConnectionState, notify: Notify): void {
  const shown = useRef(new Set<string>());
  useEffect(() => {
    if (connection !== 'open') return;
    let live = true;
    void api.invoke('listSetAside', {}).then((result) => {
      if (!live || !result.ok) return;
      const storage = pageStorage();
      for (const { key, seen, words } of setAsideNotices(result.value, new Set(dismissedKeys(storage)))) {
        if (shown.current.has(seen)) continue;
        shown.current.add(seen);
        notify('error', words, {
          sticky: true,
          onDismiss: () => {
            if (key !== null) rememberDismissed(storage, key);
          },
        });
      }
    });
    return () => {
      live = false;
    };
  }, [api, connection, notify]);
}
