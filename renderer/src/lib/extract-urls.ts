// Finding links in whatever a person pastes or drops: plain text with URLs anywhere in it,
// a browser's text/uri-list (with # comments), Firefox's text/x-moz-url (url, title pairs).
// Only http(s) links count (the contract's rule); duplicates are dropped, order is kept.

import { webUrlOf } from '../../../main/contract-names.ts';

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+/gi;
const TRAILING_PUNCTUATION = /[),.;:!?\]]+$/;

export function urlsInText(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    let url = match[0];
    // "see (https://x/y)." — closing punctuation belongs to the sentence, unless balanced.
    while (TRAILING_PUNCTUATION.test(url)) {
      const last = url.at(-1)!;
      if (last === ')' && count(url, '(') >= count(url, ')')) break;
      url = url.slice(0, -1);
    }
    if (isHttpUrl(url)) found.push(url);
  }
  return unique(found);
}

export function urlsInUriList(list: string): string[] {
  return unique(
    list
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#') && isHttpUrl(line)),
  );
}

export function urlsInMozUrl(data: string): string[] {
  const lines = data.split(/\r?\n/);
  return unique(lines.filter((_, index) => index % 2 === 0).map((line) => line.trim()).filter(isHttpUrl));
}

/** Everything a drop or paste carries, by type: the most specific type wins. */
export function urlsInTransfer(get: (type: string) => string, types: readonly string[]): string[] {
  if (types.includes('text/uri-list')) {
    const urls = urlsInUriList(get('text/uri-list'));
    if (urls.length > 0) return urls;
  }
  if (types.includes('text/x-moz-url')) {
    const urls = urlsInMozUrl(get('text/x-moz-url'));
    if (urls.length > 0) return urls;
  }
  if (types.includes('text/plain')) return urlsInText(get('text/plain'));
  return [];
}

function isHttpUrl(text: string): boolean {
  return webUrlOf(text) !== undefined;
}

function unique(urls: string[]): string[] {
  return [...new Set(urls)];
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
