// The settings dialog's fields as text (what the inputs hold) and back to a settings patch,
// with the checks a person needs to hear about before anything is sent.

import type { Settings } from '../../../main/contract.ts';

export type SpeedUnit = 'kB/s' | 'MB/s';
export type SizeUnit = 'MB' | 'GB';

export interface SettingsForm {
  dir: string;
  maxConcurrent: string;
  connections: string;
  perHostConnections: string;
  speedLimit: string;
  speedUnit: SpeedUnit;
  diskReserve: string;
  diskReserveUnit: SizeUnit;
  autoResume: boolean;
  allowInsecureRedirects: boolean;
  closeToTray: boolean;
  notifications: boolean;
  keepAwake: boolean;
  startAtLogin: boolean;
}

/** The on/off settings, sent when they changed. */
const SWITCHES = ['autoResume', 'allowInsecureRedirects', 'closeToTray', 'notifications', 'keepAwake', 'startAtLogin'] as const;

export type SettingsPatch = Partial<Pick<Settings, 'dir' | 'maxConcurrent' | 'connections' | 'perHostConnections' | 'speedLimit' | 'diskReserveBytes' | (typeof SWITCHES)[number]>>;

const UNIT_BYTES: Record<SpeedUnit | SizeUnit, number> = { 'kB/s': 1000, 'MB/s': 1_000_000, MB: 1_000_000, GB: 1_000_000_000 };
/** Under the contract's bound (2^40 bytes), in a round number a person can read. */
const MAX_RESERVE_GB = 1000;

/** An amount in a unit, to one decimal (SI, as everywhere in the window). */
function amountIn(bytes: number, unit: SpeedUnit | SizeUnit): string {
  return bytes === 0 ? '0' : String(Math.round((bytes / UNIT_BYTES[unit]) * 10) / 10);
}

export function toForm(settings: Settings): SettingsForm {
  const limit = settings.speedLimit;
  const unit: SpeedUnit = limit >= 1_000_000 && limit % 100_000 === 0 ? 'MB/s' : 'kB/s';
  const reserve = settings.diskReserveBytes;
  const reserveUnit: SizeUnit = reserve >= 1_000_000_000 && reserve % 100_000_000 === 0 ? 'GB' : 'MB';
  return {
    dir: settings.dir,
    maxConcurrent: String(settings.maxConcurrent),
    connections: String(settings.connections),
    perHostConnections: String(settings.perHostConnections),
    speedLimit: amountIn(limit, unit),
    speedUnit: unit,
    diskReserve: amountIn(settings.diskReserveBytes, reserveUnit),
    diskReserveUnit: reserveUnit,
    autoResume: settings.autoResume,
    allowInsecureRedirects: settings.allowInsecureRedirects,
    closeToTray: settings.closeToTray,
    notifications: settings.notifications,
    keepAwake: settings.keepAwake,
    startAtLogin: settings.startAtLogin,
  };
}

/** What is wrong with a field: a catalogue key under `ui.settings.errors` and its numbers. */
export interface FieldProblem {
  key: 'dirEmpty' | 'maxConcurrentRange' | 'connectionsRange' | 'perHostRange' | 'speedLimitNumber' | 'diskReserveRange';
  params?: Record<string, number>;
}

export type FormResult = { ok: true; patch: SettingsPatch } | { ok: false; field: keyof SettingsForm; problem: FieldProblem };

/**
 * The fields that changed, checked; or the first field that is wrong and why. `unreadable`
 * names the number boxes holding what the browser cannot read as a number ("1e", "-"): it
 * hands the page an empty value for them, which must not pass for 0 (no limit, nothing kept free).
 */
export function toPatch(input: SettingsForm, current: Settings, unreadable: ReadonlySet<keyof SettingsForm> = new Set()): FormResult {
  const form = unreadable.size === 0 ? input : { ...input, ...Object.fromEntries([...unreadable].map((key) => [key, 'unreadable'])) };
  const dir = form.dir.trim();
  if (dir === '') return { ok: false, field: 'dir', problem: { key: 'dirEmpty' } };
  const maxConcurrent = wholeNumber(form.maxConcurrent);
  if (maxConcurrent === null || maxConcurrent < 1 || maxConcurrent > 64) return { ok: false, field: 'maxConcurrent', problem: { key: 'maxConcurrentRange', params: { min: 1, max: 64 } } };
  const connections = wholeNumber(form.connections);
  if (connections === null || connections < 1 || connections > 32) return { ok: false, field: 'connections', problem: { key: 'connectionsRange', params: { min: 1, max: 32 } } };
  const perHostConnections = wholeNumber(form.perHostConnections);
  // The same bounds as the contract's settings schema.
  if (perHostConnections === null || perHostConnections < 1 || perHostConnections > 256) {
    return { ok: false, field: 'perHostConnections', problem: { key: 'perHostRange', params: { min: 1, max: 256 } } };
  }
  const limitText = form.speedLimit.trim();
  const limit = limitText === '' ? 0 : Number(limitText);
  if (!Number.isFinite(limit) || limit < 0) return { ok: false, field: 'speedLimit', problem: { key: 'speedLimitNumber' } };
  const speedLimit = Math.round(limit * UNIT_BYTES[form.speedUnit]);
  const reserveText = form.diskReserve.trim();
  const reserve = reserveText === '' ? 0 : Number(reserveText);
  const diskReserveBytes = Math.round(reserve * UNIT_BYTES[form.diskReserveUnit]);
  if (!Number.isFinite(reserve) || reserve < 0 || diskReserveBytes > MAX_RESERVE_GB * UNIT_BYTES.GB) {
    return { ok: false, field: 'diskReserve', problem: { key: 'diskReserveRange', params: { max: MAX_RESERVE_GB } } };
  }
  // The field shows the reserve to a tenth of its unit (32 MiB reads 33.6 MB): left as shown,
  // it keeps the exact value instead of rounding it.
  const shown = toForm(current);
  const reserveUntouched = reserveText === shown.diskReserve && form.diskReserveUnit === shown.diskReserveUnit;

  const patch: SettingsPatch = {};
  if (dir !== current.dir) patch.dir = dir;
  if (maxConcurrent !== current.maxConcurrent) patch.maxConcurrent = maxConcurrent;
  if (connections !== current.connections) patch.connections = connections;
  if (perHostConnections !== current.perHostConnections) patch.perHostConnections = perHostConnections;
  if (speedLimit !== current.speedLimit) patch.speedLimit = speedLimit;
  if (!reserveUntouched && diskReserveBytes !== current.diskReserveBytes) patch.diskReserveBytes = diskReserveBytes;
  for (const key of SWITCHES) if (form[key] !== current[key]) patch[key] = form[key];
  return { ok: true, patch };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}
