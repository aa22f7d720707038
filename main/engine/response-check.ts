// What to do with a response, decided before a single body byte is written. This is the
// heart of "never corrupt a byte" (docs/ARCHITECTURE.md#resume-rules): a body is written
// only where the server proved it belongs. Pure: headers in, decision out.

import type { IncomingHttpHeaders } from 'node:http';
import { DownloadError, type HistoryCode, type Params } from './errors.ts';
import type { Validators } from './item.ts';
import { parseRetryAfter } from './retry-delay.ts';

export interface SentRequest {
  /** First byte asked for (0 for the probe). */
  start: number;
  /** Whether a Range header was sent. */
  ranged: boolean;
  /** What we knew when we asked: a ranged request is checked against it. */
  total: number | undefined;
  validators: Validators | undefined;
  /** Bytes the download already has and would keep (a resume continues them). */
  kept?: number;
}

export interface ResponseHead {
  status: number;
  headers: IncomingHttpHeaders;
}

/** What a usable response says about the file. */
export interface FileFacts {
  total: number | undefined;
  validators: Validators;
  acceptsRanges: boolean;
  /** A content coding the server applied although we asked for identity (gzip, br, deflate). */
  encoding: string | undefined;
  contentDisposition: string | undefined;
}

export type Decision =
  /** Write the body from `start`. */
  | { kind: 'write'; start: number; facts: FileFacts }
  /** Discard what we have and write this body from byte 0 (a 200 to a ranged request). */
  | { kind: 'rewrite'; reason: RestartReason; facts: FileFacts }
  /** Discard what we have and probe again (412, or a 206 that does not fit). */
  | { kind: 'restart'; reason: RestartReason }
  /** Nothing left to fetch: the server confirms we have every byte (416 with our size). */
  | { kind: 'complete' }
  | { kind: 'fail'; error: DownloadError };

/** Why a download starts over, as it is noted in the item's history. */
export interface RestartReason {
  code: HistoryCode;
  params?: Params;
}

/**
 * Refusals that, to a resume of a link that already gave bytes, mean the link itself stopped
 * working: a signed link past its time (S3 and Azure answer 403, Google Cloud Storage 400,
 * some CDNs 404 or 410), a session that ended (401). The file is most likely unchanged, so
 * the bytes are worth keeping for a fresh link. A change of the file itself answers a
 * resume with 412 (its validator no longer matches), which starts over instead.
 */
const LINK_GONE = new Set([400, 401, 403, 404, 410]);

export const CHANGED_REASON: RestartReason = { code: 'serverFileChanged' };

export function decide(sent: SentRequest, response: ResponseHead, now: number): Decision {
  const { status, headers } = response;
  if (status === 200 || status === 203) {
    const facts = factsOf(headers);
    if (!sent.ranged) return { kind: 'write', start: 0, facts };
    const changed = validatorsDiffer(sent.validators, facts.validators) || (sent.total !== undefined && facts.total !== undefined && facts.total !== sent.total);
    return {
      kind: 'rewrite',
      reason: changed ? CHANGED_REASON : { code: 'rangeIgnored' },
      facts: { ...facts, acceptsRanges: false },
    };
  }
  if (status === 206) return decidePartial(sent, headers);
  if (status === 412) return { kind: 'restart', reason: CHANGED_REASON };
  if (status === 416) {
    const total = parseUnsatisfiedRange(headers['content-range']);
    if (total !== undefined && sent.total === total && sent.start === total) return { kind: 'complete' };
    return { kind: 'restart', reason: { code: 'rangeNotSatisfiable', params: { status } } };
  }
  if (sent.ranged && (sent.kept ?? 0) > 0 && LINK_GONE.has(status)) {
    return { kind: 'fail', error: new DownloadError('ERR_LINK_EXPIRED', { params: { status, kept: sent.kept! }, action: 'changeLink' }) };
  }
  return { kind: 'fail', error: statusError(status, headers, now) };
}

function decidePartial(sent: SentRequest, headers: IncomingHttpHeaders): Decision {
  const range = parseContentRange(headers['content-range']);
  if (!sent.ranged || !range) {
    return { kind: 'restart', reason: { code: 'unaskedPartial' } };
  }
  const facts = factsOf(headers);
  if (range.start !== sent.start) {
    return { kind: 'restart', reason: { code: 'wrongRangeStart', params: { got: range.start, asked: sent.start } } };
  }
  const total = range.total ?? sent.total;
  if (sent.total !== undefined && range.total !== undefined && range.total !== sent.total) {
    return { kind: 'restart', reason: CHANGED_REASON };
  }
  if (validatorsDiffer(sent.validators, facts.validators)) return { kind: 'restart', reason: CHANGED_REASON };
  if (facts.encoding) {
    return { kind: 'restart', reason: { code: 'partCompressed', params: { encoding: facts.encoding } } };
  }
  return { kind: 'write', start: range.start, facts: { ...facts, total, acceptsRanges: true, validators: { ...sent.validators, ...facts.validators } } };
}

export function factsOf(headers: IncomingHttpHeaders): FileFacts {
  const encodingHeader = headers['content-encoding']?.trim().toLowerCase();
  const encoding = encodingHeader && encodingHeader !== 'identity' ? encodingHeader : undefined;
  const length = headers['content-length'];
  const total = !encoding && length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
  const range = parseContentRange(headers['content-range']);
  return {
    total: range?.total ?? total,
    validators: validatorsOf(headers),
    acceptsRanges: !encoding && /\bbytes\b/i.test(headers['accept-ranges'] ?? ''),
    encoding,
    contentDisposition: headers['content-disposition'],
  };
}

/** A strong ETag if there is one (weak ones cannot guard byte ranges), else Last-Modified. */
export function validatorsOf(headers: IncomingHttpHeaders): Validators {
  const validators: Validators = {};
  const etag = headers.etag?.trim();
  if (etag && !etag.startsWith('W/') && /^".*"$/.test(etag)) validators.etag = etag;
  const lastModified = headers['last-modified']?.trim();
  if (lastModified && !Number.isNaN(Date.parse(lastModified))) validators.lastModified = lastModified;
  return validators;
}

export function hasValidator(validators: Validators | undefined): boolean {
  return Boolean(validators?.etag || validators?.lastModified);
}

/** Only what both sides state is compared: a missing header is not a change. */
function validatorsDiffer(known: Validators | undefined, seen: Validators): boolean {
  if (!known) return false;
  if (known.etag && seen.etag) return known.etag !== seen.etag;
  if (known.lastModified && seen.lastModified) return Date.parse(known.lastModified) !== Date.parse(seen.lastModified);
  return false;
}

export function parseContentRange(value: string | undefined): { start: number; end: number; total: number | undefined } | undefined {
  const match = value ? /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(value) : null;
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]) + 1;
  const total = match[3] === '*' ? undefined : Number(match[3]);
  if (end <= start || (total !== undefined && end > total)) return undefined;
  return { start, end, total };
}

function parseUnsatisfiedRange(value: string | undefined): number | undefined {
  const match = value ? /^\s*bytes\s+\*\/(\d+)\s*$/i.exec(value) : null;
  return match ? Number(match[1]) : undefined;
}

function statusError(status: number, headers: IncomingHttpHeaders, now: number): DownloadError {
  const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
  if (status === 429) {
    return new DownloadError('ERR_HTTP_STATUS', { params: { variant: 'rateLimited', status }, action: 'retryLater', retryable: true, retryAfterMs });
  }
  if (status === 408 || status >= 500) {
    return new DownloadError('ERR_HTTP_STATUS', { params: { status }, action: 'retryLater', retryable: true, retryAfterMs });
  }
  if (status === 401 || status === 403) {
    // The site said no to a first request: most often the download needs the browser's
    // session (its cookies, the page it was linked from). Nothing was downloaded, so nothing is kept.
    return new DownloadError('ERR_ACCESS_DENIED', { params: { status }, action: 'useBrowserSession' });
  }
  if (status === 404 || status === 410) {
    return new DownloadError('ERR_NOT_FOUND', { params: { status }, action: 'checkLink' });
  }
  return new DownloadError('ERR_HTTP_STATUS', { params: { variant: 'refused', status }, action: 'checkLink' });
}
