// The store's tiers on their own, against real documents on disk: which tier an item lives
// in, that every move between tiers leaves it in one (a crash at any write finds it once),
// and that the claim journal gives a part file back to its item after a crash.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CheckpointStore } from '../../main/engine/checkpoint-store.ts';
import { claimName, finishFile, recordDurable, setState } from '../../main/engine/checkpoint-transitions.ts';
import { SHARD_ITEMS } from '../../main/engine/history-documents.ts';
import type { Checkpoint } from '../../main/engine/item.ts';
import { newCheckpoint } from '../../main/engine/new-checkpoint.ts';
import type { StoreProvider } from '../../main/engine/store.ts';
import { tierOf } from '../../main/engine/store-tiers.ts';
import { watchedStore } from '../support/watched-store.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import { tempWorkspace } from '../support/files.ts';

function item(dir: string, order = 1): Checkpoint {
  return newCheckpoint(`https://example.com/file-${order}.bin`, dir, {}, order, Date.now());
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function idsIn(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  return ((readJson(file) as { items?: Checkpoint[] }).items ?? []).map((cp) => cp.id);
}

/** A provider whose process "dies" at its nth write: that write and every later one never happen. */
function crashingProvider(dir: string, crashAt: number): { provider: StoreProvider; writes: () => number } {
  let writes = 0;
  const provider = watchedStore(confStoreProvider(dir), () => {
    writes += 1;
    if (writes >= crashAt) throw new Error('crashed');
  });
  return { provider, writes: () => writes };
}

describe('store tiers', () => {
  it('a pure rule: nothing on disk → queue, a part file → own document, finished → history', () => {
    const base = { state: 'queued' as const, fileName: undefined, done: [] };
    assert.equal(tierOf(base), 'queue');
    assert.equal(tierOf({ ...base, state: 'paused' }), 'queue');
    assert.equal(tierOf({ ...base, state: 'downloading', fileName: 'a.bin' }), 'own');
    assert.equal(tierOf({ ...base, state: 'failed', done: [[0, 10]] }), 'own');
    assert.equal(tierOf({ ...base, state: 'done', fileName: 'a.bin' }), 'history');
    // An item keeps its own document once it has one (a cancel forgets its file).
    assert.equal(tierOf({ ...base, state: 'canceled' }, 'own'), 'own');
    assert.equal(tierOf({ ...base, state: 'done' }, 'own'), 'history');
  });

  it('each item is written to its tier, and leaves the one before', () => {
    const ws = tempWorkspace();
    const store = new CheckpointStore(confStoreProvider(ws.state));
    store.loadItems();
    const cp = item(ws.downloads);
    const own = path.join(ws.state, 'items', `${cp.id}.json`);
    const queue = path.join(ws.state, 'queue.json');
    const history = path.join(ws.state, 'history.json');

    store.save(cp);
    store.flush();
    assert.deepEqual(idsIn(queue), [cp.id]);
    assert.equal(fs.existsSync(own), false);

    claimName(cp, 'file-1.bin');
    setState(cp, 'downloading');
    store.claim(cp);
    const journal = path.join(ws.state, 'claims.jsonl');
    assert.match(fs.readFileSync(journal, 'utf8'), new RegExp(cp.id), 'the claim is journaled at once');
    store.flush();
    assert.equal(fs.existsSync(own), false, 'with no bytes recorded, a flush writes no document for it');
    assert.match(fs.readFileSync(journal, 'utf8'), new RegExp(cp.id), 'the journal keeps the claim it alone holds');

    recordDurable(cp, [[0, 100]]);
    store.save(cp, true);
    assert.deepEqual((readJson(own) as Checkpoint).done, [[0, 100]], 'an urgent save is on disk at once');
    assert.equal((readJson(own) as Checkpoint).fileName, 'file-1.bin');
    store.flush();
    assert.deepEqual(idsIn(queue), []);
    assert.equal(fs.readFileSync(journal, 'utf8'), '', 'emptied once the store caught up');

    setState(cp, 'done');
    store.save(cp);
    store.flush();
    assert.deepEqual(idsIn(history), [cp.id]);
    assert.equal(fs.existsSync(own), false, 'its own document goes once the history holds it');
    store.close();

    const again = new CheckpointStore(confStoreProvider(ws.state));
    assert.deepEqual(
      again.loadItems().map((loaded) => [loaded.id, loaded.state]),
      [[cp.id, 'done']],
    );
    again.close();
    ws.cleanup();
  });

  it('a crash at any write between tiers finds every item exactly once, in a state it really had', () => {
    // The life of one item, write by write: queued, claimed, progress, finished.
    // The store never throws (a failed write is retried later), so the "process" ends at
    // the first step after the crash, as a killed one would.
    const run = (provider: StoreProvider, dir: string, crashed: () => boolean = () => false): void => {
      const step = (action: () => void) => {
        action();
        if (crashed()) throw new Error('crashed');
      };
      const store = new CheckpointStore(provider);
      store.loadItems();
      const cp = { ...item(dir), id: 'the-item' };
      step(() => store.save(cp));
      step(() => store.flush());
      claimName(cp, 'file-1.bin');
      setState(cp, 'downloading');
      fs.writeFileSync(path.join(dir, 'file-1.bin.part'), '');
      step(() => store.claim(cp));
      step(() => store.flush());
      recordDurable(cp, [[0, 100]]);
      step(() => store.save(cp, true));
      setState(cp, 'done');
      step(() => store.save(cp));
      step(() => store.flush());
      step(() => store.close());
    };
    const complete = tempWorkspace();
    const counting = crashingProvider(complete.state, Number.POSITIVE_INFINITY);
    fs.mkdirSync(complete.downloads, { recursive: true });
    run(counting.provider, complete.downloads);
    const totalWrites = counting.writes();
    complete.cleanup();
    assert.ok(totalWrites >= 4, `${totalWrites} writes`);

    // A kill -9 keeps the claim journal; a power cut may lose its last lines, and then the
    // order of the writes alone must keep the item.
    const cases = (['kept', 'lost'] as const).flatMap((journal) => Array.from({ length: totalWrites }, (_, i) => ({ journal, crashAt: i + 1 })));
    for (const { journal, crashAt } of cases) {
      const ws = tempWorkspace();
      fs.mkdirSync(ws.downloads, { recursive: true });
      const crashing = crashingProvider(ws.state, crashAt);
      assert.throws(() => run(crashing.provider, ws.downloads, () => crashing.writes() >= crashAt), /crashed/);
      if (journal === 'lost') fs.truncateSync(path.join(ws.state, 'claims.jsonl'), 0);
      const store = new CheckpointStore(confStoreProvider(ws.state));
      const loaded = store.loadItems();
      const found = loaded.filter((cp) => cp.id === 'the-item');
      // Before the first write nothing was promised; after it, the item is never lost.
      if (crashAt > 1) assert.equal(found.length, 1, `crash at write ${crashAt}, journal ${journal}: found ${found.length}`);
      assert.equal(loaded.length, found.length, `crash at write ${crashAt}, journal ${journal}: no other item appears`);
      const cp = found[0];
      if (cp && cp.state !== 'queued') assert.equal(cp.fileName, 'file-1.bin', `crash at write ${crashAt}, journal ${journal}: the claimed name is kept`);
      store.close();
      // And the next run leaves it in exactly one tier.
      const dirs = [idsIn(path.join(ws.state, 'queue.json')), idsIn(path.join(ws.state, 'history.json')), fs.readdirSync(path.join(ws.state, 'items'))];
      assert.ok(dirs.filter((ids) => ids.length > 0).length <= 1, `crash at write ${crashAt}, journal ${journal}: in one tier after the next run (${JSON.stringify(dirs)})`);
      ws.cleanup();
    }
  });

  it('a claim the journal keeps across flushes is still there after a kill, and the others are gone from it', () => {
    const ws = tempWorkspace();
    fs.mkdirSync(ws.downloads, { recursive: true });
    const store = new CheckpointStore(confStoreProvider(ws.state));
    store.loadItems();
    const [running, finishing] = [item(ws.downloads, 1), item(ws.downloads, 2)];
    for (const cp of [running, finishing]) {
      store.save(cp);
      claimName(cp, `file-${cp.order}.bin`);
      setState(cp, 'downloading');
      fs.writeFileSync(path.join(ws.downloads, `file-${cp.order}.bin.part`), '');
      store.claim(cp);
    }
    finishFile(finishing, { total: 0, fileName: 'file-2.bin' });
    setState(finishing, 'done');
    store.save(finishing);
    store.flush();
    store.flush();
    const lines = fs.readFileSync(path.join(ws.state, 'claims.jsonl'), 'utf8').trim().split('\n');
    assert.deepEqual(lines.map((line) => (JSON.parse(line) as Checkpoint).id), [running.id], 'only the claim no document holds');

    // Killed: no close. The next process finds the running item under its name.
    const next = new CheckpointStore(confStoreProvider(ws.state));
    const loaded = new Map(next.loadItems().map((cp) => [cp.id, cp]));
    assert.equal(loaded.get(running.id)?.fileName, 'file-1.bin');
    assert.equal(loaded.get(finishing.id)?.state, 'done');
    next.close();
    store.close();
    ws.cleanup();
  });

  it('an item left in two tiers by a crash is read once: the later tier wins', () => {
    const ws = tempWorkspace();
    const provider = confStoreProvider(ws.state);
    fs.mkdirSync(path.join(ws.state, 'items'), { recursive: true });
    const queued = item(ws.downloads, 1);
    const claimed = { ...queued, fileName: 'file-1.bin', state: 'downloading' as const, done: [[0, 10]] as [number, number][] };
    const finishing = { ...item(ws.downloads, 2), fileName: 'file-2.bin', state: 'downloading' as const, done: [[0, 10]] as [number, number][] };
    const finished = { ...finishing, state: 'done' as const, done: [[0, 20]] as [number, number][], total: 20 };
    // Own document written, queue not yet rewritten; history written, own document not yet deleted.
    provider.open(ws.state, 'queue').store = { items: [queued] };
    provider.open(path.join(ws.state, 'items'), queued.id).store = claimed as unknown as Record<string, unknown>;
    provider.open(path.join(ws.state, 'items'), finishing.id).store = finishing as unknown as Record<string, unknown>;
    provider.open(ws.state, 'history').store = { items: [finished] };

    const store = new CheckpointStore(provider);
    const loaded = new Map(store.loadItems().map((cp) => [cp.id, cp]));
    assert.equal(loaded.size, 2);
    assert.equal(loaded.get(queued.id)?.fileName, 'file-1.bin');
    assert.equal(loaded.get(finishing.id)?.state, 'done');
    store.save(loaded.get(queued.id)!);
    store.close();
    assert.deepEqual(idsIn(path.join(ws.state, 'queue.json')), [], 'the stale queue entry is gone');
    assert.equal(fs.existsSync(path.join(ws.state, 'items', `${finishing.id}.json`)), false, 'the finished item keeps only its history entry');
    ws.cleanup();
  });

  it('the claim journal gives a part file back to its item, and drops claims nothing backs', () => {
    const ws = tempWorkspace();
    fs.mkdirSync(ws.downloads, { recursive: true });
    const provider = confStoreProvider(ws.state);
    const known = item(ws.downloads, 1);
    const unknown = { ...item(ws.downloads, 2), fileName: 'lost.bin', state: 'downloading' as const };
    const gone = { ...item(ws.downloads, 3), fileName: 'gone.bin', state: 'downloading' as const };
    provider.open(ws.state, 'queue').store = { items: [known] };
    fs.writeFileSync(path.join(ws.downloads, 'lost.bin.part'), 'abc');
    const line = (cp: Checkpoint) => `${JSON.stringify({ ...cp, done: [], history: [] })}\n`;
    fs.writeFileSync(
      path.join(ws.state, 'claims.jsonl'),
      line({ ...known, fileName: 'file-1.bin', state: 'downloading' }) + line(unknown) + line(gone) + '{"id":"cut-sh',
    );

    const store = new CheckpointStore(provider);
    const loaded = new Map(store.loadItems().map((cp) => [cp.id, cp]));
    assert.equal(loaded.get(known.id)?.fileName, 'file-1.bin', 'a known item gets the name it claimed');
    assert.deepEqual(loaded.get(known.id)?.done, [], 'but no bytes: none were recorded');
    assert.equal(loaded.get(unknown.id)?.fileName, 'lost.bin', 'an item only the journal knew comes back, since its part file exists');
    assert.equal(loaded.has(gone.id), false, 'a claim whose part file is not there is dropped');
    assert.equal(loaded.size, 2, 'a line cut short by the crash is ignored');
    assert.equal(fs.readFileSync(path.join(ws.state, 'claims.jsonl'), 'utf8'), '', 'replayed once, then emptied');
    assert.equal((readJson(path.join(ws.state, 'items', `${known.id}.json`)) as Checkpoint).fileName, 'file-1.bin', 'written to its own document at once');
    store.close();
    ws.cleanup();
  });

  it('the history is kept in documents of a bounded size, and a flush rewrites only those that changed', () => {
    const ws = tempWorkspace();
    const written: string[] = [];
    const provider = watchedStore(confStoreProvider(ws.state), (name) => written.push(name));
    const finished = (order: number) => {
      const cp = item(ws.downloads, order);
      claimName(cp, `file-${order}.bin`);
      finishFile(cp, { total: 1, fileName: `file-${order}.bin` });
      setState(cp, 'done');
      return cp;
    };
    const store = new CheckpointStore(provider);
    store.loadItems();
    const count = 2 * SHARD_ITEMS + 10;
    const all = Array.from({ length: count }, (_, i) => finished(i + 1));
    for (const cp of all) store.save(cp);
    store.flush();
    assert.deepEqual(written.sort(), ['history', 'history-2', 'history-3']);
    assert.equal(idsIn(path.join(ws.state, 'history.json')).length, SHARD_ITEMS);

    written.length = 0;
    store.save(finished(count + 1));
    store.flush();
    assert.deepEqual(written, ['history-3'], 'a new finished item rewrites only the newest document');

    written.length = 0;
    store.remove(all[0]!.id);
    store.flush();
    assert.deepEqual(written, ['history'], 'a removed one rewrites only its own');
    store.close();

    const again = new CheckpointStore(confStoreProvider(ws.state));
    const ids = again.loadItems().map((cp) => cp.id);
    assert.equal(ids.length, count, 'every finished item comes back once');
    assert.equal(new Set(ids).size, count);
    assert.ok(!ids.includes(all[0]!.id));
    again.close();
    ws.cleanup();
  });
});
