/**
 * The exit status a command asks for without failing (`check` found differences: 1; `status
 * --exit-code` with pending revisions: 3). Commander drops an action's return value, so actions
 * record it here and `main` reads it after the command ends.
 *
 * @module
 */

let requested = 0;

/**
 * Records the exit status the running command asks for.
 *
 * @param code 1 or 3 (DESIGN.md section 7); the last call wins
 */
export function requestExitStatus(code: number): void {
  requested = code;
}

/**
 * Forgets any status requested by an earlier command, so `main` can run several times in one process
 * (tests do).
 */
export function resetExitStatus(): void {
  requested = 0;
}

/**
 * The exit status requested since the last {@link resetExitStatus}.
 *
 * @returns 0 when the command asked for none
 */
export function requestedExitStatus(): number {
  return requested;
}
