#!/usr/bin/env bash
# Scale of plan trees (issue 3): 1 province, 10 cities, 1 and 10 counties per city (10 and 100 counties),
# checked end to end with the Release CLI. Prints wall time, findings and the --stats block.
#   bash tests/benchmarks/tree.sh [parcels-per-county]
set -euo pipefail
cd "$(dirname "$0")/../.."
parcels=${1:-400}
dotnet build src/ElementFlow.Cli -c Release -v q >/dev/null
cli="dotnet src/ElementFlow.Cli/bin/Release/net10.0/elementflow.dll"
for counties in 1 10; do
  out=$(mktemp -d)
  python3 tests/benchmarks/make_tree.py --cities 10 --counties "$counties" --parcels "$parcels" --out "$out" >/dev/null
  start=$(date +%s.%N)
  set +e
  $cli check "$out" --format json --out "$out/report.json" --stats 2> "$out/stats.txt"
  code=$?
  set -e
  end=$(date +%s.%N)
  echo "== 10 cities x $counties counties ($((10 * counties)) counties, $parcels parcels each): exit $code, wall $(echo "$end - $start" | bc) s"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("plans", len(r["plans"]), "findings", len(r["findings"]), "summary", r["summary"])' "$out/report.json"
  grep -E "^  (load|plan tree|compile|measure|decide|report|total)|features|peak" "$out/stats.txt"
  rm -rf "$out"
done
