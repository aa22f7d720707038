// How many times one run may start over from byte 0 because of what the server answered (its
// file changed, a range was ignored or did not fit). A server that changes under every
// request would otherwise loop forever, so the run fails after MAX_RESTARTS of them
// (docs/ARCHITECTURE.md#resume-rules). A restart after a failed attempt on a server that
// cannot continue (`cannotContinue`) is not counted here: that attempt was already counted
// against the retry limit and waited out its backoff, like any other failure.

import { DownloadError } from './errors.ts';
import type { RestartReason } from './response-check.ts';

export const MAX_RESTARTS = 5;

export class RestartCap {
  #restarts = 0;

  /** A restart is about to happen: throws the run's failure once there were too many. */
  count(reason: RestartReason): void {
    if (reason.code === 'cannotContinue') return;
    this.#restarts += 1;
    if (this.#restarts > MAX_RESTARTS) {
      throw new DownloadError('ERR_SERVER_CHANGED', { params: { ...reason.params, reason: reason.code, times: MAX_RESTARTS }, action: 'retryLater' });
    }
  }
}
