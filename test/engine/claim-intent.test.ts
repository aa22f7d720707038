// What a kill leaves at the two risky instants, read back by the next start: between
// recording a name and making its `.part`, and between the final file's two names.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CheckpointStore } from '../../main/engine/checkpoint-store.ts';
import { finishedBeforeCrash } from '../../main/engine/complete-file.ts';
import { newCheckpoint } from '../../main/engine/new-checkpoint.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';

function killedAfterIntent(part: 'none' | 'empty' | 'foreign'): string | undefined {
  const ws = tempWorkspace();
  try {
    const store = new CheckpointStore(confStoreProvider(ws.state));
    store.loadItems();
    const cp = { ...newCheckpoint('https://example.com/a.bin', ws.downloads, {}, 1, Date.now()), id: 'item' };
    store.save(cp);
    store.flush();
    cp.state = 'downloading';
    store.claimIntent(cp, 'a.bin');
    if (part !== 'none') fs.writeFileSync(path.join(ws.downloads, 'a.bin.part'), part === 'foreign' ? 'not ours' : '');
    // kill -9 here: nothing more is written. The next start:
    const next = new CheckpointStore(confStoreProvider(ws.state));
    const found = next.loadItems().find((item) => item.id === 'item');
    next.close();
    return found?.fileName;
  } finally {
    ws.cleanup();
  }
}

describe('a kill around the name claim', () => {
  it('gives an empty .part made right after the name was recorded back to its item', () => {
    assert.equal(killedAfterIntent('empty'), 'a.bin');
  });

  it('claims nothing when the .part was never made', () => {
    assert.equal(killedAfterIntent('none'), undefined);
  });

  it('leaves a .part with bytes in it alone: it is not one this item made', () => {
    assert.equal(killedAfterIntent('foreign'), undefined);
  });
});

describe('a kill during the final move', () => {
  const body = testBytes(10_000, 2);

  function finished(sha?: string) {
    const ws = tempWorkspace();
    const cp = { ...newCheckpoint('https://example.com/b.bin', ws.downloads, sha ? { sha256: sha } : {}, 1, Date.now()), fileName: 'b.bin', total: body.length };
    return { ws, cp, final: path.join(ws.downloads, 'b.bin'), part: path.join(ws.downloads, 'b.bin.part') };
  }

  it('between link and unlink: the file is done and its .part name goes', async () => {
    const { ws, cp, final, part } = finished(sha256(body));
    fs.writeFileSync(final, body);
    fs.linkSync(final, part);
    assert.equal(await finishedBeforeCrash(cp), true);
    assert.deepEqual(fs.readdirSync(ws.downloads), ['b.bin']);
    ws.cleanup();
  });

  it('a file of the right size but the wrong SHA-256 is not taken as finished', async () => {
    const { ws, cp, final } = finished('0'.repeat(64));
    fs.writeFileSync(final, body);
    assert.equal(await finishedBeforeCrash(cp), false);
    ws.cleanup();
  });

  it('a .part that is another file means the download was not finished', async () => {
    const { ws, cp, final, part } = finished();
    fs.writeFileSync(final, body);
    fs.writeFileSync(part, body);
    assert.equal(await finishedBeforeCrash(cp), false);
    ws.cleanup();
  });
});
