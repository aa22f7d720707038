// Free space in the download folder: asked when connected, every 15 s, and after the
// folder changes. Null while unknown.

import { useEffect, useState } from 'react';
import type { TsuzukiApi } from '../../../main/contract.ts';
import type { ConnectionState } from '../api/index.ts';

const EVERY_MS = 15_000;

export function useFreeSpace(api: TsuzukiApi, connection: ConnectionState, dir: string | undefined): number | null {
  const [free, setFree] = useState<number | null>(null);
  useEffect(() => {
    if (connection !== 'open') return;
    let live = true;
    const refresh = () =>
      void api.invoke('getStatus', {}).then((result) => {
        if (live && result.ok) setFree(result.value.freeBytes);
      });
    refresh();
    const timer = setInterval(refresh, EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, connection, dir]);
  return free;
}
