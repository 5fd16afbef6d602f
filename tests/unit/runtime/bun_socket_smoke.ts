/**
 * Smoke test of `lib/runtime/platform.ts` under Bun, run as a script by platform_bun_test.ts: `connectSocket` through `Bun.connect`
 * (TCP and Unix socket) against an echo server, with 4 MiB written in one call so that Bun's
 * partial writes and `drain` are exercised. Prints `ok tcp` and `ok unix`, or throws.
 *
 * @module
 */
import { createServer } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { connectSocket, type SocketAddress } from "../../../lib/runtime/platform.ts";

async function roundTrip(address: SocketAddress): Promise<void> {
  const payload = new Uint8Array(4 * 1024 * 1024);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 7) & 0xff;
  let received = 0;
  let mismatch = -1;
  let done = () => {};
  const finished = new Promise<void>((resolve) => done = resolve);
  const socket = await connectSocket(address, {
    data: (chunk) => {
      for (let i = 0; i < chunk.length; i++) {
        if (mismatch < 0 && chunk[i] !== payload[received + i]) mismatch = received + i;
      }
      received += chunk.length;
      if (received >= payload.length) done();
    },
    closed: (error) => {
      throw new Error(`closed early after ${received} bytes: ${error}`);
    },
  });
  socket.write(payload);
  await finished;
  if (received !== payload.length || mismatch >= 0) {
    throw new Error(`echo mismatch: ${received} bytes, first difference at ${mismatch}`);
  }
  socket.close(new TextEncoder().encode("bye"));
}

const server = createServer((s) => s.on("data", (d) => s.write(d)));
const dir = mkdtempSync(join(tmpdir(), "retort-bun-socket-"));
try {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  await roundTrip({ host: "127.0.0.1", port: (server.address() as { port: number }).port });
  console.log("ok tcp");
  server.close();
  const unix = createServer((s) => s.on("data", (d) => s.write(d)));
  const path = join(dir, "echo.sock");
  await new Promise<void>((r) => unix.listen(path, r));
  await roundTrip({ path });
  console.log("ok unix");
  unix.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
