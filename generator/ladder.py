"""The ladder diagram: the skill ladder and the title ladder side by side, the bridges between them.

``bridges(model)`` reads every pathway of data/rules.yaml as an arrow: its target is the level the
pathway opens (on the ladder its group's ``kind`` names); its source is the first level its conditions
name on the *other* ladder, or the honour group it asks for (an honour route opens its target and every
level below it). ``ladder_svg(model, lang, strings)`` draws them as an inline SVG: levels lowest at the
bottom, labels from the glossary, each arrow labelled with its conditions (``PageHelpers.pathway_summary``,
one condition a line) and its clause, one dash pattern per pathway group so it also reads in black and
white. Pure and deterministic: the same data gives the same bytes. Layout is in ``generator/ladder_layout.py``.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape as _esc

from .ladder_layout import MARGIN, Geometry, Label, Layout, lay_out
from .model import Model
from .templating import PageHelpers

PAGE = "ladder/index.md"
# Stroke colour, dash pattern and width per pathway group, in the order of rules `pathway_groups`;
# the dash patterns (solid, dashed, dotted, dash-dot) tell the groups apart in black and white print.
STYLES = (("#1f4e9a", "", 2.2), ("#a33b00", "8 4", 2.2), ("#6b2a8f", "1.5 4", 2.8), ("#2b6b2f", "10 3 2 3", 2.2))
SWATCH = 44  # legend: length of the sample line
DEFAULT = Geometry()
HALO = ' fill-opacity="0.92"'  # an arrow label's backing, so a line under it does not cross its text


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
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _text(label: Label, size: int, line: int, weight: str = "", last_fill: str = "") -> str:
    """A (multi-line) label; ``last_fill`` greys its last line (an arrow's clause)."""
    attrs = f'x="{_num(label.x)}" y="{_num(label.y)}" font-size="{size}" fill="#111" text-anchor="{label.anchor}"'
    if weight:
        attrs += f' font-weight="{weight}"'
    spans = []
    for n, text in enumerate(label.lines):
        fill = f' fill="{last_fill}"' if last_fill and n == len(label.lines) - 1 else ""
        spans.append(f'<tspan x="{_num(label.x)}" dy="{0 if n == 0 else line}"{fill}>{_esc(text)}</tspan>')
    return f"<text {attrs}>{''.join(spans)}</text>"


def _rect(x: float, y: float, w: float, h: float, fill: str, extra: str = "") -> str:
    return f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" fill="{fill}"{extra}/>'


def _line(x1: float, y1: float, x2: float, y2: float, style: int, id_prefix: str) -> str:
    colour, dash, width = STYLES[style]
    dash_attr = f' stroke-dasharray="{dash}" stroke-linecap="round"' if dash else ""
    return (f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" stroke="{colour}" '
            f'stroke-width="{width}"{dash_attr} marker-end="url(#{id_prefix}-head-{style})"/>')


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


def ladder_svg(model: Model, lang: str, strings: dict, geometry: Geometry = DEFAULT, id_prefix: str = "gt-ladder") -> str:
    """The ladder diagram as an inline SVG element, every text in ``lang``."""
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
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="gt-ladder__svg" role="img" '
           f'aria-labelledby="{id_prefix}-title {id_prefix}-desc" viewBox="0 0 {geo.width} {lay.height}" '
           f'width="{geo.width}" height="{lay.height}" '
           f'style="width: 100%; max-width: {geo.width}px; min-width: {geo.min_width}px; height: auto">',
           f'<title id="{id_prefix}-title">{_esc(h.t("ladder_svg_title"))}</title>',
           f'<desc id="{id_prefix}-desc">{_esc(desc)}</desc>', "<defs>"]
    for i, (colour, _, _) in enumerate(STYLES):
        out.append(f'<marker id="{id_prefix}-head-{i}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" '
                   f'markerHeight="5" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{colour}"/></marker>')
    out += ["</defs>", _rect(0, 0, geo.width, lay.height, "#fff")]
    for x1, y1, x2, y2 in lay.rails:
        out.append(f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
                   f'stroke="#d5d7de" stroke-width="12" stroke-linecap="round"/>')
    out += [_text(header, geo.box_font, geo.line, weight="700") for header in lay.headers]
    for box in lay.boxes:
        honour = box.kind == "honour"
        out.append(f'<g data-{"honour-group" if honour else "level"}="{_esc(box.key)}">'
                   + _rect(box.x, box.y, box.w, box.h, "#fff" if honour else "#f3f4f8",
                           ' rx="6" stroke="#333" stroke-width="1.5"' + (' stroke-dasharray="4 3"' if honour else ""))
                   + _text(box.label, box.font, geo.line, weight="" if honour else "600",
                           last_fill="#555" if honour else "") + "</g>")
    for arrow in lay.arrows:
        b, ((x1, y1), (x2, y2)) = arrow.bridge, (arrow.start, arrow.end)
        out.append(f'<g data-pathway="{_esc(b.pathway["id"])}" data-group="{_esc(b.group["id"])}">'
                   f'<title>{_esc(source_label(h, b))} → {_esc(target_label(h, b))}: '
                   f'{_esc(h.pathway_summary(b.pathway))} ({_esc(h.clause_label(b.pathway["clause"]))})</title>'
                   f'{_line(x1, y1, x2, y2, b.style, id_prefix)}</g>')
    for arrow in lay.arrows:
        if arrow.label:
            x0, y0, x1, y1 = lay.rect(arrow.label)
            out.append(f'<g data-label-for="{_esc(arrow.bridge.pathway["id"])}">'
                       f'{_rect(x0, y0, x1 - x0, y1 - y0, "#fff", HALO)}'
                       f'{_text(arrow.label, geo.font, geo.line, last_fill="#555")}</g>')
    y = lay.legend_y
    out.append(_text(Label(MARGIN, y, "start", [h.t("ladder_legend")]), geo.font, geo.line, weight="700"))
    y += geo.line + 6
    for (style, _), lines in zip(items, _legend_lines(lay, items), strict=True):
        x = MARGIN
        if style is not None:
            out.append(_line(x, y - 4, x + SWATCH, y - 4, style, id_prefix))
            x += SWATCH + 10
        out.append(_text(Label(x, y, "start", lines), geo.font, geo.line))
        y += len(lines) * geo.line + 6
    out.append("</svg>")
    return "\n".join(out)
