#!/usr/bin/env python3
"""Check example-plans/ from the written files alone, and compare with expected-findings.json.

Usage:  python3 example-plans/tools/verify_examples.py

Reads every plan.yaml under example-plans/, its layers and expected-findings.json, and derives the
findings of the rules of DOMAIN.md §3 by its own, independent reading of each rule (the DATA, LINE,
ELAS and USE rules as written in rules/*.yaml; HIER and EQUI from DOMAIN.md), then applies the plans'
approvals (DESIGN.md §2): a valid approval waives the findings of its rule that name one of its
features; ELAS-007 reports the invalid ones. Expiry is judged against today's date. Areas are
exact: every layer is rectilinear, so each plan is cut into a grid of "atoms" at every vertex
coordinate and each polygon is filled by a scanline. The plan tree comes from the `parent:` paths;
allocations and indicators are compared after unit conversion to ha (or in their own unit when they
are not areas) with fractions.Fraction, so 1 mu = 2000/3 m2 stays exact. Exits 1 when the derived
findings and the expected ones differ, or when a sanity check fails. Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
from bisect import bisect_right
from datetime import date
from fractions import Fraction
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TOL_M2 = 1
UNIT_M2 = {"m2": Fraction(1), "ha": Fraction(10_000), "km2": Fraction(1_000_000),
           "mu": Fraction(2000, 3), "10k_mu": Fraction(20_000_000, 3)}
LEVEL_RANK = {"national": 0, "province": 1, "city": 2, "county": 3, "township": 4}
CONSTRUCTION = tuple(f"{k:02d}" for k in range(6, 17))
PUBLIC_SHORE = ("12", "14", "08")
ZONES = {"ecological_protection", "ecological_control", "farmland_protection", "urban_development",
         "rural_development", "marine_development", "mineral_energy"}
UDB_ZONES = {"concentrated", "flexible", "special"}
KINDS = {"kindergarten", "primary_school", "middle_school", "clinic", "health_centre", "elderly_care",
         "culture", "sports", "market", "bus_stop", "park"}
# USE-001 matrix of rules/use.yaml: (allowed prefixes or None for all, denied prefixes); a zone not
# listed permits everything.
USE_MATRIX = {
    "ecological_protection": (None, CONSTRUCTION),
    "farmland_protection": (("01", "02", "03", "04", "05", "06", "17", "23"), ()),
    "rural_development": (None, ("0701", "0702")),
}


def permitted(zone, code):
    allow, deny = USE_MATRIX.get(zone, (None, ()))
    return (allow is None or code.startswith(allow)) and not code.startswith(deny)


# The rule catalogue of DOMAIN.md §3: the rules an approval may name (ELAS-007).
CATALOGUE = {f"{p}-{n:03d}" for p, k in (("DATA", 10), ("HIER", 10), ("LINE", 8), ("ELAS", 7), ("EQUI", 10),
                                         ("USE", 3)) for n in range(1, k + 1)}
AS_OF = date.today()


def known_land_use():
    codes = {f"{i:02d}" for i in range(1, 25)}

    def rng(first, a, b):
        codes.update(f"{first}{i:02d}" for i in range(a, b + 1))

    for first, a, b in [("01", 1, 3), ("02", 1, 5), ("03", 1, 4), ("04", 1, 3), ("05", 1, 7), ("06", 1, 2),
                        ("07", 1, 4), ("08", 1, 7), ("09", 1, 4), ("10", 1, 3), ("11", 1, 2), ("12", 1, 9),
                        ("13", 1, 12), ("14", 1, 3), ("15", 1, 7), ("17", 1, 6), ("18", 1, 4), ("19", 1, 6),
                        ("20", 1, 5), ("21", 1, 2), ("22", 1, 6), ("23", 1, 7), ("0601", 1, 2), ("0602", 1, 3),
                        ("0701", 1, 3), ("0703", 1, 2), ("0803", 1, 2), ("0804", 1, 5), ("0805", 1, 2),
                        ("0806", 1, 3), ("0807", 1, 4), ("0901", 1, 5), ("1001", 1, 3), ("1101", 1, 3),
                        ("1208", 1, 3)]:
        rng(first, a, b)
    return codes


LAND_USE_CODES = known_land_use()
problems = []


def check(cond, msg):
    if not cond:
        problems.append(msg)
    return cond


# ============================================================== reading

def parse_scalar(v):
    v = v.strip()
    if v.startswith('"'):
        return json.loads(v)
    try:
        return Fraction(v) if any(c.isdigit() for c in v) and v.replace(".", "", 1).lstrip("-").isdigit() else v
    except ValueError:
        return v


def strip_comment(line):
    out, q = [], False
    for c in line:
        if c == '"':
            q = not q
        if c == "#" and not q:
            break
        out.append(c)
    return "".join(out).rstrip()


def parse_yaml(text):
    """The block-mapping subset make_examples.py writes (plus one-line { k: v } maps)."""
    root = {}
    stack = [(-1, root)]
    for raw in text.splitlines():
        line = strip_comment(raw)
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        key, _, rest = line.strip().partition(":")
        if key.startswith('"'):
            key = json.loads(key)  # quoted keys: region codes in allocations
        while stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1]
        rest = rest.strip()
        if rest == "":
            parent[key] = {}
            stack.append((indent, parent[key]))
        elif rest.startswith("{"):
            body = rest.strip("{} ")
            parent[key] = {k.strip(): parse_scalar(v) for k, v in
                           (item.split(":", 1) for item in body.split(",") if item.strip())}
        else:
            parent[key] = parse_scalar(rest)
    return root


def split_approvals(text):
    """(text without the top-level `approvals:` block, the approvals as dicts).

    The block is the list make_examples.py writes: `- id: ...` items with `document`, `rule`,
    `features: { role: ["id", ...] }` and `expires` (DESIGN.md §2)."""
    keep, items, inside = [], [], False
    for raw in text.splitlines():
        line = strip_comment(raw)
        if not raw.startswith((" ", "-")) and line.strip():
            inside = line.startswith("approvals:")
            if inside:
                check(line.strip() == "approvals:", f"approvals: {line!r}")
                continue
        if not inside:
            keep.append(raw)
            continue
        if not line.strip():
            continue
        body = line.strip()
        if body.startswith("- "):
            items.append({})
            body = body[2:]
        key, _, rest = body.partition(":")
        rest = rest.strip()
        if key == "features":
            feats = {}
            inner = rest.strip("{} ")
            for part in inner.split("]"):
                if not part.strip(" ,"):
                    continue
                role, _, ids = part.strip(" ,").partition(":")
                feats[role.strip()] = json.loads(ids.strip() + "]")
            items[-1]["features"] = feats
        else:
            items[-1][key] = json.loads(rest) if rest.startswith('"') else rest
    return "\n".join(keep), items


def split_flows(text):
    """(text without the top-level `flows:` block, the flows as dicts).

    The block is the list make_examples.py writes: `- id: ...` items whose values are quoted strings,
    numbers, words, or one-line `{ value: x, unit: u }` quantities (DESIGN.md §2 flows:)."""
    keep, items, inside = [], [], False
    for raw in text.splitlines():
        line = strip_comment(raw)
        if not raw.startswith((" ", "-")) and line.strip():
            inside = line.strip() == "flows:"
            if inside:
                continue
        if not inside:
            keep.append(raw)
            continue
        if not line.strip():
            continue
        body = line.strip()
        if body.startswith("- "):
            items.append({})
            body = body[2:]
        key, _, rest = body.partition(":")
        rest = rest.strip()
        if rest.startswith("{"):
            items[-1][key] = {k.strip(): parse_scalar(v) for k, v in (x.split(":", 1) for x in rest.strip("{} ").split(","))}
        else:
            items[-1][key] = parse_scalar(rest)
    return "\n".join(keep), items


class Feature:
    def __init__(self, layer, raw):
        self.layer = layer
        self.raw = raw
        self.props = raw.get("properties") or {}
        self.id = raw.get("id")
        g = raw.get("geometry") or {}
        self.gtype = g.get("type")
        self.rings = [[tuple(p) for p in ring] for ring in g.get("coordinates", [])] if self.gtype == "Polygon" else []
        self.point = tuple(g["coordinates"]) if self.gtype == "Point" else None
        self.code = self.props.get({"land_use": "code", "zoning": "zone", "urban_development_boundary": "zone",
                                    "facilities": "kind"}.get(layer, ""), None)

    @property
    def subject(self):
        return f"{self.layer}/{self.id}"

    def area(self):
        return sum(shoelace(r) for r in self.rings)

    def centroid(self):
        # area-weighted centroid of the shell minus holes
        a = cx = cy = Fraction(0)
        for ring in self.rings:
            pts = ring[:-1]
            for k in range(len(pts)):
                x0, y0 = pts[k]
                x1, y1 = pts[(k + 1) % len(pts)]
                c = x0 * y1 - x1 * y0
                a += c
                cx += (x0 + x1) * c
                cy += (y0 + y1) * c
        return float(cx / (3 * a)), float(cy / (3 * a))


def shoelace(ring):
    pts = ring[:-1]
    s = 0
    for k in range(len(pts)):
        x0, y0 = pts[k]
        x1, y1 = pts[(k + 1) % len(pts)]
        s += x0 * y1 - x1 * y0
    return Fraction(s, 2)


class Plan:
    def __init__(self, folder):
        self.folder = folder
        text, self.approvals = split_approvals((folder / "plan.yaml").read_text(encoding="utf-8"))
        text, self.flows = split_flows(text)
        self.m = parse_yaml(text)
        self.id = self.m["id"]
        self.level, self.type = self.m["level"], self.m["type"]
        self.code = self.m["region"]["code"]
        self.layers = {}
        for role, path in self.m.get("layers", {}).items():
            doc = json.loads((folder / path).read_text(encoding="utf-8"))
            check(doc.get("type") == "FeatureCollection", f"{self.id}/{role}: not a FeatureCollection")
            self.layers[role] = [Feature(role, f) for f in doc["features"]]
        self.ind = {}
        self.declared = {}  # key -> (value, unit) as written
        for key, v in (self.m.get("indicators") or {}).items():
            self.ind[key] = Fraction(v["value"]) * UNIT_M2.get(v["unit"], Fraction(1))
            self.declared[key] = (Fraction(v["value"]), v["unit"])
        # allocations: child region code -> key -> ("min" | "max", value, unit)
        self.alloc = {}
        for code, keys in (self.m.get("allocations") or {}).items():
            check(isinstance(keys, dict) and code.isdigit(), f"{self.m['id']}: allocation key {code!r}")
            for key, v in keys.items():
                bounds = [b for b in ("min", "max") if b in v]
                check(len(bounds) == 1 and "unit" in v, f"{self.m['id']}: allocation {code}/{key} needs min or max, and unit")
                self.alloc.setdefault(code, {})[key] = (bounds[0], Fraction(v[bounds[0]]), v["unit"])
        self.expected = json.loads((folder / "expected-findings.json").read_text(encoding="utf-8"))
        self.parent = None
        self.children = []

    def polys(self, roles=None):
        return [f for role, fs in self.layers.items() if roles is None or role in roles for f in fs if f.rings]


# ============================================================== exact rasters

class Grid:
    """Atoms between consecutive vertex coordinates of the given polygons."""

    def __init__(self, features):
        xs, ys = set(), set()
        for f in features:
            for ring in f.rings:
                for x, y in ring:
                    xs.add(x)
                    ys.add(y)
        self.xs, self.ys = sorted(xs), sorted(ys)
        self.xi = {x: i for i, x in enumerate(self.xs)}
        self.yc = [(self.ys[j] + self.ys[j + 1]) / 2 for j in range(len(self.ys) - 1)]
        self.cache = {}

    def a(self, atom):
        i, j = atom
        return (self.xs[i + 1] - self.xs[i]) * (self.ys[j + 1] - self.ys[j])

    def fill(self, f):
        key = id(f)
        if key in self.cache:
            return self.cache[key]
        edges = []
        for ring in f.rings:
            for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                if x0 == x1 and y0 != y1:
                    edges.append((x0, min(y0, y1), max(y0, y1)))
        lo = min(e[1] for e in edges)
        hi = max(e[2] for e in edges)
        atoms = set()
        j0 = bisect_right(self.ys, lo) - 1
        for j in range(j0, len(self.yc)):
            yc = self.yc[j]
            if yc > hi:
                break
            xsx = sorted(e[0] for e in edges if e[1] < yc < e[2])
            for xa, xb in zip(xsx[0::2], xsx[1::2]):
                atoms.update((i, j) for i in range(self.xi[xa], self.xi[xb]))
        self.cache[key] = atoms
        return atoms

    def area(self, atoms):
        return sum(self.a(t) for t in atoms)

    def union(self, features):
        out = set()
        for f in features:
            out |= self.fill(f)
        return out

    def index(self, features):
        idx = {}
        for f in features:
            for t in self.fill(f):
                idx.setdefault(t, []).append(f)
        return idx

    def atom_at(self, x, y):
        i = bisect_right(self.xs, x) - 1
        j = bisect_right(self.ys, y) - 1
        return (i, j)


def pair_overlaps(grid, A, B=None):
    """{(a, b): area} of interiors that intersect; B None = A against itself (each pair once)."""
    out = {}
    if B is None:
        idx = grid.index(A)
        for t, fs in idx.items():
            for a, b in combinations(fs, 2):
                out[(a, b)] = out.get((a, b), 0) + grid.a(t)
        return out
    idx_b = grid.index(B)
    for a in A:
        for t in grid.fill(a):
            for b in idx_b.get(t, ()):
                out[(a, b)] = out.get((a, b), 0) + grid.a(t)
    return out


def components(atoms):
    atoms = set(atoms)
    out = []
    while atoms:
        start = atoms.pop()
        comp, stack = [start], [start]
        while stack:
            i, j = stack.pop()
            for n in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                if n in atoms:
                    atoms.remove(n)
                    comp.append(n)
                    stack.append(n)
        out.append(comp)
    return out


# ============================================================== geometry helpers

def point_in(f, x, y):
    inside = False
    for ring in f.rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            if (y0 > y) != (y1 > y):
                xc = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
                if xc > x:
                    inside = not inside
    return inside


def seg_dist(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = 0 if dx == dy == 0 else max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def dist_to(f, p):
    if f.point:
        return ((p[0] - f.point[0]) ** 2 + (p[1] - f.point[1]) ** 2) ** 0.5
    if point_in(f, *p):
        return 0.0
    return min(seg_dist(p, a, b) for ring in f.rings for a, b in zip(ring, ring[1:]))


def ring_problems(ring, shell):
    out = []
    if len(ring) < 5 or ring[0] != ring[-1]:
        return ["ring not closed or too short"]
    pts = ring[:-1]
    if len(set(pts)) != len(pts):
        out.append("ring touches itself")
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (x0 != x1) == (y0 != y1):
            out.append("edge not axis-aligned or zero length")
    s = shoelace(ring)
    if (s > 0) != shell:
        out.append("wrong orientation (RFC 7946: shell counter-clockwise, holes clockwise)")
    segs = list(zip(ring, ring[1:]))
    n = len(segs)
    for a in range(n):
        for b in range(a + 2, n):
            if a == 0 and b == n - 1:
                continue
            if segments_touch(segs[a], segs[b]):
                out.append("ring self-intersects")
                return out
    return out


def segments_touch(s, t):
    (ax0, ay0), (ax1, ay1) = s
    (bx0, by0), (bx1, by1) = t
    return (max(min(ax0, ax1), min(bx0, bx1)) <= min(max(ax0, ax1), max(bx0, bx1))
            and max(min(ay0, ay1), min(by0, by1)) <= min(max(ay0, ay1), max(by0, by1)))


def fnum(v):
    return float(v)


# ============================================================== the rules

def finding(rule, severity, subjects, value):
    return {"rule": rule, "severity": severity, "subjects": [s.subject for s in subjects], "value": fnum(value)}


def applies(plan, levels=None, types=None):
    return (levels is None or plan.level in levels) and (types is None or plan.type in types)


def check_plan(plan, stats):
    F = []
    L = plan.layers
    grid = Grid(plan.polys())
    stats["atoms"] = (len(grid.xs) - 1) * (len(grid.ys) - 1)
    boundary = L.get("boundary", [])
    b_atoms = grid.union(boundary)
    b_area = grid.area(b_atoms)

    # ---- DATA-001: CRS and coordinates in the zone (stricter: within 100 km of the central meridian)
    check(plan.m.get("crs") == "EPSG:4527", f"{plan.id}: crs")
    for f in [f for fs in L.values() for f in fs]:
        pts = [p for r in f.rings for p in r] + ([f.point] if f.point else [])
        for x, y in pts:
            if not (39_400_000 <= x <= 39_600_000 and 3_300_000 <= y <= 3_400_000):
                F.append(finding("DATA-001", "error", [f], 0))
                break

    # ---- DATA-002: required layers, attributes, indicators (rules/data.yaml)
    req_layers = {"province": ["boundary", "ecological_redline", "permanent_basic_farmland", "urban_development_boundary"],
                  "city": ["boundary", "ecological_redline", "permanent_basic_farmland", "urban_development_boundary",
                           "zoning", "land_use"],
                  "township": ["boundary", "ecological_redline", "permanent_basic_farmland", "zoning", "land_use"]}
    req_layers["county"] = req_layers["city"]
    req_ind = {"province": ["farmland_retention", "permanent_basic_farmland_area", "ecological_redline_area"],
               "city": ["farmland_retention", "permanent_basic_farmland_area", "ecological_redline_area",
                        "urban_development_boundary_area", "urban_construction_land_base"],
               "township": ["farmland_retention", "permanent_basic_farmland_area"]}
    req_ind["county"] = req_ind["city"]
    if plan.type == "overall":
        need_l, need_i = req_layers[plan.level], req_ind[plan.level]
    else:
        need_l, need_i = ["boundary", "land_use"], []
    for role in need_l:
        if role not in L:
            F.append({"rule": "DATA-002", "severity": "error", "subjects": [], "value": 1.0})
    for key in need_i:
        if key not in plan.ind:
            F.append({"rule": "DATA-002", "severity": "error", "subjects": [], "value": 1.0})
    attrs = {"land_use": ["code"], "zoning": ["zone"], "urban_development_boundary": ["zone"], "facilities": ["kind"],
             "residential": ["population"], "subdistricts": ["code", "name"]}
    for role, names in attrs.items():
        for f in L.get(role, []):
            for a in names:
                check(a in f.props, f"{plan.id}: {f.subject} lacks {a}")

    # ---- DATA-003: geometry validity and type
    for role, fs in L.items():
        for f in fs:
            want = "Point" if role == "facilities" else "Polygon"
            if f.gtype != want:
                F.append(finding("DATA-003", "error", [f], 1))
                continue
            if f.rings:
                probs = ring_problems(f.rings[0], True)
                for hole in f.rings[1:]:
                    probs += ring_problems(hole, False)
                if f.area() != grid.area(grid.fill(f)):
                    probs.append("holes outside the shell or overlapping")
                if len(components(grid.fill(f))) != 1:
                    probs.append("interior not connected")
                if probs:
                    F.append(finding("DATA-003", "error", [f], 1))
                    problems.append(f"{plan.id}: {f.subject}: {sorted(set(probs))}")

    # ---- DATA-004: ids present, equal to the id property, unique
    for role, fs in L.items():
        seen = set()
        for f in fs:
            check(isinstance(f.id, str) and f.props.get("id") == f.id, f"{plan.id}: {f.subject} id/property mismatch")
            if f.id in seen:
                F.append(finding("DATA-004", "error", [f], 1))
            seen.add(f.id)

    # ---- DATA-005 / DATA-006: full-coverage layers (overall and detailed)
    for role in ("land_use", "zoning"):
        if role not in L or plan.type not in ("overall", "detailed"):
            continue
        for (a, b), v in sorted(pair_overlaps(grid, L[role]).items(), key=lambda kv: (kv[0][0].id, kv[0][1].id)):
            if v > TOL_M2:
                a, b = sorted((a, b), key=lambda f: f.id)
                F.append(finding("DATA-005", "error", [a, b], v))
        gaps = b_atoms - grid.union(L[role])
        for comp in components(gaps):
            v = grid.area(comp)
            if v > TOL_M2:
                F.append(finding("DATA-006", "error", boundary, v))

    # ---- DATA-007: slivers
    for role in ("land_use", "zoning", "ecological_redline", "permanent_basic_farmland", "urban_development_boundary"):
        for f in L.get(role, []):
            if 0 < f.area() < 200:
                F.append({"rule": "DATA-007", "severity": "warning", "subjects": [f.subject], "value": fnum(f.area())})

    # ---- DATA-008: declared ERL / PBF / UDB areas vs the layers
    if plan.type == "overall":
        for key, role in (("ecological_redline_area", "ecological_redline"),
                          ("permanent_basic_farmland_area", "permanent_basic_farmland"),
                          ("urban_development_boundary_area", "urban_development_boundary")):
            if key in plan.ind and role in L:
                measured = sum(f.area() for f in L[role])
                rel = abs(plan.ind[key] - measured) / measured
                stats[f"DATA-008 {key}"] = f"{float(rel):.2e}"
                if rel > Fraction(1, 10_000):
                    F.append({"rule": "DATA-008", "severity": "error", "subjects": [], "value": fnum(rel)})

    # ---- DATA-009: known codes
    for role, known in (("land_use", LAND_USE_CODES), ("zoning", ZONES), ("urban_development_boundary", UDB_ZONES),
                        ("facilities", KINDS)):
        for f in L.get(role, []):
            if f.code not in known:
                F.append(finding("DATA-009", "error", [f], 1))

    # ---- DATA-010: everything inside the boundary
    for role, fs in L.items():
        if role in ("boundary", "enclaves"):  # a home plan's enclave lies elsewhere by nature; FLOW-009 judges enclaves
            continue
        for f in fs:
            if f.rings:
                out = grid.area(grid.fill(f) - b_atoms)
                if out > TOL_M2:
                    F.append(finding("DATA-010", "error", [f], out))
            elif f.point and not any(point_in(b, *f.point) for b in boundary):
                F.append(finding("DATA-010", "error", [f], 1))

    # ---- FLOW-009 (the host's part): each enclave this plan hosts lies inside its boundary
    for f in L.get("enclaves", []):
        if f.props.get("host") == plan.code:
            out = grid.area(grid.fill(f) - b_atoms)
            if out > TOL_M2:
                F.append(finding("FLOW-009", "error", [f], out))

    erl, pbf, udb = (L.get(r) for r in ("ecological_redline", "permanent_basic_farmland", "urban_development_boundary"))
    lu, zn = L.get("land_use"), L.get("zoning")

    def no_overlap(rule, A, B, levels, types, severity=lambda a, b: "error"):
        if A is None or B is None or not applies(plan, levels, types):
            return
        for (a, b), v in pair_overlaps(grid, A, B).items():
            if v > TOL_M2:
                F.append(finding(rule, severity(a, b), [a, b], v))

    PCCT, CC, CCT = ("province", "city", "county", "township"), ("city", "county"), ("city", "county", "township")
    no_overlap("LINE-001", erl, pbf, PCCT, ("overall",))
    no_overlap("LINE-002", udb, pbf, CC, ("overall",))
    no_overlap("LINE-003", udb, erl, CC, ("overall",))
    if udb is not None and "urban_construction_land_base" in plan.ind and applies(plan, PCCT[:3], ("overall",)):
        ratio = sum(f.area() for f in udb) / plan.ind["urban_construction_land_base"]
        stats["LINE-004 expansion_ratio"] = round(float(ratio), 6)
        if "urban_development_boundary_area" in plan.ind:
            declared_ratio = plan.ind["urban_development_boundary_area"] / plan.ind["urban_construction_land_base"]
            check((ratio > Fraction(13, 10)) == (declared_ratio > Fraction(13, 10)),
                  f"{plan.id}: LINE-004 depends on layer vs declared UDB area")
        if ratio > Fraction(13, 10):
            F.append({"rule": "LINE-004", "severity": "error", "subjects": [], "value": fnum(ratio)})
    if udb is not None and applies(plan, CC, ("overall",)):
        for (a, b), v in pair_overlaps(grid, udb).items():
            if v > TOL_M2:
                F.append(finding("LINE-005", "error", sorted([a, b], key=lambda f: f.id), v))
        for f in udb:
            if not f.props.get("zone"):
                F.append(finding("LINE-005", "error", [f], 1))
    if lu is not None and udb is not None and applies(plan, CCT, ("overall", "detailed")):
        u = grid.union(udb)
        for f in lu:
            if f.code == "0701":
                out = grid.area(grid.fill(f) - u)
                if out > TOL_M2:
                    F.append(finding("LINE-006", "error", [f], out))
    if lu is not None:
        cons = [f for f in lu if f.code.startswith(CONSTRUCTION)]
        la = lambda b: "info" if isinstance(b.props.get("limited_activity"), (int, float)) and \
            1 <= b.props["limited_activity"] <= 10 else "error"
        no_overlap("LINE-007", erl, cons, CCT, ("overall", "detailed", "special"), lambda a, b: la(b))
        no_overlap("LINE-008", pbf, [f for f in lu if not f.code.startswith("01")], CCT, ("overall", "detailed"))

    # ---- ELAS
    if udb is not None and applies(plan, CC, ("overall",)):
        conc = sum(f.area() for f in udb if f.code == "concentrated")
        flex = sum(f.area() for f in udb if f.code == "flexible")
        stats["ELAS-001 flexible/concentrated"] = round(float(flex / conc), 4)
        if flex > Fraction(15, 100) * conc:
            F.append({"rule": "ELAS-001", "severity": "warning", "subjects": [], "value": fnum(flex / conc)})
    if lu is not None:
        reserved = [f for f in lu if f.code.startswith("16")]
        if applies(plan, CCT, ("overall", "detailed")):
            no_overlap("ELAS-003", reserved, pbf, None, None)
            no_overlap("ELAS-003", reserved, erl, None, None)
            allowed = (grid.union(udb) if udb else set()) | \
                grid.union([z for z in (zn or []) if z.code == "rural_development"])
            for f in reserved:
                out = grid.area(grid.fill(f) - allowed)
                if out > TOL_M2:
                    F.append(finding("ELAS-004", "warning", [f], out))
        if plan.type == "detailed":
            for f in lu:
                s = f.props.get("secondary_share")
                if s is not None and s > 0.40:
                    F.append(finding("ELAS-005", "error" if 1 - s <= 0.5 else "warning", [f], s))
                a = f.props.get("ancillary_share")
                if f.code.startswith("1001") and a is not None and a > 0.07:
                    F.append(finding("ELAS-006", "error", [f], a))

    # ---- USE-001: zone x code matrix
    if lu is not None and zn is not None and applies(plan, CCT, ("overall",)):
        for (a, b), v in pair_overlaps(grid, lu, zn).items():
            if v > TOL_M2 and not permitted(b.code, a.code):
                F.append(finding("USE-001", "error", [a, b], v))

    # ---- zoning follows the lines (a property of these examples, not a rule)
    if zn is not None:
        pbf_u, erl_u, udb_u = (grid.union(x or []) for x in (pbf, erl, udb))
        for z in zn:
            for t in grid.fill(z):
                want = ("farmland_protection" if t in pbf_u else "ecological_protection" if t in erl_u
                        else "urban_development" if t in udb_u else None)
                if want is not None and z.code != want or want is None and z.code not in (
                        "ecological_control", "rural_development"):
                    problems.append(f"{plan.id}: {z.subject} zone {z.code} disagrees with the lines")
                    break

    # ---- EQUI: life circles (city and county overall plans)
    if applies(plan, CC, ("overall",)) and "residential" in L and "facilities" in L:
        equi(plan, grid, F, stats)

    # ---- construction_land_total and farmland_retention agree with the map (not a rule; our own consistency)
    if lu is not None and plan.type == "overall":
        if "construction_land_total" in plan.ind:
            cons_m2 = sum(f.area() for f in lu if f.code.startswith(CONSTRUCTION))
            check(abs(plan.ind["construction_land_total"] - cons_m2) < 1, f"{plan.id}: construction_land_total")
        cult = sum(f.area() for f in lu if f.code.startswith("01"))
        check(abs(plan.ind["farmland_retention"] - cult) / cult < Fraction(1, 10 ** 7), f"{plan.id}: farmland_retention")
        check(plan.ind["farmland_retention"] >= plan.ind["permanent_basic_farmland_area"],
              f"{plan.id}: farmland_retention below the PBF area")
    stats["boundary_km2"] = float(b_area / 10 ** 6)
    return F


def equi(plan, grid, F, stats):
    """EQUI-001…010 as rules/equity.yaml reads them (straight-line distances: no package has roads).

    Homes count at their polygon's centroid, weighted by population; facilities are points; green
    space is reached at its nearest edge; every distance limit is inclusive. A per-kind coverage
    finding names the homes out of reach; a subdistrict finding its subdistrict; the best-worst gap
    the best then the worst subdistrict (first in layer order on ties); plan-level findings none.
    """
    L = plan.layers
    homes = [(f, f.centroid(), f.props["population"]) for f in L["residential"]]
    total = sum(p for _, _, p in homes)
    fac = {}
    for f in L["facilities"]:
        fac.setdefault(f.code, []).append(f.point)
    lu = L.get("land_use", [])

    def near(c, kinds, d):
        return any((c[0] - q[0]) ** 2 + (c[1] - q[1]) ** 2 <= d * d for k in kinds for q in fac.get(k, []))

    def share(pred, subset=None):
        hs = homes if subset is None else subset
        return Fraction(sum(p for f, c, p in hs if pred(c)), sum(p for _, _, p in hs))

    def floor(rule, pred, label):
        s = share(pred)
        stats[f"{rule} {label}"] = round(float(s), 4)
        if s < Fraction(9, 10):
            F.append({"rule": rule, "severity": "warning", "value": float(s),
                      "subjects": sorted(f.subject for f, c, p in homes if not pred(c))})

    groups = (("clinic", "health_centre"), ("elderly_care",), ("primary_school",), ("culture",), ("sports",))
    for g in groups:
        floor("EQUI-001", lambda c, g=g: near(c, g, 1000), "/".join(g))
    floor("EQUI-002", lambda c: near(c, ("kindergarten",), 300), "kindergarten")
    floor("EQUI-003", lambda c: near(c, ("primary_school",), 500), "primary")
    floor("EQUI-003", lambda c: near(c, ("middle_school",), 1000), "middle")
    floor("EQUI-004", lambda c: near(c, ("clinic", "health_centre"), 1000), "health")
    for sd in L["subdistricts"]:
        if not any(point_in(sd, *q) or on_boundary(sd, q) for q in fac.get("health_centre", [])):
            F.append(finding("EQUI-004", "warning", [sd], 0))
    # EQUI-005 applies to detailed plans only, and no detailed plan has homes.
    green = [f for f in lu if f.code in ("1401", "1403") and f.area() >= 400]
    parks = [f for f in lu if f.code == "1401" and f.area() >= 10_000]
    floor("EQUI-006", lambda c: any(dist_to(g, c) <= 300 for g in green), "green")
    floor("EQUI-006", lambda c: any(dist_to(g, c) <= 500 for g in parks), "park")
    per_capita = Fraction(sum(f.area() for f in lu if f.code == "1401"), total)
    stats["EQUI-007 park m2/person"] = round(float(per_capita), 4)
    if per_capita < 8:
        F.append({"rule": "EQUI-007", "severity": "warning", "subjects": [], "value": float(per_capita)})

    # EQUI-008: each home in the first subdistrict (layer order) that holds its centroid
    bundle = lambda c: all(near(c, g, 1000) for g in groups)
    units, taken = [], set()
    for sd in L["subdistricts"]:
        sub = [(f, c, p) for f, c, p in homes if id(f) not in taken and (point_in(sd, *c) or on_boundary(sd, c))]
        taken |= {id(f) for f, _, _ in sub}
        check(sd.props.get("population") == sum(p for _, _, p in sub), f"{plan.id}: {sd.subject} population")
        if sub:
            units.append((sd, share(bundle, sub)))
    stats["EQUI-008 shares"] = {sd.id: round(float(v), 4) for sd, v in units}
    for sd, v in units:
        if v < Fraction(6, 10):
            F.append({"rule": "EQUI-008", "severity": "warning", "subjects": [sd.subject], "value": float(v)})
    if len(units) >= 2:
        best = max(units, key=lambda u: u[1])   # first of equals, as the engine's stable sort
        worst = min(units, key=lambda u: u[1])
        if best[1] - worst[1] > Fraction(2, 10):
            F.append({"rule": "EQUI-008", "severity": "warning", "subjects": [best[0].subject, worst[0].subject],
                      "value": float(best[1] - worst[1])})
    check(len(taken) == len(homes), f"{plan.id}: a home outside every subdistrict")

    # EQUI-009: shore between water (17) and land parcels, both inside the UDB; 1 m steps along each
    # water edge, probing half a metre to either side.
    udb_u = grid.union(L["urban_development_boundary"])
    lu_idx = grid.index(lu)
    shore = public = 0
    private = set()
    for w in [f for f in lu if f.code.startswith("17")]:
        for ring in w.rings:
            sign = 1 if shoelace(ring) > 0 else -1
            for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                length = abs(x1 - x0) + abs(y1 - y0)
                dx, dy = (x1 - x0) / length, (y1 - y0) / length
                nx, ny = dy * sign, -dx * sign  # outward normal
                for k in range(int(length)):
                    mx, my = x0 + dx * (k + 0.5), y0 + dy * (k + 0.5)
                    land, water = grid.atom_at(mx + nx * 0.5, my + ny * 0.5), grid.atom_at(mx - nx * 0.5, my - ny * 0.5)
                    if land not in udb_u or water not in udb_u:
                        continue
                    across = [g for g in lu_idx.get(land, []) if not g.code.startswith("17")]
                    if not across:
                        continue  # water (or nothing) on the other side: no shore
                    shore += 1
                    if any(g.code.startswith(PUBLIC_SHORE) for g in across):
                        public += 1
                    else:
                        private |= {g.subject for g in across}
    if shore:
        stats["EQUI-009 public shore"] = f"{public}/{shore} m"
        if Fraction(public, shore) < Fraction(6, 10):
            F.append({"rule": "EQUI-009", "severity": "warning", "subjects": sorted(private), "value": public / shore})

    # EQUI-010: declared against measured (life circle: absolute; park green per person: relative)
    if "life_circle_coverage" in plan.ind:
        measured = share(bundle)
        declared = plan.ind["life_circle_coverage"] / 100
        stats["EQUI-010 life circle declared/measured"] = f"{float(declared):.4f}/{float(measured):.4f}"
        if abs(declared - measured) > Fraction(5, 100):
            F.append({"rule": "EQUI-010", "severity": "warning", "subjects": [], "value": float(abs(declared - measured))})
    if "park_green_per_capita" in plan.ind:
        diff = abs(plan.ind["park_green_per_capita"] - per_capita) / per_capita
        if diff > Fraction(5, 100):
            F.append({"rule": "EQUI-010", "severity": "warning", "subjects": [], "value": float(diff)})
    stats["population"] = total


def on_boundary(f, p):
    return any(seg_dist(p, a, b) == 0 for ring in f.rings for a, b in zip(ring, ring[1:]))


# Digits of the administrative division code that name a region at each level (GB/T 2260 + 9-digit
# township codes): a child's code lies in its parent's when it starts with these digits of the parent's.
CODE_DIGITS = {"national": 0, "province": 2, "city": 4, "county": 6, "township": 9}
BINDING = ("farmland_retention", "permanent_basic_farmland_area", "ecological_redline_area",
           "urban_development_boundary_area", "construction_land_total", "water_use_total")


def in_region(code, parent_code, parent_level):
    n = CODE_DIGITS[parent_level]
    return code.startswith(parent_code[:n])


def measure(value, unit):
    """An indicator figure in the unit the HIER measures use: ha for areas, else its own unit."""
    if unit in UNIT_M2:
        return value * UNIT_M2[unit] / 10_000, "ha"
    return value, unit


def hier(rule, severity, subjects, value=None):
    f = {"rule": rule, "severity": severity, "subjects": list(subjects)}
    if value is not None:
        f["value"] = fnum(value)
    return f


def check_hierarchy(plans, F, stats):
    valid = {("national", "overall"), ("province", "overall"), ("city", "overall"), ("county", "overall"),
             ("township", "overall"), ("city", "detailed"), ("county", "detailed"), ("township", "detailed")}
    valid |= {(lvl, "special") for lvl in LEVEL_RANK}
    for p in plans.values():
        # ---- HIER-001: valid level/type pair
        if (p.level, p.type) not in valid:
            F[p.id].append(hier("HIER-001", "error", [f"plan/{p.id}"]))
        # ---- HIER-006: binding indicators of city and county overall plans
        if p.type == "overall" and p.level in ("city", "county"):
            for key in BINDING:
                if key not in p.declared:
                    F[p.id].append(hier("HIER-006", "error", [f"indicators/{key}"]))
        q = p.parent
        if q is None:
            continue
        # ---- HIER-002: the right parent, and the child's region code inside the parent's
        ok = in_region(p.code, q.code, q.level)
        if p.type == "overall":
            ok &= q.type == "overall" and LEVEL_RANK[q.level] == LEVEL_RANK[p.level] - 1
        else:  # detailed / special: the overall plan of its own area (same level)
            ok &= q.type == "overall" and q.level == p.level
        if not ok:
            F[p.id].append(hier("HIER-002", "error", [f"plan/{p.id}"]))
        # ---- HIER-003 / HIER-004: own floors and caps against what the parent allocated to this region
        if p.type == "overall" and p.level in ("province", "city", "county", "township"):
            if q.alloc and in_region(p.code, q.code, q.level):
                check(p.code in q.alloc, f"{q.id}: no allocation for its child {p.id} ({p.code})")
            for key, (bound, lim, unit) in q.alloc.get(p.code, {}).items():
                if key not in p.declared:
                    continue  # not declared: HIER-006 (for binding keys), not a comparison
                mine, mu = measure(*p.declared[key])
                lim, lu = measure(lim, unit)
                if not check(mu == lu, f"{p.id}: {key} in {p.declared[key][1]} against an allocation in {unit}"):
                    continue
                stats[p.id][f"HIER {key} {bound}"] = f"{float(mine):.6g} vs {float(lim):.6g} {mu}"
                if bound == "min" and mine < lim:
                    F[p.id].append(hier("HIER-003", "error", [f"indicators/{key}"], mine))
                if bound == "max" and mine > lim:
                    F[p.id].append(hier("HIER-004", "error", [f"indicators/{key}"], mine))
        # ---- HIER-008: lines pass down unchanged inside the child's boundary
        if p.type == "overall" and p.level in ("city", "county", "township"):
            for role in ("ecological_redline", "permanent_basic_farmland", "urban_development_boundary"):
                if role not in p.layers or role not in q.layers:
                    continue
                g = Grid(p.layers["boundary"] + p.layers[role] + q.layers[role])
                b = g.union(p.layers["boundary"])
                mine, theirs = g.union(p.layers[role]), g.union(q.layers[role]) & b
                if role == "urban_development_boundary":
                    # the child's UDB stays inside the parent's: each child feature's part outside it
                    for f in p.layers[role]:
                        out = g.area(g.fill(f) - theirs)
                        if out > TOL_M2:
                            F[p.id].append(hier("HIER-008", "error", [f.subject], out))
                    continue
                # the child's ERL / PBF covers the parent's: each parent feature's uncovered part
                for f in q.layers[role]:
                    dropped = g.area((g.fill(f) & b) - mine)
                    if dropped > TOL_M2:
                        F[p.id].append(hier("HIER-008", "error", [f.subject], dropped))
                # and adds nothing the parent does not have (symmetric difference)
                for f in p.layers[role]:
                    extra = g.area(g.fill(f) - theirs)
                    if extra > TOL_M2:
                        F[p.id].append(hier("HIER-008", "error", [f.subject], extra))
                ids_mine = {f.id for f in p.layers[role]}
                ids_theirs = {f.id for f in q.layers[role] if g.fill(f) & b}
                check(ids_mine == ids_theirs, f"{p.id}: {role} ids differ from {q.id}")
        # ---- HIER-007: detailed and special plans keep the overall plan's lines
        if p.type in ("detailed", "special") and "land_use" in p.layers:
            lines = [r for r in ("ecological_redline", "permanent_basic_farmland", "urban_development_boundary")
                     if r in q.layers]
            g = Grid(p.layers["boundary"] + p.layers["land_use"] + [f for r in lines for f in q.layers[r]])
            cons = [f for f in p.layers["land_use"] if f.code.startswith(CONSTRUCTION)]
            for role in ("ecological_redline", "permanent_basic_farmland"):
                if role in q.layers:
                    for (a, b), v in pair_overlaps(g, cons, q.layers[role]).items():
                        if v > TOL_M2:
                            F[p.id].append(hier("HIER-007", "error", [a.subject, b.subject], v))
            # urban detailed plans (city and county level; township detailed plans are village plans)
            if p.type == "detailed" and p.level in ("city", "county") and "urban_development_boundary" in q.layers:
                udb = g.union(q.layers["urban_development_boundary"])
                for bf in p.layers["boundary"]:
                    out = g.area(g.fill(bf) - udb)
                    if out > TOL_M2:
                        F[p.id].append(hier("HIER-007", "error", [bf.subject], out))
    # ---- HIER-005: allocations close (floors: sum >= own target, error; caps: sum <= own cap, warning)
    for q in plans.values():
        if not q.alloc or q.type != "overall" or q.level not in ("national", "province", "city", "county"):
            continue
        for code in q.alloc:
            check(code != q.code and in_region(code, q.code, q.level) and len(code) > CODE_DIGITS[q.level],
                  f"{q.id}: allocation key {code} is not a region inside {q.code}")
        sums = {}
        for code, keys in q.alloc.items():
            for key, (bound, v, unit) in keys.items():
                val, u = measure(v, unit)
                prev = sums.setdefault((key, bound), (Fraction(0), u))
                check(prev[1] == u, f"{q.id}: allocations of {key} in different units")
                sums[(key, bound)] = (prev[0] + val, u)
        for (key, bound), (total, u) in sorted(sums.items()):
            if key not in q.declared:
                continue
            own, ou = measure(*q.declared[key])
            if not check(ou == u, f"{q.id}: {key} declared in {q.declared[key][1]}, allocated in another unit"):
                continue
            stats[q.id][f"HIER-005 sum {key} {bound}"] = f"{float(total):.6g} vs own {float(own):.6g} {u}"
            if bound == "min" and total < own:
                F[q.id].append(hier("HIER-005", "error", [f"indicators/{key}"], total))
            if bound == "max" and total > own:
                F[q.id].append(hier("HIER-005", "warning", [f"indicators/{key}"], total))
    # ---- HIER-009: content fits the level
    for p in plans.values():
        if p.level in ("national", "province") and "land_use" in p.layers:
            F[p.id].append(hier("HIER-009", "warning", [f"plan/{p.id}"]))
        if p.level in ("city", "county") and p.type == "overall" and not {"facilities", "residential"} <= set(p.layers):
            F[p.id].append(hier("HIER-009", "warning", [f"plan/{p.id}"]))
    # ---- HIER-010: children inside the parent and not overlapping each other
    for q in plans.values():
        kids = q.children
        if not kids:
            continue
        g = Grid(q.layers["boundary"] + [b for k in kids for b in k.layers["boundary"]])
        qb = g.union(q.layers["boundary"])
        for k in kids:
            out = g.area(g.union(k.layers["boundary"]) - qb)
            if out > TOL_M2:
                F[q.id].append(hier("HIER-010", "error", [f"plan/{k.id}"], out))
        for a, b in combinations(kids, 2):
            both = g.area(g.union(a.layers["boundary"]) & g.union(b.layers["boundary"]))
            if both > TOL_M2:
                F[q.id].append(hier("HIER-010", "error", [f"plan/{a.id}", f"plan/{b.id}"], both))


# ============================================================== approvals (ELAS-007, waivers)

def check_approvals(plan, F, stats):
    """ELAS-007 on each approval (one finding per failed check, in the rule's order), then the waivers."""
    valid = []
    for a in plan.approvals:
        subject = [f"approvals/{a.get('id', '')}"]
        unknown = sum(len(ids) if role not in plan.layers else sum(1 for i in ids if i not in {f.id for f in plan.layers[role]})
                      for role, ids in a.get("features", {}).items())
        text = a.get("expires")
        try:  # yyyy-MM-dd only
            expires = date.fromisoformat(text) if text is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
        except ValueError:
            expires = None
        readable = text is None or expires is not None
        expired = expires is not None and expires < AS_OF
        problems = [not a.get("document"), a.get("rule") not in CATALOGUE, unknown > 0, expired, not readable]
        for n, failed in enumerate(problems):
            if failed:
                F.append(hier("ELAS-007", "warning", subject, unknown if n == 2 else None))
        stats[f"approval {a.get('id')}"] = "valid" if not any(problems) else "invalid"
        if not any(problems) and a.get("id"):
            valid.append(a)
    for f in F:
        for a in valid:
            feats = {f"{role}/{i}" for role, ids in a.get("features", {}).items() for i in ids}
            if f["rule"] == a["rule"] and (not feats or feats & set(f["subjects"])):
                f["waived_by"] = a["id"]
                break


# ============================================================== flows (FLOW-001…010)

FLOW_HA = {"ha": Fraction(1), "km2": Fraction(100), "m2": Fraction(1, 10_000), "mu": Fraction(1, 15), "10k_mu": Fraction(2000, 3)}


def significant(code):
    """The digits that identify a division: 330000 -> 33, 330100 -> 3301, 330122 -> 330122."""
    while len(code) > 6 and code.endswith("000"):
        code = code[:-3]
    while 2 < len(code) <= 6 and code.endswith("00"):
        code = code[:-2]
    return code


def contains(outer, inner):
    return outer == "000000" or inner.startswith(significant(outer))


def flow_ha(q):
    return Fraction(q["value"]) * FLOW_HA.get(q["unit"], Fraction(1))


def counting(plan):
    """Flows that count: not expired on the day of the check."""
    return [f for f in plan.flows if not (f.get("expires") and date.fromisoformat(str(f["expires"])) < AS_OF)]


def check_flows(plan, F):
    """The FLOW rules a package checked on its own (its ancestors as context) gets: no sibling is in the tree."""
    own = plan.code
    period = plan.m.get("period") or {}
    PCCT, OS = ("province", "city", "county", "township"), ("overall", "special")
    for f in plan.flows:
        s = [f"flows/{f['id']}"]
        cp, by, kind = str(f["counterpart"]), str(f.get("approved_by") or ""), f["kind"]
        cross = cp[:2] != own[:2]
        if applies(plan, PCCT, OS):  # FLOW-001, FLOW-003
            year = f.get("year")
            expired = f.get("expires") and date.fromisoformat(str(f["expires"])) < AS_OF
            sev = "warning" if expired else "error"
            problems = [not f.get("document"), not by,
                        year is None or not (period.get("base", 0) <= year <= period.get("target", 9999)),
                        significant(cp) == significant(own), flow_ha(f["amount"]) <= 0,
                        kind == "construction_quota" and not f.get("indicator"), expired]
            F += [hier("FLOW-001", sev, s) for p in problems if p]
            if by and not cross and not (contains(by, own) and contains(by, cp)):
                F.append(hier("FLOW-003", "error", s))
            if cross and kind in ("construction_quota", "pbf_relocation"):
                F.append(hier("FLOW-003", "error", s))
            if cross and kind not in ("construction_quota", "pbf_relocation") and by and by != "000000":
                F.append(hier("FLOW-003", "error", s))
        if kind == "pbf_relocation" and applies(plan, ("county", "township"), ("overall",)):  # FLOW-007 on the flow
            if by != "000000":
                F.append(hier("FLOW-007", "error", s))
            if significant(cp)[:4] != significant(own)[:4]:
                F.append(hier("FLOW-007", "error", s))
    flows = counting(plan)
    parent = plan.parent
    alloc = (parent.alloc.get(own, {}) if parent else {})
    if applies(plan, ("county", "township"), ("overall",)):
        # FLOW-005: use + out <= supply + in, for farmland (area, paddy) and linkage quota
        for kind, use, supply, of in [("farmland_quota", "farmland_occupied", "farmland_compensated", "amount"),
                                      ("farmland_quota", "farmland_occupied_paddy", "farmland_compensated_paddy", "paddy"),
                                      ("linkage_quota", "linkage_new_construction", "linkage_reclaimed", "amount")]:
            if not any(f["kind"] == kind for f in plan.flows) or use not in plan.ind:
                continue
            sign = {"in": -1, "out": 1}
            moved = sum(sign[f["direction"]] * (flow_ha(f[of]) if of in f else 0) for f in flows if f["kind"] == kind)
            short = (plan.ind[use] - plan.ind.get(supply, 0)) / 10_000 + moved
            if short > Fraction(1, 10_000):
                F.append(hier("FLOW-005", "warning" if of == "paddy" else "error", [f"indicators/{use}"], short))
        # FLOW-006: a plan sending quota meets its allocated floors
        if parent and any(f["kind"] in ("farmland_quota", "linkage_quota") and f["direction"] == "out" for f in plan.flows):
            for key in ("farmland_retention", "permanent_basic_farmland_area"):
                if key in alloc and key in plan.ind and alloc[key][0] == "min":
                    limit = alloc[key][1] * UNIT_M2[alloc[key][2]] / 10_000
                    if plan.ind[key] / 10_000 < limit:
                        F.append(hier("FLOW-006", "warning", [f"indicators/{key}"], plan.ind[key] / 10_000))
        # FLOW-007: PBF held to the allocation moved by the relocations
        pbf = [f for f in flows if f["kind"] == "pbf_relocation"]
        key = "permanent_basic_farmland_area"
        if parent and pbf and key in alloc and key in plan.ind:
            limit = alloc[key][1] * UNIT_M2[alloc[key][2]] / 10_000 + sum((1 if f["direction"] == "in" else -1) * flow_ha(f["amount"]) for f in pbf)
            if plan.ind[key] / 10_000 < limit:
                F.append(hier("FLOW-007", "error", [f"indicators/{key}"], plan.ind[key] / 10_000))


def check_flow_tree(plans):
    """The FLOW findings only a check of the whole tree adds: mirrors, children's sums, enclaves declared by both."""
    F = []
    by_code = {significant(p.code): p for p in plans.values() if p.type == "overall"}
    for p in plans.values():
        for f in p.flows:
            other = by_code.get(significant(str(f["counterpart"])))
            if other is None:
                continue  # FLOW-002 not applicable
            mirrors = [m for m in other.flows if m["kind"] == f["kind"] and m["direction"] != f["direction"]
                       and significant(str(m["counterpart"])) == significant(p.code)
                       and all(m.get(k) == f.get(k) for k in ("document", "approved_by", "year"))]
            if not mirrors:
                F.append((p.id, hier("FLOW-002", "error", [f"flows/{f['id']}"])))
                continue
            m = mirrors[0]
            if abs(flow_ha(m["amount"]) - flow_ha(f["amount"])) > Fraction(1, 10_000):
                F.append((p.id, hier("FLOW-002", "error", [f"flows/{f['id']}"], abs(flow_ha(m["amount"]) - flow_ha(f["amount"])))))
            if "paddy" in m and "paddy" in f and abs(flow_ha(m["paddy"]) - flow_ha(f["paddy"])) > Fraction(1, 10_000):
                F.append((p.id, hier("FLOW-002", "error", [f"flows/{f['id']}"])))
            if f["kind"] == "pbf_relocation" and "grade" in f and "grade" in m:
                grade_in, grade_out = (f["grade"], m["grade"]) if f["direction"] == "in" else (m["grade"], f["grade"])
                if grade_in > grade_out:
                    F.append((p.id, hier("FLOW-007", "error", [f"flows/{f['id']}"], grade_in - grade_out)))
        # FLOW-005 at a parent: the children's flows between children net to zero
        if p.level in ("province", "city") and p.type == "overall":
            kids = {significant(c.code) for c in p.children if c.type == "overall"}
            for kind in ("farmland_quota", "linkage_quota"):
                inside = [f for c in p.children if c.type == "overall" for f in counting(c)
                          if f["kind"] == kind and significant(str(f["counterpart"])) in kids]
                net = sum((1 if f["direction"] == "in" else -1) * flow_ha(f["amount"]) for f in inside)
                if inside and abs(net) > Fraction(1, 10_000):
                    F.append((p.id, hier("FLOW-005", "error", [], abs(net))))
        # FLOW-009: the other side of each enclave declares it
        for e in p.layers.get("enclaves", []):
            host, home = e.props.get("host"), e.props.get("home")
            other = by_code.get(significant(home if host == p.code else host))
            if other is not None and e.id not in {x.id for x in other.layers.get("enclaves", [])}:
                F.append((p.id, hier("FLOW-009", "error", [f"enclaves/{e.id}"])))
    return F


# ============================================================== main

def key(f):
    return (f["rule"], f["severity"], tuple(f["subjects"]), f.get("waived_by") or "")


def same_value(a, b):
    if "value" not in a or "value" not in b:
        return ("value" in a) == ("value" in b)
    return abs(a["value"] - b["value"]) <= max(0.01, 1e-9 * abs(b["value"]))


def main():
    plans = {}
    for d in sorted(ROOT.iterdir()):
        if (d / "plan.yaml").exists():
            p = Plan(d)
            plans[p.id] = p
    for p in plans.values():
        par = p.m.get("parent")
        if par:
            target = (p.folder / par).resolve()
            p.parent = next((q for q in plans.values() if q.folder.resolve() == target), None)
            check(p.parent is not None, f"{p.id}: parent {par} not found")
            if p.parent:
                p.parent.children.append(p)
    derived, stats = {}, {}
    for pid, p in plans.items():
        stats[pid] = {}
        derived[pid] = check_plan(p, stats[pid])
    check_hierarchy(plans, derived, stats)
    for pid, p in plans.items():
        check_flows(p, derived[pid])
        stats[pid]["flows"] = len(p.flows)
    for pid, p in plans.items():
        check_approvals(p, derived[pid], stats[pid])
    tree_only = check_flow_tree(plans)

    ok = True
    print()
    print("verify_examples: findings derived from the files vs expected-findings.json")
    for pid, p in plans.items():
        exp = p.expected
        check(exp["plan"] == pid, f"{pid}: expected-findings names {exp['plan']}")
        got = sorted(derived[pid], key=key)
        want = sorted(exp["findings"], key=key)
        exit_code = 1 if any(f["severity"] == "error" and not f.get("waived_by") for f in got) else 0
        match = [key(f) for f in got] == [key(f) for f in want] and all(
            same_value(a, b) for a, b in zip(got, want))
        match &= exit_code == exp["exit_code"]
        ok &= match
        counts = {}
        for f in got:
            counts[f["rule"]] = counts.get(f["rule"], 0) + 1
        print(f"\n  {pid}  ({p.level}/{p.type}, region {p.code})  exit {exit_code}  "
              f"{'OK' if match else 'MISMATCH'}")
        print("    layers: " + ", ".join(f"{r} {len(fs)}" for r, fs in p.layers.items()))
        print("    measured: " + ", ".join(f"{k} {v}" for k, v in stats[pid].items()))
        for f in got:
            v = f"{f['value']:>12.6g}" if "value" in f else f"{'—':>12s}"
            print(f"    {f['rule']:9s} {f['severity']:8s} {v}  {', '.join(f['subjects']) or '(plan)'}"
                  + (f"  waived by {f['waived_by']}" if f.get("waived_by") else ""))
        if not got:
            print("    no findings")
        if not match:
            gk, wk = {key(f) for f in got}, {key(f) for f in want}
            for k in sorted(gk - wk):
                print(f"    UNEXPECTED {k}")
            for k in sorted(wk - gk):
                print(f"    MISSING    {k}")
            for a, b in zip(got, want):
                if key(a) == key(b) and not same_value(a, b):
                    print(f"    VALUE      {key(a)}: derived {a.get('value')} expected {b.get('value')}")
    # Checked as one tree, the flows balance: the tree adds no FLOW finding to the packages' own.
    print("\n  whole tree (check example-plans): " + ("no FLOW finding beyond the packages' own" if not tree_only else "MISMATCH"))
    for pid, f in tree_only:
        print(f"    UNEXPECTED {pid} {f}")
    ok &= not tree_only
    if problems:
        ok = False
        print("\nproblems:")
        for m in problems[:50]:
            print("  " + m)
    print("\nverify_examples: " + ("all plans match their expected findings" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
