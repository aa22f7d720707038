// The engine's settings: read when connected, and kept current by the `settings` event.

import { useEffect, useState } from 'react';
import type { Settings, TsuzukiApi } from '../../../main/contract.ts';
import type { ConnectionState } from '../api/index.ts';

export function useSettings(api: TsuzukiApi, connection: ConnectionState): [Settings | null, (settings: Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => api.on('settings', setSettings), [api]);
  useEffect(() => {
    if (connection !== 'open') return;
    let live = true;
    void api.invoke('getSettings', {}).then((result) => {
      if (live && result.ok) setSettings(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, connection]);
  return [settings, setSettings];
}
