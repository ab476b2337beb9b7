#!/usr/bin/env bash
# The benchmark, one command:  bench/run.sh [N …] [--repeats R] [--peer-repeats P]   (default N: 100 1000 10000)
# Prerequisites (see bench/README.md): the .NET 10 SDK, and  apt-get install python3-openpyxl time
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
python=${BENCH_PYTHON:-/usr/bin/python3}

missing=()
command -v dotnet >/dev/null || missing+=("the .NET 10 SDK (dotnet)")
{ [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; } || missing+=("GNU time at /usr/bin/time (apt-get install time)")
command -v taskset >/dev/null || missing+=("taskset (apt-get install util-linux)")
{ [ -x "$python" ] && "$python" -c "import openpyxl" 2>/dev/null; } || missing+=("openpyxl for $python (apt-get install python3-openpyxl)")
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench/run.sh: missing prerequisites; nothing measured:" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 2
fi

echo "building Release: src/Reports.Cli → bench/.build/cli, bench/Reports.Bench → bench/.build/bench" >&2
dotnet build "$root/src/Reports.Cli/Reports.Cli.csproj" -c Release -o "$bench/.build/cli" -nologo -v quiet >&2
dotnet build "$bench/Reports.Bench/Reports.Bench.csproj" -c Release -o "$bench/.build/bench" -nologo -v quiet >&2

exec "$python" "$bench/harness.py" "$@"
