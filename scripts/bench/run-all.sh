#!/usr/bin/env bash
# Runs the three benchmarks one after the other and collects their tables in
# target/bench/results.md. Do not build or run other heavy work meanwhile: the one-shot figures
# are wall times on a 2-core machine. Usage: scripts/bench/run-all.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$root/target/bench"
results="$root/target/bench/results.md"
{
  echo "# amlsh benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "## (a) one-shot start-up: env dockerfile"
  "$root/scripts/bench/oneshot.sh" 10
  echo
  echo "## (b) 10,000-line script"
  "$root/scripts/bench/script.sh" 5
  echo
  echo "## (c) in-process latency (JMH, sample time, ms/op)"
  "$root/scripts/bench/latency.sh" 2>&1 | sed -n '/^Benchmark/,$p'
} | tee "$results"
