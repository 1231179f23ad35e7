#!/usr/bin/env bash
# Benchmarks `elementflow check` on generated plans of 10k, 100k and 1M parcels, from GeoJSON and
# GeoPackage, and (when PostgreSQL, PostGIS and GDAL are installed) the same spatial checks in PostGIS.
#
#   tests/benchmarks/run.sh [PARCELS...]          default: 10000 100000 1000000
#
# Environment: EF_BENCH_DIR (work folder, default /tmp/elementflow-bench), EF_BENCH_SEED (default 42),
# EF_BENCH_RUNS (runs per check, the fastest is kept), EF_BENCH_POSTGIS=0 to skip PostGIS,
# EF_BENCH_DEFECTS (shares of defective land-use parcels, default "0"; e.g. "0 0.005 0.05"),
# EF_BENCH_FORMATS (default "geojson gpkg"), EF_BENCH_BUILD=0 to skip building the solution (the CLI is still
# published, precompiled, by cli.sh: the benchmark runs the tool as users install it).
# On defective plans PostGIS repairs invalid geometry first (ST_MakeValid), and compare_pairs.py
# compares the DATA-005 pairs and DATA-006 gaps of both, pair by pair.
# PostgreSQL, PostGIS and GDAL come from tests/postgres/cluster.sh, which installs them (as root) when missing
# and starts a private cluster on a free loopback port in the work folder; it is stopped at the end.
# Reading the layers from PostGIS instead of files: tests/benchmarks/read.sh.
# Results: $EF_BENCH_DIR/results.md (the table for docs/benchmarks.md) and the raw logs beside it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${EF_BENCH_DIR:-/tmp/elementflow-bench}
SEED=${EF_BENCH_SEED:-42}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000)
read -r -a DEFECTS <<< "${EF_BENCH_DEFECTS:-0}"
read -r -a FORMATS <<< "${EF_BENCH_FORMATS:-geojson gpkg}"
KEYS=()
mkdir -p "$WORK"
# The cluster's server process (user postgres) writes the pair CSVs into the work folder (COPY … TO).
chmod a+rwx "$WORK"

if [ "${EF_BENCH_BUILD:-1}" = 1 ]; then
  echo "== build (Release)"
  dotnet build "$ROOT/ElementFlow.sln" -c Release -v q -nologo >/dev/null
fi
# The tool as users install it (precompiled on linux-x64): see cli.sh.
CLI=$("$ROOT/tests/benchmarks/cli.sh" "$WORK")
echo "== elementflow: $CLI"
GEN="$ROOT/tests/ElementFlow.Generator/bin/Release/net10.0/elementflow-generator"

POSTGIS=${EF_BENCH_POSTGIS:-1}
if [ "$POSTGIS" = 1 ] && ! EF_PG_INSTALL=${EF_PG_INSTALL:-1} "$ROOT/tests/postgres/cluster.sh" install; then
  echo "PostgreSQL, PostGIS or GDAL missing: skipping PostGIS (tests/postgres/cluster.sh install, as root)"
  POSTGIS=0
fi

psql_bench() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d bench -v ON_ERROR_STOP=1 -X -q "$@"; }

if [ "$POSTGIS" = 1 ]; then
  echo "== PostGIS cluster (tests/postgres/cluster.sh)"
  EF_PG_CONF="-c shared_buffers=2GB -c work_mem=256MB -c maintenance_work_mem=1GB -c max_parallel_workers_per_gather=2" \
    "$ROOT/tests/postgres/cluster.sh" start "$WORK/pg" > "$WORK/pg.env"
  # shellcheck disable=SC1091
  source "$WORK/pg.env"
  trap '"$ROOT/tests/postgres/cluster.sh" stop "$WORK/pg" || true' EXIT
  createdb -h 127.0.0.1 -p "$PGPORT" -U postgres bench
  psql_bench -c "CREATE EXTENSION postgis"
fi

for N in "${SIZES[@]}"; do
 for D in "${DEFECTS[@]}"; do
  # A clean plan keeps its old name (plan-N-fmt); a defective one is plan-N-dSHARE-fmt.
  KEY="$N"; [ "$D" != 0 ] && KEY="$N-d$D"
  KEYS+=("$KEY")
  for FMT in "${FORMATS[@]}"; do
    PLAN="$WORK/plan-$KEY-$FMT"
    [ -f "$PLAN/plan.yaml" ] || "$GEN" --parcels "$N" --seed "$SEED" --format "$FMT" --out "$PLAN" --defects "$D"
    # The machine may be shared (and a virtual machine's runs of one check spread by 10-20 %): each check
    # runs EF_BENCH_RUNS times (default 3); summarise.py keeps the fastest run, and each rule's fastest measurement.
    RUNS=${EF_BENCH_RUNS:-3}
    rm -f "$WORK"/ef-"$KEY"-"$FMT".r*.log
    for RUN in $(seq 1 "$RUNS"); do
      echo "== elementflow check $N parcels (defects $D) from $FMT (run $RUN of $RUNS)"
      LOG="$WORK/ef-$KEY-$FMT.r$RUN.log"
      /usr/bin/time -v "$CLI" check "$PLAN" --format json --out "$WORK/report-$KEY-$FMT.json" --stats --fail-on never > "$LOG" 2>&1
      grep -E "^  total|peak working set" "$LOG" || true
      grep -E "Elapsed \(wall|Maximum resident" "$LOG" || true
    done
  done

  if [ "$POSTGIS" = 1 ]; then
    echo "== PostGIS $N parcels (defects $D)"
    GPKG="$WORK/plan-$KEY-gpkg/plan.gpkg"
    [ -f "$GPKG" ] || "$GEN" --parcels "$N" --seed "$SEED" --format gpkg --out "$WORK/plan-$KEY-gpkg" --defects "$D"
    psql_bench -c "DROP SCHEMA IF EXISTS p CASCADE; CREATE SCHEMA p"
    LOAD_START=$(date +%s.%N)
    PG_USE_COPY=YES ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$PGPORT user=postgres dbname=bench active_schema=p" \
      "$GPKG" -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=NONE -lco FID=fid -nlt PROMOTE_TO_MULTI -lco SCHEMA=p
    LOAD_END=$(date +%s.%N)
    echo "load_seconds $(echo "$LOAD_END - $LOAD_START" | bc)" > "$WORK/pg-$KEY.log"
    rm -f "$WORK/pg-$KEY".*.csv
    psql_bench -v lu_pairs="$WORK/pg-$KEY.data005-land_use.csv" -v zo_pairs="$WORK/pg-$KEY.data005-zoning.csv" \
      -v lu_gaps="$WORK/pg-$KEY.data006-land_use.csv" -v zo_gaps="$WORK/pg-$KEY.data006-zoning.csv" \
      -c "SET search_path = p, public" -f "$ROOT/tests/benchmarks/postgis.sql" >> "$WORK/pg-$KEY.log" 2>&1
    grep -E "^Time|^ *count|^COPY|load_seconds" "$WORK/pg-$KEY.log" | head -40 || true
    for FMT in "${FORMATS[@]}"; do
      python3 "$ROOT/tests/benchmarks/compare_pairs.py" "$WORK" "$KEY" "$FMT" | tee "$WORK/compare-$KEY-$FMT.md"
    done
    # The next ElementFlow check must not share the cores with PostgreSQL's background work on these tables
    # (autovacuum after a million-row load, the checkpointer writing it out): drop them and checkpoint now.
    psql_bench -c "DROP SCHEMA p CASCADE" -c "CHECKPOINT"
  fi
 done
done

python3 "$ROOT/tests/benchmarks/summarise.py" "$WORK" "${KEYS[@]}" | tee "$WORK/results.md"
cat "$WORK"/compare-*.md >> "$WORK/results.md" 2>/dev/null || true
