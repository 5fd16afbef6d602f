#!/bin/sh
# Runs the Chinook example (examples/chinook) with the compiled binary: a fresh SQLite database
# upgraded to head, then `current` and `history`. Build first: deno run -A scripts/build.ts
# A DATABASE_URL in the environment points the example at another database instead.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
migrate="$root/dist/migrate"
if [ ! -x "$migrate" ]; then
  echo "Cannot run the example: $migrate is missing (build it with: deno run -A scripts/build.ts)" >&2
  exit 2
fi
cd "$root/examples/chinook"
rm -f chinook.db chinook.db-journal chinook.db-wal chinook.db-shm
"$migrate" upgrade head
"$migrate" current
"$migrate" history
