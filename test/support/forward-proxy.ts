// Tiny forward proxies on 127.0.0.1 for tests: an HTTP proxy (absolute-form requests are
// forwarded, CONNECT opens a tunnel) and a SOCKS5 proxy (no authentication, CONNECT only).
// Each records what it was asked to reach, so a test can prove requests went through it.

import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

export interface ForwardProxy {
  url: string;
  /** "GET http://host/path", "CONNECT host:port" or "SOCKS host:port", in arrival order. */
  seen: string[];
  /** The request headers of each forwarded request (HTTP proxy only). */
  forwardedHeaders: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function startHttpProxy(): Promise<ForwardProxy> {
  const seen: string[] = [];
  const forwardedHeaders: http.IncomingHttpHeaders[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    forwardedHeaders.push(req.headers);
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400);
      return void res.end();
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const upstream = http.request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      // A server that cuts its body mid-way: the client must see the cut too.
      answer.on('close', () => {
        if (!answer.complete) res.destroy();
      });
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, client, head) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = splitHostPort(req.url ?? '');
    const upstream = net.connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  track(server, sockets);
  return listen(server, sockets, 'http', seen, forwardedHeaders);
}

export async function startSocks5Proxy(): Promise<ForwardProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = net.createServer((client) => {
    client.on('error', () => client.destroy());
    client.once('data', (greeting) => {
      if (greeting[0] !== 5) return void client.destroy();
      client.write(Buffer.from([5, 0])); // version 5, no authentication
      client.once('data', (request) => {
        const target = socksTarget(request);
        if (!target || request[1] !== 1) {
          client.end(Buffer.from([5, 7, 0, 1, 0, 0, 0, 0, 0, 0])); // command not supported
          return;
        }
        seen.push(`SOCKS ${target.host}:${target.port}`);
        const upstream = net.connect(target.port, target.host, () => {
          client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
          upstream.pipe(client).pipe(upstream);
        });
        upstream.on('error', () => client.destroy());
        client.on('close', () => upstream.destroy());
      });
    });
  });
  track(server, sockets);
  return listen(server, sockets, 'socks5', seen, []);
}

function socksTarget(request: Buffer): { host: string; port: number } | undefined {
  const type = request[3];
  if (type === 1 && request.length >= 10) return { host: [...request.subarray(4, 8)].join('.'), port: request.readUInt16BE(8) };
  if (type === 3) {
    const length = request[4]!;
    if (request.length < 7 + length) return undefined;
    return { host: request.subarray(5, 5 + length).toString('latin1'), port: request.readUInt16BE(5 + length) };
  }
  return undefined;
}

function splitHostPort(authority: string): [string, number] {
  const index = authority.lastIndexOf(':');
  return [authority.slice(0, index).replace(/^\[|\]$/g, ''), Number(authority.slice(index + 1))];
}

function track(server: net.Server, sockets: Set<Socket>): void {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
}

async function listen(server: net.Server, sockets: Set<Socket>, scheme: string, seen: string[], forwardedHeaders: http.IncomingHttpHeaders[]): Promise<ForwardProxy> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    seen,
    forwardedHeaders,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
