// The first gate for every URL, from whatever host it came: a parsed http(s) URL (by the
// one rule in web-url.ts) or a specific error a person can act on.

import { DownloadError } from './errors.ts';
import { checkWebUrl } from './web-url.ts';

export function parseDownloadUrl(input: string): URL {
  const text = input.trim();
  const checked = checkWebUrl(text);
  if (checked.ok) return checked.url;
  if (checked.problem === 'protocol') {
    throw new DownloadError(
      'ERR_UNSUPPORTED_PROTOCOL',
      `"${clip(text)}" uses ${checked.scheme}://, which Tsuzuki cannot download. Only http:// and https:// links are supported.`,
    );
  }
  if (checked.problem === 'noHost') {
    throw new DownloadError('ERR_INVALID_URL', `"${clip(text)}" has no host name. Paste a full address such as https://example.com/file.zip.`);
  }
  throw new DownloadError('ERR_INVALID_URL', `"${clip(text)}" is not a valid link. Paste a full address starting with http:// or https://.`);
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
