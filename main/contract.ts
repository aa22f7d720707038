// The one contract between the window and the engine, shared by every host (Electron IPC,
// the web host's WebSocket, the CLI's flags). Every command has a schema for its argument
// (checked at the host boundary, since the renderer is not trusted) and a result type;
// every event has a payload type. `CommandHandlers` is an exhaustive map: adding a command
// without handling it in a host is a compile error. The names alone live in
// contract-names.ts, for bundles that must not carry zod (docs/ARCHITECTURE.md#shape).

import { z } from 'zod';
import type { ErrorInfo } from './engine/errors.ts';
import type { AddResult, ItemSnapshot, Settings } from './engine/item.ts';
import { HEADER_NAME_MAX_LENGTH, HEADER_VALUE_MAX_LENGTH, PROXY_MAX_LENGTH, SHA256_PATTERN, WHOLE_NUMBER_LIMITS as L } from './contract-limits.ts';
import { isCommand, type Command, type EventName } from './contract-names.ts';

export type { ErrorInfo, ItemSnapshot, Settings, Command, EventName };
export { COMMANDS, EVENT_NAMES, commandChannel, eventChannel, WS_PATH } from './contract-names.ts';
export type { ItemState } from './engine/item.ts';

const id = z.string().min(1).max(64);
const ids = z.array(id).min(1).max(100_000);
const urlText = z.string().min(1).max(8192);

const addOptions = z.strictObject({
  dir: z.string().min(1).max(4096).optional(),
  sha256: z.string().regex(SHA256_PATTERN, 'a SHA-256 is 64 hexadecimal digits').optional(),
  connections: z.number().int().min(L.connections.min).max(L.connections.max).optional(),
  speedLimit: z.number().int().min(0).optional(),
  fileName: z.string().min(1).max(255).optional(),
  paused: z.boolean().optional(),
  /** Request headers for the site (Cookie, Referer, User-Agent…); the engine checks names and values. */
  headers: z.record(z.string().min(1).max(HEADER_NAME_MAX_LENGTH), z.string().max(HEADER_VALUE_MAX_LENGTH)).optional(),
});

const settingsPatch = z.strictObject({
  dir: z.string().min(1).max(4096).optional(),
  // The window offers 1–64; the CLI goes further (200 slow downloads at once, as aria2c -j200).
  maxConcurrent: z.number().int().min(L.maxConcurrent.min).max(L.maxConcurrent.max).optional(),
  connections: z.number().int().min(L.connections.min).max(L.connections.max).optional(),
  perHostConnections: z.number().int().min(L.perHostConnections.min).max(L.perHostConnections.max).optional(),
  speedLimit: z.number().int().min(0).optional(),
  autoResume: z.boolean().optional(),
  maxRetries: z.number().int().min(L.maxRetries.min).max(L.maxRetries.max).optional(),
  stallTimeoutMs: z.number().int().min(L.stallTimeoutMs.min).max(L.stallTimeoutMs.max).optional(),
  resumeWithoutValidator: z.boolean().optional(),
  diskReserveBytes: z.number().int().min(L.diskReserveBytes.min).max(L.diskReserveBytes.max).optional(),
  allowInsecureRedirects: z.boolean().optional(),
  closeToTray: z.boolean().optional(),
  notifications: z.boolean().optional(),
  keepAwake: z.boolean().optional(),
  startAtLogin: z.boolean().optional(),
  /** '' = follow HTTP_PROXY/HTTPS_PROXY/NO_PROXY; else http://, https:// or socks5:// (the engine checks it). */
  proxy: z.string().max(PROXY_MAX_LENGTH).optional(),
  language: z.string().regex(/^(system|[a-z]{2,3}(-[A-Za-z0-9]{1,8})*)$/, 'system or a language code such as en or ja').optional(),
});

/** Each setting's schema, for hosts that take settings in another form (the CLI's flags): one set of limits. */
export const settingSchemas = settingsPatch.shape;
/** Each add option's schema, likewise. */
export const addOptionSchemas = addOptions.shape;

/** Argument schemas, one per command. */
export const commandSchemas = {
  /** Add one or many URLs. Invalid ones are reported one by one; the valid ones still start. */
  add: z.strictObject({ urls: z.array(urlText).min(1).max(100_000), options: addOptions.optional() }),
  pause: z.strictObject({ ids }),
  resume: z.strictObject({ ids }),
  pauseAll: z.strictObject({}),
  resumeAll: z.strictObject({}),
  /** Stop and delete the partial file; the item stays in the list as canceled. */
  cancel: z.strictObject({ ids }),
  /** Take items off the list; with deleteFile, also delete their file (finished or partial). */
  remove: z.strictObject({ ids, deleteFile: z.boolean() }),
  /** Start a failed or canceled item again (a failed one continues from its checkpoint). */
  retry: z.strictObject({ ids }),
  /**
   * Give an unfinished item a new URL (an expired signed link); bytes are kept if the file is
   * unchanged. A paused, queued or canceled item keeps its state; a running or failed one goes on.
   */
  changeUrl: z.strictObject({ id, url: urlText }),
  /** Move an item to a position in the queue (0 = first). */
  reorder: z.strictObject({ id, toIndex: z.number().int().min(0) }),
  list: z.strictObject({}),
  getSettings: z.strictObject({}),
  setSettings: settingsPatch,
  /** Free bytes in the default download folder. */
  getStatus: z.strictObject({}),
  openFile: z.strictObject({ id }),
  showInFolder: z.strictObject({ id }),
  /** What this host can do beyond the common commands (asked once by the window). */
  getHostFeatures: z.strictObject({}),
  /** The system's folder picker (desktop only); resolves to null when the person cancels. */
  chooseFolder: z.strictObject({ defaultPath: z.string().min(1).max(4096).optional() }),
  /** Browsers paired for hand-off, and pairing requests waiting for an answer. */
  listPairings: z.strictObject({}),
  /** Approve or deny a browser's pairing request (the code is shown in both places). */
  answerPairing: z.strictObject({ id, approve: z.boolean() }),
  /** Take a paired browser's token away: its extension must pair again. */
  revokePairing: z.strictObject({ id }),
  /** Stored documents found unreadable when the engine opened its state folder, and set aside. */
  listSetAside: z.strictObject({}),
} as const satisfies { [C in Command]: z.ZodType };

export type CommandArgs = { [C in Command]: z.input<(typeof commandSchemas)[C]> };


export interface Status {
  freeBytes: number | null;
  dir: string;
}

export interface HostFeatures {
  /** `chooseFolder` opens the system's folder picker (the desktop app). */
  chooseFolder: boolean;
  /** The tray, notifications, keep-awake and login settings mean something here. */
  desktopSettings: boolean;
}

/** A browser extension asking to hand downloads over; the code is also shown in the browser. */
export interface PendingPairing {
  id: string;
  code: string;
  /** What the extension says it runs in; for the person to read, not trusted. */
  browser: string;
  origin: string;
  requestedAt: number;
}

export interface PairedBrowser {
  id: string;
  browser: string;
  origin: string;
  pairedAt: number;
  lastSeenAt: number | null;
}

export interface PairingsView {
  pending: PendingPairing[];
  paired: PairedBrowser[];
}

/**
 * A stored document the engine could not read when it opened, moved aside so that it starts
 * without it (main/engine/readable-documents.ts). `reason`: `notJson`, `notTsuzuki` or a
 * system code (EACCES, EISDIR …); `movedTo` is absent when it could not be moved. Or
 * `badEntries`: the document was read but for `entries` of its items, and `movedTo` is a
 * copy of it as it was.
 */
export interface SetAsideDocument {
  path: string;
  reason: string;
  movedTo?: string;
  entries?: number;
}

export interface CommandResults {
  add: AddResult;
  pause: void;
  resume: void;
  pauseAll: void;
  resumeAll: void;
  cancel: void;
  remove: void;
  retry: void;
  changeUrl: void;
  reorder: void;
  list: ItemSnapshot[];
  getSettings: Settings;
  setSettings: Settings;
  getStatus: Status;
  openFile: void;
  showInFolder: void;
  getHostFeatures: HostFeatures;
  chooseFolder: { path: string | null };
  listPairings: PairingsView;
  answerPairing: void;
  revokePairing: void;
  listSetAside: SetAsideDocument[];
}

/** Every command answers with an envelope; errors are data, never thrown across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Events pushed from the engine to the window. */
export interface EventPayloads {
  /** Changed items (batched, at most ten times a second) and ids of removed ones. */
  items: { changed: ItemSnapshot[]; removed: string[] };
  settings: Settings;
  /** Bring this row into view and select it (the desktop app, when a notification is clicked). */
  reveal: { id: string };
  /** Browser pairings changed (a request arrived, was answered or expired; a browser was revoked). */
  pairings: PairingsView;
}

export type CommandHandlers = {
  [C in Command]: (args: z.output<(typeof commandSchemas)[C]>) => CommandResults[C] | Promise<CommandResults[C]>;
};

/** What the renderer sees, whichever host it runs on. */
export interface TsuzukiApi {
  invoke<C extends Command>(command: C, args: CommandArgs[C]): Promise<Result<CommandResults[C]>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** Validates a command name and argument from an untrusted sender. */
export function parseCommand(
  command: unknown,
  args: unknown,
): { ok: true; command: Command; args: unknown } | { ok: false; error: ErrorInfo } {
  if (!isCommand(command)) {
    return { ok: false, error: { code: 'ERR_INVALID_ARGUMENT', params: { variant: 'unknownCommand', command: String(command).slice(0, 80) } } };
  }
  const schema = commandSchemas[command];
  const parsed = schema.safeParse(args ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // A link too long is what a person can send (a paste, a hand-off): worded, not the schema's English.
    if (issue?.code === 'too_big' && issue.origin === 'string' && (issue.path[0] === 'urls' || issue.path[0] === 'url')) {
      return { ok: false, error: { code: 'ERR_INVALID_ARGUMENT', params: { variant: 'linkTooLong', command, max: Number(issue.maximum) }, action: 'checkLink' } };
    }
    // The schema's own words are for developers (a person never sends a malformed frame).
    const params = { command, field: issue?.path.join('.') || 'args', detail: issue?.message ?? 'not accepted' };
    return { ok: false, error: { code: 'ERR_INVALID_ARGUMENT', params } };
  }
  return { ok: true, command, args: parsed.data };
}

/** The web host's WebSocket frames (JSON). Electron uses IPC channels instead. */
export type ClientFrame = { type: 'invoke'; id: number; command: string; args: unknown };
export type ServerFrame =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { [E in EventName]: { type: 'event'; event: E; payload: EventPayloads[E] } }[EventName];
