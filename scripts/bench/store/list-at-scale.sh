#!/usr/bin/env bash
# Issue 11's listing target: `amlsh env list` through the one-shot command on a workspace of
# 10,000 names x 3 versions, against `amlsh version` on the same machine, on SQLite and on a
# local throw-away PostgreSQL. Target: env list at most 300 ms more than amlsh version.
#
# Usage: scripts/bench/store/list-at-scale.sh [RUNS]    (default 9 timed runs per command, 2 warm-ups)
# Needs: JDK 17+, Maven, python3; PostgreSQL's server binaries (installed from Debian's packages
#        when missing and running as root). About 3 minutes.
#
# The workspace is generated through the store API (StoreBench generate: 30,000 registrations of
# changed definitions), then moved onto the server with `amlsh workspace import FILE --into URL`.
# Every command runs through scripts/amlsh (the launcher, with its class-data archive warmed),
# output to /dev/null; each timed run is one process start to exit (wall time). The commands are
# interleaved run by run, so a change in the machine's load touches all of them alike. Reported:
# the median of each, env list's difference from amlsh version, and their ratio.
set -euo pipefail
RUNS="${1:-9}"
NAMES="${NAMES:-10000}" # fewer only to try the script out
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
. "$ROOT/scripts/bench/store/throwaway-postgres.sh"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/amlsh-list-bench.XXXXXX")"
chmod 755 "$WORK"
CPFILE="$WORK/classpath"
trap 'pg_bench_stop; rm -rf "$WORK"' EXIT
export AMLSH_HOME="$WORK/home"
export HOME="$WORK/home" # no ~/.pgpass of the caller's; PGPASSWORD is the throw-away server's
mkdir -p "$AMLSH_HOME/workspaces"

echo "== building (jar, test classes for the generator)" >&2
mvn -B -q -ntp package -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true 1>&2
mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE" 1>&2
CP="target/test-classes:target/classes:$(cat "$CPFILE")"
amlsh="$ROOT/scripts/amlsh"
"$amlsh" version >/dev/null # trains the launcher's archive once

echo "== generating $NAMES names x 3 versions (SQLite, through the store API)" >&2
java -cp "$CP" dev.amlsh.workspace.sqlite.StoreBench generate "$AMLSH_HOME/workspaces/big.amlsh" "$NAMES" 3 >&2

pg_bench_start
URL="$PG_BENCH_URL_BASE?schema=big"
echo "== moving it onto the server: amlsh workspace import big.amlsh --into $URL" >&2
"$amlsh" workspace import "$AMLSH_HOME/workspaces/big.amlsh" --into "$URL" >&2

for ws in big "$URL"; do
  rows=$("$amlsh" --workspace "$ws" env list | wc -l)
  [ "$rows" = $((NAMES + 1)) ] || { echo "env list on $ws printed $rows lines, not $((NAMES + 1))" >&2; exit 1; }
done

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, uptime: $(uptime | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
python3 - "$RUNS" "$amlsh" "$URL" "$NAMES" <<'PY'
import statistics, subprocess, sys, time
runs, amlsh, url, names = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
commands = {
    "amlsh version": [amlsh, "version"],
    "env list (SQLite)": [amlsh, "--workspace", "big", "env", "list"],
    "env list (PostgreSQL)": [amlsh, "--workspace", url, "env", "list"],
}
def once(argv):
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000
times = {k: [] for k in commands}
for _ in range(2):
    for argv in commands.values():
        once(argv)
for _ in range(runs):
    for name, argv in commands.items():
        times[name].append(once(argv))
base = statistics.median(times["amlsh version"])
print(f"{'command':24} {'median ms':>10} {'min':>7} {'max':>7}  vs amlsh version")
for name, ts in times.items():
    m = statistics.median(ts)
    extra = "" if name == "amlsh version" else f"  +{m - base:.0f} ms, x{m / base:.2f}" + (
        "  (target: <= +300 ms: " + ("met" if m - base <= 300 else "NOT met") + ")")
    print(f"{name:24} {m:10.0f} {min(ts):7.0f} {max(ts):7.0f}{extra}")
print(f"({runs} timed runs each, interleaved, after 2 warm-ups; {names:,} names x 3 versions)")
PY
