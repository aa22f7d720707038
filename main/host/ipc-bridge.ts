// The Electron side of the contract, written against the shape of ipcMain so it runs (and
// is tested) without Electron: one channel per command, allowlisted from the contract,
// every sender checked before its payload is even parsed (model: vscode's ipcMain wrapper).

import { COMMANDS, commandChannel, type CommandHandlers, type Result } from '../contract.ts';
import { dispatch } from './dispatch.ts';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown> | unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcEventLike {
  /** The frame that sent the message: null once it navigated away or was destroyed. */
  senderFrame: { url: string; parent: unknown } | null;
  sender: unknown;
}

/** Registers every command; returns a function that removes them again. */
export function registerIpc(ipcMain: IpcMainLike, handlers: CommandHandlers, isTrusted: (event: IpcEventLike) => boolean): () => void {
  for (const command of COMMANDS) {
    ipcMain.handle(commandChannel(command), async (event, args): Promise<Result<unknown>> => {
      if (!isTrusted(event)) {
        return { ok: false, error: { code: 'ERR_INVALID_ARGUMENT', params: { variant: 'notAllowed' } } };
      }
      return dispatch(handlers, command, args);
    });
  }
  return () => {
    for (const command of COMMANDS) ipcMain.removeHandler(commandChannel(command));
  };
}

/**
 * Trusts only our own window's top frame, showing our own page (a file: URL or the dev
 * server). An iframe, another window, or our window after navigating away is refused.
 */
export function trustedSender(expectedSender: () => unknown, appUrl: (url: string) => boolean): (event: IpcEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    return event.sender !== undefined && event.sender === expectedSender() && frame !== null && frame.parent === null && appUrl(frame.url);
  };
}
