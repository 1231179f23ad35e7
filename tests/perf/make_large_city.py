#!/usr/bin/env python3
"""Write a large synthetic city plan package for timing the equity (life-circle) rules.

Usage:  python3 tests/perf/make_large_city.py [OUT_DIR] [--homes 100000] [--facilities 10000]
        dotnet run -c Release --project src/ElementFlow.Cli -- check OUT_DIR --stats --fail-on never > /dev/null

The city is 20 x 20 km (EPSG:4527): a street grid of 200 m blocks drawn as one feature per block side
(2 x 101 x 100 = 20 200 road segments) plus ten diagonal avenues that cross them (so the network
must be noded); homes are small building footprints inside the blocks (polygons, counted at their
centroid) with 20-400 residents; facilities are points of the ten facility kinds scattered over the
blocks; 100 subdistricts of 2 x 2 km; land use one parcel per block (housing, park, water, school),
so the park, green, shoreline and per-capita rules have work too. Seeded: the same files every run.
Standard library only.
"""

import argparse
import json
import os
import random

X0, Y0 = 39_500_000, 3_300_000
SIZE = 20_000
BLOCK = 200
KINDS = ["kindergarten", "primary_school", "middle_school", "clinic", "health_centre", "elderly_care",
         "culture", "sports", "market", "bus_stop"]


def poly(x0, y0, x1, y1):
    pts = [[X0 + x0, Y0 + y0], [X0 + x1, Y0 + y0], [X0 + x1, Y0 + y1], [X0 + x0, Y0 + y1], [X0 + x0, Y0 + y0]]
    return {"type": "Polygon", "coordinates": [pts]}


def write(path, features):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"type":"FeatureCollection","features":[\n')
        for k, (fid, geom, props) in enumerate(features):
            sep = ",\n" if k else ""
            fh.write(sep + json.dumps({"type": "Feature", "id": fid, "properties": {"id": fid, **props}, "geometry": geom},
                                      separators=(",", ":")))
        fh.write("\n]}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="/tmp/elementflow-large-city")
    ap.add_argument("--homes", type=int, default=100_000)
    ap.add_argument("--facilities", type=int, default=10_000)
    args = ap.parse_args()
    rnd = random.Random(20350101)
    os.makedirs(os.path.join(args.out, "layers"), exist_ok=True)
    n = SIZE // BLOCK  # blocks per side

    roads = []
    for i in range(n + 1):
        for j in range(n):
            roads.append((f"RH{i}-{j}", {"type": "LineString", "coordinates": [[X0 + j * BLOCK, Y0 + i * BLOCK], [X0 + (j + 1) * BLOCK, Y0 + i * BLOCK]]}, {}))
            roads.append((f"RV{i}-{j}", {"type": "LineString", "coordinates": [[X0 + i * BLOCK, Y0 + j * BLOCK], [X0 + i * BLOCK, Y0 + (j + 1) * BLOCK]]}, {}))
    for k in range(10):
        y = 1000 + k * 1800 + 37
        roads.append((f"AV{k}", {"type": "LineString", "coordinates": [[X0, Y0 + y], [X0 + SIZE - 13, Y0 + min(SIZE - 1, y + 5000)]]}, {}))

    # land use: one parcel per block, inset by 10 m (the streets run between)
    codes = {}
    for bx in range(n):
        for by in range(n):
            r = rnd.random()
            codes[(bx, by)] = "1401" if r < 0.07 else "1702" if r < 0.08 else "080403" if r < 0.10 else "0701"
    land_use = [(f"L{bx}-{by}", poly(bx * BLOCK + 10, by * BLOCK + 10, (bx + 1) * BLOCK - 10, (by + 1) * BLOCK - 10), {"code": c})
                for (bx, by), c in codes.items()]

    housing = [b for b, c in codes.items() if c == "0701"]
    homes = []
    per_block = -(-args.homes // len(housing))
    for bx, by in housing:
        for k in range(per_block):
            if len(homes) >= args.homes:
                break
            cx = bx * BLOCK + 20 + (k % 4) * 42
            cy = by * BLOCK + 20 + (k // 4) * 42 % 160
            homes.append((f"H{len(homes) + 1}", poly(cx, cy, cx + 30, cy + 30), {"population": rnd.randint(20, 400)}))

    facilities = []
    for k in range(args.facilities):
        bx, by = rnd.choice(housing)
        facilities.append((f"F{k + 1}", {"type": "Point", "coordinates": [X0 + bx * BLOCK + rnd.randint(15, 185), Y0 + by * BLOCK + rnd.randint(15, 185)]},
                           {"kind": KINDS[k % len(KINDS)]}))

    subdistricts = [(f"SD{i:02d}{j:02d}", poly(i * 2000, j * 2000, (i + 1) * 2000, (j + 1) * 2000), {"code": f"3301020{i:02d}{j:02d}", "name": f"第{i}-{j}街道"})
                    for i in range(10) for j in range(10)]

    write(os.path.join(args.out, "layers", "roads.geojson"), roads)
    write(os.path.join(args.out, "layers", "land_use.geojson"), land_use)
    write(os.path.join(args.out, "layers", "residential.geojson"), homes)
    write(os.path.join(args.out, "layers", "facilities.geojson"), facilities)
    write(os.path.join(args.out, "layers", "subdistricts.geojson"), subdistricts)
    write(os.path.join(args.out, "layers", "urban_development_boundary.geojson"), [("U1", poly(0, 0, SIZE, SIZE), {"zone": "concentrated"})])
    write(os.path.join(args.out, "layers", "boundary.geojson"), [("330102", poly(0, 0, SIZE, SIZE), {})])
    with open(os.path.join(args.out, "plan.yaml"), "w", encoding="utf-8") as fh:
        fh.write("""schema: elementflow/plan/v1
id: large-city
name: { zh: 大城市（性能测试）, en: Large city (performance test) }
level: city
type: overall
region: { code: "330100", name: 清河市 }
period: { base: 2020, target: 2035 }
crs: EPSG:4527
layers:
  boundary: layers/boundary.geojson
  urban_development_boundary: layers/urban_development_boundary.geojson
  land_use: layers/land_use.geojson
  residential: layers/residential.geojson
  facilities: layers/facilities.geojson
  subdistricts: layers/subdistricts.geojson
  roads: layers/roads.geojson
indicators:
  life_circle_coverage: { value: 95, unit: "%" }
  park_green_per_capita: { value: 12, unit: m2_per_person }
""")
    print(f"{args.out}: {len(homes)} homes, {len(facilities)} facilities, {len(roads)} road segments, "
          f"{len(land_use)} parcels, {len(subdistricts)} subdistricts")


if __name__ == "__main__":
    main()
