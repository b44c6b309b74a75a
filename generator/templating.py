"""What templates work with: the page-chrome strings, where each kind of page lives, the helper
functions a template calls (``h.t``, ``h.name``, ``h.zh``, ``h.link`` …) and the line-aware Jinja2
environment. ``pages`` decides which pages exist; this module decides how one is written.
"""
from __future__ import annotations

import posixpath
import re

import jinja2
from markupsafe import Markup, escape

from . import title_names
from .model import Model
from .paths import TEMPLATES
from .strings import load_strings  # noqa: F401 (templates' helpers and older imports)


def occupation_path(o: dict) -> str:
    return f"occupations/{o['slug']}.md"


def committee_path(c: dict) -> str:
    return f"committees/{c['id']}.md"


def series_path(s: dict) -> str:
    return f"series/{s['id']}.md"


_CJK = "\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CHINESE_RUN = re.compile(f"[{_CJK}](?:[{_CJK}0-9]|\\([{_CJK}0-9]+\\))*")


def mark_chinese(text: str) -> Markup:
    """Escape ``text`` and wrap each run of Chinese in ``<span lang="zh">`` (for English pages)."""
    out, pos = Markup(""), 0
    for match in _CHINESE_RUN.finditer(text):
        out += escape(text[pos:match.start()]) + Markup('<span lang="zh">') + escape(match.group()) + Markup("</span>")
        pos = match.end()
    return out + escape(text[pos:])


class PageHelpers:
    """Functions templates call; bound to one page in one language."""

    def __init__(self, lang: str, path: str, strings: dict, model: Model, pages: frozenset = frozenset()):
        self.lang, self.path, self.strings, self.model, self.pages = lang, path, strings, model, pages

    @property
    def sep(self) -> str:
        """The list separator of the page's language."""
        return "、" if self.lang == "zh" else "; "

    def has_page(self, path: str) -> bool:
        """Whether the site has this page (lets a page link to a part of the site only once it exists)."""
        return path in self.pages

    def t(self, key: str, **kw) -> str:
        try:
            text = self.strings[key][self.lang]
        except KeyError:
            raise KeyError(f"templates/strings/*.yaml has no {self.lang!r} text for {key!r}") from None
        return text.format(**kw) if kw else text

    def tr(self, obj, key: str = "") -> Markup:
        """The text of a {zh, en} mapping (or obj[key + '_en'] style pair) in the page's language.
        On English pages, Chinese quoted inside the English (三(四)1, a printed name) is marked lang="zh"."""
        if key:
            text = obj[key] if self.lang == "zh" else obj.get(key + "_en") or obj[key]
        else:
            text = obj[self.lang]
        return escape(text) if self.lang == "zh" else mark_chinese(text)

    def name(self, obj) -> Markup:
        """An entity's name: Chinese on zh pages; English on en pages."""
        return escape(obj["zh"] if self.lang == "zh" else obj["en"])

    def zh(self, text) -> Markup:
        """Chinese text; on English pages wrapped so screen readers and tests know its language."""
        if text is None:
            return Markup("")
        if self.lang == "zh":
            return escape(text)
        return Markup('<span lang="zh">') + escape(text) + Markup("</span>")

    def link(self, target: str) -> str:
        """A relative Markdown link target from this page to another generated page."""
        here = posixpath.dirname(self.path)
        return posixpath.relpath(target, here or ".")

    def occ(self, o: dict) -> str:
        return self.link(occupation_path(o))

    def com(self, c: dict) -> str:
        return self.link(committee_path(c))

    def ser(self, s: dict) -> str:
        return self.link(series_path(s))

    def clause_link(self, clause_id: str) -> str:
        return self.link(self.model.clause_page.get(clause_id, "policy/index.md")) + "#clause-" + clause_id.replace(".", "-")

    def clause_label(self, clause_id: str) -> str:
        """The clause's printed numbering; for an unnumbered paragraph, its document and place."""
        c = self.model.clause[clause_id]
        if isinstance(c.get("label"), dict):
            return c["label"][self.lang]
        doc, _, n = clause_id.partition(".")
        base = self.t("clause_unnumbered_" + doc)
        if n.isdigit() and sum(1 for k in self.model.clause if k.startswith(doc + ".")) > 1:
            return self.t("clause_paragraph", doc=base, n=n)  # one of several unnumbered paragraphs
        return base

    def level(self, level_id: str) -> str:
        """A skill or title level in the glossary's words."""
        return self.model.term[level_id][self.lang]

    def title_names(self, o: dict, level: str) -> str:
        """The everyday names of a title level for an occupation (data/title-names.yaml), '' when none."""
        return title_names.names_text(title_names.for_occupation(self.model, o), level, self.lang,
                                      self.t("check_v_names_sep"), self.t("check_v_names_for"),
                                      self.t("check_v_list_sep"))

    def title_names_sources(self, o: dict) -> list[dict]:
        """The national documents of an occupation's title names, once each."""
        return list({s["document"]["id"]: s["document"] for s in title_names.for_occupation(self.model, o)}.values())

    def unnamed_categories(self) -> list[dict]:
        return title_names.unnamed_categories(self.model)

    def pathway_summary(self, pathway: dict) -> str:
        """A pathway's conditions in a few words, from the rules data."""
        parts = []
        for c in pathway["conditions"]:
            kw = {}
            if "level" in c:
                kw["level"] = self.level(c["level"])
            if "years" in c:
                kw["years"] = c["years"]
            if "group" in c:
                kw["group"] = self.t("honour_group_" + c["group"])
            key = "cond_" + c["test"]
            if kw.get("years") == 1 and key + "_one" in self.strings:  # "1 year", not "1 years"
                key += "_one"
            parts.append(self.t(key, **kw))
        return ("，" if self.lang == "zh" else ", ").join(parts)

    def cell(self, text) -> Markup:
        """Text safe inside a Markdown table cell."""
        return Markup(str(escape(text)).replace("|", "&#124;").replace("\n", " "))


_TAG = re.compile(r"{%.*?%}")


class _LineLoader(jinja2.FileSystemLoader):
    """Markdown is line-based: a line holding only a ``{% tag %}`` vanishes (trim_blocks), while a
    line of content that merely ends in a tag keeps its newline (the tag gets Jinja's ``+%}``)."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        lines = []
        for line in source.split("\n"):
            if line.rstrip().endswith("%}") and _TAG.sub("", line).strip() and not line.rstrip().endswith("+%}"):
                line = line.rstrip()[:-2].rstrip("-") + "+%}"
            lines.append(line)
        return "\n".join(lines), filename, uptodate


def make_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=_LineLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env
