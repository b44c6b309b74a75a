"""Pinyin of occupation names: pypinyin, with the reviewed corrections in data/pinyin-overrides.yaml.

``pinyin_of`` gives tone-marked, space-separated syllables; ``plain`` strips tones (ü → v) for slugs
and search. Slugs are generated once and stored in data, so a later pypinyin change never moves a URL.
"""
from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin


def pinyin_of(text: str, overrides: list[dict]) -> str:
    words = {o["word"]: o["pinyin"] for o in overrides}
    if not words:
        return _joined(lazy_pinyin(text, style=Style.TONE))
    parts = re.split("(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")", text)
    out = []
    for part in parts:
        if part in words:
            out += words[part].split()
        elif part:
            out += lazy_pinyin(part, style=Style.TONE)
    return _joined(out)


def _joined(syllables: list[str]) -> str:
    """Syllables apart; punctuation in a name (铸造造型（芯）工) is not a syllable."""
    return " ".join(s for s in (x.strip() for x in syllables) if any(c.isalnum() for c in s))


def plain(pinyin: str) -> str:
    """'gāng qín tiáo lǜ shī' → 'gang qin tiao lv shi'."""
    pinyin = re.sub("[ǖǘǚǜü]", "v", pinyin)
    return "".join(c for c in unicodedata.normalize("NFD", pinyin) if not unicodedata.combining(c))


def rewrite_stored(path=None) -> list[str]:
    """Rewrite the ``pinyin:`` line of every occupation in data/occupations.yaml from its name and the reviewed
    overrides (text substitution: comments and layout stay). Slugs are never touched. Returns what changed."""
    from .model import load_model
    from .paths import DATA

    path = path or DATA / "occupations.yaml"
    m = load_model()
    lines = path.read_text(encoding="utf-8").split("\n")
    changed, name = [], None
    for i, line in enumerate(lines):
        if line.startswith("  zh: "):
            name = line[len("  zh: "):].strip()
        elif line.startswith("  pinyin: ") and name:
            new = pinyin_of(name, m.pinyin_overrides)
            if line != "  pinyin: " + new:
                changed.append(f"{name}: {line[len('  pinyin: '):]} → {new}")
                lines[i] = "  pinyin: " + new
    path.write_text("\n".join(lines), encoding="utf-8")
    return changed


if __name__ == "__main__":
    print("\n".join(rewrite_stored()) or "every stored pinyin already agrees")
