// One error type for everything the engine reports. The code is stable (hosts and the UI
// switch on it); the message is written for a person and says what to do; the cause keeps
// the low-level error for logs. Errors cross process boundaries as plain data (see
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
  'ERR_NOT_FOUND',
  'ERR_TOO_MANY_REDIRECTS',
  'ERR_REDIRECT_LOOP',
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
  'ERR_UNSUPPORTED',
  'ERR_INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export class DownloadError extends Error {
  readonly code: ErrorCode;
  /** Whether another attempt may succeed (network trouble, 5xx, 429, stalls). */
  readonly retryable: boolean;
  /** Milliseconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DownloadError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof DownloadError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'ERR_INTERNAL', message: `Something unexpected went wrong: ${message}` };
}
