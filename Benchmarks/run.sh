#!/usr/bin/env bash
# Whole-process throughput of phi-scan against ripgrep on the same bytes.
#
#   Benchmarks/run.sh [DOCUMENTS]      (default 4000; needs hyperfine, rg, /usr/bin/time;
#                                       PHI_SCAN_BIN times that binary instead of a fresh build)
#
# Generates a deterministic synthetic corpus (JSON Schemas, Anthropic/OpenAI tool
# requests, MCP tools/list results, JSONL batches, YAML), adds ../shared/realworld when
# it exists, builds phi-scan in release, and prints MB/s, files/s and peak RSS for
# --jobs 2, the same for `rg -j2 -c --no-unicode -f PATTERNS` with ten raw PHI regexes,
# the ratio phi-scan/rg (from hyperfine, and again from runs that take turns, which a
# shared machine's drifting load skews less), and whether --jobs 1 and --jobs 2 SARIF
# are identical.
# A measurement, not a test: nothing here fails on a slow machine.
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/common.sh"
documents="${1:-4000}"
work="${BENCH_DIR:-${TMPDIR:-/tmp}/phi-scan-bench}"
corpus="$work/corpus"
runs="${BENCH_RUNS:-5}"

require_tools hyperfine rg /usr/bin/time
build_phi_scan
(cd "$here" && swift build -c release --product generate-corpus 2>&1 | tail -1)

echo "== corpus"
rm -rf "$corpus" && mkdir -p "$corpus"
"$here/.build/release/generate-corpus" "$corpus/synthetic" "$documents"
realworld="$repo/../shared/realworld"
if [ -d "$realworld" ]; then
  cp -R "$realworld" "$corpus/realworld"
  chmod -R u+w "$corpus/realworld"
  find "$corpus/realworld" -type f ! -name '*.json' -delete
fi
files=$(find "$corpus" -type f | wc -l)
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
printf 'files: %d  bytes: %d (%.1f MB)\n' "$files" "$bytes" "$(echo "$bytes / 1000000" | bc -l)"

# The two measured commands, spelled once.
phi_scan=("$phi" scan "$corpus" --format sarif --output "$work/bench.sarif" --fail-on never --jobs 2 --quiet)
rg_scan=(rg -j2 -c --no-unicode -f "$patterns" "$corpus")

echo "== identical output for --jobs 1 and --jobs 2"
"$phi" scan "$corpus" --format sarif --fail-on never --jobs 1 --quiet > "$work/jobs1.sarif" 2>/dev/null || true
"$phi" scan "$corpus" --format sarif --fail-on never --jobs 2 --quiet > "$work/jobs2.sarif" 2>/dev/null || true
if cmp -s "$work/jobs1.sarif" "$work/jobs2.sarif"; then echo "SARIF identical ($(wc -c < "$work/jobs2.sarif") bytes)"; else echo "SARIF DIFFERS"; fi

echo "== wall time (hyperfine, $runs runs after a warm-up)"
hyperfine --warmup 1 --runs "$runs" -N -i --export-json "$work/times.json" \
  -n phi-scan "${phi_scan[*]}" -n rg "${rg_scan[*]}" > "$work/hyperfine.txt"
grep -E "Time|Range|±" "$work/hyperfine.txt" | sed 's/^/  /' || true

echo "== peak memory (/usr/bin/time -v)"
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; }
phi_rss=$(rss "${phi_scan[@]}")
rg_rss=$(rss "${rg_scan[@]}")

python3 - "$work/times.json" "$bytes" "$files" "$phi_rss" "$rg_rss" <<'PY'
import json, sys
times = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
size, files = int(sys.argv[2]), int(sys.argv[3])
phi, rg = times["phi-scan"]["median"], times["rg"]["median"]
print("== results (medians, 2 jobs)")
print(f"phi-scan: {phi:.3f} s  {size / phi / 1e6:.0f} MB/s  {files / phi:.0f} files/s  peak RSS {int(sys.argv[4]) / 1024:.0f} MB")
print(f"rg:       {rg:.3f} s  {size / rg / 1e6:.0f} MB/s  {files / rg:.0f} files/s  peak RSS {int(sys.argv[5]) / 1024:.0f} MB")
print(f"ratio phi-scan/rg: {phi / rg:.2f}x")
PY

# On a shared machine the load drifts between hyperfine's two blocks of runs; taking
# turns puts both tools under the same conditions, so this ratio is the steadier one.
echo "== interleaved ($runs rounds, phi-scan and rg taking turns)"
turns="$work/turns.txt"
: > "$turns"
for _ in $(seq "$runs"); do
  /usr/bin/time -f "phi-scan %e" -a -o "$turns" "${phi_scan[@]}" 2>/dev/null || true
  /usr/bin/time -f "rg %e" -a -o "$turns" "${rg_scan[@]}" >/dev/null || true
done
python3 - "$turns" <<'PY'
import statistics, sys
walls = {}
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) == 2: walls.setdefault(parts[0], []).append(float(parts[1]))
phi, rg = statistics.median(walls["phi-scan"]), statistics.median(walls["rg"])
print(f"medians: phi-scan {phi:.3f} s, rg {rg:.3f} s, ratio {phi / rg:.2f}x")
PY
