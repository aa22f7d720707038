// The names of the contract without its schemas: which commands and events exist, their
// Electron IPC channels and the web host's socket path. The sandboxed preload and the web
// client need only these, so they bundle this file and not zod (the schemas live in
// contract.ts, which checks them against these names). Both lists are exhaustive by type:
// a command or event added to the contract's types and not here does not compile.

import type { CommandResults, EventPayloads } from './contract.ts';

const COMMAND_SET: { [C in keyof CommandResults]: true } = {
  add: true,
  pause: true,
  resume: true,
  pauseAll: true,
  resumeAll: true,
  cancel: true,
  remove: true,
  retry: true,
  changeUrl: true,
  reorder: true,
  list: true,
  getSettings: true,
  setSettings: true,
  getStatus: true,
  openFile: true,
  showInFolder: true,
  getHostFeatures: true,
  chooseFolder: true,
  listPairings: true,
  answerPairing: true,
  revokePairing: true,
  listSetAside: true,
};

const EVENT_SET: { [E in keyof EventPayloads]: true } = {
  items: true,
  settings: true,
  reveal: true,
  pairings: true,
};

export type Command = keyof CommandResults;
export type EventName = keyof EventPayloads;

export const COMMANDS = Object.keys(COMMAND_SET) as readonly Command[];
export const EVENT_NAMES = Object.keys(EVENT_SET) as readonly EventName[];

export function isCommand(name: unknown): name is Command {
  return typeof name === 'string' && Object.hasOwn(COMMAND_SET, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(EVENT_SET, name);
}

/** Electron IPC: one channel per command and per event, so main can allowlist each one. */
export const commandChannel = (command: Command): `tsuzuki:${Command}` => `tsuzuki:${command}`;
export const eventChannel = (event: EventName): `tsuzuki:event:${EventName}` => `tsuzuki:event:${event}`;

/** The path of the web host's WebSocket. */
export const WS_PATH = '/ws';

/** What counts as a downloadable link, for the window's paste and drop (the engine's own rule). */
export { webUrlOf } from './engine/web-url.ts';
