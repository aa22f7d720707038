import type { ConnectionState } from '../api/index.ts';

/** A thin strip while the web host's socket is not connected; the window stays usable. */
export function ConnectionBanner({ state }: { state: ConnectionState }) {
  if (state === 'open') return null;
  return (
    <div className="banner" role="status">
      {state === 'connecting' ? 'Connecting to Tsuzuki…' : 'Connection lost. Reconnecting…'}
    </div>
  );
}
