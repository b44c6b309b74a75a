"""The page footer's facts: the data version and the policy's period of validity, in each language.

Both come from data (data/meta.yaml ``data_version``; the document of data/documents.yaml whose ``dates``
give ``in_force_from``/``in_force_until``), the words around them from templates/strings/footer.yaml.
``build.py`` puts the result into each language's MkDocs config as ``extra.guantong.footer``, which
``overrides/partials/copyright.html`` shows on every page.
"""
from __future__ import annotations

from markupsafe import escape

from .model import Model
from .templating import load_strings, mark_chinese


def in_force_document(m: Model) -> dict:
    """The document that states the period of validity (the Guangdong notice)."""
    for d in m.documents:
        dates = d.get("dates") or {}
        if dates.get("in_force_from") and dates.get("in_force_until"):
            return d
    raise ValueError("data/documents.yaml: no document has dates.in_force_from and dates.in_force_until")


def footer(m: Model, lang: str) -> dict:
    """{'data_version': text, 'validity': text} for one language."""
    strings = load_strings()
    d = in_force_document(m)
    validity = strings["footer_validity"][lang].format(
        start=d["dates"]["in_force_from"], end=d["dates"]["in_force_until"], number=d["number"])
    return {
        "data_version": strings["footer_data_version"][lang].format(version=m.meta["data_version"]),
        # HTML: on English pages the document number is marked lang="zh" (MkDocs does not autoescape).
        "validity": str(mark_chinese(validity)) if lang == "en" else str(escape(validity)),
    }
