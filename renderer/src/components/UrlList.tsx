import { useTranslation } from 'react-i18next';

const SHOWN = 50;

/** The links about to start (or left out), in the confirmation: the first fifty, then how many more. */
export function UrlList({ urls, label }: { urls: readonly string[]; label?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="url-list" aria-label={label ?? t('ui.add.links')}>
      {urls.slice(0, SHOWN).map((url) => (
        <li key={url}>{url}</li>
      ))}
      {urls.length > SHOWN && <li className="muted">{t('ui.add.more', { count: urls.length - SHOWN })}</li>}
    </ul>
  );
}
