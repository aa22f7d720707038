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

/** Stored whole numbers that must be at least this (a zero would run nothing, or stall at once); the others at least 0. */
const AT_LEAST: Partial<Record<keyof Settings, number>> = { maxConcurrent: 1, connections: 1, perHostConnections: 1, stallTimeoutMs: 1000 };

/**
 * The settings of a stored document worth believing: each of a known name, of its
 * default's type, and whole numbers not below their floor. A hand-edited file with
 * `"maxConcurrent": 0` would start nothing and wait forever, `"stallTimeoutMs": null` fail
 * every download at once; such a value is left out, so the default (or the host's) applies.
 */
export function storedSettings(stored: Record<string, unknown>): Partial<Settings> {
  const defaults = defaultSettings() as unknown as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in defaults) || typeof value !== typeof defaults[key]) continue;
    if (typeof value === 'number' && !(Number.isSafeInteger(value) && value >= (AT_LEAST[key as keyof Settings] ?? 0))) continue;
    if (key === 'dir' && value === '') continue;
    kept[key] = value;
  }
  return kept as Partial<Settings>;
}
