// The named changes a checkpoint goes through: what each one keeps and what it forgets.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HISTORY_CAP, adoptProbe, finishFile, forgetFile, noteHistory, recordDurable, relink, restart, restoreState, trustFileSize } from '../../main/engine/checkpoint-transitions.ts';
import type { Checkpoint } from '../../main/engine/item.ts';
import { newCheckpoint } from '../../main/engine/new-checkpoint.ts';

function downloading(): Checkpoint {
  const cp = newCheckpoint('https://example.com/a.iso', '/tmp', {}, 1, 0);
  adoptProbe(cp, { finalUrl: 'https://cdn.example.com/a.iso', total: 1000, validators: { etag: '"v1"' }, acceptsRanges: true });
  recordDurable(cp, [[0, 400], [600, 800]]);
  return cp;
}

describe('checkpoint transitions', () => {
  it('the probe starts the file afresh and keeps what the server said', () => {
    const cp = downloading();
    adoptProbe(cp, { finalUrl: cp.url, total: 2000, validators: { lastModified: 'Tue, 01 Dec 2026 08:00:00 GMT' }, acceptsRanges: false });
    assert.deepEqual(cp.done, []);
    assert.equal(cp.total, 2000);
    assert.equal(cp.finalUrl, 'https://cdn.example.com/a.iso', 'a final URL equal to the URL is not kept over the known one');
    assert.equal(cp.acceptsRanges, false);
  });

  it('a resume trusts only the bytes the part file holds', () => {
    const cp = downloading();
    trustFileSize(cp, 700);
    assert.deepEqual(cp.done, [[0, 400], [600, 700]]);
    trustFileSize(cp, 0);
    assert.deepEqual(cp.done, []);
  });

  it('a restart drops the bytes, and the validators only when the file changed', () => {
    const cp = downloading();
    restart(cp, { fileChanged: false });
    assert.deepEqual(cp.done, []);
    assert.deepEqual(cp.validators, { etag: '"v1"' });
    restart(cp, { fileChanged: true });
    assert.equal(cp.validators, undefined);
  });

  it('finishing records every byte under the final name', () => {
    const cp = downloading();
    finishFile(cp, { total: 1000, fileName: 'a (1).iso' });
    assert.deepEqual(cp.done, [[0, 1000]]);
    assert.equal(cp.fileName, 'a (1).iso');
    finishFile(cp, { total: 0, fileName: 'empty' });
    assert.deepEqual(cp.done, [], 'an empty file has no range');
  });

  it('the history keeps the latest entries, one cap for every note', () => {
    const cp = downloading();
    for (let i = 0; i < HISTORY_CAP + 7; i++) noteHistory(cp, 'rangeIgnored', { n: i }, i);
    relink(cp, 'https://example.com/b.iso');
    assert.equal(cp.history.length, HISTORY_CAP);
    assert.equal(cp.history.at(-1)?.code, 'linkChanged', 'a new link is noted through the same cap');
    assert.deepEqual(cp.history[0]?.params, { n: 8 });
    assert.equal(cp.finalUrl, undefined, 'a new link forgets where the old one redirected');
  });

  it('a canceled file is forgotten; a restored run is queued again, or paused', () => {
    const cp = downloading();
    forgetFile(cp);
    assert.deepEqual([cp.done, cp.fileName, cp.total, cp.validators, cp.acceptsRanges], [[], undefined, undefined, undefined, undefined]);
    const running = { ...downloading(), state: 'downloading' as const };
    restoreState(running, false);
    assert.equal(running.state, 'paused');
    const failed = { ...downloading(), state: 'failed' as const };
    restoreState(failed, true);
    assert.equal(failed.state, 'failed', 'a failed item waits for the user');
  });
});
