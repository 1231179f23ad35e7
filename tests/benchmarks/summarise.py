#!/usr/bin/env python3
"""Turns the logs of run.sh into the markdown tables of docs/benchmarks.md."""
import math
import re
import sys
from pathlib import Path

work = Path(sys.argv[1])
# Keys: a size ("100000") for a clean plan, or size and defect share ("100000-d0.005").
sizes = sys.argv[2:]


def label(key):
    n, _, d = key.partition("-d")
    return f"{int(n):,}" + (f" ({float(d) * 100:g} % defective)" if d else "")


def count(key):
    return int(key.partition("-d")[0])


def ef(n, fmt):
    """The fastest of the runs of one check."""
    runs = [r for r in (ef_run(log) for log in sorted(work.glob(f"ef-{n}-{fmt}.r*.log"))) if r and r["wall"]]
    return min(runs, key=lambda r: r["wall"]) if runs else None


def rule_times(n, fmt):
    """Each rule's fastest measurement over the runs of one check. A collection of the heap (2 GB at a million
    parcels) pauses whichever measurement is running when it comes, so one run's per-rule times carry
    pauses that belong to no rule; the fastest of each rule is its own cost."""
    best = {}
    for log in sorted(work.glob(f"ef-{n}-{fmt}.r*.log")):
        run = ef_run(log)
        for r, t in (run or {}).get("rules") or []:
            best[r] = min(t, best.get(r, t))
    return best


def ef_run(log):
    text = log.read_text(errors="replace")
    phases = {m[0].strip(): float(m[1]) / 1000 for m in re.findall(r"^  ([a-z ]+?)\s+([0-9.]+) ms$", text, re.M)}
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([0-9.]+)", text)
    seconds = (int(wall[1] or 0) * 3600 + int(wall[2]) * 60 + float(wall[3])) if wall else phases.get("total")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    rules = re.findall(r"^  ((?:DATA|LINE|HIER|ELAS|USE|EQUI)-\d+)\s+([0-9.]+) ms$", text, re.M)
    cpu = re.search(r"Percent of CPU this job got: (\d+)%", text)
    return {"wall": seconds, "phases": phases, "rss_mib": int(rss[1]) / 1024 if rss else None,
            "rules": [(r, float(t) / 1000) for r, t in rules], "cpu": int(cpu[1]) if cpu else None}


def pg(n):
    log = work / f"pg-{n}.log"
    if not log.exists():
        return None
    text = log.read_text(errors="replace")
    load = re.search(r"load_seconds ([0-9.]+)", text)
    steps, current = [], None
    for line in text.splitlines():
        if re.match(r"^(index|(?:DATA|LINE|HIER|ELAS|USE|EQUI)-)", line):
            current = line.split(" ")[0]
        t = re.match(r"^Time: ([0-9.]+) ms", line)
        if t and current:
            steps.append((current, float(t[1]) / 1000))
    index = sum(t for s, t in steps if s == "index")
    queries = [(s, t) for s, t in steps if s != "index"]
    merged = {}
    for s, t in queries:
        merged[s] = merged.get(s, 0) + t
    return {"load": float(load[1]) if load else None, "index": index, "queries": merged, "query_total": sum(merged.values())}


def f(x, digits=1):
    return "–" if x is None else f"{x:.{digits}f}"


print("| parcels | from | ElementFlow end-to-end (s) | load plans (s) | measure (s) | decide (s) | CPU use | peak RSS (MiB) | PostGIS load (s) | PostGIS indexes (s) | PostGIS queries (s) | EF / PostGIS queries |")
print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    p = pg(n)
    for fmt in ("geojson", "gpkg"):
        e = ef(n, fmt)
        if not e:
            continue
        ratio = e["wall"] / p["query_total"] if p and p["query_total"] else None
        print(f"| {label(n)} | {fmt} | {f(e['wall'])} | {f(e['phases'].get('load plans', 0) / 1)} | {f(e['phases'].get('measure'))} | "
              f"{f(e['phases'].get('decide'))} | {e['cpu'] or '–'}% | {f(e['rss_mib'], 0)} | {f(p and p['load'])} | {f(p and p['index'])} | "
              f"{f(p and p['query_total'])} | {f(ratio, 2)} |")

print()
print("Growth of ElementFlow end-to-end time against N log N (1.00 = grows exactly as N log N from the previous size):")
print()
print("| from | step | time ratio | N log N ratio | time ratio / N log N ratio |")
print("|---|---|---:|---:|---:|")
for fmt in ("geojson", "gpkg"):
    clean = [k for k in sizes if "-d" not in k]
    for a, b in zip(clean, clean[1:]):
        ea, eb = ef(a, fmt), ef(b, fmt)
        if ea and eb:
            t = eb["wall"] / ea["wall"]
            nl = (count(b) * math.log(count(b))) / (count(a) * math.log(count(a)))
            print(f"| {fmt} | {label(a)} → {label(b)} | {t:.2f} | {nl:.2f} | {t / nl:.2f} |")

print()
print("Measurement time per rule, GeoPackage (s; each rule's fastest over the runs; rules sharing a measurement each count it):")
print()
rules = sorted({r for n in sizes for r in rule_times(n, "gpkg")})
print("| rule | " + " | ".join(label(n) for n in sizes) + " |")
print("|---|" + "---:|" * len(sizes))
for r in rules:
    cells = []
    for n in sizes:
        cells.append(f(rule_times(n, "gpkg").get(r)))
    print(f"| {r} | " + " | ".join(cells) + " |")

print()
print("PostGIS query time per rule (s):")
print()
names = sorted({s for n in sizes for s in ((pg(n) or {}).get('queries') or {})})
print("| rule | " + " | ".join(label(n) for n in sizes) + " |")
print("|---|" + "---:|" * len(sizes))
for s in names:
    print(f"| {s} | " + " | ".join(f((pg(n) or {}).get('queries', {}).get(s)) for n in sizes) + " |")

defective = [k for k in sizes if "-d" in k and k.partition("-d")[0] in sizes]
if defective:
    print()
    print("Cost of defects: each rule's measurement time on a defective plan over the clean plan of the same size (GeoPackage; – where the clean time is under 0.05 s):")
    print()
    print("| rule | " + " | ".join(label(k) for k in defective) + " |")
    print("|---|" + "---:|" * len(defective))
    for r in rules:
        cells = []
        for k in defective:
            td, tc = rule_times(k, "gpkg").get(r), rule_times(k.partition("-d")[0], "gpkg").get(r)
            cells.append(f"{td / tc:.2f}" if td is not None and tc and tc >= 0.05 else "–")
        print(f"| {r} | " + " | ".join(cells) + " |")
