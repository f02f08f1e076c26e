#!/usr/bin/env bash
# Makes sure "$1/phi-scan" runs: a binary restored from the cache is used as it is
# (after installing libpcre2-8 if the runner lacks it); otherwise phi-scan is built in
# release mode from the action's directory (the working directory) and copied there.
# Writes PHI_SCAN_BIN to $GITHUB_ENV.
set -euo pipefail

destination=$1
binary="$destination/phi-scan"
here=$(cd "$(dirname "$0")" && pwd)

if [ -x "$binary" ] && ! "$binary" --version >/dev/null 2>&1; then
  # A cached binary links libpcre2-8 dynamically: the runner may lack the library.
  bash "$here/install-pcre2.sh"
fi
if [ -x "$binary" ] && "$binary" --version >/dev/null 2>&1; then
  echo "Using the cached phi-scan $("$binary" --version)"
else
  bash "$here/install-pcre2.sh"
  if ! command -v swift >/dev/null 2>&1; then
    echo "::error title=phi-scan::Swift is needed to build phi-scan the first time (the binary is cached after). Use runs-on: ubuntu-latest or macos-latest, or container: swift:6.1 or later." >&2
    exit 1
  fi
  flags=(-c release --product phi-scan)
  # The Swift runtime linked in on Linux; macOS has it in the system.
  if [ "$(uname -s)" = Linux ]; then flags+=(--static-swift-stdlib); fi
  swift build "${flags[@]}"
  bin_path=$(swift build "${flags[@]}" --show-bin-path)
  mkdir -p "$destination"
  cp "$bin_path/phi-scan" "$binary"
  echo "Built phi-scan $("$binary" --version)"
fi
echo "PHI_SCAN_BIN=$binary" >> "${GITHUB_ENV:?GITHUB_ENV is not set}"
