// Free space in the download folder: asked when connected, every 15 s, after the folder
// changes, and soon after the disk was written or freed (a download finished or failed, a
// row removed with its file). Null while unknown.

import { useEffect, useRef, useState } from 'react';
import type { TsuzukiApi } from '../../../main/contract.ts';
import type { ConnectionState } from '../api/index.ts';

const EVERY_MS = 15_000;
/** A burst of finished downloads (2,000 small files) asks once a second at most, and once more after the last. */
const MIN_GAP_MS = 1000;

/**
 * `diskChanged`: anything that changes when a download ends or leaves the list (the done and
 * failed counts and the number of items): a change asks again. The bytes of a running
 * download never do, so this costs nothing while it runs.
 */
export function useFreeSpace(api: TsuzukiApi, connection: ConnectionState, dir: string | undefined, diskChanged: string): number | null {
  const [free, setFree] = useState<number | null>(null);
  const askSoon = useRef<() => void>(() => {});
  useEffect(() => {
    if (connection !== 'open') return;
    let live = true;
    let askedAt = 0;
    let later: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      askedAt = Date.now();
      void api.invoke('getStatus', {}).then((result) => {
        if (live && result.ok) setFree(result.value.freeBytes);
      });
    };
    askSoon.current = () => {
      if (later !== undefined) return;
      const wait = askedAt + MIN_GAP_MS - Date.now();
      if (wait <= 0) refresh();
      else
        later = setTimeout(() => {
          later = undefined;
          refresh();
        }, wait);
    };
    refresh();
    const timer = setInterval(refresh, EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
      clearTimeout(later);
      askSoon.current = () => {};
    };
  }, [api, connection, dir]);
  const seen = useRef(diskChanged);
  useEffect(() => {
    if (seen.current === diskChanged) return;
    seen.current = diskChanged;
    askSoon.current();
  }, [diskChanged]);
  return free;
}
