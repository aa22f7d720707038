// Servers whose answer is not valid HTTP, written byte for byte (node:http cannot send
// them): each fails with what was wrong in plain words. A head that breaks the rules is
// what that server sends every time, so it is asked once; a body garbled on the way is
// retried like a cut connection.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { describe, it } from 'node:test';
import { MAX_RESPONSE_HEAD_BYTES } from '../../main/engine/http-client.ts';
import { tempWorkspace } from '../support/files.ts';
import { downloadOne, openTestManager } from '../support/manager.ts';
import { words } from '../support/words.ts';

interface RawServer {
  url: string;
  /** Requests received (every answer closes its connection, so one per connection). */
  requests: number;
  close(): Promise<void>;
}

/** Answers the n-th request with `answers[n]` (the last one from then on), then closes. */
async function rawServer(answers: (string | Buffer)[]): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const state = { requests: 0 };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // The client hangs up mid-answer when it gives up on it.
    socket.on('error', () => {});
    socket.once('data', () => {
      const answer = answers[Math.min(state.requests, answers.length - 1)]!;
      state.requests += 1;
      socket.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/file.bin`,
    get requests() {
      return state.requests;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const HEAD_END = 'Connection: close\r\n\r\n';

describe('answers that are not valid HTTP', () => {
  const refused: { name: string; answer: string; variant: string; action: string; text: string }[] = [
    {
      name: 'a head over 100 KiB',
      answer: `HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Padding: ${'a'.repeat(MAX_RESPONSE_HEAD_BYTES)}\r\n${HEAD_END}hello`,
      variant: 'headerTooLarge',
      action: 'tellSite',
      text: "The server's answer was not valid HTTP: its headers are too large. Only the site can fix this; let its owner know if you can.",
    },
    {
      name: 'a length no file can have',
      answer: `HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n${HEAD_END}hello`,
      variant: 'badLength',
      action: 'tellSite',
      text: "The server's answer was not valid HTTP: it announced an impossible size (Content-Length). Only the site can fix this; let its owner know if you can.",
    },
    {
      name: 'a header line without a colon',
      answer: `HTTP/1.1 200 OK\r\nContent-Length: 5\r\nNo colon here\r\n${HEAD_END}hello`,
      variant: 'badHeader',
      action: 'tellSite',
      text: "The server's answer was not valid HTTP: one of its headers is malformed. Only the site can fix this; let its owner know if you can.",
    },
    {
      name: 'a reply from something else than a web server',
      answer: 'SSH-2.0-OpenSSH_9.6\r\n',
      variant: 'notHttp',
      action: 'checkLink',
      text: "The server's answer was not HTTP at all: the link may lead to something other than a web server. Check the link and try again.",
    },
  ];

  for (const { name, answer, variant, action, text } of refused) {
    it(`${name}: fails at once, saying so`, async () => {
      const server = await rawServer([answer]);
      const ws = tempWorkspace();
      const manager = await openTestManager(ws.state, ws.downloads);
      try {
        const item = await downloadOne(manager, server.url);
        assert.equal(item.state, 'failed');
        assert.deepEqual(item.error, { code: 'ERR_INVALID_RESPONSE', params: { variant }, action });
        assert.equal(words(item.error), text);
        assert.equal(server.requests, 1, 'not retried');
        assert.deepEqual(fs.readdirSync(ws.downloads), []);
      } finally {
        await manager.close();
        await server.close();
        ws.cleanup();
      }
    });
  }

  it('an https link to a port that answers in plain HTTP fails at once, saying the server may not speak https there', async () => {
    const server = await rawServer(['HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n']);
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const item = await downloadOne(manager, server.url.replace(/^http:/, 'https:'));
      assert.equal(item.state, 'failed');
      assert.equal(item.error?.code, 'ERR_NETWORK');
      assert.equal(item.error?.params?.['variant'], 'tlsProtocol');
      assert.equal(item.error?.action, 'checkLink');
      assert.match(words(item.error), /^The secure \(https\) connection could not be set up \(EPROTO\): the server at this address may not speak https\. Check the link and try again\.$/);
      assert.equal(server.requests, 1, 'not retried');
    } finally {
      await manager.close();
      await server.close();
      ws.cleanup();
    }
  });

  it('a body that ends before its Content-Length says the server stopped sending, not a raw code', async () => {
    const server = await rawServer([`HTTP/1.1 200 OK\r\nContent-Length: 10\r\n${HEAD_END}hello`]);
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { maxRetries: 0 });
    try {
      const item = await downloadOne(manager, server.url);
      assert.equal(item.state, 'failed');
      assert.deepEqual({ code: item.error?.code, variant: item.error?.params?.['variant'] }, { code: 'ERR_NETWORK', variant: undefined });
      assert.match(words(item.error), /^The server stopped sending before the file was complete\. Gave up after 1 attempt/);
      assert.doesNotMatch(words(item.error), /ERR_|\(/);
    } finally {
      await manager.close();
      await server.close();
      ws.cleanup();
    }
  });

  it('a head over Node\'s 16 KiB (many large cookies) still downloads, as in curl and browsers', async () => {
    const cookies = Array.from({ length: 12 }, (_, n) => `Set-Cookie: c${n}=${'v'.repeat(4000)}; Path=/\r\n`).join('');
    const server = await rawServer([`HTTP/1.1 200 OK\r\nContent-Length: 5\r\n${cookies}${HEAD_END}hello`]);
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const item = await downloadOne(manager, server.url);
      assert.equal(item.state, 'done', JSON.stringify(item.error));
      assert.equal(fs.readFileSync(item.path!, 'utf8'), 'hello');
    } finally {
      await manager.close();
      await server.close();
      ws.cleanup();
    }
  });

  it('a chunked body garbled on the way is retried, and the download completes', async () => {
    const garbled = `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n${HEAD_END}5\r\nhello\r\nzz\r\n`;
    const good = `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n${HEAD_END}5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n`;
    const server = await rawServer([garbled, good]);
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const item = await downloadOne(manager, server.url);
      assert.equal(item.state, 'done', JSON.stringify(item.error));
      assert.equal(fs.readFileSync(item.path!, 'utf8'), 'hello world');
      assert.equal(server.requests, 2);
    } finally {
      await manager.close();
      await server.close();
      ws.cleanup();
    }
  });

  it('a body garbled every time is retried as a failed attempt, and gives up with the parser’s reason', async () => {
    // A chunked body has no length, so nothing can be continued: each retry starts over, and
    // each counts against the retry limit.
    const server = await rawServer([`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n${HEAD_END}5\r\nhello\r\nzz\r\n`]);
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const item = await downloadOne(manager, server.url);
      assert.equal(item.state, 'failed');
      assert.equal(item.error?.code, 'ERR_INVALID_RESPONSE');
      assert.equal(item.error?.params?.['detail'], 'HPE_INVALID_CHUNK_SIZE');
      const attempts = manager.getSettings().maxRetries + 1;
      assert.equal(item.error?.params?.['attempts'], attempts);
      assert.match(words(item.error), new RegExp(`^The server's answer was not valid HTTP \\(HPE_INVALID_CHUNK_SIZE\\)\\. Gave up after ${attempts} attempts`));
      assert.equal(server.requests, attempts);
    } finally {
      await manager.close();
      await server.close();
      ws.cleanup();
    }
  });
});
