// Renders every icon the app needs from the one source, build/icon.svg:
//   build/icon.png (1024 px)                    electron-builder (it makes the macOS .icns from it)
//   build/icon.ico                              the Windows installer and exe (made by `npm run dist`,
//                                               not committed: the 256 px size is stored uncompressed)
//   build/icons/NxN.png                         the Linux desktop entry's sizes
//   resources/icon.png                          the window, notifications, About
//   resources/tray.png (+ @2x)                  the tray on Windows and Linux
//   resources/trayTemplate.png (+ @2x)          the macOS menu bar (black on transparent; the
//                                               system tints it): the glyph without its plate
// Run `npm run icons` after changing the SVG; the PNGs are small and committed, so neither
// `npm start` nor the app needs the renderer. @resvg/resvg-js renders SVG faithfully without a
// browser or native toolchain; png-to-ico packs the Windows sizes.

import { Resvg } from '@resvg/resvg-js';
import fs from 'node:fs';
import path from 'node:path';
import pngToIco from 'png-to-ico';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = path.join(ROOT, 'build', 'icon.svg');

const svg = fs.readFileSync(SOURCE, 'utf8');
// The template: no plate, the glyph in black, full opacity strokes stay as they are.
const template = svg.replace(/<rect id="plate"[^>]*\/>/, '').replace(/stroke="#ffffff"/g, 'stroke="#000000"');
if (template === svg) throw new Error('build/icon.svg lost its "plate" rect; the tray template cannot be drawn');

function render(source: string, size: number): Buffer {
  return Buffer.from(new Resvg(source, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng());
}

function write(relative: string, bytes: Buffer): void {
  const file = path.join(ROOT, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  console.log(`${relative}  ${bytes.length} bytes`);
}

write('build/icon.png', render(svg, 1024));
for (const size of [16, 32, 48, 64, 128, 256, 512]) write(`build/icons/${size}x${size}.png`, render(svg, size));
write('build/icon.ico', await pngToIco([16, 24, 32, 48, 64, 128, 256].map((size) => render(svg, size))));
write('resources/icon.png', render(svg, 256));
write('resources/tray.png', render(svg, 16));
write('resources/tray@2x.png', render(svg, 32));
write('resources/trayTemplate.png', render(template, 16));
write('resources/trayTemplate@2x.png', render(template, 32));
