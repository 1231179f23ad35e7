#!/usr/bin/env python3
"""Regenerate the rule-test fixtures of the EQUI rules (rules/equity.yaml).

Usage:  python3 rules/tests/make_equity_fixtures.py

Same format and helpers as make_fixtures.py (imported from beside this file); only the EQUI-00N
case folders listed here are rewritten. Homes are residential points with a `population`;
facilities are points with a `kind`; every distance and share below is hand-computable.
Plans are city overall plans unless a case says otherwise (EQUI-005 applies to detailed plans only).

A coverage finding names the homes out of reach as its subjects; a per-subdistrict finding names the
subdistrict; a best-worst gap names the best and the worst subdistrict; plan-level findings
(per-capita, declared indicators) are written with `subjects: []` and pinned by their value.
"""

import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("make_fixtures", os.path.join(HERE, "make_fixtures.py"))
mf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mf)
feat, rect, point, line, fire = mf.feat, mf.rect, mf.point, mf.line, mf.fire

BASIC = ("clinic", "elderly_care", "primary_school", "culture", "sports")


def case(rule, name, note, layers, fires=None, **kw):
    kw.setdefault("level", "city")
    mf.case(rule, name, note, layers, fires, **kw)


def home(fid, x, y, population):
    return feat(fid, point(x, y), population=population)


def fac(fid, kind, x, y):
    return feat(fid, point(x, y), kind=kind)


def services(prefix, x, y, kinds=BASIC):
    """One facility of each kind, 10 m apart along x from (x, y)."""
    return [fac(f"{prefix}{i + 1}", kind, x + 10 * i, y) for i, kind in enumerate(kinds)]


# ---------------------------------------------------------------- EQUI-001

def equi_001():
    r = "EQUI-001"
    homes = [home("H1", 0, 0, 600), home("H2", 3000, 0, 400)]
    case(r, "fires",
         "Homes H1 (0,0) 600 people and H2 (3000,0) 400 people. Clinic, elderly care, primary school and "
         "sports near both; a culture centre only at (500,0), 2500 m from H2: culture_share 0.6. "
         "H2's health care is a health_centre, which counts for the clinic-or-health-centre group.",
         {"residential": homes,
          "facilities": services("A", 100, 0) + services("B", 2900, 0, ("health_centre", "elderly_care",
                                                                           "primary_school", "sports"))},
         [fire("residential/H2", value=0.6, comment="culture_share: 600 of 1000 residents within 1000 m")])
    case(r, "fires-across-a-river",
         "H1 (0,-10) faces a full set of services at (0..40, 210) across a river 200 m wide; the roads run "
         "along both banks (y = 0 and y = 200) and meet only at the bridge at x = 1000: 220 m by straight "
         "line, over 2000 m on foot. H2 (900,-10) walks 10 + 100 + 200 + 960 + 10 = 1280 m to the "
         "nearest (sports at x = 40). Network share 0 for every kind (straight-line share 1); five findings, one shown.",
         {"residential": [home("H1", 0, -10, 500), home("H2", 900, -10, 500)],
          "facilities": services("A", 0, 210),
          "roads": [feat("R1", line((-100, 0), (1000, 0))), feat("R2", line((-100, 200), (1000, 200))),
                    feat("R3", line((1000, 0), (1000, 200)))]},
         [fire("residential/H1", "residential/H2", value=0, comment="each kind: 0 by network, 1 by straight line")])
    case(r, "passes",
         "H1 and H2 600 m apart with every service between them; the farthest is exactly 1000 m from H2 "
         "(the distance is inclusive).",
         {"residential": [home("H1", 0, 0, 600), home("H2", 600, 0, 400)],
          "facilities": services("A", -400, 0, ("clinic",)) + services("B", 300, 0, BASIC[1:])})


# ---------------------------------------------------------------- EQUI-002 / 003 / 005

def single_kind(rule, kind, distance, **kw):
    case(rule, "fires",
         f"A {kind} at (0,0); H1 {distance} m away (covered, the limit is inclusive) with 800 people, "
         f"H2 {distance + 1} m away with 200 people: share 0.8 < 0.9.",
         {"residential": [home("H1", distance, 0, 800), home("H2", 0, distance + 1, 200)],
          "facilities": [fac("F1", kind, 0, 0)]},
         [fire("residential/H2", value=0.8)], **kw)
    case(rule, "passes",
         f"A {kind} at (0,0); H1 {distance} m away with 900 people, H2 {distance + 1} m away with 100 "
         "people: share exactly 0.9, not below it.",
         {"residential": [home("H1", distance, 0, 900), home("H2", 0, distance + 1, 100)],
          "facilities": [fac("F1", kind, 0, 0)]}, **kw)


def equi_002():
    single_kind("EQUI-002", "kindergarten", 300)


def equi_003():
    r = "EQUI-003"
    case(r, "fires-middle-school",
         "A primary school 400 and 412 m from the homes; the only middle school 1000 m from H1 (500 people) "
         "and 1431 m from H2 (500 people): middle_school_share 0.5.",
         {"residential": [home("H1", 0, 0, 500), home("H2", 400, 300, 500)],
          "facilities": [fac("F1", "primary_school", 0, 400), fac("F2", "middle_school", -1000, 0)]},
         [fire("residential/H2", value=0.5)])
    case(r, "fires-primary-school",
         "The primary school is 500 m from H1 (700 people) and 600 m from H2 (300 people): 0.7; the "
         "middle school is near both.",
         {"residential": [home("H1", 0, 0, 700), home("H2", 100, 0, 300)],
          "facilities": [fac("F1", "primary_school", -500, 0), fac("F2", "middle_school", 50, 50)]},
         [fire("residential/H2", value=0.7)])
    case(r, "passes",
         "Primary school exactly 500 m and middle school exactly 1000 m from each home.",
         {"residential": [home("H1", 0, 0, 700), home("H2", 0, 100, 300)],
          "facilities": [fac("F1", "primary_school", 0, 600), fac("F2", "middle_school", 0, -1000),
                         fac("F3", "primary_school", 500, 0), fac("F4", "middle_school", 1000, 100)]})


def equi_005():
    single_kind("EQUI-005", "elderly_care", 300, ptype="detailed")


# ---------------------------------------------------------------- EQUI-004

def equi_004():
    r = "EQUI-004"
    subdistricts = [feat("S1", rect(0, 0, 1000, 1000), code="330102001", name="东街道"),
                    feat("S2", rect(1000, 0, 2000, 1000), code="330102002", name="西街道")]
    homes = [home("H1", 500, 500, 500), home("H2", 1500, 500, 500)]
    case(r, "fires-no-centre",
         "Subdistrict S1 has a health centre, S2 only a clinic; both homes are within 1000 m of health care.",
         {"subdistricts": subdistricts, "residential": homes,
          "facilities": [fac("F1", "health_centre", 500, 600), fac("F2", "clinic", 1500, 600)]},
         [fire("subdistricts/S2", value=0, comment="health_centre_count 0 in S2")])
    case(r, "fires-too-far",
         "Each subdistrict has a health centre, but S2 is 3 km long and its centre F2 (1050,50) lies "
         "2013 m from H2 (3000,500, 400 people): clinic_or_health_centre_share 0.6.",
         {"subdistricts": [subdistricts[0], feat("S2", rect(1000, 0, 4000, 1000), code="330102002", name="西街道")],
          "residential": [home("H1", 500, 500, 600), home("H2", 3000, 500, 400)],
          "facilities": [fac("F1", "health_centre", 500, 600), fac("F2", "health_centre", 1050, 50)]},
         [fire("residential/H2", value=0.6)])
    case(r, "passes",
         "A health centre in each subdistrict, within 1000 m of every home.",
         {"subdistricts": subdistricts, "residential": homes,
          "facilities": [fac("F1", "health_centre", 500, 600), fac("F2", "health_centre", 1500, 600)]})


# ---------------------------------------------------------------- EQUI-006

def equi_006():
    r = "EQUI-006"
    homes = [home("H1", 0, 0, 500), home("H2", 2000, 0, 500)]
    green_near_both = [feat("G1", rect(100, 0, 120, 20), code="1403"), feat("G2", rect(2100, 0, 2120, 20), code="1403")]
    case(r, "fires-green",
         "1 ha parks 400 m from each home (a park, but not green within 300 m); a 20 x 20 m square "
         "(400 m2, counts) 100 m from H1, and a 20 x 19 m square (380 m2, too small) 100 m from H2: "
         "green_share 0.5.",
         {"residential": homes,
          "land_use": [feat("P1", rect(-500, -50, -400, 50), code="1401"),
                       feat("P2", rect(2400, -50, 2500, 50), code="1401"),
                       feat("G1", rect(100, 0, 120, 20), code="1403"),
                       feat("G2", rect(2100, 0, 2120, 19), code="1403")]},
         [fire("residential/H2", value=0.5)])
    case(r, "fires-park",
         "Squares within 300 m of both homes; H1 is 200 m from a 1 ha park, H2 only from a 9999 m2 one "
         "(too small to count as a park): park_share 0.5.",
         {"residential": homes,
          "land_use": green_near_both + [feat("P1", rect(-300, -50, -200, 50), code="1401"),
                                         feat("P2", rect(2200, -50, 2299.99, 50), code="1401")]},
         [fire("residential/H2", value=0.5)])
    case(r, "passes",
         "Each home is 100 m from a 400 m2 square and 200 m from a 1 ha park.",
         {"residential": homes,
          "land_use": green_near_both + [feat("P1", rect(-300, -50, -200, 50), code="1401"),
                                         feat("P2", rect(2200, -50, 2300, 50), code="1401")]})


# ---------------------------------------------------------------- EQUI-007

def equi_007():
    r = "EQUI-007"
    homes = [home("H1", 0, 0, 600), home("H2", 500, 0, 400)]
    case(r, "fires",
         "Park green (1401) 7000 m2 for 1000 residents: 7 m2 per person, below 8. The 1402 protective "
         "green does not count.",
         {"residential": homes,
          "land_use": [feat("P1", rect(0, 100, 100, 170), code="1401"), feat("G1", rect(200, 100, 300, 200), code="1402")]},
         [fire(value=7, comment="park_green_m2_per_person")])
    case(r, "passes",
         "Park green 5000 + 3000 m2 for 1000 residents: exactly 8 m2 per person.",
         {"residential": homes,
          "land_use": [feat("P1", rect(0, 100, 100, 150), code="1401"), feat("P2", rect(200, 100, 300, 130), code="1401")]})


# ---------------------------------------------------------------- EQUI-008

def equi_008():
    r = "EQUI-008"
    subdistricts = [feat("S1", rect(0, 0, 2000, 1000), code="330102001", name="清波街道"),
                    feat("S2", rect(2000, 0, 6000, 1000), code="330102002", name="望江街道")]
    # The services stand at (1000, 500); S2's homes at x = 2500 are 1500 m away unless a second set serves them.
    case(r, "fires",
         "S1's homes (1000 people) have every basic service within 1000 m; in S2, H3 (500 people) does "
         "and H4 (500 people) at (5000,500) does not: S2 0.5 < floor 0.6, and the gap 1.0 − 0.5 = 0.5 > 0.2.",
         {"subdistricts": subdistricts,
          "residential": [home("H1", 500, 500, 600), home("H2", 1500, 500, 400),
                          home("H3", 2500, 500, 500), home("H4", 5000, 500, 500)],
          "facilities": services("A", 1000, 500) + services("B", 3000, 500)},
         [fire("subdistricts/S2", value=0.5, comment="floor: S2's share 0.5"),
          fire("subdistricts/S1", "subdistricts/S2", value=0.5, comment="gap: best S1 1.0, worst S2 0.5")])
    case(r, "passes",
         "S2's H4 (150 of its 1000 people) is out of reach: S2 0.85 ≥ 0.6, gap 0.15 ≤ 0.2.",
         {"subdistricts": subdistricts,
          "residential": [home("H1", 500, 500, 600), home("H2", 1500, 500, 400),
                          home("H3", 2500, 500, 850), home("H4", 5000, 500, 150)],
          "facilities": services("A", 1000, 500) + services("B", 3000, 500)})


# ---------------------------------------------------------------- EQUI-009

def pond(east, north, west, south, udb=(0, 0, 300, 300)):
    """A 100 m square pond at (100..200, 100..200) with a parcel on each side and corner parcels."""
    return {
        "land_use": [feat("W1", rect(100, 100, 200, 200), code="1702"),
                     feat("E", rect(200, 100, 300, 200), code=east), feat("N", rect(100, 200, 200, 300), code=north),
                     feat("Wst", rect(0, 100, 100, 200), code=west), feat("S", rect(100, 0, 200, 100), code=south),
                     feat("C1", rect(0, 0, 100, 100), code="0701"), feat("C2", rect(200, 0, 300, 100), code="0701"),
                     feat("C3", rect(0, 200, 100, 300), code="0701"), feat("C4", rect(200, 200, 300, 300), code="0701")],
        "urban_development_boundary": [feat("U1", rect(*udb), zone="concentrated")],
    }


def equi_009():
    r = "EQUI-009"
    case(r, "fires",
         "A 100 m pond inside the UDB: housing (0701) east, commerce (0901) north and west, a park (1401) "
         "south: 100 of 400 m of shore public, 0.25. Corner parcels touch it at a point only.",
         pond("0701", "0901", "0901", "1401"),
         [fire("land_use/E", "land_use/N", "land_use/Wst", value=0.25)])
    case(r, "passes",
         "Park south, road (1207) west, school (080403) north, housing east: 300 of 400 m public, 0.75.",
         pond("0701", "080403", "1207", "1401"))
    case(r, "passes-outside-udb",
         "Housing on three sides but the pond lies outside the UDB (which covers only the southern row "
         "of parcels): no shore inside the UDB, nothing to check.",
         pond("0701", "0901", "0901", "1401", udb=(0, 0, 300, 100)))


# ---------------------------------------------------------------- EQUI-010

def equi_010():
    r = "EQUI-010"
    layers = {"residential": [home("H1", 0, 0, 500), home("H2", 3000, 0, 500)],
              "facilities": services("A", 100, 0),
              "land_use": [feat("P1", rect(0, 100, 100, 180), code="1401")]}
    # Measured: life-circle coverage 0.5 (H2 has nothing near); park green 8000 m2 / 1000 = 8 m2 per person.
    case(r, "fires-coverage",
         "life_circle_coverage is declared as 100 % but only H1's 500 of 1000 residents have every basic "
         "service within 1000 m: 0.5 apart. park_green_per_capita 8.2 against 8 measured is 2.5 % apart: fine.",
         layers, [fire(value=0.5, comment="absolute_difference of life_circle_coverage")],
         indicators={"life_circle_coverage": (100, "\"%\""), "park_green_per_capita": (8.2, "m2_per_person")})
    case(r, "fires-park-green",
         "park_green_per_capita is declared as 10 m2 but the map shows 8: (10 − 8) / 8 = 0.25 apart. "
         "life_circle_coverage 52 % against 0.5 measured: 0.02 apart, fine.",
         layers, [fire(value=0.25, comment="relative_difference_ratio of park_green_per_capita")],
         indicators={"life_circle_coverage": (52, "\"%\""), "park_green_per_capita": (10, "m2_per_person")})
    case(r, "passes",
         "Declared 55 % and 8.4 m2 against 0.5 and 8 measured: 0.05 and 0.05 apart, at the limits.",
         layers, indicators={"life_circle_coverage": (55, "\"%\""), "park_green_per_capita": (8.4, "m2_per_person")})


def main():
    for build in (equi_001, equi_002, equi_003, equi_004, equi_005, equi_006, equi_007, equi_008, equi_009, equi_010):
        build()
    for c in mf.CASES:
        mf.emit(c)
    print(f"wrote {len(mf.CASES)} cases under {HERE}")


if __name__ == "__main__":
    main()
