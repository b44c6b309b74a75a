"""Which catalogue, committees, occupations and rules belong to which edition of the policy.

The base edition — the one ``data/rules.yaml`` names (``policy.edition``) — has its tables in data/*.yaml.
Every later edition adds a folder ``data/editions/<edition id>/`` (decision D13-5) holding what it prints
differently, each file in the schema of its data/ namesake:

- ``rules.yaml`` (required): its rules, ``policy.edition`` naming the folder's edition;
- ``catalogue.yaml``: its whole attachment table (absent: the table of the edition it supersedes);
- ``committees.yaml``: committee records by id — an id already known renames that committee in this edition
  (a committee keeps its id, and so its URL, across editions), a new id adds one;
- ``occupations.yaml``: occupations its table adds (an occupation's slug, and so its URL, is shared by all
  editions; one the table drops keeps its page).

``tables(files, edition_id)`` gives an edition's four tables as RawFiles (absent files inherited along
``supersedes``); ``union(files, name)`` every committee or occupation of any edition, for the pages that keep
one URL each; ``check(files)`` the Problems of the folders (each edition's table checked against the others
with ``crossrefs``' own checks, with the file and line of the edition's file).
"""
from __future__ import annotations

from collections.abc import Callable

from .errors import Problem
from .load import EDITION_TABLES, RawFile

KEY = {"committees": "id", "occupations": "slug"}


class MergedFile(RawFile):
    """A list made of a base file's records and an edition file's (replacing by key, or added): a
    problem at a record is reported at the file and line that record came from."""

    def __init__(self, base: RawFile, extra: RawFile, key: str):
        data, origin = list(base.data or []), [(base, i) for i in range(len(base.data or []))]
        at = {r[key]: i for i, r in enumerate(data)}
        for j, r in enumerate(extra.data or []):
            i = at.setdefault(r[key], len(data))
            if i == len(data):
                data.append(r)
                origin.append((extra, j))
            else:
                data[i], origin[i] = r, (extra, j)
        super().__init__(extra.name, extra.path, data, extra.lines)
        self.origin = origin

    def problem(self, path, expected: str, found: str) -> Problem:
        path = tuple(path)
        if path and isinstance(path[0], int) and path[0] < len(self.origin):
            raw, j = self.origin[path[0]]
            return raw.problem((j,) + path[1:], expected, found)
        return super().problem(path, expected, found)


def base_id(files: dict) -> str | None:
    rules = files["rules"].data if isinstance(files["rules"].data, dict) else {}
    return (rules.get("policy") or {}).get("edition")


def folders(files: dict) -> list[str]:
    """The edition ids that have a folder data/editions/<id>/."""
    return sorted({k.split("/")[1] for k in files if k.startswith("editions/")})


def _own(files: dict, edition_id: str, name: str) -> RawFile | None:
    return files.get(f"editions/{edition_id}/{name}")


def tables(files: dict, edition_id: str) -> dict[str, RawFile]:
    """The edition's catalogue, committees, occupations and rules: its own files where it has them, the
    rest as the edition it supersedes has them (committees and occupations: theirs with its own merged in)."""
    if edition_id == base_id(files):
        return {name: files[name] for name in EDITION_TABLES}
    record = next((e for e in files["editions"].data or [] if e["id"] == edition_id), None)
    parent = (record or {}).get("supersedes") or base_id(files)
    inherited = tables(files, parent) if parent != edition_id else {n: files[n] for n in EDITION_TABLES}
    out = {}
    for name in EDITION_TABLES:
        own = _own(files, edition_id, name)
        if own is None:
            out[name] = inherited[name]
        elif name in KEY:
            out[name] = MergedFile(inherited[name], own, KEY[name])
        else:
            out[name] = own
    return out


def union(files: dict, name: str) -> list:
    """Every committee or occupation record of every edition, once by id/slug: the base edition's record
    where it has one (its page's names), the latest edition's for the others."""
    records = {r[KEY[name]]: r for r in files[name].data or []}
    for edition_id in folders(files):
        for r in tables(files, edition_id)[name].data or []:
            records.setdefault(r[KEY[name]], r)
    return list(records.values())


def listed_anywhere(files: dict) -> set:
    """The occupation names some edition's catalogue lists."""
    ids = [base_id(files)] + folders(files)
    return {e if isinstance(e, str) else e["name"]
            for i in ids for row in tables(files, i)["catalogue"].data or [] for e in row["occupations"]}


def check(files: dict, check_edition: Callable[[dict], list]) -> list[Problem]:
    """Problems of data/editions/<id>/: a folder names a recorded edition other than the base one, has its
    own rules.yaml naming it, and its tables pass ``check_edition`` (crossrefs' checks) with the others."""
    out, known = [], {e["id"] for e in files["editions"].data or []}
    for edition_id in folders(files):
        where = f"data/editions/{edition_id}/"
        if edition_id not in known or edition_id == base_id(files):
            out.append(Problem(where, "", "a folder named for a later edition of data/editions.yaml "
                               f"(not the base edition {base_id(files)})", repr(edition_id)))
            continue
        rules = _own(files, edition_id, "rules")
        if rules is None:
            out.append(Problem(where + "rules.yaml", "", "the rules of this edition (rules.yaml, policy.edition: "
                               f"{edition_id})", "no such file"))
            continue
        named = (rules.data.get("policy") or {}).get("edition")
        if named != edition_id:
            out.append(rules.problem(("policy", "edition"), repr(edition_id) + " (the folder's edition)", repr(named)))
        out += check_edition({**files, **tables(files, edition_id)})
    return out
