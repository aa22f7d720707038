// Whether opening a downloaded file should be confirmed first: a file that runs code when
// opened (a program, an installer, a script, a shortcut). Browsers ask the same before
// opening such a download; the operating system's own warning (from the file's recorded
// origin) may not exist on every platform or file system. Pure: a name and a platform in,
// an answer out, so the desktop shell only wires it to its "open" command.

const EVERYWHERE = ['jar', 'py', 'pyw', 'pl', 'rb', 'js', 'jse', 'mjs', 'cjs', 'html', 'htm', 'svg', 'xhtml'];
const BY_PLATFORM: Record<string, string[]> = {
  win32: ['exe', 'msi', 'msix', 'msixbundle', 'appx', 'bat', 'cmd', 'com', 'scr', 'pif', 'cpl', 'ps1', 'psm1', 'vbs', 'vbe', 'wsf', 'wsh', 'hta', 'lnk', 'url', 'reg', 'inf', 'msc', 'dll', 'iso', 'img', 'vhd', 'vhdx', 'application', 'appref-ms', 'settingcontent-ms', 'library-ms', 'chm'],
  darwin: ['app', 'command', 'tool', 'pkg', 'mpkg', 'dmg', 'terminal', 'workflow', 'scpt', 'applescript', 'action', 'sh', 'zsh', 'bash', 'webloc', 'inetloc', 'fileloc'],
  linux: ['sh', 'bash', 'zsh', 'run', 'bin', 'appimage', 'desktop', 'deb', 'rpm', 'snap', 'flatpak', 'flatpakref', 'elf', 'out'],
};

/** The extension to judge by: the last one, lower-cased, with trailing dots and spaces ignored (Windows drops them). */
function extensionOf(fileName: string): string {
  const trimmed = fileName.replace(/[.\s]+$/, '');
  const dot = trimmed.lastIndexOf('.');
  return dot <= 0 ? '' : trimmed.slice(dot + 1).toLowerCase();
}

/** True when the file should not be opened without the user confirming it. */
export function needsOpenConfirmation(fileName: string, platform: NodeJS.Platform): boolean {
  const ext = extensionOf(fileName);
  if (ext === '') return platform !== 'win32'; // a file without extension may be an executable on Unix
  return EVERYWHERE.includes(ext) || (BY_PLATFORM[platform] ?? BY_PLATFORM['linux']!).includes(ext);
}
