"""Geometry of the ladder diagram: where each level box, arrow and label goes (no SVG, no words).

Columns from left to right: the skill ladder, the bridges' lane, the title ladder and, when a bridge
starts from an honour, a column of honour boxes. A title level's row is its place in ``levels.title``;
a skill level sits on the row of the lowest title its own bridge leads to (so that bridge is level),
or, if that gives no rising order, spread evenly. A level bridge between two rows is drawn straight
across with its label above (left to right) or below (right to left); any other is drawn corner to
corner with its label on the line, in the band between its rows. Rows are spaced so no label meets
another or an arrow. Text widths are estimated (CJK one em, Latin by letter class): deterministic.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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
    geo: Geometry
    height: int = 0
    boxes: list = field(default_factory=list)
    arrows: list = field(default_factory=list)
    rails: list = field(default_factory=list)
    headers: list = field(default_factory=list)
    legend_y: float = 0

    def wrap(self, text: str, max_w: float) -> list[str]:
        return wrap(text, max_w, self.geo.font)

    def rect(self, label: Label) -> tuple:
        """The box (x0, y0, x1, y1) an arrow label takes."""
        return label_rect(label, self.geo.font, self.geo.line)


def text_width(text: str, size: float) -> float:
    """Estimated rendered width of ``text`` at ``size`` px in a sans-serif font."""
    em = 0.0
    for ch in text:
        if ord(ch) >= 0x2E80:
            em += 1.0
        elif ch in "fijlrtI.,;:()'|!" or ch == " ":
            em += 0.3
        elif ch in "mwMW":
            em += 0.86
        elif ch.isupper():
            em += 0.66
        else:
            em += 0.55
    return em * size


def wrap(text: str, max_w: float, size: float) -> list[str]:
    """Line breaking into as few lines as fit ``max_w``, as even in length as that allows (no short last line)."""
    lines = _greedy(text, max_w, size)
    width = max_w
    while len(lines) > 1 and width > size:
        tighter = _greedy(text, width - size / 2, size)
        if len(tighter) > len(lines):
            break
        lines, width = tighter, width - size / 2
    return lines


def _greedy(text: str, max_w: float, size: float) -> list[str]:
    """Greedy line breaking: between Latin words, anywhere between CJK characters, never before closing punctuation."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ord(ch) >= 0x2E80 or ch == " ":
            if word:
                tokens.append(word)
                word = ""
            if ch in "，、。；：）」』" and tokens:
                tokens[-1] += ch
            else:
                tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    lines, cur = [], ""
    for tok in tokens:
        if cur and text_width((cur + tok).rstrip(), size) > max_w:
            lines.append(cur.rstrip())
            cur = "" if tok == " " else tok
        else:
            cur += tok
    if cur.strip():
        lines.append(cur.rstrip())
    return lines or [""]


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
    """Place every box, arrow and label; ``legend_h(layout)`` is the height the legend under it needs."""
    lay = Layout(geo=geo)
    font, line, col_w, node_w = geo.font, geo.line, geo.col_w, geo.node_w
    rows = skill_rows(levels, bridges)
    honours = sorted({b.source[1] for b in bridges if b.source[0] == "honour"},
                     key=lambda g: next(i for i, b in enumerate(bridges) if b.source == ("honour", g)))
    hx0 = geo.width - MARGIN - node_w
    tx0 = (hx0 - geo.node_gap if honours else geo.width - MARGIN) - col_w
    col_x = {"skill": MARGIN, "title": tx0, "honour": hx0}
    lane = (MARGIN + col_w, tx0)
    label_w = lane[1] - lane[0] - 2 * GAP
    for g in honours:
        rows[("honour", g)] = min(rows[b.target[1]] for b in bridges if b.source == ("honour", g))

    def row_of(node):
        return rows[node] if node[0] == "honour" else rows[node[1]]

    def lines_of(b):
        return [s for text in arrow_lines(b) for s in wrap(text, label_w, font)]

    def band_of(b):
        return int(min(row_of(b.source), row_of(b.target)))

    def stack_h(group):
        return sum(len(lines_of(b)) * line + PAD for b in group)

    level_br = [b for b in bridges if b.source[0] != "honour" and row_of(b.source) == row_of(b.target)]
    diag_br = [b for b in bridges if b.source[0] != "honour" and b not in level_br]
    n_rows = len(levels["title"])
    rightward = {r: [b for b in level_br if row_of(b.target) == r and b.source[0] == "skill"] for r in range(n_rows)}
    leftward = {r: [b for b in level_br if row_of(b.target) == r and b.source[0] != "skill"] for r in range(n_rows)}
    offsets = {}
    for r in range(n_rows):
        todo = rightward[r] + leftward[r]
        for i, b in enumerate(todo):
            offsets[b.pathway["id"]] = 0 if len(todo) == 1 else -OFFSET + 2 * OFFSET * i / (len(todo) - 1)
    above = {r: stack_h(rightward[r]) for r in range(n_rows)}
    below = {r: stack_h(leftward[r]) for r in range(n_rows)}
    band = {r: stack_h([b for b in diag_br if band_of(b) == r]) for r in range(n_rows)}
    node_lines = {}
    for g in honours:
        b0 = next(b for b in bridges if b.source == ("honour", g))
        node_lines[g] = wrap(source_label(b0), node_w - 12, font) + [arrow_lines(b0)[-1]]
    node_h = {g: max(BOX_H, len(node_lines[g]) * line + 16) for g in honours}
    tallest = max([BOX_H, *node_h.values()])

    # Rows from the top: the top row, then each lower one as far down as its labels need.
    header_y = MARGIN + geo.box_font
    head_lines = {k: wrap(headers[k], (col_w if k != "title" or not honours else col_w + 20), geo.box_font)
                  for k in headers if k != "honour" or honours}
    ys = {n_rows - 1: header_y + (max(len(v) for v in head_lines.values()) - 1) * line + 12
          + max(tallest / 2, OFFSET + PAD + above[n_rows - 1]) + 4}
    for r in range(n_rows - 2, -1, -1):
        need = 2 * OFFSET + 2 * PAD + below[r + 1] + band[r] + above[r] + 2 * GAP
        ys[r] = ys[r + 1] + max(tallest + 2 * GAP, need)

    def y_of(row: float) -> float:
        lo = int(row)
        return ys[lo] if row == lo else ys[lo] + (ys[lo + 1] - ys[lo]) * (row - lo)

    widths = {"skill": col_w, "title": col_w, "honour": node_w}
    lay.headers = [Label(col_x[k] + widths[k] / 2, header_y, "middle", v) for k, v in head_lines.items()]

    def centred(x, y, lines, size):
        return Label(x, y - (len(lines) - 1) * line / 2 + size * 0.36, "middle", lines)

    for kind in ("skill", "title"):
        for lv in levels[kind]:
            lines = wrap(level_label(lv), col_w - 12, geo.box_font)
            y = y_of(rows[lv])
            lay.boxes.append(Box(kind, lv, col_x[kind], y - BOX_H / 2, col_w, BOX_H,
                                 centred(col_x[kind] + col_w / 2, y, lines, geo.box_font), geo.box_font))
        top, bottom = y_of(rows[levels[kind][-1]]), y_of(rows[levels[kind][0]])
        lay.rails.append((col_x[kind] + col_w / 2, top, col_x[kind] + col_w / 2, bottom))
    for g in honours:
        y = y_of(rows[("honour", g)])
        lay.boxes.append(Box("honour", g, hx0, y - node_h[g] / 2, node_w, node_h[g],
                             centred(hx0 + node_w / 2, y, node_lines[g], font), font))
    box = {(b.kind, b.key): b for b in lay.boxes}

    segments, placed, arrows = [], [], {}
    for b in diag_br + [b for b in bridges if b.source[0] == "honour"]:
        sb, tb = box[b.source], box[b.target]
        if b.source[0] == "honour" and sb.y + sb.h / 2 == tb.y + tb.h / 2:
            x1, x2 = (sb.x, tb.x + tb.w) if sb.x > tb.x else (sb.x + sb.w, tb.x)
            y1 = y2 = sb.y + sb.h / 2
        else:  # from the top or bottom edge, near the inner corner: clear of the level bridges' labels
            up = tb.y < sb.y
            x1 = sb.x + sb.w - CORNER if tb.x > sb.x else sb.x + CORNER
            x2 = tb.x + tb.w - CORNER if sb.x > tb.x else tb.x + CORNER
            y1, y2 = (sb.y, tb.y + tb.h) if up else (sb.y + sb.h, tb.y)
        segments.append(((x1, y1), (x2, y2)))
        arrows[b.pathway["id"]] = [b, (x1, y1), (x2, y2), None]
    for r in range(n_rows - 1):
        top = ys[r + 1] + OFFSET + PAD + below[r + 1] + GAP
        bottom = ys[r] - OFFSET - PAD - above[r] - GAP
        t = (top + bottom) / 2 - band[r] / 2
        for b in [b for b in diag_br if band_of(b) == r]:
            lines = lines_of(b)
            _, (x1, y1), (x2, y2), _ = arrows[b.pathway["id"]]
            mid = t + len(lines) * line / 2
            half = max(text_width(s, font) for s in lines) / 2
            x = x1 + (x2 - x1) * (mid - y1) / (y2 - y1) if y2 != y1 else (x1 + x2) / 2
            label = Label(min(max(x, lane[0] + GAP + half), lane[1] - GAP - half), t + font - 1, "middle", lines)
            placed.append(lay.rect(label))
            arrows[b.pathway["id"]][3] = label
            t += len(lines) * line + PAD
    for r in range(n_rows):
        y = ys[r]
        for b in rightward[r] + leftward[r]:
            start, end = (lane[0], y + offsets[b.pathway["id"]]), (lane[1], y + offsets[b.pathway["id"]])
            arrows[b.pathway["id"]] = [b, *((start, end) if b.source[0] == "skill" else (end, start)), None]
        for group, sign in ((rightward[r], -1), (leftward[r], 1)):
            edge_y = y + sign * (PAD + (OFFSET if len(rightward[r] + leftward[r]) > 1 else 0))
            for b in (reversed(group) if sign < 0 else group):
                lines = lines_of(b)
                first = edge_y + font - 1 - (len(lines) * line if sign < 0 else 0)
                # centred if it is clear of the sloping bridges, else nudged sideways, else flush to one end
                options = [Label(sum(lane) / 2 + shift, first, "middle", lines) for shift in (0, 12, -12, 24, -24, 36, -36)]
                options += [Label(lane[0] + GAP, first, "start", lines), Label(lane[1] - GAP - 6, first, "end", lines)]
                best = next((o for o in options if lane[0] < lay.rect(o)[0] and lay.rect(o)[2] < lane[1]
                             and not any(_hits(lay.rect(o), s) for s in segments)
                             and not any(_overlap(lay.rect(o), p) for p in placed)), options[0])
                placed.append(lay.rect(best))
                arrows[b.pathway["id"]][3] = best
                edge_y += sign * (len(lines) * line + PAD)
    lay.arrows = [Arrow(*arrows[b.pathway["id"]]) for b in bridges]
    lay.legend_y = ys[0] + max(tallest / 2, OFFSET + PAD + below[0]) + 2 * GAP + font
    lay.height = int(lay.legend_y + legend_h(lay) + MARGIN)
    return lay
