// The CLI as a user runs it: exit codes, one clear line per failure, and resuming after
// kill -9 at several points, checked by SHA-256 and by the server's request log.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { withTimeout } from '../support/manager.ts';
import { runCli, startCli, stderrShows } from './run-cli.ts';

const body = testBytes(2_000_000, 42);

describe('tsuzuki get', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('downloads, verifies a SHA-256, exits 0, and does not fetch a finished file again', async () => {
    server.serve('/ok.bin', { body });
    const ws = tempWorkspace();
    const args = ['get', server.url('/ok.bin'), '--dir', ws.downloads, '--state', ws.state, '--sha256', sha256(body)];
    const first = await runCli(args);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(sha256(path.join(ws.downloads, 'ok.bin')), sha256(body));
    const second = await runCli(args);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /Already downloaded/);
    assert.equal(server.requestsFor('/ok.bin').length, 1);
    assert.deepEqual(fs.readdirSync(ws.downloads), ['ok.bin']);
    ws.cleanup();
  });

  it('exits 1 with one clear line per failed URL, and still downloads the good ones', async () => {
    server.serve('/good.bin', { body });
    server.serve('/missing.bin', { body, faults: { statuses: [{ status: 404 }] } });
    const ws = tempWorkspace();
    const { code, stderr } = await runCli(['get', server.url('/good.bin'), server.url('/missing.bin'), '--dir', ws.downloads, '--state', ws.state, '-q']);
    assert.equal(code, 1);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.ok(lines.some((l) => l.includes('/missing.bin') && /404/.test(l)));
    assert.ok(!/\n\s+at /.test(stderr), 'no stack traces');
    assert.equal(sha256(path.join(ws.downloads, 'good.bin')), sha256(body));
    ws.cleanup();
  });

  it('prints a failed link without the user name and password it carried', async () => {
    server.serve('/private.bin', { body, faults: { statuses: [{ status: 404 }] } });
    const ws = tempWorkspace();
    const withSecret = server.url('/private.bin').replace('http://', 'http://alice:s3cret-pw@');
    const { code, stderr } = await runCli(['get', withSecret, '--dir', ws.downloads, '--state', ws.state, '-q']);
    assert.equal(code, 1);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.ok(lines.some((l) => l.includes(`${server.url('/private.bin')}: `) && /404/.test(l)), stderr);
    const refused = await runCli(['get', withSecret, 'ftp://bob:hunter2@x/y', '--dir', ws.downloads, '--state', ws.state, '-q']);
    assert.equal(refused.code, 2);
    assert.ok(refused.stderr.includes('ftp://x/y'), refused.stderr);
    assert.doesNotMatch(stderr + refused.stderr, /s3cret-pw|alice|hunter2|bob/);
    ws.cleanup();
  });

  it('refuses the whole command (exit 2) when a link is no http(s) link, naming each and where it was given', async () => {
    server.serve('/would-be-fine.bin', { body });
    const ws = tempWorkspace();
    const list = path.join(ws.root, 'links.txt');
    fs.writeFileSync(list, `# mine\n${server.url('/would-be-fine.bin')}\nnot a link\n`);
    const { code, stderr } = await runCli(['get', server.url('/would-be-fine.bin'), 'ftp://x/y', '--input', list, '--dir', ws.downloads, '--state', ws.state, '-q']);
    assert.equal(code, 2, stderr);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 4, stderr);
    assert.match(lines[0]!, /^tsuzuki get: ftp:\/\/x\/y: .*http:\/\/ and https:\/\//);
    assert.ok(lines[1]!.startsWith(`tsuzuki get: ${list}:3: `) && lines[1]!.includes('"not a link" is not a valid link'), lines[1]);
    assert.match(lines[2]!, /2 links above cannot be downloaded, so nothing was started/);
    assert.match(lines[3]!, /tsuzuki get --help/);
    assert.equal(server.requestsFor('/would-be-fine.bin').length, 0, 'nothing started');
    assert.deepEqual(fs.readdirSync(ws.downloads), []);
    ws.cleanup();
  });

  it('says what is wrong with bad usage (exit 2)', async () => {
    const none = await runCli(['get']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no URL given/);
    const badSum = await runCli(['get', 'http://127.0.0.1:1/x', '--sha256', 'xyz']);
    assert.equal(badSum.code, 2);
    assert.match(badSum.stderr, /64 hexadecimal digits/);
    const badFlag = await runCli(['get', 'http://127.0.0.1:1/x', '--connections', '99']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /--connections must be a whole number from 1 to 32/);
    for (const size of ['lots', '32M/s', '-1M', '2TiB']) {
      const badReserve = await runCli(['get', 'http://127.0.0.1:1/x', `--disk-reserve=${size}`]);
      assert.equal(badReserve.code, 2, size);
      assert.match(badReserve.stderr, new RegExp(`--disk-reserve "${size.replace('/', '\\/')}" is not a size.*at most 1TiB`), size);
    }
  });

  it('refuses a --limit under one byte a second instead of reading it as no limit', async () => {
    const refused = await runCli(['get', 'http://127.0.0.1:1/x', '--limit', '0.4']);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /--limit "0\.4" is less than 1 byte per second\. Write 0 for no limit/);
  });

  it('shows control characters in links and messages as codes, and cuts a very long link', async () => {
    const ws = tempWorkspace();
    const list = path.join(ws.root, 'links.txt');
    // Unparseable links come back in the error as they were typed: the terminal must not obey them.
    const hostile = 'http://exa\u001b]0;PWNED\u0007mple/\u001b[2J';
    const long = `http://127.0.0.1:1/${'a'.repeat(100_000)}.bin`;
    fs.writeFileSync(list, `${hostile}\nhttp://b\u202ead.example\u0000/x\n`);
    const { code, stderr } = await runCli(['get', '--input', list, `ftp://x/${'b'.repeat(100_000)}`, '--retries', '0', '--dir', ws.downloads, '--state', ws.state, '-q']);
    assert.equal(code, 2, stderr);
    assert.doesNotMatch(stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, 'no raw control character reaches the terminal');
    assert.ok(stderr.includes('exa\\x1B]0;PWNED\\x07mple/\\x1B[2J'), stderr.slice(0, 500));
    assert.ok(stderr.includes('b\\u202Ead.example\\x00/x'), stderr.slice(0, 500));
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 5, stderr.slice(0, 2000));
    for (const line of lines) assert.ok(line.length < 600, `one line each, not ${line.length} characters`);
    assert.ok(lines.some((line) => /…b+: /.test(line)), 'a long link keeps its end');
    const failed = await runCli(['get', long, '--retries', '0', '--dir', ws.downloads, '--state', ws.state, '-q']);
    assert.equal(failed.code, 1, failed.stderr);
    const failedLines = failed.stderr.trim().split('\n');
    assert.equal(failedLines.length, 1, failed.stderr.slice(0, 2000));
    assert.ok(failedLines[0]!.length < 600 && /…a+\.bin: /.test(failedLines[0]!), 'a long link keeps its end');
    ws.cleanup();
  });

  it("holds its flags to the limits the window's settings have (the contract's schemas)", async () => {
    const { settingSchemas } = await import('../../main/contract.ts');
    const cases = [
      ['--max-concurrent', 'maxConcurrent', 1],
      ['--per-host', 'perHostConnections', 1],
      ['--retries', 'maxRetries', 1],
      ['--stall-timeout', 'stallTimeoutMs', 1000],
    ] as const;
    for (const [flag, setting, unit] of cases) {
      const max = settingSchemas[setting].unwrap().maxValue! / unit;
      const refused = await runCli(['get', 'http://127.0.0.1:1/x', flag, String(max + 1)]);
      assert.equal(refused.code, 2, flag);
      assert.match(refused.stderr, new RegExp(`${flag} must be a whole number from \\d+ to ${max}\\b`));
    }
  });

  it('reads URLs from --input', async () => {
    for (let i = 0; i < 3; i++) server.serve(`/list-${i}.bin`, { body: testBytes(10_000, i + 100) });
    const ws = tempWorkspace();
    const list = path.join(ws.root, 'links.txt');
    fs.writeFileSync(list, `# my links\n${[0, 1, 2].map((i) => server.url(`/list-${i}.bin`)).join('\n')}\n\n`);
    const { code, stderr } = await runCli(['get', '--input', list, '--dir', ws.downloads, '--state', ws.state, '-q']);
    assert.equal(code, 0, stderr);
    assert.deepEqual(fs.readdirSync(ws.downloads).sort(), ['list-0.bin', 'list-1.bin', 'list-2.bin']);
    ws.cleanup();
  });

  for (const connections of ['1', '8']) {
    it(`resumes after kill -9 at several points (${connections} connection(s)), with ranged requests, byte-identical`, async () => {
      const route = `/kill-${connections}.bin`;
      server.serve(route, { body, faults: { throttleBytesPerSec: 1_000_000 } });
      const ws = tempWorkspace();
      const args = ['get', server.url(route), '--dir', ws.downloads, '--state', ws.state, '--connections', connections, '-q'];
      let recorded = 0;
      for (const fraction of [0.25, 0.5, 0.75]) {
        const run = startCli(args);
        // Past the next checkpoint (written about once a second) so there is progress to keep.
        await server.waitForBodyBytes(route, Math.floor(body.length * fraction), 20_000);
        // Sent is not yet received: on a loaded machine the bytes can sit in socket buffers.
        // Kill only once this run has put more of them on record.
        recorded = await waitForRecordedBytes(ws.state, recorded + 1);
        const before = server.requestsFor(route).length;
        run.child.kill('SIGKILL');
        const { signal } = await run.result;
        assert.equal(signal, 'SIGKILL');
        assert.ok(before > 0);
      }
      const startOfLastRun = server.requestsFor(route).length;
      const last = await runCli(args);
      assert.equal(last.code, 0, last.stderr);
      assert.equal(sha256(path.join(ws.downloads, `kill-${connections}.bin`)), sha256(body));
      assert.deepEqual(fs.readdirSync(ws.downloads), [`kill-${connections}.bin`]);
      const resumed = server.requestsFor(route).slice(1);
      assert.ok(resumed.length > 0);
      assert.ok(resumed.every((r) => r.headers.range !== undefined), 'every request after the first run is ranged');
      assert.ok(server.requestsFor(route).slice(startOfLastRun).every((r) => r.headers['if-match']));
      ws.cleanup();
    });
  }

  it('SIGTERM pauses, saves, and exits 143; the next run continues with a range', async () => {
    // Records after the first come with each new MiB: the one that shows 400 kB can be as
    // late as 2.5 MB in, and the signal must still find the download running on a loaded machine.
    const body = testBytes(6_000_000, 43);
    server.serve('/term.bin', { body, faults: { throttleBytesPerSec: 1_500_000 } });
    const ws = tempWorkspace();
    const args = ['get', server.url('/term.bin'), '--dir', ws.downloads, '--state', ws.state, '--connections', '1', '-q'];
    const run = startCli(args);
    await server.waitForBodyBytes('/term.bin', 500_000, 20_000);
    await waitForRecordedBytes(ws.state, 400_000);
    run.child.kill('SIGTERM');
    const stopped = await run.result;
    assert.equal(stopped.code, 143);
    assert.match(stopped.stderr, /progress is saved/);
    const again = await runCli(args);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(sha256(path.join(ws.downloads, 'term.bin')), sha256(body));
    const second = server.requestsFor('/term.bin')[1]!;
    assert.match(second.headers.range ?? '', /^bytes=(\d+)-$/);
    assert.ok(Number(/=(\d+)/.exec(second.headers.range!)![1]) >= 400_000, 'resumed near where it stopped');
    ws.cleanup();
  });

  it('keeps its state under $XDG_CONFIG_HOME by default', async () => {
    server.serve('/xdg.bin', { body: testBytes(1000, 9) });
    const ws = tempWorkspace();
    const { code, stderr } = await runCli(['get', server.url('/xdg.bin'), '--dir', ws.downloads, '-q'], { XDG_CONFIG_HOME: path.join(ws.root, 'config') });
    assert.equal(code, 0, stderr);
    const folders = fs.readdirSync(path.join(ws.root, 'config', 'tsuzuki', 'cli'));
    assert.equal(folders.length, 1);
    assert.ok(fs.existsSync(path.join(ws.root, 'config', 'tsuzuki', 'cli', folders[0]!, 'history.json')));
    ws.cleanup();
  });

  it('runs into different folders side by side; a second run into the same folder waits its turn', async () => {
    // The first run holds its folder for as long as the test needs: its server stalls after
    // the first bytes, and the run's stall timeout outlasts the test. It is interrupted once
    // the run into the same folder has said it waits, and a third run finishes its file.
    server.serve('/side-a.bin', { body, faults: { stallAfterBytes: 100_000 } });
    server.serve('/side-b.bin', { body: testBytes(10_000, 12) });
    const ws = tempWorkspace();
    const env = { XDG_CONFIG_HOME: path.join(ws.root, 'config') };
    const other = path.join(ws.root, 'other');
    const first = startCli(['get', server.url('/side-a.bin'), '--dir', ws.downloads, '--stall-timeout', '600', '-q'], env);
    try {
      await server.waitForBodyBytes('/side-a.bin', 100_000);
      const elsewhere = await runCli(['get', server.url('/side-b.bin'), '--dir', other, '-q'], env);
      assert.equal(elsewhere.code, 0, elsewhere.stderr);
      assert.equal(elsewhere.stderr, '', 'a run into another folder does not wait');
      const same = startCli(['get', server.url('/side-b.bin'), '--dir', ws.downloads, '-q'], env);
      await withTimeout(stderrShows(same.child, /Waiting for it to finish/), 30_000, 'the run into the same folder did not say it waits');
      assert.equal(fs.existsSync(path.join(ws.downloads, 'side-b.bin')), false, 'it waits before downloading');
      first.child.kill('SIGINT');
      assert.equal((await first.result).code, 130);
      const waited = await same.result;
      assert.equal(waited.code, 0, waited.stderr);
      assert.equal(sha256(path.join(ws.downloads, 'side-b.bin')), sha256(testBytes(10_000, 12)));
      const resumed = await runCli(['get', server.url('/side-a.bin'), '--dir', ws.downloads, '-q'], env);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.equal(sha256(path.join(ws.downloads, 'side-a.bin')), sha256(body));
    } finally {
      first.child.kill('SIGKILL');
      ws.cleanup();
    }
  });
});

/** Resolves with the bytes the checkpoints in `stateDir` record, once at least `min` (bounded, polled). */
async function waitForRecordedBytes(stateDir: string, min: number, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let total = 0;
    for (const file of fs.existsSync(stateDir) ? (fs.readdirSync(stateDir, { recursive: true }) as string[]) : []) {
      if (!file.endsWith('.json')) continue;
      try {
        const done = (JSON.parse(fs.readFileSync(path.join(stateDir, file), 'utf8')) as { done?: unknown }).done;
        if (Array.isArray(done)) total += done.reduce((sum: number, [start, end]: [number, number]) => sum + (end - start), 0);
      } catch {
        // Being replaced right now: read it on the next round.
      }
    }
    if (total >= min) return total;
    if (Date.now() > deadline) throw new Error(`the checkpoints recorded ${total} bytes, not ${min}, within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
