// The window's words for a saved record set aside at the start, and its memory of the ones
// the person dismissed.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createI18n } from '../../i18n/index.ts';
import { dismissalKey, dismissedKeys, rememberDismissed, setAsideText, type KeyStore } from '../../renderer/src/lib/set-aside.ts';

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
