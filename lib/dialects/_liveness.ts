/**
 * Client-side liveness of a server session: a round trip that stays unanswered is checked from a
 * second connection, which asks the server whether it is still working on this session's request.
 *
 * TCP keepalive alone does not catch a silent peer: a proxy or load balancer that hangs keeps
 * answering the kernel's probes, and Linux waits 75 s between probes after the idle time (the
 * interval and count are not settable from JavaScript). A statement time-out does not either: the
 * server cancels the statement, but its error never reaches a client whose path is frozen. Only a
 * look from outside tells a long statement (the server is busy with it: keep waiting) from a lost
 * reply (the server is idle, or cannot be reached at all: give up). A session given up while the
 * server is reachable is ended there too, so its transaction and the migrator lock do not outlive
 * the client.
 *
 * @module
 */

/** What the second connection saw: the session busy with a request, idle (the reply is lost), or nothing (unreachable). */
export type LivenessVerdict = "busy" | "idle" | "gone" | "unreachable";

/** Options of {@link createLivenessGuard}. */
export interface LivenessOptions {
  /**
   * Ask the server, on a new connection, about this session.
   * @returns `busy` while the server runs a request of the session, `idle` when it waits for the
   *   client, `gone` when the session no longer exists; throws when the server cannot be reached
   */
  readonly probe: () => Promise<LivenessVerdict>;
  /** Give the session up: destroy its socket (called once, before the pending call is rejected). */
  readonly onDead: () => void;
  /**
   * Have the server end the session from a new connection (`pg_terminate_backend`, `KILL`), so
   * its transaction rolls back and its locks are freed now rather than when the server notices
   * the dead client; tried when the server was reachable but idle. Best effort.
   */
  readonly terminate?: () => Promise<void>;
  /** Builds the error a pending call is rejected with; `ended` when {@link terminate} succeeded. */
  readonly error: (verdict: LivenessVerdict, waitedMs: number, ended: boolean) => Error;
  /** How long a round trip may stay unanswered before each check (default {@link LIVENESS_CHECK_MS}). */
  readonly checkMs?: number;
  /** How long one probe may take, connecting included (default {@link LIVENESS_PROBE_TIMEOUT_MS}). */
  readonly probeTimeoutMs?: number;
}

/** A round trip unanswered this long is checked from a second connection. */
export const LIVENESS_CHECK_MS = 5_000;

/** One check (connect and query) gets this long before it counts as "unreachable". */
export const LIVENESS_PROBE_TIMEOUT_MS = 10_000;

/**
 * Two checks in a row must find the session not busy: a single look may fall between the server
 * sending a reply and the reply arriving.
 */
const STRIKES = 2;

/**
 * Wraps a session's round trips: each one is watched while it is pending, and rejected once two
 * checks in a row find the server idle, without the session, or unreachable. The worst case (the
 * server unreachable) ends `checkMs + 2 × (probeTimeoutMs + checkMs)` after the call began, 35 s
 * with the defaults; a server that still runs the statement is waited for as long as it runs.
 *
 * @param options the probe, what to do with a dead session, and the error to reject with
 * @returns `guard(promise)`: the same outcome as `promise`, or the liveness error
 */
export function createLivenessGuard(
  options: LivenessOptions,
): <T>(promise: Promise<T>) => Promise<T> {
  const checkMs = options.checkMs ?? LIVENESS_CHECK_MS;
  const probeTimeoutMs = options.probeTimeoutMs ?? LIVENESS_PROBE_TIMEOUT_MS;
  let dead: Error | undefined;
  /** Set from the moment the session is declared dead until its error is built. */
  let dying: Promise<Error> | undefined;
  /** Pending guarded calls: a session declared dead rejects all of them. */
  const pending = new Set<(error: unknown) => void>();
  /** One check at a time for the whole session, shared by the calls waiting on it. */
  let watching = false;
  let strikes = 0;
  const started = new Map<(error: unknown) => void, number>();

  const check = async (): Promise<void> => {
    if (pending.size === 0 || dead) {
      watching = false;
      return;
    }
    let verdict: LivenessVerdict;
    try {
      verdict = await withTimeout(options.probe(), probeTimeoutMs);
    } catch {
      verdict = "unreachable";
    }
    if (pending.size === 0 || dead) {
      watching = false;
      strikes = 0;
      return;
    }
    strikes = verdict === "busy" ? 0 : strikes + 1;
    if (strikes >= STRIKES) {
      const oldest = Math.min(...started.values());
      const waitedMs = performance.now() - oldest;
      let declare: (error: Error) => void = () => {};
      dying = new Promise<Error>((resolve) => (declare = resolve));
      options.onDead();
      let ended = false;
      if (verdict === "idle" && options.terminate) {
        ended = await withTimeout(options.terminate(), probeTimeoutMs).then(() => true, () => false);
      }
      dead = options.error(verdict, waitedMs, ended);
      declare(dead);
      watching = false;
      for (const reject of [...pending]) reject(dead);
      return;
    }
    setTimeout(check, checkMs);
  };

  return <T>(promise: Promise<T>): Promise<T> => {
    if (dead) return Promise.reject(dead);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        pending.delete(fail);
        started.delete(fail);
        clearTimeout(timer);
        reject(error);
      };
      pending.add(fail);
      started.set(fail, performance.now());
      // The first check waits checkMs after the call; later ones are paced by `check` itself.
      const timer = setTimeout(() => {
        if (settled || watching) return;
        watching = true;
        strikes = 0;
        void check();
      }, checkMs);
      promise.then((value) => {
        if (settled) return;
        settled = true;
        pending.delete(fail);
        started.delete(fail);
        clearTimeout(timer);
        resolve(value);
      }, (error) => {
        // Destroying the socket rejects the call at once: it waits for the liveness error instead.
        if (dying) void dying.then(fail);
        else fail(error);
      });
    });
  };
}

/** `promise`, or a rejection after `ms` milliseconds. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
