// The desktop shell's decisions, as plain functions of the items: the taskbar progress and
// its mode, the badge, the tray tooltip and menu, when the machine is kept awake, and which
// notifications a batch of finished and failed downloads produces.

import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { DesktopActivity } from '../../main/host/desktop/activity.ts';
import { MAX_SEPARATE_NOTICES, NoticeBatcher, noticeClick, noticesFor, type DesktopNotice } from '../../main/host/desktop/notices.ts';
import { AwakeHold, badgeCount, keepAwake, progressBar, trayMenu, trayTooltip } from '../../main/host/desktop/presence.ts';
import type { ItemSnapshot } from '../../main/contract.ts';
import { snapshot } from '../renderer/item-fixture.ts';

const tracker = (items: ItemSnapshot[]) => {
  const activity = new DesktopActivity();
  activity.seed(items);
  return activity;
};

describe('taskbar progress and badge', () => {
  it('is off when nothing is under way, even with finished, paused and old failed items', () => {
    const activity = tracker([snapshot({ id: 'a', state: 'done' }), snapshot({ id: 'b', state: 'paused' }), snapshot({ id: 'c', state: 'failed' })]);
    assert.deepEqual(progressBar(activity.summary()), { value: -1, mode: 'none' });
    assert.equal(badgeCount(activity.summary()), 0);
  });

  it('shows the overall fraction of active and queued downloads, and counts them on the badge', () => {
    const activity = tracker([
      snapshot({ id: 'a', state: 'downloading', bytes: 300, total: 1000, speed: 50 }),
      snapshot({ id: 'b', state: 'queued', bytes: 0, total: 1000 }),
      snapshot({ id: 'c', state: 'done', bytes: 5000, total: 5000 }),
    ]);
    assert.deepEqual(progressBar(activity.summary()), { value: 0.15, mode: 'normal' });
    assert.equal(badgeCount(activity.summary()), 2);
  });

  it('is indeterminate while a size is unknown', () => {
    const activity = tracker([snapshot({ id: 'a', state: 'downloading', bytes: 300, total: 1000 }), snapshot({ id: 'b', state: 'downloading', bytes: 10, total: null })]);
    assert.deepEqual(progressBar(activity.summary()), { value: 2, mode: 'indeterminate' });
  });

  it('links waiting in the queue, whose size nobody has asked for yet, do not hide the progress of the running ones', () => {
    const waiting = Array.from({ length: 5 }, (_, i) => snapshot({ id: `q${i}`, state: 'queued', bytes: 0, total: null }));
    const activity = tracker([snapshot({ id: 'a', state: 'downloading', bytes: 300, total: 1000, speed: 50 }), ...waiting]);
    assert.deepEqual(progressBar(activity.summary()), { value: 0.3, mode: 'normal' });
    assert.deepEqual(trayTooltip(activity.summary()), { kind: 'busy', speed: 50, active: 1, queued: 5, percent: 30 });
    // Before any has started, nothing is known: the bar only says something is under way.
    assert.deepEqual(progressBar(tracker(waiting).summary()), { value: 2, mode: 'indeterminate' });
  });

  it('shows the error mode after a download failed while others run, and clears it once idle', () => {
    const a = snapshot({ id: 'a', state: 'downloading', bytes: 500, total: 1000 });
    const b = snapshot({ id: 'b', state: 'downloading', bytes: 0, total: 1000 });
    const activity = tracker([a, b]);
    activity.apply({ changed: [{ ...b, state: 'failed' }], removed: [] });
    assert.deepEqual(progressBar(activity.summary()), { value: 0.5, mode: 'error' });
    activity.apply({ changed: [{ ...a, state: 'done', bytes: 1000 }], removed: [] });
    assert.deepEqual(progressBar(activity.summary()), { value: -1, mode: 'none' });
    // A new busy stretch does not inherit the old failure.
    activity.apply({ changed: [{ ...a, id: 'c', state: 'downloading', bytes: 100 }], removed: [] });
    assert.equal(progressBar(activity.summary()).mode, 'normal');
  });

  it('retrying counts as under way; a failure resumed by the user leaves the error mode', () => {
    const b = snapshot({ id: 'b', state: 'failed', total: 1000 });
    const activity = tracker([snapshot({ id: 'a', state: 'retrying', bytes: 100, total: 1000 })]);
    activity.apply({ changed: [b], removed: [] });
    assert.equal(progressBar(activity.summary()).mode, 'error');
    activity.apply({ changed: [{ ...b, state: 'queued' }], removed: [] });
    assert.equal(progressBar(activity.summary()).mode, 'normal');
  });
});

describe('tray', () => {
  it('says idle, or the speed, the active count and the percentage', () => {
    assert.deepEqual(trayTooltip(tracker([]).summary()), { kind: 'idle' });
    const busy = tracker([
      snapshot({ id: 'a', state: 'downloading', bytes: 450, total: 1000, speed: 12_400_000 }),
      snapshot({ id: 'b', state: 'downloading', bytes: 450, total: 1000, speed: 1 }),
      snapshot({ id: 'c', state: 'retrying', bytes: 450, total: 1000 }),
    ]);
    assert.deepEqual(trayTooltip(busy.summary()), { kind: 'busy', speed: 12_400_001, active: 3, queued: 0, percent: 45 });
    const unknown = tracker([snapshot({ id: 'a', state: 'downloading', bytes: 450, total: null })]);
    assert.equal((trayTooltip(unknown.summary()) as { percent: number | null }).percent, null);
  });

  it('offers Pause all while something runs or waits, Resume all while something is paused', () => {
    const menu = (items: ItemSnapshot[]) => Object.fromEntries(trayMenu(tracker(items).summary()).map((entry) => [entry.action, entry.enabled]));
    assert.deepEqual(menu([]), { show: true, pauseAll: false, resumeAll: false, quit: true });
    assert.deepEqual(menu([snapshot({ id: 'a', state: 'queued' })]), { show: true, pauseAll: true, resumeAll: false, quit: true });
    assert.deepEqual(menu([snapshot({ id: 'a', state: 'paused' })]), { show: true, pauseAll: false, resumeAll: true, quit: true });
    // Resume all resumes paused downloads; a failed one is retried from its own row.
    assert.deepEqual(menu([snapshot({ id: 'a', state: 'failed' })]), { show: true, pauseAll: false, resumeAll: false, quit: true });
  });
});

describe('keep awake', () => {
  it('is wanted while a download is under way and the setting is on', () => {
    const running = tracker([snapshot({ id: 'a', state: 'downloading' })]).summary();
    const queuedOnly = tracker([snapshot({ id: 'a', state: 'queued' }), snapshot({ id: 'b', state: 'paused' })]).summary();
    assert.equal(keepAwake(running, { keepAwake: true }), true);
    assert.equal(keepAwake(running, { keepAwake: false }), false);
    assert.equal(keepAwake(queuedOnly, { keepAwake: true }), false);
  });

  it('holds one blocker at most and releases it once', () => {
    const calls: string[] = [];
    let next = 10;
    const hold = new AwakeHold(
      () => (calls.push('start'), next++),
      (id) => void calls.push(`stop ${id}`),
    );
    for (const wanted of [false, true, true, true, false, false, true, false]) hold.update(wanted);
    assert.deepEqual(calls, ['start', 'stop 10', 'start', 'stop 11']);
    assert.equal(hold.held, false);
  });
});

describe('notifications per batch', () => {
  const done = (id: string, dir = '/downloads') => snapshot({ id, dir, state: 'done', path: `${dir}/${id}.bin` });

  it('reports only items that crossed into done or failed, not those already there at startup', () => {
    const activity = tracker([done('old')]);
    const a = snapshot({ id: 'a', state: 'downloading' });
    assert.deepEqual(activity.apply({ changed: [a, done('old')], removed: [] }), { finished: [], failed: [] });
    const outcome = activity.apply({ changed: [done('a'), snapshot({ id: 'b', state: 'failed' })], removed: [] });
    assert.deepEqual(outcome.finished.map((item) => item.id), ['a']);
    assert.deepEqual(outcome.failed.map((item) => item.id), ['b']);
    assert.deepEqual(activity.apply({ changed: [done('a')], removed: [] }), { finished: [], failed: [] }, 'a repeat is not news');
  });

  it('one notice each for a few, one summary for many; clicks show the file, the folder or the row', () => {
    const few = noticesFor({ finished: [done('a')], failed: [snapshot({ id: 'f', state: 'failed', error: { code: 'ERR_NOT_FOUND', params: { status: 404 } } })] });
    assert.deepEqual(few.map((notice) => notice.kind), ['finished', 'failed']);
    assert.deepEqual(noticeClick(few[0]!), { kind: 'showInFolder', path: '/downloads/a.bin' });
    assert.deepEqual(noticeClick(few[1]!), { kind: 'showRow', id: 'f' });

    const many = Array.from({ length: 12 }, (_, i) => done(`n${i}`));
    const summary = noticesFor({ finished: many, failed: [] });
    assert.deepEqual(summary, [{ kind: 'finishedMany', count: 12, dir: '/downloads' }]);
    assert.deepEqual(noticeClick(summary[0]!), { kind: 'openFolder', dir: '/downloads' });
    const spread = noticesFor({ finished: [...many.slice(0, MAX_SEPARATE_NOTICES), done('x', '/elsewhere')], failed: [] });
    assert.deepEqual(noticeClick(spread[0]!), { kind: 'showRow', id: null });
  });

  it('gathers what ends within the window into one batch', async () => {
    const emitted: DesktopNotice[][] = [];
    const { promise, resolve } = Promise.withResolvers<void>();
    const batcher = new NoticeBatcher((notices) => (emitted.push(notices), resolve()), 50);
    for (let i = 0; i < 5; i++) batcher.push({ finished: [done(`b${i}`)], failed: [] });
    batcher.push({ finished: [], failed: [] });
    await promise;
    assert.deepEqual(emitted, [[{ kind: 'finishedMany', count: 5, dir: '/downloads' }]]);
    batcher.stop();
  });
});

describe('notifications over a long stretch', () => {
  it('2,000 small files ending one after another make a couple of summaries, not one a second', (t) => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    t.after(() => mock.timers.reset());
    const emitted: DesktopNotice[] = [];
    const batcher = new NoticeBatcher((notices) => emitted.push(...notices));
    // One every 50 ms: 100 s of downloads ending, never a quiet second in between.
    for (let i = 0; i < 2000; i++) {
      batcher.push({ finished: [snapshot({ id: `s${i}`, dir: '/downloads', state: 'done', path: `/downloads/s${i}.bin` })], failed: [] });
      mock.timers.tick(50);
    }
    mock.timers.tick(60_000);
    // One a minute at most while they keep ending (so the person hears of them), then the rest.
    assert.equal(emitted.length, 2, `${emitted.length} notifications`);
    assert.ok(emitted.every((notice) => notice.kind === 'finishedMany'));
    assert.equal(emitted.reduce((sum, notice) => sum + (notice.kind === 'finishedMany' ? notice.count : 0), 0), 2000, 'every file is counted once');
    batcher.stop();
  });

  it('one download ending alone is told about within a second or so', (t) => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    t.after(() => mock.timers.reset());
    const emitted: DesktopNotice[] = [];
    const batcher = new NoticeBatcher((notices) => emitted.push(...notices));
    batcher.push({ finished: [snapshot({ id: 'one', dir: '/downloads', state: 'done', path: '/downloads/one.bin' })], failed: [] });
    mock.timers.tick(999);
    assert.equal(emitted.length, 0);
    mock.timers.tick(1);
    assert.deepEqual(emitted.map((notice) => notice.kind), ['finished']);
    batcher.stop();
  });
});

describe('the shell puts it into words (English catalogue)', async () => {
  const { createI18n } = await import('../../i18n/index.ts');
  const { noticeText, tooltipText, trayLabel } = await import('../../main/host/desktop/words.ts');
  const en = createI18n('en');

  it('the tray tooltip: speed in SI units, counts and the percentage', () => {
    assert.equal(tooltipText(en, { kind: 'busy', speed: 12_400_000, active: 3, queued: 0, percent: 45 }), '↓ 12.4 MB/s · 3 active · 45%');
    assert.equal(tooltipText(en, { kind: 'busy', speed: 0, active: 1, queued: 2, percent: null }), '↓ 0 B/s · 1 active · 2 queued');
    assert.equal(tooltipText(en, { kind: 'idle' }), 'Tsuzuki · no downloads running');
    assert.equal(trayLabel(en, 'pauseAll'), 'Pause all');
  });

  it('notifications: a name, a count, the reason of a failure', () => {
    assert.deepEqual(noticeText(en, { kind: 'finishedMany', count: 12, dir: '/d' }), { title: '12 downloads finished', body: 'In /d' });
    const failed = noticeText(en, { kind: 'failed', id: 'x', name: 'a.iso', error: { code: 'ERR_NOT_FOUND', params: { status: 404 } } });
    assert.deepEqual(failed, { title: 'Download failed', body: 'a.iso: The server has no file at this link (404).' });
  });

  it('and in Japanese', () => {
    const ja = createI18n('ja');
    assert.match(tooltipText(ja, { kind: 'busy', speed: 12_400_000, active: 3, queued: 0, percent: 45 }), /^↓ 12\.4 MB\/s · 3 件実行中 · 45\s?%$/);
    assert.equal(noticeText(ja, { kind: 'finishedMany', count: 12, dir: '/d' }).title, '12 件のダウンロードが完了しました');
    assert.equal(trayLabel(ja, 'quit'), 'Tsuzuki を終了');
  });
});
