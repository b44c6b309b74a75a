"""Everything the finder can find, as one list of entries (the lunr index's documents, in this order):

1. the listed occupations, A–Z by pinyin (``kind: occupation``), with their 大典 2022 code where sourced;
2. everyday names (``everyday``: 司炉工 → 锅炉操作工, with the reason) and sourced 工种 (``trade``: 属于) from
   data/names.yaml, each pointing at its occupation (``ref``: the occupation's place in this list);
3. the programmes the agriculture row names (``programme``: 粤菜师傅 → the occupations a source ties to it,
   ``refs``, then that row);
4. catalogue rows that list no occupation but a description (``row``: 技工院校 实习指导教师, any trade),
   findable by their category and printed series.

Every entry has ``zh``, ``en``, ``pinyin`` and ``aliases_zh``/``aliases_en`` (what the index tokenizes) and
the fields its hit shows, in both languages, so the same documents serve both sites and the pocket file;
a row and a source are referred to by id (``row_view`` and data/names.yaml ``sources`` give what they show).
"""
from __future__ import annotations

from .model import Model
from .pinyin import pinyin_of


def row_view(row: dict) -> dict:
    """A catalogue row as a hit shows it: named by series and category (never by its position), linked."""
    cats = {"zh": "、".join(c["zh"] for c in row["category_objs"]),
            "en": ", ".join(c["en"] for c in row["category_objs"])}
    text = row.get("extension") or row.get("description")
    return {
        "id": row["id"],
        "label": {lang: f"{row['series_obj'][lang]} · {cats[lang]}" for lang in ("zh", "en")},
        "href": f"catalogue/index.md#row-{row['id']}",
        "text": {"zh": text["zh"], "en": text["en"]} if text else None,
        "committees": [c["id"] for c in row["committee_objs"]],
    }


def entries(model: Model) -> list[dict]:
    out = []
    ref = {o["slug"]: n for n, o in enumerate(model.occupations_az)}
    for o in model.occupations_az:
        out.append({"kind": "occupation", "occupation": o, "zh": o["zh"], "en": o["en"], "pinyin": o["pinyin"],
                    "aliases_zh": o.get("aliases_zh") or [], "aliases_en": o.get("aliases_en") or []})
    names = model.names
    for kind, part in (("everyday", "everyday"), ("trade", "trades")):
        for e in names[part]:
            entry = {"kind": kind, "zh": e["name"], "en": e["en"], "pinyin": pinyin_of(e["name"], model.pinyin_overrides),
                     "aliases_zh": [], "aliases_en": [], "ref": ref[e["occupation"]]}
            if kind == "everyday":
                entry["reason"] = e["reason"]
            else:
                entry["source"] = e["source"]
            out.append(entry)
    for p in names["programmes"]:
        out.append({"kind": "programme", "zh": p["name"], "en": p["en"],
                    "pinyin": pinyin_of(p["name"], model.pinyin_overrides),
                    "aliases_zh": p.get("names") or [], "aliases_en": [],
                    "refs": [ref[s] for s in p["occupations"]], "row": p["row"], "source": p["source"]})
    for r in model.rows:
        if r["entries"]:
            continue
        names_zh = list(dict.fromkeys([c["zh"] for c in r["category_objs"]] + [r["series_printed"]]
                                      + ([r["series_obj"]["zh"]] if r.get("series_obj") else [])))
        names_en = list(dict.fromkeys([c["en"] for c in r["category_objs"]] + [r["series_obj"]["en"]]))
        out.append({"kind": "row", "zh": names_zh[0], "en": names_en[0],
                    "pinyin": pinyin_of(names_zh[0], model.pinyin_overrides),
                    "aliases_zh": names_zh[1:], "aliases_en": names_en[1:], "row": r["id"]})
    return out
