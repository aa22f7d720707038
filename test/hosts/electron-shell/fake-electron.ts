// A stand-in for the `electron` module, just large enough to run main/electron/*.ts under
// plain Node: it records what the shell asks of Electron and lets a test emit the app's
// events (ready, second-instance, activate, before-quit). The real binary is not needed, so
// the wiring between Electron and the tested host pieces is exercised on every machine.

import { EventEmitter } from 'node:events';

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export const record = {
  sandboxEnabled: false,
  quitCalls: 0,
  exitCode: undefined as number | undefined,
  errorBoxes: [] as { title: string; content: string }[],
  opened: [] as string[],
  shownInFolder: [] as string[],
  external: [] as string[],
  windows: [] as FakeBrowserWindow[],
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  paths: Record<string, string> = {};
  singleInstance = true;
  #ready = Promise.withResolvers<void>();
  enableSandbox(): void {
    record.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return this.#ready.promise;
  }
  /** Test control: Electron finished starting. */
  becomeReady(): void {
    this.#ready.resolve();
  }
  getPath(name: string): string {
    const value = this.paths[name];
    if (!value) throw new Error(`fake electron: no path "${name}"`);
    return value;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  /** Test control: the languages the system lists, most preferred first. */
  systemLanguages: string[] = ['en-US'];
  getPreferredSystemLanguages(): string[] {
    return this.systemLanguages;
  }
  quit(): void {
    record.quitCalls += 1;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.exit(0);
  }
  exit(code = 0): void {
    record.exitCode ??= code;
    this.emit('test:exit', code);
  }
}

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  sent: { channel: string; payload: unknown; at: number }[] = [];
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;
  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload, at: Date.now() });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  webContents = new FakeWebContents();
  loaded: string | undefined;
  focusCalls = 0;
  minimized = false;
  constructor(options: FakeBrowserWindow['options']) {
    super();
    this.options = options;
    record.windows.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  async loadFile(file: string): Promise<void> {
    this.loaded = file;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
  }
  show(): void {}
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focusCalls += 1;
  }
  /** Test control: the user closed the window. */
  close(): void {
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

type Listener = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  handlers = new Map<string, Listener>();
  listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: Listener): void {
    this.listeners.set(channel, listener);
  }
}

type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void;

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

class FakeSession {
  headersListener: HeadersListener | undefined;
  permissionRequest: PermissionRequest | undefined;
  permissionCheck: (() => boolean) | undefined;
  webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequest): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: () => boolean): void {
    this.permissionCheck = handler;
  }
}

const defaultSession = new FakeSession();

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const BrowserWindow = FakeBrowserWindow;
export const session = { defaultSession };
export const dialog = {
  showErrorBox(title: string, content: string) {
    record.errorBoxes.push({ title, content });
  },
};
export const shell = {
  async openPath(file: string) {
    record.opened.push(file);
    return '';
  },
  showItemInFolder(file: string) {
    record.shownInFolder.push(file);
  },
  async openExternal(url: string) {
    record.external.push(url);
  },
};

/** The preload's side: what it put on the bridge, and the IPC it sent. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(name: string, value: unknown) {
    contextBridge.exposed.set(name, value);
  },
};

class FakeIpcRenderer extends EventEmitter {
  invoked: { channel: string; args: unknown[] }[] = [];
  answer: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: null });
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.answer(channel, ...args);
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export default { app, ipcMain, BrowserWindow, session, dialog, shell, contextBridge, ipcRenderer };
