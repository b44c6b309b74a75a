"""English pages are English: Chinese only where marked lang="zh", and every level, series and committee
in the words of data/glossary.yaml and data/committees.yaml.

Every HTML page under site/en/ is parsed with the language of each element tracked; text and readable
attributes (title, alt, aria-label, placeholder) outside lang="zh…" must hold no CJK character
(scripts, styles, code and the search index are not read). ``WRONG`` lists, per glossary term, English that
people (and machine translation) commonly write instead; none may appear on an English page.
"""
from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from offline_support import fed

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIP = {"script", "style", "template", "code"}  # code: identifiers and JSON (check/engine/), not English prose
READABLE_ATTRS = ("title", "alt", "aria-label", "placeholder")

# glossary id → English that must not be used for it (matched case-insensitively, as whole words).
WRONG = {
    "senior-worker": ["advanced worker", "senior skilled worker", "senior-level worker", "high-level worker",
                      "senior grade worker", "advanced-level worker", "senior workman"],
    "technician": ["skilled technician level", "technician-level"],
    "senior-technician": ["advanced technician", "high-level technician", "senior-level technician",
                          "senior grade technician"],
    "junior": ["member level", "member-level", "staff-level title", "clerk level"],
    "assistant": ["assistant-level", "assistant grade", "assistant-grade"],
    "intermediate": ["middle-level title", "mid-level title", "medium-level title", "middle title"],
    "deputy-senior": ["vice-senior", "vice senior", "deputy senior", "sub-senior", "deputy-senior",
                      "deputy high", "associate high-level", "vice-high"],
    "full-senior": ["full-senior", "positive senior", "full high", "professor-level", "principal senior"],
    "senior-title": ["senior engineer title", "high-level title", "advanced title", "senior-level title",
                     "high title"],
    "initial-title": ["primary title", "elementary title", "junior-level title"],
    "professional-title": ["professional rank", "job title", "technical post title"],
    "title-review-committee": ["title evaluation committee", "title assessment committee", "title review board",
                               "title appraisal committee"],
    "review-committee": ["evaluation committee", "appraisal committee", "review board", "evaluation board"],
    "skill-evaluation": ["vocational skills evaluation", "occupational skill evaluation"],
    "highly-skilled-talent": ["high-skilled", "high skilled", "high-skill talent", "highly-skilled talents"],
    "favourable-principle": ["favorable principle", "principle of favourability", "most favorable principle",
                             "beneficial principle"],
    "worldskills": ["world skills competition", "world skill competition", "world vocational skills competition"],
    "china-skill-award": ["china skill award", "chinese skills award", "china skills prize"],
    "series-engineering": ["engineering technology series", "engineering technical series"],
    "series-arts-and-crafts": ["arts & crafts", "art and craft series", "industrial arts series"],
    "series-technical-school-teachers": ["technical school teacher series", "technical schools teachers",
                                         "technician college teachers"],
    "series-cultural-heritage": ["cultural relics and museology", "museums and cultural relics",
                                 "cultural heritage and museums"],
    "series-laboratory": ["experimental technology", "experiment technology", "lab technology"],
}


class LangText(HTMLParser):
    """Collects (language, text) pieces of a page, the language being the nearest lang attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = [("#root", "", False)]  # (tag, lang, skipped)
        self.pieces: list[tuple[str, str, str]] = []  # (lang, where, text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        _, lang, skipped = self.stack[-1]
        lang = a.get("lang") or a.get("xml:lang") or lang
        skipped = skipped or tag in SKIP or (tag == "meta")
        for attr in READABLE_ATTRS:
            if a.get(attr) and not skipped:
                self.pieces.append((lang, f"<{tag} {attr}>", a[attr]))
        if tag not in VOID:
            self.stack.append((tag, lang, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        tag, lang, skipped = self.stack[-1]
        if not skipped and data.strip():
            self.pieces.append((lang, f"<{tag}>", data))


def english_pages(site_dir: Path) -> list[Path]:
    pages = [p for p in sorted((site_dir / "en").rglob("*.html")) if "search" not in p.relative_to(site_dir / "en").parts]
    assert pages, "no English pages in site/en/"
    return pages


@functools.cache
def read(page: Path) -> LangText:
    """The page's (language, text) pieces; each page is parsed once per test process (several tests read it)."""
    return fed(LangText(), page)


def assert_none_on(pages: list[Path], site_dir: Path, check, what: str) -> None:
    """Fails listing ``page: problem`` for each problem ``check(page)`` finds on any of ``pages``."""
    problems = [f"{p.relative_to(site_dir)}: {x}" for p in pages for x in check(p)]
    assert not problems, f"{len(problems)} {what}:\n" + "\n".join(problems[:60])


def chinese_outside_zh(page: Path) -> list[str]:
    return [f"{where} {text.strip()[:80]!r}" for lang, where, text in read(page).pieces
            if not lang.lower().startswith("zh") and CJK.search(text)]


def english_text(page: Path) -> str:
    text = " ".join(t for lang, _, t in read(page).pieces if not lang.lower().startswith("zh"))
    return re.sub(r"\s+", " ", text)


def load(name: str):
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def wrong_terms_in(text: str) -> list[str]:
    low = text.lower()
    return [f"{bad!r} (glossary {term_id})" for term_id, variants in WRONG.items() for bad in variants
            if re.search(r"(?<![\w-])" + re.escape(bad) + r"(?![\w-])", low)]


def test_english_pages_have_chinese_only_inside_lang_zh(site_dir):
    assert_none_on(english_pages(site_dir), site_dir, chinese_outside_zh, "pieces of Chinese outside lang=zh")


def test_english_pages_use_the_glossary_terms_for_levels_series_and_committees(site_dir):
    assert_none_on(english_pages(site_dir), site_dir, lambda p: wrong_terms_in(english_text(p)), "wrong terms")


def test_every_wrong_variant_belongs_to_a_glossary_term_and_differs_from_it():
    glossary = {t["id"]: t["en"].lower() for t in load("glossary.yaml")}
    assert set(WRONG) <= set(glossary), f"not in data/glossary.yaml: {sorted(set(WRONG) - set(glossary))}"
    for term_id, variants in WRONG.items():
        for bad in variants:
            assert not re.search(r"(?<![\w-])" + re.escape(bad) + r"(?![\w-])", glossary[term_id]), (term_id, bad)
            assert bad not in glossary.values(), f"{bad!r} is itself a glossary term"


def test_the_checks_catch_unmarked_chinese_and_a_wrong_term(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<html lang="en"><title>Welder</title><p>Welder <span lang="zh">焊工</span></p>'
                    '<p title="焊工">A vice-senior title</p><script>var s = "焊工";</script></html>')
    assert chinese_outside_zh(page) == ["<p title> '焊工'"]
    assert wrong_terms_in(english_text(page)) == ["'vice-senior' (glossary deputy-senior)"]


COMMITTEES = [c for c in load("committees.yaml") if c.get("en")]


@pytest.mark.parametrize("committee", COMMITTEES, ids=[c["id"] for c in COMMITTEES])
def test_committee_page_names_the_committee_in_its_english_name_verbatim(site_dir, committee):
    page = site_dir / "en" / "committees" / committee["id"] / "index.html"
    assert page.is_file(), f"committees/{committee['id']}/ is not built"
    html = page.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    h1 = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))
    assert committee["en"] in h1, f"h1 is {h1!r}"
    assert committee["en"] in title.replace("&amp;", "&").replace("&#39;", "'"), f"title is {title!r}"


def test_every_english_page_naming_a_committee_in_chinese_gives_its_english_name(site_dir):
    problems = []
    for p in english_pages(site_dir):
        pieces = read(p).pieces
        zh = " ".join(t for lang, _, t in pieces if lang.lower().startswith("zh"))
        en = re.sub(r"\s+", " ", " ".join(t for lang, _, t in pieces if not lang.lower().startswith("zh")))
        for c in COMMITTEES:
            if c["zh"] in zh and c["en"] not in en:
                problems.append(f"{p.relative_to(site_dir)}: {c['zh']} without {c['en']!r}")
    assert not problems, "\n".join(problems[:50])
