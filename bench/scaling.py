"""A synthetic catalogue ten times the real one, built to see how build time and size grow.

The copy multiplies occupations and catalogue rows: copy k (1…9) of an occupation gets the slug
``<slug>-x<k>``, the Chinese name ``<name><k>`` (a digit suffix keeps it unique), pinyin ``… x<k>`` and
English ``… <k>``; copy k of a row gets the id ``<id>-x<k>`` and names copy k of each of its occupations
(in its notes too).
Committees, series, clauses and rules stay as they are, so every cross-reference still validates. The
synthetic folder lives in a temporary directory and is never committed.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from .util import ROOT, Report, folder_size, timed_build

FACTOR = 10


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def _rename_entry(entry, k: int):
    if isinstance(entry, str):
        return f"{entry}{k}"
    return {**entry, "name": f"{entry['name']}{k}"}


def synthetic_data(target: Path, factor: int = FACTOR) -> Path:
    """Write a data folder ``factor`` times the real catalogue into ``target``; return it."""
    shutil.copytree(ROOT / "data", target)
    occupations = yaml.safe_load((target / "occupations.yaml").read_text(encoding="utf-8"))
    rows = yaml.safe_load((target / "catalogue.yaml").read_text(encoding="utf-8"))
    more_occ, more_rows = list(occupations), list(rows)
    for k in range(1, factor):
        for o in occupations:
            copy = {**o, "slug": f"{o['slug']}-x{k}", "zh": f"{o['zh']}{k}", "pinyin": f"{o['pinyin']} x{k}",
                    "en": f"{o['en']} {k}"}
            if "related" in o:
                copy["related"] = [f"{r}-x{k}" for r in o["related"]]
            for key in ("aliases_zh", "aliases_en"):
                if key in o:
                    copy[key] = [f"{a}{k}" for a in o[key]]
            more_occ.append(copy)
        for r in rows:
            copy = {**r, "id": f"{r['id']}-x{k}", "occupations": [_rename_entry(e, k) for e in r["occupations"]]}
            if r.get("notes"):  # a note names occupations of its row: copy k names their copies
                copy["notes"] = [{**n, "occupations": [f"{name}{k}" for name in n["occupations"]]}
                                 if n.get("occupations") else n for n in r["notes"]]
            more_rows.append(copy)
    _dump(target / "occupations.yaml", more_occ)
    _dump(target / "catalogue.yaml", more_rows)
    return target


def scaling(work: Path, real_seconds: float, real_site: Path, report: Report) -> None:
    data = synthetic_data(work / "data-x10")
    site = work / "site-x10"
    seconds = timed_build(data, site, work / "docs-x10")
    real_bytes, real_files = folder_size(real_site)
    big_bytes, big_files = folder_size(site)
    t, s = seconds / real_seconds, big_bytes / real_bytes
    report.add(f"scaling ×{FACTOR}: build time", f"{seconds:.1f} s = {t:.1f}× the real data", "≤ 12×", t <= 12)
    report.add(f"scaling ×{FACTOR}: site size", f"{big_bytes / 1024 / 1024:.1f} MB in {big_files} files = "
               f"{s:.1f}× ({big_files / real_files:.1f}× files)", "≤ 11×", s <= 11)
