#!/usr/bin/env bash
# A private PostgreSQL + PostGIS cluster for tests, CI and benchmarks: its own data folder, its own free
# loopback port, nothing shared with a system cluster, removed again by `stop`.
#
#   tests/postgres/cluster.sh install          install Debian's postgresql, postgis and gdal-bin when missing (root)
#   tests/postgres/cluster.sh start [DIR]      install when missing, then start a cluster in DIR; prints the
#                                              connection as shell exports (eval "$(... start)")
#   tests/postgres/cluster.sh env [DIR]        print the exports of the cluster running in DIR
#   tests/postgres/cluster.sh stop [DIR]       stop the cluster in DIR and remove DIR
#
# DIR defaults to $EF_PG_DIR, else a new temporary folder (start) / the last one started (env, stop).
# EF_PG_INSTALL=0 never installs (start then fails when the binaries are missing, exit 3).
# EF_PG_PORT picks the port (default: a free one). EF_PG_CONF adds "-c name=value" server settings.
#
# The exports: PGHOST, PGPORT, PGUSER, PGDATABASE (the libpq environment, so psql and ElementFlow's --db
# fallback find the cluster), EF_TEST_PG (an Npgsql connection string the test suites read), EF_PG_DIR.
# The superuser is postgres (trust on 127.0.0.1). A role ef_password (password "ef-secret") must log in
# with a password (scram-sha-256), for tests of PGPASSWORD and ~/.pgpass. The database is elementflow,
# with the postgis extension.
set -euo pipefail

LAST=${TMPDIR:-/tmp}/elementflow-pg.last
log() { echo "cluster.sh: $*" >&2; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

have_all() {
  local bin
  bin=$(pg_bin)
  [ -n "$bin" ] && [ -x "$bin/pg_ctl" ] && [ -x "$bin/initdb" ] && command -v psql >/dev/null \
    && ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 \
    && command -v ogr2ogr >/dev/null
}

install() {
  have_all && return 0
  if [ "${EF_PG_INSTALL:-1}" = 0 ]; then
    log "PostgreSQL, PostGIS or GDAL is missing and EF_PG_INSTALL=0"
    return 3
  fi
  if [ "$(id -u)" != 0 ]; then
    log "PostgreSQL, PostGIS or GDAL is missing; as root run: apt-get install -y --no-install-recommends postgresql-postgis gdal-bin"
    return 3
  fi
  log "installing postgresql-postgis and gdal-bin (Debian packages)"
  local out=${TMPDIR:-/tmp}/elementflow-pg-apt.log
  # Another apt run on the machine holds the lock for a while: wait for it rather than fail. The package
  # lists are refreshed only when the install fails without (a fresh machine has none).
  local get=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
  if ! { "${get[@]}" install -y --no-install-recommends postgresql-postgis gdal-bin \
         || { "${get[@]}" update && "${get[@]}" install -y --no-install-recommends postgresql-postgis gdal-bin; }; } >"$out" 2>&1; then
    tail -20 "$out" >&2
    log "apt-get failed (whole log: $out)"
    return 3
  fi
  have_all || { log "installed, but pg_ctl, psql, postgis.control or ogr2ogr is still missing"; return 3; }
}

# initdb and postgres refuse to run as root: as root they run as the postgres user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

exports() {
  local dir=$1 port
  port=$(cat "$dir/port")
  cat <<EOF
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=elementflow
export EF_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=elementflow'
export EF_PG_DIR='$dir'
EOF
}

start() {
  install
  local dir=${1:-${EF_PG_DIR:-}} bin port
  if [ -z "$dir" ]; then dir=$(mktemp -d "${TMPDIR:-/tmp}/elementflow-pg.XXXXXX"); fi
  mkdir -p "$dir"
  if [ -f "$dir/port" ] && as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "a cluster already runs in $dir"
    exports "$dir"
    return 0
  fi
  bin=$(pg_bin)
  port=${EF_PG_PORT:-$(free_port)}
  chmod 755 "$dir"
  rm -rf "$dir/data"
  mkdir -p "$dir/data"
  [ "$(id -u)" = 0 ] && chown postgres "$dir" "$dir/data"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; log "initdb failed"; return 1; }
  cat >"$dir/data/pg_hba.conf" <<'EOF'
# role        address          method
local all all                  trust
host  all ef_password 127.0.0.1/32 scram-sha-256
host  all all 127.0.0.1/32     trust
EOF
  local settings=(-c listen_addresses=127.0.0.1 -p "$port" -k "$dir" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c jit=off)
  # shellcheck disable=SC2206
  [ -n "${EF_PG_CONF:-}" ] && settings+=($EF_PG_CONF)
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "${settings[*]}" start >/dev/null; then
    tail -20 "$dir/server.log" >&2 || true
    log "the server did not start on 127.0.0.1:$port (log: $dir/server.log)"
    return 1
  fi
  echo "$port" >"$dir/port"
  echo "$dir" >"$LAST"
  local psql=(psql -h 127.0.0.1 -p "$port" -U postgres -X -q -v ON_ERROR_STOP=1)
  "${psql[@]}" -d postgres -c "CREATE DATABASE elementflow" >/dev/null
  "${psql[@]}" -d elementflow -c "CREATE EXTENSION postgis" \
    -c "SET password_encryption = 'scram-sha-256'" -c "CREATE ROLE ef_password LOGIN PASSWORD 'ef-secret'" >/dev/null
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') with PostGIS on 127.0.0.1:$port, data in $dir"
  exports "$dir"
}

resolve_dir() {
  local dir=${1:-${EF_PG_DIR:-}}
  [ -z "$dir" ] && [ -f "$LAST" ] && dir=$(cat "$LAST")
  [ -n "$dir" ] || { log "no cluster folder given and none started"; return 1; }
  echo "$dir"
}

stop() {
  local dir
  dir=$(resolve_dir "${1:-}") || return 0
  if [ -d "$dir/data" ]; then as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  case "$dir" in
    "${TMPDIR:-/tmp}"/elementflow-pg.*) rm -rf "$dir" ;;
    *) rm -rf "$dir/data" "$dir/port" ;;
  esac
  if [ -f "$LAST" ] && [ "$(cat "$LAST")" = "$dir" ]; then rm -f "$LAST"; fi
  log "stopped the cluster in $dir"
}

case "${1:-}" in
  install) install ;;
  start) start "${2:-}" ;;
  env) dir=$(resolve_dir "${2:-}") && exports "$dir" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 install | start [DIR] | env [DIR] | stop [DIR]" >&2; exit 2 ;;
esac
