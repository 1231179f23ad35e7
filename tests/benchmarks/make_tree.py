#!/usr/bin/env python3
"""Generate a synthetic plan tree: 1 province (or a nation of P provinces), N cities, M counties per city.

Each county is a square of parcels (a land-use coverage and a matching zoning coverage) with a
red-line block, a farmland block and an urban development boundary block that never cross. Cities
and the province carry the union of their children's lines, so lines pass down unchanged, and
allocations equal the children's figures, so the sums close. The tree is clean: a correct engine
reports no finding. Seeded, standard library only.

  python3 tests/benchmarks/make_tree.py --cities 10 --counties 10 --parcels 400 --out /tmp/tree
"""
import argparse, json, math, os, random

OX, OY = 39_400_000.0, 3_200_000.0   # EPSG:4527, zone 39


def rect(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def fc(features):
    return {"type": "FeatureCollection", "features": features}


def feat(fid, geom, **props):
    return {"type": "Feature", "id": fid, "properties": {"id": fid, **props}, "geometry": geom}


def write_plan(folder, manifest, layers):
    os.makedirs(os.path.join(folder, "layers"), exist_ok=True)
    entries = {}
    for role, features in layers.items():
        path = f"layers/{role}.geojson"
        with open(os.path.join(folder, path), "w", encoding="utf-8") as f:
            json.dump(fc(features), f, ensure_ascii=False, separators=(",", ":"))
        entries[role] = path
    lines = [f"schema: elementflow/plan/v1", f"id: {manifest['id']}",
             f"name: {{ zh: {manifest['zh']}, en: {manifest['en']} }}",
             f"level: {manifest['level']}", "type: overall",
             f"region: {{ code: \"{manifest['code']}\", name: {manifest['zh']} }}",
             "period: { base: 2020, target: 2035 }"]
    if manifest.get("parent"):
        lines.append(f"parent: {manifest['parent']}")
    lines.append("crs: EPSG:4527")
    lines.append("layers:")
    lines += [f"  {role}: {path}" for role, path in entries.items()]
    lines.append("indicators:")
    for key, (value, unit) in manifest["indicators"].items():
        lines.append(f"  {key}: {{ value: {value!r}, unit: {unit} }}")
    if manifest.get("allocations"):
        lines.append("allocations:")
        for code, targets in manifest["allocations"].items():
            lines.append(f"  \"{code}\":")
            for key, (bound, value, unit) in targets.items():
                lines.append(f"    {key}: {{ {bound}: {value!r}, unit: {unit} }}")
    with open(os.path.join(folder, "plan.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def county(code, x0, y0, side, cells, rng):
    """One county: a cells x cells grid of parcels; the lines are blocks of whole cells."""
    step = side / cells
    erl_rows = range(0, max(1, cells // 5))                    # bottom fifth: red line, forest
    pbf_rows = range(cells // 5, max(cells // 5 + 1, 2 * cells // 5))  # next fifth: farmland
    udb_cols = range(cells - max(1, cells // 4), cells)        # right quarter above the farmland: town
    land_use, zoning, erl, pbf, udb, facilities, residential = [], [], [], [], [], [], []
    for r in range(cells):
        for c in range(cells):
            x, y = x0 + c * step, y0 + r * step
            g = rect(x, y, x + step, y + step)
            pid = f"{code}-{r:03d}{c:03d}"
            if r in erl_rows:
                code_lu, zone = "0301", "ecological_protection"
                erl.append(feat(f"E{pid}", g))
            elif r in pbf_rows:
                code_lu, zone = "0101", "farmland_protection"
                pbf.append(feat(f"P{pid}", g))
            elif c in udb_cols:
                code_lu, zone = rng.choice(["0701", "0701", "0702", "1207", "1401", "0901"]), "urban_development"
                udb.append(feat(f"U{pid}", g, zone="concentrated"))
                if code_lu == "0701":
                    residential.append(feat(f"R{pid}", {"type": "Point", "coordinates": [x + step / 2, y + step / 2]}, population=rng.randint(200, 2000)))
                if rng.random() < 0.2:
                    facilities.append(feat(f"F{pid}", {"type": "Point", "coordinates": [x + step / 3, y + step / 3]}, kind=rng.choice(["kindergarten", "clinic", "primary_school", "elderly_care"])))
            else:
                code_lu, zone = rng.choice(["0101", "0201", "0301", "0703", "1202"]), "rural_development"
            land_use.append(feat(f"L{pid}", g, code=code_lu))
            zoning.append(feat(f"Z{pid}", g, zone=zone))
    area = lambda fs: sum(step * step for _ in fs)
    layers = {"boundary": [feat(code, rect(x0, y0, x0 + side, y0 + side))], "ecological_redline": erl,
              "permanent_basic_farmland": pbf, "urban_development_boundary": udb, "zoning": zoning,
              "land_use": land_use, "facilities": facilities, "residential": residential}
    figures = {"ecological_redline_area": area(erl), "permanent_basic_farmland_area": area(pbf),
               "urban_development_boundary_area": area(udb)}
    return layers, figures


def indicators(fig, level):
    km2 = lambda m2: round(m2 / 1e6, 9)
    tenk_mu = lambda m2: round(m2 / (2e7 / 3), 9)
    return {
        "farmland_retention": (tenk_mu(fig["permanent_basic_farmland_area"]), "10k_mu"),
        "permanent_basic_farmland_area": (tenk_mu(fig["permanent_basic_farmland_area"]), "10k_mu"),
        "ecological_redline_area": (km2(fig["ecological_redline_area"]), "km2"),
        "urban_development_boundary_area": (km2(fig["urban_development_boundary_area"]), "km2"),
        "urban_construction_land_base": (km2(fig["urban_development_boundary_area"] / 1.2), "km2"),
        "construction_land_total": (km2(fig["urban_development_boundary_area"] * 1.5), "km2"),
        "water_use_total": (1.0, "100m_m3"),
    }


def grid(n):
    """Columns and rows for n squares in a full rectangle (the smallest divisor of n at least sqrt(n))."""
    cols = next(d for d in range(math.isqrt(n) or 1, n + 1) if n % d == 0 and d * d >= n) if n > 1 else 1
    return cols, n // cols


def allocations(children):
    out = {}
    for code, ind in children:
        out[code] = {key: (("min" if key in ("farmland_retention", "permanent_basic_farmland_area", "ecological_redline_area") else "max"), value, unit)
                     for key, (value, unit) in ind.items() if key != "urban_construction_land_base"}
    return out


def build_province(args, rng, pcode, px0, py0, out_dir, parent, counter):
    """One province: args.cities cities of args.counties counties each, written under out_dir; returns its layers, figures and indicators."""
    cells = max(5, int(math.isqrt(args.parcels)))
    per_row, county_rows = grid(args.counties)
    city_w, city_h = per_row * args.side, county_rows * args.side
    cities_per_row, city_rows = grid(args.cities)
    province_layers = {k: [] for k in ("ecological_redline", "permanent_basic_farmland", "urban_development_boundary")}
    province_fig = {k: 0.0 for k in ("ecological_redline_area", "permanent_basic_farmland_area", "urban_development_boundary_area")}
    city_entries = []
    for ci in range(args.cities):
        ccode = f"{pcode[:2]}{ci + 1:02d}00"
        cx0 = px0 + (ci % cities_per_row) * city_w
        cy0 = py0 + (ci // cities_per_row) * city_h
        city_dir = os.path.join(out_dir, f"city-{ci + 1:02d}")
        city_layers = {k: [] for k in ("ecological_redline", "permanent_basic_farmland", "urban_development_boundary", "zoning", "land_use", "facilities", "residential")}
        city_fig = {k: 0.0 for k in province_fig}
        county_entries = []
        for ki in range(args.counties):
            kcode = f"{ccode[:4]}{ki + 1:02d}"
            kx0 = cx0 + (ki % per_row) * args.side
            ky0 = cy0 + (ki // per_row) * args.side
            layers, fig = county(kcode, kx0, ky0, args.side, cells, rng)
            ind = indicators(fig, "county")
            declared = dict(ind)
            counter[0] += 1
            if args.faults and counter[0] % args.faults == 0:
                # A seeded fault: the county declares 10 % less red line than it draws and than its city allocates.
                value, unit = declared["ecological_redline_area"]
                declared["ecological_redline_area"] = (round(value * 0.9, 9), unit)
            write_plan(os.path.join(city_dir, f"county-{ki + 1:02d}"),
                       {"id": f"county-{kcode}", "zh": f"县{kcode}", "en": f"County {kcode}", "level": "county", "code": kcode,
                        "parent": "..", "indicators": declared}, layers)
            for k in city_layers:
                city_layers[k] += layers[k]
            for k in city_fig:
                city_fig[k] += fig[k]
            county_entries.append((kcode, ind))
        city_boundary = [feat(ccode, rect(cx0, cy0, cx0 + city_w, cy0 + city_h))]
        city_ind = indicators(city_fig, "city")
        city_ind["water_use_total"] = (float(args.counties), "100m_m3")
        write_plan(city_dir, {"id": f"city-{ccode}", "zh": f"市{ccode}", "en": f"City {ccode}", "level": "city", "code": ccode,
                              "parent": "..", "indicators": city_ind, "allocations": allocations(county_entries)},
                   {"boundary": city_boundary, **city_layers})
        for k in province_layers:
            province_layers[k] += city_layers[k]
        city_layers = None
        for k in province_fig:
            province_fig[k] += city_fig[k]
        city_entries.append((ccode, city_ind))
    boundary = [feat(pcode, rect(px0, py0, px0 + cities_per_row * city_w, py0 + city_rows * city_h))]
    province_ind = indicators(province_fig, "province")
    province_ind["water_use_total"] = (float(args.cities * args.counties), "100m_m3")
    manifest = {"id": f"province-{pcode}", "zh": f"省{pcode}", "en": f"Province {pcode}", "level": "province", "code": pcode,
                "indicators": province_ind, "allocations": allocations(city_entries)}
    if parent:
        manifest["parent"] = parent
    write_plan(out_dir, manifest, {"boundary": boundary, **province_layers})
    return province_layers, province_fig, province_ind, cities_per_row * city_w, city_rows * city_h


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--cities", type=int, default=10, help="cities per province")
    a.add_argument("--counties", type=int, default=10, help="counties per city")
    a.add_argument("--parcels", type=int, default=400, help="land-use parcels per county (a square number)")
    a.add_argument("--side", type=float, default=8_000, help="county side in metres (100 counties stay inside one 3-degree zone)")
    a.add_argument("--provinces", type=int, default=0,
                   help="0: one province at the root; N: a national plan (000000) over N provinces. "
                        "A national round: --provinces 31 --cities 10 --counties 9 --parcels 25 --side 1000")
    a.add_argument("--faults", type=int, default=0, help="every Nth county declares 10 %% less red line than it draws and is allocated (0: a clean tree)")
    a.add_argument("--seed", type=int, default=7)
    a.add_argument("--out", required=True)
    args = a.parse_args()
    rng = random.Random(args.seed)
    cells = max(5, int(math.isqrt(args.parcels)))
    counter = [0]
    if args.provinces <= 0:
        build_province(args, rng, "330000", OX, OY, args.out, None, counter)
        print(f"wrote 1 province, {args.cities} cities, {args.cities * args.counties} counties, {cells * cells} parcels per county, to {args.out}")
        return
    per_row, rows = grid(args.provinces)
    nation_layers = {k: [] for k in ("ecological_redline", "permanent_basic_farmland", "urban_development_boundary")}
    nation_fig = {k: 0.0 for k in ("ecological_redline_area", "permanent_basic_farmland_area", "urban_development_boundary_area")}
    entries = []
    width = height = 0.0
    for pi in range(args.provinces):
        pcode = f"{11 + pi:02d}0000"
        px0 = OX + (pi % per_row) * width if width else OX
        py0 = OY + (pi // per_row) * height if height else OY
        layers, fig, ind, width, height = build_province(args, rng, pcode, px0, py0, os.path.join(args.out, f"province-{pi + 1:02d}"), "..", counter)
        for k in nation_layers:
            nation_layers[k] += layers[k]
        for k in nation_fig:
            nation_fig[k] += fig[k]
        entries.append((pcode, ind))
    boundary = [feat("000000", rect(OX, OY, OX + per_row * width, OY + rows * height))]
    ind = indicators(nation_fig, "national")
    ind["water_use_total"] = (float(args.provinces * args.cities * args.counties), "100m_m3")
    write_plan(args.out, {"id": "nation-000000", "zh": "全国", "en": "Nation", "level": "national", "code": "000000",
                          "indicators": ind, "allocations": allocations(entries)}, {"boundary": boundary, **nation_layers})
    print(f"wrote 1 nation, {args.provinces} provinces, {args.provinces * args.cities} cities, "
          f"{args.provinces * args.cities * args.counties} counties, {cells * cells} parcels per county, to {args.out}")


if __name__ == "__main__":
    main()
