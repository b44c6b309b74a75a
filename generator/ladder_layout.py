"""Geometry of the ladder diagram: where each level box, arrow and label goes (no SVG, no words).

Columns from left to right: the skill ladder, the bridges' lane, the title ladder and, when a bridge
starts from an honour, a column of honour boxes. A title level's row is its place in ``levels.title``;
a skill level sits on the row of the lowest title its own bridge leads to (so that bridge is level),
or, if that gives no rising order, spread evenly. A level bridge between two rows is drawn straight
across with its label above (left to right) or below (right to left); any other is drawn corner to
corner with its label on the line, in the band between its rows. Rows are spaced so no label meets
another or an arrow. Text widths come from ``text_metrics`` (estimated, deterministic).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .text_metrics import text_width, wrap

MARGIN, BOX_H, PAD, GAP = 8, 48, 6, 10
OFFSET = 9  # distance of two level bridges in one row from the row's centre line
CORNER = 20  # a sloping bridge meets a box this far in from its inner corner


@dataclass(frozen=True)
class Geometry:
    """Sizes in SVG units (CSS px at full size): the whole width, a ladder column, an honour box and the gap before it, fonts."""

    width: int = 640
    min_width: int = 560  # narrower screens scroll the diagram sideways rather than shrink its text further
    col_w: int = 120
    node_w: int = 112
    node_gap: int = 28
    font: int = 13
    line: int = 16
    box_font: int = 14


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # baseline of the first line
    anchor: str  # start, middle or end
    lines: list


@dataclass(frozen=True)
class Box:
    kind: str  # skill, title or honour
    key: str
    x: float
    y: float
    w: float
    h: float
    label: Label
    font: int


@dataclass(frozen=True)
class Arrow:
    bridge: object
    start: tuple
    end: tuple
    label: Label | None


@dataclass
class Layout:
    """Everything placed: level and honour boxes, arrows (with their labels), the ladders' rails, the column
    headers, where the legend starts and the whole height. Filled in by ``lay_out``."""

    geo: Geometry
    boxes: list[Box]
    arrows: list[Arrow]
    rails: list[tuple]
    headers: list[Label]
    height: int = 0
    legend_y: float = 0

    def wrap(self, text: str, max_w: float) -> list[str]:
        return wrap(text, max_w, self.geo.font)

    def rect(self, label: Label) -> tuple:
        """The box (x0, y0, x1, y1) an arrow label takes."""
        return label_rect(label, self.geo.font, self.geo.line)


def label_rect(label: Label, size: float, line: float) -> tuple:
    w = max(text_width(s, size) for s in label.lines)
    x0 = {"start": label.x, "middle": label.x - w / 2, "end": label.x - w}[label.anchor]
    top = label.y - size
    return (x0 - 3, top - 2, x0 + w + 3, top + line * len(label.lines) + 2)


def _hits(rect: tuple, seg: tuple) -> bool:
    (x1, y1), (x2, y2) = seg
    steps = int(max(abs(x2 - x1), abs(y2 - y1)) / 2) + 1
    return any(rect[0] <= x1 + (x2 - x1) * k / steps <= rect[2] and rect[1] <= y1 + (y2 - y1) * k / steps <= rect[3]
               for k in range(steps + 1))


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def skill_rows(levels: dict, bridges: list) -> dict:
    """Row of every level (title: its index); see the module docstring for skill levels."""
    rows = {lv: float(i) for i, lv in enumerate(levels["title"])}
    anchor = {}
    for b in bridges:
        if b.source[0] == "skill" and b.target[0] == "title":
            anchor[b.source[1]] = min(anchor.get(b.source[1], rows[b.target[1]]), rows[b.target[1]])
    skill = levels["skill"]
    picked = [anchor.get(lv) for lv in skill]
    if None in picked or any(a >= b for a, b in zip(picked, picked[1:], strict=False)):
        span = max(len(levels["title"]) - 1, 1)
        picked = [i * span / max(len(skill) - 1, 1) for i in range(len(skill))]
    return rows | dict(zip(skill, picked, strict=True))


def lay_out(levels: dict, bridges: list, geo: Geometry, *, level_label: Callable, source_label: Callable,
            arrow_lines: Callable, headers: dict, legend_h: Callable) -> Layout:
    """Place every box, arrow and label; ``arrow_lines(bridge)`` is its label (the clause last),
    ``legend_h(layout)`` the height the legend under the diagram needs."""
    plan = _Plan(levels, bridges, geo, source_label, arrow_lines)
    plan.place_rows(headers)
    plan.place_boxes(level_label)
    plan.place_sloping()
    plan.place_level()
    lay = plan.lay
    lay.arrows = [Arrow(*plan.arrows[b.pathway["id"]]) for b in bridges]
    lay.legend_y = plan.ys[0] + max(plan.tallest / 2, OFFSET + PAD + plan.below[0]) + 2 * GAP + geo.font
    lay.height = int(lay.legend_y + legend_h(lay) + MARGIN)
    return lay


class _Plan:
    """The working state of one layout: columns, which bridges are level or sloping, row heights."""

    def __init__(self, levels: dict, bridges: list, geo: Geometry, source_label: Callable, arrow_lines: Callable):
        self.levels, self.bridges, self.geo = levels, bridges, geo
        self.lay = Layout(geo=geo, boxes=[], arrows=[], rails=[], headers=[])
        self.rows = skill_rows(levels, bridges)
        self.honours = sorted({b.source[1] for b in bridges if b.source[0] == "honour"},
                              key=lambda g: next(i for i, b in enumerate(bridges) if b.source == ("honour", g)))
        hx0 = geo.width - MARGIN - geo.node_w
        tx0 = (hx0 - geo.node_gap if self.honours else geo.width - MARGIN) - geo.col_w
        self.col_x = {"skill": MARGIN, "title": tx0, "honour": hx0}
        self.lane = (MARGIN + geo.col_w, tx0)
        label_w = self.lane[1] - self.lane[0] - 2 * GAP
        self.lines = {b.pathway["id"]: [s for text in arrow_lines(b) for s in wrap(text, label_w, geo.font)]
                      for b in bridges}
        for g in self.honours:
            self.rows[("honour", g)] = min(self.rows[b.target[1]] for b in bridges if b.source == ("honour", g))
        shared = [g for g in self.honours if [self.rows[("honour", h)] for h in self.honours].count(self.rows[("honour", g)]) > 1]
        if shared:
            raise ValueError(f"data/rules.yaml: honour groups {shared} lead to the same title level; the ladder "
                             "diagram gives each honour group the row of its ceiling, so it cannot draw both")
        level_br = [b for b in bridges if b.source[0] != "honour" and self.row_of(b.source) == self.row_of(b.target)]
        self.sloping = [b for b in bridges if b.source[0] != "honour" and b not in level_br]
        self.n_rows = n = len(levels["title"])
        self.rightward = {r: [b for b in level_br if self.row_of(b.target) == r and b.source[0] == "skill"]
                          for r in range(n)}
        self.leftward = {r: [b for b in level_br if self.row_of(b.target) == r and b.source[0] != "skill"]
                         for r in range(n)}
        self.above = {r: self.stack_h(self.rightward[r]) for r in range(n)}
        self.below = {r: self.stack_h(self.leftward[r]) for r in range(n)}
        self.band = {r: self.stack_h([b for b in self.sloping if self.band_of(b) == r]) for r in range(n)}
        self.node_lines = {}
        for g in self.honours:
            b0 = next(b for b in bridges if b.source == ("honour", g))
            self.node_lines[g] = wrap(source_label(b0), geo.node_w - 12, geo.font) + [arrow_lines(b0)[-1]]
        self.node_h = {g: max(BOX_H, len(self.node_lines[g]) * geo.line + 16) for g in self.honours}
        self.tallest = max([BOX_H, *self.node_h.values()])
        self.segments, self.placed, self.arrows = [], [], {}

    def row_of(self, node) -> float:
        return self.rows[node] if node[0] == "honour" else self.rows[node[1]]

    def band_of(self, b) -> int:
        """The band between two rows that a sloping bridge's label goes in (the lower row's number)."""
        return int(min(self.row_of(b.source), self.row_of(b.target)))

    def stack_h(self, group: list) -> float:
        return sum(len(self.lines[b.pathway["id"]]) * self.geo.line + PAD for b in group)

    def y_of(self, row: float) -> float:
        lo = int(row)
        return self.ys[lo] if row == lo else self.ys[lo] + (self.ys[lo + 1] - self.ys[lo]) * (row - lo)

    def place_rows(self, headers: dict) -> None:
        """Rows from the top: the top row under the headers, then each lower one as far down as its labels need."""
        geo, n = self.geo, self.n_rows
        self.header_y = MARGIN + geo.box_font
        widths = {"skill": geo.col_w, "title": geo.col_w + (20 if self.honours else 0), "honour": geo.col_w}
        self.head_lines = {k: wrap(headers[k], widths[k], geo.box_font)
                           for k in headers if k != "honour" or self.honours}
        self.ys = {n - 1: self.header_y + (max(len(v) for v in self.head_lines.values()) - 1) * geo.line + 12
                   + max(self.tallest / 2, OFFSET + PAD + self.above[n - 1]) + 4}
        for r in range(n - 2, -1, -1):
            need = 2 * OFFSET + 2 * PAD + self.below[r + 1] + self.band[r] + self.above[r] + 2 * GAP
            self.ys[r] = self.ys[r + 1] + max(self.tallest + 2 * GAP, need)

    def _centred(self, x: float, y: float, lines: list, size: int) -> Label:
        return Label(x, y - (len(lines) - 1) * self.geo.line / 2 + size * 0.36, "middle", lines)

    def place_boxes(self, level_label: Callable) -> None:
        geo, lay, col_x = self.geo, self.lay, self.col_x
        widths = {"skill": geo.col_w, "title": geo.col_w, "honour": geo.node_w}
        lay.headers = [Label(col_x[k] + widths[k] / 2, self.header_y, "middle", v) for k, v in self.head_lines.items()]
        for kind in ("skill", "title"):
            x = col_x[kind]
            for lv in self.levels[kind]:
                lines = wrap(level_label(lv), geo.col_w - 12, geo.box_font)
                y = self.y_of(self.rows[lv])
                lay.boxes.append(Box(kind, lv, x, y - BOX_H / 2, geo.col_w, BOX_H,
                                     self._centred(x + geo.col_w / 2, y, lines, geo.box_font), geo.box_font))
            top, bottom = self.y_of(self.rows[self.levels[kind][-1]]), self.y_of(self.rows[self.levels[kind][0]])
            lay.rails.append((x + geo.col_w / 2, top, x + geo.col_w / 2, bottom))
        for g in self.honours:
            y, x = self.y_of(self.rows[("honour", g)]), col_x["honour"]
            lay.boxes.append(Box("honour", g, x, y - self.node_h[g] / 2, geo.node_w, self.node_h[g],
                                 self._centred(x + geo.node_w / 2, y, self.node_lines[g], geo.font), geo.font))
        self.box = {(b.kind, b.key): b for b in lay.boxes}

    def place_sloping(self) -> None:
        """Honour bridges (straight across) and sloping bridges, with their labels on the line in their band."""
        geo = self.geo
        for b in self.sloping + [b for b in self.bridges if b.source[0] == "honour"]:
            sb, tb = self.box[b.source], self.box[b.target]
            if b.source[0] == "honour" and sb.y + sb.h / 2 == tb.y + tb.h / 2:
                x1, x2 = (sb.x, tb.x + tb.w) if sb.x > tb.x else (sb.x + sb.w, tb.x)
                y1 = y2 = sb.y + sb.h / 2
            else:  # from the top or bottom edge, near the inner corner: clear of the level bridges' labels
                up = tb.y < sb.y
                x1 = sb.x + sb.w - CORNER if tb.x > sb.x else sb.x + CORNER
                x2 = tb.x + tb.w - CORNER if sb.x > tb.x else tb.x + CORNER
                y1, y2 = (sb.y, tb.y + tb.h) if up else (sb.y + sb.h, tb.y)
            self.segments.append(((x1, y1), (x2, y2)))
            self.arrows[b.pathway["id"]] = [b, (x1, y1), (x2, y2), None]
        for r in range(self.n_rows - 1):
            top = self.ys[r + 1] + OFFSET + PAD + self.below[r + 1] + GAP
            bottom = self.ys[r] - OFFSET - PAD - self.above[r] - GAP
            t = (top + bottom) / 2 - self.band[r] / 2
            for b in [b for b in self.sloping if self.band_of(b) == r]:
                lines = self.lines[b.pathway["id"]]
                _, (x1, y1), (x2, y2), _ = self.arrows[b.pathway["id"]]
                mid = t + len(lines) * geo.line / 2
                half = max(text_width(s, geo.font) for s in lines) / 2
                x = x1 + (x2 - x1) * (mid - y1) / (y2 - y1) if y2 != y1 else (x1 + x2) / 2
                x = min(max(x, self.lane[0] + GAP + half), self.lane[1] - GAP - half)
                label = Label(x, t + geo.font - 1, "middle", lines)
                self.placed.append(self.lay.rect(label))
                self.arrows[b.pathway["id"]][3] = label
                t += len(lines) * geo.line + PAD

    def place_level(self) -> None:
        """Level bridges straight across the lane; labels stacked above (rightward) or below (leftward)."""
        geo, lane = self.geo, self.lane
        for r in range(self.n_rows):
            y, both = self.ys[r], self.rightward[r] + self.leftward[r]
            for i, b in enumerate(both):
                off = 0 if len(both) == 1 else -OFFSET + 2 * OFFSET * i / (len(both) - 1)
                start, end = (lane[0], y + off), (lane[1], y + off)
                self.arrows[b.pathway["id"]] = [b, *((start, end) if b.source[0] == "skill" else (end, start)), None]
            for group, sign in ((self.rightward[r], -1), (self.leftward[r], 1)):
                edge_y = y + sign * (PAD + (OFFSET if len(both) > 1 else 0))
                for b in (reversed(group) if sign < 0 else group):
                    lines = self.lines[b.pathway["id"]]
                    first = edge_y + geo.font - 1 - (len(lines) * geo.line if sign < 0 else 0)
                    label = self._free_spot(first, lines)
                    self.placed.append(self.lay.rect(label))
                    self.arrows[b.pathway["id"]][3] = label
                    edge_y += sign * (len(lines) * geo.line + PAD)

    def _free_spot(self, first: float, lines: list) -> Label:
        """Centred if clear of the sloping bridges and other labels, else nudged sideways, else flush to one end."""
        lane = self.lane
        options = [Label(sum(lane) / 2 + shift, first, "middle", lines) for shift in (0, 12, -12, 24, -24, 36, -36)]
        options += [Label(lane[0] + GAP, first, "start", lines), Label(lane[1] - GAP - 6, first, "end", lines)]
        for o in options:
            rect = self.lay.rect(o)
            if (lane[0] < rect[0] and rect[2] < lane[1] and not any(_hits(rect, s) for s in self.segments)
                    and not any(_overlap(rect, p) for p in self.placed)):
                return o
        return options[0]
