#!/usr/bin/env python3
"""Regenerate the rule-test fixtures of the ELAS and USE rules (rules/elasticity.yaml, rules/use.yaml).

Usage:  python3 rules/tests/make_elas_use_fixtures.py

Each case becomes rules/tests/<RULE-ID>/<case>/ with plan.yaml, layers/<role>.geojson and expect.yaml
(format: docs/rule-authoring.md, "Rule tests"); ELAS-007 cases also carry `approvals:` in plan.yaml
(DESIGN.md §2). Only the ELAS and USE case folders listed here are rewritten; other rules' fixtures are
left alone. Standard library only; the geometry and writer helpers come from make_fixtures.py.

Geometry: axis-aligned rectangles in local metres shifted to EPSG:4527 (x ~ 39 500 000, y ~ 3 300 000),
so every area below is exact and hand-computable. Units (DOMAIN.md §2): 1 mu = 2000/3 m2, so
15 mu = 1 ha; 1 km2 = 100 ha. Indicator conditions compare in hectares.

Subjects in expect.yaml are "layer/id". Findings about a whole layer (ELAS-001: the engine names
"urban_development_boundary/*") are written with `subjects: []` and pinned by their value; indicator
findings (ELAS-002, USE-002, USE-003) name "indicators/<key>", approvals "approvals/<approval id>".
"""

import os
import shutil

from make_fixtures import HERE, feat, fire, q, rect, write_expect, write_geojson, write_plan, _num

CASES = []


def case(rule, name, note, layers, fires=None, level="county", ptype="overall", indicators=None,
         approvals=None):
    """Register one case. fires=None means `silent: true`."""
    CASES.append(dict(rule=rule, name=name, note=note, layers=layers, fires=fires, level=level,
                      ptype=ptype, indicators=indicators or {}, approvals=approvals or []))


def approval(aid, document, rule, features, expires=None):
    """One approval as DESIGN.md §2 writes it; features: {role: [ids]}; expires None: left out."""
    return dict(id=aid, document=document, rule=rule, features=features, expires=expires)


def write_approvals(path, approvals):
    if not approvals:
        return
    lines = ["approvals:"]
    for a in approvals:
        lines.append(f"  - id: {a['id']}")
        lines.append(f"    document: {q(a['document'])}")
        lines.append(f"    rule: {a['rule']}")
        feats = ", ".join(f"{role}: [{', '.join(q(i) for i in ids)}]" for role, ids in a["features"].items())
        lines.append(f"    features: {{ {feats} }}")
        if a["expires"] is not None:
            lines.append(f"    expires: {q(a['expires']) if '/' in a['expires'] else a['expires']}")
    with open(path, "a", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


def emit(c):
    folder = os.path.join(HERE, c["rule"], c["name"])
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(os.path.join(folder, "layers"))
    for role, features in c["layers"].items():
        write_geojson(os.path.join(folder, "layers", f"{role}.geojson"), features)
    plan = os.path.join(folder, "plan.yaml")
    write_plan(plan, c["rule"], c["name"], c["level"], c["ptype"], "EPSG:4527", list(c["layers"]), c["indicators"])
    write_approvals(plan, c["approvals"])
    write_expect(os.path.join(folder, "expect.yaml"), c["note"], c["fires"])


def boundary(x1=0, y1=0, x2=1000, y2=1000):
    return [feat("B1", rect(x1, y1, x2, y2))]


UDB = "urban_development_boundary"


# ---------------------------------------------------------------- ELAS-001 flexible zone / concentrated zone

def elas_001():
    r = "ELAS-001"
    case(r, "fires",
         "Concentrated U1 [0,1000]x[0,1000] = 1 000 000 m2; flexible U2 [1000,1160]x[0,1000] = 160 000 m2: "
         "ratio 0.16 > 0.15, a warning.",
         {UDB: [feat("U1", rect(0, 0, 1000, 1000), zone="concentrated"),
                feat("U2", rect(1000, 0, 1160, 1000), zone="flexible")]},
         [fire(value=0.16, severity="warning",
               comment="layer-level finding (urban_development_boundary/*): flexible_share_ratio 0.16")],
         level="city")
    case(r, "fires-several-features",
         "Concentrated U1 [0,500]x[0,1000] + U2 [500,1000]x[0,1000] = 1 000 000 m2; flexible U3 "
         "[1000,1100]x[0,1000] + U4 [0,1000]x[1000,1100] = 200 000 m2: ratio 0.2. The special zone U5 does "
         "not count on either side.",
         {UDB: [feat("U1", rect(0, 0, 500, 1000), zone="concentrated"),
                feat("U2", rect(500, 0, 1000, 1000), zone="concentrated"),
                feat("U3", rect(1000, 0, 1100, 1000), zone="flexible"),
                feat("U4", rect(0, 1000, 1000, 1100), zone="flexible"),
                feat("U5", rect(1100, 0, 1500, 1000), zone="special")]},
         [fire(value=0.2, severity="warning",
               comment="layer-level finding (urban_development_boundary/*): flexible_share_ratio 0.2")])
    case(r, "passes-at-limit",
         "Concentrated U1 1 000 000 m2, flexible U2 [1000,1150]x[0,1000] = 150 000 m2: ratio exactly 0.15, "
         "not above the limit.",
         {UDB: [feat("U1", rect(0, 0, 1000, 1000), zone="concentrated"),
                feat("U2", rect(1000, 0, 1150, 1000), zone="flexible")]},
         level="city")
    case(r, "passes-special-not-counted",
         "Concentrated 1 000 000 m2, flexible 100 000 m2 (ratio 0.1) and a special zone of 400 000 m2, "
         "which is neither flexible nor concentrated.",
         {UDB: [feat("U1", rect(0, 0, 1000, 1000), zone="concentrated"),
                feat("U2", rect(1000, 0, 1100, 1000), zone="flexible"),
                feat("U3", rect(1100, 0, 1500, 1000), zone="special")]})


# ---------------------------------------------------------------- ELAS-002 reserved construction quota

def elas_002():
    r = "ELAS-002"
    keys = ["indicators/reserved_construction_quota", "indicators/construction_land_total"]
    case(r, "fires",
         "Township overall plan: reserved_construction_quota 12 ha against construction_land_total 2 km2 = 200 ha: "
         "share 12 / 200 = 0.06 > 0.05.",
         {"boundary": boundary()},
         [fire(*keys, value=0.06, severity="error")], level="township",
         indicators={"reserved_construction_quota": (12, "ha"), "construction_land_total": (2, "km2")})
    case(r, "fires-village-plan",
         "Township detailed plan (village plan): quota 180 mu = 12 ha against 1.5 km2 = 150 ha: share 0.08.",
         {"boundary": boundary()},
         [fire(*keys, value=0.08, severity="error")], level="township", ptype="detailed",
         indicators={"reserved_construction_quota": (180, "mu"), "construction_land_total": (1.5, "km2")})
    case(r, "passes-at-limit",
         "Quota 10 ha against 2 km2 = 200 ha: share exactly 0.05, not above the limit.",
         {"boundary": boundary()}, level="township",
         indicators={"reserved_construction_quota": (10, "ha"), "construction_land_total": (2, "km2")})
    case(r, "passes",
         "Quota 4 ha against 200 ha: share 0.02.",
         {"boundary": boundary()}, level="township",
         indicators={"reserved_construction_quota": (4, "ha"), "construction_land_total": (200, "ha")})


# ---------------------------------------------------------------- ELAS-003 reserved land out of PBF and ERL

def elas_003():
    r = "ELAS-003"
    case(r, "fires-farmland",
         "Reserved land L1 (16) [0,100]x[0,100] and basic farmland P1 [60,160]x[0,100] overlap by "
         "40 x 100 = 4000 m2.",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="16")],
          "permanent_basic_farmland": [feat("P1", rect(60, 0, 160, 100))],
          "ecological_redline": [feat("E1", rect(0, 500, 100, 600))]},
         [fire("land_use/L1", "permanent_basic_farmland/P1", value=4000, severity="error")])
    case(r, "fires-redline",
         "Reserved land L1 (16) [0,100]x[0,100] and red line E1 [0,100]x[50,150] overlap by 100 x 50 = 5000 m2; "
         "L2 (16) [300,400]x[0,100] overlaps basic farmland P1 [380,480]x[0,100] by 2000 m2.",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="16"),
                       feat("L2", rect(300, 0, 400, 100), code="16")],
          "permanent_basic_farmland": [feat("P1", rect(380, 0, 480, 100))],
          "ecological_redline": [feat("E1", rect(0, 50, 100, 150))]},
         [fire("land_use/L1", "ecological_redline/E1", value=5000, severity="error"),
          fire("land_use/L2", "permanent_basic_farmland/P1", value=2000, severity="error")],
         level="township")
    case(r, "passes",
         "Reserved land L1 (16) [0,100]x[0,100] only touches basic farmland P1 (east edge) and red line E1 "
         "(north edge); urban housing L2 (0701) overlapping P1 is not reserved land (LINE-008's business).",
         {"land_use": [feat("L1", rect(0, 0, 100, 100), code="16"),
                       feat("L2", rect(150, 0, 250, 100), code="0701")],
          "permanent_basic_farmland": [feat("P1", rect(100, 0, 200, 100))],
          "ecological_redline": [feat("E1", rect(0, 100, 100, 200))]},
         level="city")
    case(r, "passes-below-tolerance",
         "Reserved land L1 [0,100.005]x[0,100] overlaps P1 [100,200]x[0,100] by 0.5 m2, under the 1 m2 tolerance.",
         {"land_use": [feat("L1", rect(0, 0, 100.005, 100), code="16")],
          "permanent_basic_farmland": [feat("P1", rect(100, 0, 200, 100))]},
         ptype="detailed")


# ---------------------------------------------------------------- ELAS-004 reserved land in the UDB or a rural zone

def elas_004():
    r = "ELAS-004"
    udb = [feat("U1", rect(0, 0, 500, 500), zone="flexible")]
    zoning = [feat("Z1", rect(0, 0, 500, 500), zone="urban_development"),
              feat("Z2", rect(0, 500, 500, 1000), zone="rural_development"),
              feat("Z3", rect(500, 0, 1000, 1000), zone="ecological_control")]
    case(r, "fires",
         "UDB U1 [0,500]^2; zoning: urban_development Z1 [0,500]^2, rural_development Z2 [0,500]x[500,1000], "
         "ecological_control Z3 [500,1000]x[0,1000]. Reserved land L1 (16) [400,600]x[0,100]: 100 x 100 = "
         "10000 m2 in Z3, outside both. L2 (16) [450,600]x[450,550]: 50 x 50 in U1, 50 x 50 in Z2, "
         "100 x 100 = 10000 m2 in Z3.",
         {"boundary": boundary(), UDB: udb, "zoning": zoning,
          "land_use": [feat("L1", rect(400, 0, 600, 100), code="16"),
                       feat("L2", rect(450, 450, 600, 550), code="16")]},
         [fire("land_use/L1", value=10000, severity="warning"),
          fire("land_use/L2", value=10000, severity="warning")])
    case(r, "passes-in-udb",
         "Reserved land L1 (16) [100,200]^2 inside UDB U1 [0,500]^2, which zoning calls urban_development.",
         {"boundary": boundary(), UDB: udb, "zoning": zoning,
          "land_use": [feat("L1", rect(100, 100, 200, 200), code="16")]},
         level="city")
    case(r, "passes-in-rural-development",
         "Township plan without a UDB: reserved land L1 (16) [100,200]x[600,700] inside the rural_development "
         "zone Z2 [0,500]x[500,1000]; the other zones are farmland_protection and ecological_control.",
         {"boundary": boundary(),
          "zoning": [feat("Z2", rect(0, 500, 500, 1000), zone="rural_development"),
                     feat("Z3", rect(500, 0, 1000, 1000), zone="ecological_control"),
                     feat("Z4", rect(0, 0, 500, 500), zone="farmland_protection")],
          "land_use": [feat("L1", rect(100, 600, 200, 700), code="16")]},
         level="township")
    case(r, "passes-across-both",
         "Reserved land L1 (16) [100,200]x[400,600] lies half in UDB U1 [0,500]^2 and half in the "
         "rural_development zone Z2 [0,500]x[500,1000]: inside their union. L2 (16) [400,500.005]x[0,100] sticks "
         "0.5 m2 into Z3, under the 1 m2 tolerance.",
         {"boundary": boundary(), UDB: udb, "zoning": zoning,
          "land_use": [feat("L1", rect(100, 400, 200, 600), code="16"),
                       feat("L2", rect(400, 0, 500.005, 100), code="16")]})


# ---------------------------------------------------------------- ELAS-005 compatibility in detailed plans

def elas_005():
    r = "ELAS-005"
    case(r, "fires",
         "City detailed plan. L1 (0701) secondary_share 0.45 > 0.40, main use keeps 0.55: warning. "
         "L2 (0901) secondary_share 0.55: the main use keeps only 0.45 <= 0.5: error.",
         {"boundary": boundary(),
          "land_use": [feat("L1", rect(0, 0, 100, 100), code="0701", secondary_share=0.45),
                       feat("L2", rect(100, 0, 200, 100), code="0901", secondary_share=0.55),
                       feat("L3", rect(200, 0, 300, 100), code="0701", secondary_share=0.1)]},
         [fire("land_use/L1", value=0.45, severity="warning"),
          fire("land_use/L2", value=0.55, severity="error")],
         level="city", ptype="detailed")
    case(r, "fires-at-half",
         "Township detailed plan (village plan). L1 (0703) secondary_share exactly 0.5: the main use keeps 0.5, "
         "no longer a majority: error.",
         {"boundary": boundary(),
          "land_use": [feat("L1", rect(0, 0, 100, 100), code="0703", secondary_share=0.5)]},
         [fire("land_use/L1", value=0.5, severity="error")],
         level="township", ptype="detailed")
    case(r, "passes",
         "L1 (0701) secondary_share exactly 0.40 (not above the limit), L2 (0901) 0.25, L3 (080403) and L4 (1001) "
         "without secondary_share.",
         {"boundary": boundary(),
          "land_use": [feat("L1", rect(0, 0, 100, 100), code="0701", secondary_share=0.4),
                       feat("L2", rect(100, 0, 200, 100), code="0901", secondary_share=0.25),
                       feat("L3", rect(200, 0, 300, 100), code="080403"),
                       feat("L4", rect(300, 0, 400, 100), code="1001")]},
         level="county", ptype="detailed")


# ---------------------------------------------------------------- ELAS-006 ancillary share on industrial land

def elas_006():
    r = "ELAS-006"
    case(r, "fires",
         "City detailed plan. Industrial L1 (1001) ancillary_share 0.08 > 0.07; L2 (100102, matched by prefix "
         "1001) ancillary_share 0.15.",
         {"boundary": boundary(),
          "land_use": [feat("L1", rect(0, 0, 100, 100), code="1001", ancillary_share=0.08),
                       feat("L2", rect(100, 0, 200, 100), code="100102", ancillary_share=0.15)]},
         [fire("land_use/L1", value=0.08, severity="error"),
          fire("land_use/L2", value=0.15, severity="error")],
         level="city", ptype="detailed")
    case(r, "passes",
         "L1 (1001) ancillary_share exactly 0.07; L2 (0901, commercial, not industrial) ancillary_share 0.3; "
         "L3 (1002, mining) 0.2; L4 (1001) without ancillary_share.",
         {"boundary": boundary(),
          "land_use": [feat("L1", rect(0, 0, 100, 100), code="1001", ancillary_share=0.07),
                       feat("L2", rect(100, 0, 200, 100), code="0901", ancillary_share=0.3),
                       feat("L3", rect(200, 0, 300, 100), code="1002", ancillary_share=0.2),
                       feat("L4", rect(300, 0, 400, 100), code="1001")]},
         level="city", ptype="detailed")


# ---------------------------------------------------------------- ELAS-007 approvals documented and current

def elas_007():
    r = "ELAS-007"

    def layers():
        return {"boundary": boundary(),
                "ecological_redline": [feat("E1", rect(0, 0, 300, 300))],
                "permanent_basic_farmland": [feat("P1", rect(250, 0, 500, 300))],
                "land_use": [feat("L1", rect(0, 0, 500, 1000), code="0301"),
                             feat("L2", rect(500, 0, 1000, 1000), code="0101")]}

    # Every approval below except the one under test is valid: a document, rule LINE-001 (a rule of the
    # catalogue, not the rule under test), existing features, a readable expiry in the future.
    case(r, "fires-no-document",
         "Approval A-1 has document \"\" (rule LINE-001, feature E1 exists, expires 2099-12-31).",
         layers(),
         [fire("approvals/A-1", severity="warning")],
         approvals=[approval("A-1", "", "LINE-001", {"ecological_redline": ["E1"]}, "2099-12-31")])
    case(r, "fires-unknown-rule",
         "Approval A-2 names rule LINE-099, which no rule set defines.",
         layers(),
         [fire("approvals/A-2", severity="warning")],
         approvals=[approval("A-2", "清自然资函〔2024〕2号", "LINE-099", {"ecological_redline": ["E1"]}, "2099-12-31")])
    case(r, "fires-unknown-features",
         "Approval A-3 names ecological_redline E1 (exists), E7 (does not), land_use L9 (does not) and "
         "permanent_basic_farmland P1 (exists), P5 (does not): 3 unknown features.",
         layers(),
         [fire("approvals/A-3", value=3, severity="warning")],
         approvals=[approval("A-3", "清自然资函〔2024〕3号", "LINE-001",
                             {"ecological_redline": ["E1", "E7"], "land_use": ["L9"],
                              "permanent_basic_farmland": ["P1", "P5"]}, "2099-12-31")])
    case(r, "fires-unknown-layer",
         "Approval A-4 names facilities F1, but the plan has no facilities layer: 1 unknown feature.",
         layers(),
         [fire("approvals/A-4", value=1, severity="warning")],
         approvals=[approval("A-4", "清自然资函〔2024〕4号", "LINE-001", {"facilities": ["F1"]}, "2099-12-31")])
    case(r, "fires-expired",
         "Approval A-5 expired on 2020-01-01 (the check runs on today's date).",
         layers(),
         [fire("approvals/A-5", severity="warning")],
         approvals=[approval("A-5", "清自然资函〔2019〕5号", "LINE-001", {"ecological_redline": ["E1"]}, "2020-01-01")])
    case(r, "fires-unreadable-expiry",
         "Approval A-6 expires \"31/12/2026\", not a yyyy-MM-dd date.",
         layers(),
         [fire("approvals/A-6", severity="warning")],
         approvals=[approval("A-6", "清自然资函〔2024〕6号", "LINE-001", {"ecological_redline": ["E1"]}, "31/12/2026")])
    case(r, "passes",
         "Approval A-7: document given, rule LINE-001 (in the catalogue), existing features E1 and P1, expires "
         "2099-12-31. Approval A-8 has no expiry at all (it does not expire).",
         layers(),
         approvals=[approval("A-7", "浙自然资函〔2024〕15号", "LINE-001",
                             {"ecological_redline": ["E1"], "permanent_basic_farmland": ["P1"]}, "2099-12-31"),
                    approval("A-8", "浙自然资函〔2024〕16号", "LINE-001", {"ecological_redline": ["E1"]})])
    case(r, "passes-no-approvals",
         "A plan without approvals: nothing to review.",
         layers())


# ---------------------------------------------------------------- USE-001 zone x land-use matrix

def use_001():
    r = "USE-001"
    zoning = [feat("Z1", rect(0, 0, 500, 1000), zone="ecological_protection"),
              feat("Z2", rect(500, 0, 1000, 500), zone="rural_development"),
              feat("Z3", rect(500, 500, 1000, 1000), zone="urban_development")]
    case(r, "fires",
         "Zoning: ecological_protection Z1 [0,500]x[0,1000], rural_development Z2 [500,1000]x[0,500], "
         "urban_development Z3 [500,1000]x[500,1000]. Industrial L1 (1001) [100,200]^2 in Z1: 10000 m2. "
         "Urban housing L3 (0701) [600,700]x[100,200] in Z2: 10000 m2 (rural_development denies 0701).",
         {"boundary": boundary(), "zoning": zoning,
          "land_use": [feat("L1", rect(100, 100, 200, 200), code="1001"),
                       feat("L3", rect(600, 100, 700, 200), code="0701")]},
         [fire("land_use/L1", "zoning/Z1", value=10000, severity="error"),
          fire("land_use/L3", "zoning/Z2", value=10000, severity="error")])
    case(r, "fires-straddling",
         "Industrial L2 (1001) [450,600]x[600,700] straddles ecological_protection Z1 (50 x 100 = 5000 m2, not "
         "permitted) and urban_development Z3 (100 x 100 = 10000 m2, not in the matrix: permitted): only the "
         "Z1 part is reported.",
         {"boundary": boundary(), "zoning": zoning,
          "land_use": [feat("L2", rect(450, 600, 600, 700), code="1001")]},
         [fire("land_use/L2", "zoning/Z1", value=5000, severity="error")], level="city")
    case(r, "fires-farmland-allow-list",
         "farmland_protection Z1 [0,500]x[0,1000] allows only 01–05, 06, 17, 23: community services L1 (0702) "
         "[0,100]x[0,80] = 8000 m2 and reserved land L2 (16) [200,260]x[0,100] = 6000 m2 fire; "
         "cultivated L3 (0101) and agricultural facility L4 (0601) do not.",
         {"boundary": boundary(),
          "zoning": [feat("Z1", rect(0, 0, 500, 1000), zone="farmland_protection"),
                     feat("Z2", rect(500, 0, 1000, 1000), zone="rural_development")],
          "land_use": [feat("L1", rect(0, 0, 100, 80), code="0702"),
                       feat("L2", rect(200, 0, 260, 100), code="16"),
                       feat("L3", rect(0, 200, 500, 1000), code="0101"),
                       feat("L4", rect(300, 0, 400, 100), code="0601")]},
         [fire("land_use/L1", "zoning/Z1", value=8000, severity="error"),
          fire("land_use/L2", "zoning/Z1", value=6000, severity="error")], level="township")
    case(r, "passes",
         "Rural homesteads L1 (0703) and rural community services L2 (0704) in rural_development Z2; forest L3 "
         "(0301) and water L4 (1701) in ecological_protection Z1; industrial L5 (1001), urban housing L6 (0701) "
         "and reserved land L7 (16) in urban_development Z3, which the matrix does not list (anything goes).",
         {"boundary": boundary(), "zoning": zoning,
          "land_use": [feat("L1", rect(500, 0, 750, 500), code="0703"),
                       feat("L2", rect(750, 0, 1000, 500), code="0704"),
                       feat("L3", rect(0, 0, 500, 600), code="0301"),
                       feat("L4", rect(0, 600, 500, 1000), code="1701"),
                       feat("L5", rect(500, 500, 700, 1000), code="1001"),
                       feat("L6", rect(700, 500, 900, 1000), code="0701"),
                       feat("L7", rect(900, 500, 1000, 1000), code="16")]})
    case(r, "passes-below-tolerance",
         "Industrial L1 (1001) [499.995,700]x[500,600] reaches 0.005 x 100 = 0.5 m2 into ecological_protection "
         "Z1, under the 1 m2 tolerance; the rest lies in urban_development Z3.",
         {"boundary": boundary(), "zoning": zoning,
          "land_use": [feat("L1", rect(499.995, 500, 700, 600), code="1001")]}, level="city")


# ---------------------------------------------------------------- USE-002 farmland occupation compensated

def use_002():
    r = "USE-002"
    keys = ["indicators/farmland_compensated", "indicators/farmland_occupied"]
    case(r, "fires",
         "County overall: farmland_occupied 1500 mu = 100 ha, farmland_compensated 90 ha: occupied - compensated "
         "= 10 ha short.",
         {"boundary": boundary()},
         [fire(*keys, value=10, severity="error")],
         indicators={"farmland_occupied": (1500, "mu"), "farmland_compensated": (90, "ha")})
    case(r, "fires-city",
         "City overall: occupied 2 km2 = 200 ha, compensated 2850 mu = 190 ha: 10 ha short.",
         {"boundary": boundary()},
         [fire(*keys, value=10, severity="error")], level="city",
         indicators={"farmland_occupied": (2, "km2"), "farmland_compensated": (2850, "mu")})
    case(r, "passes-equal",
         "Township overall: occupied 1500 mu = 100 ha, compensated 100 ha: balanced (at least as much).",
         {"boundary": boundary()}, level="township",
         indicators={"farmland_occupied": (1500, "mu"), "farmland_compensated": (100, "ha")})
    case(r, "passes",
         "Occupied 80 ha, compensated 1500 mu = 100 ha.",
         {"boundary": boundary()},
         indicators={"farmland_occupied": (80, "ha"), "farmland_compensated": (1500, "mu")})


# ---------------------------------------------------------------- USE-003 increase-decrease linkage

def use_003():
    r = "USE-003"
    keys = ["indicators/linkage_new_construction", "indicators/linkage_reclaimed"]
    case(r, "fires",
         "County overall: linkage_new_construction 375 mu = 25 ha, linkage_reclaimed 20 ha: 5 ha too much.",
         {"boundary": boundary()},
         [fire(*keys, value=5, severity="error")],
         indicators={"linkage_new_construction": (375, "mu"), "linkage_reclaimed": (20, "ha")})
    case(r, "passes-equal",
         "Township overall: new construction 20 ha, reclaimed 300 mu = 20 ha: balanced.",
         {"boundary": boundary()}, level="township",
         indicators={"linkage_new_construction": (20, "ha"), "linkage_reclaimed": (300, "mu")})
    case(r, "passes",
         "New construction 12 ha, reclaimed 15 ha.",
         {"boundary": boundary()},
         indicators={"linkage_new_construction": (12, "ha"), "linkage_reclaimed": (15, "ha")})


def main():
    for build in (elas_001, elas_002, elas_003, elas_004, elas_005, elas_006, elas_007, use_001, use_002, use_003):
        build()
    for c in CASES:
        emit(c)
    print(f"wrote {len(CASES)} cases under {HERE}")


if __name__ == "__main__":
    main()
