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
# The password tests need roles that PostgreSQL asks for a password (everything else is trust), one
# per login method the quick read-only session speaks: SCRAM-SHA-256, MD5 and cleartext.
hba=$(ls /etc/postgresql/*/main/pg_hba.conf 2>/dev/null | head -n 1)
if [ -n "$hba" ]; then
  changed=0
  for rule in "retort_pw_test scram-sha-256" "retort_md5_test md5" "retort_plain_test password"; do
    set -- $rule
    if ! grep -q "^host all $1 " "$hba"; then
      echo "Adding the password-checked test role $1 ($2) to $hba"
      sed -i "0,/^host[[:space:]]/s//host all $1 127.0.0.1\/32 $2\n&/" "$hba"
      changed=1
    fi
  done
  if [ "$changed" = 1 ] && pg_up; then psql -h 127.0.0.1 -U postgres -qAt -c 'select pg_reload_conf()' >/dev/null; fi
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
