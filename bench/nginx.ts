// The server every tool downloads from: nginx on loopback with sendfile, started here as one
// process (`master_process off`, `daemon off`) so it is stopped by its own PID.
//   /          the files as they are
//   /slow/     the same files at 16 KiB/s per request, for the memory scenario
// (The capped scenario has its own server, capped-server.ts: nginx's limit_rate lets each
// request start with a second's worth of data unthrottled.)
// The server also listens on 127.1.0.1, 127.1.0.2, … (all of 127/8 is loopback on Linux), so a
// scenario can spread downloads over distinct hosts.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const SLOW_RATE = 16 * 1024;

export interface Nginx {
  pid: number;
  origin: string;
  /** `http://127.1.0.<i+1>:<port>` for i < extraHosts. */
  hostOrigins: string[];
  stop(): Promise<void>;
  /** For process exit: SIGKILL by PID, synchronously. */
  kill(): void;
}

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file)) ?? 'nginx';

export async function startNginx(options: { root: string; work: string; extraHosts: number }): Promise<Nginx> {
  let lastError: unknown;
  // A port free on 127.0.0.1 when asked can be taken by the time nginx binds it: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options, await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce({ root, work, extraHosts }: { root: string; work: string; extraHosts: number }, port: number): Promise<Nginx> {
  fs.mkdirSync(work, { recursive: true });
  const hosts = Array.from({ length: extraHosts }, (_, i) => `127.1.${(i + 1) >> 8}.${(i + 1) & 255}`);
  const config = path.join(work, 'nginx.conf');
  const errorLog = path.join(work, 'error.log');
  fs.writeFileSync(
    config,
    `daemon off;
master_process off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${errorLog} warn;
worker_rlimit_nofile 8192;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { }
  default_type application/octet-stream;
  client_body_temp_path ${work}/client; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;
  server {
    listen 127.0.0.1:${port};
${hosts.map((host) => `    listen ${host}:${port};`).join('\n')}
    root ${root};
    location /slow/ { alias ${root}/; limit_rate ${SLOW_RATE}; }
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', `${work}/`, '-e', errorLog, '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  await spawned;
  try {
    await waitForPort(port, child, () => `${stderr}${readOr(errorLog)}`.trim());
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    pid: child.pid!,
    origin: `http://127.0.0.1:${port}`,
    hostOrigins: hosts.map((host) => `http://${host}:${port}`),
    stop: () => stopChild(child),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
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

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start (status ${child.exitCode}): ${log() || 'no message'}`);
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
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within 5 s: ${log() || 'no message'}`);
}

/** SIGTERM (nginx's fast shutdown), then SIGKILL after 3 s, both by the child's PID. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}
