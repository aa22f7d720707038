// The Electron side of the contract, written against the shape of ipcMain so it runs (and
// is tested) without Electron: one channel per command, allowlisted from the contract,
// every sender checked before its payload is even parsed (model: vscode's ipcMain wrapper).

import { COMMANDS, type CommandHandlers, type Result } from '../contract.ts';
import { dispatch } from './dispatch.ts';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown> | unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcEventLike {
  senderFrame: { url: string } | null;
  sender: unknown;
}

export const commandChannel = (command: string) => `tsuzuki:${command}`;
export const eventChannel = (event: string) => `tsuzuki:event:${event}`;

/** Registers every command; returns a function that removes them again. */
export function registerIpc(ipcMain: IpcMainLike, handlers: CommandHandlers, isTrusted: (event: IpcEventLike) => boolean): () => void {
  for (const command of COMMANDS) {
    ipcMain.handle(commandChannel(command), async (event, args): Promise<Result<unknown>> => {
      if (!isTrusted(event)) {
        return { ok: false, error: { code: 'ERR_INVALID_ARGUMENT', message: 'This window is not allowed to control Tsuzuki.' } };
      }
      return dispatch(handlers, command, args);
    });
  }
  return () => {
    for (const command of COMMANDS) ipcMain.removeHandler(commandChannel(command));
  };
}

/** Trusts only our own window, showing our own page (a file: URL or the dev server). */
export function trustedSender(expectedSender: () => unknown, appUrl: (url: string) => boolean): (event: IpcEventLike) => boolean {
  return (event) => event.sender === expectedSender() && event.senderFrame !== null && appUrl(event.senderFrame.url);
}
