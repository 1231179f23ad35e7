#!/usr/bin/env python3
"""Regenerate the rule-test fixtures of the DATA and LINE rules (rules/data.yaml, rules/redlines.yaml).

Usage:  python3 rules/tests/make_fixtures.py

Each case becomes rules/tests/<RULE-ID>/<case>/ with plan.yaml, layers/<role>.geojson and expect.yaml
(format: docs/rule-authoring.md, "Rule tests"). Only the case folders listed here are rewritten;
other rules' fixtures are left alone. Standard library only.

Geometry: axis-aligned rectangles in local metres, shifted to EPSG:4527 (CGCS2000 / 3-degree
Gauss-Kruger zone 39, easting with the zone prefix), so every area below is exact and hand-computable.

Subjects in expect.yaml are "layer/id". A finding that is about the plan or a whole layer, not a
feature (a missing layer or indicator, a CRS, a ratio, a declared-vs-measured pair), is written
with `subjects: []` and pinned by its value; a comment says which finding is meant.
"""

import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

# Origin of the local coordinates: EPSG:4527 easting (zone prefix 39, central meridian 117 E), northing ~29.8 N.
X0, Y0 = 39_500_000, 3_300_000

REGIONS = {
    "province": ("330000", "清河省"),
    "city": ("330100", "清河市"),
    "county": ("330122", "清河县"),
    "township": ("330122101", "清河镇"),
}
TYPE_ZH = {"overall": "总体规划", "detailed": "详细规划", "special": "专项规划"}

CASES = []


# ---------------------------------------------------------------- geometry

def _num(v):
    """Keep integers integral in the JSON output (39500100, not 39500100.0)."""
    return int(v) if float(v).is_integer() else round(v, 6)


def ring(points, ox=X0, oy=Y0):
    pts = [[_num(ox + x), _num(oy + y)] for x, y in points]
    return pts + [pts[0]]


def rect_ring(x1, y1, x2, y2, clockwise=False, ox=X0, oy=Y0):
    pts = [(x1, y1), (x2, y1), (x2, y2), (x1, y2)]  # counter-clockwise
    if clockwise:
        pts = [pts[0]] + pts[:0:-1]
    return ring(pts, ox, oy)


def rect(x1, y1, x2, y2, ox=X0, oy=Y0, holes=()):
    """Polygon [x1,x2] x [y1,y2] (local metres); holes are (x1, y1, x2, y2) tuples."""
    rings = [rect_ring(x1, y1, x2, y2, ox=ox, oy=oy)]
    rings += [rect_ring(*h, clockwise=True, ox=ox, oy=oy) for h in holes]
    return {"type": "Polygon", "coordinates": rings}


def multi(*polygons):
    return {"type": "MultiPolygon", "coordinates": [p["coordinates"] for p in polygons]}


def point(x, y, ox=X0, oy=Y0):
    return {"type": "Point", "coordinates": [_num(ox + x), _num(oy + y)]}


def line(*points, ox=X0, oy=Y0):
    return {"type": "LineString", "coordinates": [[_num(ox + x), _num(oy + y)] for x, y in points]}


def lonlat_rect(lon1, lat1, lon2, lat2):
    pts = [[lon1, lat1], [lon2, lat1], [lon2, lat2], [lon1, lat2]]
    return {"type": "Polygon", "coordinates": [pts + [pts[0]]]}


def feat(fid, geom, **props):
    """A GeoJSON feature; fid=None leaves the id out (the property `id` may still be given)."""
    f = {"type": "Feature"}
    if fid is not None:
        f["id"] = fid
    f["properties"] = props
    f["geometry"] = geom
    return f


# ---------------------------------------------------------------- writers

def q(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def write_geojson(path, features):
    body = ",\n".join("  " + json.dumps(f, ensure_ascii=False) for f in features)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n' + body + "\n]}\n")


def write_plan(path, rule, name, level, ptype, crs, roles, indicators):
    code, region = REGIONS[level]
    lines = [
        "schema: elementflow/plan/v1",
        f"id: {rule.lower()}-{name}",
        f"name: {{ zh: {q(f'{region}国土空间{TYPE_ZH[ptype]}（{rule} 测试：{name}）')}, "
        f"en: {q(f'{rule} test case: {name}')} }}",
        f"level: {level}",
        f"type: {ptype}",
        f"region: {{ code: {q(code)}, name: {region} }}",
        "period: { base: 2020, target: 2035 }",
        f"crs: {crs}",
        "layers:",
    ]
    lines += [f"  {role}: layers/{role}.geojson" for role in roles]
    if indicators:
        lines.append("indicators:")
        lines += [f"  {key}: {{ value: {_num(v)}, unit: {unit} }}" for key, (v, unit) in indicators.items()]
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


def write_expect(path, note, fires):
    lines = [f"# {line_}" for line_ in note.strip().splitlines()]
    if fires is None:
        lines.append("silent: true")
    else:
        lines.append("fires:")
        for entry in fires:
            if entry.get("comment"):
                lines.append(f"  # {entry['comment']}")
            subjects = ", ".join(entry.get("subjects", []))
            lines.append(f"  - subjects: [{subjects}]")
            if "value" in entry:
                lines.append(f"    value: {_num(entry['value'])}")
            if "severity" in entry:
                lines.append(f"    severity: {entry['severity']}")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


def case(rule, name, note, layers, fires=None, level="county", ptype="overall", crs="EPSG:4527",
         indicators=None):
    """Register one case. fires=None means `silent: true`."""
    CASES.append(dict(rule=rule, name=name, note=note, layers=layers, fires=fires, level=level,
                      ptype=ptype, crs=crs, indicators=indicators or {}))


def fire(*subjects, value=None, severity=None, comment=None):
    e = {"subjects": list(subjects)}
    if value is not None:
        e["value"] = value
    if severity is not None:
        e["severity"] = severity
    if comment:
        e["comment"] = comment
    return e


def emit(c):
    folder = os.path.join(HERE, c["rule"], c["name"])
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(os.path.join(folder, "layers"))
    for role, features in c["layers"].items():
        write_geojson(os.path.join(folder, "layers", f"{role}.geojson"), features)
    write_plan(os.path.join(folder, "plan.yaml"), c["rule"], c["name"], c["level"], c["ptype"], c["crs"],
               list(c["layers"]), c["indicators"])
    write_expect(os.path.join(folder, "expect.yaml"), c["note"], c["fires"])


# ---------------------------------------------------------------- shared pieces

def boundary(x1=0, y1=0, x2=1000, y2=1000):
    return [feat("B1", rect(x1, y1, x2, y2))]


# Full indicator set of a county overall plan (DATA-002); units as usually published (DOMAIN.md §2).
COUNTY_INDICATORS = {
    "farmland_retention": (12.5, "10k_mu"),
    "permanent_basic_farmland_area": (10.2, "10k_mu"),
    "ecological_redline_area": (85.3, "km2"),
    "urban_development_boundary_area": (42.1, "km2"),
    "urban_construction_land_base": (33.0, "km2"),
}


def overlap_trio(rule, a_role, b_role, level, note_a, note_b, a_props=None, b_props=None):
    """fires / passes (touching) / passes-below-tolerance for a two-layer no-overlap rule."""
    ap, bp = a_props or {}, b_props or {}
    a_id, b_id, b_id2 = a_role[:1].upper() + "1", b_role[:1].upper() + "1", b_role[:1].upper() + "2"
    a = [feat(a_id, rect(0, 0, 100, 100), **ap)]
    case(rule, "fires",
         f"{note_a} {a_id} [0,100]x[0,100] and {note_b} {b_id} [60,160]x[0,100] overlap by 40 x 100 = 4000 m2.",
         {a_role: a, b_role: [feat(b_id, rect(60, 0, 160, 100), **bp)]},
         [fire(f"{a_role}/{a_id}", f"{b_role}/{b_id}", value=4000)], level=level)
    case(rule, "passes",
         f"{note_a} {a_id} and {note_b} {b_id}, {b_id2} only touch along shared edges (no interior overlap).",
         {a_role: a, b_role: [feat(b_id, rect(100, 0, 200, 100), **bp),
                              feat(b_id2, rect(0, 100, 100, 200), **bp)]},
         level=level)
    case(rule, "passes-below-tolerance",
         f"{note_a} {a_id} and {note_b} {b_id} overlap by 0.005 x 100 = 0.5 m2, under the 1 m2 tolerance.",
         {a_role: a, b_role: [feat(b_id, rect(99.995, 0, 200, 100), **bp)]},
         level=level)


# ---------------------------------------------------------------- DATA

def data_001():
    r = "DATA-001"
    case(r, "fires-wgs84-crs",
         "Plan declares WGS 84 (EPSG:4326), not CGCS2000.",
         {"boundary": [feat("B1", lonlat_rect(117.00, 29.80, 117.01, 29.81))]},
         [fire(value=4326, comment="plan-level finding: EPSG 4326 outside 4513-4554")], crs="EPSG:4326")
    case(r, "passes-geographic-crs",
         "Plan declares the geographic CGCS2000 (EPSG:4490, lon/lat degrees): it is measured in the 3-degree zone of\n"
         "# its boundary's centre (DESIGN §6), so the CRS is right.",
         {"boundary": [feat("B1", lonlat_rect(117.00, 29.80, 117.01, 29.81))]}, crs="EPSG:4490")
    case(r, "fires-outside-zone",
         "EPSG:4527 (zone 39) plan; land_use L2 and L3 carry zone-38 eastings (38 5xx xxx m), outside zone 39.",
         {"boundary": boundary(),
          "land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(0, 0, 100, 100, ox=38_500_000), code="0101"),
                       feat("L3", rect(100, 0, 200, 100, ox=38_500_000), code="0301")]},
         [fire(value=2, comment="layer-level finding: land_use has 2 features outside zone 39")])
    case(r, "passes",
         "EPSG:4527 plan, every coordinate near the zone-39 central meridian (easting ~39 500 000).",
         {"boundary": boundary(),
          "land_use": [feat("L1", rect(0, 0, 500, 1000), code="0101"),
                       feat("L2", rect(500, 0, 1000, 1000), code="0301")]})
    case(r, "passes-no-zone-prefix",
         "EPSG:4548 (CGCS2000 3-degree GK, CM 117 E, no zone prefix): eastings ~500 000 are inside the zone.",
         {"boundary": [feat("B1", rect(0, 0, 1000, 1000, ox=500_000))]}, crs="EPSG:4548")


def data_002():
    r = "DATA-002"

    def county_layers():
        return {
            "boundary": boundary(),
            "ecological_redline": [feat("E1", rect(0, 0, 300, 300))],
            "permanent_basic_farmland": [feat("P1", rect(300, 0, 600, 300))],
            "urban_development_boundary": [feat("U1", rect(600, 0, 1000, 300), zone="concentrated")],
            "zoning": [feat("Z1", rect(0, 0, 1000, 1000), zone="urban_development")],
            "land_use": [feat("L1", rect(0, 0, 500, 1000), code="0101"),
                         feat("L2", rect(500, 0, 1000, 1000), code="0701")],
        }

    case(r, "passes",
         "County overall plan with every required layer, attribute and indicator.",
         county_layers(), indicators=COUNTY_INDICATORS)
    case(r, "passes-special",
         "County special plan: only the boundary is required, no indicators.",
         {"boundary": boundary()}, ptype="special")
    layers = county_layers()
    del layers["zoning"]
    case(r, "fires-missing-layer",
         "County overall plan without the zoning layer (the only missing item).",
         layers, [fire(value=1, comment="missing layer: zoning")], indicators=COUNTY_INDICATORS)
    layers = county_layers()
    layers["land_use"][1]["properties"] = {}
    case(r, "fires-missing-attribute",
         "land_use L2 has no `code` attribute.",
         layers, [fire("land_use/L2", value=1)], indicators=COUNTY_INDICATORS)
    case(r, "fires-missing-indicator",
         "Township overall plan declares farmland_retention but not permanent_basic_farmland_area.",
         {"boundary": boundary(),
          "ecological_redline": [feat("E1", rect(0, 0, 300, 300))],
          "permanent_basic_farmland": [feat("P1", rect(300, 0, 600, 300))],
          "zoning": [feat("Z1", rect(0, 0, 1000, 1000), zone="rural_development")],
          "land_use": [feat("L1", rect(0, 0, 1000, 1000), code="0101")]},
         [fire(value=1, comment="missing indicator: permanent_basic_farmland_area")],
         level="township", indicators={"farmland_retention": (1.2, "10k_mu")})


def data_003():
    r = "DATA-003"
    bowtie = {"type": "Polygon", "coordinates": [ring([(100, 0), (200, 100), (200, 0), (100, 100)])]}
    case(r, "fires-bowtie",
         "land_use L2 is a self-intersecting bow-tie polygon.",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"), feat("L2", bowtie, code="0301")]},
         [fire("land_use/L2", value=1)])
    case(r, "fires-wrong-type",
         "ecological_redline E2 is a LineString; the role needs polygons.",
         {"ecological_redline": [feat("E1", rect(0, 0, 100, 100)),
                                 feat("E2", line((200, 0), (300, 100)))]},
         [fire("ecological_redline/E2", value=1)])
    case(r, "fires-null-and-empty",
         "ecological_redline E2 has a null geometry and E3 an empty polygon.",
         {"ecological_redline": [feat("E1", rect(0, 0, 100, 100)),
                                 feat("E2", None),
                                 feat("E3", {"type": "Polygon", "coordinates": []})]},
         [fire("ecological_redline/E2", value=1), fire("ecological_redline/E3", value=1)])
    case(r, "passes",
         "Valid geometries: a polygon with a hole, a multipolygon, point and polygon facilities.",
         {"boundary": boundary(),
          "land_use": [feat("L1", rect(0, 0, 300, 300, holes=[(100, 100, 200, 200)]), code="0101"),
                       feat("L2", rect(100, 100, 200, 200), code="1701"),
                       feat("L3", multi(rect(300, 0, 400, 100), rect(500, 0, 600, 100)), code="0301")],
          "facilities": [feat("F1", point(50, 500), kind="kindergarten"),
                         feat("F2", rect(600, 600, 650, 650), kind="primary_school")]})


def data_004():
    r = "DATA-004"
    case(r, "fires-duplicate-id",
         "land_use has two features with id L2.",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(100, 0, 200, 100), code="0301"),
                       feat("L2", rect(200, 0, 300, 100), code="0401")]},
         [fire("land_use/L2")])
    case(r, "fires-missing-id",
         "The third land_use feature has neither a GeoJSON id nor an `id` property.",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(100, 0, 200, 100), code="0301"),
                       feat(None, rect(200, 0, 300, 100), code="0401")]},
         [fire(comment="issue missing-id in layer land_use (the feature has no id to name)")])
    case(r, "passes",
         "Unique ids: strings, an integer id (3) and one id given only as the `id` property (L4).",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(100, 0, 200, 100), code="0301"),
                       feat(3, rect(200, 0, 300, 100), code="0401"),
                       feat(None, rect(300, 0, 400, 100), id="L4", code="0101")]})


def data_005():
    r = "DATA-005"
    tiled_lu = [feat("L1", rect(0, 0, 100, 100), code="0101"), feat("L2", rect(100, 0, 200, 100), code="0301")]
    tiled_z = [feat("Z1", rect(0, 0, 100, 100), zone="farmland_protection"),
               feat("Z2", rect(100, 0, 200, 100), zone="ecological_control")]
    case(r, "fires-land-use-overlap",
         "land_use L1 [0,100]x[0,100] and L2 [80,180]x[0,100] overlap by 20 x 100 = 2000 m2.",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(80, 0, 180, 100), code="0301")],
          "zoning": tiled_z},
         [fire("land_use/L1", "land_use/L2", value=2000)], level="city")
    case(r, "fires-zoning-overlap",
         "zoning Z1 [0,100]x[0,100] and Z2 [90,200]x[0,50] overlap by 10 x 50 = 500 m2.",
         {"land_use": tiled_lu,
          "zoning": [feat("Z1", rect(0, 0, 100, 100), zone="farmland_protection"),
                     feat("Z2", rect(90, 0, 200, 50), zone="ecological_control"),
                     feat("Z3", rect(100, 50, 200, 100), zone="ecological_control")]},
         [fire("zoning/Z1", "zoning/Z2", value=500)], level="city")
    case(r, "passes",
         "Both layers tile without overlap; neighbours only share an edge.",
         {"land_use": tiled_lu, "zoning": tiled_z}, level="city")
    case(r, "passes-below-tolerance",
         "land_use L1 [0,100.005]x[0,100] and L2 [100,200]x[0,100] overlap by 0.5 m2, under the 1 m2 tolerance.",
         {"land_use": [feat("L1", rect(0, 0, 100.005, 100), code="0101"),
                       feat("L2", rect(100, 0, 200, 100), code="0301")],
          "zoning": tiled_z}, level="city")


def data_006():
    r = "DATA-006"
    b = boundary(0, 0, 200, 100)
    full_lu = [feat("L1", rect(0, 0, 100, 100), code="0101"), feat("L2", rect(100, 0, 200, 100), code="0301")]
    full_z = [feat("Z1", rect(0, 0, 200, 100), zone="farmland_protection")]
    case(r, "fires-land-use-gap",
         "Boundary [0,200]x[0,100]; land_use leaves [100,120]x[0,100] uncovered: 2000 m2.",
         {"boundary": b,
          "land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(120, 0, 200, 100), code="0301")],
          "zoning": full_z},
         [fire("boundary/B1", value=2000)], level="city")
    case(r, "fires-zoning-gaps",
         "zoning leaves two separate gaps, [90,100]x[0,100] = 1000 m2 and [195,200]x[0,100] = 500 m2 (per-part).",
         {"boundary": b, "land_use": full_lu,
          "zoning": [feat("Z1", rect(0, 0, 90, 100), zone="farmland_protection"),
                     feat("Z2", rect(100, 0, 195, 100), zone="ecological_control")]},
         [fire("boundary/B1", value=1000), fire("boundary/B1", value=500)], level="city")
    case(r, "passes",
         "land_use and zoning cover the boundary exactly.",
         {"boundary": b, "land_use": full_lu, "zoning": full_z}, level="city")
    case(r, "passes-below-tolerance",
         "land_use leaves a 0.005 x 100 = 0.5 m2 gap, under the 1 m2 tolerance.",
         {"boundary": b,
          "land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(100.005, 0, 200, 100), code="0301")],
          "zoning": full_z}, level="city")


def data_007():
    r = "DATA-007"
    case(r, "fires",
         "land_use L2 is 10 x 15 = 150 m2; permanent_basic_farmland P1 is 10 x 19.9 = 199 m2 (both < 200).",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(100, 0, 110, 15), code="0301")],
          "permanent_basic_farmland": [feat("P1", rect(0, 200, 10, 219.9))]},
         [fire("land_use/L2", value=150), fire("permanent_basic_farmland/P1", value=199)])
    case(r, "passes",
         "land_use L2 is exactly 200 m2 (not below the limit); facilities F1 is 25 m2 but facilities are not checked.",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(100, 0, 110, 20), code="0301")],
          "permanent_basic_farmland": [feat("P1", rect(0, 200, 100, 300))],
          "facilities": [feat("F1", rect(300, 300, 305, 305), kind="clinic")]})


def data_008():
    r = "DATA-008"
    layers = {
        "ecological_redline": [feat("E1", rect(0, 0, 1000, 500)), feat("E2", rect(0, 500, 1000, 1000))],
        "permanent_basic_farmland": [feat("P1", rect(2000, 0, 4000, 1000))],
        "urban_development_boundary": [feat("U1", rect(5000, 0, 5500, 1000), zone="concentrated")],
    }
    ok = {
        "ecological_redline_area": (1.00005, "km2"),        # map: 1 km2; 0.005 % off, inside 0.01 %
        "permanent_basic_farmland_area": (0.3, "10k_mu"),    # map: 2 000 000 m2 = 3000 mu
        "urban_development_boundary_area": (50, "ha"),       # map: 500 000 m2 = 50 ha
    }
    case(r, "passes",
         "ERL 1 km2 (two features) vs 1.00005 km2 declared; PBF 0.3 10k_mu; UDB 50 ha: all within 0.01 %.",
         layers, indicators=ok)
    bad = dict(ok, urban_development_boundary_area=(51, "ha"))
    case(r, "fires",
         "UDB declared 51 ha, the layer measures 50 ha: relative difference 0.02 (1/50; 1/51 = 0.0196).",
         layers, [fire(value=0.02, comment="pair urban_development_boundary_area vs urban_development_boundary")],
         indicators=bad)


def data_009():
    r = "DATA-009"
    case(r, "fires",
         "One unknown value per checked layer: land-use code 9901, zone industrial_park, "
         "UDB sub-zone core, facility kind casino.",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(100, 0, 200, 100), code="9901")],
          "zoning": [feat("Z1", rect(0, 0, 100, 100), zone="urban_development"),
                     feat("Z2", rect(100, 0, 200, 100), zone="industrial_park")],
          "urban_development_boundary": [feat("U1", rect(0, 0, 100, 100), zone="concentrated"),
                                         feat("U2", rect(100, 0, 200, 100), zone="core")],
          "facilities": [feat("F1", point(50, 50), kind="kindergarten"),
                         feat("F2", point(150, 50), kind="casino")]},
         [fire("land_use/L2"), fire("zoning/Z2"), fire("urban_development_boundary/U2"), fire("facilities/F2")])
    case(r, "passes",
         "Known codes at first, second and third level, a zone given by its Chinese name, "
         "and a land_use feature without a code (that is DATA-002's business).",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(100, 0, 200, 100), code="070101"),
                       feat("L3", rect(200, 0, 300, 100), code="080403"),
                       feat("L4", rect(300, 0, 400, 100), code="1401"),
                       feat("L5", rect(400, 0, 500, 100), code="16"),
                       feat("L6", rect(500, 0, 600, 100))],
          "zoning": [feat("Z1", rect(0, 0, 200, 100), zone="urban_development"),
                     feat("Z2", rect(200, 0, 400, 100), zone="农田保护区"),
                     feat("Z3", rect(400, 0, 600, 100), zone="ecological_protection")],
          "urban_development_boundary": [feat("U1", rect(0, 0, 100, 100), zone="concentrated"),
                                         feat("U2", rect(100, 0, 200, 100), zone="flexible"),
                                         feat("U3", rect(200, 0, 300, 100), zone="special")],
          "facilities": [feat("F1", point(50, 50), kind="kindergarten"),
                         feat("F2", point(150, 50), kind="primary_school"),
                         feat("F3", rect(250, 25, 275, 50), kind="clinic")]})


def data_010():
    r = "DATA-010"
    case(r, "fires",
         "Boundary [0,1000]^2; land_use L2 [900,1100]x[0,100] is 100 x 100 = 10000 m2 outside; "
         "ecological_redline E1 [-50,50]x[500,600] is 50 x 100 = 5000 m2 outside.",
         {"boundary": boundary(),
          "land_use": [feat("L1", rect(0, 0, 500, 500), code="0101"),
                       feat("L2", rect(900, 0, 1100, 100), code="0301")],
          "ecological_redline": [feat("E1", rect(-50, 500, 50, 600))]},
         [fire("land_use/L2", value=10000), fire("ecological_redline/E1", value=5000)])
    case(r, "fires-point-outside",
         "facilities F2 is a point 100 m east of the boundary (measure outside_distance_m).",
         {"boundary": boundary(),
          "facilities": [feat("F1", point(500, 500), kind="clinic"),
                         feat("F2", point(1100, 500), kind="clinic")]},
         [fire("facilities/F2", value=100)])
    case(r, "passes",
         "Every feature inside; land_use L1 and L2 tile the boundary and share its edges.",
         {"boundary": boundary(),
          "land_use": [feat("L1", rect(0, 0, 500, 1000), code="0101"),
                       feat("L2", rect(500, 0, 1000, 1000), code="0301")],
          "ecological_redline": [feat("E1", rect(100, 100, 200, 200))],
          "facilities": [feat("F1", point(500, 500), kind="clinic")]})
    case(r, "passes-below-tolerance",
         "land_use L2 [500,1000.005]x[0,100] sticks out by 0.5 m2, under the 1 m2 tolerance.",
         {"boundary": boundary(),
          "land_use": [feat("L1", rect(0, 0, 500, 100), code="0101"),
                       feat("L2", rect(500, 0, 1000.005, 100), code="0301")]})
    case(r, "passes-point-on-boundary",
         "facilities F1 lies exactly on the boundary line (distance outside 0).",
         {"boundary": boundary(),
          "facilities": [feat("F1", point(1000, 500), kind="clinic")]})


# ---------------------------------------------------------------- LINE

def line_001():
    overlap_trio("LINE-001", "ecological_redline", "permanent_basic_farmland", "county",
                 "ecological_redline", "permanent_basic_farmland")


def line_002():
    r = "LINE-002"
    case(r, "fires",
         "urban_development_boundary U1 [0,300]^2 has no hole; it encloses permanent_basic_farmland P1 "
         "[100,200]^2: overlap 10000 m2.",
         {"urban_development_boundary": [feat("U1", rect(0, 0, 300, 300), zone="concentrated")],
          "permanent_basic_farmland": [feat("P1", rect(100, 100, 200, 200))]},
         [fire("urban_development_boundary/U1", "permanent_basic_farmland/P1", value=10000)], level="city")
    case(r, "passes",
         "U1 has a hole exactly where P1 lies (开天窗); P2 touches U1 from outside.",
         {"urban_development_boundary": [feat("U1", rect(0, 0, 300, 300, holes=[(100, 100, 200, 200)]),
                                              zone="concentrated")],
          "permanent_basic_farmland": [feat("P1", rect(100, 100, 200, 200)),
                                       feat("P2", rect(300, 0, 400, 100))]},
         level="city")
    case(r, "passes-below-tolerance",
         "P1 [299.995,400]x[0,100] overlaps U1 [0,300]^2 by 0.5 m2, under the 1 m2 tolerance.",
         {"urban_development_boundary": [feat("U1", rect(0, 0, 300, 300), zone="concentrated")],
          "permanent_basic_farmland": [feat("P1", rect(299.995, 0, 400, 100))]},
         level="city")


def line_003():
    overlap_trio("LINE-003", "urban_development_boundary", "ecological_redline", "county",
                 "urban_development_boundary", "ecological_redline", a_props={"zone": "concentrated"})


def line_004():
    r = "LINE-004"
    case(r, "fires",
         "UDB U1 + U2 = 1400 x 1000 m = 140 ha; urban_construction_land_base 1 km2 = 100 ha; ratio 1.4 > 1.3.",
         {"urban_development_boundary": [feat("U1", rect(0, 0, 1000, 1000), zone="concentrated"),
                                         feat("U2", rect(1000, 0, 1400, 1000), zone="flexible")]},
         [fire(value=1.4, comment="plan-level finding: expansion_ratio 1.4")],
         level="city", indicators={"urban_construction_land_base": (1, "km2")})
    case(r, "passes",
         "UDB 120 ha over a base of 100 ha: ratio 1.2.",
         {"urban_development_boundary": [feat("U1", rect(0, 0, 1200, 1000), zone="concentrated")]},
         level="city", indicators={"urban_construction_land_base": (100, "ha")})
    case(r, "passes-at-limit",
         "UDB 130 ha over a base of 100 ha: ratio exactly 1.3, not above the limit.",
         {"urban_development_boundary": [feat("U1", rect(0, 0, 1300, 1000), zone="concentrated")]},
         level="city", indicators={"urban_construction_land_base": (100, "ha")})


def line_005():
    r = "LINE-005"
    udb = "urban_development_boundary"
    case(r, "fires-overlap",
         "Sub-zones U1 (concentrated) [0,200]x[0,100] and U2 (flexible) [150,250]x[0,100] overlap by 5000 m2.",
         {udb: [feat("U1", rect(0, 0, 200, 100), zone="concentrated"),
                feat("U2", rect(150, 0, 250, 100), zone="flexible")]},
         [fire(f"{udb}/U1", f"{udb}/U2", value=5000)])
    case(r, "fires-missing-zone",
         "U2 carries no `zone` attribute.",
         {udb: [feat("U1", rect(0, 0, 100, 100), zone="concentrated"),
                feat("U2", rect(100, 0, 200, 100))]},
         [fire(f"{udb}/U2")])
    case(r, "passes",
         "Three sub-zones, each with its zone, touching along shared edges.",
         {udb: [feat("U1", rect(0, 0, 100, 100), zone="concentrated"),
                feat("U2", rect(100, 0, 200, 100), zone="flexible"),
                feat("U3", rect(200, 0, 300, 100), zone="special")]})
    case(r, "passes-below-tolerance",
         "U1 and U2 overlap by 0.005 x 100 = 0.5 m2, under the 1 m2 tolerance.",
         {udb: [feat("U1", rect(0, 0, 100, 100), zone="concentrated"),
                feat("U2", rect(99.995, 0, 200, 100), zone="flexible")]})


def line_006():
    r = "LINE-006"
    udb = [feat("U1", rect(0, 0, 500, 500), zone="concentrated")]
    case(r, "fires",
         "UDB [0,500]^2. land_use L2 (070101, matched by prefix 0701) [600,700]x[0,100] lies 10000 m2 outside; "
         "L3 (0701) [450,550]x[200,300] lies 5000 m2 outside; L1 (0701) is inside.",
         {"urban_development_boundary": udb,
          "land_use": [feat("L1", rect(0, 0, 100, 100), code="0701"),
                       feat("L2", rect(600, 0, 700, 100), code="070101"),
                       feat("L3", rect(450, 200, 550, 300), code="0701")]},
         [fire("land_use/L2", value=10000), fire("land_use/L3", value=5000)])
    case(r, "passes",
         "0701 only inside the UDB (L1 touches its edge from inside); outside are 0703, 0702 and 0101, which are allowed.",
         {"urban_development_boundary": udb,
          "land_use": [feat("L1", rect(400, 0, 500, 100), code="0701"),
                       feat("L2", rect(600, 0, 700, 100), code="0703"),
                       feat("L3", rect(500, 200, 600, 300), code="0702"),
                       feat("L4", rect(700, 0, 800, 100), code="0101")]})
    case(r, "passes-below-tolerance",
         "0701 parcel L1 [400,500.005]x[0,100] sticks out of the UDB by 0.5 m2, under the 1 m2 tolerance.",
         {"urban_development_boundary": udb,
          "land_use": [feat("L1", rect(400, 0, 500.005, 100), code="0701")]})


def line_007():
    r = "LINE-007"
    erl = [feat("E1", rect(0, 0, 500, 500))]
    case(r, "fires",
         "Industrial land L1 (1001) [400,600]x[0,100] covers 10000 m2 of red line E1 without limited_activity: error. "
         "Forest L2 (0301) inside E1 is not construction land.",
         {"ecological_redline": erl,
          "land_use": [feat("L1", rect(400, 0, 600, 100), code="1001"),
                       feat("L2", rect(0, 200, 300, 400), code="0301")]},
         [fire("ecological_redline/E1", "land_use/L1", value=10000, severity="error")])
    case(r, "fires-tagged",
         "L1 (1202, limited_activity 6) overlaps E1 by 10000 m2: info for the reviewer. "
         "L2 (0602, limited_activity 11, not a valid category) overlaps by 10000 m2: error.",
         {"ecological_redline": erl,
          "land_use": [feat("L1", rect(400, 0, 600, 100), code="1202", limited_activity=6),
                       feat("L2", rect(400, 200, 600, 300), code="0602", limited_activity=11)]},
         [fire("ecological_redline/E1", "land_use/L1", value=10000, severity="info"),
          fire("ecological_redline/E1", "land_use/L2", value=10000, severity="error")])
    case(r, "passes",
         "Inside E1 only forest (0301) and water (1701); urban housing L3 (0701) touches E1 from outside.",
         {"ecological_redline": erl,
          "land_use": [feat("L1", rect(0, 0, 250, 500), code="0301"),
                       feat("L2", rect(250, 0, 500, 500), code="1701"),
                       feat("L3", rect(500, 0, 600, 100), code="0701")]})
    case(r, "passes-below-tolerance",
         "Industrial land L1 [499.995,600]x[0,100] overlaps E1 by 0.5 m2, under the 1 m2 tolerance.",
         {"ecological_redline": erl,
          "land_use": [feat("L1", rect(499.995, 0, 600, 100), code="1001")]})


def line_008():
    r = "LINE-008"
    pbf = [feat("P1", rect(0, 0, 200, 100))]
    case(r, "fires",
         "PBF P1 [0,200]x[0,100]: L1 (0101) covers the west half, L2 (0301 forest) the east half: 10000 m2.",
         {"permanent_basic_farmland": pbf,
          "land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(100, 0, 200, 100), code="0301")]},
         [fire("permanent_basic_farmland/P1", "land_use/L2", value=10000)])
    case(r, "passes",
         "P1 is covered by 0101 and 0103 (both cultivated); 0701 parcel L3 only touches P1 from outside.",
         {"permanent_basic_farmland": pbf,
          "land_use": [feat("L1", rect(0, 0, 100, 100), code="0101"),
                       feat("L2", rect(100, 0, 200, 100), code="0103"),
                       feat("L3", rect(200, 0, 300, 100), code="0701")]})
    case(r, "passes-below-tolerance",
         "Forest L2 [199.995,300]x[0,100] overlaps P1 by 0.5 m2, under the 1 m2 tolerance.",
         {"permanent_basic_farmland": pbf,
          "land_use": [feat("L1", rect(0, 0, 199.995, 100), code="0101"),
                       feat("L2", rect(199.995, 0, 300, 100), code="0301")]})


def main():
    for build in (data_001, data_002, data_003, data_004, data_005, data_006, data_007, data_008, data_009,
                  data_010, line_001, line_002, line_003, line_004, line_005, line_006, line_007, line_008):
        build()
    for c in CASES:
        emit(c)
    print(f"wrote {len(CASES)} cases under {HERE}")


if __name__ == "__main__":
    main()
