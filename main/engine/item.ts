// The shapes an item takes: what is stored (Checkpoint), what hosts show (ItemSnapshot),
// and the options a user gives when adding. Plain data only, so all of it can be written to
// a store, sent over IPC or a WebSocket, and compared in tests.

import type { ErrorInfo, HistoryEntry } from './errors.ts';

export type { HistoryEntry };

/** The states a checkpoint is stored in. */
export type StoredState =
  | 'queued' // waiting for a free slot
  | 'downloading' // a request is open or being opened (restores as queued)
  | 'paused' // stopped by the user; resumes from its checkpoint
  | 'done' // renamed to its final name, verified
  | 'failed' // gave up; `error` says why; resume continues from the checkpoint
  | 'canceled'; // stopped by the user and its partial file deleted

/**
 * What hosts show: a stored state, or `retrying` while a running download waits out a
 * backoff. That one is never stored: it is read off the live download for the snapshot.
 */
export type ItemState = StoredState | 'retrying';

/** A byte range [start, end) of the file. */
export type ByteRange = [start: number, end: number];

/** What the server told us about the file, used to check every later response. */
export interface Validators {
  /** A strong ETag (weak ones cannot protect a ranged resume and are not kept). */
  etag?: string;
  /** HTTP-date, used with If-Unmodified-Since when there is no strong ETag. */
  lastModified?: string;
}

export interface AddOptions {
  /** Folder to save into; the manager's default folder when absent. */
  dir?: string;
  /** Expected SHA-256 of the finished file (64 hex digits). */
  sha256?: string;
  /** Connections for this download (1 = a single stream). */
  connections?: number;
  /** Per-download speed limit in bytes per second (0 = none). */
  speedLimit?: number;
  /** File name to use instead of the server's. Sanitized like any other name. */
  fileName?: string;
  /** Start paused instead of queued. */
  paused?: boolean;
  /**
   * Request headers for this item's site (Cookie, Referer, User-Agent, Authorization…), sent
   * on every request and dropped on a redirect to another origin. Stored with the checkpoint,
   * never put into snapshots, messages or logs.
   */
  headers?: Record<string, string>;
}

/**
 * Everything needed to continue a download after a restart. Read-only everywhere: it
 * changes only through the named transitions in checkpoint-transitions.ts.
 */
export interface Checkpoint {
  readonly id: string;
  readonly url: string;
  /** The URL after redirects, when it differs. Resumes go to the original URL. */
  readonly finalUrl?: string;
  readonly dir: string;
  /** Final file name (sanitized, conflict-free) once known. */
  readonly fileName?: string;
  /** Total size in bytes, when the server said. */
  readonly total?: number;
  readonly validators?: Validators;
  /** Identity (inode) of the `.part` this item made: a file put in its place is not continued. */
  readonly partIno?: number;
  /** Whether the server answered a range request with 206 before. */
  readonly acceptsRanges?: boolean;
  /** Byte ranges durably on disk in `<fileName>.part`, sorted and merged. */
  readonly done: readonly ByteRange[];
  readonly state: StoredState;
  readonly error?: ErrorInfo;
  readonly options: AddOptions;
  readonly history: readonly HistoryEntry[];
  readonly addedAt: number;
  readonly updatedAt: number;
  readonly finishedAt?: number;
  /** Position in the queue; lower starts first. */
  readonly order: number;
}

export interface RetryInfo {
  /** The attempt about to be made (2 = the first retry). */
  attempt: number;
  maxAttempts: number;
  /** Epoch ms at which the next attempt starts. */
  at: number;
}

/** What a host shows of an item. Sent in batches, at most ten times a second. */
export interface ItemSnapshot {
  id: string;
  url: string;
  /** The file name once known, else a name guessed from the URL. */
  name: string;
  dir: string;
  state: ItemState;
  /** Bytes on disk (or in flight to it) so far. */
  bytes: number;
  total: number | null;
  /** Smoothed speed in bytes per second (0 when not downloading). */
  speed: number;
  /** Seconds left, or null while it cannot be estimated honestly. */
  eta: number | null;
  /** Ranges done, for drawing the segments of a multi-connection download. */
  segments: readonly ByteRange[];
  /** Connections open (or opening) now; those waiting for a per-host slot are not counted. */
  connections: number;
  /** Present while every connection of a running item waits for a slot: the host and its limit. */
  waitingForSlot?: { host: string; perHost: number };
  error: ErrorInfo | null;
  /**
   * Present while the store cannot record this item (its disk is full): the download goes
   * on, the last saved progress is kept, and the store keeps trying.
   */
  notSaved?: ErrorInfo;
  retry: RetryInfo | null;
  /** Queue order: among queued items, a lower value starts first. Hosts derive "3rd in queue" from it. */
  order: number;
  history: readonly HistoryEntry[];
  addedAt: number;
  finishedAt: number | null;
  /** Full path of the finished file (done items only). */
  path: string | null;
}

export interface Settings {
  /** Default folder for new downloads. */
  dir: string;
  /** Downloads that run at once. */
  maxConcurrent: number;
  /** Connections per download by default. */
  connections: number;
  /** Connections to any one host across all downloads. */
  perHostConnections: number;
  /** Global speed limit in bytes per second (0 = none). */
  speedLimit: number;
  /** Restart interrupted downloads when the app starts. */
  autoResume: boolean;
  /** Attempts after the first before an item fails. */
  maxRetries: number;
  /** Milliseconds without a byte before an attempt is abandoned and retried. */
  stallTimeoutMs: number;
  /** Resume downloads whose server gives no validator (cannot be verified). */
  resumeWithoutValidator: boolean;
  /** Bytes a download leaves free on its disk; it stops with ERR_DISK_FULL rather than take them. */
  diskReserveBytes: number;
  /** Follow a redirect from https to http for items without a SHA-256 (the link's owner cannot vouch for plain http bytes). */
  allowInsecureRedirects: boolean;
  /** Desktop app: closing the window keeps downloads running behind the tray icon. */
  closeToTray: boolean;
  /** Desktop app: a notification when downloads finish or fail. */
  notifications: boolean;
  /** Desktop app: keep the computer from sleeping while something downloads. */
  keepAwake: boolean;
  /** Desktop app: start (in the tray) when the user logs in. */
  startAtLogin: boolean;
  /** Proxy for every request (http://, https://, socks5://); '' = the one HTTP_PROXY/HTTPS_PROXY name, if any. */
  proxy: string;
  /** The language hosts speak: 'system' (the browser's or the OS's) or a language code ('en', 'ja'). */
  language: string;
}

export interface AddResult {
  /** Ids of the items added, in the order of the URLs given. */
  added: string[];
  /** URLs that were not added, each with the reason. */
  rejected: { url: string; error: ErrorInfo }[];
}
