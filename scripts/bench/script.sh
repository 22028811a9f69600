#!/usr/bin/env bash
# (b) A 10,000-line script (create, edit, register, dockerfile, show in equal parts; see
# gen-script.sh) run by `scripts/amlsh --workspace :temp: -f FILE`, start-up included, warm
# archive, on JDK 17 and JDK 25. Target: <= 10 s in all. Each run starts from an empty workspace
# (:temp: is a new one, deleted at exit). Output goes to /dev/null; the exit code must be 0.
# Usage: scripts/bench/script.sh [RUNS] [LINES]   (default 5 runs, 10000 lines)
# Env:   JDK17_HOME, JDK25_HOME as in oneshot.sh. Needs hyperfine and python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
lines=${2:-10000}
out="$root/target/bench"
mkdir -p "$out"
command -v hyperfine >/dev/null || { echo "hyperfine is needed (scripts/bench/oneshot.sh installs it)" >&2; exit 1; }
jdk17=${JDK17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jdk25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
amlsh="$root/scripts/amlsh"
script=$("$root/scripts/bench/gen-script.sh" "$out/script" "$lines")
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export AMLSH_HOME="$home"
for j in "$jdk17" "$jdk25"; do   # build if needed and warm the archive
  JAVA_HOME="$j" "$amlsh" --version >/dev/null
done
echo "== $lines-line script, $runs runs per JDK" >&2
hyperfine -N --style basic -w 1 -r "$runs" --export-json "$out/script.json" \
  -n "script $lines lines, JDK 17" "env JAVA_HOME=$jdk17 $amlsh --workspace :temp: -f $script" \
  -n "script $lines lines, JDK 25" "env JAVA_HOME=$jdk25 $amlsh --workspace :temp: -f $script" >&2
python3 - "$out/script.json" <<'PY'
import json, sys
print("| variant | median wall | min | max | mean user+sys CPU | runs |")
print("|---|---|---|---|---|---|")
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| {r['command']} | {r['median']:.2f} s | {r['min']:.2f} s | {r['max']:.2f} s | {r['user'] + r['system']:.2f} s | {len(r['times'])} |")
PY
echo "- machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
