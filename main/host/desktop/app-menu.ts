// The application menu as data: Electron's standard roles where they exist (so cut, copy,
// paste and select all work in the add box, and each platform gets its own accelerators),
// plus About. Reload and the developer tools are there in development only.

export type MenuRole =
  | 'appMenu' | 'editMenu' | 'windowMenu' | 'quit' | 'close'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'reload' | 'forceReload' | 'toggleDevTools';

export type MenuAction = 'about';

export type MenuEntry =
  | { role: MenuRole }
  | { separator: true }
  | { action: MenuAction; label: string }
  | { label: string; submenu: MenuEntry[]; role?: 'help' | 'window' };

export function appMenu(options: { mac: boolean; packaged: boolean; labels: { file: string; view: string; help: string; about: string } }): MenuEntry[] {
  const { mac, packaged, labels } = options;
  const view: MenuEntry[] = [
    ...(packaged ? [] : ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { separator: true }] as MenuEntry[])),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { separator: true },
    { role: 'togglefullscreen' },
  ];
  return [
    // macOS puts About, Hide and Quit in the menu named after the app.
    ...(mac ? ([{ role: 'appMenu' }] as MenuEntry[]) : [{ label: labels.file, submenu: [{ role: 'close' }, { role: 'quit' }] as MenuEntry[] }]),
    { role: 'editMenu' },
    { label: labels.view, submenu: view },
    { role: 'windowMenu' },
    { label: labels.help, role: 'help', submenu: [{ action: 'about', label: labels.about }] },
  ];
}
