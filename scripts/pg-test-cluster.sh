#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests and benches.
#
#   scripts/pg-test-cluster.sh            starts one; the last line on stdout is
#                                         ATLAS_TEST_PG=postgres://postgres@127.0.0.1:PORT/atlas_test
#   scripts/pg-test-cluster.sh stop DIR   stops the cluster in DIR and removes DIR
#
# Typical use:
#   out=$(scripts/pg-test-cluster.sh) && export "$(tail -n1 <<<"$out")"
#   npx vitest run src/store
#   scripts/pg-test-cluster.sh stop "$(sed -n 's/^ATLAS_PG_DIR=//p' <<<"$out")"
#
# The cluster listens on 127.0.0.1 only, trusts local connections (no password: it holds test
# data only) and runs with fsync off, so it is fast and must never hold anything worth keeping.
set -euo pipefail

MARKER=.atlas-pg-test-cluster

die() {
  echo "pg-test-cluster: $*" >&2
  exit 1
}

# Debian keeps initdb and pg_ctl out of PATH (/usr/lib/postgresql/VERSION/bin): look there too,
# newest version first.
find_bin() {
  if command -v "$1" >/dev/null 2>&1; then
    command -v "$1"
    return
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [ -x "$dir/$1" ]; then
      echo "$dir/$1"
      return
    fi
  done
  die "$1 not found in PATH or /usr/lib/postgresql/*/bin (install PostgreSQL, e.g. apt-get install postgresql)"
}

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

stop_cluster() {
  local dir=${1:-}
  [ -n "$dir" ] || die "usage: $0 stop DIR"
  # refuse to rm -rf anything this script did not make
  [ -f "$dir/$MARKER" ] || die "$dir is not a cluster made by this script (no $MARKER)"
  local pg_ctl
  pg_ctl=$(find_bin pg_ctl)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
  echo "pg-test-cluster: stopped and removed $dir" >&2
}

start_cluster() {
  local initdb pg_ctl psql dir locale_opt port started=''
  initdb=$(find_bin initdb)
  pg_ctl=$(find_bin pg_ctl)
  psql=$(find_bin psql)
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user to own the cluster"
    command -v runuser >/dev/null 2>&1 || die "running as root needs runuser (util-linux)"
  fi

  dir=$(mktemp -d "${TMPDIR:-/tmp}/atlas-pg.XXXXXX")
  touch "$dir/$MARKER"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir"

  # a UTF-8 locale makes lower() and the text search parser handle non-ASCII letters
  if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then
    locale_opt=--locale=C.UTF-8
  else
    locale_opt=--no-locale
  fi
  as_owner "$initdb" -D "$dir/data" -U postgres -E UTF8 "$locale_opt" \
    --auth-local=trust --auth-host=trust >"$dir/initdb.log" 2>&1 ||
    {
      cat "$dir/initdb.log" >&2
      die "initdb failed (log above)"
    }

  # another process may take the port between picking and binding it: try a few
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >&2; then
      started=1
      break
    fi
  done
  if [ -z "$started" ]; then
    tail -n 20 "$dir/server.log" >&2 || true
    die "could not start PostgreSQL (server log above; cluster left in $dir)"
  fi

  "$psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c 'CREATE DATABASE atlas_test' >&2

  echo "ATLAS_PG_DIR=$dir"
  echo "ATLAS_TEST_PG=postgres://postgres@127.0.0.1:$port/atlas_test"
}

case "${1:-start}" in
start) start_cluster ;;
stop) stop_cluster "${2:-}" ;;
*) die "usage: $0 [start | stop DIR]" ;;
esac
