"""Writes the fixtures of DATA-013..017 (the database standard): a small county plan whose layers carry the
standard's names and fields (rules/standards/city.yaml, extended by county.yaml), and one slip per failing case.
Run from the repository root: python3 rules/tests/make_standard_fixtures.py"""
import copy
import json
import os
import shutil

X0, Y0 = 39600000, 3320000


def square(i, size=100):
    x = X0 + i * 200
    return {"type": "Polygon", "coordinates": [[[x, Y0], [x + size, Y0], [x + size, Y0 + size], [x, Y0 + size], [x, Y0]]]}


COMMON = {"XZQDM": "330122", "XZQMC": "清河县"}


def base():
    """Layer name -> (role, features as (properties, geometry))."""
    return {
        "XZQ": ("boundary", [({"BSM": "330122000000000001", "YSDM": "1000600100", **COMMON, "MJ": 1.0},
                             {"type": "Polygon", "coordinates": [[[X0 - 1000, Y0 - 1000], [X0 + 3000, Y0 - 1000], [X0 + 3000, Y0 + 1000], [X0 - 1000, Y0 + 1000], [X0 - 1000, Y0 - 1000]]]})]),
        "STBHHX": ("ecological_redline", [({"BSM": "330122000000000101", "YSDM": "2090020210", **COMMON, "MJ": 9997.28}, square(0))]),
        "YJJBNTBHTB": ("permanent_basic_farmland", [({"BSM": "330122000000000201", "YSDM": "2090020220", **COMMON, "MJ": 9997.28}, square(1))]),
        "CZKFBJ": ("urban_development_boundary", [({"BSM": "330122000000000301", "YSDM": "2090020230", **COMMON, "CZKFBJLX": "城镇集中建设区", "MJ": 9997.28}, square(2))]),
        "GHFQ": ("zoning", [
            ({"BSM": "330122000000000401", "YSDM": "2090020610", **COMMON, "GHFQDM": "城镇发展区", "GHFQMC": "城镇发展区", "MJ": 9997.28}, square(2)),
            ({"BSM": "330122000000000402", "YSDM": "2090020610", **COMMON, "GHFQDM": "农田保护区", "GHFQMC": "农田保护区", "MJ": 9997.28}, square(3)),
        ]),
        "GHYDYH": ("land_use", [
            ({"BSM": "330122000000000501", "YSDM": "2090020620", **COMMON, "YDYHFLDM": "0701", "YDYHFLMC": "城镇住宅用地", "TBMJ": 9997.28}, square(2)),
            ({"BSM": "330122000000000502", "YSDM": "2090020620", **COMMON, "YDYHFLDM": "0101", "YDYHFLMC": "耕地", "TBMJ": 9997.28}, square(3)),
        ]),
    }


def write(rule, case, layers, expect, comment, standard="county"):
    folder = os.path.join("rules", "tests", rule, case)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "layers"))
    entries = []
    for name, (role, features) in layers.items():
        collection = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": p, "geometry": g} for p, g in features]}
        with open(os.path.join(folder, "layers", name + ".geojson"), "w", encoding="utf-8") as f:
            f.write(json.dumps(collection, ensure_ascii=False) + "\n")
        entries.append(f"  {role}: layers/{name}.geojson")
    with open(os.path.join(folder, "plan.yaml"), "w", encoding="utf-8") as f:
        f.write(f"""schema: elementflow/plan/v1
id: {rule.lower()}-{case}
name: {{ zh: "清河县国土空间总体规划（{rule} 测试：{case}）", en: "{rule} test case: {case}" }}
level: county
type: overall
region: {{ code: "330122", name: 清河县 }}
period: {{ base: 2020, target: 2035 }}
crs: EPSG:4527
{"standard: " + standard + chr(10) if standard else ""}layers:
""" + "\n".join(entries) + "\n")
    with open(os.path.join(folder, "expect.yaml"), "w", encoding="utf-8") as f:
        f.write(f"# {comment}\n{expect}")


def props(layers, name, i):
    return layers[name][1][i][0]


# DATA-013: layers present.
write("DATA-013", "passes", base(), "silent: true\n", "Every layer the county standard requires (XZQ, STBHHX, YJJBNTBHTB, CZKFBJ, GHFQ, GHYDYH) is there.")
l = base(); del l["YJJBNTBHTB"]
write("DATA-013", "fires", l, "fires:\n  - subjects: [permanent_basic_farmland/*]\n", "The permanent basic farmland layer (YJJBNTBHTB) is not submitted.")
write("DATA-013", "passes-no-standard", l, "silent: true\n", "The same plan without `standard:` in plan.yaml is not held to the standard.", standard=None)

# DATA-014: YSDM.
write("DATA-014", "passes", base(), "silent: true\n", "Every feature carries its layer's YSDM.")
l = base(); props(l, "GHFQ", 1)["YSDM"] = "2090020620"
write("DATA-014", "fires", l, "fires:\n  - subjects: [zoning/330122000000000402]\n", "Zone 402 carries the land-use layer's code 2090020620 instead of 2090020610.")

# DATA-015: BSM.
write("DATA-015", "passes", base(), "silent: true\n", "Every BSM is 18 digits and none repeats.")
l = base(); props(l, "GHYDYH", 1)["BSM"] = "330122000000000401"; props(l, "STBHHX", 0)["BSM"] = "ERL-01"
write("DATA-015", "fires", l,
      "fires:\n  - subjects: [ecological_redline/ERL-01]\n  - subjects: [zoning/330122000000000401, land_use/330122000000000401]\n",
      "The red line's BSM ERL-01 is not 18 digits; land-use parcel 502 reuses zone 401's BSM.")

# DATA-016: fields.
write("DATA-016", "passes", base(), "silent: true\n", "Every field the standard lists is there, of its type and width.")
l = base()
for p, _ in l["GHYDYH"][1]: del p["YDYHFLMC"]
props(l, "GHFQ", 0)["GHFQMC"] = "城" * 51
props(l, "STBHHX", 0)["MJ"] = "约一公顷"
write("DATA-016", "fires", l,
      "fires:\n  - subjects: [land_use/*]\n  - subjects: [zoning/330122000000000401]\n  - subjects: [ecological_redline/330122000000000101]\n",
      "The land-use layer has no YDYHFLMC; zone 401's GHFQMC is 51 characters (50 allowed); the red line's MJ is text.")

# DATA-017: codes.
write("DATA-017", "passes", base(), "silent: true\n", "Every GHFQMC is a planning-zone name of the code list.")
l = base(); props(l, "GHFQ", 1)["GHFQMC"] = "基本农田区"
write("DATA-017", "fires", l, "fires:\n  - subjects: [zoning/330122000000000402]\n", "Zone 402's GHFQMC 基本农田区 is not in the list (农田保护区 is).")
