// The cap on restarts from byte 0 in one run: the server's answers count, a failed attempt on
// a server that cannot continue does not (the retry limit counts that one).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DownloadError } from '../../main/engine/errors.ts';
import { MAX_RESTARTS, RestartCap } from '../../main/engine/restart-cap.ts';

describe('the restart cap', () => {
  it('lets MAX_RESTARTS restarts through, then fails with the last reason and its facts', () => {
    const cap = new RestartCap();
    for (let i = 0; i < MAX_RESTARTS; i++) cap.count({ code: 'serverFileChanged' });
    assert.throws(
      () => cap.count({ code: 'wrongRangeStart', params: { got: 10, asked: 2000 } }),
      (error: unknown) =>
        error instanceof DownloadError &&
        error.code === 'ERR_SERVER_CHANGED' &&
        error.action === 'retryLater' &&
        JSON.stringify(error.params) === JSON.stringify({ got: 10, asked: 2000, reason: 'wrongRangeStart', times: MAX_RESTARTS }),
    );
  });

  it('does not count a restart after a failed attempt on a server that cannot continue', () => {
    const cap = new RestartCap();
    for (let i = 0; i < 3 * MAX_RESTARTS; i++) cap.count({ code: 'cannotContinue', params: { error: 'ERR_NETWORK' } });
    for (let i = 0; i < MAX_RESTARTS; i++) cap.count({ code: 'rangeIgnored' });
    assert.throws(() => cap.count({ code: 'rangeIgnored' }), DownloadError);
  });
});
