import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Writeback } from '../../main/engine/writeback.ts';

// No process has this descriptor open, so fdatasync on it fails (EBADF) as a disk error would.
const NOT_OPEN = 2 ** 31 - 2;

test('a background sync starts once enough is written, and the next sync that waits sees its failure', async () => {
  const writeback = new Writeback(NOT_OPEN);
  writeback.written(1024);
  await writeback.settle(); // below the threshold nothing started, so nothing failed
  writeback.written(64 * 1024 * 1024);
  await assert.rejects(writeback.settle(), { code: 'EBADF' });
  await writeback.settle(); // reported once, then gone
});

test('a sync that waits covers what was written: no background sync until as much again is written', async () => {
  const writeback = new Writeback(NOT_OPEN);
  writeback.written(15 * 1024 * 1024);
  writeback.syncing();
  writeback.written(15 * 1024 * 1024);
  await writeback.settle(); // no sync ran, so none failed
  writeback.written(2 * 1024 * 1024);
  await assert.rejects(writeback.settle(), { code: 'EBADF' });
});
