// The connection to the engine and whether it is up, for the "Reconnecting…" banner.

import { useSyncExternalStore } from 'react';
import { getConnection, type ConnectionState } from '../api/index.ts';

export function useConnectionState(): ConnectionState {
  const connection = getConnection();
  return useSyncExternalStore(connection.subscribe, connection.state);
}
