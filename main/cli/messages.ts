// The CLI's words, in the language the terminal asks for (LC_ALL, LC_MESSAGES, LANG):
// engine errors from their codes, and the CLI's own lines from the `cli` part of the catalogue.

import { createI18n, describeError, type DescribeOptions } from '../../i18n/index.ts';
import { localeFromEnv } from '../../i18n/locale.ts';
import { DownloadError, type ErrorInfo } from '../engine/errors.ts';
import type { UnreadableDocument } from '../engine/readable-documents.ts';
import { flagProblem, flagSpellings, type FlagSpecs } from './flag-problem.ts';

export const i18n = createI18n(localeFromEnv(process.env));

/** A line of the CLI's own, `cli.<key>` in the catalogue. */
export function say(key: string, params: Record<string, unknown> = {}): string {
  return i18n.t(`cli.${key}`, params);
}

/** An engine error in words, with what to do said the way a terminal does it (run the command again). */
export function errorText(error: ErrorInfo, options?: DescribeOptions): string {
  return describeError(i18n, error, { actions: 'cli.actions', ...options });
}

/** Bad usage, as a catalogue key and its values: worded when it is printed. */
export class UsageError extends Error {
  readonly key: string;
  readonly params: Record<string, string | number>;
  constructor(key: string, params: Record<string, string | number> = {}) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

/**
 * Any problem in words: an engine error from its code, bad usage from its key, node:util's
 * parseArgs errors from the arguments they were about (`flags` are the command's), never
 * from parseArgs' English message; anything else (a library's system error) as it said it.
 */
export function problemText(error: unknown, argv: readonly string[] = [], flags: FlagSpecs = {}, allowPositionals = true): string {
  if (error instanceof DownloadError) return errorText(error.info());
  if (error instanceof UsageError) return say(error.key, error.params);
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = flagSpellings(flags);
    const option = argv.find((arg) => arg.startsWith('-') && arg !== '-' && arg !== '--' && !known.includes(arg.split('=')[0]!));
    if (option) return say('unknownOption', { option: option.split('=')[0]! });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const problem = flagProblem(argv, flags, allowPositionals);
    if (problem) return say(problem.key, problem.params);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS') ? say('badArguments', { detail }) : detail;
}

/** Why a state folder cannot be used: a system error in words (a file in its place, no permission), else as `problemText` says it. */
export function stateProblemText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof DownloadError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return problemText(error);
  const known = { ENOTDIR: 'ENOTDIR', EEXIST: 'ENOTDIR', EACCES: 'EACCES', EPERM: 'EACCES', EROFS: 'EROFS', ENOSPC: 'ENOSPC', EDQUOT: 'ENOSPC' }[code];
  return say(`stateProblem.${known ?? 'other'}`, { code });
}

/** A stored document the engine moved aside at the start, in words. */
export function setAsideText(doc: UnreadableDocument): string {
  if (doc.reason === 'badEntries') {
    const values = { path: doc.path, count: doc.entries ?? 0, movedTo: doc.movedTo };
    return say(doc.movedTo === undefined ? 'stateEntriesLeftOutInPlace' : 'stateEntriesLeftOut', values);
  }
  const known = { notJson: 'notJson', notTsuzuki: 'notTsuzuki', EACCES: 'EACCES', EPERM: 'EACCES', EISDIR: 'EISDIR' }[doc.reason];
  const reason = say(`stateSetAsideReason.${known ?? 'other'}`, { code: doc.reason });
  return say('stateSetAside', { path: doc.path, movedTo: doc.movedTo, reason });
}
