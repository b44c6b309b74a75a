"""What a printed page carries beyond its screen content (the notice-board print, issue 12).

- ``skill_to_title(rules)``: the short rules summary an occupation page prints — what a senior worker, a
  technician and a senior technician may apply for after how many years (三、（二）), read from the rules
  data (never typed into a template);
- ``qr_svg(url)``: a deterministic SVG QR code of a page's address, for the online build's print footer
  (overrides/main.html through the MkDocs hook in generator/print_hooks.py). The offline build has no
  address (no site_url), so it prints neither address nor QR.
"""
from __future__ import annotations

import segno
from markupsafe import Markup, escape


def skill_to_title(rules: dict) -> dict:
    """{'group': the 三、（二） group record, 'rows': [{'skill', 'years', 'target', 'clause'}]} lowest first."""
    group = next(g for g in rules["pathway_groups"] if g["id"] == "skill-to-title")
    order = {lvl: i for i, lvl in enumerate(rules["levels"]["skill"])}
    rows = []
    for p in rules["pathways"]:
        if p["group"] != group["id"]:
            continue
        for c in p["conditions"]:
            if c["test"] == "skill-years":
                rows.append({"skill": c["level"], "years": c["years"], "target": p["target"], "clause": p["clause"],
                             "pathway": p["id"]})
    rows.sort(key=lambda r: order[r["skill"]])
    return {"group": group, "rows": rows}


def qr_svg(url: str, label: str = "") -> Markup:
    """An inline SVG QR code of ``url`` (error correction M, 2-module quiet zone, 1 unit per module, scaled
    by CSS). Same URL, same bytes."""
    qr = segno.make(url, error="m", micro=False, boost_error=False)
    svg = qr.svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True, svgclass="gt-qr",
                        lineclass=None)
    title = escape(label or url)
    return Markup(svg.replace(">", f' role="img" aria-label="{title}">', 1))
