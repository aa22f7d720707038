// One bad entry inside queue.json or history.json (an edit gone wrong, a name that would
// leave its folder, something that is no download at all) must cost only that entry: the
// good ones are kept, one line (en and ja) says how many entries were left out, and the
// document as it was is copied aside first, so nothing the user had is lost. Told once: the
// document is written back without them.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DownloadManager } from '../../main/engine/download-manager.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { tempWorkspace, testBytes } from '../support/files.ts';
import { runCli } from './run-cli.ts';

describe('state documents with some bad entries', () => {
  let server: FaultServer;
  before(async () => {
    server = await startFaultServer();
    for (const name of ['a', 'b', 'c']) server.serve(`/${name}.bin`, { body: testBytes(20_000, name.charCodeAt(0)) });
  });
  after(() => server.close());

  for (const [language, env, expected] of [
    ['en', {}, /2 entries of the saved record .*history\.json could not be read, so they were left out; the others are kept\. The record as it was is copied to .*history\.json\.unreadable-/],
    ['ja', { LANG: 'ja_JP.UTF-8' }, /history\.json の 2 件の項目を読み込めないため.*除外しました.*history\.json\.unreadable-/],
  ] as const) {
    it(`history.json (${language}): the good entries stay, the count is said, the original is copied aside`, async () => {
      const ws = tempWorkspace();
      try {
        const args = (name: string) => ['get', server.url(`/${name}.bin`), '--dir', ws.downloads, '--state', ws.state, '-q'];
        const first = await runCli(['get', server.url('/a.bin'), server.url('/b.bin'), '--dir', ws.downloads, '--state', ws.state, '-q']);
        assert.equal(first.code, 0, first.stderr);
        const file = path.join(ws.state, 'history.json');
        const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { items: unknown[] };
        assert.equal(doc.items.length, 2);
        // A name that would leave its folder, and something that is no download at all.
        doc.items.push({ ...(doc.items[0] as object), id: 'evil', fileName: '../../outside' }, 42);
        fs.writeFileSync(file, JSON.stringify(doc));
        const original = fs.readFileSync(file);

        const run = await runCli(args('a'), env);
        assert.equal(run.code, 0, run.stderr);
        const lines = run.stderr.trim().split('\n');
        assert.equal(lines.length, 1, run.stderr);
        assert.match(lines[0]!, expected);
        if (language === 'ja') assert.doesNotMatch(lines[0]!, /could not be read|left out/);
        const aside = fs.readdirSync(ws.state).filter((name) => name.startsWith('history.json.unreadable-'));
        assert.equal(aside.length, 1);
        assert.deepEqual(fs.readFileSync(path.join(ws.state, aside[0]!)), original, 'the copy is the document as it was');
        // Both good entries are still known: neither is fetched again.
        const before = server.requestsFor('/b.bin').length;
        const again = await runCli(args('b'), env);
        assert.equal(again.code, 0, again.stderr);
        assert.equal(again.stderr, '', 'told once');
        assert.equal(server.requestsFor('/b.bin').length, before, 'b was still known as finished');
      } finally {
        ws.cleanup();
      }
    });
  }

  it('queue.json: the good entries stay queued, the count is reported, the original is copied aside', async () => {
    const ws = tempWorkspace();
    try {
      const open = () => DownloadManager.open({ store: confStoreProvider(ws.state), defaults: { dir: ws.downloads }, overrides: { autoResume: false } });
      let manager = await open();
      const { added } = manager.add([server.url('/a.bin'), server.url('/c.bin')], { dir: ws.downloads });
      manager.pause(added);
      await manager.close();
      const file = path.join(ws.state, 'queue.json');
      const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { items: unknown[] };
      assert.equal(doc.items.length, 2);
      doc.items.splice(1, 0, { id: 'no url here' });
      fs.writeFileSync(file, JSON.stringify(doc));
      const original = fs.readFileSync(file);

      manager = await open();
      assert.deepEqual(manager.list().map((item) => item.id).sort(), [...added].sort());
      assert.equal(manager.unreadableDocuments.length, 1);
      const report = manager.unreadableDocuments[0]!;
      assert.equal(report.path, file);
      assert.equal(report.entries, 1);
      assert.deepEqual(fs.readFileSync(report.movedTo!), original);
      await manager.close();

      manager = await open();
      assert.equal(manager.unreadableDocuments.length, 0, 'told once');
      assert.equal(manager.list().length, 2);
      await manager.close();
    } finally {
      ws.cleanup();
    }
  });
});
