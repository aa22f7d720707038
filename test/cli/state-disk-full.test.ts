// The state folder on a disk that fills up while `tsuzuki get` runs (a real small tmpfs for
// `--state`, the download folder elsewhere): the run says at once that progress cannot be
// saved, an interruption then says the latest progress was not saved (not "progress is
// saved"), and once space is freed the same command continues to a byte-identical file.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { withTimeout } from '../support/manager.ts';
import { CANNOT_MOUNT, mountSmallDisk } from '../support/small-disk.ts';
import { runCli, startCli, stderrShows } from './run-cli.ts';

const body = testBytes(3_000_000, 91);

describe('tsuzuki get with its state folder on a disk that fills up', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('says progress cannot be saved, does not claim it was on Ctrl-C, and continues once there is room', async (t) => {
    const disk = mountSmallDisk(1024 * 1024);
    if (!disk) return t.skip(CANNOT_MOUNT);
    const ws = tempWorkspace();
    let filler: string | undefined;
    let running: ReturnType<typeof startCli> | undefined;
    try {
      server.serve('/state-full.bin', { body, faults: { throttleBytesPerSec: 400_000 } });
      const args = ['get', server.url('/state-full.bin'), '--dir', ws.downloads, '--state', disk.state, '-q'];
      const run = startCli(args);
      running = run;
      const items = path.join(disk.state, 'items');
      // The item's own document exists once its first bytes are recorded: then the disk fills.
      for (let i = 0; i < 400 && !(fs.existsSync(items) && fs.readdirSync(items).length > 0); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      assert.ok(fs.readdirSync(items).length > 0, 'a first record was written');
      filler = disk.fillUp();
      await withTimeout(stderrShows(run.child, /progress cannot be saved right now: The disk is full while writing/), 20_000, 'no word that progress is not saved');
      run.child.kill('SIGINT');
      const stopped = await run.result;
      running = undefined;
      assert.equal(stopped.code, 130, stopped.stderr);
      assert.match(stopped.stderr, /interrupted, but the latest progress could not be saved: The disk is full .* Free some space there/);
      assert.doesNotMatch(stopped.stderr, /progress is saved|\n\s+at |ENOSPC/);
      fs.rmSync(filler);
      filler = undefined;
      const resumed = await runCli(args);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.equal(resumed.stderr, '');
      assert.equal(sha256(path.join(ws.downloads, 'state-full.bin')), sha256(body));
      const ranges = server.requestsFor('/state-full.bin').map((request) => request.headers['range']);
      assert.match(ranges.at(-1) ?? '', /^bytes=[1-9]\d*-$/, 'continued from the last record that was saved');
    } finally {
      if (running && running.child.exitCode === null) {
        running.child.kill('SIGKILL');
        await running.result;
      }
      if (filler) fs.rmSync(filler, { force: true });
      disk.unmount();
      ws.cleanup();
    }
  });
});
