// A state folder with a document that cannot be read: cut short by a crash or an editor,
// garbage, JSON of another shape, a folder in its place. `tsuzuki get` and `tsuzuki serve`
// start anyway, say in one line which document they moved aside and where, keep it (its
// bytes as they were), and lose none of the other items: an interrupted download recorded
// elsewhere still continues with a range. A state folder that cannot be used at all (a
// file) gets its reason in words, and leaves no lock behind.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serveCommand } from '../../main/cli/serve.ts';
import { DownloadManager } from '../../main/engine/download-manager.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { runCli, startCli } from './run-cli.ts';

const body = testBytes(1_000_000, 71);
const small = testBytes(50_000, 72);

function assertNoTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /\n\s+at |Unhandled|node:internal|SyntaxError|Something unexpected/);
}

describe('tsuzuki get and serve with an unreadable state document', () => {
  let server: FaultServer;
  before(async () => {
    server = await startFaultServer();
    server.serve('/finished.bin', { body: small });
    server.serve('/other.bin', { body: small });
  });
  after(() => server.close());

  /**
   * A state folder as a user has it: one finished download (history.json), one interrupted
   * (its own document under items/), the settings (the CLI writes none; the window does).
   * Returns the interrupted one's arguments.
   */
  async function lived(ws: ReturnType<typeof tempWorkspace>, route: string): Promise<string[]> {
    server.serve(route, { body, faults: { throttleBytesPerSec: 1_000_000 } });
    const finished = await runCli(['get', server.url('/finished.bin'), '--dir', ws.downloads, '--state', ws.state, '-q']);
    assert.equal(finished.code, 0, finished.stderr);
    const args = ['get', server.url(route), '--dir', ws.downloads, '--state', ws.state, '-q'];
    const run = startCli(args);
    await server.waitForBodyBytes(route, 300_000);
    run.child.kill('SIGINT');
    assert.equal((await run.result).code, 130);
    fs.writeFileSync(path.join(ws.state, 'settings.json'), '{\n\t"maxConcurrent": 3\n}\n');
    assert.ok(fs.existsSync(path.join(ws.state, 'history.json')));
    assert.equal(fs.readdirSync(path.join(ws.state, 'items')).length, 1);
    return args;
  }

  for (const [what, target, damage] of [
    ['history.json cut short', 'history.json', (file: string) => fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 40))],
    ['settings.json of garbage', 'settings.json', (file: string) => fs.writeFileSync(file, Buffer.from([0, 1, 2, 0xff]))],
    ['queue.json of another shape', 'queue.json', (file: string) => fs.writeFileSync(file, '{"items": 5}')],
    ['history.json a folder', 'history.json', (file: string) => (fs.rmSync(file), fs.mkdirSync(file))],
  ] as const) {
    it(`${what}: moved aside with one clear line, and the interrupted download still continues`, async () => {
      const ws = tempWorkspace();
      try {
        const route = `/lived-${target.replace('.', '-')}-${what.length}.bin`;
        const args = await lived(ws, route);
        const file = path.join(ws.state, target);
        damage(file);
        const damaged = fs.statSync(file).isFile() ? fs.readFileSync(file) : undefined;
        const before = server.requestsFor(route).length;
        const run = await runCli(args);
        assert.equal(run.code, 0, run.stderr);
        assertNoTrace(run.stderr);
        const lines = run.stderr.trim().split('\n');
        assert.equal(lines.length, 1, run.stderr);
        assert.match(lines[0]!, new RegExp(`saved record ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be read: .* It was moved to .*unreadable-.*, and Tsuzuki went on without it`));
        const aside = fs.readdirSync(ws.state).filter((name) => name.startsWith(`${target}.unreadable-`));
        assert.equal(aside.length, 1, fs.readdirSync(ws.state).join(', '));
        if (damaged) assert.deepEqual(fs.readFileSync(path.join(ws.state, aside[0]!)), damaged, 'kept as it was');
        assert.equal(sha256(path.join(ws.downloads, route.slice(1))), sha256(body));
        const resumed = server.requestsFor(route).slice(before);
        assert.match(resumed[0]!.headers['range'] ?? '', /^bytes=[1-9]\d*-$/, 'continued with a range');
        // Told once: the next run finds nothing wrong.
        const again = await runCli(['get', server.url('/other.bin'), '--dir', ws.downloads, '--state', ws.state, '-q']);
        assert.equal(again.code, 0, again.stderr);
        assert.equal(again.stderr, '');
      } finally {
        ws.cleanup();
      }
    });
  }

  it("an item's own document cut short: named, moved aside, the finished downloads kept", async () => {
    const ws = tempWorkspace();
    try {
      await lived(ws, '/lived-item.bin');
      const [entry] = fs.readdirSync(path.join(ws.state, 'items'));
      const file = path.join(ws.state, 'items', entry!);
      fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 60));
      const run = await runCli(['get', server.url('/finished.bin'), '--dir', ws.downloads, '--state', ws.state]);
      assert.equal(run.code, 0, run.stderr);
      assertNoTrace(run.stderr);
      assert.match(run.stderr, new RegExp(`${entry!.replace('.', '\\.')} could not be read: it is not valid JSON`));
      assert.match(run.stdout, /already downloaded/i, 'the finished download is still known');
      assert.deepEqual(fs.readdirSync(path.join(ws.state, 'items')).filter((name) => name.endsWith('.json')), []);
    } finally {
      ws.cleanup();
    }
  });

  it('tsuzuki serve starts with a cut history.json and browsers.json, says what it moved, and serves', async () => {
    const ws = tempWorkspace();
    try {
      await lived(ws, '/lived-serve.bin');
      fs.writeFileSync(path.join(ws.state, 'history.json'), '{"items": [{"id": "');
      // The web host's own document too (the browsers paired with it).
      fs.writeFileSync(path.join(ws.state, 'browsers.json'), '{"browsers": [');
      const renderer = path.join(ws.root, 'renderer');
      fs.mkdirSync(renderer);
      fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Tsuzuki</title>');
      const err: string[] = [];
      const out: string[] = [];
      let stop!: () => void;
      const stopSignal = new Promise<void>((resolve) => (stop = resolve));
      const { mock } = await import('node:test');
      const log = mock.method(console, 'log', (...a: unknown[]) => void out.push(a.join(' ')));
      const error = mock.method(console, 'error', (...a: unknown[]) => void err.push(a.join(' ')));
      let code: number;
      try {
        const running = serveCommand(['--port', '0', '--state', ws.state, '--dir', ws.downloads], { rendererDir: renderer, stopSignal });
        // Stops as soon as it serves (its link printed), or as it ends on its own.
        for (let i = 0; i < 400 && out.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
        stop();
        code = await running;
      } finally {
        log.mock.restore();
        error.mock.restore();
      }
      assert.equal(code, 0, err.join('\n'));
      assert.match(out.join('\n'), /Open http:\/\/127\.0\.0\.1:\d+\//);
      assert.equal(err.length, 2, err.join('\n'));
      assert.match(err[0]!, /history\.json could not be read: it is not valid JSON .* moved to .*history\.json\.unreadable-/);
      assert.match(err[1]!, /browsers\.json could not be read: it is not valid JSON .* moved to .*browsers\.json\.unreadable-/);
      assertNoTrace(err.join('\n'));
    } finally {
      ws.cleanup();
    }
  });

  it('a state folder that is a file: the reason in words from get and serve, and no lock left behind', async () => {
    const ws = tempWorkspace();
    try {
      const file = path.join(ws.root, 'not-a-folder');
      fs.writeFileSync(file, 'x');
      const run = await runCli(['get', server.url('/other.bin'), '--dir', ws.downloads, '--state', file, '-q']);
      assert.equal(run.code, 1);
      assert.equal(run.stderr.trim(), `tsuzuki get: cannot use the state folder ${file}: it is a file, not a folder (or a file is in its path). Pass --state DIR with a folder you can write to.`);
      const served = startCli(['serve', '--port', '0', '--state', file]);
      const result = await served.result;
      assert.equal(result.code, 1);
      assert.equal(result.stderr.trim(), `tsuzuki serve: cannot use the state folder ${file}: it is a file, not a folder (or a file is in its path). Pass --state DIR with a folder you can write to.`);
      // A folder whose items/ cannot be made: the open fails, and once mended the same process opens it.
      fs.mkdirSync(ws.state);
      fs.writeFileSync(path.join(ws.state, 'items'), 'x');
      await assert.rejects(DownloadManager.open({ store: confStoreProvider(ws.state) }));
      fs.rmSync(path.join(ws.state, 'items'));
      const manager = await DownloadManager.open({ store: confStoreProvider(ws.state) });
      await manager.close();
    } finally {
      ws.cleanup();
    }
  });
});
