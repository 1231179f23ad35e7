#!/usr/bin/env bash
# National review on Orleans (issue 18): the generated national tree of review.sh through three local silos
# (`elementflow silo`, membership and ledger in a private PostgreSQL cluster), with one silo killed with
# SIGKILL a third of the way through, against the same review in process. Prints wall time, plans per minute,
# how long after the kill the lost tasks were dispatched again, the peak memory (RSS) of each silo, and
# whether the two reports hold the same findings.
#   bash tests/benchmarks/review-cluster.sh [provinces] [cities-per-province] [counties-per-city]
# EF_REVIEW_SILOS (default 3), EF_REVIEW_WORKERS per silo (default 1), EF_REVIEW_LEASE seconds (default 30),
# EF_REVIEW_KILL=0 to kill nothing, EF_REVIEW_INPROCESS=0 to skip the in-process run.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
provinces=${1:-31}; cities=${2:-10}; counties=${3:-9}
silos=${EF_REVIEW_SILOS:-3}; workers=${EF_REVIEW_WORKERS:-1}; lease=${EF_REVIEW_LEASE:-30}
dotnet build src/ElementFlow.Cli -c Release -v q >/dev/null
cli=(dotnet "$root/src/ElementFlow.Cli/bin/Release/net10.0/elementflow.dll")
work=$(mktemp -d)
# The cluster runs as user postgres: it must reach its folder inside the work folder.
chmod a+rwx "$work"
pids=()
cleanup() {
  # Silos leave the membership while the database is still there, then the database stops.
  for p in "${pids[@]}"; do pkill -P "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do timeout 20 tail --pid="$p" -f /dev/null 2>/dev/null || pkill -9 -P "$p" 2>/dev/null || true; done
  bash tests/postgres/cluster.sh stop "$work/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT
python3 tests/benchmarks/make_tree.py --provinces "$provinces" --cities "$cities" --counties "$counties" --parcels 25 --side 1000 --faults 50 --out "$work/tree"
plans=$(find "$work/tree" -name plan.yaml | wc -l)
bash tests/postgres/cluster.sh start "$work/pg" > "$work/pg.env"
# shellcheck disable=SC1091
source "$work/pg.env"
db="postgres://postgres@127.0.0.1:$PGPORT/elementflow"

if [ "${EF_REVIEW_INPROCESS:-1}" = 1 ]; then
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss-in-process" "${cli[@]}" review "$work/tree" --out "$work/in-process" --lang en --as-of 2026-01-01 -q > /dev/null 2> "$work/in-process.err" || true
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  echo "== in process: $plans plans, wall ${wall} s, $(echo "scale=0; $plans * 60 / $wall" | bc) plans/min, peak RSS $(( $(tail -1 "$work/rss-in-process") / 1024 )) MiB"
fi

for i in $(seq 1 "$silos"); do
  /usr/bin/time -f "%M" -o "$work/rss-silo$i" "${cli[@]}" silo --cluster "$db" --address 127.0.0.1 --workers "$workers" > "$work/silo$i.out" 2> "$work/silo$i.err" &
  pids+=($!)
done
for i in $(seq 1 "$silos"); do
  until grep -q "silo ready" "$work/silo$i.out" 2>/dev/null; do sleep 0.5; done
done

# Each stderr line of the review with the second it was written, to time the recovery.
start=$(date +%s.%N)
( "${cli[@]}" review "$work/tree" --out "$work/cluster" --cluster "$db" --ledger "$db" --lease "$lease" --lang en --as-of 2026-01-01 2>&1 >/dev/null \
  | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done > "$work/cluster.err" ) &
review=$!
if [ "${EF_REVIEW_KILL:-1}" = 1 ]; then
  until [ "$(grep -c "^[0-9.]* \[" "$work/cluster.err" 2>/dev/null || true)" -ge $(( plans / 3 )) ] 2>/dev/null; do sleep 0.2; done
  victim=$(pgrep -P "${pids[0]}" -f "elementflow.dll silo" | head -1)
  kill -9 "$victim"; killed=$(date +%s.%N)
fi
wait "$review" || true   # exit 1: the tree has findings
wall=$(echo "$(date +%s.%N) - $start" | bc)
# Stop the silos still running, so that /usr/bin/time writes their peak memory.
for p in "${pids[@]}"; do pkill -P "$p" 2>/dev/null || true; done
for p in "${pids[@]}"; do timeout 20 tail --pid="$p" -f /dev/null 2>/dev/null || true; done
echo "== $silos silos ($workers worker each): wall ${wall} s, $(echo "scale=0; $plans * 60 / $wall" | bc) plans/min"
if [ -n "${killed:-}" ]; then
  first=$(grep -m1 -E "lease .* ran out|left the cluster" "$work/cluster.err" | cut -d' ' -f1 || true)
  moved=$(grep -cE "lease .* ran out|left the cluster" "$work/cluster.err" || true)
  [ -n "$first" ] && echo "== killed silo 1: its first task dispatched again after $(echo "$first - $killed" | bc) s; $moved tasks moved"
fi
for i in $(seq 1 "$silos"); do echo "== silo $i peak RSS $(( $(tail -1 "$work/rss-silo$i") / 1024 )) MiB"; done
if [ "${EF_REVIEW_INPROCESS:-1}" = 1 ]; then
python3 - "$work/in-process/report.json" "$work/cluster/report.json" "$work/cluster/review.json" <<'PY'
import json, sys
a, b, r = (json.load(open(p)) for p in sys.argv[1:4])
key = lambda x: sorted(json.dumps(f, sort_keys=True) for f in x["findings"])
retried = [t["id"] for t in r["tasks"] if t["attempts"] > 1]
print("plans", len(b["plans"]), "findings", len(b["findings"]), "same findings as in process:", key(a) == key(b),
      "| tasks retried:", len(retried), "| failed:", len(r["failures"]))
PY
fi
