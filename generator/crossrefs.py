"""Checks that span data files: unique ids and slugs, references that resolve, no half translations.

Each check takes the schema-valid raw files and returns Problems; ``check_all`` runs them all.
A check never fixes data: it says what it expected and what it found, with the file and line.
"""
from __future__ import annotations

from . import changelog, edition_tables, editions, title_names
from .errors import DataError, Problem
from .load import RawFile


def _entry_name(entry) -> str:
    return entry if isinstance(entry, str) else entry["name"]


def _unique(raw: RawFile, key: str, what: str) -> list[Problem]:
    """One problem per repeated value, at the repetition, naming where the value was first used."""
    first: dict = {}
    out = []
    for i, item in enumerate(raw.data or []):
        value = item.get(key)
        if value is None:
            continue
        if value in first:
            out.append(raw.problem((i, key), f"a unique {what}",
                                   f"{value!r}, already used at line {raw.line((first[value], key))} ([{first[value]}])"))
        else:
            first[value] = i
    return out


def check_unique(f: dict[str, RawFile]) -> list[Problem]:
    out = []
    for name in ("series", "categories", "committees", "catalogue", "glossary", "clauses"):
        out += _unique(f[name], "id", "id")
    out += _unique(f["occupations"], "slug", "slug")
    out += _unique(f["occupations"], "zh", "Chinese name")
    out += _unique(f["glossary"], "zh", "Chinese term")
    return out


def check_references(f: dict[str, RawFile], listed: set | None = None) -> list[Problem]:
    """References between the files resolve; ``listed``: the occupation names some edition's catalogue
    lists (default: this catalogue's), each occupation must be one of them."""
    series = {s["id"] for s in f["series"].data}
    categories = {c["id"]: c for c in f["categories"].data}
    committees = {c["id"] for c in f["committees"].data}
    clauses = {c["id"] for c in f["clauses"].data}
    occupations = {o["zh"] for o in f["occupations"].data}
    slugs = {o["slug"] for o in f["occupations"].data}
    out = []

    def need(raw, path, value, pool, what):
        if value not in pool:
            out.append(raw.problem(path, f"{what}", repr(value)))

    cat = f["catalogue"]
    for i, row in enumerate(cat.data):
        need(cat, (i, "series"), row["series"], series, "a series id from data/series.yaml")
        need(cat, (i, "clause"), row["clause"], clauses, "a clause id from data/clauses.yaml")
        for j, c in enumerate(row["categories"]):
            if c not in categories:
                out.append(cat.problem((i, "categories", j), "a category id from data/categories.yaml", repr(c)))
            elif categories[c]["series"] != row["series"] and {row["series"], categories[c]["series"]} <= series:
                out.append(cat.problem((i, "categories", j), f"a category of series {row['series']!r}",
                                       f"{c!r}, which belongs to {categories[c]['series']!r}"))
        for j, c in enumerate(row["committees"]):
            need(cat, (i, "committees", j), c, committees, "a committee id from data/committees.yaml")
        names = [_entry_name(e) for e in row["occupations"]]
        seen = set()
        for j, name in enumerate(names):
            need(cat, (i, "occupations", j), name, occupations, "an occupation name from data/occupations.yaml")
            if name in seen:
                out.append(cat.problem((i, "occupations", j), "each occupation once per row", f"{name!r} twice"))
            seen.add(name)
        if not row["occupations"] and "description" not in row:
            out.append(cat.problem((i,), "occupations or a description", "neither"))
    for i, c in enumerate(f["categories"].data):
        need(f["categories"], (i, "series"), c["series"], series, "a series id from data/series.yaml")
        need(f["categories"], (i, "clause"), c["clause"], clauses, "a clause id from data/clauses.yaml")
    for i, s in enumerate(f["series"].data):
        need(f["series"], (i, "clause"), s["clause"], clauses, "a clause id from data/clauses.yaml")
    com = f["committees"]
    for i, c in enumerate(com.data):
        need(com, (i, "series"), c["series"], series, "a series id from data/series.yaml")
        for j, cl in enumerate(c["clauses"]):
            need(com, (i, "clauses", j), cl, clauses, "a clause id from data/clauses.yaml")
        if (c["zh"] is None) != (c["en"] is None):
            out.append(com.problem((i, "en"), "an English name exactly where there is a Chinese one",
                                   f"zh={c['zh']!r}, en={c['en']!r}"))
        if c["field_3_4_1"] and not c.get("field_3_4_1_en"):
            out.append(com.problem((i,), "field_3_4_1_en beside field_3_4_1", "it missing"))
    occ = f["occupations"]
    listed = listed if listed is not None else {_entry_name(e) for row in cat.data for e in row["occupations"]}
    for i, o in enumerate(occ.data):
        for j, r in enumerate(o.get("related", [])):
            need(occ, (i, "related", j), r, slugs, "an occupation slug from data/occupations.yaml")
        if o.get("listed", True) and o["zh"] not in listed:
            out.append(occ.problem((i, "zh"), "an occupation named in some catalogue row (or listed: false)",
                                   f"{o['zh']!r} in no row"))
    dec = f["decisions"]
    for i, d in enumerate(dec.data or []):
        need(dec, (i, "clause"), d["clause"], clauses, "a clause id from data/clauses.yaml")
    guide = f["committee-guide"]
    decision_ids = {d["id"] for d in dec.data or []}
    for i, g in enumerate(guide.data):
        if g.get("decision"):
            need(guide, (i, "decision"), g["decision"], decision_ids, "a decision id from data/decisions.yaml")
    for i, row in enumerate(cat.data):
        for j, n in enumerate(row.get("notes", [])):
            for k, name in enumerate(n.get("occupations", [])):
                if name not in {_entry_name(e) for e in row["occupations"]}:
                    cat_problem = cat.problem((i, "notes", j, "occupations", k), "an occupation of this row", repr(name))
                    out.append(cat_problem)
    out += _clause_parents(f["clauses"])
    return out


def _clause_parents(cl: RawFile) -> list[Problem]:
    """A clause's parent is a clause of the same document that comes before it."""
    out, before = [], {}
    for i, c in enumerate(cl.data):
        p = c.get("parent")
        if p is not None:
            if p not in before:
                later = any(x["id"] == p for x in cl.data)
                out.append(cl.problem((i, "parent"), "the id of a clause that comes before this one",
                                      f"{p!r}, {'which comes after it' if later else 'no such clause'}"))
            elif before[p] != c["document"]:
                out.append(cl.problem((i, "parent"), f"a clause of the same document ({c['document']!r})",
                                      f"{p!r} of {before[p]!r}"))
        before[c["id"]] = c["document"]
    return out


def clause_refs(data, path=()):
    """Yield (path, clause id) for every ``clause:`` / ``clauses:`` value anywhere in a structure."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "clause" and isinstance(v, str):
                yield path + (k,), v
            elif k == "clauses" and isinstance(v, list):
                for j, c in enumerate(v):
                    if isinstance(c, str):
                        yield path + (k, j), c
            else:
                yield from clause_refs(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from clause_refs(v, path + (i,))


def check_clause_refs_everywhere(f: dict[str, RawFile]) -> list[Problem]:
    clauses = {c["id"] for c in f["clauses"].data}
    return [f[name].problem(path, "a clause id from data/clauses.yaml", repr(cid))
            for name in ("rules", "documents", "committee-guide", "not-listed") for path, cid in clause_refs(f[name].data)
            if cid not in clauses]


def check_rules(f: dict[str, RawFile]) -> list[Problem]:
    """Pathway groups, honour groups and decision records that rules.yaml names must exist; a pathway's
    target must be a level of its group's kind; every level must be a glossary term."""
    rules, out = f["rules"], []
    data = rules.data if isinstance(rules.data, dict) else {}
    levels = data.get("levels") or {}
    terms = {t["id"] for t in f["glossary"].data}
    for kind, ids in levels.items():
        for j, level in enumerate(ids or []):
            if level not in terms:
                out.append(rules.problem(("levels", kind, j), "a level id from data/glossary.yaml", repr(level)))
    groups = {g["id"]: g for g in data.get("pathway_groups") or []}
    honour_groups = {g["id"] for g in data.get("honour_groups") or []}
    decisions = {d["id"] for d in f["decisions"].data or []}
    for i, p in enumerate(data.get("pathways") or []):
        group = groups.get(p.get("group"))
        if group is None:
            out.append(rules.problem(("pathways", i, "group"), "an id of pathway_groups", repr(p.get("group"))))
        elif p.get("target") not in (levels.get(group.get("kind")) or []):
            out.append(rules.problem(("pathways", i, "target"), f"a {group.get('kind')} level of levels."
                                     f"{group.get('kind')} ({', '.join(levels.get(group.get('kind')) or [])})",
                                     repr(p.get("target"))))
        for j, c in enumerate(p.get("conditions") or []):
            if c.get("test") == "honour-in-group" and c.get("group") not in honour_groups:
                out.append(rules.problem(("pathways", i, "conditions", j, "group"),
                                         f"an id of honour_groups ({', '.join(sorted(honour_groups))})", repr(c.get("group"))))
    for i, g in enumerate(data.get("pathway_groups") or []):
        for j, c in enumerate(g.get("common") or []):
            if c.get("group") is not None and c["group"] not in honour_groups:
                out.append(rules.problem(("pathway_groups", i, "common", j, "group"),
                                         f"an id of honour_groups ({', '.join(sorted(honour_groups))})", repr(c["group"])))
    for path, ids in walk_key(data, "decisions"):
        for j, d in enumerate(ids if isinstance(ids, list) else []):
            if d not in decisions:
                out.append(rules.problem(path + (j,), "a decision id from data/decisions.yaml", repr(d)))
    return (out + _honours_once(rules) + _exemption_order(rules) + _education_terms(rules, terms)
            + _check_readings(f))


def _honours_once(rules: RawFile) -> list[Problem]:
    first, out = {}, []
    for i, g in enumerate(rules.data.get("honour_groups") or []):
        for j, h in enumerate(g.get("honours") or []):
            if h["id"] in first:
                out.append(rules.problem(("honour_groups", i, "honours", j, "id"), "each honour in one group only",
                                         f"{h['id']!r}, already in group {first[h['id']]!r}"))
            first.setdefault(h["id"], g.get("id"))
    return out


def _exemption_order(rules: RawFile) -> list[Problem]:
    """An exemption that follows another (``exempt: <id>``) names one listed before it."""
    seen, out = [], []
    for i, x in enumerate(rules.data.get("exemptions") or []):
        for j, alt in enumerate(x.get("when") or []):
            if "exempt" in alt and alt["exempt"] not in seen:
                out.append(rules.problem(("exemptions", i, "when", j, "exempt"),
                                         f"an exemption listed before this one ({', '.join(seen) or 'none'})",
                                         repr(alt["exempt"])))
        seen.append(x.get("id"))
    return out


def _education_terms(rules: RawFile, terms: set) -> list[Problem]:
    out = []
    for i, c in enumerate((rules.data.get("education_equivalence") or {}).get("classes") or []):
        for key in ("id", "equivalent"):
            if c.get(key) not in terms:
                out.append(rules.problem(("education_equivalence", "classes", i, key),
                                         "a term id from data/glossary.yaml", repr(c.get(key))))
    return out


def _check_readings(f: dict[str, RawFile]) -> list[Problem]:
    """Readings both ways: every (decision, reading) of rules.yaml is an alternative recorded in
    decisions.yaml, and every recorded alternative is run by some pathway or group of rules.yaml."""
    rules, dec, out = f["rules"], f["decisions"], []
    data = rules.data if isinstance(rules.data, dict) else {}
    recorded = {(d["id"], r["id"]): (i, j) for i, d in enumerate(dec.data or [])
                for j, r in enumerate(d.get("readings") or [])}
    used = set()
    for section in ("pathway_groups", "pathways"):
        for i, item in enumerate(data.get(section) or []):
            for j, r in enumerate(item.get("readings") or []):
                key = (r.get("decision"), r.get("reading"))
                used.add(key)
                if key not in recorded:
                    options = ", ".join(f"{d}/{x}" for d, x in sorted(recorded)) or "none recorded"
                    out.append(rules.problem((section, i, "readings", j),
                                             f"a decision and one of its readings from data/decisions.yaml ({options})",
                                             f"{key[0]}/{key[1]}"))
    for key, (i, j) in sorted(recorded.items()):
        if key not in used:
            out.append(dec.problem((i, "readings", j, "id"), "a reading that some pathway or pathway group of "
                                   "data/rules.yaml runs (readings: [{decision, reading, ...}])", f"{key[1]} run by none"))
    return out


def walk_key(data, key, path=()):
    """Yield (path, value) for every ``key:`` anywhere in a structure."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k == key:
                yield path + (k,), v
            else:
                yield from walk_key(v, key, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from walk_key(v, key, path + (i,))


def check_finder_data(f: dict[str, RawFile]) -> list[Problem]:
    """The finder's data (not-listed.yaml): rows it names exist, page links point at generated pages."""
    out = []
    rows = {r["id"] for r in f["catalogue"].data}
    nl = f["not-listed"]
    pages = ("check/index.md", "catalogue/index.md", "occupations/index.md", "committees/index.md", "policy/index.md")
    for i, p in enumerate(nl.data["points"]):
        if "row" in p and p["row"] not in rows:
            out.append(nl.problem(("points", i, "row"), "a row id from data/catalogue.yaml", repr(p["row"])))
        if "link" in p and p["link"].split("#")[0] not in pages:
            out.append(nl.problem(("points", i, "link"), "one of " + ", ".join(pages), repr(p["link"])))
    return out + _check_names(f, rows)


def _check_names(f: dict[str, RawFile], rows: set) -> list[Problem]:
    """names.yaml: every slug, source and row it names exists; a trade's source quotes its words; an everyday
    name, trade or programme name is not already a printed name or an alias; a reviewed segmentation ends with
    the listed name it gives."""
    out, nm = [], f["names"]
    occ = f["occupations"].data
    slugs = {o["slug"] for o in occ}
    printed = {o["zh"] for o in occ}
    taken = printed | {a for o in occ for a in o.get("aliases_zh") or []}
    sources = set(nm.data["sources"])
    seen: dict = {}

    def need(path, value, pool, what):
        if value not in pool:
            out.append(nm.problem(path, what, repr(value)))

    for part, key in (("codes", "slug"), ("trades", "occupation"), ("everyday", "occupation")):
        for i, x in enumerate(nm.data[part]):
            need((part, i, key), x[key], slugs, "an occupation slug from data/occupations.yaml")
    for i, x in enumerate(nm.data["codes"]):
        if x["slug"] in seen:
            out.append(nm.problem(("codes", i, "slug"), "one code per occupation", f"{x['slug']!r} twice"))
        seen[x["slug"]] = i
    for part in ("trades", "everyday"):
        for i, x in enumerate(nm.data[part]):
            if x["name"] in taken:
                out.append(nm.problem((part, i, "name"), "a name that is not a printed name or an alias",
                                      repr(x["name"])))
            taken = taken | {x["name"]}
    for i, x in enumerate(nm.data["trades"]):
        need(("trades", i, "source"), x["source"], sources, "a source id of sources:")
        if x["source"] in sources and not nm.data["sources"][x["source"]].get("quote"):
            out.append(nm.problem(("sources", x["source"], "quote"),
                                  "the source's own words that put the trade under its occupation", "no quote"))
    for i, x in enumerate(nm.data["words"]):
        for j, s in enumerate(x["occupations"]):
            need(("words", i, "occupations", j), s, slugs, "an occupation slug from data/occupations.yaml")
    for i, x in enumerate(nm.data["programmes"]):
        need(("programmes", i, "source"), x["source"], sources, "a source id of sources:")
        need(("programmes", i, "row"), x["row"], rows, "a row id from data/catalogue.yaml")
        for j, s in enumerate(x["occupations"]):
            need(("programmes", i, "occupations", j), s, slugs, "an occupation slug from data/occupations.yaml")
    for i, x in enumerate(nm.data["segmentation"]):
        if x["name"] not in printed or not x["query"].endswith(x["name"]) or x["query"] == x["name"]:
            out.append(nm.problem(("segmentation", i), "a query that ends with a printed occupation name",
                                  f"{x['query']!r} / {x['name']!r}"))
    return out


def _check_edition(listed: set):
    """The checks a later edition's tables pass (data/editions/<id>/, merged with the tables it inherits)."""
    def check(f: dict[str, RawFile]) -> list[Problem]:
        out = check_unique(f)
        return out or (check_references(f, listed) + check_clause_refs_everywhere(f) + check_rules(f)
                       + editions.check_prose(f))
    return check


def check_all(files: dict[str, RawFile]) -> None:
    problems = check_unique(files)
    if not problems:
        listed = edition_tables.listed_anywhere(files)
        problems = (check_references(files, listed) + check_clause_refs_everywhere(files) + check_rules(files)
                    + check_finder_data(files))
        problems += editions.check(files) + changelog.check(files) + title_names.check(files)
        problems += edition_tables.check(files, _check_edition(listed))
    if problems:
        raise DataError(problems)
