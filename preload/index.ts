// Exposes exactly the contract to the sandboxed window: an `invoke` limited to the known
// commands and an `on` limited to the known events. No ipcRenderer, no Node, no event
// objects cross the bridge. (Bundled as CommonJS: sandboxed preloads cannot be ESM; it
// imports the contract's names only, so zod stays out of the bundle.)

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { commandChannel, eventChannel, isCommand, isEventName } from '../main/contract-names.ts';
import type { Result, TsuzukiApi } from '../main/contract.ts';

const failure = (code: 'ERR_INVALID_ARGUMENT' | 'ERR_INTERNAL', params: Record<string, string>): Result<never> => ({ ok: false, error: { code, params } });

const api: TsuzukiApi = {
  invoke(command, args) {
    if (!isCommand(command)) {
      return Promise.resolve(failure('ERR_INVALID_ARGUMENT', { variant: 'unknownCommand', command: String(command).slice(0, 80) }));
    }
    // Main answers with an envelope; a rejection means the channel itself failed (the app
    // is quitting, or the arguments could not be cloned). That is data too: the error's
    // name (DataCloneError) as its detail, never its message, which is English prose.
    return ipcRenderer.invoke(commandChannel(command), args).catch((error: unknown) =>
      failure('ERR_INTERNAL', { variant: 'noAnswer', command, detail: error instanceof Error && /^[A-Za-z]\w{0,63}$/.test(error.name) && error.name !== 'Error' ? error.name : 'EIPC' }),
    );
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event).slice(0, 80)}".`);
    const channel = eventChannel(event);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  },
};

contextBridge.exposeInMainWorld('tsuzuki', api);
