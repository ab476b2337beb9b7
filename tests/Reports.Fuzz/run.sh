#!/bin/sh
# Fuzzes the county-file reader with AFL through SharpFuzz (tests/Reports.Fuzz/README.md).
#   tests/Reports.Fuzz/run.sh [SECONDS] [FINDINGS]     default: 1,800 s (30 minutes) into /tmp/reports-fuzz
# Needs afl-fuzz (Debian: apt-get install afl++) and the instrumenting tool:
#   dotnet tool install --tool-path /tmp/tools SharpFuzz.CommandLine --version 2.3.0
# One core, lowest priority. Interesting inputs land in FINDINGS/default/queue, crashes and hangs beside it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seconds=${1:-1800}
findings=${2:-/tmp/reports-fuzz}
build=${REPORTS_FUZZ_BUILD:-/tmp/reports-fuzz-build}
sharpfuzz=${SHARPFUZZ:-$(command -v sharpfuzz || echo /tmp/tools/sharpfuzz)}

dotnet build "$here/Reports.Fuzz.csproj" -c Release -o "$build" -v q -nologo
# Only the program's own code is instrumented: coverage is measured in Reports.Core, not in the framework.
"$sharpfuzz" "$build/Reports.Core.dll"

# The target is `dotnet`, which AFL did not compile; crashes are reported by the harness, not by core files.
export AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
corpus="$here/corpus"
inputs="$here/seeds"
# Resume from the kept queue as well as the seeds.
if [ -d "$corpus" ] && [ -n "$(ls -A "$corpus" 2>/dev/null)" ]; then
    inputs=$(mktemp -d)
    cp "$here"/seeds/* "$corpus"/* "$inputs"/
fi
exec nice -n 19 afl-fuzz -i "$inputs" -o "$findings" -t 5000 -m none -V "$seconds" -- dotnet "$build/reports-fuzz.dll" "$repo"
