#!/usr/bin/env bash
# Fuzzes one ElementFlow reader with AFL++ and SharpFuzz, then prints the figures from fuzzer_stats.
#
#   bash tests/fuzz/run.sh TARGET [DURATION]       e.g.  bash tests/fuzz/run.sh package 30m
#
# TARGET    package | zip | geojson | ruleset | filegdb (see tests/ElementFlow.Fuzz/FuzzTargets.cs)
# DURATION  how long afl-fuzz runs: 90s, 30m, 2h or plain seconds (default 30m)
#
# Environment (all optional):
#   FUZZ_WORK     where builds and findings go (default /tmp/ef-fuzz/TARGET; outside the repo on purpose)
#   FUZZ_TIMEOUT  afl-fuzz -t per input in ms (default 5000: generous, the first input also pays for JIT)
#   FUZZ_RESUME   1 = continue the findings already in FUZZ_WORK instead of starting over
#   FUZZ_NICE     nice level of afl-fuzz and the target (default 19, so it yields to builds and benchmarks)
#
# What it does: installs afl++ (apt) and the sharpfuzz dotnet tool when missing; publishes
# tests/ElementFlow.Fuzz in Release into FUZZ_WORK/bin; instruments the ElementFlow assemblies and the
# parsers they feed input to (YamlDotNet, the NTS GeoJSON converters) with sharpfuzz; runs afl-fuzz on
# tests/fuzz/seeds/TARGET with tests/fuzz/dict/*.dict; prints execs, speed, corpus size, crashes, hangs.
# Crashes land in FUZZ_WORK/findings/default/crashes; replay one with its stack trace by
#   dotnet FUZZ_WORK/bin/ElementFlow.Fuzz.dll TARGET FILE
# and, once fixed, copy it to tests/fuzz/crashes/TARGET/ (the FuzzRegressionTests replay that folder).
set -euo pipefail

target=${1:?usage: run.sh package|zip|geojson|ruleset|filegdb [duration]}
duration=${2:-30m}
case "$target" in package|zip|geojson|ruleset|filegdb) ;; *) echo "unknown target $target" >&2; exit 2 ;; esac
case "$duration" in
  *h) seconds=$(( ${duration%h} * 3600 )) ;;
  *m) seconds=$(( ${duration%m} * 60 )) ;;
  *s) seconds=${duration%s} ;;
  *) seconds=$duration ;;
esac

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${FUZZ_WORK:-/tmp/ef-fuzz/$target}
nice_level=${FUZZ_NICE:-19}
mkdir -p "$work"

# Tools: the project's own script installs what it needs (a fresh machine has neither).
if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++
fi
export PATH="$PATH:$HOME/.dotnet/tools"
if ! command -v sharpfuzz >/dev/null; then
  dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0
fi

# Build and instrument. Two targets may start at once: the lock keeps their builds from sharing obj/ at the same time.
(
  flock 9
  rm -rf "$work/bin"
  nice -n "$nice_level" dotnet publish "$repo/tests/ElementFlow.Fuzz/ElementFlow.Fuzz.csproj" -c Release -o "$work/bin" -v quiet -nologo
) 9>/tmp/ef-fuzz-build.lock
for dll in "$work"/bin/ElementFlow.Core.dll "$work"/bin/ElementFlow.Spatial.dll "$work"/bin/ElementFlow.Rules.dll \
           "$work"/bin/ElementFlow.IO.dll "$work"/bin/YamlDotNet.dll "$work"/bin/NetTopologySuite.IO.GeoJSON4STJ.dll; do
  sharpfuzz "$dll" >/dev/null
done

# afl-fuzz runs a managed program, not an afl-instrumented binary, and on a shared machine it must
# neither pin cores nor insist on core dumps going to a file.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1 AFL_FORKSRV_INIT_TMOUT=60000
# Inputs are a few KB: a reader that needs more than 1 GB for one is a bug, reported as OutOfMemoryException.
export DOTNET_GCHeapHardLimit=0x40000000
# The harness writes each input into a temporary folder; keep those inside FUZZ_WORK.
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"

dict="$repo/tests/fuzz/dict/$target.dict"
[ -f "$dict" ] || dict="$repo/tests/fuzz/dict/package.dict"
input=(-i "$repo/tests/fuzz/seeds/$target")
if [ "${FUZZ_RESUME:-0}" = 1 ] && [ -d "$work/findings/default" ]; then
  input=(-i -)
else
  rm -rf "$work/findings"
fi

set +e
nice -n "$nice_level" afl-fuzz "${input[@]}" -o "$work/findings" -m none -t "${FUZZ_TIMEOUT:-5000}" -x "$dict" -V "$seconds" \
  -- dotnet "$work/bin/ElementFlow.Fuzz.dll" "$target" > "$work/afl.log" 2>&1
status=$?
set -e

stats="$work/findings/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  echo "afl-fuzz exited $status without stats; see $work/afl.log" >&2
  tail -20 "$work/afl.log" >&2
  exit 1
fi
echo "== $target: $stats"
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|paths_total|saved_crashes|unique_crashes|saved_hangs|unique_hangs|stability|bitmap_cvg) ' "$stats"
echo "crashes: $(ls "$work/findings/default/crashes" 2>/dev/null | grep -vc README || true)  hangs: $(ls "$work/findings/default/hangs" 2>/dev/null | wc -l)"
