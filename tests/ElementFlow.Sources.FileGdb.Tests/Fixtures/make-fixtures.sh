#!/usr/bin/env bash
# Writes the small File Geodatabases the FileGdb reader's tests read, with GDAL's OpenFileGDB driver
# (Debian 12: apt-get install -y gdal-bin, GDAL 3.6). The .gdb folders are committed, so the tests
# themselves need no GDAL. Run from anywhere: bash tests/ElementFlow.Sources.FileGdb.Tests/Fixtures/make-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")"
command -v ogr2ogr >/dev/null || { echo "ogr2ogr not found: apt-get install -y gdal-bin" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf plan.gdb curves.gdb geographic.gdb

# Land-use parcels: a polygon with a hole, a two-part multipolygon, one without geometry; every field
# type plan databases use that GDAL writes (string with width, int16, int32, float32, float64, datetime).
cat > "$work/GHYDYH.csv" <<'CSV'
WKT,BSM,YSDM,YDYHFLDM,TBMJ,XH,SL,RATIO,BZ,RQ
"POLYGON ((39500000 3500000,39500000 3500100,39500100 3500100,39500100 3500000,39500000 3500000),(39500020 3500020,39500040 3500020,39500040 3500040,39500020 3500040,39500020 3500020))",330102000000000001,2090020610,0701,9600.5,1,70000,0.25,中文备注,2024/05/01 10:30:00
"MULTIPOLYGON (((39500200 3500000,39500200 3500050,39500250 3500050,39500250 3500000,39500200 3500000)),((39500300 3500000,39500300 3500050,39500350 3500050,39500350 3500000,39500300 3500000)))",330102000000000002,2090020610,1207,5000,2,-3,0.5,,
,330102000000000003,2090020610,1207,,3,,,,
CSV
echo 'WKT,String(18),String(10),String(10),Real,Integer(Int16),Integer,Real(Float32),String(50),DateTime' > "$work/GHYDYH.csvt"
ogr2ogr -f OpenFileGDB plan.gdb "$work/GHYDYH.csv" -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO \
  -a_srs EPSG:4527 -nln GHYDYH -nlt MULTIPOLYGON -lco GEOMETRY_NAME=SHAPE

# The ecological red line, a second polygon layer of the same database.
cat > "$work/STBHHX.csv" <<'CSV'
WKT,BSM,YSDM
"POLYGON ((39500000 3500000,39500000 3500200,39500200 3500200,39500200 3500000,39500000 3500000))",330102000000000101,2090010100
CSV
ogr2ogr -f OpenFileGDB -update plan.gdb "$work/STBHHX.csv" -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO \
  -a_srs EPSG:4527 -nln STBHHX -nlt POLYGON -lco GEOMETRY_NAME=SHAPE

# Points and lines.
cat > "$work/SSD.csv" <<'CSV'
WKT,MC
"POINT (39500010.5 3500020.25)",clinic
"POINT (39500300 3500400)",school
CSV
ogr2ogr -f OpenFileGDB -update plan.gdb "$work/SSD.csv" -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO \
  -a_srs EPSG:4527 -nln SSD -nlt POINT -lco GEOMETRY_NAME=SHAPE
cat > "$work/DL.csv" <<'CSV'
WKT,MC
"LINESTRING (39500000 3500000,39500100 3500050,39500200 3500000)",road
"MULTILINESTRING ((39500000 3500300,39500100 3500300),(39500200 3500300,39500300 3500310))",track
CSV
ogr2ogr -f OpenFileGDB -update plan.gdb "$work/DL.csv" -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO \
  -a_srs EPSG:4527 -nln DL -nlt MULTILINESTRING -lco GEOMETRY_NAME=SHAPE

# Curves: a circle of radius 100 (area 31415.93 m2), a polygon with one arc side, a line with an arc.
cat > "$work/curves.csv" <<'CSV'
WKT,MC
"CURVEPOLYGON (CIRCULARSTRING (39500000 3500000,39500200 3500000,39500000 3500000))",circle
"CURVEPOLYGON (COMPOUNDCURVE ((39500000 3500000,39500100 3500000),CIRCULARSTRING (39500100 3500000,39500150 3500050,39500100 3500100),(39500100 3500100,39500000 3500100,39500000 3500000)))",bulge
"POLYGON ((39500000 3500000,39500000 3500010,39500010 3500010,39500010 3500000,39500000 3500000))",square
CSV
ogr2ogr -f OpenFileGDB curves.gdb "$work/curves.csv" -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO \
  -a_srs EPSG:4527 -nln QX -nlt MULTISURFACE -lco GEOMETRY_NAME=SHAPE
cat > "$work/curvelines.csv" <<'CSV'
WKT,MC
"COMPOUNDCURVE ((39500000 3500000,39500100 3500000),CIRCULARSTRING (39500100 3500000,39500150 3500050,39500200 3500000))",arc
CSV
ogr2ogr -f OpenFileGDB -update curves.gdb "$work/curvelines.csv" -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO \
  -a_srs EPSG:4527 -nln QXX -nlt MULTICURVE -lco GEOMETRY_NAME=SHAPE

# A geographic layer (EPSG:4490) with object ids 1-100 and 1201-2500: the second block of 1024 ids is
# empty, so the row index carries a block map, and the first and third blocks have gaps.
python3 - "$work/many.geojson" <<'PY'
import json, sys
features = []
for i in list(range(1, 101)) + list(range(1201, 2501)):
    x = 117 + (i % 50) * 0.001
    y = 30 + (i // 50) * 0.001
    ring = [[x, y], [x, y + 0.0005], [x + 0.0005, y + 0.0005], [x + 0.0005, y], [x, y]]
    features.append({"type": "Feature", "id": i, "properties": {"N": i}, "geometry": {"type": "Polygon", "coordinates": [ring]}})
json.dump({"type": "FeatureCollection", "features": features}, open(sys.argv[1], "w"))
PY
ogr2ogr -f OpenFileGDB geographic.gdb "$work/many.geojson" -preserve_fid -a_srs EPSG:4490 -nln GHFQ -nlt POLYGON -lco GEOMETRY_NAME=SHAPE

# Keep the fixtures small: drop the spatial and attribute index files the reader does not use.
find plan.gdb curves.gdb geographic.gdb \( -name '*.spx' -o -name '*.atx' -o -name '*.gdbindexes' -o -name '*.freelist' \) -delete
du -sh plan.gdb curves.gdb geographic.gdb
