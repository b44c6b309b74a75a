"""The page footer's facts: the data version and the policy's period of validity, in each language.

Both come from data (data/meta.yaml ``data_version``; the current edition of data/editions.yaml, see
generator/editions.py), the words around them from templates/strings/footer.yaml. ``build.py`` puts the
result into each language's MkDocs config as ``extra.guantong.footer``, which
``overrides/partials/copyright.html`` shows on every page.
"""
from __future__ import annotations

from markupsafe import escape

from .changelog import FEED_FILE
from .model import Model
from .templating import load_strings, mark_chinese


def footer(m: Model, lang: str, online: bool = True) -> dict:
    """{'data_version': text, 'validity': text, 'feed': {href, label, title} or None} for one language; the
    changelog's Atom feed only online (it holds the online addresses)."""
    strings = load_strings()
    e = m.current_edition
    validity = strings["footer_validity"][lang].format(start=e["valid_from"], end=e["valid_to"], number=e["number"])
    return {
        "data_version": strings["footer_data_version"][lang].format(version=m.meta["data_version"]),
        # HTML: on English pages the document number is marked lang="zh" (MkDocs does not autoescape).
        "validity": str(mark_chinese(validity)) if lang == "en" else str(escape(validity)),
        "feed": {"href": FEED_FILE, "label": strings["footer_feed"][lang], "title": strings["feed_title"][lang]}
        if online else None,
    }
