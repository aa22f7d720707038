import { useTranslation } from 'react-i18next';
import type { PairedBrowser } from '../../../main/contract.ts';

/** The browsers that may hand downloads over, each revocable (its extension must pair again). */
export function PairedBrowsers({ browsers, onRevoke }: { browsers: PairedBrowser[]; onRevoke: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="paired-browsers" aria-labelledby="paired-browsers-title">
      <h3 id="paired-browsers-title">{t('ui.pairing.browsers')}</h3>
      {browsers.length === 0 ? (
        <p className="muted">{t('ui.pairing.none')}</p>
      ) : (
        <ul>
          {browsers.map((browser) => (
            <li key={browser.id}>
              <span>
                {browser.browser}
                <span className="muted"> · {t('ui.pairing.since', { date: new Date(browser.pairedAt).toLocaleDateString(i18n.language) })}</span>
              </span>
              <button type="button" className="danger" onClick={() => onRevoke(browser.id)} aria-label={t('ui.pairing.disconnectLabel', { browser: browser.browser })}>
                {t('ui.pairing.disconnect')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
