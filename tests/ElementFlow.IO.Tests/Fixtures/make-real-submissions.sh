#!/usr/bin/env bash
# Writes the example city plan (example-plans/qinghe-city) as a real submission would come:
#   qinghe-city-gdb/   one File Geodatabase with the standard layer names (XZQ, STBHHX, YJJBNT, CZKFBJ,
#                      GHFQ, GHYDYH, ...), written by GDAL's OpenFileGDB driver;
#   qinghe-city-4490/  the same layers reprojected to geographic CGCS2000 (EPSG:4490), as GeoJSON.
# Each gets the example's plan.yaml with its layers pointed at the new data. Needs gdal-bin (Debian 12);
# the outputs are committed, so tests need no GDAL. Run: bash tests/ElementFlow.IO.Tests/Fixtures/make-real-submissions.sh
set -euo pipefail
cd "$(dirname "$0")"
command -v ogr2ogr >/dev/null || { echo "ogr2ogr not found: apt-get install -y gdal-bin" >&2; exit 1; }
source=../../../example-plans/qinghe-city
rm -rf qinghe-city-gdb qinghe-city-4490
mkdir -p qinghe-city-gdb qinghe-city-4490/layers

# role:standard layer name (roles without a standard name keep the role name)
layers="boundary:XZQ ecological_redline:STBHHX permanent_basic_farmland:YJJBNT urban_development_boundary:CZKFBJ
zoning:GHFQ land_use:GHYDYH facilities:facilities residential:residential subdistricts:subdistricts"

yaml_gdb=""
yaml_4490=""
for pair in $layers; do
  role=${pair%%:*}; name=${pair##*:}
  [ -f "$source/layers/$role.geojson" ] || continue
  update=$([ -d qinghe-city-gdb/qinghe.gdb ] && echo -update || true)
  ogr2ogr -f OpenFileGDB $update qinghe-city-gdb/qinghe.gdb "$source/layers/$role.geojson" \
    -a_srs EPSG:4527 -nln "$name" -lco GEOMETRY_NAME=SHAPE
  ogr2ogr -f GeoJSON "qinghe-city-4490/layers/$role.geojson" "$source/layers/$role.geojson" \
    -s_srs EPSG:4527 -t_srs EPSG:4490 -lco COORDINATE_PRECISION=15 -lco WRITE_NAME=NO
  yaml_gdb+="  $role: { file: qinghe.gdb, layer: $name }"$'\n'
  yaml_4490+="  $role: layers/$role.geojson"$'\n'
done
find qinghe-city-gdb/qinghe.gdb \( -name '*.spx' -o -name '*.atx' -o -name '*.gdbindexes' -o -name '*.freelist' \) -delete

# plan.yaml: the example's, with the layers section replaced (and crs for the geographic one).
write_plan() { # target crs layers
  awk -v layers="$3" -v crs="$2" '
    /^layers:/ { print "layers:"; printf "%s", layers; skip = 1; next }
    skip && /^[^ #]/ { skip = 0 }
    skip { next }
    /^crs:/ { print "crs: " crs; next }
    /^parent:/ { next }
    { print }' "$source/plan.yaml" > "$1/plan.yaml"
}
write_plan qinghe-city-gdb EPSG:4527 "$yaml_gdb"
write_plan qinghe-city-4490 EPSG:4490 "$yaml_4490"
du -sh qinghe-city-gdb qinghe-city-4490
