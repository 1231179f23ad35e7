#!/usr/bin/env bash
# National review (issue 18): a generated national tree (1 nation, 31 provinces, 310 cities, 2,790 counties
# of 25 parcels, every 50th county with a seeded fault) through `review` in process and through `check`,
# with the Release CLI. Prints wall time, plans per minute, peak memory (RSS), the time to resume a finished
# review from its ledger, and whether the two reports hold the same findings.
#   bash tests/benchmarks/review.sh [provinces] [cities-per-province] [counties-per-city]
set -euo pipefail
cd "$(dirname "$0")/../.."
provinces=${1:-31}; cities=${2:-10}; counties=${3:-9}
dotnet build src/ElementFlow.Cli -c Release -v q >/dev/null
cli="dotnet src/ElementFlow.Cli/bin/Release/net10.0/elementflow.dll"
work=$(mktemp -d)
python3 tests/benchmarks/make_tree.py --provinces "$provinces" --cities "$cities" --counties "$counties" --parcels 25 --side 1000 --faults 50 --out "$work/tree"
plans=$(find "$work/tree" -name plan.yaml | wc -l)
measure() {  # label, command...: wall seconds and peak RSS
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  set +e; /usr/bin/time -f "%M" -o "$work/rss" "$@" > /dev/null 2> "$work/$label.err"; local code=$?; set -e
  end=$(date +%s.%N)
  local wall; wall=$(echo "$end - $start" | bc)
  echo "== $label: exit $code, wall ${wall} s, $(echo "scale=0; $plans * 60 / $wall" | bc) plans/min, peak RSS $(( $(cat "$work/rss") / 1024 )) MiB"
}
measure review $cli review "$work/tree" --out "$work/review" --lang en --as-of 2026-01-01 -q
measure resume $cli review "$work/tree" --out "$work/review" --lang en --as-of 2026-01-01 -q
measure check $cli check "$work/tree" --format json --out "$work/check.json" --lang en --as-of 2026-01-01 -q
python3 - "$work/check.json" "$work/review/report.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
key = lambda r: sorted(json.dumps(f, sort_keys=True) for f in r["findings"])
print("plans", len(b["plans"]), "findings", len(b["findings"]), "same findings as check:", key(a) == key(b), "same report:", a == b)
PY
rm -rf "$work"
