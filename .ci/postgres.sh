#!/usr/bin/env bash
# Starts a PostgreSQL server for the tests and prints the line that points them at it:
#   eval "$(bash .ci/postgres.sh)"    # sets NKEVENTS_TEST_PG=postgresql://...
# Installs PostgreSQL from Debian packages when it is missing, makes a cluster under
# $PGROOT (default /tmp/nkevents-pg) owned by the postgres user, starts it on 127.0.0.1 on a free
# port, and creates the user and database "nkevents". Idempotent: a running server is reused.
# Everything but the final export line goes to stderr.
set -euo pipefail
PGROOT=${PGROOT:-/tmp/nkevents-pg}
DATA=$PGROOT/data
DBNAME=nkevents
DBUSER=nkevents
DBPASS=nkevents
log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(readlink -f "$(command -v initdb)")"; return 0; }
  return 1
}

BIN=$(find_bindir || true)
if [ -z "$BIN" ]; then
  log "installing PostgreSQL from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq postgresql >&2
  BIN=$(find_bindir)
fi

# Run server commands as the postgres user when we are root (the server refuses to run as root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PGROOT" postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

mkdir -p "$PGROOT"
[ "$(id -u)" -eq 0 ] && chown postgres "$PGROOT"
if [ ! -f "$DATA/PG_VERSION" ]; then
  log "initdb in $DATA"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
    || as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >&2
fi

PORT=""
if as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  PORT=$(sed -n 4p "$DATA/postmaster.pid")
  log "server already running on port $PORT"
else
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  log "starting on 127.0.0.1:$PORT"
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$PGROOT/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGROOT -c fsync=off -c max_connections=200" start >&2
fi

psql_admin() { as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DBUSER'")" != "1" ]; then
  psql_admin -c "CREATE ROLE $DBUSER LOGIN PASSWORD '$DBPASS' CREATEDB" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE $DBNAME OWNER $DBUSER" >&2
fi
URL="postgresql://$DBUSER:$DBPASS@127.0.0.1:$PORT/$DBNAME"
log "ready: $URL"
echo "export NKEVENTS_TEST_PG=$URL"
