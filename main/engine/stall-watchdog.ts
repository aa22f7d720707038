// got's socket timeout cannot tell a dead link from a throttled one, so the engine keeps its
// own clock: if no byte (or header) arrives for the stall timeout, the attempt is abandoned
// and retried from where it stopped.
//
// Silence is only the server's fault when our side was ready to read. Two ways it was not:
// - our side held the bytes back: a speed limit (`hold`), or a disk behind on writes
//   (`ourSideHolding`), when the socket waits for us and nothing can arrive;
// - the process itself was held up (a busy machine, a long collection): when it runs again,
//   Node's timers come before the I/O that waited, so the clock would expire with bytes
//   unread in the socket. An expired clock therefore lets waiting I/O in first.

export class StallWatchdog {
  #timer: NodeJS.Timeout | undefined;
  #timeoutMs: number;
  #onStall: () => void;
  #ourSideHolding: () => boolean;
  #stopped = false;
  /** Counts feeds and holds, so that a check after the clock expired can tell whether anything came. */
  #feeds = 0;

  constructor(timeoutMs: number, onStall: () => void, ourSideHolding: () => boolean = () => false) {
    this.#timeoutMs = timeoutMs;
    this.#onStall = onStall;
    this.#ourSideHolding = ourSideHolding;
    this.feed();
  }

  /** Something arrived: the clock starts again. */
  feed(): void {
    if (this.#stopped) return;
    this.#feeds += 1;
    if (this.#timer) this.#timer.refresh();
    else this.#timer = setTimeout(this.#expired, this.#timeoutMs);
  }

  /** Our side is holding data back (a speed limit): the network is not stalling. */
  hold(): void {
    this.#feeds += 1;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  #expired = (): void => {
    this.#timer = undefined;
    if (this.#stopped) return;
    if (this.#ourSideHolding()) return this.feed();
    const feeds = this.#feeds;
    // setImmediate runs after the event loop's poll for I/O: bytes that were waiting feed first.
    setImmediate(() => {
      if (!this.#stopped && this.#feeds === feeds && this.#timer === undefined) this.#onStall();
    });
  };
}
