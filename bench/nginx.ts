// The peers' server: nginx on 127.0.0.1 with sendfile, a location capping each connection
// at 4 MB/s (limit_rate is per connection), and a slow one for the memory scenario.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface Nginx {
  origin: string;
  stop(): Promise<void>;
}

export async function startNginx(root: string, work: string): Promise<Nginx> {
  const port = await freePort();
  fs.mkdirSync(work, { recursive: true });
  const config = path.join(work, 'nginx.conf');
  fs.writeFileSync(
    config,
    `daemon off;
pid ${work}/nginx.pid;
error_log ${work}/error.log;
worker_processes 1;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${work}; proxy_temp_path ${work}; fastcgi_temp_path ${work}; uwsgi_temp_path ${work}; scgi_temp_path ${work};
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location /capped/ { alias ${root}/; limit_rate 4m; }
    location /slow/ { alias ${root}/; limit_rate 16k; }
  }
}
`,
  );
  const child = spawn('nginx', ['-c', config, '-p', work], { stdio: 'ignore' });
  await waitForPort(port, child);
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => stopChild(child),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error('nginx exited at start; is it installed (apt-get install nginx-light)?');
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('nginx did not start within 5 s');
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}
