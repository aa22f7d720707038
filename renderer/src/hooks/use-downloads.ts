// The item store, kept in step with the engine: the full list each time the connection
// opens (first time and after a reconnect), then `items` deltas.

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TsuzukiApi } from '../../../main/contract.ts';
import type { ConnectionState } from '../api/index.ts';
import { errorText } from '../i18n.ts';
import { DownloadStore, type DownloadsView } from '../lib/download-store.ts';

export function useDownloads(api: TsuzukiApi, connection: ConnectionState, onError: (message: string) => void): DownloadsView {
  const [store] = useState(() => new DownloadStore());

  // Listen before listing, so no delta between the list and the first event is lost; a
  // delta that arrives before the list answer is older than the list, which replaces it.
  useEffect(() => api.on('items', (payload) => store.apply(payload)), [api, store]);

  useEffect(() => {
    if (connection !== 'open') return;
    let live = true;
    void api.invoke('list', {}).then((result) => {
      if (!live) return;
      if (result.ok) store.replaceAll(result.value);
      else onError(errorText(result.error));
    });
    return () => {
      live = false;
    };
  }, [api, connection, store, onError]);

  return useSyncExternalStore(store.subscribe, store.view);
}
