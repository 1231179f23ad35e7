#!/usr/bin/env python3
"""Compares elementflow's DATA-005 overlap pairs and DATA-006 gaps with PostGIS's, pair by pair.

    compare_pairs.py WORK KEY FORMAT

reads WORK/report-KEY-FORMAT.json (elementflow --format json) and the CSV files postgis.sql wrote
(WORK/pg-KEY.data005-<layer>.csv: a id, b id, area; WORK/pg-KEY.data006-<layer>.csv: area, centroid x, y).
Pairs agree when both found the same unordered pair of ids and the areas differ by at most 1 m²; gaps
agree when their centroids are within 1 m of each other and the areas differ by at most 1 m².
Prints a markdown table and exits 1 on any disagreement.
"""
import csv
import json
import sys
from pathlib import Path

TOLERANCE_M2 = 1.0

work, key, fmt = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
report = json.loads((work / f"report-{key}-{fmt}.json").read_text())


def rings_area_centroid(rings):
    """Area and area-weighted centroid sums of a polygon's rings (shell positive, holes negative)."""
    a = cx = cy = 0.0
    for k, ring in enumerate(rings):
        x0, y0 = ring[0][0], ring[0][1]
        ra = rcx = rcy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            # Relative to the first vertex: coordinates in the tens of millions lose digits otherwise.
            x1, y1, x2, y2 = x1 - x0, y1 - y0, x2 - x0, y2 - y0
            c = x1 * y2 - x2 * y1
            ra += c
            rcx += (x1 + x2) * c
            rcy += (y1 + y2) * c
        ra /= 2
        sign = 1 if k == 0 else -1
        if ra != 0:
            ra_abs = abs(ra)
            gx, gy = x0 + rcx / (6 * ra), y0 + rcy / (6 * ra)
            a += sign * ra_abs
            cx += sign * ra_abs * gx
            cy += sign * ra_abs * gy
    return a, cx, cy


def polygons(geometry):
    if geometry is None:
        return []
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    if geometry["type"] == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in polygons(g)]
    return []


def ef_pairs(layer):
    pairs = {}
    for f in report["findings"]:
        if f["rule"] != "DATA-005" or any(s["layer"] != layer for s in f["subjects"]) or len(f["subjects"]) != 2:
            continue
        pairs[frozenset(s["id"] for s in f["subjects"])] = f["measure"]["value"]
    return pairs


def pg_rows(name):
    path = work / f"pg-{key}.{name}.csv"
    if not path.exists():
        return None
    with path.open() as fh:
        return list(csv.reader(fh))


print(f"## DATA-005 and DATA-006 against PostGIS, {key} parcels, from {fmt}")
print()
print("| check | layer | elementflow | PostGIS | same | only elementflow | only PostGIS | area differs > 1 m² | largest area difference (m²) |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
bad = 0
for layer in ("land_use", "zoning"):
    rows = pg_rows(f"data005-{layer}")
    if rows is not None:
        pg = {frozenset((r[0], r[1])): float(r[2]) for r in rows}
        ef = ef_pairs(layer)
        same = set(pg) & set(ef)
        diffs = [abs(pg[p] - ef[p]) for p in same]
        off = sum(d > TOLERANCE_M2 for d in diffs)
        bad += len(set(ef) - same) + len(set(pg) - same) + off
        print(f"| DATA-005 | {layer} | {len(ef)} | {len(pg)} | {len(same)} | {len(set(ef) - same)} | {len(set(pg) - same)} | {off} | {max(diffs, default=0):.3f} |")

# DATA-006 findings do not name the layer in their subjects (the boundary is the subject); the two checks
# are told apart by the layer named in the finding's message.
for layer, words in (("land_use", ("land-use", "用地用海")), ("zoning", ("zoning", "规划分区"))):
    rows = pg_rows(f"data006-{layer}")
    if rows is None:
        continue
    pg = [(float(r[0]), float(r[1]), float(r[2])) for r in rows]
    ef = []
    for f in report["findings"]:
        text = f.get("message", "")
        if f["rule"] != "DATA-006" or not any(w in text for w in words):
            continue
        for p in polygons(f["geometry"]):
            a, cx, cy = rings_area_centroid(p)
            if a > 0:
                ef.append((a, cx / a, cy / a))
    unmatched_pg = list(pg)
    same = off = 0
    largest = 0.0
    only_ef = 0
    for a, x, y in ef:
        best = min(unmatched_pg, key=lambda g: (g[1] - x) ** 2 + (g[2] - y) ** 2, default=None)
        if best is None or (best[1] - x) ** 2 + (best[2] - y) ** 2 > 1.0:
            only_ef += a > TOLERANCE_M2
            continue
        unmatched_pg.remove(best)
        same += 1
        largest = max(largest, abs(best[0] - a))
        off += abs(best[0] - a) > TOLERANCE_M2
    only_pg = len(unmatched_pg)
    bad += only_ef + only_pg + off
    print(f"| DATA-006 | {layer} | {sum(a > TOLERANCE_M2 for a, _, _ in ef)} | {len(pg)} | {same} | {only_ef} | {only_pg} | {off} | {largest:.3f} |")

print()
print("Agreement: " + ("every pair and gap the same, areas within 1 m²." if bad == 0 else f"{bad} disagreements."))
sys.exit(0 if bad == 0 else 1)
