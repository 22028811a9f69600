#!/usr/bin/env bash
# Issue 11's concurrency target: CLIENTS concurrent amlsh processes (default 20), each registering
# PER_CLIENT changed definitions (default 50) into one name of one team workspace on a local
# throw-away PostgreSQL. Checks that the versions are exactly 1..CLIENTS*PER_CLIENT, that none is
# lost or given twice (every client's every definition is in exactly one version), and reports
# registrations per second of wall time (from the first client's start to the last one's exit,
# JVM starts included: what a class of learners sees).
#
# Usage: scripts/bench/store/concurrent-register.sh [CLIENTS] [PER_CLIENT]
# Needs: JDK 17+, Maven, python3; PostgreSQL's server binaries and psql (installed from Debian's
#        packages when missing and running as root).
#
# Each client is `amlsh --workspace URL --as-user clientN -f clientN.amlsh`: its own draft of the
# name `shared` (drafts belong to a user), then PER_CLIENT times `env var set shared CLIENT_STEP=N-i`
# and `env register shared`, so every registration is a definition no other registration has.
set -euo pipefail
CLIENTS="${1:-20}"
PER_CLIENT="${2:-50}"
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
. "$ROOT/scripts/bench/store/throwaway-postgres.sh"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/amlsh-concurrent-bench.XXXXXX")"
chmod 755 "$WORK"
trap 'pg_bench_stop; rm -rf "$WORK"' EXIT
export AMLSH_HOME="$WORK/home"
export HOME="$WORK/home"
mkdir -p "$AMLSH_HOME"

echo "== building the jar" >&2
mvn -B -q -ntp package -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true 1>&2
amlsh="$ROOT/scripts/amlsh"
"$amlsh" version >/dev/null # trains the launcher's archive once

pg_bench_start
URL="$PG_BENCH_URL_BASE?schema=team"
"$amlsh" workspace create "$URL" >&2

for c in $(seq "$CLIENTS"); do
  {
    echo "env create shared --base-image mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230509.v1"
    for i in $(seq "$PER_CLIENT"); do
      echo "env var set shared CLIENT_STEP=$c-$i"
      echo "env register shared"
    done
  } >"$WORK/client$c.amlsh"
done

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, uptime: $(uptime | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
start=$(date +%s%N)
pids=()
for c in $(seq "$CLIENTS"); do
  "$amlsh" --workspace "$URL" --as-user "client$c" -f "$WORK/client$c.amlsh" >"$WORK/client$c.out" 2>&1 &
  pids+=($!)
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
end=$(date +%s%N)
[ "$failed" = 0 ] || { echo "$failed client(s) failed:" >&2; grep -h "error" "$WORK"/client*.out | head >&2; exit 1; }

total=$((CLIENTS * PER_CLIENT))
pg_bench_psql "SELECT version FROM team.versions WHERE name = 'shared' ORDER BY id" >"$WORK/versions"
pg_bench_psql "SELECT definition::json -> 'environmentVariables' ->> 'CLIENT_STEP' FROM team.versions
               WHERE name = 'shared'" | sort >"$WORK/steps"
for c in $(seq "$CLIENTS"); do for i in $(seq "$PER_CLIENT"); do echo "$c-$i"; done; done | sort >"$WORK/expected"
if [ "$(cat "$WORK/versions")" != "$(seq "$total")" ]; then
  echo "FAILED: the versions are not exactly 1..$total in creation order" >&2; exit 1
fi
if ! cmp -s "$WORK/steps" "$WORK/expected"; then
  echo "FAILED: some definition was lost or registered twice:" >&2
  diff "$WORK/expected" "$WORK/steps" | head >&2; exit 1
fi
python3 - "$CLIENTS" "$PER_CLIENT" "$start" "$end" <<'PY'
import sys
clients, per, start, end = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
seconds = (end - start) / 1e9
total = clients * per
print(f"{clients} clients x {per} changed definitions into one name: versions exactly 1..{total},"
      f" each definition in exactly one version")
print(f"wall time {seconds:.1f} s (JVM starts included): {total / seconds:.1f} registrations/s")
PY
