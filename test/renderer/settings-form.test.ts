import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Settings } from '../../main/contract.ts';
import { toForm, toPatch } from '../../renderer/src/lib/settings-form.ts';

const settings: Settings = {
  dir: '/home/ana/Downloads',
  maxConcurrent: 3,
  connections: 8,
  perHostConnections: 16,
  speedLimit: 0,
  autoResume: true,
  maxRetries: 5,
  stallTimeoutMs: 30_000,
  resumeWithoutValidator: false,
  diskReserveBytes: 32 * 1024 * 1024,
  allowInsecureRedirects: false,
  closeToTray: true,
  notifications: true,
  keepAwake: true,
  startAtLogin: false,
  proxy: '',
  language: 'system',
};

describe('the settings form', () => {
  it('sends only what changed', () => {
    const form = toForm(settings);
    assert.deepEqual(toPatch(form, settings), { ok: true, patch: {} });
    assert.deepEqual(toPatch({ ...form, maxConcurrent: '5', speedLimit: '2.5', speedUnit: 'MB/s', autoResume: false }, settings), {
      ok: true,
      patch: { maxConcurrent: 5, speedLimit: 2_500_000, autoResume: false },
    });
  });

  it('sends the desktop switches that changed', () => {
    const form = toForm(settings);
    assert.deepEqual(toPatch({ ...form, closeToTray: false, startAtLogin: true, keepAwake: true }, settings), { ok: true, patch: { closeToTray: false, startAtLogin: true } });
  });

  it('shows a limit in the unit it reads best in', () => {
    assert.deepEqual([toForm({ ...settings, speedLimit: 5_000_000 }).speedLimit, toForm({ ...settings, speedLimit: 5_000_000 }).speedUnit], ['5', 'MB/s']);
    assert.deepEqual([toForm({ ...settings, speedLimit: 750_000 }).speedLimit, toForm({ ...settings, speedLimit: 750_000 }).speedUnit], ['750', 'kB/s']);
  });

  it('names the field that is wrong', () => {
    const form = toForm(settings);
    assert.equal((toPatch({ ...form, maxConcurrent: '0' }, settings) as { field: string }).field, 'maxConcurrent');
    assert.equal((toPatch({ ...form, connections: '2.5' }, settings) as { field: string }).field, 'connections');
    assert.equal((toPatch({ ...form, speedLimit: '-1' }, settings) as { field: string }).field, 'speedLimit');
    assert.equal((toPatch({ ...form, dir: '  ' }, settings) as { field: string }).field, 'dir');
    assert.deepEqual(toPatch({ ...form, speedLimit: '' }, { ...settings, speedLimit: 1000 }), { ok: true, patch: { speedLimit: 0 } });
  });
});
