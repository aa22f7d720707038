// Exposes exactly the contract to the sandboxed window: an `invoke` limited to the known
// commands and an `on` limited to the known events. No ipcRenderer, no Node, no event
// objects cross the bridge.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COMMANDS, EVENT_NAMES, type Command, type EventName, type TsuzukiApi } from '../main/contract.ts';

const api: TsuzukiApi = {
  invoke(command, args) {
    if (!COMMANDS.includes(command as Command)) {
      return Promise.resolve({ ok: false, error: { code: 'ERR_INVALID_ARGUMENT', message: `Unknown command "${String(command)}".` } });
    }
    return ipcRenderer.invoke(`tsuzuki:${command}`, args);
  },
  on(event, listener) {
    if (!EVENT_NAMES.includes(event as EventName)) throw new Error(`Unknown event "${String(event)}".`);
    const channel = `tsuzuki:event:${event}`;
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  },
};

contextBridge.exposeInMainWorld('tsuzuki', api);
