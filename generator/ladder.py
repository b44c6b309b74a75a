"""The ladder diagram: the skill ladder and the title ladder side by side, the bridges between them.

``bridges(model)`` reads every pathway of data/rules.yaml as an arrow: its target is the level the
pathway opens (on the ladder its group's ``kind`` names); its source is the first level its conditions
name on the *other* ladder, or the honour group it asks for (an honour route opens its target and every
level below it). ``svg_view(model, lang, strings)`` gives what the diagram shows — levels lowest at the
bottom, labels from the glossary, each arrow labelled with its conditions (``PageHelpers.pathway_summary``,
one condition a line) and its clause, one dash pattern per pathway group so it also reads in black and
white — and ``ladder_svg`` writes it through ``templates/ladder.svg.j2`` (autoescaped). Pure and
deterministic: the same data gives the same bytes. Positions: ``ladder_layout``; text widths: ``text_metrics``.
"""
from __future__ import annotations

from dataclasses import dataclass

import jinja2

from .ladder_layout import MARGIN, Geometry, Label, Layout, lay_out
from .model import Model
from .paths import TEMPLATES
from .templating import PageHelpers

PAGE = "ladder/index.md"
# Stroke colour, dash pattern and width per pathway group, in the order of rules `pathway_groups`;
# the dash patterns (solid, dashed, dotted, dash-dot) tell the groups apart in black and white print.
STYLES = (("#1f4e9a", "", 2.2), ("#a33b00", "8 4", 2.2), ("#6b2a8f", "1.5 4", 2.8), ("#2b6b2f", "10 3 2 3", 2.2))
SWATCH = 44  # legend: length of the sample line
DEFAULT = Geometry()


@dataclass(frozen=True)
class Bridge:
    """One pathway as an arrow: source and target are (ladder, id); ladder is skill, title or honour."""

    pathway: dict
    group: dict
    style: int
    source: tuple[str, str]
    target: tuple[str, str]

    @property
    def ceiling(self) -> bool:
        """An honour route opens its target and every level below it (四(五) 'X及以下')."""
        return self.source[0] == "honour"


def bridges(model: Model) -> list[Bridge]:
    """Every pathway of the rules as a Bridge, in the rules' order."""
    rules = model.rules
    ladder_of = {lv: kind for kind, levels in rules["levels"].items() for lv in levels}
    groups = {g["id"]: (i, g) for i, g in enumerate(rules["pathway_groups"])}
    out = []
    for p in rules["pathways"]:
        i, group = groups[p["group"]]
        source = None
        for c in p["conditions"]:
            if c.get("group"):
                source = ("honour", c["group"])
            elif c.get("level") and ladder_of[c["level"]] != group["kind"]:
                source = (ladder_of[c["level"]], c["level"])
            if source:
                break
        if source is None:
            raise ValueError(f"data/rules.yaml: pathways: {p['id']}: the ladder diagram needs a condition naming a "
                             f"level of the other ladder than {group['kind']!r} or an honour group; found none")
        out.append(Bridge(p, group, i % len(STYLES), source, (group["kind"], p["target"])))
    return out


def page_context(h: PageHelpers) -> dict:
    """What ladder.md.j2 shows, in the page's language: the diagram, and each pathway group's bridges as
    table rows of plain words (the template only lays them out)."""
    all_bridges = bridges(h.model)
    rows = {g["id"]: [] for g in h.model.rules["pathway_groups"]}
    for b in all_bridges:
        rows[b.group["id"]].append({"source": source_label(h, b), "conditions": condition_lines(h, b),
                                    "target": target_label(h, b), "clause": b.pathway["clause"], "ceiling": b.ceiling})
    return {"ladder_svg": ladder_svg(h.model, h.lang, h.strings), "bridge_rows": rows}


def source_label(h: PageHelpers, b: Bridge) -> str:
    """The source of a bridge in words: a level's glossary name, or the honour group."""
    if b.ceiling:
        return h.t("ladder_honour_group", group=h.t("honour_group_" + b.source[1]))
    return h.level(b.source[1])


def target_label(h: PageHelpers, b: Bridge) -> str:
    return h.t("ladder_or_below", level=h.level(b.target[1])) if b.ceiling else h.level(b.target[1])


def condition_lines(h: PageHelpers, b: Bridge) -> list[str]:
    """The bridge's conditions, one a line (the same words as ``pathway_summary``)."""
    return [h.pathway_summary({"conditions": [c]}) for c in b.pathway["conditions"]]


def _num(x: float) -> str:
    """A coordinate as the SVG writes it: one decimal at most, no trailing zeros."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _svg_template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = _num
    return env.get_template("ladder.svg.j2")


def _text(label: Label, size: int, weight: str = "", last_fill: str = "") -> dict:
    """A (multi-line) label to draw; ``last_fill`` greys its last line (an arrow's clause)."""
    return {"x": label.x, "y": label.y, "anchor": label.anchor, "lines": label.lines, "size": size,
            "weight": weight, "last_fill": last_fill}


def _legend_items(h: PageHelpers, all_bridges: list[Bridge]) -> list[tuple[int | None, str]]:
    """(style, text) per pathway group drawn, then the honour note (style None)."""
    items: list[tuple[int | None, str]] = []
    seen: set[str] = set()
    for b in all_bridges:
        if b.group["id"] not in seen:
            seen.add(b.group["id"])
            text = h.t("group_" + b.group["id"])
            if b.group.get("common"):
                text += h.t("ladder_legend_common", conditions=h.pathway_summary({"conditions": b.group["common"]}))
            items.append((b.style, text))
    if any(b.ceiling for b in all_bridges):
        items.append((None, h.t("ladder_legend_ceiling")))
    return items


def _legend_lines(layout: Layout, items: list) -> list[list[str]]:
    full = layout.geo.width - 2 * MARGIN
    return [layout.wrap(text, full - (SWATCH + 10 if style is not None else 0)) for style, text in items]


def _legend(h: PageHelpers, lay: Layout, items: list) -> list[dict]:
    """The key under the diagram: its heading, then a sample line and the words for each pathway group."""
    geo, y = lay.geo, lay.legend_y
    out = [{"swatch": None, "text": _text(Label(MARGIN, y, "start", [h.t("ladder_legend")]), geo.font, weight="700")}]
    y += geo.line + 6
    for (style, _), lines in zip(items, _legend_lines(lay, items), strict=True):
        x, swatch = MARGIN, None
        if style is not None:
            swatch = {"style": style, "x1": x, "y1": y - 4, "x2": x + SWATCH, "y2": y - 4}
            x += SWATCH + 10
        out.append({"swatch": swatch, "text": _text(Label(x, y, "start", lines), geo.font)})
        y += len(lines) * geo.line + 6
    return out


def _box(box, geo: Geometry) -> dict:
    honour = box.kind == "honour"
    attrs = {"rx": "6", "stroke": "#333", "stroke-width": "1.5"} | ({"stroke-dasharray": "4 3"} if honour else {})
    return {"data": "honour-group" if honour else "level", "key": box.key, "x": box.x, "y": box.y, "w": box.w,
            "h": box.h, "fill": "#fff" if honour else "#f3f4f8", "attrs": attrs,
            "text": _text(box.label, box.font, weight="" if honour else "600", last_fill="#555" if honour else "")}


def _arrow(h: PageHelpers, lay: Layout, arrow) -> dict:
    b, ((x1, y1), (x2, y2)) = arrow.bridge, (arrow.start, arrow.end)
    out = {"pathway": b.pathway["id"], "group": b.group["id"], "style": b.style, "x1": x1, "y1": y1, "x2": x2, "y2": y2,
           "title": f"{source_label(h, b)} → {target_label(h, b)}: {h.pathway_summary(b.pathway)} "
                    f"({h.clause_label(b.pathway['clause'])})",
           "label": None, "halo": None}
    if arrow.label:
        x0, top, x_end, bottom = lay.rect(arrow.label)
        out["label"] = _text(arrow.label, lay.geo.font, last_fill="#555")
        out["halo"] = {"x": x0, "y": top, "w": x_end - x0, "h": bottom - top}
    return out


def svg_view(model: Model, lang: str, strings: dict, geometry: Geometry = DEFAULT, id_prefix: str = "gt-ladder") -> dict:
    """Everything ladder.svg.j2 draws: positions from ``lay_out``, every word in ``lang``."""
    h = PageHelpers(lang, PAGE, strings, model)
    levels, all_bridges, geo = model.rules["levels"], bridges(model), geometry
    items = _legend_items(h, all_bridges)
    lay = lay_out(
        levels, all_bridges, geo, level_label=h.level, source_label=lambda b: source_label(h, b),
        arrow_lines=lambda b: condition_lines(h, b) + [h.clause_label(b.pathway["clause"])],
        headers={kind: h.t("ladder_header_" + kind) for kind in ("skill", "title", "honour")},
        legend_h=lambda lay: geo.line + 6 + sum(len(ls) * geo.line + 6 for ls in _legend_lines(lay, items)))
    sep = "、" if lang == "zh" else ", "
    desc = h.t("ladder_svg_desc", skill=sep.join(h.level(lv) for lv in levels["skill"]),
               title=sep.join(h.level(lv) for lv in levels["title"]), count=len(all_bridges))
    return {
        "id_prefix": id_prefix, "geo": geo, "height": lay.height, "title": h.t("ladder_svg_title"), "desc": desc,
        "styles": [{"colour": colour, "dash": dash, "width": width} for colour, dash, width in STYLES],
        "rails": lay.rails,
        "headers": [_text(header, geo.box_font, weight="700") for header in lay.headers],
        "boxes": [_box(box, geo) for box in lay.boxes],
        "arrows": [_arrow(h, lay, a) for a in lay.arrows],
        "legend": _legend(h, lay, items),
    }


def ladder_svg(model: Model, lang: str, strings: dict, geometry: Geometry = DEFAULT, id_prefix: str = "gt-ladder") -> str:
    """The ladder diagram as an inline SVG element, every text in ``lang`` (templates/ladder.svg.j2)."""
    return _svg_template().render(svg_view(model, lang, strings, geometry, id_prefix)).strip("\n")
