/**
 * A loopback TCP proxy that can freeze: every byte in either direction is dropped from then on,
 * while the sockets stay open, as a peer behind a hung load balancer or a network partition
 * looks to the client (no reset, no FIN, just silence).
 *
 * @module
 */
import { connect, createServer, type Server, type Socket } from "node:net";

/** A running {@link startFreezeProxy}. */
export interface FreezeProxy {
  /** The port on 127.0.0.1 that forwards to the target. */
  readonly port: number;
  /** How many client connections it has accepted. */
  readonly accepted: () => number;
  /**
   * Stop forwarding on every open connection; `newToo` also leaves later connections silent
   * (accepted, never forwarded), as a partition does.
   */
  freeze(options?: { newToo?: boolean }): void;
  /** Destroy every connection and close the listener. */
  stop(): Promise<void>;
}

/**
 * Start a proxy from a free port on 127.0.0.1 to `host:port`.
 *
 * @param host the target host
 * @param port the target port
 * @returns the proxy
 */
export async function startFreezeProxy(host: string, port: number): Promise<FreezeProxy> {
  const sockets = new Set<Socket>();
  const frozen = new Set<Socket>();
  let freezeNew = false;
  let accepted = 0;
  const server: Server = createServer((client) => {
    accepted++;
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    if (freezeNew) {
      frozen.add(client);
      return;
    }
    const upstream = connect(port, host);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => {});
    // Data is forwarded by hand, not piped, so that freezing drops it without pausing the sockets
    // (a paused socket would stop reading, and the kernel's full buffers would tell the peer).
    const pair = [client, upstream] as const;
    client.on("data", (d) => {
      if (!frozen.has(client)) upstream.write(d);
    });
    upstream.on("data", (d) => {
      if (!frozen.has(client)) client.write(d);
    });
    // A close is passed on only while not frozen: a partition does not deliver FINs either.
    for (const [a, b] of [pair, [upstream, client] as const]) {
      a.on("close", () => {
        if (!frozen.has(client)) b.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    accepted: () => accepted,
    freeze(options) {
      for (const s of sockets) frozen.add(s);
      freezeNew = options?.newToo ?? false;
    },
    stop() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
