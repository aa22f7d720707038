// The item map, kept in step with the engine: a full list on (re)connect, then deltas.
// Deltas replace only the changed entries, so 10,000 items update without re-rendering
// every row.

import { useEffect, useState } from 'react';
import type { ItemSnapshot, TsuzukiApi } from '../../../main/contract.ts';
import type { ConnectionState } from '../api/index.ts';

export function useDownloads(api: TsuzukiApi, connection: ConnectionState): Map<string, ItemSnapshot> {
  const [items, setItems] = useState<Map<string, ItemSnapshot>>(() => new Map());

  useEffect(() => {
    const off = api.on('items', ({ changed, removed }) => {
      setItems((previous) => {
        const next = new Map(previous);
        for (const item of changed) next.set(item.id, item);
        for (const id of removed) next.delete(id);
        return next;
      });
    });
    return off;
  }, [api]);

  useEffect(() => {
    if (connection !== 'open') return;
    let live = true;
    void api.invoke('list', {}).then((result) => {
      if (live && result.ok) setItems(new Map(result.value.map((item) => [item.id, item])));
    });
    return () => {
      live = false;
    };
  }, [api, connection]);

  return items;
}
