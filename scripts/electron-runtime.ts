// Where the Electron runtime (the binary that is not part of the npm package) lives, and
// fetching it with the electron package's own installer when it is missing. Electron 45
// has no postinstall and electron-vite only reads `node_modules/electron/path.txt`, so
// `npm start`, `npm run dev` and the Electron end-to-end test come through here first.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const PACKAGE_DIR = path.join(ROOT, 'node_modules', 'electron');
/** A real download is about 100 MB; past this, a stuck transfer is given up. */
const INSTALL_TIMEOUT_MS = 30 * 60_000;

/** The Electron executable, when it has been downloaded (undefined otherwise). */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pathFile = path.join(PACKAGE_DIR, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  if (!executable) return undefined;
  const binary = path.join(env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(PACKAGE_DIR, 'dist'), executable);
  return fs.existsSync(binary) ? binary : undefined;
}

export type InstallOutcome = { ok: true; binary: string } | { ok: false; reason: string };

/**
 * Runs the electron package's installer (`install-electron`): it downloads the runtime into
 * node_modules/electron/dist, or reuses its cache. Its own error output (a stack trace) is
 * kept back; the outcome carries the last line of it as the reason.
 */
export async function installElectron(options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; onOutput?: (chunk: Buffer) => void } = {}): Promise<InstallOutcome> {
  const env = options.env ?? process.env;
  const installer = path.join(PACKAGE_DIR, 'install.js');
  if (!fs.existsSync(installer)) return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  const child = spawn(process.execPath, [installer], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeoutMs ?? INSTALL_TIMEOUT_MS });
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => options.onOutput?.(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    // Only the start is kept: it names the error; the rest is the stack.
    if (errors.length < 4000) errors += chunk.toString('utf8');
  });
  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: Error }>((resolve) => {
    child.once('error', (spawnError) => resolve({ code: null, signal: null, spawnError }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const binary = electronBinary(env);
  if (outcome.code === 0 && binary) return { ok: true, binary };
  if (outcome.spawnError) return { ok: false, reason: outcome.spawnError.message };
  if (outcome.signal) return { ok: false, reason: `the download did not finish in time (${outcome.signal})` };
  return { ok: false, reason: firstErrorLine(errors) ?? `the installer exited with code ${outcome.code}` };
}

/** "TypeError: fetch failed" out of a stack trace; "HTTPError: … 404" and the like. */
function firstErrorLine(text: string): string | undefined {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('at '));
  const named = lines.find((line) => /^[A-Za-z]*Error\b|^Error:/.test(line));
  const line = (named ?? lines[0])?.replace(/^TypeError: /, '').slice(0, 300);
  return line === 'fetch failed' ? 'no connection to the download server (fetch failed)' : line;
}
