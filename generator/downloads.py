"""The catalogue as downloadable files: JSON (for programs) and CSV with a BOM (so Excel shows Chinese).

Both are deterministic: the same data gives byte-identical files.
"""
from __future__ import annotations

import csv
import io
import json

from .model import Model

CSV_COLUMNS = ("row", "series_id", "series_zh", "series_en", "categories_zh", "categories_en",
               "occupation_slug", "occupation_zh", "occupation_en", "occupation_pinyin", "qualifier_zh",
               "committee_ids", "committees_zh", "committees_en", "clause")


def catalogue_document(m: Model) -> dict:
    """The whole catalogue as one JSON-ready structure."""
    return {
        "source": {"number": "粤人社规〔2022〕5号", "clause": "annex.table"},
        "data_version": m.meta["data_version"],
        "series": [{k: s[k] for k in ("id", "zh", "en")} for s in m.series],
        "categories": [{k: c[k] for k in ("id", "series", "zh", "en")} for c in m.categories],
        "committees": [{k: c.get(k) for k in ("id", "kind", "zh", "en", "series", "field_3_4_1", "field_3_4_1_en")}
                       for c in m.committees],
        "occupations": [{"slug": o["slug"], "zh": o["zh"], "en": o["en"], "pinyin": o["pinyin"],
                         "aliases_zh": o.get("aliases_zh", []), "aliases_en": o.get("aliases_en", []),
                         "listed": o["listed"], "rows": [r["id"] for r in o["rows"]]} for o in m.occupations],
        "rows": [{"position": r["position"], "id": r["id"], "series": r["series"], "categories": r["categories"],
                  "committees": r["committees"], "occupations": [e["occupation"]["slug"] for e in r["entries"]],
                  "description": r.get("description"), "clause": r["clause"]} for r in m.rows],
    }


def catalogue_json(m: Model) -> str:
    return json.dumps(catalogue_document(m), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def catalogue_csv(m: Model) -> bytes:
    """One line per (row, occupation) entry; UTF-8 with BOM."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for r in m.rows:
        cats_zh = "、".join(c["zh"] for c in r["category_objs"])
        cats_en = "; ".join(c["en"] for c in r["category_objs"])
        coms = r["committee_objs"]
        base = [r["position"], r["series"], r["series_obj"]["zh"], r["series_obj"]["en"], cats_zh, cats_en]
        tail = [" ".join(c["id"] for c in coms), "；".join(c["zh"] or "" for c in coms),
                "; ".join(c["en"] or "" for c in coms), r["clause"]]
        entries = r["entries"] or [None]
        for e in entries:
            if e is None:
                w.writerow(base + ["", r["description"]["zh"], r["description"]["en"], "", ""] + tail)
            else:
                o = e["occupation"]
                w.writerow(base + [o["slug"], o["zh"], o["en"], o["pinyin"], e.get("qualifier", "")] + tail)
    return "\ufeff".encode() + buf.getvalue().encode("utf-8")


def files(m: Model, lang: str) -> dict[str, str | bytes]:
    """The downloads, written into both languages' sites."""
    return {
        "downloads/guantong-catalogue.json": catalogue_json(m),
        "downloads/guantong-catalogue.csv": catalogue_csv(m),
    }
