#!/usr/bin/env bash
# Read speed: the same generated plan read from a GeoPackage and from PostGIS tables (loaded from that
# GeoPackage with ogr2ogr), in one run, on one machine. Each check runs a single cheap rule (DATA-002), so
# its time is the time to read the layers: the "load plans" phase of --stats.
#
#   tests/benchmarks/read.sh [PARCELS]          default: 1000000
#
# Environment: EF_BENCH_DIR (work folder, default /tmp/elementflow-bench; the generated plans are reused from
# there), EF_BENCH_SEED (default 42), EF_BENCH_RUNS (runs of each, alternating; default 3, the fastest is kept).
# PostgreSQL, PostGIS and GDAL come from tests/postgres/cluster.sh (it installs them as root when missing).
# Results: $EF_BENCH_DIR/read-$PARCELS.md and the logs beside it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${EF_BENCH_DIR:-/tmp/elementflow-bench}
SEED=${EF_BENCH_SEED:-42}
RUNS=${EF_BENCH_RUNS:-3}
N=${1:-1000000}
mkdir -p "$WORK"

echo "== build (Release)"
dotnet build "$ROOT/ElementFlow.sln" -c Release -v q -nologo >/dev/null
CLI=$("$ROOT/tests/benchmarks/cli.sh" "$WORK")
GEN="$ROOT/tests/ElementFlow.Generator/bin/Release/net10.0/elementflow-generator"

GPKG="$WORK/plan-$N-gpkg"
[ -f "$GPKG/plan.yaml" ] || "$GEN" --parcels "$N" --seed "$SEED" --format gpkg --out "$GPKG"

echo "== PostGIS cluster"
EF_PG_CONF="-c shared_buffers=1GB -c work_mem=64MB -c maintenance_work_mem=512MB" \
  "$ROOT/tests/postgres/cluster.sh" start "$WORK/read-pg" > "$WORK/read-pg.env"
# shellcheck disable=SC1091
source "$WORK/read-pg.env"
trap '"$ROOT/tests/postgres/cluster.sh" stop "$WORK/read-pg" || true' EXIT

echo "== load $N parcels into PostGIS (ogr2ogr, standard table names, schema yzt)"
psql -X -q -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS yzt CASCADE; CREATE SCHEMA yzt"
PG_USE_COPY=YES ogr2ogr -f PostgreSQL "PG:host=$PGHOST port=$PGPORT user=$PGUSER dbname=$PGDATABASE" \
  "$GPKG/plan.gpkg" -lco SCHEMA=yzt -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=NONE
psql -X -q -c "VACUUM ANALYZE"

# The same plan.yaml, each layer from its table.
PG="$WORK/plan-$N-postgis"
mkdir -p "$PG"
python3 - "$GPKG/plan.yaml" "$PG/plan.yaml" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
tables = {"boundary": "ghfw", "ecological_redline": "stbhhx", "permanent_basic_farmland": "yjjbnt",
          "urban_development_boundary": "czkfbj", "zoning": "ghfq", "land_use": "ghydyh",
          "facilities": "facilities", "residential": "residential"}
def entry(m):
    return f"  {m[1]}: {{ postgis: yzt.{tables[m[1]]} }}"
text = re.sub(r"^  ([a-z_]+): (?:plan\.gpkg|\{ file: plan\.gpkg, layer: \w+ \})$", entry, text, flags=re.M)
open(sys.argv[2], "w", encoding="utf-8").write(text.replace("synthetic-county", "synthetic-county-pg"))
EOF

# A rule set of DATA-001 alone (the CRS and zone check): next to nothing to measure, so the run times the reading.
RULES="$WORK/read-rules.yaml"
awk '/^  - id: DATA-002/{exit} {print}' "$ROOT/rules/data.yaml" > "$RULES"

for RUN in $(seq 1 "$RUNS"); do
  for FROM in gpkg postgis; do
    PLAN=$([ "$FROM" = gpkg ] && echo "$GPKG" || echo "$PG")
    LOG="$WORK/read-$N-$FROM.r$RUN.log"
    echo "== read $N parcels from $FROM (run $RUN of $RUNS)"
    /usr/bin/time -v "$CLI" check "$PLAN" --rules "$RULES" --format json --out "$WORK/read-$N-$FROM.json" --stats --fail-on never > "$LOG" 2>&1 || { tail -20 "$LOG"; exit 1; }
    grep -E "^  load plans|^stats: [0-9]+ plans|peak working set" "$LOG" || true
  done
done

python3 - "$WORK" "$N" "$RUNS" <<'EOF' | tee "$WORK/read-$N.md"
import re, sys, pathlib
work, n, runs = pathlib.Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
def best(src):
    got = []
    for r in range(1, runs + 1):
        text = (work / f"read-{n}-{src}.r{r}.log").read_text(errors="replace")
        load = re.search(r"^  load plans\s+([0-9.]+) ms", text, re.M)
        feats = re.search(r"^stats: \d+ plans, (\d+) features", text, re.M)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        got.append((float(load[1]) / 1000, int(feats[1]), int(rss[1]) / 1024))
    return min(got), [g[0] for g in got]
g, gruns = best("gpkg")
p, pruns = best("postgis")
print(f"| {int(n):,} parcels | features read | load plans, fastest of {runs} (s) | all runs (s) | peak RSS (MiB) |")
print("|---|---:|---:|---|---:|")
print(f"| GeoPackage | {g[1]:,} | {g[0]:.2f} | {', '.join(f'{x:.2f}' for x in gruns)} | {g[2]:.0f} |")
print(f"| PostGIS | {p[1]:,} | {p[0]:.2f} | {', '.join(f'{x:.2f}' for x in pruns)} | {p[2]:.0f} |")
print(f"\nPostGIS / GeoPackage: {p[0] / g[0]:.2f}x")
EOF
