// One error type for everything the engine reports, as data: a stable code (hosts and the
// UI switch on it), the facts behind it as parameters (status, sizes, host, path …) and,
// separately, what the user can do about it. The engine builds no sentence: each surface
// picks the words in the user's language from the `i18n/` catalogue. The cause keeps the
// low-level error for logs. Errors cross process boundaries as plain data (see
// `toErrorInfo`), never as thrown objects, because IPC drops the fields of Error instances.

export const ERROR_CODES = [
  'ERR_INVALID_URL',
  'ERR_UNSUPPORTED_PROTOCOL',
  'ERR_FOLDER',
  'ERR_DISK_FULL',
  'ERR_WRITE',
  'ERR_NETWORK',
  'ERR_STALLED',
  'ERR_HTTP_STATUS',
  'ERR_LINK_EXPIRED',
  'ERR_ACCESS_DENIED',
  'ERR_INVALID_HEADER',
  'ERR_INVALID_PROXY',
  'ERR_PROXY', // the proxy failed before the server answered (params: proxy, its host:port; variant refused/dns/auth/target, else detail: a system code)
  'ERR_NOT_FOUND',
  'ERR_TOO_MANY_REDIRECTS',
  'ERR_REDIRECT_LOOP',
  'ERR_INSECURE_REDIRECT', // an https link redirected to plain http (params: link)
  'ERR_UNSUPPORTED_REDIRECT', // a redirect that is not followed: to a scheme other than http(s) (params: link, scheme), or to no link at all (variant invalid; params: link)
  'ERR_INVALID_RESPONSE', // the server's answer is not valid HTTP (params: variant headerTooLarge/badLength/badHeader/notHttp, not retried; else detail, the parser's code, retried)
  'ERR_PRIVATE_DESTINATION', // a link (or a redirect hop) leads to a loopback, link-local or private address this host may not fetch from (params: host, address)
  'ERR_UNDECODABLE_BODY', // the body said to be compressed (params: encoding) does not decompress (detail: the decoder's code); not retried
  'ERR_SERVER_CHANGED',
  'ERR_BAD_RANGE_RESPONSE',
  'ERR_SIZE_MISMATCH',
  'ERR_CHECKSUM_MISMATCH',
  'ERR_INVALID_CHECKSUM',
  'ERR_NOT_RESUMABLE',
  'ERR_UNKNOWN_ITEM',
  'ERR_INVALID_STATE',
  'ERR_STATE_LOCKED',
  'ERR_INVALID_ARGUMENT',
  'ERR_TOO_MANY_ITEMS', // an add would take the list past the manager's cap (params: max)
  'ERR_TOO_MANY_COMMANDS', // a client has this many commands under way already; this one was not run (params: max)
  'ERR_UNSUPPORTED',
  'ERR_DISCONNECTED',
  'ERR_INTERNAL', // a bug or a failure the engine did not expect (params: detail, a code or an error's name; or a variant: outsideFolder, noFile, noFinalName, lockFailed)
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the user can do about an error: a stable code, worded at the edge. */
export const ACTION_CODES = [
  'retry', // try again now (or resume: the bytes so far are kept)
  'retryLater', // the server is struggling: come back later
  'resume', // resume continues from the checkpoint
  'changeLink', // the link is dead: give the download a fresh one (bytes are kept)
  'checkLink', // the address itself looks wrong
  'checkConnection', // the network, not the server
  'freeSpace', // the disk is full
  'freeSpaceStartOver', // the disk is full, and the bytes so far could not be kept (the server cannot continue)
  'chooseFolder', // pick a folder that exists and is writable
  'checkDisk', // a write failed for another reason
  'checkChecksum', // the checksum given, or the link, is wrong
  'addAsNew', // a finished download cannot take a new link
  'closeOther', // another Tsuzuki process holds the state folder
  'reload', // reload the page or restart the app
  'useBrowserSession', // the site wants the browser's session (cookies, Referer): hand the download over from the browser
  'allowPrivate', // the host refuses its own networks: its operator may allow them (tsuzuki serve --allow-private)
  'tellSite', // the server breaks the protocol the same way every time: only its owner can fix it
  'checkProxy', // the proxy failed: check the proxy setting (or the environment's HTTP_PROXY …)
] as const;

export type ActionCode = (typeof ACTION_CODES)[number];

/**
 * Facts behind a code: numbers, hosts, paths, statuses. Never sentences. A `variant` names
 * a more precise case of the code (ERR_NETWORK's `dns`, `refused`, `tls`, `lost`): the code
 * stays what hosts switch on, the variant picks the words.
 */
export type Params = Record<string, string | number>;

export interface ErrorInfo {
  code: ErrorCode;
  params?: Params;
  action?: ActionCode;
}

/** What the engine notes in an item's history: restarts, link changes. */
export const HISTORY_CODES = [
  'serverFileChanged', // validators or size differ from what the download began with
  'rangeIgnored', // a 200 with the whole file to a ranged request
  'rangeNotSatisfiable', // a 416 that does not confirm our size
  'unaskedPartial', // a 206 to a request without Range, or without Content-Range
  'wrongRangeStart', // a 206 from another byte than asked (params: got, asked)
  'partCompressed', // a 206 with a content coding: cannot be continued
  'noValidator', // nothing proves the file unchanged, and resuming blindly is off
  'cannotContinue', // a retryable failure on a server that cannot continue (params: error + its params)
  'linkChanged', // the user gave a new link; bytes are kept if the file is unchanged
  'recordNotSaved', // the checkpoint store could not write (params: the error's code and detail); it keeps trying
  'recordSavedAgain', // the checkpoint store writes again
  'partReplaced', // the `.part` was not this item's file (a link, a swapped file): a fresh one took its place
  'originNotRecorded', // the finished file could not be marked with where it came from (params: detail, a system code); it is complete
] as const;

export type HistoryCode = (typeof HISTORY_CODES)[number];

export interface HistoryEntry {
  at: number;
  code: HistoryCode;
  params?: Params;
}

export interface ErrorOptions {
  params?: Params;
  action?: ActionCode;
  cause?: unknown;
  /** Whether another attempt may succeed (network trouble, 5xx, 429, stalls). */
  retryable?: boolean;
  /** Milliseconds the server asked us to wait (Retry-After), when it said so. */
  retryAfterMs?: number;
}

export class DownloadError extends Error {
  readonly code: ErrorCode;
  readonly params: Params | undefined;
  readonly action: ActionCode | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, options: ErrorOptions = {}) {
    // The message is for logs and stack traces only; people see the catalogue's words.
    super(options.params ? `${code} ${JSON.stringify(options.params)}` : code, { cause: options.cause });
    this.name = 'DownloadError';
    this.code = code;
    this.params = options.params;
    this.action = options.action;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }

  info(): ErrorInfo {
    return errorInfo(this.code, this.params, this.action);
  }
}

/**
 * The same failure for a download whose bytes are given back (a server that cannot continue
 * one): advice that promises the bytes are kept would be false, so it says the download
 * starts over, and a count of bytes kept (the "gave up" words) says none are. Other errors
 * are returned as they are.
 */
export function withoutKeptBytes(error: unknown): unknown {
  if (!(error instanceof DownloadError)) return error;
  const action = error.action === 'freeSpace' ? 'freeSpaceStartOver' : error.action === 'resume' ? 'retry' : error.action;
  const claimsKept = typeof error.params?.['kept'] === 'number' && error.params['kept'] > 0;
  if (action === error.action && !claimsKept) return error;
  const params = claimsKept ? { ...error.params, kept: 0 } : error.params;
  return new DownloadError(error.code, { params, action, cause: error.cause, retryable: error.retryable, retryAfterMs: error.retryAfterMs });
}

/** Plain data with only the fields that are set (so it compares and serializes cleanly). */
export function errorInfo(code: ErrorCode, params?: Params, action?: ActionCode): ErrorInfo {
  const info: ErrorInfo = { code };
  if (params && Object.keys(params).length > 0) info.params = params;
  if (action) info.action = action;
  return info;
}

/**
 * Anything else becomes ERR_INTERNAL with the error's code (ENOENT, ERR_STREAM_…) or name
 * (TypeError) as its detail, never its message: a message is a sentence in English, and the
 * words a person reads are chosen at the edge in their language. The message stays in logs
 * (the host's own line, a DownloadError's cause).
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof DownloadError) return error.info();
  return errorInfo('ERR_INTERNAL', { detail: errorName(error) }, 'retry');
}

/** The code of an error when it has one that reads as a code, else its class name; `EUNKNOWN` for anything else. */
export function errorName(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string' && /^[A-Za-z][\w.-]{0,63}$/.test(code)) return code;
  const name = error instanceof Error ? error.name : undefined;
  return name && /^[A-Za-z]\w{0,63}$/.test(name) ? name : 'EUNKNOWN';
}

/** The system error code of a failed call (ENOSPC, EACCES …), or a placeholder. */
export function systemCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code ? code : 'EUNKNOWN';
}
