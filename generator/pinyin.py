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
        return " ".join(lazy_pinyin(text, style=Style.TONE))
    parts = re.split("(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")", text)
    out = []
    for part in parts:
        if part in words:
            out += words[part].split()
        elif part:
            out += lazy_pinyin(part, style=Style.TONE)
    return " ".join(out)


def plain(pinyin: str) -> str:
    """'gāng qín tiáo lǜ shī' → 'gang qin tiao lv shi'."""
    pinyin = re.sub("[ǖǘǚǜü]", "v", pinyin)
    return "".join(c for c in unicodedata.normalize("NFD", pinyin) if not unicodedata.combining(c))
