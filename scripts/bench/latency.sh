#!/usr/bin/env bash
# (c) In-process command latency: JMH (src/test/java/dev/amlsh/bench/CommandLatencyBenchmark.java)
# calls amlsh's real command dispatcher over a SQLite workspace in a temporary AMLSH_HOME.
# Prints JMH's sample-time table (p0.50 = the median). Target: median <= 5 ms for `env dockerfile`.
# Usage: scripts/bench/latency.sh [extra JMH options, e.g. -f 2 -i 10]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "== building test classes and the test class path" >&2
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt 1>&2
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

"$java" -version 2>&1 | head -1 >&2
exec "$java" -Dfile.encoding=UTF-8 -cp "$cp" org.openjdk.jmh.Main 'dev.amlsh.bench.CommandLatencyBenchmark' \
  -rf text -rff target/bench-latency.txt "$@"
