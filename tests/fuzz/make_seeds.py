#!/usr/bin/env python3
"""Writes the fuzzing seed corpora under tests/fuzz/seeds/ from the repository's own small files.

AFL wants small seeds (well under 10 KB): plan packages come from the rule test cases (plan.yaml and
its layers joined with the %%%% separator line the harness splits on), rule sets are the built-in
files cut into a few rules each. Run from the repository root; the output is committed.
"""
import io
import pathlib
import re
import shutil
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests/fuzz/seeds"
SEP = b"\n%%%%\n"
LIMIT = 8000

CASES = [
    "DATA-003/fires-bowtie", "DATA-002/fires-missing-attribute", "DATA-001/passes-geographic-crs",
    "EQUI-005/fires", "HIER-003/fires-below-allocation", "ELAS-002/fires", "USE-002/fires",
    "LINE-002/fires", "ELAS-007/fires-expired", "DATA-010/passes",
]


def package_seed(case: pathlib.Path) -> bytes:
    plan = (case / "plan.yaml").read_text(encoding="utf-8")
    layers = []
    for i, m in enumerate(re.finditer(r"layers/[\w.-]+\.geojson", plan), start=1):
        layers.append((m.group(0), f"layer{i}.geojson"))
    parts = []
    for old, new in layers:
        plan = plan.replace(old, new, 1)
        parts.append((case / old).read_bytes())
    return SEP.join([plan.encode("utf-8"), *parts])


def main() -> None:
    shutil.rmtree(SEEDS, ignore_errors=True)
    for t in ("package", "zip", "geojson", "ruleset", "filegdb"):
        (SEEDS / t).mkdir(parents=True)

    for name in CASES:
        case = ROOT / "rules/tests" / name
        seed = package_seed(case)
        if len(seed) <= LIMIT:
            (SEEDS / "package" / name.replace("/", "_")).write_bytes(seed)
        # The same package zipped, plan.yaml inside one top folder as users zip them.
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for f in sorted(case.rglob("*")):
                if f.is_file() and f.name != "expect.yaml":
                    z.write(f, "pkg/" + f.relative_to(case).as_posix())
        if len(buffer.getvalue()) <= LIMIT:
            (SEEDS / "zip" / (name.replace("/", "_") + ".zip")).write_bytes(buffer.getvalue())
        for layer in sorted((case / "layers").glob("*.geojson")):
            if layer.stat().st_size <= LIMIT:
                (SEEDS / "geojson" / f"{name.replace('/', '_')}_{layer.name}").write_bytes(layer.read_bytes())

    # Rule sets: each built-in file cut into chunks of whole rules under its own header.
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        head, _, body = text.partition("\nrules:\n")
        rules = re.split(r"\n(?=  - id: )", body)
        chunk: list[str] = []
        n = 0
        for rule in rules + [None]:
            candidate = chunk + ([rule] if rule else [])
            data = (head + "\nrules:\n" + "\n".join(candidate)).encode("utf-8")
            if rule is None or (len(data) > 4000 and chunk):
                if chunk:
                    out = (head + "\nrules:\n" + "\n".join(chunk)).encode("utf-8")
                    if len(out) <= LIMIT:
                        (SEEDS / "ruleset" / f"{path.stem}-{n}.yaml").write_bytes(out)
                    n += 1
                chunk = [rule] if rule else []
            else:
                chunk = candidate
    # A profile beside the set it extends, so the override path is reached.
    profile = (ROOT / "rules/profiles/example-province.yaml").read_text(encoding="utf-8")
    profile = profile.replace("extends: builtin", "extends: use").replace("LINE-004:", "USE-002:").replace("ELAS-001:", "USE-003:")
    (SEEDS / "ruleset" / "profile.yaml").write_bytes(
        (SEEDS / "ruleset" / "use-0.yaml").read_bytes() + SEP + profile.encode("utf-8"))

    # File Geodatabases written by GDAL (the reader's fixtures): catalogue and one table, four files joined.
    fixtures = ROOT / "tests/ElementFlow.Sources.FileGdb.Tests/Fixtures"
    for gdb, table in (("plan.gdb", "a00000009"), ("plan.gdb", "a0000000b"), ("curves.gdb", "a00000009"), ("curves.gdb", "a0000000a")):
        files = [fixtures / gdb / f"a00000001.{e}" for e in ("gdbtable", "gdbtablx")] + [fixtures / gdb / f"{table}.{e}" for e in ("gdbtable", "gdbtablx")]
        seed = SEP.join(f.read_bytes() for f in files)
        # The row index is a block of 1024 offsets, mostly zeros: these seeds run past LIMIT, but not far.
        if len(seed) <= 2 * LIMIT:
            (SEEDS / "filegdb" / f"{gdb.removesuffix('.gdb')}-{table}").write_bytes(seed)


if __name__ == "__main__":
    main()
