import type { PairedBrowser } from '../../../main/contract.ts';

/** The browsers that may hand downloads over, each revocable (its extension must pair again). */
export function PairedBrowsers({ browsers, onRevoke }: { browsers: PairedBrowser[]; onRevoke: (id: string) => void }) {
  return (
    <section className="paired-browsers" aria-labelledby="paired-browsers-title">
      <h3 id="paired-browsers-title">Browsers</h3>
      {browsers.length === 0 ? (
        <p className="muted">No browser is connected. Install the Tsuzuki extension and choose Connect in its popup.</p>
      ) : (
        <ul>
          {browsers.map((browser) => (
            <li key={browser.id}>
              <span>
                {browser.browser}
                <span className="muted"> · connected {new Date(browser.pairedAt).toLocaleDateString()}</span>
              </span>
              <button type="button" className="danger" onClick={() => onRevoke(browser.id)} aria-label={`Disconnect ${browser.browser}`}>
                Disconnect
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
