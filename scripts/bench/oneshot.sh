#!/usr/bin/env bash
# (a) One-shot start-up: `amlsh env dockerfile bench` through scripts/amlsh with a warm archive
# (AppCDS on JDK 17, AOT cache on JDK 25), against a plain Spring Shell 4 app with default
# settings running one command (scripts/bench/plain-spring-shell, built here), on both JDKs.
# Also: amlsh without the archive, the launcher's first run (extract + train; cold archive), and
# a -Xlog:class+load count proving the archive is mapped.
#
# Usage: scripts/bench/oneshot.sh [RUNS]        (default 10 timed runs per variant, 3 warm-ups)
# Env:   JDK17_HOME (default: the JDK of `java` on PATH), JDK25_HOME (default Temurin 25 path)
# Needs: hyperfine (installed from Debian's packages when missing and running as root), python3,
#        Maven. Results: a table on stdout, raw JSON in target/bench/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-10}
out="$root/target/bench"
mkdir -p "$out"

if ! command -v hyperfine >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing hyperfine (apt-get install -y hyperfine)" >&2
    apt-get install -y -qq hyperfine >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null && apt-get install -y -qq hyperfine >/dev/null; }
  else
    echo "hyperfine is needed: apt-get install hyperfine (or cargo install hyperfine)" >&2
    exit 1
  fi
fi
command -v python3 >/dev/null || { echo "python3 is needed to summarise the results" >&2; exit 1; }

jdk17=${JDK17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jdk25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$jdk17/bin/java" ] || { echo "no JDK 17 at $jdk17 (set JDK17_HOME)" >&2; exit 1; }
[ -x "$jdk25/bin/java" ] || { echo "no JDK 25 at $jdk25 (set JDK25_HOME)" >&2; exit 1; }

amlsh="$root/scripts/amlsh"
plain_dir="$root/scripts/bench/plain-spring-shell"
plain_jar="$plain_dir/target/plain-spring-shell.jar"

echo "== building the baseline (plain Spring Shell 4 app)" >&2
(cd "$plain_dir" && JAVA_HOME="$jdk17" mvn -B -q -ntp package 1>&2)

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export AMLSH_HOME="$home"
echo "== building amlsh and warming its archives (JDK 17 and 25); workspace in $home" >&2
JAVA_HOME="$jdk17" "$amlsh" env create bench --conda-file "$root/scripts/launcher/training-env.yml" >/dev/null
JAVA_HOME="$jdk25" "$amlsh" env dockerfile bench >/dev/null
JAVA_HOME="$jdk17" "$amlsh" env dockerfile bench >/dev/null

echo "== the archive is mapped (-Xlog:class+load, classes by source)" >&2
archive_note=""
for j in "$jdk17" "$jdk25"; do
  log="$out/class-load-$(basename "$j").txt"
  JAVA_HOME="$j" AMLSH_JAVA_OPTS="-Xlog:class+load:file=$log" "$amlsh" env dockerfile bench >/dev/null
  total=$(wc -l <"$log")
  shared=$(grep -c 'source: shared objects file' "$log" || true)
  archive_note+="- $("$j/bin/java" -version 2>&1 | head -1): $shared of $total classes loaded from the archive (\"source: shared objects file\")"$'\n'
done

# Run from the throw-away folder: the plain Spring Shell app writes its history file
# (spring-shell.log) into the working directory.
cd "$home"
hf() { # name, then hyperfine arguments
  local name=$1; shift
  echo "== $name" >&2
  hyperfine -N --style basic --export-json "$out/$name.json" "$@" >&2
}
hf amlsh-jdk25 -w 3 -r "$runs" -n "amlsh, JDK 25, AOT cache" \
  "env JAVA_HOME=$jdk25 $amlsh env dockerfile bench"
hf amlsh-jdk17 -w 3 -r "$runs" -n "amlsh, JDK 17, AppCDS" \
  "env JAVA_HOME=$jdk17 $amlsh env dockerfile bench"
hf amlsh-jdk17-noarchive -w 1 -r "$runs" -n "amlsh, JDK 17, no archive (AMLSH_NO_ARCHIVE=1)" \
  "env JAVA_HOME=$jdk17 AMLSH_NO_ARCHIVE=1 $amlsh env dockerfile bench"
hf plain-jdk17 -w 2 -r "$runs" -n "plain Spring Shell 4 app, JDK 17, defaults" \
  "$jdk17/bin/java -jar $plain_jar hello world"
hf plain-jdk25 -w 2 -r "$runs" -n "plain Spring Shell 4 app, JDK 25, defaults" \
  "$jdk25/bin/java -jar $plain_jar hello world"
# First run of a build on a JDK: extract the jar, train the archive, then run (cold archive).
cold="$home/cold-cache"
hf amlsh-jdk17-first -r 3 -n "amlsh first run, JDK 17 (extract + train + run)" --prepare "rm -rf $cold" \
  "env JAVA_HOME=$jdk17 AMLSH_CACHE_DIR=$cold $amlsh env dockerfile bench"
hf amlsh-jdk25-first -r 3 -n "amlsh first run, JDK 25 (extract + train + run)" --prepare "rm -rf $cold" \
  "env JAVA_HOME=$jdk25 AMLSH_CACHE_DIR=$cold $amlsh env dockerfile bench"

python3 - "$out" <<'EOF'
import json, sys, os
out = sys.argv[1]
def load(name):
    r = json.load(open(os.path.join(out, name + ".json")))["results"][0]
    return r
rows = ["amlsh-jdk25", "amlsh-jdk17", "amlsh-jdk17-noarchive", "plain-jdk17", "plain-jdk25",
        "amlsh-jdk17-first", "amlsh-jdk25-first"]
print("| variant | median wall | min | max | mean user+sys CPU | runs |")
print("|---|---|---|---|---|---|")
res = {}
for n in rows:
    r = load(n); res[n] = r
    print(f"| {r['command']} | {r['median']:.3f} s | {r['min']:.3f} s | {r['max']:.3f} s "
          f"| {r['user'] + r['system']:.3f} s | {len(r['times'])} |")
print()
for j in ("17", "25"):
    a, p = res[f"amlsh-jdk{j}"]["median"], res[f"plain-jdk{j}"]["median"]
    print(f"- JDK {j}: plain Spring Shell / amlsh (warm archive) = {p:.2f} s / {a:.3f} s = {p / a:.1f}x")
EOF
echo
printf '%s' "$archive_note"
echo "- machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
