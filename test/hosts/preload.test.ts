// The preload's bridge (fake electron): exactly `invoke` and `on`, limited to the contract's
// commands and events, with the IPC event object never reaching the page.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TsuzukiApi } from '../../main/contract.ts';
import { loadPreload } from './electron-shell/load-shell.ts';
import { words } from '../support/words.ts';

describe('preload bridge', () => {
  let electron: Awaited<ReturnType<typeof loadPreload>>;
  let api: TsuzukiApi;
  before(async () => {
    electron = await loadPreload();
    api = electron.contextBridge.exposed.get('tsuzuki') as TsuzukiApi;
  });

  it('exposes one object, window.tsuzuki, with invoke and on only', () => {
    assert.deepEqual([...electron.contextBridge.exposed.keys()], ['tsuzuki']);
    assert.deepEqual(Object.keys(api).sort(), ['invoke', 'on']);
  });

  it('invokes a known command on its own channel and returns main\'s envelope', async () => {
    electron.ipcRenderer.answer = async () => ({ ok: true, value: [] });
    assert.deepEqual(await api.invoke('list', {}), { ok: true, value: [] });
    assert.deepEqual(electron.ipcRenderer.invoked.at(-1), { channel: 'tsuzuki:list', args: [{}] });
  });

  it('refuses unknown commands without sending anything', async () => {
    const before = electron.ipcRenderer.invoked.length;
    for (const command of ['nope', '__proto__', 'event:items', '']) {
      const result = await api.invoke(command as never, {} as never);
      assert.equal(!result.ok && result.error.code, 'ERR_INVALID_ARGUMENT', command);
    }
    assert.equal(electron.ipcRenderer.invoked.length, before);
  });

  it('turns a failed channel into an error result, not a rejection', async () => {
    electron.ipcRenderer.answer = async () => {
      throw new Error("Error invoking remote method 'tsuzuki:list': reply was never sent");
    };
    const result = await api.invoke('list', {});
    assert.equal(!result.ok && result.error.code, 'ERR_INTERNAL');
    assert.equal(!result.ok && result.error.params?.['command'], 'list');
    assert.match(!result.ok ? words(result.error) : '', /did not answer "list"/);
  });

  it('passes event payloads without the IPC event, and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = api.on('items', (...args: unknown[]) => void got.push(args));
    const payload = { changed: [], removed: ['x'] };
    electron.ipcRenderer.emit('tsuzuki:event:items', { sender: 'the IpcRendererEvent', ports: [] }, payload);
    assert.deepEqual(got, [[payload]]);
    off();
    electron.ipcRenderer.emit('tsuzuki:event:items', {}, payload);
    assert.equal(got.length, 1);
    assert.equal(electron.ipcRenderer.listenerCount('tsuzuki:event:items'), 0);
  });

  it('refuses unknown events', () => {
    assert.throws(() => api.on('nope' as never, () => {}), /Unknown event/);
    assert.equal(electron.ipcRenderer.eventNames().length, 0);
  });
});
