#!/usr/bin/env bash
# Prints `key=...` for the binary cache: a hash of phi-scan's sources, Package.swift,
# Package.resolved (when present) and the Swift compiler's version, with OS and
# architecture. Run in the action's directory; hashFiles() only sees the workspace.
set -euo pipefail

# sha256sum on Linux, shasum on macOS.
if command -v sha256sum >/dev/null 2>&1; then sum=(sha256sum); else sum=(shasum -a 256); fi

swift_version=$(swift --version 2>/dev/null || echo "no swift")
sources=$(
  {
    find Package.swift Package.resolved Sources patterns -type f -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 "${sum[@]}"
    printf '%s\n' "$swift_version"
  } | "${sum[@]}" | cut -c1-32
)
echo "key=phi-scan-bin-${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}-${sources}"
