"""Everyday title names (data/title-names.yaml): what a title of a series, specialty category and level is
called (工程师 for an intermediate engineering title), each list with the national document it comes from.

- ``check(files)``: the file's references (series, categories of that series, title levels of rules.yaml,
  documents), each (series, category) named once, every document cited — Problems with file and line;
- ``name_sets(data, categories)``: the records resolved (categories with their names where a record covers
  only some of its series');
- ``by_committee(data, catalogue, categories)``: for the rules document, the sets (indexes) that apply to each
  committee's catalogue rows — the check names a level by the sets of the occupation's committees;
- ``for_occupation(model, o)``: the sets that apply to an occupation's rows (print summary, pages).

Pure data in, data out: nothing here renders.
"""
from __future__ import annotations

from .errors import Problem

FILE = "title-names"


def check(files: dict) -> list[Problem]:
    raw = files[FILE]
    series = {s["id"] for s in files["series"].data}
    categories = {c["id"]: c["series"] for c in files["categories"].data}
    levels = set(files["rules"].data["levels"]["title"])
    documents = raw.data["documents"]
    out, seen, cited = [], {}, set()
    for i, rec in enumerate(raw.data["names"]):
        if rec["series"] not in series:
            out.append(raw.problem(("names", i, "series"), "a series id from data/series.yaml", repr(rec["series"])))
        if rec["document"] not in documents:
            out.append(raw.problem(("names", i, "document"), "a document id of this file's documents",
                                   repr(rec["document"])))
        cited.add(rec["document"])
        for j, cat in enumerate(rec.get("categories") or []):
            if categories.get(cat) != rec["series"]:
                found = repr(cat) + (f", a category of {categories[cat]!r}" if cat in categories else "")
                out.append(raw.problem(("names", i, "categories", j),
                                       f"a category id of series {rec['series']!r} (data/categories.yaml)", found))
        for level in rec["levels"]:
            if level not in levels:
                out.append(raw.problem(("names", i, "levels", level), "a title level id of data/rules.yaml levels.title",
                                       repr(level)))
        for key in [(rec["series"], c) for c in rec.get("categories") or [None]]:
            if key in seen:
                out.append(raw.problem(("names", i, "series"), "one name list per series and category",
                                       f"{key[1] or 'every category'} of {key[0]!r} again (first at [{seen[key]}])"))
            seen.setdefault(key, i)
    for doc_id in documents:
        if doc_id not in cited:
            out.append(raw.problem(("documents", doc_id), "a document that a name list cites", "it cited by none"))
    return out


def name_sets(data: dict, categories: list) -> list[dict]:
    """The name lists in file order: {series, categories: [{id, zh, en}] | None, document: {id, number,
    number_en}, levels: {level: [{zh, en}]}}."""
    cat = {c["id"]: c for c in categories}
    out = []
    for rec in data["names"]:
        doc = data["documents"][rec["document"]]
        out.append({"series": rec["series"],
                    "categories": [{"id": c, "zh": cat[c]["zh"], "en": cat[c]["en"]} for c in rec["categories"]]
                    if rec.get("categories") else None,
                    "document": {"id": rec["document"], "number": doc["number"], "number_en": doc["number_en"]},
                    "levels": rec["levels"]})
    return out


def _applies(s: dict, series: str, category: str) -> bool:
    return s["series"] == series and (s["categories"] is None or any(c["id"] == category for c in s["categories"]))


def sets_for_rows(sets: list[dict], rows) -> list[int]:
    """Indexes of the sets that apply to any (series, category) of these catalogue rows, in set order."""
    pairs = {(r["series"], c) for r in rows for c in r["categories"]}
    return [i for i, s in enumerate(sets) if any(_applies(s, *p) for p in pairs)]


def by_committee(data: dict | None, catalogue: list, categories: list) -> tuple[list[dict], dict[str, list[int]]]:
    """The sets, and committee id → the sets its catalogue rows fall under (committees with none left out)."""
    if not data:
        return [], {}
    sets = name_sets(data, categories)
    rows_of: dict[str, list] = {}
    for row in catalogue:
        for c in row.get("committees") or []:
            rows_of.setdefault(c, []).append(row)
    found = {c: sets_for_rows(sets, rows) for c, rows in rows_of.items()}
    return sets, {c: ix for c, ix in found.items() if ix}


def for_occupation(model, o: dict) -> list[dict]:
    """The sets that apply to an occupation (through its catalogue rows), in file order."""
    sets = name_sets(model.title_names, model.categories) if model.title_names else []
    return [sets[i] for i in sets_for_rows(sets, o["rows"])]


def names_text(sets: list[dict], level: str, lang: str, sep: str, cat_sep: str, set_sep: str) -> str:
    """The names of ``level`` in one language: each set's names joined by ``sep``, after its categories and
    ``cat_sep`` where the set covers only some categories; sets joined by ``set_sep``. Empty when none."""
    parts = []
    for s in sets:
        names = sep.join(n[lang] for n in s["levels"].get(level, []))
        if names and s["categories"]:
            names = sep.join(c[lang] for c in s["categories"]) + cat_sep + names
        if names:
            parts.append(names)
    return set_sep.join(parts)


def unnamed_categories(model) -> list[dict]:
    """The specialty categories of catalogue rows that no name list covers (the about page says so)."""
    sets = name_sets(model.title_names, model.categories) if model.title_names else []
    return [c for c in model.categories if c["rows"] and not any(_applies(s, c["series"], c["id"]) for s in sets)]
