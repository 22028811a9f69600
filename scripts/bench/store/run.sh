#!/usr/bin/env bash
# The workspace store's benchmark: see scripts/bench/README.md, "## Workspace store".
# Usage: scripts/bench/store/run.sh [RUNS]   (RUNS per measurement, default 5; medians reported)
# Needs: JDK 17+, Maven with the project's dependencies (run from anywhere inside the repository).
set -euo pipefail
RUNS="${1:-5}"
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
MVN="mvn -B -q"
[ -d "$HOME/.m2/repository/org/xerial/sqlite-jdbc" ] && MVN="$MVN -o"
$MVN test-compile
CPFILE="$(mktemp)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/amlsh-store-bench.XXXXXX")"
trap 'rm -rf "$WORK" "$CPFILE"' EXIT
$MVN dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE"
CP="target/test-classes:target/classes:$(cat "$CPFILE")"
bench() { java -Xss1m -cp "$CP" dev.amlsh.workspace.sqlite.StoreBench "$@"; }

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "## register: 1000 changed definitions per run (20 names round-robin; then 1 name), fresh workspace per run"
bench register "$WORK" "$RUNS" 1000
rm -f "$WORK"/register-*

echo "## 10,000 names x 3 versions, generated through the store API"
FILE="$WORK/big.amlsh"
bench generate "$FILE" 10000 3
echo "file_size_bytes $(stat -c %s "$FILE") ($(du -h "$FILE" | cut -f1))"

echo "## open + list all names, each in a new JVM (cold JIT and class loading; SQLite's native library loaded first)"
COLD=()
for _ in $(seq "$RUNS"); do
  LINE="$(bench open-list "$FILE")"
  echo "  $LINE"
  COLD+=("$(echo "$LINE" | awk '{print $2}')")
done
printf '%s\n' "${COLD[@]}" | sort -n | awk -v runs="${COLD[*]}" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "cold_open_list_ms %.1f median_of_%d (runs: %s)\n", m, NR, runs}'

echo "## open + list warm (one JVM), then NAME@latest through Workspace.resolve for 1000 random names"
bench warm "$FILE" "$RUNS" 1000
