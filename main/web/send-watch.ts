// A browser that stops reading what it is sent (a stalled tab, a client that only writes)
// would make the server hold everything meant for it. Snapshots already wait while the send
// buffer is over the limit (SnapshotBatcher), but answers to commands cannot wait, so the
// buffer is judged after every send, answers and events alike: over the limit starts a grace
// period, and a socket still over it when the grace ends is closed. One big answer (the
// whole list of a long queue) to a slow but reading client drains within the grace and
// costs nothing; the window reconnects and asks again after a close.

export interface SendLimits {
  /** Unsent bytes a socket may hold (the socket's own buffer plus ws's queue). */
  bytes: number;
  /** How long it may stay over that before it is closed. */
  graceMs: number;
}

/** What happened to one socket's send buffer, for the host to log (and tests to wait on). */
export type SendEvent = { kind: 'over' | 'caughtUp' | 'closed'; bufferedBytes: number };

interface WatchedSocket {
  readonly bufferedAmount: number;
  terminate(): void;
}

export class SendWatch {
  #socket: WatchedSocket;
  #limits: SendLimits;
  #told: (event: SendEvent) => void;
  #grace: NodeJS.Timeout | undefined;

  constructor(socket: WatchedSocket, limits: SendLimits, told: (event: SendEvent) => void) {
    this.#socket = socket;
    this.#limits = limits;
    this.#told = told;
  }

  /** Whether there is room for more (snapshots wait otherwise). */
  hasRoom(): boolean {
    return this.#socket.bufferedAmount < this.#limits.bytes;
  }

  /** Called after every frame queued on the socket. */
  sent(): void {
    if (this.#grace || this.hasRoom()) return;
    this.#told({ kind: 'over', bufferedBytes: this.#socket.bufferedAmount });
    this.#grace = setTimeout(() => this.#judge(), this.#limits.graceMs);
  }

  stop(): void {
    clearTimeout(this.#grace);
    this.#grace = undefined;
  }

  #judge(): void {
    this.#grace = undefined;
    const bufferedBytes = this.#socket.bufferedAmount;
    if (this.hasRoom()) return this.#told({ kind: 'caughtUp', bufferedBytes });
    this.#told({ kind: 'closed', bufferedBytes });
    this.#socket.terminate();
  }
}
