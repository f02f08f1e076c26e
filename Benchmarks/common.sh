# Sourced by the benchmark scripts (after they set `here` to their own directory): the
# repository, the reference regexes and the release build, spelled once.
set -euo pipefail
repo="$(cd "$here/.." && pwd)"
# Ten raw PHI regexes, one per line as `rg -f` reads them: SSN, ISO date, U.S. date,
# phone, email, MRN, ZIP, IPv4, MBI, 10 digits.
patterns="$here/rg-patterns.txt"

# Stops with exit 2 when a tool the measurement needs is missing.
require_tools() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "missing $tool"; exit 2; }
  done
}

# Sets `phi`: PHI_SCAN_BIN when given, else a fresh release build (linked statically, as
# `make build` and the action build it).
build_phi_scan() {
  phi="${PHI_SCAN_BIN:-}"
  if [ -z "$phi" ]; then
    echo "== building (release)"
    (cd "$repo" && swift build -c release --static-swift-stdlib --product phi-scan 2>&1 | tail -1)
    phi="$repo/.build/release/phi-scan"
  fi
}
