// What a new installation starts with. Hosts override some (the CLI's flags, the app's
// Downloads folder); the user changes them in Settings.

import os from 'node:os';
import path from 'node:path';
import type { Settings } from './item.ts';

export function defaultSettings(): Settings {
  return {
    dir: path.join(os.homedir(), 'Downloads'),
    maxConcurrent: 3,
    connections: 8,
    perHostConnections: 16,
    speedLimit: 0,
    autoResume: true,
    maxRetries: 5,
    stallTimeoutMs: 20_000,
    resumeWithoutValidator: false,
    // Room for the checkpoint store (and everyone else) once a download has filled the disk.
    diskReserveBytes: 32 * 1024 * 1024,
    allowInsecureRedirects: false,
    closeToTray: true,
    notifications: true,
    keepAwake: true,
    startAtLogin: false,
    proxy: '',
    language: 'system',
  };
}
