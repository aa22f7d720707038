// `tsuzuki get` on a real terminal (a pseudo-terminal made by util-linux `script`): it draws
// its bars, finishes, and exits. An update that reached the bars after they were stopped
// started them drawing again, and their timer kept the process alive for good.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { CLI } from './run-cli.ts';

const EXIT_WITHIN_MS = 20_000;
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** Runs the CLI with a terminal as its stdout and stderr; killed (by PID) if it has not exited in time. */
function runOnTerminal(args: string[]): Promise<{ code: number | null; output: string; killed: boolean }> {
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LANGUAGE: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
    // script's own child (the CLI) has the terminal; it goes with the session.
  }, EXIT_WITHIN_MS);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, killed });
    }),
  );
}

describe('tsuzuki get on a terminal', { skip: hasScript ? false : 'util-linux `script` is not installed, so no pseudo-terminal can be made' }, () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('draws a bar per download, then exits 0 once both are saved', async () => {
    const first = testBytes(300_000, 61);
    const second = testBytes(200_000, 62);
    server.serve('/bar-a.bin', { body: first, faults: { throttleBytesPerSec: 600_000 } });
    server.serve('/bar-b.bin', { body: second });
    const ws = tempWorkspace();
    const run = await runOnTerminal(['get', server.url('/bar-a.bin'), server.url('/bar-b.bin'), '--dir', ws.downloads, '--state', ws.state]);
    assert.equal(run.killed, false, `still running after ${EXIT_WITHIN_MS / 1000} s; it printed:\n${run.output.slice(-2000)}`);
    assert.equal(run.code, 0, run.output.slice(-2000));
    assert.match(run.output, /bar-a\.bin +\|█+\| 100/, 'a bar was drawn and reached 100 % (the terminal is 80 columns: the line is cut after the figure)');
    assert.match(run.output, /Saved .*bar-a\.bin/);
    assert.match(run.output, /Saved .*bar-b\.bin/);
    assert.equal(sha256(path.join(ws.downloads, 'bar-a.bin')), sha256(first));
    assert.equal(sha256(path.join(ws.downloads, 'bar-b.bin')), sha256(second));
    ws.cleanup();
  });

  it('with more downloads than bars fit, draws the ones under way and a line for all of them', async () => {
    const count = 30;
    const bodies = Array.from({ length: count }, (_, n) => testBytes(20_000, 300 + n));
    // Paced (0.2 s a file, about 1.6 s in all) so the bars are drawn while downloads are under
    // way: unpaced on a busy machine, all 30 could finish before the first frame.
    bodies.forEach((body, n) => server.serve(`/many-${n}.bin`, { body, faults: { throttleBytesPerSec: 100_000 } }));
    const ws = tempWorkspace();
    const urls = bodies.map((_, n) => server.url(`/many-${n}.bin`));
    const run = await runOnTerminal(['get', ...urls, '--max-concurrent', '4', '--dir', ws.downloads, '--state', ws.state]);
    assert.equal(run.killed, false, `still running after ${EXIT_WITHIN_MS / 1000} s; it printed:\n${run.output.slice(-2000)}`);
    assert.equal(run.code, 0, run.output.slice(-2000));
    // The terminal is 80 columns: the last line is cut after its figure.
    assert.match(run.output, new RegExp(`all downloads +\\|░*\\| +0% · 0 of ${count} finished|all downloads +\\|█+░*\\| +\\d+% · \\d+ of ${count} finished`));
    assert.match(run.output, /all downloads +\|█+\| 100/);
    assert.equal(run.output.match(/Saved /g)?.length, count);
    bodies.forEach((body, n) => assert.equal(sha256(path.join(ws.downloads, `many-${n}.bin`)), sha256(body)));
    ws.cleanup();
  });
});
