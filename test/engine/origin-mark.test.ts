// A finished file says where it came from, as a browser's download does: read back from the
// real file's extended attributes, without the link's user name and password; a disk that
// keeps no attributes still gets the complete file, with the reason in its history.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setAttributeSync } from '@napi-rs/xattr';
import { attributesFor, markOrigin, quarantineValue, zoneIdentifier } from '../../main/engine/origin-mark.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { downloadOne, openTestManager } from '../support/manager.ts';
import { CANNOT_MOUNT_RAMFS, mountDiskWithoutXattrs } from '../support/small-disk.ts';
import { attribute, NOT_LINUX } from '../support/xattrs.ts';

const ORIGIN = 'user.xdg.origin.url';
const REFERRER = 'user.xdg.referrer.url';
const body = testBytes(200_000, 11);

/** Whether this machine's temp folder keeps user attributes at all (else nothing here can be shown). */
function tempKeepsAttributes(dir: string): boolean {
  const probe = path.join(dir, 'probe');
  fs.writeFileSync(probe, '');
  try {
    setAttributeSync(probe, 'user.tsuzuki.probe', '1');
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe);
  }
}

describe('where a finished file came from', { skip: NOT_LINUX }, () => {
  let server: FaultServer;
  let ws: ReturnType<typeof tempWorkspace>;
  before(async () => {
    server = await startFaultServer();
    ws = tempWorkspace();
  });
  after(async () => {
    await server.close();
    ws.cleanup();
  });

  it('records the link without its user name and password, and the page it came from', async (t) => {
    if (!tempKeepsAttributes(ws.root)) return t.skip('the temp folder keeps no user extended attributes');
    server.serve('/tool.bin', { body });
    const link = server.url('/tool.bin').replace('http://', 'http://alice:s3cret@');
    const manager = await openTestManager(ws.state, ws.downloads);
    const item = await downloadOne(manager, link, { headers: { Referer: 'https://bob:pw@example.com/page?x=1' } });
    await manager.close();
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    assert.equal(attribute(item.path!, ORIGIN), server.url('/tool.bin'));
    assert.equal(attribute(item.path!, REFERRER), 'https://example.com/page?x=1');
    assert.ok(!item.history.some((entry) => entry.code === 'originNotRecorded'), JSON.stringify(item.history));
  });

  it('records where the bytes came from after a redirect, and no referrer when the item has none', async (t) => {
    if (!tempKeepsAttributes(ws.root)) return t.skip('the temp folder keeps no user extended attributes');
    server.serve('/cdn/setup.bin', { body });
    server.redirect('/get-setup', '/cdn/setup.bin');
    const manager = await openTestManager(ws.state, ws.downloads);
    const item = await downloadOne(manager, server.url('/get-setup'));
    await manager.close();
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(attribute(item.path!, ORIGIN), server.url('/cdn/setup.bin'));
    assert.equal(attribute(item.path!, REFERRER), undefined);
  });

  it('sets nothing through a link put at the final name, and leaves its target alone', async (t) => {
    if (!tempKeepsAttributes(ws.root)) return t.skip('the temp folder keeps no user extended attributes');
    const target = path.join(ws.root, 'elsewhere.txt');
    fs.writeFileSync(target, 'not a download');
    const link = path.join(ws.downloads, 'planted.bin');
    fs.symlinkSync(target, link);
    const problem = await markOrigin(link, fs.statSync(target).ino, { url: 'http://example.com/x' });
    assert.equal(problem, 'EREPLACED');
    assert.equal(attribute(target, ORIGIN), undefined);
  });

  it('finishes the download on a disk that keeps no attributes, noting why the file is unmarked', async (t) => {
    const disk = mountDiskWithoutXattrs();
    if (!disk) return t.skip(CANNOT_MOUNT_RAMFS);
    try {
      server.serve('/plain.bin', { body });
      const manager = await openTestManager(disk.state, disk.downloads);
      const item = await downloadOne(manager, server.url('/plain.bin'), { headers: { Referer: 'https://example.com/' } });
      await manager.close();
      assert.equal(item.state, 'done', JSON.stringify(item.error));
      assert.deepEqual(fs.readdirSync(disk.downloads), ['plain.bin']);
      assert.equal(sha256(item.path!), sha256(body));
      const note = item.history.find((entry) => entry.code === 'originNotRecorded');
      assert.match(String(note?.params?.['detail']), /^E(OPNOTSUPP|NOTSUP)$/, JSON.stringify(item.history));
    } finally {
      disk.unmount();
    }
  });
});

describe('the marks of macOS and Windows, as browsers write them', () => {
  const origin = { url: 'https://dl.example.com/setup.exe', referrer: 'https://example.com/download' };

  it('macOS: com.apple.quarantine with the download flags, the time in hex seconds, the agent and the event id', () => {
    const at = Date.UTC(2026, 11, 1, 12, 0, 0);
    const id = '3b9296c0-c6f4-49b3-bac1-bcb229ffe7d6';
    assert.equal(quarantineValue(at + 999, id), '0081;6b0eb6c0;Tsuzuki;3B9296C0-C6F4-49B3-BAC1-BCB229FFE7D6');
    assert.deepEqual(attributesFor('darwin', origin, at, id), [['com.apple.quarantine', quarantineValue(at, id)]]);
  });

  it('Windows: a Zone.Identifier in the Internet zone with the page and the link', () => {
    assert.equal(zoneIdentifier(origin), '[ZoneTransfer]\r\nZoneId=3\r\nReferrerUrl=https://example.com/download\r\nHostUrl=https://dl.example.com/setup.exe\r\n');
    assert.equal(zoneIdentifier({ url: origin.url }), '[ZoneTransfer]\r\nZoneId=3\r\nHostUrl=https://dl.example.com/setup.exe\r\n');
  });

  it('Linux: the referrer attribute only when there is a referrer', () => {
    assert.deepEqual(attributesFor('linux', { url: origin.url }, 0, ''), [[ORIGIN, origin.url]]);
    assert.deepEqual(attributesFor('linux', origin, 0, ''), [
      [ORIGIN, origin.url],
      [REFERRER, origin.referrer],
    ]);
  });
});
