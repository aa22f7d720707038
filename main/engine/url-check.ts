// The first gate for every URL, from whatever host it came: a parsed http(s) URL or a
// specific error a person can act on.

import { DownloadError } from './errors.ts';

export function parseDownloadUrl(input: string): URL {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new DownloadError('ERR_INVALID_URL', `"${clip(text)}" is not a valid link. Paste a full address starting with http:// or https://.`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DownloadError(
      'ERR_UNSUPPORTED_PROTOCOL',
      `"${clip(text)}" uses ${url.protocol.replace(/:$/, '')}://, which Tsuzuki cannot download. Only http:// and https:// links are supported.`,
    );
  }
  if (!url.hostname) {
    throw new DownloadError('ERR_INVALID_URL', `"${clip(text)}" has no host name. Paste a full address such as https://example.com/file.zip.`);
  }
  return url;
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
