// The settings dialog's fields as text (what the inputs hold) and back to a settings patch,
// with the checks a person needs to hear about before anything is sent.

import type { Settings } from '../../../main/contract.ts';

export type SpeedUnit = 'kB/s' | 'MB/s';

export interface SettingsForm {
  dir: string;
  maxConcurrent: string;
  connections: string;
  speedLimit: string;
  speedUnit: SpeedUnit;
  autoResume: boolean;
  closeToTray: boolean;
  notifications: boolean;
  keepAwake: boolean;
  startAtLogin: boolean;
}

/** The on/off settings, sent when they changed. */
const SWITCHES = ['autoResume', 'closeToTray', 'notifications', 'keepAwake', 'startAtLogin'] as const;

export type SettingsPatch = Partial<Pick<Settings, 'dir' | 'maxConcurrent' | 'connections' | 'speedLimit' | (typeof SWITCHES)[number]>>;

const UNIT_BYTES: Record<SpeedUnit, number> = { 'kB/s': 1000, 'MB/s': 1_000_000 };

export function toForm(settings: Settings): SettingsForm {
  const limit = settings.speedLimit;
  const unit: SpeedUnit = limit >= 1_000_000 && limit % 100_000 === 0 ? 'MB/s' : 'kB/s';
  return {
    dir: settings.dir,
    maxConcurrent: String(settings.maxConcurrent),
    connections: String(settings.connections),
    speedLimit: limit === 0 ? '0' : String(Math.round((limit / UNIT_BYTES[unit]) * 10) / 10),
    speedUnit: unit,
    autoResume: settings.autoResume,
    closeToTray: settings.closeToTray,
    notifications: settings.notifications,
    keepAwake: settings.keepAwake,
    startAtLogin: settings.startAtLogin,
  };
}

/** What is wrong with a field: a catalogue key under `ui.settings.errors` and its numbers. */
export interface FieldProblem {
  key: 'dirEmpty' | 'maxConcurrentRange' | 'connectionsRange' | 'speedLimitNumber';
  params?: Record<string, number>;
}

export type FormResult = { ok: true; patch: SettingsPatch } | { ok: false; field: keyof SettingsForm; problem: FieldProblem };

/** The fields that changed, checked; or the first field that is wrong and why. */
export function toPatch(form: SettingsForm, current: Settings): FormResult {
  const dir = form.dir.trim();
  if (dir === '') return { ok: false, field: 'dir', problem: { key: 'dirEmpty' } };
  const maxConcurrent = wholeNumber(form.maxConcurrent);
  if (maxConcurrent === null || maxConcurrent < 1 || maxConcurrent > 64) return { ok: false, field: 'maxConcurrent', problem: { key: 'maxConcurrentRange', params: { min: 1, max: 64 } } };
  const connections = wholeNumber(form.connections);
  if (connections === null || connections < 1 || connections > 32) return { ok: false, field: 'connections', problem: { key: 'connectionsRange', params: { min: 1, max: 32 } } };
  const limitText = form.speedLimit.trim();
  const limit = limitText === '' ? 0 : Number(limitText);
  if (!Number.isFinite(limit) || limit < 0) return { ok: false, field: 'speedLimit', problem: { key: 'speedLimitNumber' } };
  const speedLimit = Math.round(limit * UNIT_BYTES[form.speedUnit]);

  const patch: SettingsPatch = {};
  if (dir !== current.dir) patch.dir = dir;
  if (maxConcurrent !== current.maxConcurrent) patch.maxConcurrent = maxConcurrent;
  if (connections !== current.connections) patch.connections = connections;
  if (speedLimit !== current.speedLimit) patch.speedLimit = speedLimit;
  for (const key of SWITCHES) if (form[key] !== current[key]) patch[key] = form[key];
  return { ok: true, patch };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}
