"""A copy of data/ with the synthetic successor of tests/fixtures/successor/ added (see its README).

``data_with_successor(target)`` writes the copy and returns its path; only files are added or appended —
what a maintainer would do to add a real successor. The successor's catalogue and rules are the shipped
ones with the changes of ``changes.yaml``, so the fixture follows the shipped data as it changes.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "successor"
EDITION = "gd-2027-1"


def _dump(data, path: Path) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _catalogue(shipped: list, change: dict) -> list:
    rows = [dict(r) for r in shipped]
    row = next(r for r in rows if r["id"] == change["row"])
    row["occupations"] = [e for e in row["occupations"] if (e if isinstance(e, str) else e["name"]) != change["drop"]]
    row["occupations"].append(change["add"])
    row["notes"] = [n for n in row.get("notes", []) if change["drop"] not in n.get("occupations", [])]
    return rows


def _rules(shipped: dict, change: dict) -> dict:
    rules = dict(shipped, policy=change["policy"])
    rules["pathways"] = [dict(p) for p in shipped["pathways"]]
    pathway = next(p for p in rules["pathways"] if p["id"] == change["pathway"])
    pathway.update(clause=change["clause"], text=change["text"],
                   conditions=[{**c, "years": change["years"]} if "years" in c else c for c in pathway["conditions"]])
    return rules


def data_with_successor(target: Path) -> Path:
    """data/ copied to ``target`` with the synthetic successor added."""
    shutil.copytree(ROOT / "data", target)
    for name in ("editions", "documents", "clauses"):
        path = target / f"{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8").rstrip() + "\n\n"
                        + (FIXTURE / f"{name}.add.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    folder = target / "editions" / EDITION
    shutil.copytree(FIXTURE / "editions" / EDITION, folder)
    changes = yaml.safe_load((FIXTURE / "changes.yaml").read_text(encoding="utf-8"))
    shipped = {n: yaml.safe_load((ROOT / "data" / f"{n}.yaml").read_text(encoding="utf-8")) for n in ("catalogue", "rules")}
    _dump(_catalogue(shipped["catalogue"], changes["catalogue"]), folder / "catalogue.yaml")
    _dump(_rules(shipped["rules"], changes["rules"]), folder / "rules.yaml")
    return target
