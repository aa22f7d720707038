import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHANGED_REASON, decide, parseContentRange, validatorsOf } from '../../main/engine/response-check.ts';

const etag = '"v1"';
const resume = { start: 100, ranged: true, total: 1000, validators: { etag } };
const now = Date.parse('2026-11-24T00:00:00Z');

describe('decide: what to do with a response before writing a byte', () => {
  it('writes a probe body from 0 and learns size, validators and ranges', () => {
    const decision = decide({ start: 0, ranged: false, total: undefined, validators: undefined }, { status: 200, headers: { 'content-length': '1000', etag, 'accept-ranges': 'bytes' } }, now);
    assert.deepEqual(decision, { kind: 'write', start: 0, facts: { total: 1000, validators: { etag }, acceptsRanges: true, encoding: undefined, contentDisposition: undefined } });
  });

  it('accepts a 206 that starts where we asked, with our size and ETag', () => {
    const decision = decide(resume, { status: 206, headers: { 'content-range': 'bytes 100-999/1000', etag } }, now);
    assert.equal(decision.kind, 'write');
    assert.equal(decision.kind === 'write' && decision.start, 100);
  });

  it('restarts on a 206 from another offset, another size or another ETag', () => {
    for (const headers of [
      { 'content-range': 'bytes 0-999/1000', etag },
      { 'content-range': 'bytes 100-1999/2000', etag },
      { 'content-range': 'bytes 100-999/1000', etag: '"v2"' },
    ]) {
      assert.equal(decide(resume, { status: 206, headers }, now).kind, 'restart', JSON.stringify(headers));
    }
  });

  it('never appends a 200 to a partial file: a 200 to a range is a rewrite from 0', () => {
    const same = decide(resume, { status: 200, headers: { 'content-length': '1000', etag } }, now);
    assert.equal(same.kind, 'rewrite');
    const changed = decide(resume, { status: 200, headers: { 'content-length': '1000', etag: '"v2"' } }, now);
    assert.equal(changed.kind === 'rewrite' && changed.reason, CHANGED_REASON);
  });

  it('412 means the file changed', () => {
    assert.deepEqual(decide(resume, { status: 412, headers: {} }, now), { kind: 'restart', reason: CHANGED_REASON });
  });

  it('416 with our exact size means complete; any other 416 restarts', () => {
    assert.equal(decide({ ...resume, start: 1000 }, { status: 416, headers: { 'content-range': 'bytes */1000' } }, now).kind, 'complete');
    assert.equal(decide(resume, { status: 416, headers: { 'content-range': 'bytes */1000' } }, now).kind, 'restart');
    assert.equal(decide({ ...resume, start: 1000 }, { status: 416, headers: { 'content-range': 'bytes */999' } }, now).kind, 'restart');
  });

  it('retries 5xx and 429 with the Retry-After delay; fails 403 and 404 for good', () => {
    const busy = decide(resume, { status: 503, headers: { 'retry-after': '7' } }, now);
    assert.ok(busy.kind === 'fail' && busy.error.retryable && busy.error.retryAfterMs === 7000);
    const limited = decide(resume, { status: 429, headers: { 'retry-after': new Date(now + 3000).toUTCString() } }, now);
    assert.ok(limited.kind === 'fail' && limited.error.retryable && limited.error.retryAfterMs === 3000);
    const expired = decide(resume, { status: 403, headers: {} }, now);
    assert.ok(expired.kind === 'fail' && !expired.error.retryable && expired.error.code === 'ERR_ACCESS_DENIED');
    const missing = decide(resume, { status: 404, headers: {} }, now);
    assert.ok(missing.kind === 'fail' && missing.error.code === 'ERR_NOT_FOUND');
  });

  it('a resume of a link that gave bytes, refused 400/401/403/404/410, is an expired link; a first request is not', () => {
    for (const status of [400, 401, 403, 404, 410]) {
      const expired = decide({ ...resume, kept: 5000 }, { status, headers: {} }, now);
      assert.ok(expired.kind === 'fail' && expired.error.code === 'ERR_LINK_EXPIRED' && !expired.error.retryable && expired.error.action === 'changeLink', String(status));
      const first = decide({ start: 0, ranged: false, total: undefined, validators: undefined, kept: 0 }, { status, headers: {} }, now);
      assert.ok(first.kind === 'fail' && first.error.code !== 'ERR_LINK_EXPIRED' && first.error.action !== 'changeLink', String(status));
    }
    // A changed file is still a restart, bytes or not.
    assert.equal(decide({ ...resume, kept: 5000 }, { status: 412, headers: {} }, now).kind, 'restart');
    assert.ok(decide({ ...resume, kept: 5000 }, { status: 503, headers: {} }, now).kind === 'fail');
  });

  it('treats a compressed body as having no usable length or ranges', () => {
    const decision = decide({ start: 0, ranged: false, total: undefined, validators: undefined }, { status: 200, headers: { 'content-length': '50', 'content-encoding': 'gzip', 'accept-ranges': 'bytes' } }, now);
    assert.ok(decision.kind === 'write');
    assert.equal(decision.facts.encoding, 'gzip');
    assert.equal(decision.facts.total, undefined);
    assert.equal(decision.facts.acceptsRanges, false);
  });
});

describe('validators and Content-Range parsing', () => {
  it('keeps strong ETags only, and a valid Last-Modified', () => {
    assert.deepEqual(validatorsOf({ etag: 'W/"weak"', 'last-modified': 'Tue, 24 Nov 2026 10:00:00 GMT' }), { lastModified: 'Tue, 24 Nov 2026 10:00:00 GMT' });
    assert.deepEqual(validatorsOf({ etag: '"strong"', 'last-modified': 'not a date' }), { etag: '"strong"' });
  });

  it('parses Content-Range and rejects nonsense', () => {
    assert.deepEqual(parseContentRange('bytes 0-9/10'), { start: 0, end: 10, total: 10 });
    assert.deepEqual(parseContentRange('bytes 5-9/*'), { start: 5, end: 10, total: undefined });
    assert.equal(parseContentRange('bytes 9-5/10'), undefined);
    assert.equal(parseContentRange('bytes 0-10/10'), undefined);
    assert.equal(parseContentRange('items 0-1/2'), undefined);
  });
});
