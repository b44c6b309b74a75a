"""The read-only, indexed view of the data that rendering and downloads use.

``load_model()`` reads and validates data/ (schemas, then cross-references) and returns a ``Model``:
plain dicts from the YAML plus lookup tables and the links between them (which rows name an
occupation, which occupations a committee reviews). Rendering reads this, never the YAML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import edition_tables, editions
from .crossrefs import check_all
from .load import load_raw
from .paths import DATA
from .pinyin import plain
from .strings import load_strings


@dataclass(repr=False, eq=False)
class Model:
    meta: dict
    editions: list
    changelog: list
    documents: list
    clauses: list
    series: list
    categories: list
    committees: list
    rows: list
    occupations: list
    glossary: list
    decisions: list
    rules: dict
    pinyin_overrides: list
    committee_guide: list = field(default_factory=list)  # data/committee-guide.yaml, in order
    not_listed: dict = field(default_factory=dict)  # data/not-listed.yaml: what to do when a trade is not listed
    names: dict = field(default_factory=dict)  # data/names.yaml: codes, trades, everyday names, words, programmes
    title_names: dict = field(default_factory=dict)  # data/title-names.yaml: everyday title names, with sources
    clause: dict = field(default_factory=dict)
    series_by_id: dict = field(default_factory=dict)
    category: dict = field(default_factory=dict)
    committee: dict = field(default_factory=dict)
    occupation: dict = field(default_factory=dict)  # by slug
    occupation_by_zh: dict = field(default_factory=dict)
    occupations_az: list = field(default_factory=list)  # sorted by toneless pinyin
    term: dict = field(default_factory=dict)  # glossary by id
    document: dict = field(default_factory=dict)
    # Every edition, presented-first first (editions.by_date on the data version): [{edition, model}], each
    # model linked from that edition's tables (generator/edition_tables.py); views[0]["model"] is this one.
    views: list = field(default_factory=list)
    base_edition: str = ""  # the edition whose tables are data/*.yaml and whose text is at /policy/
    clause_page: dict = field(default_factory=dict)  # clause id → the policy page that prints it

    def __repr__(self) -> str:  # the linked dicts are cyclic (row ↔ occupation): never print them whole
        return f"<Model {len(self.rows)} rows, {len(self.occupations)} occupations, {len(self.clauses)} clauses>"

    @property
    def current_edition(self) -> dict:
        """The edition the site presents first: the one in force on the data version's date."""
        return editions.current(self.editions, self.meta["data_version"])

    @property
    def site_description(self) -> dict:
        """meta.yaml's site description per language, its {jurisdiction} and {number} from the current edition."""
        e = self.current_edition
        return {lang: text.format(jurisdiction=e["jurisdiction"][lang], number=e["number" if lang == "zh" else "number_en"])
                for lang, text in self.meta["site_description"].items()}

    @property
    def entry_count(self) -> int:
        return sum(len(r["occupations"]) for r in self.rows)


def committee_display(c: dict, field_only: dict) -> dict:
    """A committee's name as every page, the finder, the check and the pocket file show it, per language:
    its name, or for a committee 三(四)1 names only by its field, a sentence saying so."""
    if c.get("zh"):
        return {"zh": c["zh"], "en": c.get("en") or c["zh"]}
    fields = {"zh": c["field_3_4_1"], "en": c.get("field_3_4_1_en") or c["field_3_4_1"]}
    return {lang: field_only[lang].format(field=fields[lang]) for lang in field_only}


def _link(m: Model) -> None:
    m.clause = {c["id"]: c for c in m.clauses}
    m.series_by_id = {s["id"]: {**s, "rows": [], "categories": [], "committees": []} for s in m.series}
    m.series = list(m.series_by_id.values())
    m.category = {c["id"]: {**c, "rows": []} for c in m.categories}
    m.categories = list(m.category.values())
    field_only = load_strings()["field_only_committee"]
    m.committee = {c["id"]: {**c, "rows": [], "occupations": [], "display": committee_display(c, field_only)}
                   for c in m.committees}
    m.committees = list(m.committee.values())
    m.occupation = {o["slug"]: {**o, "rows": [], "listed": o.get("listed", True)} for o in m.occupations}
    m.occupations = list(m.occupation.values())
    codes = {c["slug"]: c for c in m.names.get("codes", [])}
    for o in m.occupations:
        o["pinyin_plain"] = plain(o["pinyin"])
        o["dadian"] = codes.get(o["slug"])  # {code, dadian_name?} from the 2022 classification, or None
        o["everyday"] = [e for e in m.names.get("everyday", []) if e["occupation"] == o["slug"]]
        o["trades"] = [t for t in m.names.get("trades", []) if t["occupation"] == o["slug"]]  # sourced 工种
        o["initial"] = o["pinyin_plain"][0]
    m.occupations_az = sorted(m.occupations, key=lambda o: (o["pinyin_plain"], o["zh"]))
    m.occupation_by_zh = {o["zh"]: o for o in m.occupations}
    m.term = {t["id"]: t for t in m.glossary}
    m.document = {d["id"]: d for d in (m.documents if isinstance(m.documents, list) else m.documents.get("documents", []))}
    for c in m.categories:
        m.series_by_id[c["series"]]["categories"].append(c)
    for c in m.committees:
        m.series_by_id[c["series"]]["committees"].append(c)
    rows = []
    for n, raw in enumerate(m.rows, start=1):
        row = {**raw, "position": n}
        row["entries"] = []
        for e in raw["occupations"]:
            e = {"name": e} if isinstance(e, str) else e
            occ = m.occupation_by_zh[e["name"]]
            row["entries"].append({**e, "occupation": occ})
            if e.get("distinguish"):  # a printed qualifier that tells it from a title of the same name
                occ["title_qualifier"] = e
            occ["rows"].append(row)
        row["series_obj"] = m.series_by_id[row["series"]]
        row["category_objs"] = [m.category[c] for c in row["categories"]]
        row["committee_objs"] = [m.committee[c] for c in row["committees"]]
        m.series_by_id[row["series"]]["rows"].append(row)
        for c in row["category_objs"]:
            c["rows"].append(row)
        for c in row["committee_objs"]:
            c["rows"].append(row)
            for e in row["entries"]:
                if e["occupation"] not in c["occupations"]:
                    c["occupations"].append(e["occupation"])
        rows.append(row)
    m.rows = rows
    for o in m.occupations:  # its committees once each, in table order, with the categories that lead to each
        o["committees"] = []
        for row in o["rows"]:
            for c in row["committee_objs"]:
                entry = next((x for x in o["committees"] if x["committee"] is c), None)
                if entry is None:
                    entry = {"committee": c, "categories": []}
                    o["committees"].append(entry)
                entry["categories"] += [k for k in row["category_objs"] if k not in entry["categories"]]
    for c in m.committees:  # the specialty categories of its rows, once each
        c["category_objs"] = list({id(k): k for r in c["rows"] for k in r["category_objs"]}.values())
    for c in m.committees:  # its occupations that other committees review too (四(二): the current job decides)
        c["shared"] = [{"occupation": o, "others": [x["committee"] for x in o["committees"] if x["committee"] is not c]}
                       for o in c["occupations"] if len(o["committees"]) > 1]
    for c in m.committees:  # a committee's scope is its rows' scope note (电力: 发电企业特有)
        scopes = [r["scope_note"] for r in c["rows"] if r.get("scope_note")]
        c["scope"] = scopes[0] if scopes else None
    for s in m.series:
        s["occupations"] = list({id(e["occupation"]): e["occupation"] for r in s["rows"] for e in r["entries"]}.values())


def _link_editions(views: list) -> None:
    """Each occupation, committee and series, in every edition's model, with the editions that list it
    (presented-first first): ``x["editions"] = [{edition, occupation|committee|series}]``."""
    for kind, table, listed in (("occupation", "occupation", lambda o: o["rows"]),
                                ("committee", "committee", lambda c: c["in_edition"]),
                                ("series", "series_by_id", lambda s: True)):
        for key in getattr(views[0]["model"], table):
            per = [{"edition": v["edition"], kind: getattr(v["model"], table)[key]} for v in views]
            shared = [x for x in per if listed(x[kind])]
            for x in per:
                x[kind]["editions"] = shared


def _clause_pages(m: Model) -> dict:
    """Where each clause is printed: a later edition's documents at /policy/<edition>/, the rest at /policy/."""
    pages = {}
    for e in m.editions:
        if e["id"] != m.base_edition:
            pages.update({c["id"]: f"policy/{e['id']}/index.md" for c in m.clauses if c.get("document") in e["documents"]})
    return {c["id"]: pages.get(c["id"], "policy/index.md") for c in m.clauses}


def load_model(data_dir: Path = DATA) -> Model:
    """Read, validate and link every data file; raise DataError naming every problem. The model returned
    is the edition presented first; ``views`` holds every edition's."""
    files = load_raw(data_dir)
    check_all(files)
    d = {name: f.data for name, f in files.items()}
    occupations = edition_tables.union(files, "occupations")
    all_committees = edition_tables.union(files, "committees")
    views = []
    for edition in editions.by_date(d["editions"], d["meta"]["data_version"]):
        t = {name: raw.data for name, raw in edition_tables.tables(files, edition["id"]).items()}
        own = {c["id"] for c in t["committees"]}
        committees = ([{**c, "in_edition": True} for c in t["committees"]]
                      + [{**c, "in_edition": False} for c in all_committees if c["id"] not in own])
        m = Model(meta=d["meta"], editions=d["editions"], changelog=d["changelog"], documents=d["documents"],
                  clauses=d["clauses"], series=d["series"], categories=d["categories"], committees=committees,
                  rows=t["catalogue"], occupations=occupations, glossary=d["glossary"],
                  decisions=d["decisions"] or [], rules=t["rules"], pinyin_overrides=d["pinyin-overrides"] or [],
                  committee_guide=d["committee-guide"], not_listed=d["not-listed"], names=d["names"],
                  title_names=d["title-names"], base_edition=edition_tables.base_id(files))
        _link(m)
        m.clause_page = _clause_pages(m)
        views.append({"edition": edition, "model": m})
    for v in views:
        v["model"].views = views
    _link_editions(views)
    return views[0]["model"]
