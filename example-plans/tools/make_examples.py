#!/usr/bin/env python3
"""Generate the ElementFlow example plan tree (example-plans/) and its expected findings.

Usage:  python3 example-plans/tools/make_examples.py        (regenerates, then runs verify_examples.py)

One world is modelled once, in local kilometre/metre offsets, and every plan package gets the
world's layers clipped to its own boundary, so the three control lines pass down unchanged from
the province to the city, the counties and the township. Everything is an axis-aligned rectangle
or a union of them (rural cells 500 m, urban cells 250 m, violations a few tens of metres), so
every area below is exact integer arithmetic in square metres. Standard library only.

Deliberate violations are the P_* rectangles and CARVES of the world model, plus the hierarchy
cases of issue 3 (P_WINDOW / DETAILED_EXT, XISHAN_ERL_DROP, LIANHUA_CODE, DONGPING_FARMLAND_MIN) and the
elasticity cases of issue 4 (DONGPING_FLEX_MODULE, the ELAS-003 carve, ELAS_005_SHARE, APPROVALS);
main() writes the expected finding of each (a finding a current approval waives carries "waived_by"). The province and the city also hand down allocations
(make_allocations), exact Fractions on a 0.1 step, that close. verify_examples.py recomputes
everything from the written files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent  # example-plans/

# EPSG:4527 (CGCS2000 / 3-degree Gauss-Kruger zone 39, easting with the zone prefix).
# Local (0, 0) is the south-west corner of the province; the province spans x 39 456–39 520 km.
X0, Y0 = 39_456_000, 3_318_000
EPSG = "EPSG:4527"
MU_10K_M2 = Fraction(20_000_000, 3)  # 1 万亩 = 10 000 x 2000/3 m2


# ============================================================== rectangle algebra (metres, ints)

def km(x0, y0, x1, y1):
    """A rectangle given in km offsets, as integer metre offsets (x0, y0, x1, y1)."""
    r = tuple(int(round(v * 1000)) for v in (x0, y0, x1, y1))
    assert r[0] < r[2] and r[1] < r[3], r
    return r


def r_area(r):
    return (r[2] - r[0]) * (r[3] - r[1])


def r_inter(a, b):
    x0, y0, x1, y1 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return (x0, y0, x1, y1) if x0 < x1 and y0 < y1 else None


def r_sub(a, b):
    """a minus b as disjoint rectangles."""
    i = r_inter(a, b)
    if i is None:
        return [a]
    out = []
    if a[1] < i[1]:
        out.append((a[0], a[1], a[2], i[1]))
    if i[3] < a[3]:
        out.append((a[0], i[3], a[2], a[3]))
    if a[0] < i[0]:
        out.append((a[0], i[1], i[0], i[3]))
    if i[2] < a[2]:
        out.append((i[2], i[1], a[2], i[3]))
    return out


def area(rects):
    return sum(r_area(r) for r in rects)


def intersect(A, B):
    return [i for a in A for b in B if (i := r_inter(a, b))]


def subtract(A, B):
    for b in B:
        A = [p for a in A for p in r_sub(a, b)]
    return A


def contains_pt(rects, x, y):
    return any(r[0] <= x < r[2] and r[1] <= y < r[3] for r in rects)


def inside(A, B):
    """Region A lies entirely inside region B."""
    return area(intersect(A, B)) == area(A)


# ============================================================== outline tracing

def trace(rects):
    """Rings of the union of disjoint rectangles: exterior counter-clockwise, holes clockwise.

    At a vertex where the region touches itself diagonally the walk turns right, so the interior
    stays connected there and every ring stays simple (a hole then touches the shell, or another
    hole, at one point, which OGC/JTS validity allows).
    Raises if the region falls apart into more than one polygon.
    """
    xs = sorted({r[0] for r in rects} | {r[2] for r in rects})
    ys = sorted({r[1] for r in rects} | {r[3] for r in rects})
    xi = {x: i for i, x in enumerate(xs)}
    yi = {y: i for i, y in enumerate(ys)}
    cov = set()
    for r in rects:
        for i in range(xi[r[0]], xi[r[2]]):
            for j in range(yi[r[1]], yi[r[3]]):
                assert (i, j) not in cov, "rectangles of one feature overlap"
                cov.add((i, j))
    out = {}

    def add(p, q):
        out.setdefault(p, []).append(q)

    for (i, j) in cov:
        x0, x1, y0, y1 = xs[i], xs[i + 1], ys[j], ys[j + 1]
        if (i, j - 1) not in cov:
            add((x0, y0), (x1, y0))
        if (i + 1, j) not in cov:
            add((x1, y0), (x1, y1))
        if (i, j + 1) not in cov:
            add((x1, y1), (x0, y1))
        if (i - 1, j) not in cov:
            add((x0, y1), (x0, y0))

    def direction(p, q):
        return ((q[0] > p[0]) - (q[0] < p[0]), (q[1] > p[1]) - (q[1] < p[1]))

    def pick(cur, d, options):
        # right turn first: the interior stays connected through a pinch vertex
        left = (-d[1], d[0])
        right = (d[1], -d[0])
        for want in (right, d, left):
            for q in options:
                if direction(cur, q) == want:
                    return q
        raise AssertionError("dead end while tracing")

    rings = []
    while any(out.values()):
        start = min(p for p, qs in out.items() if qs)
        first = min(out[start])
        out[start].remove(first)
        ring = [start]
        prev, cur = start, first
        while True:
            options = list(out.get(cur, []))
            if cur == start:
                options.append(first)  # the closing edge
            nxt = pick(cur, direction(prev, cur), options)
            if cur == start and nxt == first:
                break
            out[cur].remove(nxt)
            ring.append(cur)
            prev, cur = cur, nxt
        ring = simplify(ring)
        assert len(set(ring)) == len(ring), "ring touches itself"
        rings.append(ring)
    shells = [r for r in rings if signed_area(r) > 0]
    holes = [r for r in rings if signed_area(r) < 0]
    if len(shells) != 1:
        raise ValueError(f"region is not one polygon ({len(shells)} parts)")
    return [shells[0]] + sorted(holes)


def simplify(ring):
    n = len(ring)
    keep = []
    for k in range(n):
        a, b, c = ring[k - 1], ring[k], ring[(k + 1) % n]
        if (a[0] == b[0] == c[0]) or (a[1] == b[1] == c[1]):
            continue
        keep.append(b)
    # start at the lowest-left vertex for a stable output
    s = keep.index(min(keep, key=lambda p: (p[1], p[0])))
    return keep[s:] + keep[:s]


def signed_area(ring):
    s = 0
    for k in range(len(ring)):
        x0, y0 = ring[k]
        x1, y1 = ring[(k + 1) % len(ring)]
        s += x0 * y1 - x1 * y0
    return Fraction(s, 2)


def polygon_geojson(rects):
    rings = trace(rects)
    coords = []
    for ring in rings:
        pts = [[X0 + x, Y0 + y] for x, y in ring]
        coords.append(pts + [pts[0]])
    return {"type": "Polygon", "coordinates": coords}


def point_geojson(x, y):
    return {"type": "Point", "coordinates": [X0 + x, Y0 + y]}


# ============================================================== the world

# ---- administrative areas (km) --------------------------------------------------------------
PROVINCE = [km(0, 0, 48, 44), km(48, 0, 64, 36)]
CITY = [km(12, 8, 40, 32), km(40, 8, 44, 28)]
XISHAN = [km(12, 16, 22, 32), km(22, 18, 24, 32)]
DONGPING = [km(32, 8, 44, 20)]
LIANHUA = [km(12, 25, 17, 31)]
DETAILED = [km(27, 19, 28, 20)]          # the unit as the city's 250 m cells tile it
# HIER-007: the unit's boundary reaches 200 x 100 m south into the farmland window PBF-13 (below),
# outside the city's UDB; its eastern 150 x 100 m there is a commercial plot (0901), the rest cultivated.
DETAILED_EXT = km(27.8, 18.9, 28, 19)
DETAILED_EXT_PLOTS = [(km(27.85, 18.9, 28, 19), "0901", "HIER-007"), (km(27.8, 18.9, 27.85, 19), "0101", None)]
DETAILED_BOUNDS = DETAILED + [DETAILED_EXT]

# Finest administrative units inside the city: land-use cells and zoning polygons never cross them.
UNITS = [
    ("lianhua", LIANHUA),
    ("xishan", subtract(XISHAN, LIANHUA)),
    ("dongping", DONGPING),
    ("city-core", subtract(subtract(CITY, XISHAN), DONGPING)),
]

# ---- the three control lines (km) -----------------------------------------------------------
# The few small rectangles added to PBF-04, PBF-05 and UDB-01 are the deliberate line conflicts
# of the city (they are in the issued data, so the province carries them too).
P_LINE001 = km(29.94, 23, 30, 23.04)      # PBF-05 reaches 60 x 40 m into ERL-04
P_LINE002 = km(26.5, 17, 26.58, 17.05)    # PBF-04 reaches 80 x 50 m into UDB-01
P_LINE003 = km(28, 21, 28.1, 21.03)       # UDB-01 reaches 100 x 30 m into ERL-04
# 开天窗 (issue 3): PBF-13 fills a hole cut in UDB-01, on what would be a 250 m park cell south of the
# detailed unit; the city's land use there is cultivated, so the city itself stays clean (no
# LINE-002, no LINE-008). The detailed unit reaches into it (HIER-007, see DETAILED_EXT).
P_WINDOW = km(27.75, 18.75, 28, 19)
URBAN_WINDOWS = [P_WINDOW]                # holes of the UDB that keep the 250 m urban grid around them
# ELAS-001 (issue 4): Dongping's flexible zone takes the north-east residential module and the north half of
# the industrial corner from the concentrated zone; the UDB as a whole stays 7.25 km2 (LINE-004 unchanged):
# flexible 1.125 km2 / concentrated 6.125 km2 = 9/49 = 0.1837 > 0.15 (but <= the 0.20 of
# rules/profiles/example-province.yaml).
DONGPING_FLEX_MODULE = km(38, 10.5, 38.5, 11)
# HIER-008 (issue 3): Xishan's red line leaves out this 200 x 150 m piece of ERL-01 that the city has;
# Xishan zones it ecological_control and declares its red-line area from its own layer.
XISHAN_ERL_DROP = ("ERL-01", km(13, 19, 13.2, 19.15))

ERL = [
    ("ERL-01", "西山水源涵养生态保护红线", [km(12, 16, 15, 23)]),
    ("ERL-02", "莲花山生物多样性维护生态保护红线", [km(12, 28, 14, 32), km(14, 31, 18, 32)]),
    ("ERL-03", "北岭水土保持生态保护红线", [km(26, 29, 36, 36)]),
    ("ERL-04", "凤凰山生态保护红线", [km(27, 21, 30, 24)]),
    ("ERL-05", "清河湿地生态保护红线", [km(41, 12, 44, 22)]),
    ("ERL-06", "西部山地生态保护红线", [km(0, 0, 10, 20)]),
    ("ERL-07", "东部丘陵生态保护红线", [km(50, 20, 60, 30)]),
    ("ERL-08", "南山森林生态保护红线", [km(14, 4, 18, 10)]),
    ("ERL-09", "东平水库生态保护红线", [km(32, 17, 34, 20)]),
]
PBF = [
    ("PBF-01", [km(15, 16, 19, 20)]),
    ("PBF-02", [km(14, 24, 19, 26)]),
    ("PBF-03", [km(14, 27, 17, 29)]),
    ("PBF-04", [km(26, 15, 30, 17), P_LINE002]),
    ("PBF-05", [km(30, 22, 32, 24), P_LINE001]),
    ("PBF-06", [km(20, 21, 20.5, 21.5)]),          # 开天窗: a hole in UDB-04
    ("PBF-07", [km(20, 5, 26, 12)]),
    ("PBF-08", [km(2, 24, 10, 34)]),
    ("PBF-09", [km(46, 2, 60, 14)]),
    ("PBF-10", [km(32, 12, 36, 16)]),
    ("PBF-11", [km(37, 13, 40, 18)]),
    ("PBF-12", [km(18, 26, 22, 30)]),
    ("PBF-13", [P_WINDOW]),                         # 开天窗: a hole in UDB-01 (HIER-007 in the detailed unit)
]
UDB = [
    ("UDB-01", "concentrated", "清河中心城区城镇集中建设区",
     subtract([km(25, 17, 31, 21)], [P_WINDOW]) + [P_LINE003]),
    ("UDB-02", "flexible", "清河中心城区城镇弹性发展区", [km(31, 18, 31.5, 20)]),
    ("UDB-03", "special", "凤凰山麓特别用途区", [km(25, 21, 26, 22)]),
    ("UDB-04", "concentrated", "西山县城城镇集中建设区",
     subtract([km(19, 20, 22, 23)], [km(20, 21, 20.5, 21.5)])),
    ("UDB-05", "flexible", "西山县城城镇弹性发展区", [km(22, 21, 23, 22)]),
    ("UDB-06", "concentrated", "东平县城城镇集中建设区",
     subtract([km(36, 8.5, 38.5, 11)], [DONGPING_FLEX_MODULE]) + [km(38.5, 9, 39, 9.25)]),
    ("UDB-07", "flexible", "东平县城城镇弹性发展区", [km(38.5, 9.25, 39, 11), DONGPING_FLEX_MODULE]),
    ("UDB-08", "concentrated", "临江市中心城区城镇集中建设区", [km(50, 32, 56, 36)]),
    ("UDB-09", "flexible", "临江市中心城区城镇弹性发展区", [km(56, 33, 57, 35)]),
]
# Ecological control areas (生态控制区): forest and water outside the red lines.
ECO_CONTROL = [km(15, 20, 16, 23), km(36, 24, 40, 29), km(40, 12, 41, 20), km(15, 29, 17, 31)]

# ---- urban fabric inside the concentrated zones -------------------------------------------------
INDUSTRIAL = [km(25, 17, 31, 17.5), km(19, 20, 22, 20.5), km(36, 8.5, 38.5, 9), km(38.5, 9, 39, 9.5)]
LAKE_PARK = km(29, 19, 30, 20)           # a lake (1702) ringed by park (1401)
LAKE = km(29.25, 19.25, 29.75, 19.75)

SUBDISTRICTS = [  # (id, code, name, rect): the urban 街道 of each plan
    ("SD-01", "330102001", "清波街道", km(25, 17, 28, 19)),
    ("SD-02", "330102002", "望江街道", km(28, 17, 31, 19)),
    ("SD-03", "330102003", "湖滨街道", km(25, 19, 28, 21)),
    ("SD-04", "330102004", "文昌街道", km(28, 19, 31, 21)),
    ("SD-05", "330122001", "城关街道", km(19, 20, 20.5, 23)),
    ("SD-06", "330122002", "东城街道", km(20.5, 20, 22, 23)),
    ("SD-07", "330127001", "东平街道", km(36, 8.5, 37.5, 11)),
    ("SD-08", "330127002", "城南街道", km(37.5, 8.5, 39, 11)),
]

# ---- deliberate land-use violations: small parcels carved out of a host cell ----------------------
# tag -> (rect, code, extra attributes, plans that drop the parcel)
CARVES = {
    "LINE-001": (P_LINE001, "0101", {}, ()),                              # cultivated, under ERL-04 and PBF-05
    "LINE-002": (P_LINE002, "0101", {}, ()),                              # cultivated, under UDB-01 and PBF-04
    "LINE-007-error": (km(29, 23, 29.08, 23.05), "1001", {}, ()),         # factory in ERL-04, untagged
    "LINE-007-info": (km(27.5, 23.5, 27.54, 23.53), "1504", {"limited_activity": 3}, ()),  # heritage site
    "LINE-008": (km(28, 15.5, 28.08, 15.56), "0702", {}, ()),             # community services in PBF-04
    "LINE-006": (km(33, 24, 33.12, 24.09), "0701", {}, ()),               # urban housing outside any UDB
    "DATA-007": (km(29.985, 17.238, 30, 17.25), "1207", {}, ()),          # 15 x 12 m road sliver
    "DATA-006": (km(34, 9, 34.1, 9.05), "0103", {}, ("dongping-county",)),  # missing from Dongping's file
    "ELAS-003": (km(23, 10, 23.12, 10.05), "16", {}, ()),                 # reserved land on basic farmland PBF-07
}
# Carves added after the first examples are numbered last, so the earlier land-use ids stay put.
LATE_CARVES = ("ELAS-003",)
HOST_CODE = {  # land use of the cells that host a carve (rural cells are otherwise pseudo-random)
    km(33, 24, 33.5, 24.5): "0703",
    km(34, 9, 34.5, 9.5): "0103",
}


def h(i, j):
    """Deterministic pseudo-random 0..9972 for a cell index."""
    return (i * 92821 + j * 68917 + (i * j) % 7919 + 12345) % 9973


def feature_at(defs, x, y, rects_of=lambda d: d[-1]):
    for d in defs:
        if contains_pt(rects_of(d), x, y):
            return d
    return None


def zone_at(x, y):
    """The planning zone at a point: the lines decide, PBF first (so an ERL/PBF overlap is farmland)."""
    if feature_at(PBF, x, y):
        return "farmland_protection"
    if feature_at(ERL, x, y):
        return "ecological_protection"
    if feature_at(UDB, x, y):
        return "urban_development"
    if contains_pt(ECO_CONTROL, x, y):
        return "ecological_control"
    return "rural_development"


def unit_at(x, y):
    for name, rects in UNITS:
        if contains_pt(rects, x, y):
            return name
    return None


UDB_MAIN = [(fid, zone, r) for fid, zone, _, rects in UDB for r in rects if r != P_LINE003]


def urban_code(cell):
    """Land use of a 250 m cell inside a UDB."""
    cx, cy = (cell[0] + cell[2]) / 2, (cell[1] + cell[3]) / 2
    if contains_pt(URBAN_WINDOWS, cx, cy):
        return rural_code(cell)  # basic farmland in a hole of the UDB: cultivated
    zone = next(z for _, z, r in UDB_MAIN if contains_pt([r], cx, cy))
    if zone == "flexible":
        return "16"
    if zone == "special":
        return "1402"
    if contains_pt(INDUSTRIAL, cx, cy):
        return "1001"
    if cell in PRIVATE_SHORE:  # equity: the lake's north and east shore given to hotels and offices
        return PRIVATE_SHORE[cell]
    if contains_pt([LAKE_PARK], cx, cy):
        return "1702" if contains_pt([LAKE], cx, cy) else "1401"
    # residential module of 500 m: two housing cells on the west, park north-east, services south-east
    mx, my = cell[0] // 500 * 500, cell[1] // 500 * 500
    east, north = cell[0] >= mx + 250, cell[1] >= my + 250
    if not east:
        return "0701"
    if north:
        return "1401"
    return "080403" if ((mx // 500) + (my // 500)) % 2 == 0 else "0702"


def rural_code(cell):
    cx, cy = (cell[0] + cell[2]) / 2, (cell[1] + cell[3]) / 2
    if cell in HOST_CODE:
        return HOST_CODE[cell]
    i, j = cell[0] // 500, cell[1] // 500
    v = h(i, j)
    zone = zone_at(cx, cy)
    cultivated = ("0101", "0102", "0103")[v % 3]
    if zone == "farmland_protection":
        return cultivated
    if zone == "ecological_protection":
        erl = feature_at(ERL, cx, cy)[0]
        if erl == "ERL-05" and 42_000 <= cx < 43_000:
            return "1701"
        if erl == "ERL-04":
            return "0301"
        return "0302" if v % 5 == 0 else "0301"
    if zone == "ecological_control":
        return {0: "1701", 1: "0303"}.get(v % 6, "0301")
    if zone == "rural_development":
        k = v % 20
        if k <= 10:
            return cultivated
        return {11: "0301", 12: "0301", 13: "0301", 14: "0703", 15: "0703", 16: "0201",
                17: "1202", 18: "0704", 19: "1701"}[k]
    raise AssertionError(zone)


def build_land_use():
    """World land use (inside the city): list of dicts {id, code, rects, attrs, omit_in, tag}."""
    cells = []
    for x in range(12_000, 44_000, 500):
        for y in range(8_000, 32_000, 500):
            c = (x, y, x + 500, y + 500)
            if not contains_pt(CITY, x + 250, y + 250):
                continue
            if any(contains_pt([r], x + 250, y + 250) for _, _, r in UDB_MAIN) or \
                    any(r_inter(c, w) for w in URBAN_WINDOWS):
                for dx in (0, 250):
                    for dy in (0, 250):
                        s = (x + dx, y + dy, x + dx + 250, y + dy + 250)
                        cells.append((s, urban_code(s)))
            else:
                cells.append((c, rural_code(c)))
    # the lake is one parcel, not four cells
    cells = [c for c in cells if not contains_pt([LAKE], (c[0][0] + c[0][2]) / 2, (c[0][1] + c[0][3]) / 2)]
    cells.append((LAKE, "1702"))
    parcels = []
    carve_rects = {tag: v[0] for tag, v in CARVES.items()}
    for cell, code in cells:
        mine = [(tag, r) for tag, r in carve_rects.items() if r_inter(cell, r)]
        for tag, r in mine:
            assert r_inter(cell, r) == r, f"{tag} must sit inside one cell"
        host = subtract([cell], [r for _, r in mine])
        parcels.append({"code": code, "rects": host, "attrs": {}, "omit_in": (), "tag": None})
        for tag, r in mine:
            _, pcode, attrs, omit = CARVES[tag]
            parcels.append({"code": pcode, "rects": [r], "attrs": dict(attrs), "omit_in": omit, "tag": tag})
    parcels.sort(key=lambda p: (p["tag"] in LATE_CARVES, -max(r[3] for r in p["rects"]), min(r[0] for r in p["rects"]),
                                area(p["rects"])))
    for n, p in enumerate(parcels, 1):
        p["id"] = f"LU-{n:04d}"
    return parcels


def build_zoning():
    """World zoning: 4-connected regions of one zone inside one administrative unit."""
    xs, ys = set(), set()
    for rects in [CITY] + [u for _, u in UNITS] + [d[-1] for d in ERL + PBF + UDB] + [ECO_CONTROL]:
        for r in intersect(rects, CITY):
            xs |= {r[0], r[2]}
            ys |= {r[1], r[3]}
    for x in range(12_000, 44_001, 500):
        xs.add(x)
    for y in range(8_000, 32_001, 500):
        ys.add(y)
    xs, ys = sorted(xs), sorted(ys)
    label = {}
    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            cx, cy = (xs[i] + xs[i + 1]) / 2, (ys[j] + ys[j + 1]) / 2
            if contains_pt(CITY, cx, cy):
                label[(i, j)] = (unit_at(cx, cy), zone_at(cx, cy))
    seen = set()
    regions = []
    for start in sorted(label):
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            a = stack.pop()
            comp.append(a)
            i, j = a
            for b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                if b not in seen and label.get(b) == label[start]:
                    seen.add(b)
                    stack.append(b)
        rects = [(xs[i], ys[j], xs[i + 1], ys[j + 1]) for i, j in comp]
        regions.append({"unit": label[start][0], "zone": label[start][1], "rects": merge_rows(rects)})
    order = {name: k for k, (name, _) in enumerate(UNITS)}
    # zones added with issue 3 (the farmland window) are numbered last, so the earlier ids stay put
    late = lambda z: any(r_inter(r, w) for r in z["rects"] for w in URBAN_WINDOWS)
    regions.sort(key=lambda z: (late(z), order[z["unit"]], -max(r[3] for r in z["rects"]),
                                min(r[0] for r in z["rects"])))
    for n, z in enumerate(regions, 1):
        z["id"] = f"ZN-{n:03d}"
    return regions


def merge_rows(rects):
    """Merge horizontally adjacent atoms of the same row (fewer rectangles, same region)."""
    rows = {}
    for r in rects:
        rows.setdefault((r[1], r[3]), []).append(r)
    out = []
    for (y0, y1), rs in rows.items():
        rs.sort()
        cur = list(rs[0])
        for r in rs[1:]:
            if r[0] == cur[2]:
                cur[2] = r[2]
            else:
                out.append(tuple(cur))
                cur = list(r)
        out.append(tuple(cur))
    return out


ZONE_ZH = {
    "ecological_protection": "生态保护区", "ecological_control": "生态控制区",
    "farmland_protection": "农田保护区", "urban_development": "城镇发展区",
    "rural_development": "乡村发展区",
}
KIND_ZH = {
    "kindergarten": "幼儿园", "primary_school": "小学", "middle_school": "中学", "clinic": "卫生服务站",
    "health_centre": "社区卫生服务中心", "elderly_care": "养老服务站", "culture": "文化活动中心",
    "sports": "全民健身中心",
}
# Facility points inside the service cell (south-east quarter) of a module, offsets from the module's SW corner.
MODULE_KINDS = {"kindergarten": (262, 238), "elderly_care": (282, 238), "primary_school": (302, 238),
                "clinic": (322, 238)}
SHARED_KINDS = {"middle_school": (262, 218), "culture": (282, 218), "sports": (302, 218)}
HEALTH_CENTRE_AT = (322, 218)


def dist(a, b):
    return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5


def build_people(land_use):
    """Residential polygons (the 0701 cells inside the UDB), facilities and subdistricts."""
    res_cells = [p for p in land_use if p["code"] == "0701" and p["tag"] is None]
    residential = []
    for p in sorted(res_cells, key=lambda p: (-p["rects"][0][3], p["rects"][0][0])):
        r = p["rects"][0]
        sd = next(s for s in SUBDISTRICTS if contains_pt([s[3]], (r[0] + r[2]) / 2, (r[1] + r[3]) / 2))
        residential.append({"rects": [r], "sd": sd[0], "population": 1800 + (h(r[0] // 250, r[1] // 250) % 13) * 100,
                            "centroid": ((r[0] + r[2]) / 2, (r[1] + r[3]) / 2)})
    for n, rp in enumerate(residential, 1):
        rp["id"] = f"RES-{n:04d}"
        sd_name = next(s[2] for s in SUBDISTRICTS if s[0] == rp["sd"])
        rp["name"] = f"{sd_name[:-2]}{n}号住区"
    # modules: 500 m squares with housing on the west half
    modules = sorted({(rp["rects"][0][0] // 500 * 500, rp["rects"][0][1] // 500 * 500) for rp in residential},
                     key=lambda m: (-m[1], m[0]))
    facilities = []

    def put(kind, m, off):
        sd = next(s for s in SUBDISTRICTS if contains_pt([s[3]], m[0] + off[0], m[1] + off[1]))
        facilities.append({"kind": kind, "xy": (m[0] + off[0], m[1] + off[1]), "sd": sd[0]})

    for m in modules:
        for kind, off in MODULE_KINDS.items():
            put(kind, m, off)
    # one set of 15-minute facilities wherever a module's homes are not yet within 900 m of one
    for kind, off in SHARED_KINDS.items():
        for m in modules:
            if kind in UNDERSERVED_KINDS and contains_pt([UNDERSERVED_AREA], m[0] + 250, m[1] + 250):
                continue  # equity: this subdistrict gets none of its own (EQUI-008)
            homes = [rp["centroid"] for rp in residential if rp["rects"][0][0] // 500 * 500 == m[0]
                     and rp["rects"][0][1] // 500 * 500 == m[1]]
            have = [f["xy"] for f in facilities if f["kind"] == kind]
            if any(min((dist(c, q) for q in have), default=1e9) > 900 for c in homes):
                put(kind, (m[0] + 0, m[1] + 0), off)
    # one community health centre per subdistrict, in the module nearest its centre
    for sid, _, _, r in SUBDISTRICTS:
        c = ((r[0] + r[2]) / 2, (r[1] + r[3]) / 2)
        inside_sd = [m for m in modules if contains_pt([r], m[0] + 250, m[1] + 250)]
        m = min(inside_sd, key=lambda m: (dist((m[0] + 250, m[1] + 250), c), m))
        put("health_centre", m, HEALTH_CENTRE_AT)
    facilities.sort(key=lambda f: (-f["xy"][1], f["xy"][0], f["kind"]))
    counters = {}
    for n, f in enumerate(facilities, 1):
        f["id"] = f"FAC-{n:04d}"
        sd_name = next(s[2] for s in SUBDISTRICTS if s[0] == f["sd"])
        counters[(f["sd"], f["kind"])] = counters.get((f["sd"], f["kind"]), 0) + 1
        f["name"] = f"{sd_name[:-2]}第{counters[(f['sd'], f['kind'])]}{KIND_ZH[f['kind']]}"
    subdistricts = []
    for sid, code, name, r in SUBDISTRICTS:
        pop = sum(rp["population"] for rp in residential if rp["sd"] == sid)
        subdistricts.append({"id": sid, "code": code, "name": name, "rects": [r], "population": pop})
    return residential, facilities, subdistricts


ELAS_005_SHARE = 0.45


def build_detailed(land_use):
    """Parcels of the detailed plan: the city's 250 m cells inside DETAILED split into 125 m plots."""
    cells = [p for p in land_use if p["tag"] is None and inside(p["rects"], DETAILED)]
    assert area([r for p in cells for r in p["rects"]]) == area(DETAILED)
    plots = []
    for p in cells:
        (x0, y0, x1, y1), = p["rects"]
        q = [(x0, y0, x0 + 125, y0 + 125), (x0 + 125, y0, x1, y0 + 125),
             (x0, y0 + 125, x0 + 125, y1), (x0 + 125, y0 + 125, x1, y1)]   # SW, SE, NW, NE
        if p["code"] == "0701":
            specs = [("0701", {"secondary_share": 0.1}), ("0701", {"secondary_share": 0.15}),
                     ("0701", {"secondary_share": 0.1}), ("0901", {"secondary_share": 0.25})]
            plots += [{"code": c, "rects": [r], "attrs": a} for r, (c, a) in zip(q, specs)]
        elif p["code"] in ("0702", "080403"):
            specs = ["080404", "080403", "080602", "080701"]
            plots += [{"code": c, "rects": [r], "attrs": {}} for r, c in zip(q, specs)]
        else:
            plots.append({"code": p["code"], "rects": [(x0, y0, x1, y1)], "attrs": {}})
    # DATA-005: the SW housing plot of the SW corner cell reaches 30 x 40 m into its eastern neighbour
    d = DETAILED[0]
    sw = next(pl for pl in plots if pl["rects"][0][:2] == (d[0], d[1]))
    assert sw["code"] == "0701"
    ext = (d[0] + 125, d[1], d[0] + 155, d[1] + 40)
    sw["rects"].append(ext)
    sw["tag"] = "DATA-005-a"
    se = next(pl for pl in plots if pl["rects"][0][:2] == (d[0] + 125, d[1]))
    se["tag"] = "DATA-005-b"
    plots.sort(key=lambda p: (-p["rects"][0][3], p["rects"][0][0]))
    # ELAS-005 (issue 4): the first mixed commercial plot gives 45 % to secondary uses (limit 40 %; the
    # main use keeps 55 %, still a majority: a warning)
    mixed = next(pl for pl in plots if pl["code"] == "0901" and "secondary_share" in pl["attrs"])
    assert "tag" not in mixed
    mixed["attrs"]["secondary_share"] = ELAS_005_SHARE
    mixed["tag"] = "ELAS-005"
    # the plots reaching into the farmland window (issue 3) come last, so the earlier ids stay put
    assert inside([DETAILED_EXT], [P_WINDOW])
    assert area([r for r, _, _ in DETAILED_EXT_PLOTS]) == r_area(DETAILED_EXT)
    plots += [{"code": c, "rects": [r], "attrs": {}, "tag": tag} for r, c, tag in DETAILED_EXT_PLOTS]
    for n, p in enumerate(plots, 1):
        p["id"] = f"LU-D{n:03d}"
        p.setdefault("tag", None)
    return plots, r_area(ext)


# ============================================================== equity (issue 5: life circles, waterfront)
# Deliberate equity findings, kept apart from the rest of the world model:
#  - the western two thirds of 清波街道 (SD-01) get no culture or sports centre of their own; those homes
#    rely on centres further east, so the subdistrict's 15-minute life circle falls below the 0.60
#    floor and more than 0.20 behind the best subdistrict (EQUI-008), while the city as a whole stays
#    above 0.90 for every service (EQUI-001 silent);
#  - the lake's north and east shore is given to hotels and offices (0901): half the shore inside the
#    UDB is private (EQUI-009);
#  - the city declares its life-circle coverage as 100 % (EQUI-010); the counties declare what the
#    map shows.
# Distances are straight lines (no roads layer): homes at their cell's centre, facilities as points,
# green space to the nearest edge of the parcel.

UNDERSERVED_SD = SUBDISTRICTS[0]                  # SD-01 清波街道
UNDERSERVED_AREA = km(25, 17, 27, 19)             # its western two thirds
UNDERSERVED_KINDS = ("culture", "sports")
PRIVATE_SHORE = {                                 # lake-park cells beside the lake's north and east shore
    km(29.25, 19.75, 29.5, 20): "0901", km(29.5, 19.75, 29.75, 20): "0901",
    km(29.75, 19.25, 30, 19.5): "0901", km(29.75, 19.5, 30, 19.75): "0901",
}
LIFE_CIRCLE = (("clinic", "health_centre"), ("elderly_care",), ("primary_school",), ("culture",), ("sports",))
DECLARED_LIFE_CIRCLE = {"qinghe-city": Fraction(100)}  # percent; other plans declare the measured value
PUBLIC_SHORE_CODES = ("12", "14", "08")


def _homes(layers):
    return [(f["id"], ((f["rects"][0][0] + f["rects"][0][2]) // 2, (f["rects"][0][1] + f["rects"][0][3]) // 2),
             f["props"]["population"]) for f in layers["residential"]]


def _near(c, points, d):
    return any((c[0] - q[0]) ** 2 + (c[1] - q[1]) ** 2 <= d * d for q in points)


def _rect_dist2(c, r):
    dx = max(r[0] - c[0], 0, c[0] - r[2])
    dy = max(r[1] - c[1], 0, c[1] - r[3])
    return dx * dx + dy * dy


def _coverage(homes, covered):
    """(share as a Fraction, ids out of reach) of homes by population."""
    total = sum(p for _, _, p in homes)
    out = [i for i, c, p in homes if not covered(c)]
    return Fraction(sum(p for i, c, p in homes if covered(c)), total), sorted(out)


def _points(layers, kinds):
    return [f["xy"] for f in layers["facilities"] if f["props"]["kind"] in kinds]


def _life_circle(layers):
    groups = [_points(layers, g) for g in LIFE_CIRCLE]
    return lambda c: all(_near(c, pts, 1000) for pts in groups)


def _park_m2(layers):
    return sum(area(f["rects"]) for f in layers["land_use"] if f["props"]["code"] == "1401")


def equity_indicators(pid, plan, layers):
    """life_circle_coverage and park_green_per_capita of city and county overall plans with homes."""
    if plan["type"] != "overall" or "residential" not in layers:
        return {}
    homes = _homes(layers)
    share, _ = _coverage(homes, _life_circle(layers))
    per_capita = Fraction(_park_m2(layers), sum(p for _, _, p in homes))
    declared = DECLARED_LIFE_CIRCLE.get(pid, share * 100)
    note = f"measured {fmt(share * 100, 2)} %" + (" (EQUI-010)" if pid in DECLARED_LIFE_CIRCLE else "")
    return {"life_circle_coverage": (fmt(declared, 1), '"%"', note),
            "park_green_per_capita": (fmt(per_capita, 2), "m2_per_person", f"measured {fmt(per_capita, 4)}")}


def _shore(layers):
    """Shore of water (17) inside the UDB, by bordering parcel: {id: (length, public)}."""
    udb = [r for f in layers["urban_development_boundary"] for r in f["rects"]]
    water = [r for f in layers["land_use"] if f["props"]["code"].startswith("17") for r in intersect(f["rects"], udb)]
    out = {}
    for f in layers["land_use"]:
        if f["props"]["code"].startswith("17"):
            continue
        length = 0
        for l in intersect(f["rects"], udb):
            for w in water:
                if w[2] == l[0] or w[0] == l[2]:
                    length += max(0, min(w[3], l[3]) - max(w[1], l[1]))
                if w[3] == l[1] or w[1] == l[3]:
                    length += max(0, min(w[2], l[2]) - max(w[0], l[0]))
        if length:
            out[f["id"]] = (length, f["props"]["code"].startswith(PUBLIC_SHORE_CODES))
    return out


def equity_findings(pid, plan, layers):
    """The EQUI findings of city and county overall plans (the detailed plan has no homes)."""
    if plan["level"] not in ("city", "county") or plan["type"] != "overall" or "residential" not in layers:
        return []
    F = []

    def add(rule, subjects, value, why, where=None):
        F.append({"rule": rule, "severity": "warning", "subjects": subjects, "value": float(value),
                  "_where": where, "_why": why})

    homes = _homes(layers)
    res = lambda ids: [f"residential/{i}" for i in ids]

    def floor(rule, covered, what):
        share, out = _coverage(homes, covered)
        if share < Fraction(9, 10):
            add(rule, res(out), share, f"{what}: {fmt(share * 100, 1)} % of residents, below 90 %.")

    for g in LIFE_CIRCLE:
        floor("EQUI-001", lambda c, pts=_points(layers, g): _near(c, pts, 1000), " or ".join(g) + " within 1000 m")
    floor("EQUI-002", lambda c: _near(c, _points(layers, ("kindergarten",)), 300), "kindergarten within 300 m")
    floor("EQUI-003", lambda c: _near(c, _points(layers, ("primary_school",)), 500), "primary school within 500 m")
    floor("EQUI-003", lambda c: _near(c, _points(layers, ("middle_school",)), 1000), "middle school within 1000 m")
    floor("EQUI-004", lambda c: _near(c, _points(layers, ("clinic", "health_centre")), 1000), "health care within 1000 m")
    for sd in layers["subdistricts"]:
        if not any(contains_pt(sd["rects"], *q) or any(r[0] <= q[0] <= r[2] and r[1] <= q[1] <= r[3] for r in sd["rects"])
                   for q in _points(layers, ("health_centre",))):
            add("EQUI-004", [f"subdistricts/{sd['id']}"], 0, "no community health centre in the subdistrict")
    green = [f["rects"] for f in layers["land_use"] if f["props"]["code"] in ("1401", "1403") and area(f["rects"]) >= 400]
    parks = [f["rects"] for f in layers["land_use"] if f["props"]["code"] == "1401" and area(f["rects"]) >= 10_000]
    floor("EQUI-006", lambda c: any(_rect_dist2(c, r) <= 300 ** 2 for g in green for r in g), "green space within 300 m")
    floor("EQUI-006", lambda c: any(_rect_dist2(c, r) <= 500 ** 2 for g in parks for r in g), "a park within 500 m")
    per_capita = Fraction(_park_m2(layers), sum(p for _, _, p in homes))
    if per_capita < 8:
        add("EQUI-007", [], per_capita, f"park green {fmt(per_capita, 2)} m2 per person, below 8.")

    # EQUI-008: each subdistrict's life circle (all five services within 1000 m)
    bundle = _life_circle(layers)
    shares = []
    for sd in layers["subdistricts"]:
        mine = [h for h in homes if any(r[0] <= h[1][0] <= r[2] and r[1] <= h[1][1] <= r[3] for r in sd["rects"])
                and h[0] not in {x for s, _, xs in shares for x in xs}]
        if mine:
            share, _ = _coverage(mine, bundle)
            shares.append((sd, share, [h[0] for h in mine]))
    for sd, share, _ in shares:
        if share < Fraction(6, 10):
            add("EQUI-008", [f"subdistricts/{sd['id']}"], share,
                f"{sd['props']['name']}: {fmt(share * 100, 1)} % of its residents have every basic service within "
                f"1000 m, below the 60 % floor: west of x = {X0 + UNDERSERVED_AREA[2]} it has no "
                f"{' or '.join(UNDERSERVED_KINDS)} centre of its own, and those further east are out of reach.",
                UNDERSERVED_AREA)
    if len(shares) >= 2:
        best = max(shares, key=lambda s: s[1])
        worst = min(shares, key=lambda s: s[1])
        if best[1] - worst[1] > Fraction(2, 10):
            add("EQUI-008", [f"subdistricts/{best[0]['id']}", f"subdistricts/{worst[0]['id']}"], best[1] - worst[1],
                f"Best {best[0]['props']['name']} {fmt(best[1] * 100, 1)} %, worst {worst[0]['props']['name']} "
                f"{fmt(worst[1] * 100, 1)} %: a gap of {fmt((best[1] - worst[1]) * 100, 1)} points, above 20.")

    shore = _shore(layers)
    total = sum(length for length, _ in shore.values())
    if total:
        public = sum(length for length, pub in shore.values() if pub)
        if Fraction(public, total) < Fraction(6, 10):
            private = sorted(i for i, (_, pub) in shore.items() if not pub)
            add("EQUI-009", [f"land_use/{i}" for i in private], Fraction(public, total),
                f"Of {total} m of lake shore inside the UDB, {public} m is bordered by park; hotels and offices "
                f"(0901) {', '.join(private)} take the north and east shore.", LAKE)

    declared = DECLARED_LIFE_CIRCLE.get(pid)
    if declared is not None:
        share, _ = _coverage(homes, bundle)
        if abs(declared / 100 - share) > Fraction(5, 100):
            add("EQUI-010", [], abs(declared / 100 - share),
                f"life_circle_coverage is declared as {fmt(declared, 0)} % but the map shows "
                f"{fmt(share * 100, 2)} % (清波街道 left behind): {fmt(abs(declared / 100 - share) * 100, 2)} points apart, above 5. "
                "park_green_per_capita is declared as measured.")
    return F


# ============================================================== plans

# HIER-002 (issue 3): Lianhua's package carries a Dongping township code (330127xxx) while its parent
# stays Xishan (330122); the boundary feature carries the same code as its id and `code`.
LIANHUA_CODE = "330127101"

PLANS = [
    dict(id="qinghe-province", level="province", type="overall", code="330000", region="清河省",
         zh="清河省国土空间规划（2021—2035年）", en="Qinghe Province Territorial Spatial Plan 2021–2035",
         parent=None, bounds=PROVINCE, boundary_id="330000",
         layers=["boundary", "ecological_redline", "permanent_basic_farmland", "urban_development_boundary"]),
    dict(id="qinghe-city", level="city", type="overall", code="330100", region="清河市",
         zh="清河市国土空间总体规划（2021—2035年）", en="Qinghe City Territorial Spatial Master Plan 2021–2035",
         parent="qinghe-province", bounds=CITY, boundary_id="330100", base_km2=Fraction(36),
         layers=["boundary", "ecological_redline", "permanent_basic_farmland", "urban_development_boundary",
                 "zoning", "land_use", "facilities", "residential", "subdistricts", "enclaves"]),
    dict(id="xishan-county", level="county", type="overall", code="330122", region="西山县",
         zh="西山县国土空间总体规划（2021—2035年）", en="Xishan County Territorial Spatial Master Plan 2021–2035",
         parent="qinghe-city", bounds=XISHAN, boundary_id="330122", base_km2=Fraction(8),
         layers=["boundary", "ecological_redline", "permanent_basic_farmland", "urban_development_boundary",
                 "zoning", "land_use", "facilities", "residential", "subdistricts", "enclaves"]),
    dict(id="dongping-county", level="county", type="overall", code="330127", region="东平县",
         zh="东平县国土空间总体规划（2021—2035年）", en="Dongping County Territorial Spatial Master Plan 2021–2035",
         parent="qinghe-city", bounds=DONGPING, boundary_id="330127", base_km2=Fraction(5),
         layers=["boundary", "ecological_redline", "permanent_basic_farmland", "urban_development_boundary",
                 "zoning", "land_use", "facilities", "residential", "subdistricts"]),
    dict(id="xishan-lianhua-township", level="township", type="overall", code=LIANHUA_CODE, region="莲花镇",
         zh="西山县莲花镇国土空间总体规划（2021—2035年）",
         en="Lianhua Town (Xishan County) Territorial Spatial Master Plan 2021–2035",
         parent="xishan-county", bounds=LIANHUA, boundary_id=LIANHUA_CODE,
         layers=["boundary", "ecological_redline", "permanent_basic_farmland", "zoning", "land_use"]),
    dict(id="qinghe-central-detailed", level="city", type="detailed", code="330100", region="清河市",
         zh="清河市中心城区湖滨单元详细规划（2021—2035年）",
         en="Qinghe Central Urban Area, Hubin Unit Detailed Plan 2021–2035",
         parent="qinghe-city", bounds=DETAILED_BOUNDS, boundary_id="HB-01", boundary_name="湖滨单元",
         layers=["boundary", "land_use"]),
]

# ---- issue 20: element flows between regions (DESIGN.md §2 flows:, DOMAIN.md FLOW) --------------------
# Xishan sends 20 ha of farmland compensation quota to Dongping (approved by the city); Dongping relocates a
# 2 ha basic-farmland duty to Xishan (异地补划, grade 6 given up, grade 5 designated). Both sides record
# both flows alike, so FLOW-002 and the city's FLOW-005 sums are silent. The relocation is wrong on
# purpose: the city approved it (approved_by 330100), but only the State Council may (FLOW-007, both sides).
# The city runs an industrial park inside Xishan (飞地 FD-01: host Xishan, home the city, counted by the host);
# both declare it, it lies inside Xishan, and the city, whose region contains Xishan, is not held to
# "counted once" (it aggregates its counties' land), so FLOW-009 is silent.
QUOTA_DOC = "清自然资函〔2024〕31号"
PBF_DOC = "清政函〔2024〕7号"
FLOWS = {
    "xishan-county": [
        dict(id="FL-01", kind="farmland_quota", direction="out", counterpart="330127", amount=(20, "ha"),
             paddy=(5, "ha"), document=QUOTA_DOC, approved_by="330100", year=2024,
             comment="20 ha of farmland quota (5 ha paddy) to Dongping"),
        dict(id="FL-02", kind="pbf_relocation", direction="in", counterpart="330127", amount=(2, "ha"), grade=5,
             document=PBF_DOC, approved_by="330100", year=2024,
             comment="Dongping's 2 ha basic-farmland duty, designated here: approved by the city, not the State (FLOW-007)"),
    ],
    "dongping-county": [
        dict(id="FL-01", kind="farmland_quota", direction="in", counterpart="330122", amount=(20, "ha"),
             paddy=(5, "ha"), document=QUOTA_DOC, approved_by="330100", year=2024,
             comment="20 ha of farmland quota (5 ha paddy) from Xishan"),
        dict(id="FL-02", kind="pbf_relocation", direction="out", counterpart="330122", amount=(2, "ha"), grade=6,
             document=PBF_DOC, approved_by="330100", year=2024,
             comment="2 ha of basic-farmland duty designated in Xishan: approved by the city, not the State (FLOW-007)"),
    ],
}
# Farmland ledgers (ha) of the counties trading quota: own occupation and compensation, before flows.
# Xishan 30 + 20 out <= 55; Dongping 60 <= 40 + 20 in (FLOW-005 silent; USE-002 defers to it).
LEDGERS = {
    "xishan-county": {"farmland_occupied": 30, "farmland_compensated": 55},
    "dongping-county": {"farmland_occupied": 60, "farmland_compensated": 40},
}
ENCLAVE = km(19, 17, 19.5, 17.5)
ENCLAVE_PROPS = {"name": "清河市西山飞地产业园", "host": "330122", "home": "330100", "counted_by": "host"}

# Declared urban_development_boundary_area = measured x this factor (DATA-008 in the city only).
UDB_DECLARED_FACTOR = {"qinghe-city": Fraction(102, 100)}

# ---- issue 3: binding indicators and allocations ---------------------------------------------
# water_use_total (100m_m3, 亿立方米) is a figure of its own, with no map behind it.
WATER = {"qinghe-province": Fraction(40), "qinghe-city": Fraction(125, 10),
         "xishan-county": Fraction(23, 10), "dongping-county": Fraction(18, 10)}
# The province has no parcels: its construction-land cap is a figure of its own.
PROVINCE_CONSTRUCTION_KM2 = Fraction(240)

# What the province and the city allocate (docs/plan-package.md), each key in the unit the plans declare it in.
ALLOC_KEYS = [("farmland_retention", "min"), ("permanent_basic_farmland_area", "min"),
              ("ecological_redline_area", "min"), ("urban_development_boundary_area", "max"),
              ("construction_land_total", "max"), ("water_use_total", "max")]
# Regions without a plan in the tree that also receive allocations: (code, name, area, weight). They
# share what the plans' allocations leave in proportion to the line each key counts (ERL, PBF, UDB)
# drawn in their area, else by weight; a region with none of that line drawn gets no allocation of
# the key. Their figures only close the sums; nothing checks them against the lines drawn there.
LINJIANG = [km(48, 0, 64, 36)]
UNPLANNED = {
    "qinghe-province": [("330200", "临江市", LINJIANG, Fraction(3, 5)),
                        ("330300", "南山市", subtract(subtract(PROVINCE, CITY), LINJIANG), Fraction(2, 5))],
    "qinghe-city": [("330102", "清河市湖滨区（中心城区）", dict(UNITS)["city-core"], Fraction(1))],
}
LINE_OF_KEY = {"farmland_retention": PBF, "permanent_basic_farmland_area": PBF, "ecological_redline_area": ERL,
               "urban_development_boundary_area": UDB}
ALLOC_STEP = Fraction(1, 10)     # allocations are round to 0.1 of the unit
ALLOC_MARGIN = Fraction(1, 100)  # and the sums close with at least this much to spare
# HIER-003 (deliberate): the city allocates Dongping 10.5 万亩 (= 7 000 ha) of farmland to keep, more
# than the cultivated land Dongping plans (its declared farmland_retention, from its own land use).
DONGPING_FARMLAND_MIN = Fraction(105, 10)


def step_floor(v):
    return (v // ALLOC_STEP) * ALLOC_STEP


def step_ceil(v):
    return -((-v) // ALLOC_STEP) * ALLOC_STEP


def make_allocations(parent_id, built):
    """{child code: (name, plan id or None, {key: (bound, Fraction, unit)})} for one allocating plan.

    Children with a plan get a floor just under (a cap just over) what they declare, on the 0.1 step,
    except Dongping's farmland (HIER-003); the regions without a plan share the rest so that
    sum(floors) >= own target + margin and sum(caps) <= own cap - margin (HIER-005 silent).
    """
    own = built[parent_id][3]
    kids = [(b[0], b[3]) for b in built.values() if b[0]["parent"] == parent_id and b[0]["type"] == "overall"]
    out = {k["code"]: (k["region"], k["id"], {}) for k, _ in kids}
    out.update({code: (name, None, {}) for code, name, _, _ in UNPLANNED[parent_id]})
    for key, bound in ALLOC_KEYS:
        unit = own[key][1]
        total = Fraction(own[key][0])
        given = Fraction(0)
        for k, ind in kids:
            assert ind[key][1] == unit, (k["id"], key)
            declared = Fraction(ind[key][0])
            if (k["id"], key) == ("dongping-county", "farmland_retention"):
                v = DONGPING_FARMLAND_MIN
                assert v > declared
            else:
                v = step_floor(declared) if bound == "min" else step_ceil(declared)
            out[k["code"]][2][key] = (bound, v, unit)
            given += v
        rest = total - given
        acc = Fraction(0)
        if key in LINE_OF_KEY:
            drawn = [(code, area(intersect([r for d in LINE_OF_KEY[key] for r in d[-1]], where)))
                     for code, _, where, _ in UNPLANNED[parent_id]]
            un = [(code, Fraction(a, sum(a for _, a in drawn))) for code, a in drawn if a > 0]
        else:
            un = [(code, w) for code, _, _, w in UNPLANNED[parent_id]]
        for n, (code, share) in enumerate(un):
            last = n == len(un) - 1
            if bound == "min":
                v = step_ceil(rest - acc + ALLOC_MARGIN) if last else step_ceil(rest * share)
            else:
                v = step_floor(rest - acc - ALLOC_MARGIN) if last else step_floor(rest * share)
            assert v > 0, (parent_id, key, code, v)
            out[code][2][key] = (bound, v, unit)
            acc += v
        closes = given + acc >= total + ALLOC_MARGIN if bound == "min" else given + acc <= total - ALLOC_MARGIN
        assert closes, (parent_id, key, given + acc, total)
    return out


def clip_lines(defs, bounds, with_zone=False):
    out = []
    for d in defs:
        rects = intersect(d[-1], bounds)
        if not rects:
            continue
        f = {"id": d[0], "rects": rects, "props": {}}
        if with_zone:
            f["props"]["zone"] = d[1]
            f["props"]["name"] = d[2]
        elif len(d) == 3:
            f["props"]["name"] = d[1]
        out.append(f)
    return out


def in_plan(rects, bounds):
    inter = area(intersect(rects, bounds))
    assert inter in (0, area(rects)), "feature straddles a plan boundary"
    return inter == area(rects)


def fmt(v, places):
    """Decimal text of a Fraction, trailing zeros trimmed."""
    s = f"{float(v):.{places}f}" if not isinstance(v, Fraction) else _frac(v, places)
    return s.rstrip("0").rstrip(".") if "." in s else s


def _frac(v, places):
    q = round(v * 10 ** places)
    sign = "-" if q < 0 else ""
    q = abs(q)
    whole, part = divmod(q, 10 ** places)
    return f"{sign}{whole}.{part:0{places}d}"


def write_geojson(path, features):
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for f in features:
        props = {"id": f["id"], **f.get("props", {})}
        geom = polygon_geojson(f["rects"]) if "rects" in f else point_geojson(*f["xy"])
        lines.append(json.dumps({"type": "Feature", "id": f["id"], "properties": props, "geometry": geom},
                                ensure_ascii=False, separators=(",", ":")))
    path.write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n",
                    encoding="utf-8")


def yaml_str(s):
    return json.dumps(s, ensure_ascii=False)


def write_flows(out, flows):
    out.append("flows:                                # what crosses the boundary (DESIGN.md §2)")
    for f in flows:
        out.append(f"  # {f['comment']}")
        out.append(f"  - id: {f['id']}")
        for key in ("kind", "direction", "counterpart", "amount", "paddy", "grade", "document", "approved_by", "year"):
            if key not in f:
                continue
            v = f[key]
            if key in ("amount", "paddy"):
                v = f"{{ value: {v[0]}, unit: {v[1]} }}"
            elif key in ("counterpart", "approved_by", "document"):
                v = yaml_str(v)
            out.append(f"    {key}: {v}")


def write_manifest(path, plan, indicators, allocations=None, approvals=None):
    out = [
        "schema: elementflow/plan/v1",
        f"id: {plan['id']}",
        "name:",
        f"  zh: {yaml_str(plan['zh'])}",
        f"  en: {yaml_str(plan['en'])}",
        f"level: {plan['level']}",
        f"type: {plan['type']}",
        "region:",
        f"  code: \"{plan['code']}\"",
        f"  name: {plan['region']}",
        "period:",
        "  base: 2020",
        "  target: 2035",
    ]
    if plan["parent"]:
        out.append(f"parent: ../{plan['parent']}")
    out.append(f"crs: {EPSG}")
    out.append("layers:")
    out += [f"  {role}: layers/{role}.geojson" for role in plan["layers"]]
    if indicators:
        out.append("indicators:")
        for key, (value, unit, comment) in indicators.items():
            out.append(f"  {key}: {{ value: {value}, unit: {unit} }}" + (f"   # {comment}" if comment else ""))
    else:
        out.append("indicators: {}")
    if allocations:
        out.append("allocations:                          # keyed by the child's region code")
        for code, (name, child, keys) in allocations.items():
            out.append(f"  \"{code}\":   # {name}" + (f" ({child})" if child else ", no plan in this tree"))
            for key, (bound, v, unit) in keys.items():
                out.append(f"    {key}: {{ {bound}: {fmt(v, 6)}, unit: {unit} }}")
    if approvals:
        out.append("approvals:                            # documented exceptions (docs/plan-package.md)")
        for a in approvals:
            out.append(f"  # {a['comment']}")
            out.append(f"  - id: {a['id']}")
            out.append(f"    document: {yaml_str(a['document'])}")
            out.append(f"    rule: {a['rule']}")
            feats = ", ".join(f"{role}: [{', '.join(yaml_str(i) for i in ids)}]" for role, ids in a["features"].items())
            out.append(f"    features: {{ {feats} }}")
            out.append(f"    expires: {a['expires']}")
    if plan["id"] in FLOWS:
        write_flows(out, FLOWS[plan["id"]])
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# ---- issue 4: approvals (docs/plan-package.md) ------------------------------------------------------------
# The city documents two exceptions. ADJ-2024-015 approves UDB-01's reach into ERL-04 (LINE-003) and waives
# that finding; WVR-2023-008 once waived the urban-housing parcel outside the UDB (LINE-006) but expired on
# 2024-12-31, so it waives nothing and ELAS-007 reports it (the check runs on today's date).
# The feature ids of land-use parcels are only known once the world is numbered: "@LINE-006" stands for
# the id of that carve.
APPROVALS = {
    "qinghe-city": [
        dict(id="ADJ-2024-015", document="浙自然资函〔2024〕15号", rule="LINE-003",
             features={"ecological_redline": ["ERL-04"]}, expires="2099-12-31",
             comment="UDB-01 reaches 100 x 30 m into ERL-04 (LINE-003): an approved adjustment, current"),
        dict(id="WVR-2023-008", document="清自然资函〔2023〕8号", rule="LINE-006",
             features={"land_use": ["@LINE-006"]}, expires="2024-12-31",
             comment="the urban-housing parcel outside the UDB (LINE-006): expired, waives nothing (ELAS-007)"),
    ],
}


def approvals_of(pid, carve):
    out = []
    for a in APPROVALS.get(pid, []):
        a = dict(a)
        a["features"] = {role: [carve[i[1:]]["id"] if i.startswith("@") else i for i in ids]
                         for role, ids in a["features"].items()}
        out.append(a)
    return out


def construction(code):
    return code[:2] in {"06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16"}


def main():
    land_use = build_land_use()
    zoning = build_zoning()
    residential, facilities, subdistricts = build_people(land_use)
    detailed_plots, overlap_d005 = build_detailed(land_use)
    carve = {p["tag"]: p for p in land_use if p["tag"]}
    zone_of_carve = {}
    for tag, p in carve.items():
        r = p["rects"][0]
        zone_of_carve[tag] = next(z for z in zoning if area(intersect([r], z["rects"])) == r_area(r))

    for d in ROOT.iterdir():
        if d.is_dir() and (d / "plan.yaml").exists():
            shutil.rmtree(d)

    expected = {}
    summary = []
    built = {}
    for plan in PLANS:
        pid, bounds = plan["id"], plan["bounds"]
        folder = ROOT / pid
        layers = {}
        layers["boundary"] = [{"id": plan["boundary_id"], "rects": bounds,
                               "props": {"name": plan.get("boundary_name", plan["region"]),
                                         "code": plan["code"]}}]
        if "ecological_redline" in plan["layers"]:
            layers["ecological_redline"] = clip_lines(ERL, bounds)
            layers["permanent_basic_farmland"] = clip_lines(PBF, bounds)
            if pid == "xishan-county":  # HIER-008: Xishan leaves a piece of ERL-01 out of its red line
                fid, drop = XISHAN_ERL_DROP
                f = next(f for f in layers["ecological_redline"] if f["id"] == fid)
                assert inside([drop], f["rects"])
                f["rects"] = subtract(f["rects"], [drop])
        if "urban_development_boundary" in plan["layers"]:
            layers["urban_development_boundary"] = clip_lines(UDB, bounds, with_zone=True)
        if "zoning" in plan["layers"]:
            zs = [dict(z) for z in zoning if in_plan(z["rects"], bounds)]
            if pid == "xishan-county":  # the piece left out of the red line is zoned ecological_control
                _, drop = XISHAN_ERL_DROP
                host = next(z for z in zs if inside([drop], z["rects"]))
                assert host["zone"] == "ecological_protection"
                host["rects"] = subtract(host["rects"], [drop])
                zs.append({"id": f"ZN-{len(zoning) + 1:03d}", "zone": "ecological_control", "rects": [drop]})
            layers["zoning"] = [{"id": z["id"], "rects": z["rects"],
                                 "props": {"zone": z["zone"], "name": ZONE_ZH[z["zone"]]}} for z in zs]
        if plan["type"] == "detailed":
            layers["land_use"] = [{"id": p["id"], "rects": p["rects"], "props": {"code": p["code"], **p["attrs"]}}
                                  for p in detailed_plots]
        elif "land_use" in plan["layers"]:
            layers["land_use"] = [{"id": p["id"], "rects": p["rects"], "props": {"code": p["code"], **p["attrs"]}}
                                  for p in land_use if in_plan(p["rects"], bounds) and pid not in p["omit_in"]]
        if "residential" in plan["layers"]:
            layers["residential"] = [{"id": r["id"], "rects": r["rects"],
                                      "props": {"name": r["name"], "population": r["population"]}}
                                     for r in residential if in_plan(r["rects"], bounds)]
            layers["facilities"] = [{"id": f["id"], "xy": f["xy"], "props": {"kind": f["kind"], "name": f["name"]}}
                                    for f in facilities if contains_pt(bounds, *f["xy"])]
            layers["subdistricts"] = [{"id": s["id"], "rects": s["rects"],
                                       "props": {"code": s["code"], "name": s["name"], "population": s["population"]}}
                                      for s in subdistricts if in_plan(s["rects"], bounds)]
        if "enclaves" in plan["layers"]:
            assert inside([ENCLAVE], XISHAN) and not area(intersect([ENCLAVE], LIANHUA))
            layers["enclaves"] = [{"id": "FD-01", "rects": [ENCLAVE], "props": dict(ENCLAVE_PROPS)}]
        for role in plan["layers"]:
            write_geojson(folder / "layers" / f"{role}.geojson", layers[role])

        # ---- indicators, computed from the plan's own final geometry
        ind = {}

        def sum_area(role):
            return sum(area(f["rects"]) for f in layers.get(role, []))

        if plan["type"] == "overall":
            pbf_m2 = sum_area("permanent_basic_farmland")
            if "land_use" in layers:
                cult = sum(area(f["rects"]) for f in layers["land_use"] if f["props"]["code"].startswith("01"))
            else:  # no parcels at province level: the city's cultivated land plus 1.1 x the PBF elsewhere
                city_cult = sum(area(p["rects"]) for p in land_use if p["code"].startswith("01"))
                outside_pbf = pbf_m2 - sum(area(intersect(d[-1], CITY)) for d in PBF)
                cult = city_cult + outside_pbf * Fraction(11, 10)
            ind["farmland_retention"] = (fmt(Fraction(cult) / MU_10K_M2, 6), "10k_mu", "")
            ind["permanent_basic_farmland_area"] = (fmt(Fraction(pbf_m2) / MU_10K_M2, 8), "10k_mu",
                                                    f"= {pbf_m2} m2")
            if plan["level"] != "township":
                erl_m2 = sum_area("ecological_redline")
                ind["ecological_redline_area"] = (fmt(Fraction(erl_m2, 10 ** 6), 6), "km2", f"= {erl_m2} m2")
            if plan["level"] == "province":  # own caps, so that its allocations can close (HIER-005)
                udb_m2 = sum_area("urban_development_boundary")
                ind["urban_development_boundary_area"] = (fmt(Fraction(udb_m2, 10 ** 6), 6), "km2",
                                                          f"= {udb_m2} m2")
            if plan["level"] in ("city", "county"):
                udb_m2 = sum_area("urban_development_boundary")
                factor = UDB_DECLARED_FACTOR.get(pid, Fraction(1))
                declared = Fraction(udb_m2, 10 ** 6) * factor
                note = f"measured {fmt(Fraction(udb_m2, 10 ** 6), 6)} km2" + (
                    f"; declared x {fmt(factor, 2)} (DATA-008)" if factor != 1 else "")
                ind["urban_development_boundary_area"] = (fmt(declared, 6), "km2", note)
                ind["urban_construction_land_base"] = (fmt(plan["base_km2"], 6), "km2",
                                                       f"UDB / base = {fmt(Fraction(udb_m2, 10**6) / plan['base_km2'], 6)}")
            if "land_use" in layers:
                cons = sum(area(f["rects"]) for f in layers["land_use"] if construction(f["props"]["code"]))
                ind["construction_land_total"] = (fmt(Fraction(cons, 10 ** 6), 6), "km2", "")
            elif plan["level"] == "province":
                ind["construction_land_total"] = (fmt(PROVINCE_CONSTRUCTION_KM2, 6), "km2",
                                                  "own cap; no parcels at province level")
            if pid in WATER:
                ind["water_use_total"] = (fmt(WATER[pid], 6), "100m_m3", "own figure; no map behind it")
        ind.update(equity_indicators(pid, plan, layers))
        for k, v in LEDGERS.get(pid, {}).items():
            ind[k] = (fmt(Fraction(v), 6), "ha", "farmland ledger, before flows")
        built[pid] = (plan, folder, layers, ind)

    allocs = {pid: make_allocations(pid, built) for pid in UNPLANNED}
    for plan in PLANS:
        pid = plan["id"]
        _, folder, layers, ind = built[pid]
        approvals = approvals_of(pid, carve)
        write_manifest(folder / "plan.yaml", plan, ind, allocs.get(pid), approvals)
        waiver = {}  # (rule, "layer/id") -> approval id, for the current (unexpired) approvals
        for a in approvals:
            if a["expires"] >= "2026-11-24":  # CI checks with today's date, 2026-11-24 or later
                for role, ids in a["features"].items():
                    waiver.update({(a["rule"], f"{role}/{i}"): a["id"] for i in ids})

        # ---- expected findings (with "where" and "why" for the README only)
        F = []

        def add(rule, severity, subjects, value, where, why):
            f = {"rule": rule, "severity": severity, "subjects": subjects, "value": value,
                 "_where": where, "_why": why}
            by = next((waiver[(rule, s)] for s in subjects if (rule, s) in waiver), None)
            if by:
                f["waived_by"] = by
                f["_why"] += f" Waived by approval {by} ({next(a['document'] for a in approvals if a['id'] == by)})."
            F.append(f)

        lu = lambda tag: f"land_use/{carve[tag]['id']}"
        zn = lambda tag: f"zoning/{zone_of_carve[tag]['id']}"
        rect_of = lambda tag: CARVES[tag][0]
        if pid in ("qinghe-province", "qinghe-city"):
            add("LINE-001", "error", ["ecological_redline/ERL-04", "permanent_basic_farmland/PBF-05"],
                float(r_area(P_LINE001)), P_LINE001,
                "PBF-05 reaches 60 x 40 m west into ERL-04; the land there is cultivated (0101) and zoned "
                "farmland_protection. The conflict is in the issued lines, so the province reports it too.")
        if pid == "qinghe-city":
            add("LINE-002", "error", ["urban_development_boundary/UDB-01", "permanent_basic_farmland/PBF-04"],
                float(r_area(P_LINE002)), P_LINE002,
                "PBF-04 reaches 80 x 50 m north into UDB-01's industrial belt; the land there is cultivated "
                f"({carve['LINE-002']['id']}, 0101), so LINE-008 stays quiet.")
            add("LINE-003", "error", ["urban_development_boundary/UDB-01", "ecological_redline/ERL-04"],
                float(r_area(P_LINE003)), P_LINE003,
                "UDB-01 reaches 100 x 30 m north into ERL-04; the land there stays forest (0301) and zoned "
                "ecological_protection, so nothing else fires.")
            add("LINE-006", "error", [lu("LINE-006")], float(r_area(rect_of("LINE-006"))), rect_of("LINE-006"),
                "A 120 x 90 m urban-housing parcel (0701) in a village cell (0703) of the rural_development zone, "
                "outside every UDB.")
            add("LINE-007", "error", ["ecological_redline/ERL-04", lu("LINE-007-error")],
                float(r_area(rect_of("LINE-007-error"))), rect_of("LINE-007-error"),
                "An 80 x 50 m factory (1001) inside ERL-04 with no limited_activity.")
            add("LINE-007", "info", ["ecological_redline/ERL-04", lu("LINE-007-info")],
                float(r_area(rect_of("LINE-007-info"))), rect_of("LINE-007-info"),
                "A 40 x 30 m heritage-site parcel (1504) inside ERL-04 tagged limited_activity: 3 "
                "(approved archaeology and heritage protection): for the reviewer.")
            add("LINE-008", "error", ["permanent_basic_farmland/PBF-04", lu("LINE-008")],
                float(r_area(rect_of("LINE-008"))), rect_of("LINE-008"),
                "An 80 x 60 m community-services parcel (0702) inside PBF-04.")
            add("DATA-007", "warning", [lu("DATA-007")], float(r_area(rect_of("DATA-007"))), rect_of("DATA-007"),
                "A 15 x 12 m road parcel (1207) at a corner of an industrial cell in UDB-01; land use still tiles.")
            udb_m2 = sum(area(f["rects"]) for f in layers["urban_development_boundary"])
            add("DATA-008", "error", [], 0.02, None,
                f"urban_development_boundary_area is declared as {ind['urban_development_boundary_area'][0]} km2 "
                f"but the layer measures {fmt(Fraction(udb_m2, 10**6), 6)} km2: abs(declared − measured) / measured "
                f"= 0.02. (LINE-004 stays under 1.3 with either area: {fmt(Fraction(udb_m2, 10**6) / plan['base_km2'], 3)}"
                f" / {fmt(Fraction(ind['urban_development_boundary_area'][0]) / plan['base_km2'], 3)}.)")
            because = {"LINE-007-error": "1001 (construction) in ecological_protection",
                       "LINE-007-info": "1504 (construction) in ecological_protection; the limited_activity tag "
                                        "does not enter the zone x code matrix",
                       "LINE-008": "0702 in farmland_protection (only 01–05, 06, 17, 23 allowed)",
                       "LINE-006": "0701 in rural_development (which denies 0701 and 0702)",
                       "ELAS-003": "reserved land 16 (construction) in farmland_protection (only 01–05, 06, 17, 23 "
                                   "allowed)"}
            for tag in ("LINE-007-error", "LINE-007-info", "LINE-008", "LINE-006", "ELAS-003"):
                add("USE-001", "error", [lu(tag), zn(tag)], float(r_area(rect_of(tag))), rect_of(tag),
                    f"Same parcel as {tag[:8]}: {because[tag]}, by the matrix of rules/use.yaml.")
            # ---- issue 4: reserved land on basic farmland, and the approvals
            tag, pbf_id = "ELAS-003", "PBF-07"
            assert inside([rect_of(tag)], next(d[-1] for d in PBF if d[0] == pbf_id))
            add("ELAS-003", "error", [lu(tag), f"permanent_basic_farmland/{pbf_id}"], float(r_area(rect_of(tag))),
                rect_of(tag),
                f"A 120 x 50 m reserved-land parcel (16, 留白) in a cultivated cell of {pbf_id}, in the south of the "
                "city outside both counties: reserved land may not take basic farmland.")
            add("ELAS-004", "warning", [lu(tag)], float(r_area(rect_of(tag))), rect_of(tag),
                "Same parcel as ELAS-003: it lies outside every UDB and in farmland_protection, not in a "
                "rural_development zone.")
            add("LINE-008", "error", [f"permanent_basic_farmland/{pbf_id}", lu(tag)], float(r_area(rect_of(tag))),
                rect_of(tag),
                f"Same parcel as ELAS-003: {pbf_id} is covered by land use other than cultivated (16).")
            expired = next(a for a in approvals if a["expires"] < "2026-11-24")
            add("ELAS-007", "warning", [f"approvals/{expired['id']}"], None, None,
                f"Approval {expired['id']} ({expired['document']}, rule {expired['rule']}, feature "
                f"{', '.join(i for ids in expired['features'].values() for i in ids)}) expired on {expired['expires']}: "
                f"it waives nothing (the {expired['rule']} finding stays an error) and is reported.")
        if pid == "dongping-county":
            add("LINE-004", "error", [], 1.45, None,
                "UDB-06 (concentrated, 6.125 km2) + UDB-07 (flexible, 1.125 km2) = 7.25 km2, declared as such, "
                "against urban_construction_land_base 5 km2: 7.25 / 5 = 1.45 > 1.3.")
            add("DATA-006", "error", ["boundary/330127"], float(r_area(rect_of("DATA-006"))), rect_of("DATA-006"),
                f"Parcel {carve['DATA-006']['id']} (100 x 50 m, 0103; present in qinghe-city) is missing from "
                "Dongping's land_use file: a 5 000 m2 hole in the cover (zoning still covers it).")
        if pid == "dongping-county":
            udb = {f["id"]: area(f["rects"]) for f in layers["urban_development_boundary"]}
            flex, conc = Fraction(udb["UDB-07"]), Fraction(udb["UDB-06"])
            assert Fraction(15, 100) < flex / conc <= Fraction(20, 100)
            add("ELAS-001", "warning", [], float(flex / conc), None,
                f"Dongping's flexible zone UDB-07 ({fmt(flex / 10 ** 6, 3)} km2: the north-east residential module and "
                f"the north half of the industrial corner are reserved land 16) is {fmt(flex / conc, 4)} of its "
                f"concentrated zone UDB-06 ({fmt(conc / 10 ** 6, 3)} km2), above 0.15; the UDB total stays 7.25 km2. "
                "Under rules/profiles/example-province.yaml (cap 0.20) it does not fire.")
        if pid == "qinghe-central-detailed":
            mixed = next(p for p in detailed_plots if p["tag"] == "ELAS-005")
            add("ELAS-005", "warning", [f"land_use/{mixed['id']}"], ELAS_005_SHARE, mixed["rects"][0],
                f"Commercial plot {mixed['id']} (0901) gives secondary_share {ELAS_005_SHARE} to other uses, above 0.40; "
                "its main use keeps 0.55, still a majority, so a warning (0.5 or more would be an error).")
            a = next(p for p in detailed_plots if p["tag"] == "DATA-005-a")["id"]
            b = next(p for p in detailed_plots if p["tag"] == "DATA-005-b")["id"]
            d = DETAILED[0]
            add("DATA-005", "error", [f"land_use/{a}", f"land_use/{b}"], float(overlap_d005),
                (d[0] + 125, d[1], d[0] + 155, d[1] + 40),
                f"Housing plot {a} (0701) reaches 30 x 40 m east into plot {b}: overlap 1 200 m2 "
                "(no gap, so DATA-006 is silent).")
            # HIER-007: the unit reaches into the farmland window PBF-13, outside the city's UDB
            hp = next(p for p in detailed_plots if p["tag"] == "HIER-007")
            ov = area(intersect(hp["rects"], [P_WINDOW]))
            add("HIER-007", "error", [f"land_use/{hp['id']}", "permanent_basic_farmland/PBF-13"], float(ov),
                hp["rects"][0],
                f"Commercial plot {hp['id']} (0901, 150 x 100 m) lies on the city's basic farmland PBF-13, the "
                "window (开天窗) cut out of UDB-01 south of the unit; the city's own land use there is cultivated, "
                "so the city stays clean.")
            outside = area(subtract(DETAILED_BOUNDS, [r for d in UDB for r in d[-1]]))
            add("HIER-007", "error", [f"boundary/{plan['boundary_id']}"], float(outside), DETAILED_EXT,
                "The unit's boundary reaches 200 x 100 m south into PBF-13, outside the city's UDB: the "
                f"commercial plot plus a 50 x 100 m cultivated plot ({DETAILED_EXT_PLOTS[1][1]}, not construction, "
                "so only this finding covers it).")
        if pid == "dongping-county":
            _, _, keys = allocs["qinghe-city"][plan["code"]]
            _, lim, unit = keys["farmland_retention"]
            declared = Fraction(ind["farmland_retention"][0])
            assert ind["farmland_retention"][1] == unit == "10k_mu" and declared < lim
            ha = lambda v: v * MU_10K_M2 / 10_000
            add("HIER-003", "error", ["indicators/farmland_retention"], float(ha(declared)), None,
                f"Dongping declares farmland_retention {fmt(declared, 6)} 万亩 = {fmt(ha(declared), 2)} ha "
                f"(its own cultivated land) but qinghe-city allocates 330127 min {fmt(lim, 6)} 万亩 = "
                f"{fmt(ha(lim), 2)} ha; the city's other allocations still close (HIER-005 silent).")
        if pid == "xishan-county":
            fid, drop = XISHAN_ERL_DROP
            add("HIER-008", "error", [f"ecological_redline/{fid}"], float(r_area(drop)), drop,
                f"Xishan's red line leaves a 200 x 150 m piece of the city's {fid} out (a hole in its {fid}), zoned "
                "ecological_control; its declared ecological_redline_area (32.97 km2) matches its own layer and "
                "stays above the city's allocation (32.9 km2), so only the location is wrong.")
        if pid == "xishan-lianhua-township":
            add("HIER-002", "error", [f"plan/{pid}"], None, None,
                f"Region code {plan['code']} is a Dongping (330127) code, but the parent is xishan-county "
                "(330122): the code does not lie in the parent's.")
        for f in FLOWS.get(pid, []):
            if f["kind"] == "pbf_relocation" and f["approved_by"] != "000000":
                add("FLOW-007", "error", [f"flows/{f['id']}"], None, None,
                    f"Flow {f['id']} ({f['direction']}) relocates {f['amount'][0]} ha of basic-farmland duty between Xishan and "
                    f"Dongping, approved by {f['approved_by']} (the city, {PBF_DOC}); relocating basic farmland needs the "
                    "State Council (000000). Both sides record it alike, so FLOW-002 is silent; the floors hold.")
        F += equity_findings(pid, plan, layers)
        F.sort(key=lambda f: (f["rule"], f["subjects"], f["severity"]))
        doc = {"plan": pid, "exit_code": 1 if any(f["severity"] == "error" and "waived_by" not in f for f in F) else 0,
               "findings": [{k: v for k, v in f.items() if not k.startswith("_") and not (k == "value" and v is None)}
                            for f in F]}
        (folder / "expected-findings.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        expected[pid] = F
        summary.append((pid, {role: len(fs) for role, fs in layers.items()}, doc))

    write_readme(expected, allocs, built)
    for pid, counts, doc in summary:
        print(f"{pid:26s} exit {doc['exit_code']}  findings {len(doc['findings']):2d}  "
              + " ".join(f"{k}={v}" for k, v in counts.items()))
    rc = subprocess.call([sys.executable, str(HERE / "verify_examples.py")])
    sys.exit(rc)


# ============================================================== README

def write_readme(expected, allocs, built):
    rows = []
    for pid, findings in expected.items():
        for f in findings:
            subj = ", ".join(f"`{x}`" for x in f["subjects"]) or "— (plan)"
            val = f["value"]
            vtxt = "—" if val is None else f"{val:g}" if val < 10 else f"{val:,.0f}" if val == int(val) else f"{val:,.2f}"
            w = f["_where"]
            where = "—" if w is None else f"{X0 + w[0]}, {Y0 + w[1]} – {X0 + w[2]}, {Y0 + w[3]}"
            sev = f["severity"] + (f" (waived by {f['waived_by']})" if f.get("waived_by") else "")
            rows.append(f"| {pid} | {f['rule']} | {sev} | {subj} | {vtxt} | {where} | {f['_why']} |")
    city = built["qinghe-city"]
    city_udb = sum(area(f["rects"]) for f in city[2]["urban_development_boundary"])
    xishan = built["xishan-county"]
    xishan_udb = sum(area(f["rects"]) for f in xishan[2]["urban_development_boundary"])
    ratio = lambda m2, b: fmt(Fraction(m2, 10 ** 6) / b["base_km2"], 3)
    text = (README_HEAD + "\n".join(rows) + "\n" + README_TAIL
            .replace("@CITY_RATIO_DECLARED@", fmt(Fraction(city[3]["urban_development_boundary_area"][0]) / city[0]["base_km2"], 3))
            .replace("@DONGPING_FLEX@", dongping_flex(built))
            .replace("@CITY_RATIO@", ratio(city_udb, city[0]))
            .replace("@XISHAN_RATIO@", ratio(xishan_udb, xishan[0]))
            .replace("@ALLOCATIONS@", allocation_tables(allocs, built))
            .replace("@LINJIANG_UDB@", fmt(allocs["qinghe-province"]["330200"][2]["urban_development_boundary_area"][1], 6)))
    (ROOT / "README.md").write_text(text, encoding="utf-8")


def dongping_flex(built):
    udb = {f["id"]: area(f["rects"]) for f in built["dongping-county"][2]["urban_development_boundary"]}
    return fmt(Fraction(udb["UDB-07"], udb["UDB-06"]), 4)


def allocation_tables(allocs, built):
    out = []
    for parent_id, table in allocs.items():
        own = built[parent_id][3]
        head = [f"{key} {'≥' if bound == 'min' else '≤'} ({own[key][1]})" for key, bound in ALLOC_KEYS]
        out.append(f"**{parent_id}** allocates (the child's declared figure in brackets):\n")
        out.append("| region | plan | " + " | ".join(head) + " |")
        out.append("|---|---|" + "---|" * len(head))
        sums = {key: Fraction(0) for key, _ in ALLOC_KEYS}
        for code, (name, child, keys) in table.items():
            cells = []
            for key, _ in ALLOC_KEYS:
                if key not in keys:
                    cells.append("—")
                    continue
                _, v, _ = keys[key]
                sums[key] += v
                txt = fmt(v, 6)
                if child:
                    txt += f" ({built[child][3][key][0]})"
                cells.append(txt)
            out.append(f"| {code} {name} | {child or '— (none)'} | " + " | ".join(cells) + " |")
        out.append("| **sum** | | " + " | ".join(fmt(sums[k], 6) for k, _ in ALLOC_KEYS) + " |")
        out.append(f"| **own** | {parent_id} | " + " | ".join(own[k][0] for k, _ in ALLOC_KEYS) + " |")
        out.append("")
    return "\n".join(out)


README_HEAD = """# Example plans

A small, fictional but internally consistent plan tree for trying ElementFlow and for its
conformance tests: every package carries `expected-findings.json`, the complete list of findings
the built-in rules must report on it, and the exit code of `elementflow check` with the default
`--fail-on error`.

Everything here is generated: edit `tools/make_examples.py` and run

    python3 example-plans/tools/make_examples.py

which rewrites the packages, this README and the expected findings, then runs
`tools/verify_examples.py`. The verifier reads only the written files and recomputes, by exact
integer and rational arithmetic, every tiling, overlap, containment, indicator, life-circle
distance, parent–child line comparison and allocation, and fails unless the findings it derives are
exactly the expected ones. It also recomputes the flows between regions (FLOW rules) a check of
the whole tree adds, and fails unless there are none beyond the packages' own.

Try it: `elementflow check example-plans` checks the whole tree at once (exit 1) and reports exactly
the findings of the packages below; the flows balance across the tree, so checking it whole adds no
FLOW finding. Every package carries at least one deliberate finding; the quietest is
`example-plans/xishan-county`, whose findings are HIER-008 against its parent (the checker loads
`../qinghe-city` as context) and the seeded FLOW-007.

## The tree

```
qinghe-province            province  overall   330000     清河省               (parent: —)
└── qinghe-city            city      overall   330100     清河市
    ├── xishan-county      county    overall   330122     西山县               (HIER-008, FLOW-007)
    │   └── xishan-lianhua-township
    │                      township  overall   330127101  莲花镇               (HIER-002: a Dongping code)
    ├── dongping-county    county    overall   330127     东平县               (FLOW-007)
    └── qinghe-central-detailed
                           city      detailed  330100     湖滨单元 (in UDB-01, reaching into PBF-13)
```

All layers are in EPSG:4527 (CGCS2000 / 3-degree Gauss-Krüger zone 39, easting with the zone
prefix): x 39 456 000–39 520 000, y 3 318 000–3 362 000. One world is modelled once and each
package holds it clipped to its boundary, so ERL, PBF and UDB features keep their ids and their
geometry from the province down to the township (HIER-008; the one exception is the piece of
ERL-01 Xishan leaves out), and land-use, zoning, residential, facility and subdistrict features keep
their ids from the city down.

- **World**: rural land in 500 m cells, urban land in 250 m cells. Inside each concentrated
  zone, 500 m residential modules (two housing cells 0701, a park 1401, a service cell 0702 or
  080403 with kindergarten, primary school, elderly care and clinic); middle schools, culture and
  sports centres placed so every home is within 900 m; one health centre per subdistrict; an
  industrial belt (1001); in the city core a lake (1702) ringed by park. Flexible zones are
  reserved land (16), the special-use zone protective green (1402). Basic farmland enclosed by a
  UDB is a hole in it (开天窗): PBF-06 in UDB-04 (Xishan) and PBF-13 in UDB-01 (a 250 m cultivated
  cell south of the detailed unit).
- **Zoning** follows the lines: farmland_protection = PBF, ecological_protection = ERL outside
  PBF, urban_development = UDB outside both, ecological_control on a few forest areas,
  rural_development elsewhere. Zoning polygons never cross a county or township boundary.
- **Indicators** are computed from each package's final geometry (ERL, PBF, UDB areas to the
  square metre; farmland_retention = cultivated land 01 in land_use; construction_land_total =
  codes 06–16), except the one deliberately wrong value in qinghe-city. water_use_total (city,
  counties, province) and the province's construction_land_total are figures of their own; the
  province also declares its UDB area (from its layer) so that its caps can close.
- **Allocations** (docs/plan-package.md): the province allocates to qinghe-city and to two cities without a
  plan here, the city to its two counties and to its central district 330102 (no plan here); see
  the tables below.
- **Subdistricts** are the urban 街道 only (they do not tile the county), so every subdistrict has
  residents for the life-circle rules.

## Deliberate findings

Subjects are `layer/id` in the order the rule names its layers (`a` then `b`, as in
`rules/redlines.yaml` and `rules/data.yaml`); plan-level findings have no subjects and are pinned by
their value, except the hierarchy findings, which name `indicators/<key>` (HIER-003/004/005) or
`plan/<plan id>` (HIER-002). Values are the rule's measure: m² for overlaps, outside areas, gaps,
slivers and dropped red line; `expansion_ratio` for LINE-004; `relative_difference_ratio` for
DATA-008; `flexible_share_ratio` for ELAS-001 and `secondary_share_ratio` for ELAS-005; for HIER-003/004
the child's declared figure in ha (10k_mu × 2000/3, km2 × 100; the limit is the allocation in ha);
HIER-002 and ELAS-007 (subject `approvals/<approval id>`) have no value; the EQUI rules measure shares (0–1),
and EQUI-010 the absolute difference between declared and measured.

A finding an approval waives is still listed: the report gives it `waived_by` (the approval and its
document) and it no longer counts as an error; `expected-findings.json` names the approval in
`"waived_by"`, and `exit_code` follows from the unwaived errors only.

`where` is the violation's rectangle in EPSG:4527 (x_min, y_min – x_max, y_max).

| plan | rule | severity | subjects | value | where | why |
|---|---|---|---|---|---|---|
"""

README_TAIL = """
Everything else is clean by construction and checked by the verifier: land_use and zoning tile
each boundary exactly (except the two deliberate cases), every feature lies inside its boundary,
no polygon is under 200 m², ids are unique, codes are in the code lists, declared ERL/PBF/UDB
areas match the layers to the square metre, UDB / base ≤ 1.3 (city @CITY_RATIO@, Xishan @XISHAN_RATIO@), flexible
≤ 0.15 × concentrated zone (except Dongping's), reserved land only inside the UDB (except the
city's parcel on PBF-07), no construction land or reserved land in ERL or PBF (except the
deliberate parcels), mixed plots of the detailed unit within 0.40 secondary share (except one),
every approval documented, naming a rule of the catalogue and existing features (one expired),
children's boundaries inside their parent's
and not overlapping, the detailed unit inside the city's concentrated zone (except its strip in
PBF-13), every child's ERL, PBF and UDB equal to its parent's inside its boundary (except Xishan's
ERL-01), every child's region code inside its parent's (except Lianhua's), every city and county
declaring all six binding indicators, every declared figure within its allocation (except
Dongping's farmland) and every allocation closing, and every resident
within 300 m of a kindergarten, elderly care and green space, 500 m of a primary school and a
park ≥ 1 ha, and 1000 m of a middle school, clinic, health centre, culture and sports facility,
except in the west of 清波街道 (below); park green ≥ 8 m² per person; one health centre per
subdistrict; the lake shore inside the UDB is park except where it was given to hotels (below);
declared life_circle_coverage and park_green_per_capita match the map except in qinghe-city.

## Equity (EQUI): what the life-circle rules see

Distances are straight lines (no package has a `roads` layer): homes are the 0701 cells inside the
UDB, counted at their centre with their `population`; facilities are points; green space is
reached at its nearest edge. The per-subdistrict coverage table of the report lists the same
shares (`elementflow check example-plans/qinghe-city`).

- **清波街道 (SD-01) is left behind.** West of x = 39 483 000 its modules got no culture or sports
  centre of their own (`UNDERSERVED_AREA` in make_examples.py): 54.9 % of its 88 100 residents have
  all five basic services (health care, elderly care, primary school, culture, sports) within
  1000 m, against 100 % everywhere else. EQUI-008 reports the subdistrict below the 0.60 floor and
  the 45.1-point gap to the best subdistrict (望江街道, the first of the equals); the city as a whole
  stays at 93.7 % (culture and sports), so EQUI-001 is silent — the average hides the district.
- **The lake's north and east shore is private.** The four lake-park cells beside the north and
  east shore are hotels and offices (0901): 1000 of the 2000 m of shore inside the UDB are bordered
  by public land (EQUI-009, subjects the four parcels).
- **qinghe-city declares 100 % life-circle coverage** while the map shows 93.7 %: EQUI-010 (value
  0.063, absolute). Its park_green_per_capita and both counties' declarations match the map.
- EQUI-005 applies to detailed plans only (docs/rules.md), and the detailed plan has no homes.

## Allocations

Floors (`min`: farmland_retention, permanent_basic_farmland_area, ecological_redline_area) and caps
(`max`: urban_development_boundary_area, construction_land_total, water_use_total), in the unit each
plan declares the key in. A child with a plan gets a floor just under (a cap just over) its own
figure on a 0.1 step, so several comparisons are equalities (at least / at most include equality);
the regions without a plan share the rest so that every sum closes with at least 0.01 to spare:
Σ floors ≥ own target, Σ caps ≤ own cap (HIER-005 silent everywhere).

@ALLOCATIONS@
## Flows between regions (要素流动)

The counties trade across their common boundary, and the city holds an enclave in Xishan (DESIGN.md
§2 `flows:` and the `enclaves` layer; rules/flows.yaml):

| flow | kind | from → to | amount | document | approved by | on purpose |
|---|---|---|---|---|---|---|
| FL-01 | farmland_quota (补充耕地指标) | Xishan 330122 → Dongping 330127 | 20 ha (5 ha paddy) | 清自然资函〔2024〕31号 | 330100 (the city) | fine |
| FL-02 | pbf_relocation (永久基本农田异地补划) | Dongping → Xishan (the duty moves; grade 6 given up, grade 5 designated) | 2 ha | 清政函〔2024〕7号 | 330100 (the city) | **wrong**: only the State Council (000000) may approve it; FLOW-007 on both sides |
| FD-01 | enclave (飞地) 清河市西山飞地产业园 | home the city 330100, host Xishan | 0.25 km2 (x 19–19.5 km, y 17–17.5 km of the grid) | — | — | fine |

Both counties record both flows alike (opposite direction; same kind, document, approver, year and
amounts), so FLOW-002 is silent when the tree is checked whole, and the farmland quota nets to zero
in the city (FLOW-005). Each county's farmland ledger balances with the flows: Xishan occupies 30 ha
and compensates 55 ha, sending 20 (30 + 20 ≤ 55); Dongping occupies 60 ha and compensates 40 ha,
receiving 20 (60 ≤ 40 + 20). USE-002 is not applicable to a plan that trades farmland quota (FLOW-005
reads its balance). Xishan meets its farmland and basic-farmland floors, so it may export (FLOW-006);
after the relocation Dongping's floor is 4.6 10k_mu − 2 ha and Xishan's 7.2 10k_mu + 2 ha, both met.
The enclave lies inside Xishan and both plans declare it; the city, whose region contains Xishan,
aggregates its counties' land and is not held to "counted once" (FLOW-009). Checked alone, a county
sees no sibling: FLOW-002 is not applicable, never an error.

## Approvals

qinghe-city's `plan.yaml` carries two approvals (docs/plan-package.md):

- **ADJ-2024-015** (浙自然资函〔2024〕15号, rule LINE-003, `features: { ecological_redline: ["ERL-04"] }`,
  expires 2099-12-31) approves UDB-01's 100 x 30 m reach into ERL-04. The LINE-003 finding is
  still reported, with `waived_by: { approval: ADJ-2024-015, document: 浙自然资函〔2024〕15号 }`, and no
  longer counts as an error (the city still exits 1 on its other errors).
- **WVR-2023-008** (清自然资函〔2023〕8号, rule LINE-006, the urban-housing parcel outside the UDB,
  expires 2024-12-31) has expired: it waives nothing, the LINE-006 finding stays an error, and
  ELAS-007 reports the approval (subject `approvals/WVR-2023-008`, a warning).

Expiry is judged against the day of the check (`--as-of`, default today); the expected findings
assume a check on 2026-11-24 or later and before 2099-12-31.

## Profiles

The expected findings are those of the built-in rules (`rules/*.yaml`). A provincial profile
changes them: `elementflow check example-plans --rules rules/profiles/example-province.yaml` raises
the flexible-zone cap of ELAS-001 to 0.20, so Dongping's flexible zone (@DONGPING_FLEX@ of its concentrated
zone) fires with the built-in rules but not under the profile. The profile also tightens LINE-004
to 1.2: Dongping (1.45) fires either way, Xishan (@XISHAN_RATIO@) fires only under the profile, and the city
(@CITY_RATIO@ by its layer, which LINE-004 reads; @CITY_RATIO_DECLARED@ by its overstated declared area) stays under it.

## Assumptions the expected findings rest on

- **USE-001** follows the `use-permitted` matrix of `rules/use.yaml`: ecological_protection denies
  the construction codes 06–16 (tagged with limited_activity or not), farmland_protection allows
  only 01–05, 06, 17, 23, rural_development denies 0701 and 0702, and a zone the matrix does not
  list (urban_development, ecological_control) permits everything. Each finding is one (parcel,
  zoning polygon) pair with the area of the parcel in that zone as its value, subjects `land_use`
  then `zoning`. A test that runs only the rule sets present should drop expected findings of rules
  that are not loaded, and take the exit code from the errors it keeps: `exit_code` assumes every
  built-in rule is loaded (xishan-county and xishan-lianhua-township exit 0 without the HIER
  rules).
- **LINE-001 in the province**: the ERL/PBF conflict is part of the issued lines, so the
  province carries it as well; making the city differ from the province would instead trip
  HIER-008.
- **Plan-level findings** (LINE-004, DATA-008) are written with `subjects: []`, as in
  `rules/tests`: expected subjects are matched as a subset of the finding's subjects. The engine
  names such findings by pseudo-subjects (`indicators/<key>`, `<layer>/*`), which `[]` matches.
- The LINE-007 info case uses limited_activity 3 (approved archaeology, heritage protection) on a
  heritage-site parcel (1504).
- **Parents as context**: a package checked on its own is compared with the parent its `parent:`
  names (loaded as context), so the HIER-002/003/007/008 findings are expected in a single-package
  check too. HIER-005 needs only the allocating plan; HIER-010 needs the children (silent here).
- **HIER-002**: "the child's region code lies in the parent's" is read as a prefix of the parent's
  code by the parent's level: 2 digits for a province, 4 for a city, 6 for a county. A detailed or
  special plan's parent is the overall plan of the same level.
- **HIER-003/004/005** compare after converting both sides to ha (10k_mu × 2000/3, km2 × 100),
  exactly; water_use_total (100m_m3) is not an area and is compared, summed and reported in its own
  unit. A key the child does not declare is not compared (for the binding keys HIER-006 reports it).
  The sums are over every allocation entry, with or without a plan in the tree.
- **HIER-007**: the overlap finding is per (child construction parcel, parent ERL/PBF feature)
  pair; the within finding compares the detailed plan's boundary with the parent's whole UDB (all
  sub-zones) and applies to city- and county-level detailed plans (urban units; township detailed
  plans are village plans outside the UDB). LINE-006 and LINE-008 are read on the plan's own layers:
  the detailed unit has no UDB or PBF layer, so they are not applicable to it (an engine that read
  the parent's PBF for LINE-008 would see the plot in PBF-13 a second time).
- **HIER-008**: one finding per parent ERL/PBF feature whose part inside the child's boundary the
  child leaves uncovered (value: that area), and one per child UDB feature for its part outside the
  parent's UDB; a child ERL/PBF larger than the parent's would be reported by the child feature
  (the "symmetric difference" of the two line sets; nothing here).
- **The city's overstated UDB** (DATA-008, declared 1.02 × measured) is covered by the province's
  cap for 330100 (43.8 km2), so it does not also trip HIER-004. With that headroom the province's
  caps can only close if a region without a plan gets less than the province draws there (Linjiang
  330200 holds UDB-08 and UDB-09, 26 km2, but is allocated @LINJIANG_UDB@ km2; Nanshan 330300 has no UDB
  drawn and no UDB allocation): figures of regions without a plan are not checked against any map.
"""


if __name__ == "__main__":
    main()
