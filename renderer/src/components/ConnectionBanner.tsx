import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../api/index.ts';

/** A thin strip while the web host's socket is not connected; the window stays usable. */
export function ConnectionBanner({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  if (state === 'open') return null;
  return (
    <div className="banner" role="status">
      {state === 'connecting' ? t('ui.connection.connecting') : t('ui.connection.reconnecting')}
    </div>
  );
}
