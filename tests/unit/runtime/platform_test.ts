import { assertEquals, assertRejects } from "../../_assert.ts";
import { createServer, type Socket } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectSocket, type SocketAddress } from "../../../lib/runtime/platform.ts";
import { withBlackholePort } from "../../_db.ts";

/** An echo server that closes each connection after echoing `bye`; resolves to its address. */
async function withEchoServer(
  listen: "tcp" | "unix",
  fn: (address: SocketAddress) => Promise<void>,
): Promise<void> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("data", (data) => {
      socket.write(data);
      if (data.toString().includes("bye")) socket.end();
    });
    socket.on("close", () => sockets.delete(socket));
  });
  const dir = mkdtempSync(join(tmpdir(), "retort-socket-"));
  try {
    const path = join(dir, "echo.sock");
    await new Promise<void>((resolve) =>
      listen === "unix" ? server.listen(path, resolve) : server.listen(0, "127.0.0.1", resolve)
    );
    const address = server.address();
    await fn(
      listen === "unix" ? { path } : { host: "127.0.0.1", port: (address as { port: number }).port },
    );
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const kind of ["tcp", "unix"] as const) {
  Deno.test(`connectSocket (${kind}) sends and receives bytes in order and reports the peer's close`, async () => {
    await withEchoServer(kind, async (address) => {
      const received: number[] = [];
      let closedWith: Error | undefined | "open" = "open";
      let onClosed = () => {};
      const closed = new Promise<void>((resolve) => onClosed = resolve);
      const socket = await connectSocket(address, {
        data: (chunk) => received.push(...chunk),
        closed: (error) => {
          closedWith = error;
          onClosed();
        },
      });
      socket.write(new TextEncoder().encode("hello "));
      socket.write(new TextEncoder().encode("bye"));
      await closed;
      assertEquals(new TextDecoder().decode(Uint8Array.from(received)), "hello bye");
      assertEquals(closedWith, undefined);
    });
  });
}

Deno.test("connectSocket closes without reporting its own close", async () => {
  await withEchoServer("tcp", async (address) => {
    let reported = false;
    const socket = await connectSocket(address, { data: () => {}, closed: () => reported = true });
    socket.close(new TextEncoder().encode("last"));
    socket.write(new TextEncoder().encode("ignored after close"));
    await new Promise((r) => setTimeout(r, 50));
    assertEquals(reported, false);
  });
});

Deno.test("connectSocket rejects with Node's code when nothing listens", async () => {
  const err = await assertRejects(
    () => connectSocket({ host: "127.0.0.1", port: 1 }, { data: () => {}, closed: () => {} }),
    Error,
  );
  assertEquals((err as { code?: string }).code, "ECONNREFUSED");
  const missing = await assertRejects(
    () => connectSocket({ path: "/nonexistent/retort.sock" }, { data: () => {}, closed: () => {} }),
    Error,
  );
  assertEquals((missing as { code?: string }).code, "ENOENT");
});

Deno.test("connectSocket gives up a pending attempt when its signal aborts", async () => {
  await withBlackholePort(async (port) => {
    const giveUp = new AbortController();
    const started = performance.now();
    setTimeout(() => giveUp.abort(new Error("gave up")), 100);
    const err = await assertRejects(
      () => connectSocket({ host: "127.0.0.1", port }, { data: () => {}, closed: () => {} }, giveUp.signal),
      Error,
      "gave up",
    );
    assertEquals((err as Error).message, "gave up");
    const waited = performance.now() - started;
    assertEquals(waited >= 90 && waited < 2000, true, `waited ${waited} ms`);
    await assertRejects(
      () => connectSocket({ host: "127.0.0.1", port }, { data: () => {}, closed: () => {} }, giveUp.signal),
      Error,
      "gave up",
    );
  });
});
