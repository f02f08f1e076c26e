#!/usr/bin/env bash
# Installs libpcre2-8 (headers and pkg-config file) when pkg-config does not find it:
# apt-get, dnf or yum on Linux (sudo only when not root, so it also works in
# `container: swift:6.x` jobs, which run as root without sudo), Homebrew on macOS.
set -euo pipefail

if pkg-config --exists libpcre2-8 2>/dev/null; then
  echo "libpcre2-8 $(pkg-config --modversion libpcre2-8) found by pkg-config"
  exit 0
fi

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "::error title=phi-scan::libpcre2-8 is missing and installing it needs root, but this job is not root and has no sudo. Install libpcre2-dev and pkg-config in an earlier step." >&2
    exit 1
  fi
}

case "$(uname -s)" in
  Linux)
    if command -v apt-get >/dev/null 2>&1; then
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpcre2-dev pkg-config
    elif command -v dnf >/dev/null 2>&1; then
      as_root dnf install -y -q pcre2-devel pkgconf-pkg-config
    elif command -v yum >/dev/null 2>&1; then
      as_root yum install -y -q pcre2-devel pkgconfig
    else
      echo "::error title=phi-scan::libpcre2-8 is missing and no apt-get, dnf or yum was found to install it. Install PCRE2's development files and pkg-config in an earlier step." >&2
      exit 1
    fi
    ;;
  Darwin)
    if ! command -v brew >/dev/null 2>&1; then
      echo "::error title=phi-scan::libpcre2-8 is missing and Homebrew is not installed. Install pcre2 and pkg-config in an earlier step." >&2
      exit 1
    fi
    brew install --quiet pcre2 pkg-config
    ;;
  *)
    echo "::error title=phi-scan::phi-scan's action runs on Linux and macOS runners, not on $(uname -s)." >&2
    exit 1
    ;;
esac
pkg-config --exists libpcre2-8 || { echo "::error title=phi-scan::libpcre2-8 was installed but pkg-config still does not find it." >&2; exit 1; }
