// A stand-in for the `electron` module, just large enough to run main/electron/*.ts under
// plain Node: it records what the shell asks of Electron (windows, tray, notifications,
// progress, badge, power-save blockers, dialogs, menus, the app:// handler) and lets a test
// emit the app's events (ready, second-instance, activate, before-quit, suspend, resume)
// and click tray menu items and notifications. The real binary is not needed, so
// the wiring between Electron and the tested host pieces is exercised on every machine.

import { EventEmitter } from 'node:events';
import path from 'node:path';

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
  badge: [] as number[],
  loginItems: [] as { openAtLogin?: boolean; args?: string[] }[],
  trays: [] as FakeTray[],
  notifications: [] as FakeNotification[],
  /** Blockers started, by id, and whether each was stopped. */
  blockers: new Map<number, { type: string; stopped: boolean }>(),
  /** What the next folder picker answers (undefined: the person cancels). */
  nextFolder: undefined as string | undefined,
  /** The button the next message box answers with (0 = the first). */
  nextMessageBoxResponse: 1,
  messageBoxes: [] as { message?: string; detail?: string; buttons?: string[] }[],
  openDialogs: [] as { window: boolean; options: { defaultPath?: string; properties?: string[] } }[],
  applicationMenu: undefined as FakeMenu | undefined,
  aboutShown: 0,
  schemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
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
  /** Where package.json is: the checkout (the real app: the same, or app.asar when packaged). */
  getAppPath(): string {
    return path.resolve(import.meta.dirname, '../../..');
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  setBadgeCount(count: number): boolean {
    if (record.badge.at(-1) !== count) record.badge.push(count);
    return true;
  }
  setLoginItemSettings(settings: { openAtLogin?: boolean; args?: string[] }): void {
    record.loginItems.push(settings);
  }
  setAboutPanelOptions(): void {}
  showAboutPanel(): void {
    record.aboutShown += 1;
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
  destroyed = false;
  progress: { value: number; mode: string | undefined }[] = [];
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
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setProgressBar(value: number, options?: { mode?: string }): void {
    const last = this.progress.at(-1);
    if (!last || last.value !== value || last.mode !== options?.mode) this.progress.push({ value, mode: options?.mode });
  }
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
    this.destroyed = true;
    this.emit('closed');
    if (record.windows.every((window) => window.destroyed)) app.emit('window-all-closed');
  }
}

interface MenuItemOptions {
  id?: string;
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItemOptions[];
}

export class FakeMenu {
  items: MenuItemOptions[];
  constructor(items: MenuItemOptions[]) {
    this.items = items;
  }
  /** Test control: the user picks the item with this id. */
  click(id: string): void {
    const item = this.items.find((entry) => entry.id === id);
    if (!item) throw new Error(`fake electron: no menu item "${id}"`);
    if (item.enabled === false) throw new Error(`fake electron: menu item "${id}" is disabled`);
    item.click?.();
  }
  enabled(id: string): boolean | undefined {
    return this.items.find((entry) => entry.id === id)?.enabled;
  }
}

export class FakeTray extends EventEmitter {
  image: unknown;
  tooltip = '';
  menu: FakeMenu | undefined;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    record.trays.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeNotification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }
  options: { title: string; body: string };
  shown = false;
  constructor(options: { title: string; body: string }) {
    super();
    this.options = options;
  }
  show(): void {
    this.shown = true;
    record.notifications.push(this);
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
  /** No system proxy on the test machine. */
  async resolveProxy(_url: string): Promise<string> {
    return 'DIRECT';
  }
}

const defaultSession = new FakeSession();

export const app = new FakeApp();
export const Tray = FakeTray;
export const Notification = FakeNotification;
export const Menu = {
  buildFromTemplate: (items: MenuItemOptions[]) => new FakeMenu(items),
  setApplicationMenu(menu: FakeMenu | null) {
    record.applicationMenu = menu ?? undefined;
  },
};
export const nativeImage = {
  createFromPath: (file: string) => ({ file, template: false, setTemplateImage(flag: boolean) { this.template = flag; } }),
};
let nextBlocker = 1;
export const powerSaveBlocker = {
  start(type: string): number {
    const id = nextBlocker++;
    record.blockers.set(id, { type, stopped: false });
    return id;
  },
  stop(id: number): void {
    const blocker = record.blockers.get(id);
    if (!blocker || blocker.stopped) throw new Error(`fake electron: blocker ${id} is not running`);
    blocker.stopped = true;
  },
  isStarted: (id: number) => record.blockers.get(id)?.stopped === false,
};
export const powerMonitor = new EventEmitter();
export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
    record.schemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
    record.protocolHandlers.set(scheme, handler);
  },
};
export const ipcMain = new FakeIpcMain();
export const BrowserWindow = FakeBrowserWindow;
export const session = { defaultSession };
export const dialog = {
  showErrorBox(title: string, content: string) {
    record.errorBoxes.push({ title, content });
  },
  async showMessageBox(...args: unknown[]) {
    const options = (args.length > 1 ? args[1] : args[0]) as { message?: string; detail?: string; buttons?: string[] };
    record.messageBoxes.push(options);
    return { response: record.nextMessageBoxResponse, checkboxChecked: false };
  },
  async showOpenDialog(...args: unknown[]) {
    const options = (args.length > 1 ? args[1] : args[0]) as { defaultPath?: string; properties?: string[] };
    record.openDialogs.push({ window: args.length > 1, options });
    const folder = record.nextFolder;
    return folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] };
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

export default { app, ipcMain, BrowserWindow, session, dialog, shell, contextBridge, ipcRenderer, Tray, Notification, Menu, nativeImage, powerSaveBlocker, powerMonitor, protocol };
