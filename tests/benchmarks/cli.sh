#!/usr/bin/env bash
# Prints the path of the `elementflow` the speed benchmarks run: what a user installs on this machine.
# On linux-x64 that is the tool package's precompiled (ReadyToRun) build, published here into $1;
# elsewhere the portable build (JIT-compiled as it runs). Build first (dotnet build -c Release).
#
#   CLI=$(tests/benchmarks/cli.sh WORK_FOLDER)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT="$1/elementflow-linux-x64"
RID=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
if [ "$RID" = linux-x64 ]; then
  dotnet publish "$ROOT/src/ElementFlow.Cli" -c Release -r linux-x64 -o "$OUT" -v q -nologo >&2
  echo "$OUT/elementflow"
else
  echo "$ROOT/src/ElementFlow.Cli/bin/Release/net10.0/elementflow"
fi
