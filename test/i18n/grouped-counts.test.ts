// Counts are numbers for people: 2,000 downloads, not 2000, in the language's own grouping,
// in notifications, the tray and the window alike.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUES, createI18n, type Catalogue } from '../../i18n/index.ts';
import { noticeText, notAddedText, tooltipText } from '../../main/host/desktop/words.ts';

function messages(catalogue: Catalogue, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : messages(value, `${prefix}${key}.`)));
}

/**
 * Placeholders that are always a count or a limit. Not statuses, ports or process ids
 * (404, 8080 and PID 12345 are names, never grouped), nor sizes and durations, which come
 * worded already.
 */
const COUNTS = ['count', 'active', 'queued', 'max', 'min', 'attempt', 'attempts', 'times', 'limit', 'got', 'asked'];
/** The terminal's own lines are the CLI's to word (it prints counts its own way). */
const OTHER_SURFACES = /^cli\./;

describe('counts in the catalogues', () => {
  for (const [language, catalogue] of Object.entries(CATALOGUES)) {
    it(`are formatted as numbers wherever ${language} shows them outside the terminal`, () => {
      const bare = new RegExp(`\\{\\{(${COUNTS.join('|')})\\}\\}`);
      const stray = messages(catalogue)
        .filter(([key, text]) => !OTHER_SURFACES.test(key) && bare.test(text))
        .map(([key, text]) => `${key}: ${text}`);
      assert.deepEqual(stray, []);
    });
  }
});

describe('the desktop shell groups its counts', () => {
  const en = createI18n('en');
  const ja = createI18n('ja');

  it('in a notification about many downloads', () => {
    assert.equal(noticeText(en, { kind: 'finishedMany', count: 2000, dir: '/d' }).title, '2,000 downloads finished');
    assert.equal(noticeText(en, { kind: 'failedMany', count: 12_345, firstId: 'x' }).title, '12,345 downloads failed');
    assert.equal(noticeText(ja, { kind: 'finishedMany', count: 2000, dir: '/d' }).title, '2,000 件のダウンロードが完了しました');
    const rejected = Array.from({ length: 1500 }, () => ({ url: 'x', error: { code: 'ERR_INVALID_URL' as const, params: { link: 'x' } } }));
    assert.match(notAddedText(en, rejected).title, /^1,500 links/);
  });

  it('in the tray tooltip', () => {
    assert.equal(tooltipText(en, { kind: 'busy', speed: 0, active: 1200, queued: 48_000, percent: null }), '↓ 0 B/s · 1,200 active · 48,000 queued');
    assert.match(tooltipText(ja, { kind: 'busy', speed: 0, active: 1200, queued: 0, percent: null }), /1,200 件ダウンロード中/);
  });

  it('in the window', () => {
    assert.equal(en.t('ui.summary.counts', { active: 1200, queued: 8800 }), '1,200 active · 8,800 queued');
    assert.equal(en.t('ui.status.queuedAt', { count: 1001, ordinal: true }), 'Queued — 1,001st');
    assert.equal(en.t('ui.selection.hint', { count: 10_000 }).split(' ')[0], '10,000');
  });
});
