#!/usr/bin/env bash
# Builds and runs every test of the solution, then prints one closing line: "N passed, N failed, N skipped".
# It installs flashrom and socat (Debian packages) for the interop tests when it can; without them those
# tests report why they did not run, except in CI (CI=true), where they fail.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Benchmarks (TestCategory=Figures) print figures and run from their own scripts (scripts/compat-figures.sh).
dotnet test SerprogNano.sln --nologo --filter "TestCategory!=Figures" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 69, Skipped: 0, Total: 69, ..."
summary=$(grep -E '(Passed|Failed)!  - Failed:' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
echo
echo "tests: ${summary:-0 passed, 0 failed}"
exit "$status"
