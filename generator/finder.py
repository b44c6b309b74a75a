"""The occupation finder's data: a prebuilt lunr index, the documents it returns, and a traditional→simplified
character map, written as classic scripts: ``assets/javascripts/finder-index.js`` (the same in every language)
and ``assets/javascripts/finder-lang.js`` (the page language's words, clause and committee names).

The index is built by Python ``lunr`` with an EMPTY pipeline: lunr's trimmer and stemmer destroy CJK tokens,
so every field gets precomputed tokens of the name and the aliases instead (DECISIONS.md, D5):

- ``zh``:  character unigrams and bigrams of the normalized Chinese name and aliases_zh;
- ``py``:  toneless pinyin without spaces, and its suffixes starting at each syllable
  (``gongchengjixieweixiugong``, …, ``weixiugong``, ``xiugong``, ``gong``) so a prefix query finds a name
  by any of its words;
- ``ini``: the syllables' first letters and their suffixes (``hg``, ``g``);
- ``en``:  English words of the name and aliases_en, each as typed and as stemmed by lunr's (Porter)
  stemmer — the browser stems the query with ``lunr.stemmer``; a one-typo query matches the typed word.

A document's ref is its position in the A–Z list. Each document also carries the compact keys of its
names (``exact``) and of its aliases and initials (``alias``), normalized as the browser normalizes a
query, so the browser can rank an exact full-name match first. ``normalize`` here and ``normalize`` in
``overrides/assets/javascripts/finder.js`` must agree. Nothing in the output depends on dict or set
order: the same data gives byte-identical files.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import mkdocs
from lunr.builder import Builder
from lunr.stemmer import stemmer
from lunr.token import Token

from . import covered, not_listed
from .finder_entries import entries, row_view
from .model import Model
from .pinyin import pinyin_of

FIELDS = ("zh", "py", "ini", "en")
# What a page with the finder lists in its front matter (gt_scripts), in loading order. Pages with a finder
# load only dom.js and finder.js; once the page has loaded and the browser is idle, it fetches lunr.js, finder-search.js,
# finder-index.js and finder-lang.js.
SCRIPTS = ("assets/javascripts/dom.js", "assets/javascripts/finder.js")
INDEX_JS = "assets/javascripts/finder-index.js"
LANG_JS = "assets/javascripts/finder-lang.js"
LUNR_JS = Path(mkdocs.__file__).parent / "contrib" / "search" / "templates" / "search" / "lunr.js"
_KEEP = re.compile(r"[^0-9a-z\u3400-\u9fff]+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def normalize(text: str) -> str:
    """What the browser does to a query: NFKC (full-width → ASCII), lower case, ü → v, no tone marks,
    anything but letters, digits and CJK characters → one space."""
    s = unicodedata.normalize("NFKC", text).lower()
    s = re.sub("[ǖǘǚǜü]", "v", s).replace("u:", "v")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return _KEEP.sub(" ", s).strip()


def compact(text: str) -> str:
    return normalize(text).replace(" ", "")


def ngrams(text: str) -> list[str]:
    """Character unigrams and bigrams of a name, spaces removed (3D打印 → 3, d, 打, 印, 3d, d打, 打印)."""
    s = compact(text)
    return list(s) + [s[i:i + 2] for i in range(len(s) - 1)]


def syllables(pinyin: str) -> list[str]:
    return normalize(pinyin).split()


def suffixes(parts: list[str]) -> list[str]:
    return ["".join(parts[i:]) for i in range(len(parts))]


def english(text: str) -> list[str]:
    """Each word as typed and as lunr's stemmer leaves it (welding → welding, weld)."""
    out = []
    for word in normalize(text).split():
        out.append(word)
        stem = str(stemmer(Token(word)))
        if stem != word:
            out.append(stem)
    return out


def _alias_pinyin(model: Model, alias: str) -> str:
    if not _CJK.search(alias):
        return ""
    return pinyin_of(alias, model.pinyin_overrides)


def readings(model: Model, text: str, stored: str | None = None) -> list[list[str]]:
    """The syllables of a name as stored (or generated), then of every ``also:`` reading of a reviewed word
    in it (data/pinyin-overrides.yaml): 弹拨 is tán bō, also dàn bō, so both find the trade."""
    first = syllables(stored or _alias_pinyin(model, text))
    out = [first] if first else []
    for o in model.pinyin_overrides:
        if o["word"] in text:
            for also in o.get("also") or []:
                alt = syllables(_replace_reading(model, text, o["word"], also))
                if alt and alt not in out:
                    out.append(alt)
    return out


def _replace_reading(model: Model, text: str, word: str, reading: str) -> str:
    """The pinyin of ``text`` with ``word`` read as ``reading`` (an ``also:`` reading)."""
    others = [o for o in model.pinyin_overrides if o["word"] != word] + [{"word": word, "pinyin": reading}]
    return pinyin_of(text, others)


def fields(model: Model, e: dict) -> dict[str, list[str]]:
    """The tokens of one finder entry (generator/finder_entries.py), per index field: its name's, then its
    aliases'; pinyin in every reviewed reading."""
    names_zh = [e["zh"], *e["aliases_zh"]]
    all_py = readings(model, e["zh"], e["pinyin"]) + [r for a in e["aliases_zh"] for r in readings(model, a)]
    return {
        "zh": [g for text in names_zh for g in ngrams(text)],
        "py": [s for p in all_py for s in suffixes(p)],
        "ini": [s for p in all_py for s in suffixes([x[0] for x in p])],
        "en": [w for text in [e["en"], *e["aliases_en"]] for w in english(text)],
    }


def tokens(model: Model) -> list[dict[str, list[str]]]:
    """Every entry's tokens, in index order (the pocket file builds its index from these)."""
    return [fields(model, e) for e in entries(model)]


def build_index(model: Model) -> dict:
    """The serialized lunr index (lunr.js 2.3.9 schema); a document's ref is its place in ``documents``."""
    builder = Builder()  # a bare Builder has empty indexing and search pipelines
    builder.ref("ref")
    for name in FIELDS:
        builder.field(name)
    for n, t in enumerate(tokens(model)):
        builder.add({"ref": str(n), **t})
    return builder.build().serialize()


def trad_map(model: Model) -> dict[str, str]:
    """Traditional → simplified, for just the characters that occur in occupation names and aliases."""
    import zhconv.zhconv as zc

    zc.loaddict()
    used = {c for o in model.occupations for s in [o["zh"], *(o.get("aliases_zh") or [])] for c in s}
    table = {}
    for trad, simp in zc.zhcdicts["zh2Hans"].items():
        if len(trad) == 1 and len(simp) == 1 and trad != simp and simp in used:
            table[trad] = simp
    for simp in used:  # the reverse direction catches pairs zh2Hans leaves to its phrase tables
        trad = zc.convert(simp, "zh-hant")
        if len(trad) == 1 and trad != simp:
            table.setdefault(trad, simp)
    return dict(sorted(table.items()))


def committees(model: Model, lang: str, strings: dict) -> dict[str, str]:
    """Every committee once, by id (hits refer to them by id): the name a hit shows in this language
    (``committee_display``: the printed name, or the field the plan names where it prints none)."""
    return {c["id"]: c["display"][lang] for c in sorted(model.committees, key=lambda c: c["id"])}


def documents(model: Model) -> list[dict]:
    """What a hit shows and links to, in index order (occupations A–Z first, which also breaks ties).
    ``alias`` (absent when there is none): the compact keys of the aliases (every reading) and of the name's
    other readings; the keys of the name itself (``exact_keys``) and its initials the browser derives from zh,
    pinyin and en (finder-search.js: ``d.exact``, ``names(doc).ini``)."""
    docs = []
    for e in entries(model):
        all_py = readings(model, e["zh"], e["pinyin"])
        alias_keys = [compact(a) for a in e["aliases_zh"] + e["aliases_en"]]
        alias_keys += ["".join(p) for a in e["aliases_zh"] for p in readings(model, a)]
        alias_keys += ["".join(p) for p in all_py[1:]]
        doc = {"zh": e["zh"], "en": e["en"], "pinyin": e["pinyin"]}
        if set(alias_keys) - {""}:
            doc["alias"] = sorted(set(alias_keys) - {""})
        if e["kind"] != "occupation":  # absent: a listed occupation
            doc["kind"] = e["kind"]
        else:
            o = e["occupation"]
            if not o["listed"]:
                doc["listed"] = False
            listing = o.get("editions") or []
            if listing and len(listing) < len(model.views):  # not in every edition: say which lists it
                doc["only"] = {"zh": "、".join(x["edition"]["number"] for x in listing),
                               "en": "; ".join(x["edition"]["number_en"] for x in listing)}
            rows = o["rows"] or (listing[0]["occupation"]["rows"] if listing else [])  # the edition that lists it
            doc.update({"slug": o["slug"],
                        "committees": list(dict.fromkeys(c["id"] for row in rows for c in row["committee_objs"]))})
            if o.get("dadian"):
                doc["code"] = o["dadian"]["code"]
                if o["dadian"].get("dadian_name"):
                    doc["dadian_name"] = o["dadian"]["dadian_name"]
        for key in ("ref", "refs", "reason", "source", "row"):
            if key in e:
                doc[key] = e[key]
        docs.append(doc)
    return docs


def exact_keys(doc: dict) -> list[str]:
    """The compact keys of a document's own names, as finder-search.js derives them."""
    return sorted({compact(doc["zh"]), compact(doc["pinyin"]), compact(doc["en"])})


def clauses(model: Model, lang: str) -> dict[str, dict]:
    """Every numbered clause of the plan and the attachment's notes, by id: its label, heading and anchor
    (a clause number typed in the finder — 四（五）, 4.5, IV(5), 注1 — is looked up here)."""
    out = {}
    for c in model.clauses:
        if c["document"] not in ("plan", "annex") or not isinstance(c.get("label"), dict):
            continue
        heading = (c.get("heading") or {}).get(lang) or (c["zh"] if lang == "zh" else c.get("en") or c["zh"])
        short = heading if len(heading) <= 24 else heading[:22].rstrip() + "…"
        out[c["id"]] = {"label": c["label"][lang].rstrip("."), "text": short.strip(),
                        "href": "policy/index.md#clause-" + c["id"].replace(".", "-")}
    return out


def labels(model: Model, lang: str, strings: dict) -> dict:
    """The finder's words in the page's language."""
    out = {key[len("finder_"):]: value[lang] for key, value in strings.items() if key.startswith("finder_")}
    return dict(sorted(out.items()))


def shared_data(model: Model) -> dict:
    """The language-neutral part of the finder's data: the index and what its hits show in either language."""
    from .templating import occupation_path

    docs = documents(model)
    ref = {d["slug"]: n for n, d in enumerate(docs) if "slug" in d}
    model_rows = {r["id"]: r for r in model.rows}
    return {"index": build_index(model), "docs": docs, "trad": trad_map(model),
            "occupation_page": occupation_path({"slug": "{slug}"}),  # an occupation's link: fill in its slug
            "covered": covered.blockers(model), "generic": model.names["generic"],
            "words": [{"word": w["word"], "refs": [ref[s] for s in w["occupations"]]} for w in model.names["words"]],
            "rows": {r: row_view(model_rows[r]) for r in sorted({d["row"] for d in docs if "row" in d})},
            "sources": {k: {"zh": v["zh"], "en": v["en"]} for k, v in sorted(model.names["sources"].items())
                        if any(d.get("source") == k for d in docs)}}


def language_data(model: Model, lang: str) -> dict:
    """The part of the finder's data in the page's language: its words, clause and committee names, and the
    "not listed" text."""
    from .templating import load_strings

    strings = load_strings()
    return {"committees": committees(model, lang, strings), "labels": labels(model, lang, strings), "lang": lang,
            "not_listed": not_listed.view(model, lang), "clauses": clauses(model, lang)}


def finder_data(model: Model, lang: str) -> dict:
    """Everything the finder reads in one language (what the page has once finder-index.js and finder-lang.js
    have run; what the pocket file inlines)."""
    return {**shared_data(model), **language_data(model, lang)}


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def files(model: Model, lang: str) -> dict[str, str]:
    """finder-index.js (the same bytes in every language, so the offline copy keeps it once: offline_share.py)
    sets ``GuantongFinder``; finder-lang.js, run after it, adds the page language's part."""
    header = "/* Generated by generator/finder.py from data/occupations.yaml: do not edit. */\n"
    return {INDEX_JS: f"{header}globalThis.GuantongFinder = {_json(shared_data(model))};\n",
            LANG_JS: f"{header}Object.assign(globalThis.GuantongFinder, {_json(language_data(model, lang))});\n",
            "assets/javascripts/lunr.js": LUNR_JS.read_text(encoding="utf-8")}
