import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Settings } from '../../main/contract.ts';
import { defaultSettings } from '../../main/engine/settings.ts';
import { toForm, toPatch } from '../../renderer/src/lib/settings-form.ts';

// The defaults a new installation has, with a folder and a stall timeout that differ from them.
const settings: Settings = { ...defaultSettings(), dir: '/home/ana/Downloads', stallTimeoutMs: 30_000 };

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

  it('keeps free on disk what the field says, and the exact stored value when it was left as shown', () => {
    const form = toForm(settings);
    // 32 MiB in the window's SI units: shown to a tenth, never rounded on a save of other fields.
    assert.deepEqual([form.diskReserve, form.diskReserveUnit], ['33.6', 'MB']);
    assert.deepEqual(toPatch({ ...form, maxConcurrent: '4' }, settings), { ok: true, patch: { maxConcurrent: 4 } });
    assert.deepEqual(toPatch({ ...form, diskReserve: '33.6', diskReserveUnit: 'MB' }, settings), { ok: true, patch: {} });
    assert.deepEqual(toPatch({ ...form, diskReserve: '100' }, settings), { ok: true, patch: { diskReserveBytes: 100_000_000 } });
    assert.deepEqual(toPatch({ ...form, diskReserve: '1.5', diskReserveUnit: 'GB' }, settings), { ok: true, patch: { diskReserveBytes: 1_500_000_000 } });
    assert.deepEqual(toPatch({ ...form, diskReserve: '0' }, settings), { ok: true, patch: { diskReserveBytes: 0 } });
    assert.deepEqual([toForm({ ...settings, diskReserveBytes: 2_000_000_000 }).diskReserve, toForm({ ...settings, diskReserveBytes: 2_000_000_000 }).diskReserveUnit], ['2', 'GB']);
  });

  it('sends the https-to-http switch when it changed', () => {
    const form = toForm(settings);
    assert.equal(form.allowInsecureRedirects, false);
    assert.deepEqual(toPatch({ ...form, allowInsecureRedirects: true }, settings), { ok: true, patch: { allowInsecureRedirects: true } });
  });

  it('names the field that is wrong', () => {
    const form = toForm(settings);
    assert.equal((toPatch({ ...form, maxConcurrent: '0' }, settings) as { field: string }).field, 'maxConcurrent');
    assert.equal((toPatch({ ...form, connections: '2.5' }, settings) as { field: string }).field, 'connections');
    assert.equal((toPatch({ ...form, perHostConnections: '0' }, settings) as { field: string }).field, 'perHostConnections');
    assert.equal((toPatch({ ...form, perHostConnections: '257' }, settings) as { field: string }).field, 'perHostConnections');
    assert.deepEqual(toPatch({ ...form, perHostConnections: '4' }, settings), { ok: true, patch: { perHostConnections: 4 } });
    assert.equal((toPatch({ ...form, speedLimit: '-1' }, settings) as { field: string }).field, 'speedLimit');
    assert.equal((toPatch({ ...form, dir: '  ' }, settings) as { field: string }).field, 'dir');
    assert.deepEqual(toPatch({ ...form, speedLimit: '' }, { ...settings, speedLimit: 1000 }), { ok: true, patch: { speedLimit: 0 } });
    // What the browser could not read as a number is wrong, not the empty value it gave.
    assert.equal((toPatch({ ...form, speedLimit: '' }, settings, new Set(['speedLimit'])) as { field: string }).field, 'speedLimit');
    assert.equal((toPatch({ ...form, diskReserve: '' }, settings, new Set(['diskReserve'])) as { field: string }).field, 'diskReserve');
    assert.equal((toPatch({ ...form, maxConcurrent: '' }, settings, new Set(['maxConcurrent'])) as { field: string }).field, 'maxConcurrent');
    for (const [diskReserve, diskReserveUnit] of [['-1', 'MB'], ['lots', 'MB'], ['1001', 'GB']] as const) {
      assert.deepEqual(toPatch({ ...form, diskReserve, diskReserveUnit }, settings), { ok: false, field: 'diskReserve', problem: { key: 'diskReserveRange', params: { max: 1000 } } }, diskReserve);
    }
  });
});
