import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { needsOpenConfirmation } from '../../main/host/open-warning.ts';

describe('asking before opening a downloaded file', () => {
  it('asks for programs, installers, scripts and shortcuts of the platform', () => {
    assert.equal(needsOpenConfirmation('setup.exe', 'win32'), true);
    assert.equal(needsOpenConfirmation('SETUP.EXE. ', 'win32'), true, 'trailing dots and spaces are dropped by Windows');
    assert.equal(needsOpenConfirmation('Tool.dmg', 'darwin'), true);
    assert.equal(needsOpenConfirmation('install.sh', 'linux'), true);
    assert.equal(needsOpenConfirmation('App.AppImage', 'linux'), true);
    assert.equal(needsOpenConfirmation('page.html', 'linux'), true);
  });

  it('opens documents, pictures and archives without asking', () => {
    for (const name of ['report.pdf', 'photo.jpg', 'data.tar.gz', 'notes.txt', 'movie.mkv']) {
      for (const platform of ['win32', 'darwin', 'linux'] as const) assert.equal(needsOpenConfirmation(name, platform), false, `${name} on ${platform}`);
    }
  });

  it('asks for a file without extension on Unix (it may be an executable)', () => {
    assert.equal(needsOpenConfirmation('tool', 'linux'), true);
    assert.equal(needsOpenConfirmation('tool', 'win32'), false);
  });
});
