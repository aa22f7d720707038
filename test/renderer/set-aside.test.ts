// The window's words for a saved record set aside at the start, and its memory of the ones
// the person dismissed.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createI18n } from '../../i18n/index.ts';
import { dismissalKey, dismissedKeys, MAX_SEPARATE, rememberDismissed, setAsideNotices, setAsideText, type KeyStore } from '../../renderer/src/lib/set-aside.ts';

const en = createI18n('en');
const ja = createI18n('ja');

function memoryStore(initial: Record<string, string> = {}): KeyStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

describe('a set-aside record in words', () => {
  it('names the record, the reason and where it went', () => {
    const doc = { path: '/s/queue.json', reason: 'notTsuzuki', movedTo: '/s/queue.json.unreadable-20261202T010203Z' };
    assert.equal(
      setAsideText(doc, en),
      'The saved record /s/queue.json could not be read: it does not hold what Tsuzuki writes there. It was moved to /s/queue.json.unreadable-20261202T010203Z, and Tsuzuki went on without it; the other downloads are kept.',
    );
    assert.match(setAsideText(doc, ja), /^保存されている記録 \/s\/queue\.json を読み込めません: Tsuzuki が書き込む内容ではありません。\/s\/queue\.json\.unreadable-20261202T010203Z に移動し/);
  });

  it('words system codes that mean the same alike, and names any other', () => {
    assert.match(setAsideText({ path: '/s/a.json', reason: 'EPERM', movedTo: '/s/x' }, en), /: you may not read it \(EPERM\)\. /);
    assert.match(setAsideText({ path: '/s/a.json', reason: 'EIO', movedTo: '/s/x' }, en), /: the system said EIO\. /);
  });

  it('says how many entries of a record that was read were left out, and where the copy is', () => {
    const doc = { path: '/s/queue.json', reason: 'badEntries', entries: 1500, movedTo: '/s/queue.json.unreadable-20261202T010203Z' };
    assert.equal(setAsideText(doc, en), '1,500 entries of the saved record /s/queue.json could not be read, so they were left out; the others are kept. The record as it was is copied to /s/queue.json.unreadable-20261202T010203Z.');
    assert.match(setAsideText({ ...doc, entries: 1 }, en), /^1 entry of the saved record/);
    assert.match(setAsideText({ path: '/s/queue.json', reason: 'badEntries', entries: 2 }, en), /the others are kept, and the record stays as it was\.$/);
    assert.match(setAsideText(doc, ja), /^保存されている記録 \/s\/queue\.json の 1,500 件の項目を読み込めないため/);
  });

  it('says so when the record could not be moved and stays', () => {
    assert.match(setAsideText({ path: '/s/items/a.json', reason: 'EISDIR' }, en), /folder, not a file\. It could not be moved aside, so it stays where it is and is read again at the next start/);
    assert.equal(dismissalKey({ path: '/s/items/a.json', reason: 'EISDIR' }), null);
  });
});

describe('dismissed set-aside records', () => {
  it('are kept by where they went, the newest 50, and survive a store with garbage', () => {
    const store = memoryStore({ 'tsuzuki.setAsideDismissed': 'not json' });
    assert.deepEqual(dismissedKeys(store), []);
    for (let i = 0; i < 60; i++) rememberDismissed(store, `/s/h.json.unreadable-${i}`);
    rememberDismissed(store, '/s/h.json.unreadable-20');
    const kept = dismissedKeys(store);
    assert.equal(kept.length, 50);
    assert.equal(kept.at(-1), '/s/h.json.unreadable-20');
    assert.ok(!kept.includes('/s/h.json.unreadable-5'));
    assert.deepEqual(dismissedKeys(undefined), []);
  });
});

describe('the notices for what was set aside', () => {
  const doc = (n: number) => ({ path: `/s/items/${n}.json`, reason: 'notJson', movedTo: `/s/items/${n}.json.unreadable-20261202T010203Z` });

  it('are one each for a few, leaving out those dismissed', () => {
    const notices = setAsideNotices([doc(1), doc(2), doc(3)], new Set([doc(2).movedTo]));
    assert.deepEqual(notices.map((notice) => notice.key), [doc(1).movedTo, doc(3).movedTo]);
    assert.match(notices[0]!.words(en), /^The saved record \/s\/items\/1\.json could not be read/);
  });

  it('are one for many, naming how many and where, dismissed as one', () => {
    const many = Array.from({ length: 1200 }, (_, n) => doc(n));
    const [notice, ...others] = setAsideNotices(many, new Set());
    assert.deepEqual(others, []);
    assert.ok(many.length > MAX_SEPARATE);
    assert.match(notice!.words(en), /^1,200 saved records in \/s\/items could not be read\. They were moved aside/);
    assert.match(notice!.words(ja), /^\/s\/items にある保存されている記録 1,200 件を読み込めません。/);
    assert.deepEqual(setAsideNotices(many, new Set([notice!.key!])), []);
  });

  it('have no key for records left in place, which are said again at each start', () => {
    const stays = { path: 'C:\\state\\queue.json', reason: 'EACCES' };
    assert.deepEqual(setAsideNotices([stays], new Set()).map((notice) => notice.key), [null]);
    const [many] = setAsideNotices([stays, stays, stays, stays], new Set());
    assert.equal(many!.key, null);
    assert.match(many!.words(en), /^4 saved records in C:\\state could not be read/);
  });
});
