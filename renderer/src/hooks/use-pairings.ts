// Browser pairings: the requests waiting for an answer and the browsers paired, read when
// connected and kept current by the `pairings` event.

import { useCallback, useEffect, useState } from 'react';
import type { ErrorInfo, PairingsView, TsuzukiApi } from '../../../main/contract.ts';
import type { ConnectionState } from '../api/index.ts';

const NONE: PairingsView = { pending: [], paired: [] };

export function usePairings(api: TsuzukiApi, connection: ConnectionState, onError: (message: string) => void, describe: (error: ErrorInfo) => string) {
  const [view, setView] = useState<PairingsView>(NONE);
  useEffect(() => api.on('pairings', setView), [api]);
  useEffect(() => {
    if (connection !== 'open') return;
    let live = true;
    void api.invoke('listPairings', {}).then((result) => {
      if (live && result.ok) setView(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, connection]);
  const answer = useCallback(
    async (id: string, approve: boolean) => {
      const result = await api.invoke('answerPairing', { id, approve });
      if (!result.ok) onError(describe(result.error));
    },
    [api, onError, describe],
  );
  const revoke = useCallback(
    async (id: string) => {
      const result = await api.invoke('revokePairing', { id });
      if (!result.ok) onError(describe(result.error));
    },
    [api, onError, describe],
  );
  return { view, answer, revoke };
}

