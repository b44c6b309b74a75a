"""The catalogue as downloadable files: JSON for programs, CSV for people (UTF-8 with a BOM, so Excel shows
Chinese). Both carry every cell and note the attachment's table prints — the row's number and series as
printed, the 发电企业特有 scope, the agriculture row's 「其他纳入粤菜师傅…」, the technical-school row's
description, qualifiers — and the site's editorial notes.

The JSON keys are a stable machine format (ids, slugs, clause ids; new keys are only ever added). The CSV
has one line per (row, occupation) entry plus one per row text without an occupation; its headers are in the
language of the site it is served from (``CSV_COLUMNS`` ids, labels and descriptions in
templates/strings/catalogue_csv.yaml, which the downloads page also shows) and clauses appear as printed labels.
Both are deterministic: the same data gives byte-identical files.
"""
from __future__ import annotations

import csv
import io
import json

from .model import Model

CSV_COLUMNS = ("row", "number_printed", "series_printed", "series_zh", "series_en", "categories_zh", "categories_en",
               "occupation_zh", "qualifier_zh", "occupation_en", "qualifier_en", "pinyin",
               "committees_zh", "committees_en", "scope_zh", "scope_en", "row_text_zh", "row_text_en",
               "notes_zh", "notes_en", "clause")


def _text(obj, lang):
    return (obj or {}).get(lang) or ""


def clause_label(m: Model, cid: str, strings: dict) -> dict:
    """A clause's printed label {zh, en}; for an unnumbered one, its place (as the pages name it)."""
    c = m.clause[cid]
    return c["label"] if isinstance(c.get("label"), dict) else strings["clause_unnumbered_" + cid.split(".")[0]]


def catalogue_document(m: Model, strings: dict) -> dict:
    """The whole catalogue as one JSON-ready structure (keys stable; added, never renamed)."""
    def label(cid):
        return clause_label(m, cid, strings)
    return {
        "source": {"number": m.current_edition["number"], "clause": "annex.table"},
        "data_version": m.meta["data_version"],
        "series": [{k: s[k] for k in ("id", "zh", "en")} for s in m.series],
        "categories": [{k: c[k] for k in ("id", "series", "zh", "en")} for c in m.categories],
        "committees": [{**{k: c.get(k) for k in ("id", "kind", "zh", "en", "series", "field_3_4_1", "field_3_4_1_en")},
                        "scope": c.get("scope")} for c in m.committees],
        "occupations": [{"slug": o["slug"], "zh": o["zh"], "en": o["en"], "pinyin": o["pinyin"],
                         "aliases_zh": o.get("aliases_zh", []), "aliases_en": o.get("aliases_en", []),
                         "listed": o["listed"], "rows": [r["id"] for r in o["rows"]]} for o in m.occupations],
        "rows": [{"position": r["position"], "id": r["id"], "series": r["series"], "categories": r["categories"],
                  "committees": r["committees"], "occupations": [e["occupation"]["slug"] for e in r["entries"]],
                  "description": r.get("description"), "clause": r["clause"],
                  "clause_label": label(r["clause"]),
                  "number_printed": r.get("number_printed"), "series_printed": r.get("series_printed"),
                  "categories_printed": r.get("categories_printed"), "suffix_printed": r.get("suffix_printed"),
                  "lost_cells": bool(r.get("lost_cells")),
                  "entries": [{"occupation": e["occupation"]["slug"], "name_printed": e["occupation"]["zh"],
                               "qualifier": ({"zh": e["qualifier"], "en": e.get("qualifier_en")}
                                             if e.get("qualifier") else None)} for e in r["entries"]],
                  "committees_printed": r.get("committees_printed") or "、".join(c["zh"] for c in r["committee_objs"]),
                  "scope_note": r.get("scope_note"), "extension": r.get("extension"),
                  "notes": r.get("notes", [])} for r in m.rows],
    }


def catalogue_json(m: Model, strings: dict) -> str:
    return json.dumps(catalogue_document(m, strings), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _committee_name(c, lang, strings):
    if c.get(lang):
        return c[lang]
    return strings["field_only_committee"][lang].format(field=c.get("field_3_4_1" if lang == "zh" else "field_3_4_1_en"))


def csv_lines(m: Model, lang: str, strings: dict) -> list[list]:
    """The CSV's lines after the header: one per entry, then one per row text without an occupation."""
    out = []
    for r in m.rows:
        coms = r["committee_objs"]
        common = {
            "row": r["position"], "number_printed": r.get("number_printed") or "",
            "series_printed": r.get("series_printed") or "",
            "series_zh": r["series_obj"]["zh"], "series_en": r["series_obj"]["en"],
            "categories_zh": r.get("categories_printed") or "、".join(c["zh"] for c in r["category_objs"]),
            "categories_en": "; ".join(c["en"] for c in r["category_objs"]),
            "committees_zh": r.get("committees_printed") or "、".join(_committee_name(c, "zh", strings) for c in coms),
            "committees_en": "; ".join(_committee_name(c, "en", strings) for c in coms),
            "scope_zh": _text(r.get("scope_note"), "zh"), "scope_en": _text(r.get("scope_note"), "en"),
            "clause": clause_label(m, r["clause"], strings)[lang],
        }
        for e in r["entries"]:
            o = e["occupation"]
            notes = [n for n in r.get("notes", []) if not n.get("occupations") or o["zh"] in n["occupations"]]
            out.append({**common, "occupation_zh": o["zh"], "qualifier_zh": e.get("qualifier", ""),
                        "occupation_en": o["en"], "qualifier_en": e.get("qualifier_en", ""), "pinyin": o["pinyin"],
                        "notes_zh": " ".join(n["zh"] for n in notes), "notes_en": " ".join(n["en"] for n in notes)})
        for key in ("extension", "description"):
            if r.get(key):
                out.append({**common, "row_text_zh": r[key]["zh"], "row_text_en": r[key]["en"]})
    return [[line.get(col, "") for col in CSV_COLUMNS] for line in out]


def catalogue_csv(m: Model, lang: str, strings: dict) -> bytes:
    """UTF-8 with BOM, headings in ``lang`` (templates/strings/catalogue_csv.yaml)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([strings[f"csv_col_{c}"][lang] for c in CSV_COLUMNS])
    w.writerows(csv_lines(m, lang, strings))
    return "\ufeff".encode() + buf.getvalue().encode("utf-8")


def files(m: Model, lang: str) -> dict[str, str | bytes]:
    """The downloads, written into each language's site (the CSV's headers in that language)."""
    from .templating import load_strings  # the strings files hold the column headings the page shows too
    strings = load_strings()
    return {
        "downloads/guantong-catalogue.json": catalogue_json(m, strings),
        "downloads/guantong-catalogue.csv": catalogue_csv(m, lang, strings),
    }
