/**
 * Live progress for people at a terminal: one line per revision as it finishes, with its elapsed
 * time, a spinner (from `nanospinner`) while a revision takes longer than a moment, and for fleets a
 * line per database in flight. When the output is not a terminal only the finished lines are
 * written (no spinner, no cursor movement), so logs and pipes get plain results.
 *
 * @module
 */
import { createSpinner, type Spinner } from "nanospinner";
import { describeStep, type MigrationEvent } from "../runtime/migrator.ts";
import type { FleetEvent } from "../commands/fleet.ts";
import type { Palette } from "./colors.ts";
import { formatMs } from "./run_format.ts";

/** Where progress goes. */
export interface ProgressTarget {
  /** Stream for progress lines (stdout for run lines). */
  readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Stream for warnings (the lock wait). */
  readonly err: NodeJS.WritableStream;
  /** Animate (spinner, rewritten lines): only on a terminal. */
  readonly live: boolean;
  readonly palette: Palette;
  /** Milliseconds a step runs before the spinner shows; default 300. */
  readonly spinnerAfterMs?: number;
}

/**
 * The stream handed to the spinner: it counts the lines to clear from `columns`, which is 0 or
 * missing on a pseudo-terminal without a size (`script`, some CI runners), and would then be infinite.
 */
function spinnerStream(out: ProgressTarget["out"]): NodeJS.WriteStream {
  return {
    write: (s: string) => out.write(s),
    get columns() {
      return out.columns && out.columns > 0 ? out.columns : 80;
    },
  } as unknown as NodeJS.WriteStream;
}

/** A progress display: feed it events, close it when the run ends (stops any spinner). */
export interface Progress<E> {
  onEvent(event: E): void;
  close(): void;
}

/**
 * Progress of one database's upgrade, downgrade or stamp.
 *
 * Lines: `Running upgrade a -> b, message (12 ms)` per step (Alembic's wording plus the time),
 * marked with a tick or a cross on a terminal; `FAILED  ...` for a failed step.
 *
 * @param target streams, liveness, colours
 * @returns the display
 */
export function createRunProgress(target: ProgressTarget): Progress<MigrationEvent> {
  const { out, palette: p } = target;
  let spinner: Spinner | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const stopTimers = () => {
    if (timer) clearTimeout(timer);
    if (ticker) clearInterval(ticker);
    timer = ticker = undefined;
  };
  const finish = (line: string, ok: boolean) => {
    stopTimers();
    const mark = ok ? p.green("✔") : p.red("✖");
    if (spinner) {
      spinner.clear();
      spinner.stop();
      spinner = undefined;
    }
    out.write(target.live ? `${mark} ${line}\n` : `${line}\n`);
  };
  return {
    onEvent(event) {
      switch (event.type) {
        case "lock-wait":
          target.err.write(
            `Waiting for the migration lock "${event.lock}" (another migrator is running; up to ${
              Math.round(event.timeoutMs / 1000)
            } s)...\n`,
          );
          return;
        case "step-start": {
          if (!target.live) return;
          const started = performance.now();
          const text = () =>
            `Running ${describeStep(event.step)} ${p.dim(`(${formatMs(performance.now() - started)})`)}`;
          timer = setTimeout(() => {
            spinner = createSpinner(text(), { stream: spinnerStream(out), interval: 80 }).start();
            ticker = setInterval(() => spinner?.update({ text: text() }), 100);
          }, target.spinnerAfterMs ?? 300);
          return;
        }
        case "step-done":
          finish(`Running ${describeStep(event.step)} ${p.dim(`(${formatMs(event.ms)})`)}`, true);
          return;
        case "step-failed":
          finish(p.red(`FAILED  ${describeStep(event.step)} (${formatMs(event.ms)})`), false);
          return;
      }
    },
    close() {
      stopTimers();
      if (spinner) {
        spinner.clear();
        spinner.stop();
        spinner = undefined;
      }
    },
  };
}

/**
 * Progress of a fleet run. On a terminal: a spinner block with one line per database in flight
 * (`db  3 applied, running upgrade a -> b`), and a permanent line per database as it finishes.
 * Elsewhere nothing: the final table is the result.
 *
 * @param target streams, liveness, colours
 * @param verb the command, for the in-flight lines
 * @returns the display
 */
export function createFleetProgress(target: ProgressTarget, verb: string): Progress<FleetEvent> {
  const { out, palette: p } = target;
  if (!target.live) return { onEvent() {}, close() {} };
  const inFlight = new Map<number, { database: string; started: number; text: string }>();
  let spinner: Spinner | undefined;
  let finished = 0;
  const block = () => {
    const lines = [...inFlight.values()].map((d) =>
      `${d.database}  ${d.text} ${p.dim(`(${formatMs(performance.now() - d.started)})`)}`
    );
    return [`${verb}: ${finished} done`, ...lines].join("\n  ");
  };
  const ticker = setInterval(() => spinner?.update({ text: block() }), 100);
  return {
    onEvent(event) {
      if (!spinner) spinner = createSpinner(block(), { stream: spinnerStream(out), interval: 80 }).start();
      if (event.type === "start") {
        inFlight.set(event.index, {
          database: event.database,
          started: performance.now(),
          text: "connecting",
        });
      } else if (event.type === "step") {
        const d = inFlight.get(event.index);
        if (d) d.text = `${event.done} applied, running ${describeStep(event.step)}`;
      } else {
        inFlight.delete(event.row.index);
        finished++;
        const r = event.row;
        const ok = r.result === "ok" || r.result === "pending";
        const mark = ok ? p.green("✔") : r.result === "skipped" ? p.dim("-") : p.red("✖");
        const detail = r.result === "failed" ? p.red(r.error?.split("\n", 1)[0] ?? "failed") : r.result;
        spinner.clear();
        out.write(`${mark} ${r.database}  ${r.revisions} revisions  ${formatMs(r.ms)}  ${detail}\n`);
      }
      spinner.update({ text: block() }).render();
    },
    close() {
      clearInterval(ticker);
      if (spinner) {
        spinner.clear();
        spinner.stop();
        spinner = undefined;
      }
    },
  };
}
