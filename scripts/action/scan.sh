#!/usr/bin/env bash
# The action's scan step. Inputs arrive as environment variables (never pasted into the
# script). Writes the SARIF report (always, once phi-scan has run: on a usage or config
# error a SARIF log that says so, so the upload step does not fail a second time), prints
# the text report to the log, annotations when asked, a short Markdown job summary, and
# exits with phi-scan's exit code.
set -euo pipefail

: "${PHI_SCAN_BIN:?PHI_SCAN_BIN is not set (the prepare step sets it)}"
: "${GITHUB_WORKSPACE:?}" "${GITHUB_OUTPUT:?}" "${RUNNER_TEMP:?}"
sarif=${PHI_SCAN_SARIF:-phi-scan.sarif}
text_report="$RUNNER_TEMP/phi-scan.txt"
summary_report="$RUNNER_TEMP/phi-scan.md"
rm -f "$text_report" "$summary_report"

args=(scan --root "$GITHUB_WORKSPACE" --fail-on "${PHI_SCAN_FAIL_ON:-error}" --quiet
      --format sarif --output "$sarif"
      --format text --output "$text_report"
      --format markdown --output "$summary_report")
case "${PHI_SCAN_ANNOTATIONS:-true}" in
  true) args+=(--format github) ;;
  false) ;;
  *) echo "::error title=phi-scan::annotations must be true or false, not '${PHI_SCAN_ANNOTATIONS}'" >&2; exit 2 ;;
esac
if [ -n "${PHI_SCAN_CONFIG:-}" ]; then args+=(--config "$PHI_SCAN_CONFIG"); fi
if [ -n "${PHI_SCAN_BASELINE:-}" ]; then args+=(--baseline "$PHI_SCAN_BASELINE"); fi
if [ -n "${PHI_SCAN_AUTOMATION_ID:-}" ]; then args+=(--automation-id "$PHI_SCAN_AUTOMATION_ID"); fi
if [ -n "${PHI_SCAN_CHANGED_SINCE:-}" ]; then args+=(--changed-since "$PHI_SCAN_CHANGED_SINCE"); fi
if [ -n "${PHI_SCAN_ARGS:-}" ]; then
  read -r -a extra <<< "$PHI_SCAN_ARGS"
  args+=("${extra[@]}")
fi

# Paths: one per line when the input has several lines (a path may then hold spaces),
# else separated by spaces. Never glob-expanded.
paths=()
if [[ "${PHI_SCAN_PATHS:-.}" == *$'\n'* ]]; then
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    if [ -n "$line" ]; then paths+=("$line"); fi
  done <<< "$PHI_SCAN_PATHS"
else
  read -r -a paths <<< "${PHI_SCAN_PATHS:-.}"
fi
if [ "${#paths[@]}" -eq 0 ]; then paths=(.); fi

set +e
"$PHI_SCAN_BIN" "${args[@]}" -- "${paths[@]}"
status=$?
set -e
echo "exit-code=$status" >> "$GITHUB_OUTPUT"

if [ ! -s "$sarif" ]; then
  # phi-scan stopped before writing any report (a usage or configuration error, said
  # above): an empty run that says so keeps upload-sarif from failing as well.
  mkdir -p "$(dirname "$sarif")"
  version=$("$PHI_SCAN_BIN" --version 2>/dev/null || echo 0.0.0)
  printf '{"%s":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"phi-scan","semanticVersion":"%s","informationUri":"https://github.com/phi-scan/phi-scan","rules":[]}},"columnKind":"unicodeCodePoints","invocations":[{"executionSuccessful":false,"toolExecutionNotifications":[{"level":"error","message":{"text":"phi-scan stopped with exit code %s before scanning: a usage or configuration error, named in the step log."}}]}],"results":[]}]}\n' "\$schema" "$version" "$status" > "$sarif"
  echo "::error title=phi-scan::phi-scan stopped with exit code $status before scanning; see the message above. $sarif says so for the upload."
fi

# The reports hold masks, never values: safe for the log and the job summary.
if [ -f "$text_report" ]; then cat "$text_report"; fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  if [ -f "$summary_report" ]; then
    cat "$summary_report" >> "$GITHUB_STEP_SUMMARY"
  else
    printf '### phi-scan\n\nphi-scan stopped with exit code %s before scanning; the step log says why.\n' "$status" >> "$GITHUB_STEP_SUMMARY"
  fi
fi
exit "$status"
