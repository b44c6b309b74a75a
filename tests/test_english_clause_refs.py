"""English pages cite clauses by their English labels (III(4)1, IV(5)), as data/clauses.yaml gives them.

A Chinese clause number ("三(四)1", "四、（五）") may follow its English label in brackets, marked
lang="zh", but never stands alone in English prose; an internal clause id (jiexi.1, annex.table) is never
shown as a label. Chinese text quoted whole (the original of a clause) may cite other clauses in Chinese.
"""
from __future__ import annotations

import re
from pathlib import Path

from test_translation import assert_none_on, english_pages, read

CLAUSE_NO = re.compile(r"^[一二三四五][、]?[（(][一二三四五六七八九十][）)][0-9]?\.?$")
INTERNAL_ID = re.compile(r"(?<![\w/#.-])(?:jiexi|jieyang|notice)\.[0-9]+(?![\w-])|(?<![\w/#.-])annex\.table(?![\w-])")


def _ascii_digits(zh_no: str) -> str:
    num = dict(zip("一二三四五六七八九十", range(1, 11), strict=True))
    roman = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
    m = re.match(r"([一二三四五])[、]?[（(]([一二三四五六七八九十])[）)]([0-9]?)", zh_no)
    return f"{roman[num[m.group(1)]]}({num[m.group(2)]}){m.group(3)}"


def lone_chinese_clause_numbers(page: Path) -> list[str]:
    pieces = read(page).pieces
    out = []
    for i, (lang, _where, text) in enumerate(pieces):
        t = text.strip()
        if lang.lower().startswith("zh") and CLAUSE_NO.match(t):
            before = pieces[i - 1][2].rstrip() if i else ""
            if not before.endswith(_ascii_digits(t) + " ("):
                out.append(f"{t!r} after {before[-40:]!r}")
    return out


def internal_ids_shown(page: Path) -> list[str]:
    return [m.group(0) for lang, _w, text in read(page).pieces
            if not lang.lower().startswith("zh") for m in INTERNAL_ID.finditer(text)]


def test_english_pages_cite_clauses_by_their_english_labels(site_dir):
    assert_none_on(english_pages(site_dir), site_dir, lone_chinese_clause_numbers,
                   "Chinese clause numbers standing alone on English pages")


def test_no_page_shows_an_internal_clause_id_as_a_label(site_dir):
    zh_pages = sorted(p for p in site_dir.rglob("*.html") if "en" not in p.relative_to(site_dir).parts[:1])
    assert_none_on(english_pages(site_dir) + zh_pages, site_dir, internal_ids_shown, "internal clause ids shown")


def test_the_check_catches_a_lone_chinese_number_and_an_internal_id(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<html lang="en"><p>See <span lang="zh">三(四)1</span> and III(5)1 (<span lang="zh">三、（五）1.</span>)'
                    '</p><p>jiexi.1 ¶</p></html>', encoding="utf-8")
    assert len(lone_chinese_clause_numbers(page)) == 1
    assert internal_ids_shown(page) == ["jiexi.1"]
