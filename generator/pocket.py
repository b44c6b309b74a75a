"""The pocket edition: ONE self-contained HTML file (inline CSS, scripts and data; no other file, no
request) with the occupation finder, the catalogue, the committees and the eligibility check in both
languages, for a phone or a chat app's file viewer.

Everything comes from what the site itself uses, nothing is copied by hand:

- the catalogue, committees and notes: the model, rendered by ``templates/pocket/pocket.html.j2`` (both
  languages in the page; a CSS-only language toggle, so the reference part reads even with scripts off);
- the finder: ``generator/finder.py``'s generated script (its data and lunr.js) and
  ``overrides/assets/javascripts/finder.js``, which pocket.js runs once per language. To stay small, the
  file carries the finder's index as its token lists (``finder.fields``) and lunr.js (minified) builds the
  same index in the browser (tests/test_offline.py checks it is byte-for-byte the index finder.py writes);
- the check: ``overrides/assets/javascripts/eligibility.js`` and the rules document
  (``eligibility.assets.rules_document``, as the check page's rules-data.js); the form is drawn from the
  document's profile fields, the result from its messages.

Labels are in ``templates/strings/pocket.yaml`` (and the site's other strings files).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import rcssmin
import rjsmin
from markupsafe import Markup

from . import finder
from .banner import banner_html
from .eligibility.assets import rules_document
from .eligibility.page_context import ENGINE_SCRIPTS, VIEW_SCRIPTS, clause_ids
from .footer import footer
from .model import Model
from .paths import LANGS, OVERRIDES, TEMPLATES
from .templating import PageHelpers, load_strings

HERE = TEMPLATES / "pocket"
SCRIPTS = OVERRIDES / "assets" / "javascripts"
STYLES = OVERRIDES / "assets" / "stylesheets"
BUDGET = 500 * 1024  # bytes: a file a chat app still forwards and a phone opens quickly


def finder_parts(m: Model) -> dict:
    """The finder's data for both languages (``finder.finder_data``, what finder-index.js carries), its
    shared part once and the index as tokens."""
    per_lang = {lang: json.loads(json.dumps(finder.finder_data(m, lang))) for lang in LANGS}  # ours to trim
    lunr_js = finder.LUNR_JS.read_text(encoding="utf-8")
    for d in per_lang.values():  # to stay in budget the pocket's clause hits show the number only, not the heading
        d["clauses"] = {cid: {k: v for k, v in c.items() if k != "text"} for cid, c in d["clauses"].items()}
    shared_keys = [k for k in per_lang["zh"] if k != "index" and per_lang["zh"][k] == per_lang["en"][k]]
    return {
        "shared": {k: per_lang["zh"][k] for k in shared_keys},
        "lang": {lang: {k: v for k, v in d.items() if k not in shared_keys and k != "index"}
                 for lang, d in per_lang.items()},
        "fields": list(finder.FIELDS),
        "tokens": finder.tokens(m),
        "lunr_js": lunr_js,
    }


def minified_lunr(js: str) -> str:
    """lunr.js minified (rjsmin: comments and needless whitespace go, the code is unchanged), its licence
    comment (the first) kept. rjsmin does not know template literals: lunr 2.3 (ES5) has none."""
    code = rjsmin.jsmin(js)
    if "`" in code:
        raise ValueError("lunr.js has a template literal, which rjsmin would change")
    licence = js[:js.index("*/") + 2] if js.lstrip().startswith("/*") else ""
    return licence + "\n" + code + "\n"


def _minified(path: Path) -> str:
    """A script without comments and needless whitespace (rjsmin: conservative, the code is unchanged)."""
    return rjsmin.jsmin(path.read_text(encoding="utf-8")) + "\n"


def _scripts(names) -> str:
    """The site's scripts of these names, minified (one file, inlined: every byte counts)."""
    return "".join(_minified(SCRIPTS / name) for name in names)


def _lean_css(css: str) -> str:
    """A style sheet minified (rcssmin: comments and needless whitespace go, the rules are unchanged)."""
    return rcssmin.cssmin(css)


def _dedent_markup(html: str) -> str:
    """The page without the indentation of its markup (scripts and style sheets keep theirs): a newline
    already separates the tags, so nothing shown changes; the file has no <pre> or <textarea>."""
    parts = re.split(r"(<(script|style)\b.*?</\2>)", html, flags=re.S)
    out = []
    for i, part in enumerate(parts):
        if i % 3 == 0:
            out.append(re.sub(r"\n[ \t]+", "\n", part))
        elif i % 3 == 1:
            out.append(part)
    return "".join(out)


def _inline(text: str, what: str) -> Markup:
    """Text that goes inside a <script> or <style> element as is."""
    if re.search(r"</(script|style)", text, re.I):
        raise ValueError(f"{what} contains a closing </script> or </style> and cannot be inlined")
    return Markup(text)


def _json(data) -> Markup:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# What the pocket's scripts never read of the rules document: the clauses' wording and the groups' prose
# (the reference part of the file is drawn from the model at build time), the committees' 三(四)1 field names
# and empty scopes (no script reads ``field``; an absent scope reads as none), and the decision records' own
# titles and clauses (the view names a reading by its alternative's title only), and the messages no script
# shows (the kinds' names; the exemptions' labels, which the site's pages print). tests/test_eligibility_cases.py
# checks that the engines give the same result for every case with this projection as with the document.
PROSE_SECTIONS = ("pathway_groups", "honour_groups", "principles")
PROSE_KEYS = ("text", "decisions", "paraphrase")


def pocket_rules(doc: dict) -> dict:
    """The rules document without its prose: every rule, label, message and reminder the engines and the
    view read, in less space (the file has a size budget)."""
    out = {k: v for k, v in doc.items() if k not in PROSE_SECTIONS}
    for key in ("pathways", "exemptions"):
        out[key] = [{k: v for k, v in x.items() if k not in PROSE_KEYS} for x in doc[key]]
    out["education_equivalence"] = {k: v for k, v in doc["education_equivalence"].items() if k not in PROSE_KEYS}
    policy = doc["policy"]  # what the engine and the view read of it (the rest restates the edition)
    out["policy"] = {"edition": {k: policy["edition"][k] for k in ("id", "number", "number_en", "valid_to")},
                     **{k: policy[k] for k in ("effective_from", "last_day", "timezone")}, "clauses": policy["clauses"][:1]}
    out["committee_guide"] = [{k: v for k, v in g.items() if k != "clause_labels"} for g in doc["committee_guide"]]
    out["committees"] = {cid: {k: v for k, v in c.items() if k != "field" and v is not None}
                         for cid, c in doc["committees"].items()}
    out["readings"] = {d: {"readings": r["readings"]} for d, r in doc["readings"].items()}  # the view reads these titles
    exemption_labels = {x["result_field"] for x in doc["exemptions"]}  # shown by the site's pages, not by a script
    out["messages"] = {k: v for k, v in doc["messages"].items() if k != "kinds"}
    out["messages"]["result"] = {k: v for k, v in doc["messages"]["result"].items() if k not in exemption_labels}
    if "other_editions" in doc:
        out["other_editions"] = [pocket_rules(d) for d in doc["other_editions"]]
    return out


def page_data(m: Model, strings: dict, rules: dict, finder: dict) -> dict:
    """The JSON the pocket's scripts read: rules, finder parts, names, and the labels drawn by script."""
    helpers = {lang: PageHelpers(lang, "index.md", strings, m) for lang in LANGS}
    return {
        "rules": pocket_rules(rules),
        "labels": {k[len("pocket_js_"):]: v for k, v in strings.items() if k.startswith("pocket_js_")},
        # the check's view (check-view.js) in each language: its words, every clause's label; no links but
        # the committee cards of this file (the policy text and the readings are on the site)
        "view": {lang: {"s": {k[len("check_v_"):]: v[lang] for k, v in strings.items() if k.startswith("check_v_")},
                        "clauses": {cid: helpers[lang].clause_label(cid) for cid in clause_ids(pocket_rules(rules))},
                        "committees": {c["id"]: c["display"][lang] for c in m.committees
                                       if not (rules["committees"].get(c["id"]) or {}).get(lang)},
                        "links": {"clause": None, "reading": None, "committee": ["#committee-", ""]}}
                 for lang in LANGS},
        "finder": {k: finder[k] for k in ("shared", "lang", "fields", "tokens")},
        # names and committees are in rules["occupations"]; here what the occupation card adds
        "occupations": {o["slug"]: {"pinyin": o["pinyin"], "rows": [r["id"] for r in o["rows"]]}
                        for o in m.occupations if o["rows"]},
    }


def render(m: Model) -> str:
    strings = load_strings()
    finder = finder_parts(m)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE)), undefined=jinja2.StrictUndefined,
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    css = "\n".join(_lean_css(p.read_text(encoding="utf-8")) for p in
                    (HERE / "pocket.css", STYLES / "finder.css"))
    scripts = {
        "lunr": _inline(minified_lunr(finder["lunr_js"]), "lunr.js"),
        "finder": _inline(_scripts(["finder.js"]), "finder.js"),
        "finder_search": _inline(_scripts(["finder-search.js"]), "finder-search.js"),
        "eligibility": _inline(_scripts(ENGINE_SCRIPTS), "eligibility.js"),
        "view": _inline(_scripts(VIEW_SCRIPTS), "the check's view"),
        "pocket": _inline(_scripts(["dom.js"]) + _minified(HERE / "pocket.js"), "pocket.js"),
    }
    rules = rules_document(m)
    return _dedent_markup(env.get_template("pocket.html.j2").render(
        model=m, strings=strings, rules=rules, css=_inline(css, "pocket.css"), scripts=scripts,
        data=_json(page_data(m, strings, rules, finder)), langs=LANGS, banner=Markup(banner_html(m, None)),
        footers={lang: footer(m, lang) for lang in LANGS},
        say=lambda key, lang, **values: strings[key][lang].format(**values)))


def write_pocket(m: Model, path: Path) -> Path:
    html = render(m)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8", newline="\n")
    return path
