"""What changed: data/changelog.yaml as a page and as an Atom feed per language.

Each record is a data version (the date in meta.yaml's ``data_version``) with what changed, the clauses
concerned and the data files touched. ``check`` keeps the records in order and the newest equal to the
data version; ``feed(m, lang, site_url)`` writes the Atom document (RFC 4287) of one language — ids are
``urn:uuid`` values derived from the language and version, so the feed is byte-identical for the same
data and does not change when the site moves host. ``build.py`` writes it beside the online build's
sitemap.xml (feed.xml at each language's root); the offline build has none.
"""
from __future__ import annotations

import uuid
from xml.etree import ElementTree as ET

from markupsafe import escape

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"
PAGE = "changelog/"
NAMESPACE = uuid.UUID("5b3c5f0e-3a4c-5d0a-9a61-6775616e746f")  # fixed: the feed ids never change


def check(f: dict) -> list:
    """Versions unique and newest first; the newest is meta.yaml's data_version; clauses exist."""
    raw, out = f["changelog"], []
    records = raw.data or []
    clauses = {c["id"] for c in f["clauses"].data or []}
    versions = [r["version"] for r in records]
    for i in range(1, len(versions)):
        if versions[i] >= versions[i - 1]:
            out.append(raw.problem((i, "version"), f"a version older than {versions[i - 1]} (newest first, each once)",
                                   versions[i]))
    current = f["meta"].data.get("data_version")
    if versions and versions[0] != current:
        out.append(raw.problem((0, "version"), f"the data version of data/meta.yaml ({current}): add a record "
                               "for each data version", versions[0]))
    for i, r in enumerate(records):
        for j, change in enumerate(r["changes"]):
            for k, cid in enumerate(change["clauses"]):
                if cid not in clauses:
                    out.append(raw.problem((i, "changes", j, "clauses", k), "a clause id from data/clauses.yaml", repr(cid)))
    return out


def _id(*parts: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(NAMESPACE, " ".join(parts)))


def _timestamp(version: str) -> str:
    return version + "T00:00:00+08:00"


def feed(records: list, lang: str, site_url: str, title: str, author: str, entry_title: str,
         clause_label) -> bytes:
    """The Atom feed of one language. ``clause_label(id)`` names a clause as printed in that language;
    ``entry_title`` has a ``{version}`` placeholder."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    page = site_url + PAGE
    sub(root, "id", _id("guantong changelog", lang))
    sub(root, "title", title)
    sub(root, "updated", _timestamp(records[0]["version"]))
    sub(sub(root, "author"), "name", author)
    sub(root, "link", rel="self", type="application/atom+xml", href=site_url + FEED_FILE)
    sub(root, "link", rel="alternate", type="text/html", href=page)
    for r in records:
        entry = sub(root, "entry")
        sub(entry, "id", _id("guantong changelog", lang, r["version"]))
        sub(entry, "title", entry_title.format(version=r["version"]))
        sub(entry, "updated", _timestamp(r["version"]))
        sub(entry, "link", rel="alternate", type="text/html", href=f"{page}#v{r['version']}")
        items = "".join(
            f"<li>{escape(c[lang])}"
            + (f" ({escape(', '.join(clause_label(cid) for cid in c['clauses']))})" if c["clauses"] else "")
            + "</li>" for c in r["changes"])
        sub(entry, "content", f"<ul>{items}</ul>", type="html")
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def site_feed(m, lang: str, site_url: str) -> bytes:
    """The feed of one language of the online site at ``site_url`` (ending in /), words from
    templates/strings/changelog.yaml, clauses by their printed labels."""
    from .templating import PageHelpers, load_strings  # rendering helpers; the checks above need none
    strings = load_strings()
    h = PageHelpers(lang, "changelog/index.md", strings, m)
    return feed(m.changelog, lang, site_url, title=strings["feed_title"][lang], author=strings["feed_author"][lang],
                entry_title=strings["changelog_version"][lang], clause_label=h.clause_label)
