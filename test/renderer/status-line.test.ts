import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitForEllipsis } from '../../renderer/src/lib/format.ts';
import { failureLine, percentOf, progressWords, statusLine, statusTooltip } from '../../renderer/src/lib/status-line.ts';
import { snapshot } from './item-fixture.ts';
import { createI18n, durationParts, formatBytes } from '../../i18n/index.ts';
import { historyWords } from '../support/words.ts';

const en = createI18n('en');

const MB = 1_000_000;

describe('the status line of a row', () => {
  it('shows size, speed and time left while downloading', () => {
    const item = snapshot({ id: 'a', state: 'downloading', bytes: 45.2 * MB, total: 1200 * MB, speed: 8.4 * MB, eta: 130 });
    assert.equal(statusLine(item, null, 0, en), '45.2 MB of 1.2 GB · 8.4 MB/s · 2 min left');
  });

  it('hides the time left while it is unknown, and says so when no data flows', () => {
    assert.equal(statusLine(snapshot({ id: 'a', state: 'downloading', bytes: 3 * MB, total: null, speed: 2 * MB }), null, 0, en), '3 MB · 2 MB/s');
    assert.equal(statusLine(snapshot({ id: 'a', state: 'downloading', bytes: 3 * MB, total: 10 * MB, speed: 0 }), null, 0, en), '3 MB of 10 MB · waiting for data…');
    assert.equal(statusLine(snapshot({ id: 'a', state: 'downloading', total: 10 * MB }), null, 0, en), 'Starting · 10 MB');
  });

  it('says which host a download waits for, and its limit', () => {
    const waitingForSlot = { host: 'example.com', perHost: 16 };
    assert.equal(statusLine(snapshot({ id: 'a', state: 'downloading', waitingForSlot }), null, 0, en), 'Waiting for a connection to example.com — 16 at a time');
    assert.equal(statusLine(snapshot({ id: 'a', state: 'downloading', bytes: 3 * MB, total: 10 * MB, waitingForSlot }), null, 0, en), '3 MB of 10 MB · Waiting for a connection to example.com — 16 at a time');
  });

  it('warns first, while its progress cannot be saved, and not once it is saved again', () => {
    const running = { id: 'a', state: 'downloading', bytes: 3 * MB, total: 10 * MB, speed: 2 * MB } as const;
    const notSaved = { code: 'ERR_DISK_FULL', params: { path: '/home/ana/.config/tsuzuki' }, action: 'freeSpace' } as const;
    assert.equal(statusLine(snapshot({ ...running, notSaved }), null, 0, en), '⚠ Progress not saved: The disk is full while writing /home/ana/.config/tsuzuki · 3 MB of 10 MB · 2 MB/s');
    assert.equal(statusLine(snapshot(running), null, 0, en), '3 MB of 10 MB · 2 MB/s');
  });

  it('says the queue position, paused, done and canceled in words', () => {
    assert.equal(statusLine(snapshot({ id: 'a', state: 'queued' }), 3, 0, en), 'Queued — 3rd');
    assert.equal(statusLine(snapshot({ id: 'a', state: 'paused' }), null, 0, en), 'Paused');
    assert.equal(statusLine(snapshot({ id: 'a', state: 'paused', bytes: 5 * MB, total: 10 * MB }), null, 0, en), 'Paused · 5 MB of 10 MB');
    assert.equal(statusLine(snapshot({ id: 'a', state: 'done', bytes: 1200 * MB, total: 1200 * MB }), null, 0, en), 'Done · 1.2 GB');
    assert.match(statusLine(snapshot({ id: 'a', state: 'canceled' }), null, 0, en), /^Canceled/);
  });

  it('counts down a retry wait', () => {
    const item = snapshot({ id: 'a', state: 'retrying', retry: { attempt: 2, maxAttempts: 5, at: 10_000 } });
    assert.equal(statusLine(item, null, 2_000, en), 'Waiting to retry in 8 sec (attempt 2 of 5)');
    assert.equal(statusLine(item, null, 10_500, en), 'Waiting to retry now (attempt 2 of 5)');
  });

  it("uses the engine's words for a failure, naming the bytes a new link would keep", () => {
    const notFound = snapshot({ id: 'a', state: 'failed', error: { code: 'ERR_NOT_FOUND', params: { status: 404 }, action: 'checkLink' } });
    assert.equal(statusLine(notFound, null, 0, en), 'The server has no file at this link (404). Check the link and try again.');
    const expired = { bytes: 310 * MB, error: { code: 'ERR_LINK_EXPIRED' as const, params: { status: 403 } } };
    assert.equal(failureLine(expired, en), 'The link expired (403) — Change link… keeps the 310 MB already downloaded');
    assert.match(failureLine({ bytes: 0, error: null }, en), /Retry/);
  });
});

describe('the status tooltip', () => {
  it('is the whole line, then the latest history entries', () => {
    assert.equal(statusTooltip('Paused', [], en), 'Paused');
    const codes = ['linkChanged', 'noValidator', 'serverFileChanged', 'rangeIgnored'] as const;
    const history = codes.map((code, n) => ({ at: n * 1000, code }));
    const lines = statusTooltip('Paused', history, en).split('\n');
    assert.equal(lines[0], 'Paused');
    assert.equal(lines[1], '');
    assert.deepEqual(lines.slice(2).map((line) => line.slice(line.indexOf(' — ') + 3)), history.slice(1).map(historyWords));
  });
});

describe('progress for people and screen readers', () => {
  it('is a whole percent that reaches 100 only when the file is done', () => {
    assert.equal(percentOf({ state: 'downloading', bytes: 999, total: 1000 }), 99);
    assert.equal(percentOf({ state: 'downloading', bytes: 1000, total: 1000 }), 99);
    assert.equal(percentOf({ state: 'done', bytes: 1000, total: 1000 }), 100);
    assert.equal(percentOf({ state: 'downloading', bytes: 10, total: null }), null);
  });

  it('reads as words', () => {
    assert.equal(progressWords(snapshot({ id: 'a', state: 'downloading', bytes: 45 * MB, total: 100 * MB }), en), '45 percent, 45 MB of 100 MB');
    assert.equal(progressWords(snapshot({ id: 'a', state: 'paused', bytes: 45 * MB, total: 100 * MB }), en), '45 percent, 45 MB of 100 MB, paused');
    assert.equal(progressWords(snapshot({ id: 'a', state: 'done', bytes: 100 * MB, total: 100 * MB }), en), 'Complete, 100 MB');
    assert.equal(progressWords(snapshot({ id: 'a', state: 'downloading', bytes: 2 * MB }), en), '2 MB so far, size unknown');
  });
});

describe('formatting', () => {
  it('rounds durations to steps that do not flicker', () => {
    assert.deepEqual(
      [3, 12, 44, 59, 61, 130, 3599, 3600, 5400, 7200, 200_000].map(durationParts),
      [{ seconds: 3 }, { seconds: 10 }, { seconds: 45 }, { minutes: 1 }, { minutes: 1 }, { minutes: 2 }, { hours: 1 }, { hours: 1 }, { hours: 1, minutes: 30 }, { hours: 2 }, { days: 2 }],
    );
  });

  it('writes sizes, ordinals and long names', () => {
    assert.equal(formatBytes(1_234_567, 'en'), '1.2 MB');
    assert.equal(formatBytes(-5, 'en'), '0 B');
    const queued = (n: number) => statusLine(snapshot({ id: 'a', state: 'queued' }), n, 0, en).replace('Queued — ', '');
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(queued), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
    assert.deepEqual(splitForEllipsis('short.iso'), ['short.iso', '']);
    const [head, tail] = splitForEllipsis('a-very-long-file-name-that-goes-on-final-v2.tar.xz');
    assert.equal(tail, 'nal-v2.tar.xz'.slice(-12));
    assert.equal(head + tail, 'a-very-long-file-name-that-goes-on-final-v2.tar.xz');
  });
});
