// Finding links in whatever a person pastes or drops: plain text with URLs anywhere in it,
// a browser's text/uri-list (with # comments), Firefox's text/x-moz-url (url, title pairs).
// Only http(s) links count (the contract's rule); duplicates are dropped, order is kept. In
// pasted text, what looks like a link but is not one Tsuzuki can download (ftp://, magnet:,
// file://, a broken http link) is kept aside, so the window can say it was left out.

import { webUrlOf } from '../../../main/contract-names.ts';

/** Anything written as `scheme://…`, and magnet links; http(s) ones are checked after. */
const LINK_IN_TEXT = /\b(?:[a-z][a-z0-9+.-]*:\/\/|magnet:\?)[^\s<>"'`{}|\\^]+/gi;
const WEB_SCHEME = /^https?:\/\//i;
const TRAILING_PUNCTUATION = /[),.;:!?\]]+$/;

/** What a text holds: the links to download, and what was left out of them. */
export interface LinksInText {
  urls: string[];
  /** Written like links but not http(s) ones that parse, as written, once each. */
  leftOut: string[];
  /** How many of the links were there more than once (each starts once). */
  repeated: number;
}

export function linksInText(text: string): LinksInText {
  const found: string[] = [];
  const leftOut: string[] = [];
  for (const match of text.matchAll(LINK_IN_TEXT)) {
    let link = match[0];
    // "see (https://x/y)." — closing punctuation belongs to the sentence, unless balanced.
    while (TRAILING_PUNCTUATION.test(link)) {
      const last = link.at(-1)!;
      if (last === ')' && count(link, '(') >= count(link, ')')) break;
      link = link.slice(0, -1);
    }
    if (isHttpUrl(link)) found.push(link);
    // A bare "http://" (its punctuation taken off) is a word, not a link left out.
    else if (!WEB_SCHEME.test(link) || link.replace(WEB_SCHEME, '') !== '') leftOut.push(link);
  }
  const urls = unique(found);
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const url of found) (seen.has(url) ? twice : seen).add(url);
  return { urls, leftOut: unique(leftOut), repeated: twice.size };
}

export function urlsInText(text: string): string[] {
  return linksInText(text).urls;
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
export function linksInTransfer(get: (type: string) => string, types: readonly string[]): LinksInText {
  if (types.includes('text/uri-list')) {
    const urls = urlsInUriList(get('text/uri-list'));
    if (urls.length > 0) return { urls, leftOut: [], repeated: 0 };
  }
  if (types.includes('text/x-moz-url')) {
    const urls = urlsInMozUrl(get('text/x-moz-url'));
    if (urls.length > 0) return { urls, leftOut: [], repeated: 0 };
  }
  if (types.includes('text/plain')) return linksInText(get('text/plain'));
  return { urls: [], leftOut: [], repeated: 0 };
}

export function urlsInTransfer(get: (type: string) => string, types: readonly string[]): string[] {
  return linksInTransfer(get, types).urls;
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
