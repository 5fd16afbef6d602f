/**
 * The revisions of examples/chinook, oldest first (its history has a branch point at ca7a10900003 and
 * a merge point at 3e69e0000010), for the tests that run the example.
 *
 * @module
 */

/** Every revision of examples/chinook, in upgrade order. */
export const CHINOOK_REVISIONS: readonly string[] = [
  "ca7a10900001",
  "ca7a10900002",
  "ca7a10900003",
  "5a1e50000004",
  "5a1e50000005",
  "5a1e50000006",
  "71a915700007",
  "71a915700008",
  "71a915700009",
  "3e69e0000010",
  "da7a10ad0011",
  "da7a10ad0012",
  "da7a10ad0013",
];
