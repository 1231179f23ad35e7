#!/usr/bin/env python3
"""Regenerate the rule-test fixtures of the HIER rules (rules/hierarchy.yaml).

Usage:  python3 rules/tests/make_hier_fixtures.py

Each case becomes rules/tests/<RULE-ID>/<case>/ holding the plan under test (plan.yaml, layers/,
expect.yaml) and, for rules across a plan tree, its relatives as packages in subfolders: the
parent in parent/ (the case's plan.yaml says `parent: parent`), children in children/<name>/ (each
says `parent: ../..`). See docs/rule-authoring.md, "Rule tests". Only the HIER case folders listed
here are rewritten; other rules' fixtures are left alone. Standard library only; the geometry and
writer helpers come from make_fixtures.py beside this file.

Geometry: axis-aligned rectangles in local metres shifted to EPSG:4527 (x ~ 39 500 000, y ~ 3 300 000),
so every area is exact and hand-computable. Units (DOMAIN.md §1): 1 mu = 2000/3 m2, 1 ha = 15 mu,
10k mu = 2000/3 ha, 1 km2 = 100 ha. Transmission values are in hectares.

Subjects in expect.yaml are "layer/id"; a feature of the parent or of a child is named the same way
(its plan is not part of the string). Plan-level findings name "plan/<plan id>", indicators
"indicators/<key>", whole layers "<role>/*".
"""

import os
import shutil

from make_fixtures import HERE, feat, fire, q, rect, point, write_expect, write_geojson, _num

# Region codes of the test world (administrative-code hierarchy: 2 / 4 / 6 / 9 / 12 digits).
PROVINCE = ("330000", "清河省")
CITY = ("330100", "清河市")
OTHER_CITY = ("330200", "白水市")
CENTRAL = ("330102", "清河市中心城区")
COUNTY = ("330122", "清河县")
COUNTY_B = ("330123", "青山县")
COUNTY_OF_OTHER_CITY = ("330222", "白水县")
TOWNSHIP = ("330122101", "清河镇")
VILLAGE = ("330122101201", "清河镇东村")

TYPE_ZH = {"overall": "总体规划", "detailed": "详细规划", "special": "专项规划"}

CASES = []


# ---------------------------------------------------------------- packages

def pkg(level, ptype, region, layers=None, indicators=None, allocations=None, **relatives):
    """A plan package. relatives: parent=pkg(...) and/or children={"a": pkg(...), ...}."""
    return dict(level=level, ptype=ptype, region=region, layers=layers or {}, indicators=indicators or {},
                allocations=allocations or {}, parent=relatives.get("parent"),
                children=relatives.get("children") or {})


def case(rule, name, note, root, fires=None):
    """Register one case; root is the plan under test. fires=None means `silent: true`."""
    CASES.append(dict(rule=rule, name=name, note=note, root=root, fires=fires))


def write_plan(folder, plan_id, title, p, parent_ref):
    """title: (zh, en) of the case, shown in the plan's name."""
    code, region = p["region"]
    zh = f"{region}国土空间{TYPE_ZH[p['ptype']]}（{title[0]}）"
    lines = [
        "schema: elementflow/plan/v1",
        f"id: {plan_id}",
        f"name: {{ zh: {q(zh)}, en: {q(title[1])} }}",
        f"level: {p['level']}",
        f"type: {p['ptype']}",
        f"region: {{ code: {q(code)}, name: {region} }}",
        "period: { base: 2020, target: 2035 }",
    ]
    if parent_ref:
        lines.append(f"parent: {parent_ref}")
    lines.append("crs: EPSG:4527")
    if p["layers"]:
        lines.append("layers:")
        lines += [f"  {role}: layers/{role}.geojson" for role in p["layers"]]
    if p["indicators"]:
        lines.append("indicators:")
        lines += [f"  {key}: {{ value: {_num(v)}, unit: {unit} }}" for key, (v, unit) in p["indicators"].items()]
    if p["allocations"]:
        lines.append("allocations:")
        for region_code, targets in p["allocations"].items():
            lines.append(f"  {q(region_code)}:")
            for key, (bound, v, unit) in targets.items():
                lines.append(f"    {key}: {{ {bound}: {_num(v)}, unit: {unit} }}")
    with open(os.path.join(folder, "plan.yaml"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


def write_package(folder, plan_id, title, p, parent_ref):
    os.makedirs(folder)
    if p["layers"]:
        os.makedirs(os.path.join(folder, "layers"))
        for role, features in p["layers"].items():
            write_geojson(os.path.join(folder, "layers", f"{role}.geojson"), features)
    parent = p["parent"]
    if parent is not None:
        parent_ref = "parent"
        write_package(os.path.join(folder, "parent"), f"{plan_id}-parent",
                      (f"{title[0]}，上级规划", f"{title[1]}, parent"), parent, None)
    write_plan(folder, plan_id, title, p, parent_ref)
    for name, child in p["children"].items():
        write_package(os.path.join(folder, "children", name), f"{plan_id}-{name}",
                      (f"{title[0]}，下级规划 {name}", f"{title[1]}, child {name}"),
                      child, "../..")


def emit(c):
    folder = os.path.join(HERE, c["rule"], c["name"])
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    write_package(folder, plan_id(c["rule"], c["name"]),
                  (f"{c['rule']} 测试：{c['name']}", f"{c['rule']} test case: {c['name']}"), c["root"], None)
    write_expect(os.path.join(folder, "expect.yaml"), c["note"], c["fires"])


def plan_id(rule, name):
    return f"{rule.lower()}-{name}"


def bnd(x1=0, y1=0, x2=1000, y2=1000, fid="B1"):
    return [feat(fid, rect(x1, y1, x2, y2))]


# Binding indicators of a city or county overall plan (HIER-006), units as usually published.
BINDING = {
    "farmland_retention": (12.5, "10k_mu"),
    "permanent_basic_farmland_area": (10.2, "10k_mu"),
    "ecological_redline_area": (85.3, "km2"),
    "urban_development_boundary_area": (42.1, "km2"),
    "construction_land_total": (60.5, "km2"),
    "water_use_total": (3.2, "100m_m3"),
}


# ---------------------------------------------------------------- HIER-001 valid level/type pair

def hier_001():
    r = "HIER-001"
    case(r, "fires-province-detailed",
         "A province plan of type detailed: detailed plans exist only at city, county and township level.",
         pkg("province", "detailed", PROVINCE, {"boundary": bnd()}),
         [fire(f"plan/{plan_id(r, 'fires-province-detailed')}")])
    case(r, "passes",
         "A township detailed plan (village plan, 村庄规划) is a valid pair.",
         pkg("township", "detailed", VILLAGE, {"boundary": bnd()}))
    case(r, "passes-province-special",
         "Special plans exist at every level, the province included.",
         pkg("province", "special", PROVINCE, {"boundary": bnd()}))


# ---------------------------------------------------------------- HIER-002 the right parent

def hier_002():
    r = "HIER-002"
    city = lambda: pkg("city", "overall", CITY, {"boundary": bnd(0, 0, 4000, 4000)})
    name = "fires-region-outside-parent"
    case(r, name,
         "County overall 330222 (a county of city 3302) names city 330100 as its parent: the region code "
         "does not lie inside 3301. Overall under overall one level up, so only the region check fires.",
         pkg("county", "overall", COUNTY_OF_OTHER_CITY, {"boundary": bnd()}, parent=city()),
         [fire(f"plan/{plan_id(r, name)}")])
    name = "fires-overall-two-levels-up"
    case(r, name,
         "County overall 330122 names the province overall 330000 as its parent: the region lies inside, "
         "but an overall plan answers to the overall plan one level up (the city), not two.",
         pkg("county", "overall", COUNTY, {"boundary": bnd()},
             parent=pkg("province", "overall", PROVINCE, {"boundary": bnd(0, 0, 9000, 9000)})),
         [fire(f"plan/{plan_id(r, name)}")])
    name = "fires-parent-not-overall"
    case(r, name,
         "County detailed plan whose parent is the city's detailed plan: a detailed plan answers to the "
         "overall plan of its area.",
         pkg("county", "detailed", COUNTY, {"boundary": bnd()},
             parent=pkg("city", "detailed", CITY, {"boundary": bnd(0, 0, 4000, 4000)})),
         [fire(f"plan/{plan_id(r, name)}")])
    case(r, "passes",
         "County overall 330122 under the city overall 330100 (one level up, region inside).",
         pkg("county", "overall", COUNTY, {"boundary": bnd()}, parent=city()))
    case(r, "passes-detailed-under-city-overall",
         "City detailed plan of the central district 330102 under the city overall 330100 (same level).",
         pkg("city", "detailed", CENTRAL, {"boundary": bnd()}, parent=city()))
    case(r, "passes-parent-not-in-case",
         "County overall without a parent: key and without a parent/ folder: the rule is not applicable "
         "(a draft linted alone is not wrong for that).",
         pkg("county", "overall", COUNTY, {"boundary": bnd()}))


# ---------------------------------------------------------------- HIER-003 / HIER-004 allocations

def city_allocating(targets, to=COUNTY):
    """The city overall plan allocating `targets` ({key: (min|max, value, unit)}) to one region."""
    return pkg("city", "overall", CITY, {"boundary": bnd(0, 0, 4000, 4000)}, allocations={to[0]: targets})


def hier_003():
    r = "HIER-003"
    alloc = {"farmland_retention": ("min", 3, "10k_mu"),            # 3 x 20 000 000/3 m2 = 2000 ha
             "ecological_redline_area": ("min", 0.5, "km2")}         # 50 ha
    case(r, "fires-below-allocation",
         "The city allocates farmland_retention min 3 10k_mu (= 2000 ha) to 330122; the county declares "
         "1999.99 ha. ecological_redline_area: 0.5 km2 allocated, 50 ha declared (equal: no finding).",
         pkg("county", "overall", COUNTY, {"boundary": bnd()},
             indicators={"farmland_retention": (1999.99, "ha"), "ecological_redline_area": (50, "ha")},
             parent=city_allocating(alloc)),
         [fire("indicators/farmland_retention", value=1999.99)])
    case(r, "fires-mu-below-km2",
         "ecological_redline_area allocated min 0.5 km2 (= 50 ha); the county declares 749.85 mu = 49.99 ha.",
         pkg("county", "overall", COUNTY, {"boundary": bnd()},
             indicators={"ecological_redline_area": (749.85, "mu")},
             parent=city_allocating({"ecological_redline_area": ("min", 0.5, "km2")})),
         [fire("indicators/ecological_redline_area", value=49.99)])
    case(r, "passes",
         "Exactly equal after conversion: 3 10k_mu allocated, 30000 mu declared (both 2000 ha); 0.5 km2 "
         "allocated, 50 ha declared. The urban_development_boundary_area cap (max 10 km2, 12 km2 declared) "
         "is broken, but caps are HIER-004's business.",
         pkg("county", "overall", COUNTY, {"boundary": bnd()},
             indicators={"farmland_retention": (30000, "mu"), "ecological_redline_area": (50, "ha"),
                         "urban_development_boundary_area": (12, "km2")},
             parent=city_allocating(dict(alloc, urban_development_boundary_area=("max", 10, "km2")))))
    case(r, "passes-above-allocation",
         "The county declares 2500 ha of farmland against 3 10k_mu (2000 ha) allocated: above a floor is fine.",
         pkg("county", "overall", COUNTY, {"boundary": bnd()},
             indicators={"farmland_retention": (2500, "ha")},
             parent=city_allocating({"farmland_retention": ("min", 3, "10k_mu")})))
    case(r, "passes-allocated-to-sibling",
         "The city allocates 3 10k_mu to 330123 only; nothing was allocated to this county (330122), "
         "whose 1000 ha is not compared with a sibling's allocation.",
         pkg("county", "overall", COUNTY, {"boundary": bnd()},
             indicators={"farmland_retention": (1000, "ha")},
             parent=city_allocating({"farmland_retention": ("min", 3, "10k_mu")}, to=COUNTY_B)))


def hier_004():
    r = "HIER-004"
    alloc = {"urban_development_boundary_area": ("max", 12, "km2"),  # 1200 ha
             "construction_land_total": ("max", 3, "10k_mu")}         # 2000 ha
    case(r, "fires-above-allocation",
         "The city caps urban_development_boundary_area at 12 km2 (= 1200 ha) for 330122; the county "
         "declares 1200.01 ha. construction_land_total: max 3 10k_mu (2000 ha), declared 30000.15 mu "
         "(= 2000.01 ha).",
         pkg("county", "overall", COUNTY, {"boundary": bnd()},
             indicators={"urban_development_boundary_area": (1200.01, "ha"),
                         "construction_land_total": (30000.15, "mu")},
             parent=city_allocating(alloc)),
         [fire("indicators/urban_development_boundary_area", value=1200.01),
          fire("indicators/construction_land_total", value=2000.01)])
    case(r, "passes",
         "Exactly equal after conversion: 12 km2 allocated, 1200 ha declared; 3 10k_mu allocated, 30000 mu "
         "declared (both 2000 ha). The farmland_retention floor (min 3 10k_mu, 1000 ha declared) is broken, "
         "but floors are HIER-003's business.",
         pkg("county", "overall", COUNTY, {"boundary": bnd()},
             indicators={"urban_development_boundary_area": (1200, "ha"), "construction_land_total": (30000, "mu"),
                         "farmland_retention": (1000, "ha")},
             parent=city_allocating(dict(alloc, farmland_retention=("min", 3, "10k_mu")))))
    case(r, "passes-below-cap",
         "UDB 10 km2 declared against a cap of 12 km2: below a cap is fine.",
         pkg("county", "overall", COUNTY, {"boundary": bnd()},
             indicators={"urban_development_boundary_area": (10, "km2")},
             parent=city_allocating({"urban_development_boundary_area": ("max", 12, "km2")})))


# ---------------------------------------------------------------- HIER-005 allocations close

def hier_005():
    r = "HIER-005"

    def city(indicators, to_a, to_b):
        return pkg("city", "overall", CITY, {"boundary": bnd(0, 0, 4000, 4000)}, indicators=indicators,
                   allocations={COUNTY[0]: to_a, COUNTY_B[0]: to_b})

    case(r, "fires-floors-short",
         "Own farmland_retention 3000 ha; floors handed down 1500 ha (330122) + 1.5 10k_mu = 1000 ha (330123) "
         "= 2500 ha < 3000 ha: error. The UDB caps close (12 km2 + 800 ha = 2000 ha = own 20 km2).",
         city({"farmland_retention": (3000, "ha"), "urban_development_boundary_area": (20, "km2")},
              {"farmland_retention": ("min", 1500, "ha"), "urban_development_boundary_area": ("max", 12, "km2")},
              {"farmland_retention": ("min", 1.5, "10k_mu"), "urban_development_boundary_area": ("max", 800, "ha")}),
         [fire("indicators/farmland_retention", value=2500, severity="error")])
    case(r, "fires-caps-over",
         "Own urban_development_boundary_area 20 km2 = 2000 ha; caps handed down 12 km2 + 900 ha = 2100 ha "
         "> 2000 ha: warning. The farmland floors close (1500 ha + 1.5 10k_mu = 2500 ha = own 2500 ha).",
         city({"farmland_retention": (2500, "ha"), "urban_development_boundary_area": (20, "km2")},
              {"farmland_retention": ("min", 1500, "ha"), "urban_development_boundary_area": ("max", 12, "km2")},
              {"farmland_retention": ("min", 1.5, "10k_mu"), "urban_development_boundary_area": ("max", 900, "ha")}),
         [fire("indicators/urban_development_boundary_area", value=2100, severity="warning")])
    case(r, "passes",
         "Floors: 1500 ha + 1.5 10k_mu = 2500 ha = own 2500 ha (exactly closing after conversion). Caps: "
         "12 km2 + 800 ha = 2000 ha = own 20 km2. ecological_redline_area floors 40 + 30 km2 exceed the "
         "own 60 km2, which is fine for a floor. No children packages: the rule reads the allocations.",
         city({"farmland_retention": (2500, "ha"), "urban_development_boundary_area": (20, "km2"),
               "ecological_redline_area": (60, "km2")},
              {"farmland_retention": ("min", 1500, "ha"), "urban_development_boundary_area": ("max", 12, "km2"),
               "ecological_redline_area": ("min", 40, "km2")},
              {"farmland_retention": ("min", 1.5, "10k_mu"), "urban_development_boundary_area": ("max", 800, "ha"),
               "ecological_redline_area": ("min", 30, "km2")}))


# ---------------------------------------------------------------- HIER-006 binding indicators

def hier_006():
    r = "HIER-006"
    missing = {k: v for k, v in BINDING.items() if k != "water_use_total"}
    case(r, "fires-missing-water-use",
         "County overall declaring every binding indicator but water_use_total.",
         pkg("county", "overall", COUNTY, {"boundary": bnd()}, indicators=missing),
         [fire("indicators/water_use_total", value=1)])
    case(r, "passes",
         "County overall declaring all six binding indicators.",
         pkg("county", "overall", COUNTY, {"boundary": bnd()}, indicators=BINDING))
    case(r, "passes-city",
         "City overall declaring all six binding indicators, in other units than usual (ha, mu).",
         pkg("city", "overall", CITY, {"boundary": bnd()},
             indicators=dict(BINDING, farmland_retention=(83333.4, "ha"), ecological_redline_area=(12795000, "mu"))))


# ---------------------------------------------------------------- HIER-007 detailed and special plans

def overall_lines(level, region):
    """The overall plan a detailed or special plan answers to:
    UDB U1 [0,1000]^2, PBF P1 [1000,2000]x[0,500], ERL E1 [1000,2000]x[500,1000]; north of the UDB,
    [0,2000]x[1000,2000], is land under no line."""
    return pkg(level, "overall", region, {
        "boundary": bnd(0, 0, 3000, 2000, fid="PB1"),
        "urban_development_boundary": [feat("U1", rect(0, 0, 1000, 1000), zone="concentrated")],
        "permanent_basic_farmland": [feat("P1", rect(1000, 0, 2000, 500))],
        "ecological_redline": [feat("E1", rect(1000, 500, 2000, 1000))],
    })


def hier_007():
    r = "HIER-007"
    case(r, "fires-construction-on-pbf",
         "City detailed plan B1 [0,1100]x[0,500] strays east out of the parent's UDB U1 [0,1000]^2 onto its "
         "basic farmland P1 [1000,2000]x[0,500]: urban housing L2 (0701) [1000,1100]x[0,300] overlaps P1 by "
         "100 x 300 = 30000 m2; L3 (0101, cultivated) on P1 is not construction land. B1 lies "
         "100 x 500 = 50000 m2 outside U1.",
         pkg("city", "detailed", CENTRAL, {
             "boundary": bnd(0, 0, 1100, 500),
             "land_use": [feat("L1", rect(0, 0, 1000, 500), code="0701"),
                          feat("L2", rect(1000, 0, 1100, 300), code="0701"),
                          feat("L3", rect(1000, 300, 1100, 500), code="0101")],
         }, parent=overall_lines("city", CITY)),
         [fire("land_use/L2", "permanent_basic_farmland/P1", value=30000),
          fire("boundary/B1", value=50000)])
    case(r, "fires-outside-udb",
         "City detailed plan B1 [0,1000]x[0,1200] reaches 1000 x 200 = 200000 m2 north of the parent's UDB "
         "U1 [0,1000]^2, onto land under no line (no construction on ERL or PBF).",
         pkg("city", "detailed", CENTRAL, {
             "boundary": bnd(0, 0, 1000, 1200),
             "land_use": [feat("L1", rect(0, 0, 1000, 1000), code="0701"),
                          feat("L2", rect(0, 1000, 1000, 1200), code="0101")],
         }, parent=overall_lines("city", CITY)),
         [fire("boundary/B1", value=200000)])
    case(r, "fires-special-road-on-erl",
         "City special plan (transport) with highway L1 (1202) [500,2000]x[700,800]: overlaps the parent's "
         "red line E1 [1000,2000]x[500,1000] by 1000 x 100 = 100000 m2. A special plan's area is not held "
         "to the UDB (the within check applies to city and county detailed plans only).",
         pkg("city", "special", CITY, {
             "boundary": bnd(0, 0, 3000, 2000),
             "land_use": [feat("L1", rect(500, 700, 2000, 800), code="1202")],
         }, parent=overall_lines("city", CITY)),
         [fire("land_use/L1", "ecological_redline/E1", value=100000)])
    case(r, "passes",
         "City detailed plan B1 = the parent's UDB U1 [0,1000]^2; construction parcels (0701, 0803, 1001) "
         "inside, L3 touching P1 and E1 along x = 1000 without overlapping them.",
         pkg("city", "detailed", CENTRAL, {
             "boundary": bnd(0, 0, 1000, 1000),
             "land_use": [feat("L1", rect(0, 0, 500, 1000), code="0701"),
                          feat("L2", rect(500, 0, 900, 1000), code="0803"),
                          feat("L3", rect(900, 0, 1000, 1000), code="1001")],
         }, parent=overall_lines("city", CITY)))
    case(r, "passes-village-outside-udb",
         "Township detailed plan (village plan) B1 [0,2000]x[1000,2000] lies wholly outside the township "
         "overall plan's UDB: village plans are outside it by design (the within check applies to city and "
         "county only). Rural homesteads (0703) only touch the red line E1 along y = 1000; farmland (0101).",
         pkg("township", "detailed", VILLAGE, {
             "boundary": bnd(0, 1000, 2000, 2000),
             "land_use": [feat("L1", rect(0, 1000, 2000, 1100), code="0703"),
                          feat("L2", rect(0, 1100, 2000, 2000), code="0101")],
         }, parent=overall_lines("township", TOWNSHIP)))
    case(r, "passes-without-parent",
         "City detailed plan with construction land and no parent in the case: the rule needs the parent's "
         "lines and is not applicable.",
         pkg("city", "detailed", CENTRAL, {
             "boundary": bnd(0, 0, 1100, 500),
             "land_use": [feat("L1", rect(0, 0, 1100, 500), code="0701")],
         }))


# ---------------------------------------------------------------- HIER-008 lines pass down

def city_lines(erl=None):
    """The city overall plan over the county [0,1000]^2: ERL CE1 [0,300]x[0,1000], PBF CP1 [300,600]x[0,1000],
    UDB CU1 [600,1000]x[0,600]."""
    return pkg("city", "overall", CITY, {
        "boundary": bnd(-1000, 0, 3000, 2000, fid="CB1"),
        "ecological_redline": erl or [feat("CE1", rect(0, 0, 300, 1000))],
        "permanent_basic_farmland": [feat("CP1", rect(300, 0, 600, 1000))],
        "urban_development_boundary": [feat("CU1", rect(600, 0, 1000, 600), zone="concentrated")],
    })


def county_lines(erl=None, pbf=None, udb=None):
    return pkg("county", "overall", COUNTY, {
        "boundary": bnd(0, 0, 1000, 1000),
        "ecological_redline": erl or [feat("E1", rect(0, 0, 300, 1000))],
        "permanent_basic_farmland": pbf or [feat("P1", rect(300, 0, 600, 1000))],
        "urban_development_boundary": udb or [feat("U1", rect(600, 0, 1000, 600), zone="concentrated")],
    }, parent=city_lines())


def hier_008():
    r = "HIER-008"
    c = county_lines(erl=[feat("E1", rect(100, 0, 300, 1000)), feat("E2", rect(0, 50, 100, 1000))])
    case(r, "fires-erl-dropped",
         "County [0,1000]^2 under the city. The city's red line CE1 [0,300]x[0,1000]; the county's E1 "
         "[100,300]x[0,1000] + E2 [0,100]x[50,1000] leave out [0,100]x[0,50] = 100 x 50 = 5000 m2.",
         c, [fire("ecological_redline/CE1", value=5000)])
    c = county_lines(pbf=[feat("P1", rect(300, 0, 600, 900))])
    case(r, "fires-pbf-dropped",
         "The county's basic farmland P1 [300,600]x[0,900] leaves out [300,600]x[900,1000] = 30000 m2 of the "
         "city's CP1.",
         c, [fire("permanent_basic_farmland/CP1", value=30000)])
    c = county_lines(udb=[feat("U1", rect(600, 0, 1000, 700), zone="concentrated")])
    case(r, "fires-udb-outside",
         "The county's UDB U1 [600,1000]x[0,700] sticks out of the city's CU1 [600,1000]x[0,600] by "
         "400 x 100 = 40000 m2.",
         c, [fire("urban_development_boundary/U1", value=40000)])
    case(r, "passes",
         "The county's three lines are the city's, clipped to the county boundary: identical.",
         county_lines())
    c = county_lines()
    c["parent"] = city_lines(erl=[feat("CE1", rect(-500, 0, 300, 1000)), feat("CE2", rect(-1000, 0, -600, 1000))])
    case(r, "passes-parent-line-beyond-boundary",
         "The city's red line CE1 [-500,300]x[0,1000] extends 500 m west beyond the county boundary and CE2 "
         "lies wholly outside it; the county carries CE1's part inside, [0,300]x[0,1000]. Outside is not the "
         "county's business.",
         c)
    c = county_lines(erl=[feat("E1", rect(0, 0, 300, 1000)), feat("E2", rect(600, 800, 1000, 1000))],
                     pbf=[feat("P1", rect(300, 0, 600, 1000)), feat("P2", rect(600, 600, 1000, 800))],
                     udb=[feat("U1", rect(600, 0, 1000, 500), zone="concentrated")])
    case(r, "passes-stricter-lines",
         "The county carries the city's CE1 and CP1 in full (E1, P1) and adds red line E2 [600,1000]x[800,1000] "
         "and basic farmland P2 [600,1000]x[600,800] where the city drew none; its UDB U1 [600,1000]x[0,500] "
         "is smaller than the city's CU1 [600,1000]x[0,600]. Adding protection and shrinking the UDB keep "
         "the lines.",
         c)


# ---------------------------------------------------------------- HIER-009 content fits the level

def hier_009():
    r = "HIER-009"
    case(r, "fires-province-land-use",
         "Province overall plan with a land_use layer of 2 parcels (value: the feature count).",
         pkg("province", "overall", PROVINCE, {
             "boundary": bnd(),
             "land_use": [feat("L1", rect(0, 0, 500, 1000), code="0101"),
                          feat("L2", rect(500, 0, 1000, 1000), code="0701")],
         }),
         [fire("land_use/*", value=2, severity="warning")])
    case(r, "fires-city-missing-layers",
         "City overall plan without facilities and residential layers: two findings.",
         pkg("city", "overall", CITY, {
             "boundary": bnd(),
             "land_use": [feat("L1", rect(0, 0, 1000, 1000), code="0701")],
         }),
         [fire("facilities/*", value=1, severity="warning"), fire("residential/*", value=1, severity="warning")])
    case(r, "passes",
         "City overall plan with facilities and residential layers (and parcel-level land use, fine at city level).",
         pkg("city", "overall", CITY, {
             "boundary": bnd(),
             "land_use": [feat("L1", rect(0, 0, 1000, 1000), code="0701")],
             "facilities": [feat("F1", point(200, 200), kind="kindergarten"),
                            feat("F2", point(600, 600), kind="primary_school")],
             "residential": [feat("R1", rect(0, 0, 500, 500), population=3000),
                             feat("R2", rect(500, 500, 1000, 1000), population=2500)],
         }))
    case(r, "passes-province-without-land-use",
         "Province overall plan with only boundary and control lines: nothing finer than its level.",
         pkg("province", "overall", PROVINCE, {
             "boundary": bnd(),
             "ecological_redline": [feat("E1", rect(0, 0, 300, 1000))],
         }))
    case(r, "passes-township-overall",
         "Township overall plan without facilities or residential layers: the life-circle layers are "
         "demanded of city and county overall plans only.",
         pkg("township", "overall", TOWNSHIP, {
             "boundary": bnd(),
             "land_use": [feat("L1", rect(0, 0, 1000, 1000), code="0101")],
         }))


# ---------------------------------------------------------------- HIER-010 children tile the parent

def hier_010():
    r = "HIER-010"

    def city(a, b, extra=None):
        children = {"a": pkg("county", "overall", COUNTY, {"boundary": [feat("A1", rect(*a))]}),
                    "b": pkg("county", "overall", COUNTY_B, {"boundary": [feat("B1", rect(*b))]})}
        children.update(extra or {})
        return pkg("city", "overall", CITY, {"boundary": bnd(0, 0, 2000, 1000, fid="C1")}, children=children)

    case(r, "fires-child-outside",
         "City C1 [0,2000]x[0,1000]; county a A1 [0,1000]x[0,1000], county b B1 [1000,2100]x[0,1000] sticks "
         "out by 100 x 1000 = 100000 m2.",
         city((0, 0, 1000, 1000), (1000, 0, 2100, 1000)),
         [fire("boundary/B1", value=100000)])
    case(r, "fires-children-overlap",
         "County a A1 [0,1100]x[0,1000] and county b B1 [1000,2000]x[0,1000] overlap by 100 x 1000 = 100000 m2.",
         city((0, 0, 1100, 1000), (1000, 0, 2000, 1000)),
         [fire("boundary/A1", "boundary/B1", value=100000)])
    case(r, "passes",
         "County a A1 [0,1000]x[0,1000] and county b B1 [1000,2000]x[0,1000] tile the city, sharing an edge.",
         city((0, 0, 1000, 1000), (1000, 0, 2000, 1000)))
    case(r, "passes-detailed-child-not-subdivision",
         "Tiling counties a and b, plus a city detailed plan (children/d, D1 [500,1500]x[0,500]) overlapping "
         "both: detailed and special children are not part of the subdivision.",
         city((0, 0, 1000, 1000), (1000, 0, 2000, 1000),
              {"d": pkg("city", "detailed", CENTRAL, {"boundary": [feat("D1", rect(500, 0, 1500, 500))]})}))


def main():
    for build in (hier_001, hier_002, hier_003, hier_004, hier_005, hier_006, hier_007, hier_008, hier_009,
                  hier_010):
        build()
    for c in CASES:
        emit(c)
    print(f"wrote {len(CASES)} cases under {HERE}")


if __name__ == "__main__":
    main()
