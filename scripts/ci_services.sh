#!/usr/bin/env bash
# Start PostgreSQL and MariaDB when they are not answering (the commands of the machine doc), and
# wait until both accept connections. Used by .ci/run; safe to run when they are already up.
set -u
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
my_up() { mysqladmin -h 127.0.0.1 -P 3306 -u root status >/dev/null 2>&1; }

if ! pg_up; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432: starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
fi
if ! my_up; then
  echo "MariaDB is not answering on 127.0.0.1:3306: starting it"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
fi
for _ in $(seq 1 60); do
  if pg_up && my_up; then
    mysql -h 127.0.0.1 -u root -e 'CREATE DATABASE IF NOT EXISTS test' >/dev/null 2>&1
    echo "PostgreSQL and MariaDB are answering"
    exit 0
  fi
  sleep 1
done
pg_up || echo "PostgreSQL still not answering on 127.0.0.1:5432" >&2
my_up || echo "MariaDB still not answering on 127.0.0.1:3306" >&2
exit 1
