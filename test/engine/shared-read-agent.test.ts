// Every socket of the HTTP agent reads into one shared buffer: bodies arriving on many
// connections at once must still come out byte for byte, and bytes a server sends on an
// idle keep-alive connection must not leak into the next response on it.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import got from 'got';
import { SharedReadAgent } from '../../main/engine/shared-read-agent.ts';

async function collect(url: string, agent: http.Agent): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of got.stream(url, { agent: { http: agent }, retry: { limit: 0 }, decompress: false })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('shared read buffer agent', () => {
  it('keeps 24 bodies arriving at once apart, byte for byte', async () => {
    const bodies = Array.from({ length: 24 }, (_, i) => crypto.randomBytes(300_000 + i * 7919));
    const server = http.createServer((req, res) => {
      const body = bodies[Number(req.url!.slice(1))]!;
      res.writeHead(200, { 'content-length': body.length });
      // Uneven writes, so reads of different sockets interleave at odd offsets.
      let at = 0;
      const step = () => {
        while (at < body.length) {
          const end = Math.min(body.length, at + 1000 + ((at * 31) % 50_000));
          const more = res.write(body.subarray(at, end));
          at = end;
          if (!more) return void res.once('drain', step);
        }
        res.end();
      };
      step();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new SharedReadAgent({ keepAlive: true, maxSockets: 24 });
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const received = await Promise.all(bodies.map((_, i) => collect(`${origin}/${i}`, agent)));
      for (const [i, body] of bodies.entries()) assert.ok(received[i]!.equals(body), `body ${i} differs`);
    } finally {
      agent.destroy();
      server.close();
    }
  });

  it('drops a keep-alive connection on which the server sent unasked-for bytes', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections += 1;
      let seen = '';
      socket.on('data', (data) => {
        seen += data.toString('latin1');
        while (seen.includes('\r\n\r\n')) {
          seen = seen.slice(seen.indexOf('\r\n\r\n') + 4);
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nfirst');
          // A stray response nobody asked for, once the first one is complete.
          setTimeout(() => socket.writable && socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstray'), 50);
        }
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new SharedReadAgent({ keepAlive: true, maxSockets: 1 });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      assert.equal((await collect(url, agent)).toString(), 'first');
      // Bounded wait for the stray bytes to arrive and the idle socket to be dropped.
      for (let i = 0; i < 100 && Object.keys(agent.freeSockets).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(Object.keys(agent.freeSockets).length, 0, 'the idle socket was kept');
      assert.equal((await collect(url, agent)).toString(), 'first');
      assert.equal(connections, 2);
    } finally {
      agent.destroy();
      server.close();
    }
  });
});
