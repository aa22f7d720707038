// What the packaged desktop app is built with, checked without building it (that needs the
// network): the Electron fuses in electron-builder.yml, and icons that are really the ones
// scripts/make-icons.ts renders from build/icon.svg (a changed SVG without `npm run icons`
// fails here), where the window, tray and installers look for them.

import assert from 'node:assert/strict';
import { Resvg } from '@resvg/resvg-js';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const builderConfig = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');

/** The `key: value` lines of one top-level block of the YAML file (it is flat enough for this). */
function block(name: string): Map<string, string> {
  const lines = builderConfig.split('\n');
  const start = lines.indexOf(`${name}:`);
  assert.ok(start >= 0, `electron-builder.yml has no ${name}:`);
  const entries = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith(' ')) break;
    const match = /^ {2}([A-Za-z]+): (.+)$/.exec(line);
    if (match) entries.set(match[1]!, match[2]!.trim());
  }
  return entries;
}

describe('packaging', () => {
  it('flips the Electron fuses: no run-as-node, NODE_OPTIONS or --inspect; ASAR only and checked; no file: privileges', () => {
    const fuses = block('electronFuses');
    assert.equal(fuses.get('runAsNode'), 'false');
    assert.equal(fuses.get('enableNodeOptionsEnvironmentVariable'), 'false');
    assert.equal(fuses.get('enableNodeCliInspectArguments'), 'false');
    assert.equal(fuses.get('enableEmbeddedAsarIntegrityValidation'), 'true');
    assert.equal(fuses.get('onlyLoadAppFromAsar'), 'true');
    assert.equal(fuses.get('grantFileProtocolExtraPrivileges'), 'false');
    assert.match(builderConfig, /^asar: true$/m);
  });

  it('unpacks native binaries from the asar, where the xattr library has its .node file', () => {
    assert.match(builderConfig, /^asarUnpack:\n {2}- "\*\*\/\*\.node"$/m);
    const platformPackages = fs.readdirSync(path.join(ROOT, 'node_modules', '@napi-rs')).filter((name) => name.startsWith('xattr-'));
    const binaries = platformPackages.flatMap((name) => fs.readdirSync(path.join(ROOT, 'node_modules', '@napi-rs', name)).filter((file) => file.endsWith('.node')));
    assert.ok(binaries.length > 0, `a prebuilt .node in ${platformPackages.join(', ') || 'no platform package'}`);
  });

  it('points each platform at its icon, and packs the run-time icons', () => {
    assert.equal(block('mac').get('icon'), 'build/icon.png');
    assert.equal(block('win').get('icon'), 'build/icon.ico');
    assert.equal(block('linux').get('icon'), 'build/icons');
    assert.match(builderConfig, /^ {2}- resources\/\*\*$/m);
    assert.match(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'), /"dist": "npm run icons && /, 'dist makes the ICO first');
  });

  it('has the icons rendered from build/icon.svg, at their sizes', () => {
    const svg = fs.readFileSync(path.join(ROOT, 'build', 'icon.svg'), 'utf8');
    const expected: [string, number][] = [
      ['build/icon.png', 1024],
      ['build/icons/16x16.png', 16],
      ['build/icons/256x256.png', 256],
      ['build/icons/512x512.png', 512],
      ['resources/icon.png', 256],
      ['resources/tray.png', 16],
      ['resources/tray@2x.png', 32],
    ];
    for (const [file, size] of expected) {
      const bytes = fs.readFileSync(path.join(ROOT, file));
      assert.equal(bytes.readUInt32BE(16), size, `${file} is ${size} px wide`);
      const rendered = Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng());
      assert.ok(rendered.equals(bytes), `${file} is out of date: run npm run icons`);
    }
    for (const file of ['resources/trayTemplate.png', 'resources/trayTemplate@2x.png']) assert.ok(fs.statSync(path.join(ROOT, file)).size > 0, file);
  });
});
