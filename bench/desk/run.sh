#!/usr/bin/env bash
# The reception desk's load benchmark (issue 25), one command:  bench/desk/run.sh [--units 200] [--uploads 2000] [--seconds 60]
# Loopback only, bounded: a real `reports serve` on a free 127.0.0.1 port over a fresh store in a temp folder (removed
# after; --keep keeps it), 200 units uploading at once, then 2,000 uploads spread over a minute. Prints the figures as
# JSON; exit 0 when nothing was lost or stored twice and every upload got a 200 verdict, 3 otherwise.
set -euo pipefail
bench=$(cd "$(dirname "$0")/.." && pwd)
root=$(dirname "$bench")
echo "building Release: src/Reports.Cli → bench/.build/cli, bench/desk → bench/.build/desk" >&2
dotnet build "$root/src/Reports.Cli/Reports.Cli.csproj" -c Release -o "$bench/.build/cli" -nologo -v quiet >&2
dotnet build "$bench/desk/Reports.DeskBench.csproj" -c Release -o "$bench/.build/desk" -nologo -v quiet >&2
exec dotnet "$bench/.build/desk/reports-desk-bench.dll" --cli "$bench/.build/cli/reports.dll" --templates "$root/templates" "$@"
