// Run by `npm start` and `npm run dev` before electron-vite: makes sure the Electron runtime
// is there, downloading it once if needed. Offline it says so in plain words and names what
// works without it, then exits 1 (never a stack trace).

import { electronBinary, installElectron } from './electron-runtime.ts';

if (!electronBinary()) {
  console.log('Tsuzuki: downloading the Electron runtime for the desktop app (once, about 100 MB)…');
  const outcome = await installElectron({ onOutput: (chunk) => process.stdout.write(chunk) });
  if (!outcome.ok) {
    console.error(
      [
        '',
        'Tsuzuki: the desktop app could not start, because the Electron runtime could not be downloaded.',
        `  Reason: ${outcome.reason}`,
        '',
        'The desktop app needs this one download (about 100 MB). When you are online, run',
        '`npm start` again (or `npx install-electron`) to fetch it.',
        '',
        'What works now, without it:',
        '  npx tsuzuki serve         the same window in your browser (http://127.0.0.1:7890)',
        '  npx tsuzuki get URL…      downloads from the terminal',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
  console.log('Tsuzuki: Electron is ready.');
}
