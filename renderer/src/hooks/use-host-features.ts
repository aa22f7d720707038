// What the host offers beyond the common commands (the desktop's folder picker and its
// tray / notification / login settings), asked once the connection is open.

import { useEffect, useState } from 'react';
import type { HostFeatures, TsuzukiApi } from '../../../main/contract.ts';
import type { ConnectionState } from '../api/index.ts';

const NONE: HostFeatures = { chooseFolder: false, desktopSettings: false };

export function useHostFeatures(api: TsuzukiApi, connection: ConnectionState): HostFeatures {
  const [features, setFeatures] = useState<HostFeatures>(NONE);
  useEffect(() => {
    if (connection !== 'open') return;
    let live = true;
    void api.invoke('getHostFeatures', {}).then((result) => {
      if (live && result.ok) setFeatures(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, connection]);
  return features;
}
