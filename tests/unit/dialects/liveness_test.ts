/**
 * The liveness guard on its own, with a scripted probe and short intervals.
 *
 * @module
 */
import { assert, assertEquals, assertRejects } from "../../_assert.ts";
import { createLivenessGuard, type LivenessVerdict } from "../../../lib/dialects/_liveness.ts";

function guardWith(verdicts: LivenessVerdict[] | (() => Promise<LivenessVerdict>)) {
  let probes = 0;
  let dead = 0;
  const guard = createLivenessGuard({
    probe: typeof verdicts === "function" ? verdicts : () => {
      probes++;
      return Promise.resolve(verdicts[Math.min(probes - 1, verdicts.length - 1)]);
    },
    onDead: () => dead++,
    error: (verdict, ms) => new Error(`silent: ${verdict} after ${ms >= 0 ? "some" : "no"} time`),
    checkMs: 20,
    probeTimeoutMs: 50,
  });
  return { guard, probes: () => probes, dead: () => dead };
}

const never = () => new Promise<never>(() => {});
const after = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

Deno.test("a quick call never probes", async () => {
  const g = guardWith(["idle"]);
  assertEquals(await g.guard(after(5, 42)), 42);
  await after(60, 0);
  assertEquals(g.probes(), 0);
});

Deno.test("a long call the server is busy with is waited for", async () => {
  const g = guardWith(["busy"]);
  assertEquals(await g.guard(after(150, "done")), "done");
  assert(g.probes() >= 2, `probes: ${g.probes()}`);
  assertEquals(g.dead(), 0);
});

Deno.test("two idle looks in a row end the call and the session", async () => {
  const g = guardWith(["idle"]);
  await assertRejects(() => g.guard(never()), Error, "silent: idle");
  assertEquals(g.dead(), 1);
  // Later calls fail at once.
  await assertRejects(() => g.guard(after(1, 1)), Error, "silent: idle");
});

Deno.test("one idle look between busy ones is not enough", async () => {
  const g = guardWith(["idle", "busy", "idle", "busy", "busy"]);
  assertEquals(await g.guard(after(120, "ok")), "ok");
  assertEquals(g.dead(), 0);
});

Deno.test("a probe that never answers counts as unreachable", async () => {
  const g = guardWith(never);
  await assertRejects(() => g.guard(never()), Error, "silent: unreachable");
  assertEquals(g.dead(), 1);
});

Deno.test("a session found idle is ended on the server before the call fails; an unreachable one is not", async () => {
  for (const [verdict, expectEnded] of [["idle", true], ["unreachable", false]] as const) {
    let terminated = 0;
    let rejectCall: (e: Error) => void = () => {};
    const guard = createLivenessGuard({
      probe: () => verdict === "idle" ? Promise.resolve("idle") : Promise.reject(new Error("down")),
      // Destroying the socket makes the driver reject the call at once; that must not win.
      onDead: () => rejectCall(new Error("socket destroyed")),
      terminate: () => {
        terminated++;
        return Promise.resolve();
      },
      error: (v, _ms, ended) => new Error(`${v} ended=${ended}`),
      checkMs: 10,
      probeTimeoutMs: 50,
    });
    const call = guard(new Promise<never>((_, reject) => (rejectCall = reject)));
    await assertRejects(() => call, Error, `${verdict} ended=${expectEnded}`);
    assertEquals(terminated, expectEnded ? 1 : 0);
  }
});
