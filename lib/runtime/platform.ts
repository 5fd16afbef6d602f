/**
 * Runtime-specific code outside the SQLite drivers (DESIGN.md section 1): a byte stream to a TCP
 * port or Unix socket. Under Bun (the compiled binary) it is `Bun.connect`; elsewhere (Deno, Node)
 * `node:net`. Measured in the binary: Bun's `node:net` costs about 2.4 ms to load and 3 ms more on
 * its first connect, `Bun.connect` under 1 ms in all, which decides whether `migrate current` on
 * PostgreSQL fits in 20 ms.
 *
 * @module
 */

/** Where a {@link connectSocket} goes: a host name or address and a port, or a Unix socket file. */
export type SocketAddress = { readonly host: string; readonly port: number } | { readonly path: string };

/** What the socket reports; each is called on the event loop, never during {@link connectSocket}. */
export interface SocketHandlers {
  /** Bytes arrived; the array is only valid during the call (copy what must be kept). */
  data(chunk: Uint8Array): void;
  /** The peer closed the connection, or it failed after being established. */
  closed(error?: Error): void;
}

/** An open byte stream. */
export interface ByteSocket {
  /** Queue `bytes` for sending, in order; never blocks. */
  write(bytes: Uint8Array): void;
  /**
   * Send what is queued plus `last`, then close without waiting for the peer to close its side: a
   * one-shot client that has read all it needs does not wait for the server's goodbye.
   */
  close(last?: Uint8Array): void;
}

/** Bun's socket, as far as this module uses it. */
interface BunSocket {
  write(data: Uint8Array): number;
  end(data?: Uint8Array): number;
  terminate(): void;
  unref(): void;
}

/** `Bun.connect` options, as far as this module uses them. */
interface BunConnectOptions {
  hostname?: string;
  port?: number;
  unix?: string;
  socket: {
    data(socket: BunSocket, data: Uint8Array): void;
    drain(socket: BunSocket): void;
    close(socket: BunSocket, error?: Error): void;
    error(socket: BunSocket, error: Error): void;
  };
}

/** The `Bun` global when running under Bun. */
function bunRuntime(): { connect(options: BunConnectOptions): Promise<BunSocket> } | undefined {
  return (globalThis as { Bun?: { connect(options: BunConnectOptions): Promise<BunSocket> } }).Bun;
}

/**
 * Open a byte stream to `address`.
 *
 * @param address TCP host and port, or a Unix socket path
 * @param handlers receive data and the end of the stream
 * @param signal gives up the attempt: the promise rejects with the signal's reason at once. Under
 *   Node and Deno the attempt is cancelled; Bun cannot cancel a pending connect, so the socket is
 *   closed as soon as it connects, and an attempt the kernel keeps retrying (a host that drops
 *   packets) keeps the process alive until it fails (see `exitWhenOutputFlushed` in lib/cli/output.ts)
 * @returns the open socket, once connected
 * @throws {Error} with Node's `code` (`ECONNREFUSED`, `ENOTFOUND`, `ENOENT`, ...) when the connection
 *   cannot be made; the caller applies any time-out through `signal`
 */
export function connectSocket(
  address: SocketAddress,
  handlers: SocketHandlers,
  signal?: AbortSignal,
): Promise<ByteSocket> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const bun = bunRuntime();
  return bun ? connectBun(bun, address, handlers, signal) : connectNode(address, handlers, signal);
}

async function connectBun(
  bun: { connect(options: BunConnectOptions): Promise<BunSocket> },
  address: SocketAddress,
  handlers: SocketHandlers,
  signal: AbortSignal | undefined,
): Promise<ByteSocket> {
  // Bun writes what the kernel takes and returns the count: the rest waits here for `drain`.
  const pending: Uint8Array[] = [];
  let closing = false;
  let ended = false;
  const flush = (socket: BunSocket) => {
    while (pending.length > 0) {
      const head = pending[0];
      const n = socket.write(head);
      if (n < head.length) {
        pending[0] = head.subarray(Math.max(n, 0));
        return;
      }
      pending.shift();
    }
    if (closing && !ended) {
      ended = true;
      socket.end();
      // The process need not wait for the server's side of the close.
      socket.unref();
    }
  };
  let reported = false;
  // Once the caller has closed, the end of the stream is no news.
  const report = (error?: Error) => {
    if (closing || reported) return;
    reported = true;
    handlers.closed(error);
  };
  const connecting = bun.connect({
    ...("path" in address ? { unix: address.path } : { hostname: address.host, port: address.port }),
    socket: {
      data: (_s, data) => handlers.data(data),
      drain: (s) => flush(s),
      close: (_s, error) => report(error),
      error: (_s, error) => report(error),
    },
  });
  const socket = signal === undefined ? await connecting : await new Promise<BunSocket>((resolve, reject) => {
    const abandon = () => {
      closing = true;
      reject(signal.reason);
      // Bun has no way to cancel the attempt: close the socket if it ever connects.
      connecting.then((late) => late.terminate(), () => {});
    };
    signal.addEventListener("abort", abandon, { once: true });
    // After an abort the promise is already rejected; settling it again does nothing.
    connecting.then(resolve, reject).finally(() => signal.removeEventListener("abort", abandon));
  });
  return {
    write(bytes) {
      if (closing || reported) return;
      pending.push(bytes);
      if (pending.length === 1) flush(socket);
    },
    close(last) {
      if (closing) return;
      closing = true;
      if (last) pending.push(last);
      flush(socket);
    },
  };
}

async function connectNode(
  address: SocketAddress,
  handlers: SocketHandlers,
  signal: AbortSignal | undefined,
): Promise<ByteSocket> {
  const net = await import("node:net");
  return await new Promise<ByteSocket>((resolve, reject) => {
    const socket = "path" in address
      ? net.createConnection({ path: address.path })
      : net.createConnection({ host: address.host, port: address.port });
    socket.setNoDelay(true);
    let connected = false;
    let done = false;
    const abandon = () => {
      done = true;
      socket.destroy();
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", abandon, { once: true });
    socket.once("connect", () => {
      signal?.removeEventListener("abort", abandon);
      connected = true;
      resolve({
        write(bytes) {
          if (!done) socket.write(bytes);
        },
        close(last) {
          if (done) return;
          done = true;
          if (last) socket.end(last);
          else socket.end();
          socket.unref();
        },
      });
    });
    socket.on("data", (data: Uint8Array) => handlers.data(data));
    socket.on("error", (error: Error) => {
      if (!connected) {
        if (done) return;
        signal?.removeEventListener("abort", abandon);
        done = true;
        reject(error);
      } else if (!done) {
        done = true;
        handlers.closed(error);
      }
    });
    socket.on("close", () => {
      if (connected && !done) {
        done = true;
        handlers.closed();
      }
    });
  });
}
