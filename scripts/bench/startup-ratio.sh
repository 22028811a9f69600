#!/usr/bin/env bash
# One-shot start-up, before and after a change, each run as a ratio to a bare `java -version` in
# the same round, so that the load other processes put on the machine cancels out as far as it can.
# Each round runs, interleaved: java -version, BEFORE, AFTER (then the same three in reverse order,
# so neither jar always runs second). Both jars run through scripts/amlsh (AMLSH_JAR) with their own
# warm class-data archive (AMLSH_CACHE_DIR), on `env dockerfile bench`.
#
# Usage: scripts/bench/startup-ratio.sh BEFORE.jar AFTER.jar [ROUNDS]   (default 10)
# Prints every round, the medians of the ratios, and the load average before and after.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
before=$(readlink -f "$1")
after=$(readlink -f "$2")
rounds=${3:-10}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export AMLSH_HOME="$work/home"

ms() { # runs the command quietly, prints its wall time in milliseconds
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
amlsh() { # before|after, then amlsh's words
  local which=$1 jar; shift
  if [ "$which" = before ]; then jar=$before; else jar=$after; fi
  AMLSH_JAR="$jar" AMLSH_CACHE_DIR="$work/cache-$which" "$root/scripts/amlsh" "$@"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
amlsh after env create bench --conda-file "$root/scripts/launcher/training-env.yml" >/dev/null
for which in before after; do # the first run trains the archive; two more warm the page cache
  for _ in 1 2 3; do amlsh "$which" env dockerfile bench >/dev/null; done
done
printf '%5s %8s %8s %8s %8s %8s\n' round java_ms before after b/java a/java
ratios_b=() ratios_a=()
for ((i = 1; i <= rounds; i++)); do
  if (( i % 2 )); then
    j=$(ms "$java" -version); b=$(ms amlsh before env dockerfile bench); a=$(ms amlsh after env dockerfile bench)
  else
    a=$(ms amlsh after env dockerfile bench); b=$(ms amlsh before env dockerfile bench); j=$(ms "$java" -version)
  fi
  rb=$(awk -v x="$b" -v y="$j" 'BEGIN { printf "%.2f", x / y }')
  ra=$(awk -v x="$a" -v y="$j" 'BEGIN { printf "%.2f", x / y }')
  ratios_b+=("$rb"); ratios_a+=("$ra")
  printf '%5d %8d %8d %8d %8s %8s\n' "$i" "$j" "$b" "$a" "$rb" "$ra"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "median ratio to java -version: before $(median "${ratios_b[@]}"), after $(median "${ratios_a[@]}")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
