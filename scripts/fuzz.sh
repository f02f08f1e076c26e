#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ (-sanitize=fuzzer,address) and runs them.
#
#   scripts/fuzz.sh HARNESS SECONDS   run one harness (json, yaml, regex, walker)
#   scripts/fuzz.sh all SECONDS       run every harness in turn
#   scripts/fuzz.sh build             only build
#
# Seeds come from corpus/ and the hostile fixtures; each harness keeps its growing corpus
# in Fuzz/corpus/HARNESS (not in git; FUZZ_CORPUS_ROOT moves it, e.g. to start afresh). A crash, leak or timeout stops the run with a
# reproducer in Fuzz/artifacts/HARNESS/; keep it as a regression test
# (Tests/PHIScanTests/Robustness/FuzzRegressionTests.swift) once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
harnesses=(json yaml regex walker)

build() {
  swift build --package-path Fuzz -c release \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address >&2
}

binary() {
  case "$1" in
    json) echo FuzzJSON ;; yaml) echo FuzzYAML ;; regex) echo FuzzRegex ;; walker) echo FuzzWalker ;;
    *) echo "unknown harness '$1' (one of: ${harnesses[*]})" >&2; exit 2 ;;
  esac
}

# copy_seeds DIR SOURCE... -name A -o -name B: small matching files, named by their path.
copy_seeds() {
  local dir=$1; shift
  local sources=()
  while [ $# -gt 0 ] && [ "$1" != -name ]; do sources+=("$1"); shift; done
  find "${sources[@]}" -type f \( "$@" \) -size -64k -print0 |
    while IFS= read -r -d '' file; do cp "$file" "$dir/$(printf '%s' "$file" | tr '/' '_')"; done
}

# Seed files for a harness: schema documents for the parsers and the walker, the
# `pattern` values of the corpus (one per file) for the regex analyser.
seed() {
  local harness=$1 dir=$2
  mkdir -p "$dir"
  local sources=(corpus Tests/PHIScanTests/Robustness/Hostile)
  case "$harness" in
    json|walker) copy_seeds "$dir" "${sources[@]}" -name '*.json' -o -name '*.jsonl' ;;
    yaml) copy_seeds "$dir" "${sources[@]}" -name '*.yaml' -o -name '*.yml' ;;
    regex)
      local n=0
      grep -rhoE '"pattern": *"([^"\\]|\\.)*"' "${sources[@]}" patterns 2>/dev/null | sed -E 's/^"pattern": *"//; s/"$//' | head -500 |
        while IFS= read -r line; do n=$((n + 1)); printf '%s' "$line" > "$dir/pattern-$n"; done
      printf '%s' '^(MRN-00482913|MRN-00577120)$' > "$dir/alternation"
      printf '%s' '^\d{3}-\d{2}-\d{4}$' > "$dir/format"
      ;;
  esac
  if [ "$harness" = walker ]; then copy_seeds "$dir" corpus -name '*.yaml' -o -name '*.yml'; fi
}

run() {
  local harness=$1 seconds=$2
  local exe; exe=$(binary "$harness")
  local corpus_dir="${FUZZ_CORPUS_ROOT:-Fuzz/corpus}/$harness" artifacts="Fuzz/artifacts/$harness"
  mkdir -p "$corpus_dir" "$artifacts"
  [ -n "$(ls -A "$corpus_dir" 2>/dev/null)" ] || seed "$harness" "$corpus_dir"
  echo "== fuzz $harness for ${seconds}s" >&2
  # -rss_limit_mb bounds memory per input; -timeout flags any input slower than 10 s.
  "Fuzz/.build/release/$exe" "$corpus_dir" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -artifact_prefix="$artifacts/" -print_final_stats=1 ${FUZZ_FLAGS:-}
}

case "${1:-}" in
  build) build ;;
  all) build; for h in "${harnesses[@]}"; do run "$h" "${2:-60}"; done ;;
  "") echo "usage: scripts/fuzz.sh HARNESS|all|build [SECONDS]" >&2; exit 2 ;;
  *) binary "$1" >/dev/null; build; run "$1" "${2:-60}" ;;
esac
