const SHOWN = 50;

/** The links about to start, in the confirmation: the first fifty, then how many more. */
export function UrlList({ urls }: { urls: readonly string[] }) {
  return (
    <ul className="url-list" aria-label="Links">
      {urls.slice(0, SHOWN).map((url) => (
        <li key={url}>{url}</li>
      ))}
      {urls.length > SHOWN && <li className="muted">…and {urls.length - SHOWN} more</li>}
    </ul>
  );
}
