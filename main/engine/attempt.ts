// One request of a download, from the wait for a connection slot to the last body byte:
// connect, headers, the check of the response, the name claim (for the probe), the body,
// an abort. The request's 'error' listener is attached the moment the request exists and
// is never removed, so whatever the socket does while this code awaits something else (the
// claim, a slot, the pipeline being set up) is recorded here and surfaces as this attempt's
// failure at its next step, never as an unhandled 'error' event that would end the process.

import { pipeline } from 'node:stream/promises';
import type { Request } from 'got';
import { decoderFor, undecodableBody } from './content.ts';
import { DiskGuard, type DiskRoom } from './disk-guard.ts';
import { DownloadError } from './errors.ts';
import type { HostSlots } from './host-slots.ts';
import type { HttpClient } from './http-client.ts';
import { requestError } from './request-error.ts';
import type { Checkpoint } from './item.ts';
import type { PartFile } from './part-file.ts';
import { PositionalWriter } from './positional-writer.ts';
import { proxyAuthError, proxyFailure } from './proxy-error.ts';
import { decide, type FileFacts, type RestartReason } from './response-check.ts';
import type { Segment } from './segment-ledger.ts';
import { StallWatchdog } from './stall-watchdog.ts';
import { Throttle } from './throttle.ts';
import type { TokenBucket } from './token-bucket.ts';

/** Thrown inside an attempt when what we have must be discarded and the file probed again. */
export class Restart extends Error {
  readonly reason: RestartReason;
  constructor(reason: RestartReason) {
    super(reason.code);
    this.reason = reason;
  }
}

/** Marks an abort that only means "this connection's range is full". */
class SegmentFilled extends Error {}

/** The segment a worker fills; the probe's is created when its response arrives. */
export interface Slot {
  segment?: Segment | undefined;
}

/** What an attempt needs from the download it belongs to. */
export interface AttemptOwner {
  readonly cp: Checkpoint;
  readonly http: HttpClient;
  readonly hostSlots: Pick<HostSlots, 'acquire'>;
  stallTimeoutMs(): number;
  /** The part file bodies go into (open once the name is claimed). */
  file(): PartFile;
  /** Whether the body has a content coding that must be undone before writing. */
  encoded(): boolean;
  /** The speed limits that apply now. */
  limits(): TokenBucket[];
  /** The probe answered: claim the name, open the part file, return the probe's segment. */
  adopt(facts: FileFacts, finalUrl: string): Promise<Segment>;
  /** A ranged request got the whole file: no ranges for the rest of this run. */
  rangesIgnored(): void;
  /** A stream of unknown length ended cleanly: that end is the size. */
  settleUnknownTotal(segment: Segment): void;
  /** Keeps a writer known while it runs, so checkpoints can flush it; returns the untrack. */
  track(writer: PositionalWriter): () => void;
  /** Bytes that must stay free on the download's disk. */
  reserveBytes(): number;
  /** The disk's answer to the size check made as this download's name was claimed, once (see DiskGuard). */
  takeRoomAnswer(): DiskRoom | undefined;
  /** Bytes received so far. */
  bytes(): number;
  /** The setting that lets an https link redirect to http. */
  allowInsecureRedirects(): boolean;
}

/** One request filling the slot's segment (the probe creates its segment on the way). */
export async function runAttempt(owner: AttemptOwner, slot: Slot, signal: AbortSignal): Promise<void> {
  const { cp } = owner;
  const given = slot.segment;
  const releaseSlot = await owner.hostSlots.acquire(new URL(cp.url).host, signal);
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    if (!controller.signal.aborted) controller.abort(error);
  };
  const throwIfFailed = () => {
    if (controller.signal.aborted) throw controller.signal.reason;
  };
  const stallMs = owner.stallTimeoutMs();
  let writer: PositionalWriter | undefined;
  const watchdog = new StallWatchdog(
    stallMs,
    () => fail(new DownloadError('ERR_STALLED', { params: { seconds: Math.round(stallMs / 1000) }, action: 'resume', retryable: true })),
    // A slow disk is not a stalled server.
    () => writer?.holdingBack === true,
  );
  let request: Request | undefined;
  // Until the response head arrives, a failure may be the proxy's (see proxy-error.ts).
  const proxy = owner.http.proxyFor(cp.url);
  let answered = false;
  try {
    const made = owner.http.stream(cp.url, requestHeaders(cp, given), controller.signal, cp.options.headers, { allowDowngrade: owner.allowInsecureRedirects() || cp.options.sha256 !== undefined });
    // Not awaited when it is already made: its error listener must be on before got's next tick.
    request = made instanceof Promise ? await made : made;
    request.on('error', fail);
    // 'downloadProgress' rather than 'data': a data listener would start the flow before the body has somewhere to go.
    request.on('downloadProgress', () => watchdog.feed());
    const response = await headOf(request, controller.signal);
    answered = true;
    watchdog.feed();
    if (proxy !== undefined && response.status === 407) throw proxyAuthError(proxy);
    const decision = decide({ start: given?.position ?? 0, ranged: given !== undefined, total: cp.total, validators: cp.validators, kept: owner.bytes() }, response, Date.now());
    switch (decision.kind) {
      case 'fail':
        throw decision.error;
      case 'restart':
        throw new Restart(decision.reason);
      case 'rewrite':
        owner.rangesIgnored();
        throw new Restart(decision.reason);
      case 'complete':
        if (given) given.position = given.end;
        request.destroy();
        return;
      case 'write':
        break;
    }
    // The connection may drop while the name is claimed: the claim still stands, and the
    // failure below makes the worker retry into the same part file. Meanwhile the body waits
    // in the socket for our file calls, so the silence is ours, not the server's.
    watchdog.hold();
    slot.segment ??= await owner.adopt(decision.facts, response.url);
    watchdog.feed();
    // Taken at once, even if this attempt fails next: a later attempt must ask the disk anew.
    const room = owner.takeRoomAnswer();
    throwIfFailed();
    const target = slot.segment;
    writer = new PositionalWriter({
      file: owner.file(),
      position: target.position,
      limit: () => target.end,
      onAccepted: (bytes) => (target.received += bytes),
      onWritten: (position) => (target.position = position),
      onLimitReached: () => controller.abort(new SegmentFilled()),
    });
    const untrack = owner.track(writer);
    target.received = target.position - target.start;
    const encoding = owner.encoded() ? decision.facts.encoding! : undefined;
    const decoder = encoding === undefined ? undefined : decoderFor(encoding);
    try {
      const stages: NodeJS.ReadWriteStream[] = [];
      if (owner.limits().length > 0) stages.push(new Throttle(() => owner.limits(), (holding) => (holding ? watchdog.hold() : watchdog.feed())));
      if (decoder) stages.push(decoder);
      stages.push(new DiskGuard(cp.dir, owner.reserveBytes(), () => (cp.total === undefined ? undefined : cp.total - owner.bytes()), room));
      await pipeline([request, ...stages, writer]);
    } catch (error) {
      if (!(controller.signal.reason instanceof SegmentFilled)) throw (decoder && undecodableBody(encoding!, decoder.errored)) || error;
    } finally {
      untrack();
    }
    if (target.position < target.end && Number.isFinite(target.end)) {
      throw new DownloadError('ERR_NETWORK', { action: 'resume', retryable: true });
    }
    if (!Number.isFinite(target.end)) owner.settleUnknownTotal(target);
  } catch (error) {
    request?.destroy();
    const result = failureOf(error, controller.signal, signal, failure);
    const viaProxy = proxy !== undefined && !answered && !signal.aborted ? proxyFailure(failure ?? error, proxy) : undefined;
    throw viaProxy ?? result;
  } finally {
    watchdog.stop();
    releaseSlot();
    signal.removeEventListener('abort', onAbort);
  }
}

/** Ranged requests ask from the segment's position, guarded by the validator. */
function requestHeaders(cp: Checkpoint, given: Segment | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!given) return headers;
  // Open-ended up to the end of the file (bytes=N-), bounded only for a helper's share.
  const last = Number.isFinite(given.end) && given.end !== cp.total ? String(given.end - 1) : '';
  headers['range'] = `bytes=${given.position}-${last}`;
  if (cp.validators?.etag) headers['if-match'] = cp.validators.etag;
  else if (cp.validators?.lastModified) headers['if-unmodified-since'] = cp.validators.lastModified;
  return headers;
}

/** The response head, or the attempt's failure if it comes first. */
function headOf(request: Request, aborted: AbortSignal): Promise<{ status: number; headers: import('node:http').IncomingHttpHeaders; url: string }> {
  return new Promise((resolve, reject) => {
    if (aborted.aborted) return reject(aborted.reason);
    aborted.addEventListener('abort', () => reject(aborted.reason), { once: true });
    request.once('response', (response: { statusCode: number; headers: import('node:http').IncomingHttpHeaders; url: string }) =>
      resolve({ status: response.statusCode, headers: response.headers, url: response.url }),
    );
  });
}

/** The one error an attempt ends with: ours (a stall, a restart), the user's abort, or the network's. */
function failureOf(error: unknown, own: AbortSignal, outer: AbortSignal, first: unknown): unknown {
  const reason = own.reason;
  if (reason instanceof DownloadError || reason instanceof Restart) return reason;
  if (outer.aborted) return outer.reason;
  if (error instanceof DownloadError || error instanceof Restart) return error;
  return requestError(first ?? error);
}
