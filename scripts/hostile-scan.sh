#!/usr/bin/env bash
# Writes the full-size hostile-input directory (issue 8: 200,000-deep nesting, a 20 MB
# string, a million-member enum, FIFOs, symlink loops, broken files next to good ones)
# and scans it with a release build under /usr/bin/time -v: wall time, peak memory and
# the exit code (2: some files could not be scanned, the others were).
#
#   scripts/hostile-scan.sh [DIR]     (default: a fresh temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-$(mktemp -d)/hostile}
swift build -c release --static-swift-stdlib --product phi-scan >&2
PHI_SCAN_HOSTILE_DIR="$dir" swift test --filter 'HostileInputTests/writeFullSizeDirectory' >&2
report=$(mktemp)
status=0
(cd "$dir" && /usr/bin/time -v "$OLDPWD/.build/release/phi-scan" scan . --format json --output "$report" --fail-on never) 2> "$report.time" || status=$?
grep -E 'Elapsed|Maximum resident' "$report.time"
grep -E '^(error|warning|note):' "$report.time" | sed 's/^/  /'
echo "exit code: $status (expected 2); JSON report: $report"
