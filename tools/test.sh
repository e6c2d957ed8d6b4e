#!/usr/bin/env bash
# The test command: installs what is missing, runs every test project, and prints one closing
# line "N passed, N failed" counted from the test results. Exits non-zero on any failure or none run.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
rm -rf TestResults
dotnet test Gradus.slnx -c Release --logger "trx" --results-directory TestResults "$@"
rc=$?
passed=0; failed=0
for f in TestResults/*.trx; do
  [ -f "$f" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  p=$(echo "$line" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f2=$(echo "$line" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f2:-0}))
done
echo "$passed passed, $failed failed"
if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
