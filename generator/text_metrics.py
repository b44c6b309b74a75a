"""Text metrics for drawing without a browser: how wide a line of text is, and where it breaks.

Widths are estimated, not measured (no font is loaded at build time): a CJK character is one em, a Latin
letter a fraction of one by its class. Deterministic, so the same words give the same diagram; the ladder
layout (``ladder_layout``) sizes its boxes and label bands from these numbers and nothing else.
"""
from __future__ import annotations

CJK_FROM = 0x2E80  # CJK radicals onwards: one em each
NARROW = "fijlrtI.,;:()'|!"
WIDE = "mwMW"
NO_BREAK_BEFORE = "，、。；：）」』"  # closing punctuation stays with the character before it


def text_width(text: str, size: float) -> float:
    """Estimated rendered width of ``text`` at ``size`` px in a sans-serif font."""
    em = 0.0
    for ch in text:
        if ord(ch) >= CJK_FROM:
            em += 1.0
        elif ch in NARROW or ch == " ":
            em += 0.3
        elif ch in WIDE:
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


def _tokens(text: str) -> list[str]:
    """Units a line may break between: Latin words, single CJK characters (closing punctuation attached), spaces."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ord(ch) >= CJK_FROM or ch == " ":
            if word:
                tokens.append(word)
                word = ""
            if ch in NO_BREAK_BEFORE and tokens:
                tokens[-1] += ch
            else:
                tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    return tokens


def _greedy(text: str, max_w: float, size: float) -> list[str]:
    """Greedy line breaking: as many tokens on a line as fit."""
    lines, cur = [], ""
    for tok in _tokens(text):
        if cur and text_width((cur + tok).rstrip(), size) > max_w:
            lines.append(cur.rstrip())
            cur = "" if tok == " " else tok
        else:
            cur += tok
    if cur.strip():
        lines.append(cur.rstrip())
    return lines or [""]
