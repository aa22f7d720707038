// What a run left on disk, checked after the clock stopped: a tool that exits 0 without every
// byte in place has failed, however fast it was.

import fs from 'node:fs';
import path from 'node:path';
import { sha256Of, type Source } from './data.ts';

interface Found {
  name: string;
  file: string;
  bytes: number;
}

/** Regular files under `dir`, without aria2c's control files. */
export function listFiles(dir: string): Found[] {
  const found: Found[] = [];
  const walk = (folder: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile() && !entry.name.endsWith('.aria2')) found.push({ name: path.relative(dir, file), file, bytes: fs.statSync(file).size });
    }
  };
  walk(dir);
  return found;
}

/** Exactly one file, the source's size and SHA-256. */
export async function checkOneFile(dir: string, source: Source): Promise<string | undefined> {
  const files = listFiles(dir);
  if (files.length !== 1) return `wrong output: ${files.length} files (${files.slice(0, 3).map((f) => f.name).join(', ') || 'none'})`;
  const [file] = files as [Found];
  if (file.bytes !== source.bytes) return `wrong output: ${file.name} has ${file.bytes} of ${source.bytes} bytes`;
  if ((await sha256Of(file.file)) !== source.sha256) return `wrong output: ${file.name} differs from the source (SHA-256)`;
  return undefined;
}

/** Every expected file under its own name with the right content, and nothing else. */
export function checkManyFiles(dir: string, expected: Map<string, Buffer>): string | undefined {
  const files = listFiles(dir);
  let right = 0;
  for (const file of files) {
    const content = expected.get(file.name);
    if (content && file.bytes === content.length && fs.readFileSync(file.file).equals(content)) right += 1;
  }
  if (right === expected.size && files.length === expected.size) return undefined;
  return `wrong output: ${right} of ${expected.size} files right, ${files.length} files in all`;
}

/** How far downloads stopped midway got: files begun, bytes on disk (apparent sizes). */
export function progressOf(dir: string): { started: number; bytes: number } {
  const files = listFiles(dir);
  return { started: files.filter((f) => f.bytes > 0).length, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}
