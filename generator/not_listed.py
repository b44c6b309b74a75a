"""What to do when a trade is not listed in the catalogue, or no occupation is chosen — ONE text
(data/not-listed.yaml), shown by the finder when a query finds no listed occupation and by the eligibility
check when no occupation is chosen.

``view(model, lang)`` gives the text in one language with its references resolved, as plain data that a
template or a script renders (every value is text; nothing here is markup):

    {"title": str, "points": [{"id": str, "text": str,
                               "refs": [{"label": str, "href": str}],      # clause labels, their anchors
                               "link": {"label": str, "href": str} | absent}]}

``href`` values are site-root-relative Markdown paths (``policy/index.md#clause-3-1-1``,
``catalogue/index.md#row-internship-instructors``, ``check/index.md``): the finder's ``pageUrl`` and a
template's ``h.link`` turn them into URLs. A catalogue row is named by its series and category, never by
its position number.
"""
from __future__ import annotations

from .model import Model
from .templating import PageHelpers, load_strings


def _row_label(h: PageHelpers, row: dict) -> str:
    cats = "、".join(c["zh"] for c in row["category_objs"]) if h.lang == "zh" else \
        ", ".join(c["en"] for c in row["category_objs"])
    return h.t("not_listed_row", series=row["series_obj"][h.lang], categories=cats)


def view(model: Model, lang: str) -> dict:
    strings = load_strings()
    h = PageHelpers(lang, "index.md", strings, model)
    rows = {r["id"]: r for r in model.rows}
    points = []
    for p in model.not_listed["points"]:
        refs = [{"label": h.clause_label(c).rstrip("."), "href": h.clause_link(c)} for c in p["clauses"]
                if c != "annex.table" or "row" not in p]
        out = {"id": p["id"], "text": p[lang], "refs": refs}
        if "row" in p:
            out["refs"].insert(0, {"label": _row_label(h, rows[p["row"]]),
                                   "href": f"catalogue/index.md#row-{p['row']}"})
        if "link" in p:
            out["link"] = {"label": h.t("not_listed_link_" + p["id"]), "href": p["link"]}
        points.append(out)
    return {"title": model.not_listed["title"][lang], "points": points}
