// An http.Agent whose sockets all read into one buffer, owned by the process.
//
// By default every socket read allocates a fresh 64 KiB buffer that lives until the garbage
// collector finds it. A download at disk speed allocates its own size twice over (the read
// buffer, then the body chunk Node's HTTP parser copies out of it), and that external memory
// is what drives V8 into a full collection every few tens of megabytes: measured on a 1 GiB
// download, about a third of the process's CPU time. The HTTP parser copies every body chunk
// and every header value out of the read buffer before `'data'` returns, so nothing holds on
// to the buffer between reads and one buffer can serve every socket in turn. Larger reads
// also mean fewer chunks, and so fewer trips through the stream machinery per byte.
//
// Only plain HTTP: TLS sockets decrypt into buffers of their own.

import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

/** Bytes per read: measured 64 KiB → 256 KiB cuts user CPU per GiB by about a quarter; 1 MiB gains little more. */
const READ_BYTES = 256 * 1024;
let shared: Buffer | undefined;

export class SharedReadAgent extends http.Agent {
  // The socket is returned, not passed to a callback: the Agent takes either.
  override createConnection(options: net.NetConnectOpts): Duplex {
    shared ??= Buffer.allocUnsafe(READ_BYTES);
    const socket: net.Socket = net.connect({
      ...options,
      onread: {
        buffer: shared,
        callback: (bytes: number, buffer: Uint8Array) => {
          // An idle keep-alive socket has no reader: bytes the server sends then belong to
          // no request, and the connection cannot be trusted to line up with the next one.
          if (socket.listenerCount('data') === 0) {
            socket.destroy();
            return false;
          }
          socket.emit('data', Buffer.from(buffer.buffer, buffer.byteOffset, bytes));
          return !socket.isPaused();
        },
      },
    } as net.NetConnectOpts);
    return socket;
  }
}
