"""Which listed occupation a trade may fall under: "数控车工" → 车工, but "汽车工" → nothing.

附件注1 says a listed occupation includes the 工种 under it, so a query whose last word(s) are a listed name
(数控/车工) may belong to that occupation. "Word" is as jieba splits the query, with the listed names added
to its dictionary and the reviewed splits of data/names.yaml (``segmentation``) applied. The browser has no
jieba, so the split is decided here, at build time, for every way a query can cross a name's boundary:

``blockers(model)`` gives, per listed name L, the strings X such that a dictionary word ends with X plus the
start of L (汽车 = 汽 + 车 for L = 车工) and jieba, given X + L, keeps that word (汽车/工). In the browser a
query Q = P + L (P not empty) is "covered by L" unless P ends with one of L's blockers — ``covered_by`` here
is that same rule in Python, and tests check it against jieba itself. Words rarer than ``MIN_FREQ`` in
jieba's dictionary are ignored: jieba would not prefer them over a listed name anyway.
"""
from __future__ import annotations

import functools
import logging

from .model import Model

MIN_FREQ = 50
KEEP_FREQ = 1000  # a longer word that keeps the boundary is listed only if this common (the data stays small)


@functools.lru_cache(maxsize=1)
def _tokenizer(names: tuple[str, ...]):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for name in names:
        tk.add_word(name)
    return tk


def tokenizer(model: Model):
    """jieba with the listed names in its dictionary."""
    return _tokenizer(tuple(sorted(o["zh"] for o in model.occupations if o["listed"])))


def split(model: Model, text: str) -> list[str]:
    return tokenizer(model).lcut(text, HMM=False)


def _boundary_kept(tk, prefix: str, name: str) -> bool:
    pos = 0
    for token in tk.cut(prefix + name, HMM=False):
        pos += len(token)
        if pos >= len(prefix):
            return pos == len(prefix)
    return False


def blockers(model: Model) -> dict[str, list[str]]:
    """Per listed name, the shortest strings that, just before it, make jieba join across its start
    (汽 before 车工: 汽车/工) or swallow it whole (维修 before 电工: 维修电工); a reviewed split
    (data/names.yaml ``segmentation``) is never blocked."""
    names = tuple(sorted(o["zh"] for o in model.occupations if o["listed"]))
    reviewed = tuple(sorted((s["query"][:-len(s["name"])], s["name"]) for s in model.names["segmentation"]))
    return _blockers(names, reviewed)


@functools.lru_cache(maxsize=2)
def _blockers(names: tuple[str, ...], reviewed: tuple[tuple[str, str], ...]) -> dict[str, list[str]]:
    tk = _tokenizer(names)
    words = _by_last(tk)
    out = {}
    for name in names:
        found = set()
        for k in range(1, len(name) + 1):
            start = name[:k]
            for w in words.get(start[-1], ()):
                if len(w) > k and w.endswith(start):
                    prefix = w[:-k]
                    if not _boundary_kept(tk, prefix, name) and not any(
                            p.endswith(prefix) and n == name for p, n in reviewed):
                        found.add(prefix)
        minimal = sorted(x for x in found if not any(y != x and x.endswith(y) for y in found))
        entries = []
        for x in minimal:  # longer words ending with x that keep the boundary (普通 before 车工, though 通车)
            keep = sorted(w for w in words_ending(tk, x) if tk.FREQ[w] >= KEEP_FREQ and len(w) <= 2
                          and _boundary_kept(tk, w, name)
                          and not any(y in found for y in _suffixes(w, x)))
            entries.append([x, *keep] if keep else x)
        if entries:
            out[name] = entries
    return dict(sorted(out.items()))


def _suffixes(word: str, x: str) -> list[str]:
    """The suffixes of ``word`` longer than ``x`` (x itself is a suffix of word)."""
    return [word[i:] for i in range(1, len(word) - len(x))]


def words_ending(tk, x: str) -> list[str]:
    """Dictionary words (at least MIN_FREQ) that end with ``x`` and are longer than it."""
    return [w for w in _by_last(tk).get(x[-1], ()) if len(w) > len(x) and w.endswith(x)]


@functools.lru_cache(maxsize=1)
def _by_last(tk) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for w, f in tk.FREQ.items():
        if f >= MIN_FREQ and len(w) >= 2:
            out.setdefault(w[-1], []).append(w)
    return out


def covered_by(query: str, names: list[str], blocks: dict[str, list[str]]) -> str | None:
    """The listed name the query's last word(s) are (the longest), or None: what finder-search.js does."""
    for name in sorted(names, key=lambda n: (-len(n), n)):
        if len(query) > len(name) and query.endswith(name):
            prefix = query[:-len(name)]
            if not any(_blocks(prefix, b) for b in blocks.get(name, ())):
                return name
    return None


def _blocks(prefix: str, entry) -> bool:
    """A blocker entry is a string X, or [X, longer words ending with X that do not block]."""
    x, keep = (entry, []) if isinstance(entry, str) else (entry[0], entry[1:])
    return prefix.endswith(x) and not any(prefix.endswith(w) for w in keep)
