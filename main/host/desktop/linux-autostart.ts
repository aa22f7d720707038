// Start at login on Linux, where Electron's setLoginItemSettings does nothing: the XDG
// autostart entry (~/.config/autostart/<name>.desktop) that desktops run at login.

import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from '../../engine/make-folders.ts';

const FILE_NAME = 'tsuzuki.desktop';

/** One Exec argument, quoted as the Desktop Entry specification asks when it needs it. */
export function execArgument(value: string): string {
  if (/^[A-Za-z0-9_@+=:,./-]+$/.test(value)) return value;
  // Inside double quotes, ", `, $ and \ are escaped with a backslash; % is doubled everywhere.
  return `"${value.replace(/(["`$\\])/g, '\\$1').replace(/%/g, '%%')}"`;
}

export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Tsuzuki',
    'Comment=Resumable downloads, started in the tray at login',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes or removes the entry; `command` is the executable and its arguments. */
export function setLinuxAutostart(enabled: boolean, options: { configHome: string; command: readonly string[] }): void {
  const file = path.join(options.configHome, 'autostart', FILE_NAME);
  if (!enabled) return void fs.rmSync(file, { force: true });
  makeFolders(path.dirname(file));
  fs.writeFileSync(file, autostartEntry(options.command), { mode: 0o644 });
}
