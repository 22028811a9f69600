#!/usr/bin/env bash
# Writes a benchmark script of N lines (default 10,000) into DIR: create, edit, register,
# dockerfile and show in equal parts (N/5 each), over N/20 environment names each created four
# times (so later creates replace a draft, with a warning, and registers make versions 1-4),
# plus the conda file it uses. Prints the script's path.
# Usage: scripts/bench/gen-script.sh DIR [N]
set -euo pipefail
dir=${1:?usage: gen-script.sh DIR [LINES]}
lines=${2:-10000}
(( lines % 20 == 0 )) || { echo "LINES must be a multiple of 20" >&2; exit 2; }
mkdir -p "$dir"
cat >"$dir/env.yml" <<'YML'
name: bench
channels:
  - conda-forge
dependencies:
  - python=3.10
  - numpy=1.26.4
  - pip
  - pip:
      - requests==2.31.0
YML
names=$(( lines / 20 ))
awk -v names="$names" 'BEGIN {
  for (round = 1; round <= 4; round++) {
    for (i = 0; i < names; i++) {
      n = sprintf("bench-%04d", i)
      print "env create " n " --conda-file env.yml"
      printf "env add-pip %s pkg%d==%d.%d\n", n, i % 7, round, i
      print "env register " n
      print "env dockerfile " n
      print "env show " n
    }
  }
}' >"$dir/script.amlsh"
echo "$dir/script.amlsh"
