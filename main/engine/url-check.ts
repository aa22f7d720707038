// The first gate for every URL, from whatever host it came: a parsed http(s) URL or a
// specific error a person can act on.

import { DownloadError } from './errors.ts';

export function parseDownloadUrl(input: string): URL {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new DownloadError('ERR_INVALID_URL', { params: { link: clip(text) }, action: 'checkLink', cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DownloadError('ERR_UNSUPPORTED_PROTOCOL', { params: { link: clip(text), scheme: url.protocol.replace(/:$/, '') }, action: 'checkLink' });
  }
  if (!url.hostname) {
    throw new DownloadError('ERR_INVALID_URL', { params: { variant: 'noHost', link: clip(text) }, action: 'checkLink' });
  }
  return url;
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
