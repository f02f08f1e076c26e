#!/usr/bin/env bash
# Peak memory of phi-scan on the benchmark corpus and on four copies of it.
#
#   Benchmarks/memory.sh [DOCUMENTS]   (default 4000; needs /usr/bin/time; PHI_SCAN_BIN
#                                       measures that binary instead of a fresh build)
#
# Generates the corpus of run.sh (synthetic documents, plus ../shared/realworld when it
# exists), copies it four times (real copies: discovery skips hard links to a file it
# has listed), and prints the peak RSS (`/usr/bin/time -v`, median of BENCH_RUNS runs,
# default 3) of `scan --jobs 2` for each report format on 1x and 4x, and the ratio
# 4x/1x. Findings held in memory grow with the corpus; the rest of a scan should not.
# BENCH_REUSE=1 keeps a corpus an earlier run left in BENCH_DIR.
# A measurement, not a test: nothing here fails.
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/common.sh"
documents="${1:-4000}"
work="${BENCH_DIR:-${TMPDIR:-/tmp}/phi-scan-memory}"
runs="${BENCH_RUNS:-3}"

require_tools /usr/bin/time
build_phi_scan
(cd "$here" && swift build -c release --product generate-corpus 2>&1 | tail -1)
phi="$(cd "$(dirname "$phi")" && pwd)/$(basename "$phi")"

echo "== corpus"
if [ "${BENCH_REUSE:-0}" != 1 ] || [ ! -d "$work/4x/copy4" ]; then
  rm -rf "$work" && mkdir -p "$work/1x" "$work/4x" "$work/out"
  "$here/.build/release/generate-corpus" "$work/1x/synthetic" "$documents" >/dev/null
  realworld="$repo/../shared/realworld"
  if [ -d "$realworld" ]; then
    cp -R "$realworld" "$work/1x/realworld"
    chmod -R u+w "$work/1x/realworld"
    find "$work/1x/realworld" -type f ! -name '*.json' -delete
  fi
  for copy in 1 2 3 4; do cp -R "$work/1x" "$work/4x/copy$copy"; done
fi
for size in 1x 4x; do
  files=$(find "$work/$size" -type f | wc -l)
  bytes=$(find "$work/$size" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  printf '%s: %d files, %.1f MB\n' "$size" "$files" "$(echo "$bytes / 1000000" | bc -l)"
done

# Median peak RSS in KB of `phi-scan scan CORPUS ARGS...` over $runs runs.
peak() {
  local corpus="$1"
  shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%M' -o "$work/rss.txt" "$phi" scan "$corpus" --jobs 2 --quiet --fail-on never "$@" >/dev/null 2>&1 || true
    tail -1 "$work/rss.txt"
  done | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

echo "== peak RSS (median of $runs runs, --jobs 2)"
printf '%-34s %10s %10s %8s\n' "report" "1x" "4x" "4x/1x"
while IFS='|' read -r label args; do
  # shellcheck disable=SC2086 # the arguments are split on purpose
  one=$(peak "$work/1x" $args)
  # shellcheck disable=SC2086
  four=$(peak "$work/4x" $args)
  printf '%-34s %7.1f MB %7.1f MB %7.2fx\n' "$label" "$(echo "$one / 1024" | bc -l)" "$(echo "$four / 1024" | bc -l)" "$(echo "$four / $one" | bc -l)"
done <<EOF
sarif to a file|--format sarif --output $work/out/r.sarif
json to a file|--format json --output $work/out/r.json
text to a file|--format text --output $work/out/r.txt
text on standard output|--format text
sarif + json + text, notes too|--min-level note -f sarif -o $work/out/n.sarif -f json -o $work/out/n.json -f text
EOF
