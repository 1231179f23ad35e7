#!/usr/bin/env python3
"""Regenerate the rule-test fixtures of the FLOW rules (rules/flows.yaml).

Usage:  python3 rules/tests/make_flow_fixtures.py

The test world: city 330100 清河市 (x 0-2000 m, y 0-1000 m) with two counties, A 330122 西山县
(x 0-1000) and B 330127 东平县 (x 1000-2000). Each case folder is the plan under test; its relatives
are packages in subfolders: the city in parent/ (`parent: parent`), a sibling county in sibling/
(`parent: ../parent`), children in children/<name>/ (`parent: ../..`). Only the FLOW case folders
are rewritten. Amounts are in hectares unless a unit says otherwise (1 km2 = 100 ha, 10k mu = 2000/3 ha).
"""

import os
import shutil

from make_fixtures import HERE, feat, q, rect, write_expect, write_geojson, _num

CITY = ("330100", "清河市")
A = ("330122", "西山县")
B = ("330127", "东平县")
BOUNDS = {CITY[0]: (0, 0, 2000, 1000), A[0]: (0, 0, 1000, 1000), B[0]: (1000, 0, 2000, 1000)}
DOC = "清政函〔2024〕12号"

CASES = []


def flow(fid, kind, direction, counterpart, value, unit="ha", doc=DOC, approved_by="330100", year=2024, **extra):
    f = dict(id=fid, kind=kind, direction=direction, counterpart=counterpart, amount=(value, unit))
    if doc is not None:
        f["document"] = doc
    if approved_by is not None:
        f["approved_by"] = approved_by
    if year is not None:
        f["year"] = year
    f.update(extra)
    return f


def pkg(region, level="county", indicators=None, allocations=None, flows=None, layers=None, **relatives):
    return dict(region=region, level=level, indicators=indicators or {}, allocations=allocations or {},
                flows=flows or [], layers=layers or {}, parent=relatives.get("parent"),
                sibling=relatives.get("sibling"), children=relatives.get("children") or {})


def city(allocations=None, **kw):
    return pkg(CITY, level="city", allocations=allocations, **kw)


def case(rule, name, note, root, fires=None):
    CASES.append(dict(rule=rule, name=name, note=note, root=root, fires=fires))


def quantity(v):
    value, unit = v
    return f"{{ value: {_num(value)}, unit: {unit} }}"


def write_plan(folder, plan_id, p, parent_ref):
    code, region = p["region"]
    lines = [
        "schema: elementflow/plan/v1",
        f"id: {plan_id}",
        f"name: {{ zh: {q(region + '国土空间总体规划')}, en: {q(plan_id)} }}",
        f"level: {p['level']}",
        "type: overall",
        f"region: {{ code: {q(code)}, name: {region} }}",
        "period: { base: 2020, target: 2035 }",
    ]
    if parent_ref:
        lines.append(f"parent: {parent_ref}")
    lines.append("crs: EPSG:4527")
    layers = dict(p["layers"])
    layers.setdefault("boundary", [feat(code, rect(*BOUNDS[code]))])
    lines.append("layers:")
    lines += [f"  {role}: layers/{role}.geojson" for role in layers]
    if p["indicators"]:
        lines.append("indicators:")
        lines += [f"  {k}: {quantity(v)}" for k, v in p["indicators"].items()]
    if p["allocations"]:
        lines.append("allocations:")
        for child, targets in p["allocations"].items():
            lines.append(f"  {q(child)}:")
            for key, (bound, value, unit) in targets.items():
                lines.append(f"    {key}: {{ {bound}: {_num(value)}, unit: {unit} }}")
    if p["flows"]:
        lines.append("flows:")
        for f in p["flows"]:
            lines.append(f"  - id: {f['id']}")
            for key in ["kind", "direction", "counterpart", "amount", "paddy", "capacity", "grade", "indicator", "target",
                        "document", "approved_by", "year", "expires"]:
                if key not in f:
                    continue
                v = f[key]
                if key in ("amount", "paddy", "capacity"):
                    v = quantity(v)
                elif key == "target":
                    v = "{ " + ", ".join(f"{k}: {{ {b}: {_num(x)}, unit: {u} }}" for k, (b, x, u) in v.items()) + " }"
                elif key in ("counterpart", "approved_by", "document"):
                    v = q(v)
                lines.append(f"    {key}: {v}")
    os.makedirs(os.path.join(folder, "layers"), exist_ok=True)
    for role, features in layers.items():
        write_geojson(os.path.join(folder, "layers", f"{role}.geojson"), features)
    with open(os.path.join(folder, "plan.yaml"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


def emit(c):
    folder = os.path.join(HERE, c["rule"], c["name"])
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    stem = f"{c['rule'].lower()}-{c['name']}"
    root = c["root"]
    write_plan(folder, stem, root, "parent" if root["parent"] else None)
    if root["parent"]:
        write_plan(os.path.join(folder, "parent"), stem + "-city", root["parent"], None)
    if root["sibling"]:
        write_plan(os.path.join(folder, "sibling"), stem + "-sibling", root["sibling"], "../parent")
    for name, child in root["children"].items():
        write_plan(os.path.join(folder, "children", name), f"{stem}-{name}", child, "../..")
    write_expect(os.path.join(folder, "expect.yaml"), c["note"], c["fires"])


def fire(*subjects, value=None, severity=None):
    e = {"subjects": list(subjects)}
    if value is not None:
        e["value"] = value
    if severity is not None:
        e["severity"] = severity
    return e


QUOTA_OUT = flow("FL-01", "farmland_quota", "out", B[0], 20)
QUOTA_IN = flow("FL-01", "farmland_quota", "in", A[0], 20)


def flow_001():
    case("FLOW-001", "passes", "A complete farmland quota flow to the sibling county, approved by the city in 2024.",
         pkg(A, flows=[QUOTA_OUT]))
    case("FLOW-001", "fires-no-document", "The flow names no approving document.",
         pkg(A, flows=[flow("FL-01", "farmland_quota", "out", B[0], 20, doc=None)]), [fire("flows/FL-01", severity="error")])
    case("FLOW-001", "fires-self", "The flow names the plan's own region 330122 as its counterpart.",
         pkg(A, flows=[flow("FL-01", "farmland_quota", "out", A[0], 20)]), [fire("flows/FL-01", severity="error")])
    case("FLOW-001", "fires-expired", "The flow expired on 2021-12-31: it counts for nothing and is reported as a warning.",
         pkg(A, flows=[flow("FL-01", "farmland_quota", "out", B[0], 20, expires="2021-12-31")]), [fire("flows/FL-01", severity="warning")])


def flow_002():
    case("FLOW-002", "passes", "A sends 20 ha of farmland quota; the sibling B records the same 20 ha in, same document, approver and year.",
         pkg(A, flows=[QUOTA_OUT], parent=city(), sibling=pkg(B, flows=[QUOTA_IN])))
    case("FLOW-002", "fires-amount", "A sends 20 ha; B records 18 ha in: 2 ha apart.",
         pkg(A, flows=[QUOTA_OUT], parent=city(), sibling=pkg(B, flows=[flow("FL-01", "farmland_quota", "in", A[0], 18)])),
         [fire("flows/FL-01", value=2)])
    case("FLOW-002", "fires-no-mirror", "A sends 20 ha; B, in the tree, records nothing.",
         pkg(A, flows=[QUOTA_OUT], parent=city(), sibling=pkg(B)), [fire("flows/FL-01")])
    case("FLOW-002", "passes-counterpart-outside-tree", "The counterpart 510122 has no plan in the tree: not applicable, never an error.",
         pkg(A, flows=[flow("FL-01", "farmland_quota", "out", "510122", 20, approved_by="000000")], parent=city()))


def flow_003():
    case("FLOW-003", "passes", "A and B, two counties of the city, trade quota approved by the city 330100.",
         pkg(A, flows=[QUOTA_OUT]))
    case("FLOW-003", "fires-approver-below", "Approved by the county 330122 itself, which is not over B.",
         pkg(A, flows=[flow("FL-01", "farmland_quota", "out", B[0], 20, approved_by="330122")]), [fire("flows/FL-01")])
    case("FLOW-003", "fires-cross-province-not-state", "Linkage quota from 510122 (another province) approved by the province 330000.",
         pkg(A, flows=[flow("FL-01", "linkage_quota", "in", "510122", 5, approved_by="330000")]), [fire("flows/FL-01")])
    case("FLOW-003", "passes-cross-province-state", "Linkage quota from 510122 approved by the State Council (000000).",
         pkg(A, flows=[flow("FL-01", "linkage_quota", "in", "510122", 5, approved_by="000000")]))
    case("FLOW-003", "fires-construction-cross-province", "Construction scale may not cross a province line, whoever approves.",
         pkg(A, flows=[flow("FL-01", "construction_quota", "in", "510122", 5, approved_by="000000", indicator="construction_land_total")]),
         [fire("flows/FL-01")])


def flow_004():
    case("FLOW-004", "fires-not-configured", "Linkage quota from 510122 approved by the State Council; the built-in lists are empty: an info finding says so.",
         pkg(A, flows=[flow("FL-01", "linkage_quota", "in", "510122", 5, approved_by="000000")]), [fire("flows/FL-01", severity="info")])
    case("FLOW-004", "passes-inside-province", "Linkage quota between two counties of one city is not a cross-province flow.",
         pkg(A, flows=[flow("FL-01", "linkage_quota", "out", B[0], 5)]))


def flow_005():
    own = {"farmland_occupied": (100, "ha"), "farmland_compensated": (70, "ha")}
    case("FLOW-005", "passes-import", "Occupied 100 ha, compensated 70 ha, 30 ha of quota received: balanced.",
         pkg(A, indicators=own, flows=[flow("FL-01", "farmland_quota", "in", B[0], 30)]))
    case("FLOW-005", "fires-import-short", "Occupied 100 ha, compensated 70 ha, only 20 ha received: 10 ha short.",
         pkg(A, indicators=own, flows=[flow("FL-01", "farmland_quota", "in", B[0], 20)]),
         [fire("indicators/farmland_occupied", "flows/FL-01", value=10, severity="error")])
    case("FLOW-005", "fires-exported-twice", "Compensated 50 ha, occupied 10 ha, 45 ha sent away: 5 ha more than it has.",
         pkg(B, indicators={"farmland_occupied": (10, "ha"), "farmland_compensated": (50, "ha")},
             flows=[flow("FL-01", "farmland_quota", "out", A[0], 30), flow("FL-02", "farmland_quota", "out", "330102", 15)]),
         [fire("indicators/farmland_occupied", value=5)])
    case("FLOW-005", "fires-paddy", "Area balanced by the 30 ha received, but 10 ha of paddy occupied and none supplied: a warning.",
         pkg(A, indicators=dict(own, farmland_occupied_paddy=(10, "ha")), flows=[flow("FL-01", "farmland_quota", "in", B[0], 30)]),
         [fire("indicators/farmland_occupied_paddy", value=10, severity="warning")])
    case("FLOW-005", "fires-children-net", "At the city: A sends 20 ha to B, B records 18 ha received; the children's flows are 2 ha apart.",
         city(children={"a": pkg(A, flows=[QUOTA_OUT]), "b": pkg(B, flows=[flow("FL-01", "farmland_quota", "in", A[0], 18)])}),
         [fire("flows/FL-01", value=2)])


def flow_006():
    alloc = {B[0]: {"farmland_retention": ("min", 10.5, "10k_mu")}}
    out = [flow("FL-01", "farmland_quota", "out", A[0], 20)]
    case("FLOW-006", "fires", "The city allocates B 10.5 10k_mu of farmland; B keeps 10.4 and still sends quota away.",
         pkg(B, indicators={"farmland_retention": (10.4, "10k_mu")}, flows=out, parent=city(alloc)),
         [fire("indicators/farmland_retention", value=10.4 * 2000 / 3)])
    case("FLOW-006", "passes", "B keeps 10.6 10k_mu against 10.5 allocated: it may export.",
         pkg(B, indicators={"farmland_retention": (10.6, "10k_mu")}, flows=out, parent=city(alloc)))


def flow_007():
    alloc = {A[0]: {"permanent_basic_farmland_area": ("min", 100, "ha")}, B[0]: {"permanent_basic_farmland_area": ("min", 80, "ha")}}
    out = flow("FL-02", "pbf_relocation", "out", B[0], 1, approved_by="000000", grade=6)
    inn = flow("FL-02", "pbf_relocation", "in", A[0], 1, approved_by="000000", grade=6)
    case("FLOW-007", "passes-sender-covered", "A relocates 1 ha of basic farmland duty to B (State Council): A at 99 ha against 100 allocated is covered.",
         pkg(A, indicators={"permanent_basic_farmland_area": (99, "ha")}, flows=[out], parent=city(alloc),
             sibling=pkg(B, indicators={"permanent_basic_farmland_area": (81, "ha")}, flows=[inn])))
    case("FLOW-007", "fires-receiver-short", "B receives 1 ha of basic farmland duty but holds only its 80 ha allocation: 81 ha are due.",
         pkg(B, indicators={"permanent_basic_farmland_area": (80, "ha")}, flows=[inn], parent=city(alloc)),
         [fire("indicators/permanent_basic_farmland_area", "flows/FL-02", value=80)])
    case("FLOW-007", "fires-other-city", "The duty goes to 330227, a county of another city.",
         pkg(A, indicators={"permanent_basic_farmland_area": (99, "ha")}, flows=[flow("FL-02", "pbf_relocation", "out", "330227", 1, approved_by="000000")],
             parent=city(alloc)),
         [fire("flows/FL-02")])
    case("FLOW-007", "fires-grade-worse", "A gives up grade-6 land; B designates grade-8 land for it (quality lower).",
         pkg(A, indicators={"permanent_basic_farmland_area": (99, "ha")}, flows=[out], parent=city(alloc),
             sibling=pkg(B, indicators={"permanent_basic_farmland_area": (81, "ha")}, flows=[dict(inn, grade=8)])),
         [fire("flows/FL-02", value=2)])


def flow_008():
    alloc = {A[0]: {"construction_land_total": ("max", 27, "km2")}, B[0]: {"construction_land_total": ("max", 22.3, "km2")}}
    moved_in = flow("FL-03", "construction_quota", "in", B[0], 1, unit="km2", indicator="construction_land_total")
    moved_out = flow("FL-03", "construction_quota", "out", A[0], 1, unit="km2", indicator="construction_land_total")
    case("FLOW-008", "passes", "A receives 1 km2 of construction scale from B: its cap is 27 + 1 = 28 km2, and it plans 28.",
         pkg(A, indicators={"construction_land_total": (28, "km2")}, flows=[moved_in], parent=city(alloc)))
    case("FLOW-008", "fires-sender-kept-its-scale", "B sends 1 km2 away but still plans its whole 22.3 km2: its cap is 21.3.",
         pkg(B, indicators={"construction_land_total": (22.3, "km2")}, flows=[moved_out], parent=city(alloc)),
         [fire("indicators/construction_land_total", value=2230)])


ENCLAVE = (1500, 400, 1600, 500)


def enclave(fid="E1", geom=ENCLAVE, host=B[0], home=A[0], counted_by="host"):
    return feat(fid, rect(*geom), host=host, home=home, counted_by=counted_by)


def land_use(code, x1, x2):
    return [feat(f"LU-{code}", rect(x1, 0, x2, 1000), code="0103")]


def flow_009():
    host_land = {"land_use": land_use("B", 1000, 2000)}
    case("FLOW-009", "passes", "Enclave E1 of A lies in B (host), both declare it, counted by the host: only B's land use covers it.",
         pkg(B, layers=dict(host_land, enclaves=[enclave()]), parent=city(),
             sibling=pkg(A, layers={"enclaves": [enclave()], "land_use": land_use("A", 0, 1000)})))
    case("FLOW-009", "fires-undeclared", "B declares enclave E1 of A; A's plan, in the tree, does not.",
         pkg(B, layers=dict(host_land, enclaves=[enclave()]), parent=city(), sibling=pkg(A)),
         [fire("enclaves/E1")])
    case("FLOW-009", "fires-outside-host", "E1 reaches 50 m west of B's boundary into A: 5000 m2 outside its host.",
         pkg(B, layers=dict(host_land, enclaves=[enclave(geom=(950, 400, 1050, 500))]), parent=city(),
             sibling=pkg(A, layers={"enclaves": [enclave(geom=(950, 400, 1050, 500))]})),
         [fire("enclaves/E1", value=5000)])
    case("FLOW-009", "fires-double-counted", "A, the home, draws its own land use over E1 (10 000 m2), though the host counts it.",
         pkg(B, layers=dict(host_land, enclaves=[enclave()]), parent=city(),
             sibling=pkg(A, layers={"enclaves": [enclave()], "land_use": land_use("A", 0, 1000) + [feat("LU-AE", rect(*ENCLAVE), code="1001")]})),
         [fire("enclaves/E1", value=10000)])


def flow_010():
    eco = dict(target={"ecological_redline_area": ("min", 32.9, "km2")}, expires="2099-12-31")
    pay = flow("FL-04", "eco_compensation", "in", B[0], 500, unit="10k_yuan", **eco)
    case("FLOW-010", "passes", "A receives 500 10k yuan a year from B to keep 32.9 km2 of red line, and keeps 32.97.",
         pkg(A, indicators={"ecological_redline_area": (32.97, "km2")}, flows=[pay]))
    case("FLOW-010", "fires-target-unmet", "A keeps only 32.0 km2 of red line against the agreed 32.9.",
         pkg(A, indicators={"ecological_redline_area": (32.0, "km2")}, flows=[pay]), [fire("flows/FL-04", value=1)])
    case("FLOW-010", "fires-no-expiry", "The agreement has no term (expires).",
         pkg(A, indicators={"ecological_redline_area": (32.97, "km2")},
             flows=[flow("FL-04", "eco_compensation", "in", B[0], 500, unit="10k_yuan", target=eco["target"])]),
         [fire("flows/FL-04")])


def main():
    for make in (flow_001, flow_002, flow_003, flow_004, flow_005, flow_006, flow_007, flow_008, flow_009, flow_010):
        make()
    for rule in sorted({c["rule"] for c in CASES}):
        shutil.rmtree(os.path.join(HERE, rule), ignore_errors=True)
    for c in CASES:
        emit(c)
    print(f"wrote {len(CASES)} FLOW cases")


if __name__ == "__main__":
    main()
