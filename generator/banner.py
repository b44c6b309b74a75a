"""The expiry banner shown on every page, in the offline zip and in the pocket file.

From ``meta.yaml``'s ``expiry_notice_months`` before the current edition's last day, every page carries a
banner whose static text holds no day count ("本政策（<number>）有效期至 <valid_to>。"); the script
(overrides/assets/javascripts/banner.js, loaded in <head>) replaces that text in place before the first
paint: days left, the last day, expired — and whether a successor is recorded. The HTML comes from here:
``banner_html(m, lang)`` for one language of the site (``overrides/main.html``'s announce block shows it),
``banner_html(m, None)`` for the bilingual pocket file.
"""
from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import jinja2
from markupsafe import Markup, escape

from . import editions
from .model import Model
from .paths import LANGS, OVERRIDES, TEMPLATES
from .templating import load_strings, mark_chinese

HERE = TEMPLATES / "banner"
POCKET_CLASS = {"zh": "pk-zh", "en": "pk-en"}


def _words(key: str, lang: str, strings: dict, **facts) -> str:
    return strings[key][lang].replace("{valid_to}", facts.get("valid_to", "")).replace(
        "{valid_from}", facts.get("valid_from", "")).replace("{number}", facts.get("number", ""))


def context(m: Model, langs: list[str], pocket: bool = False) -> dict:
    """Dates, words and variants (one per language) of the banner; pure data for the template."""
    strings, e = load_strings(), m.current_edition
    nxt = editions.successor(m.editions, e)
    offset = ZoneInfo(e["timezone"]).utcoffset(datetime.fromisoformat(e["valid_to"] + "T12:00"))
    variants = []
    for lang in langs:
        w = dict(valid_to=e["valid_to"], number=e["number"])
        after = (_words("banner_successor", lang, strings, number=nxt["number"], valid_from=nxt["valid_from"])
                 if nxt else strings["banner_no_successor"][lang])
        subject = _words("banner_subject", lang, strings, **w)
        variants.append({
            "lang": lang, "cls": POCKET_CLASS[lang] if pocket else "",
            "subject": mark_chinese(subject) if lang != "zh" else escape(subject),
            "valid": _words("banner_valid", lang, strings, **w),
            "left": _words("banner_left", lang, strings, **w),
            "left_one": _words("banner_left_one", lang, strings, **w),
            "last_day": _words("banner_last_day", lang, strings, **w),
            "expired": _words("banner_expired", lang, strings, **w) + ("" if lang == "zh" else " ") + after,
        })
    return {
        "edition": e["id"], "valid_from": e["valid_from"], "valid_to": e["valid_to"], "timezone": e["timezone"],
        "utc_offset": int(offset.total_seconds() // 60),
        "notice_from": editions.months_before(e["valid_to"], m.meta["expiry_notice_months"]),
        "close": " / ".join(strings["banner_close"][lang] for lang in langs),
        "variants": variants,
    }


def _compact(js: str) -> str:
    """The script for inlining in the pocket file (≤ 500 KB): no comments, no indentation; lines are kept,
    so the code means the same."""
    js = re.sub(r"/\*.*?\*/", "", js, flags=re.S)
    return "\n".join(line.strip() for line in js.splitlines() if line.strip()).replace("</", "<\\/")


SCRIPT = OVERRIDES / "assets" / "javascripts" / "banner.js"
SCRIPT_URL = "assets/javascripts/banner.js"  # loaded in <head> by overrides/main.html


def banner_html(m: Model, lang: str | None) -> str:
    """The banner's HTML and the one-line call that fills it: one language, or both (lang None) for the
    pocket file, which also gets the script itself inline (it has no other file to load)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE)), undefined=jinja2.StrictUndefined,
                             autoescape=True)
    ctx = context(m, [lang] if lang else list(LANGS), pocket=lang is None)
    script = _compact(SCRIPT.read_text(encoding="utf-8")) if lang is None else ""
    return env.get_template("banner.html.j2").render(b=ctx, script=Markup(script))
