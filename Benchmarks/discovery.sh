#!/usr/bin/env bash
# Discovery on a tree that is mostly not schemas, as a monorepo is: whole-process wall
# time of phi-scan against rg on the same tree.
#
#   Benchmarks/discovery.sh [DIRECTORIES]      (default 2000; needs hyperfine and rg)
#
# Writes DIRECTORIES directories of 40 small source and text files each, a JSON Schema
# in every other one and a .gitignore in every hundredth, builds phi-scan in release
# (or takes PHI_SCAN_BIN) and times `phi-scan scan --jobs 2` against
# `rg -j2 -c --no-unicode -f PATTERNS` (the ten regexes of rg-patterns.txt). rg reads every file
# and phi-scan only the schemas, so the pair is context, not a like-for-like race.
# A measurement, not a test.
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/common.sh"
directories="${1:-2000}"
work="${BENCH_DIR:-${TMPDIR:-/tmp}/phi-scan-discovery}"
runs="${BENCH_RUNS:-10}"

require_tools hyperfine rg
build_phi_scan

echo "== tree"
tree="$work/tree"
rm -rf "$work" && mkdir -p "$tree"
extensions=(ts md py go txt)
for ((d = 0; d < directories; d++)); do
  dir="$tree/pkg$((d / 100))/mod$((d % 100))/src"
  mkdir -p "$dir"
  for ((f = 0; f < 40; f++)); do echo "x" > "$dir/file$f.${extensions[f % 5]}"; done
  if ((d % 2 == 0)); then
    printf '{"type": "object", "properties": {"field%d": {"type": "string", "description": "Field %d of the module."}}}\n' "$d" "$d" > "$dir/schema$d.json"
  fi
  if ((d % 100 == 0)); then printf '*.log\nbuild/\n' > "$tree/pkg$((d / 100))/.gitignore"; fi
done
mkdir -p "$tree/.git"
files=$(find "$tree" -type f | wc -l)
schemas=$(find "$tree" -name '*.json' | wc -l)
echo "files: $files  schemas: $schemas  directories: $directories"

echo "== wall time (hyperfine, $runs runs after a warm-up)"
hyperfine --warmup 1 --runs "$runs" -N -i \
  -n phi-scan "$phi scan $tree --format sarif --output $work/tree.sarif --fail-on never --jobs 2 --quiet" \
  -n rg "rg -j2 -c --no-unicode -f $patterns $tree" | grep -E "Time|Range|±|phi-scan|rg" | sed 's/^/  /'
