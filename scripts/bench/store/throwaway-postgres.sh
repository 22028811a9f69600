# Sourced by the store benchmarks: a throw-away PostgreSQL server, started as scripts/run-tests and
# the tests' PostgresTestServer start theirs: binaries from `pg_config --bindir` or Debian's layout
# (newest), installed from Debian's packages when missing (as root); initdb into a temporary
# folder as the postgres user when run as root (initdb refuses root), else as the caller; a free
# local port; fsync off (a benchmark of amlsh, not of the disk). The EXIT trap of the caller must
# call pg_bench_stop, which stops the server and deletes its folder whatever happened.
#
# After pg_bench_start: PG_BENCH_URL_BASE=postgresql://amlsh_bench@127.0.0.1:PORT/bench and
# PGPASSWORD are set (amlsh reads PGPASSWORD; the password is never on a command line).

pg_bench_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1; then
    d="$(pg_config --bindir 2>/dev/null || true)"
    if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  return 1
}

pg_bench_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$PG_BENCH_USER" -- "$@"; else "$@"; fi
}

pg_bench_start() {
  if ! pg_bench_bindir >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "== installing postgresql (apt-get install -y postgresql)" >&2
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "PostgreSQL is needed: apt-get install postgresql" >&2
      return 1
    fi
  fi
  PG_BENCH_BIN="$(pg_bench_bindir)"
  PG_BENCH_USER=postgres
  id postgres >/dev/null 2>&1 || PG_BENCH_USER=nobody
  PG_BENCH_DIR="$(mktemp -d "${TMPDIR:-/tmp}/amlsh-pg-bench.XXXXXX")"
  chmod 755 "$PG_BENCH_DIR"
  PG_BENCH_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  export PGPASSWORD="bench-$RANDOM$RANDOM"
  printf '%s\n' "$PGPASSWORD" >"$PG_BENCH_DIR/pwfile"
  [ "$(id -u)" = 0 ] && chown -R "$PG_BENCH_USER" "$PG_BENCH_DIR"
  pg_bench_as "$PG_BENCH_BIN/initdb" -D "$PG_BENCH_DIR/data" -U amlsh_bench --pwfile="$PG_BENCH_DIR/pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync >/dev/null
  rm -f "$PG_BENCH_DIR/pwfile"
  pg_bench_as "$PG_BENCH_BIN/pg_ctl" -D "$PG_BENCH_DIR/data" -l "$PG_BENCH_DIR/server.log" -w -t 60 \
    -o "-p $PG_BENCH_PORT -c listen_addresses=127.0.0.1 -k $PG_BENCH_DIR -c fsync=off -c full_page_writes=off" \
    start >/dev/null
  PGUSER=amlsh_bench "$PG_BENCH_BIN/psql" -h 127.0.0.1 -p "$PG_BENCH_PORT" -d postgres -qc "CREATE DATABASE bench"
  PG_BENCH_URL_BASE="postgresql://amlsh_bench@127.0.0.1:$PG_BENCH_PORT/bench"
  echo "== PostgreSQL $("$PG_BENCH_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_BENCH_PORT ($PG_BENCH_DIR)" >&2
}

# psql on the bench database: pg_bench_psql SQL
pg_bench_psql() {
  PGUSER=amlsh_bench "$PG_BENCH_BIN/psql" -h 127.0.0.1 -p "$PG_BENCH_PORT" -d bench -qAtc "$1"
}

pg_bench_stop() {
  if [ -n "${PG_BENCH_DIR:-}" ] && [ -d "$PG_BENCH_DIR" ]; then
    pg_bench_as "$PG_BENCH_BIN/pg_ctl" -D "$PG_BENCH_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_BENCH_DIR"
  fi
}
