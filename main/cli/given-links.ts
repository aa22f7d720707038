// The links a `tsuzuki get` was given, from its arguments and its --input file, checked
// before anything starts (see `checkLinks` for why a bad one refuses the whole command).

import fs from 'node:fs';
import { DownloadError, type ErrorInfo } from '../engine/errors.ts';
import { parseDownloadUrl } from '../engine/url-check.ts';
import { shownLink } from '../engine/web-url.ts';
import { UsageError } from './messages.ts';
import { terminalLink, terminalText } from './terminal-text.ts';

/** A link as the command got it: an argument, or a line of the --input file. */
export interface GivenLink {
  url: string;
  /** `FILE:LINE` for a link from --input. */
  from?: string;
}

/** Links that cannot be downloaded, each with where it was given and why: bad usage (exit 2). */
export class BadLinks extends Error {
  readonly links: { where: string; error: ErrorInfo }[];
  constructor(links: { where: string; error: ErrorInfo }[]) {
    super('bad links');
    this.links = links;
  }
}

/**
 * Every link is checked before anything starts, by the rule the engine's add uses. A link
 * that is no link is a mistake in the command, like a bad flag: the command refuses whole
 * (exit 2) and names each one, rather than download the rest and end with the exit code of
 * a failed download. So 2 still means nothing was done, and since a run repeated after the
 * fix continues whatever it finds, refusing costs nothing already downloaded.
 */
export function checkLinks(given: GivenLink[]): void {
  const bad: { where: string; error: ErrorInfo }[] = [];
  for (const { url, from } of given) {
    try {
      parseDownloadUrl(url);
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      bad.push({ where: from ?? terminalLink(shownLink(url)), error: error.info() });
    }
  }
  if (bad.length > 0) throw new BadLinks(bad);
}

export function readUrlList(file: string): GivenLink[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError('get.cannotReadInput', { file, detail: (error as NodeJS.ErrnoException).code ?? 'error' });
  }
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ url: line.trim(), from: `${terminalText(file)}:${index + 1}` }))
    .filter(({ url }) => url !== '' && !url.startsWith('#'));
}
