// The first gate for every URL, from whatever host it came: a parsed http(s) URL (by the
// one rule in web-url.ts) or a specific error a person can act on.

import { DownloadError } from './errors.ts';
import { checkWebUrl, shownLink } from './web-url.ts';

export function parseDownloadUrl(input: string): URL {
  const text = input.trim();
  const checked = checkWebUrl(text);
  if (checked.ok) return checked.url;
  if (checked.problem === 'protocol') {
    throw new DownloadError('ERR_UNSUPPORTED_PROTOCOL', { params: { link: clippedLink(text), scheme: checked.scheme }, action: 'checkLink' });
  }
  if (checked.problem === 'noHost') {
    throw new DownloadError('ERR_INVALID_URL', { params: { variant: 'noHost', link: clippedLink(text) }, action: 'checkLink' });
  }
  throw new DownloadError('ERR_INVALID_URL', { params: { link: clippedLink(text) }, action: 'checkLink' });
}

/** The link as an error shows it: shortened, and without a `user:password@` it carried. */
export function clippedLink(text: string): string {
  const shown = shownLink(text);
  return shown.length > 120 ? `${shown.slice(0, 117)}…` : shown;
}
