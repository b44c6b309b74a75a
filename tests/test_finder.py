"""The occupation finder's generated data (generator/finder.py): complete, deterministic, and consistent
with the query table that tests/test_finder_browser.py runs in a real browser."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
import zhconv

from generator import finder
from generator.model import load_model
from generator.paths import LANGS

ROOT = Path(__file__).resolve().parent.parent
TABLE = yaml.safe_load((ROOT / "tests" / "cases" / "finder_queries.yaml").read_text(encoding="utf-8"))
KINDS = {"chinese", "partial", "alias", "traditional", "pinyin", "tones", "spaces", "initials", "english",
         "fullwidth", "typo", "covered", "trade", "everyday", "everyday-word", "programme", "open-row", "reading", "clause",
         "code", "not-listed"}
INDEX_JS = "assets/javascripts/finder-index.js"



def entry_tokens(model, slug):
    from generator.finder_entries import entries
    return finder.fields(model, next(e for e in entries(model) if e.get("occupation", {}).get("slug") == slug))


@pytest.fixture(scope="module")
def data(model):
    return {lang: finder.finder_data(model, lang) for lang in LANGS}


@pytest.fixture(scope="module")
def files(model):
    """The finder's files as the build writes them, per language (made once for this module)."""
    return {lang: finder.files(model, lang) for lang in LANGS}


def test_index_covers_every_occupation_in_both_languages(model, data):
    slugs = {o["slug"] for o in model.occupations}
    assert len(slugs) == 171
    for lang in LANGS:
        docs = data[lang]["docs"]
        assert [d["slug"] for d in docs if "slug" in d] == [o["slug"] for o in model.occupations_az]
        refs = {ref for ref, _ in data[lang]["index"]["fieldVectors"]}
        assert refs == {f"{field}/{n}" for field in finder.FIELDS for n in range(len(docs))}


def test_every_hit_names_its_committees(model, data):
    for lang in LANGS:
        committees = data[lang]["committees"]
        for doc in (d for d in data[lang]["docs"] if "slug" in d):
            o = model.occupation[doc["slug"]]
            expected = {c["id"] for row in o["rows"] for c in row["committee_objs"]}
            assert set(doc["committees"]) == expected and expected, doc["slug"]
            assert all(committees[c] for c in doc["committees"])


def test_finder_files_are_byte_identical_when_built_twice(files):
    again = load_model()
    for lang in LANGS:
        assert files[lang] == finder.files(again, lang)


def test_index_is_built_with_an_empty_pipeline(data):
    # lunr's trimmer and stemmer would destroy CJK tokens: every token is precomputed instead.
    assert data["zh"]["index"]["pipeline"] == []
    assert data["zh"]["index"]["version"] == "2.3.9"


def test_pinyin_suffixes_let_a_prefix_query_find_a_name_by_any_of_its_words(model):
    tokens = entry_tokens(model, "gongchengjixieweixiugong")
    assert "gongchengjixieweixiugong" in tokens["py"] and "weixiugong" in tokens["py"]
    assert "gcjxwxg" in tokens["ini"] and "wxg" in tokens["ini"]
    assert {"维修", "修工", "维"} <= set(tokens["zh"])


def test_aliases_are_indexed_as_chinese_pinyin_and_english(model):
    tokens = entry_tokens(model, "zengcaizhizaoshebeicaozuoyuan")
    assert {"3d", "d打", "打印"} <= set(tokens["zh"])
    assert "3d" in tokens["en"] and "print" in tokens["en"]
    assert "qixiugong" in entry_tokens(model, "qicheweixiugong")["py"]  # 汽修工
    assert "weld" in entry_tokens(model, "hangong")["en"]  # welding


def test_normalize_folds_full_width_tones_and_case():
    assert finder.normalize("ｗｅｌｄｅｒ") == "welder"
    assert finder.normalize("Hàn Gōng") == "han gong"
    assert finder.normalize("gāng qín tiáo lǜ shī") == "gang qin tiao lv shi"
    assert finder.normalize("３Ｄ打印") == "3d打印"


def test_traditional_map_turns_every_name_back_into_simplified(model, data):
    trad = data["zh"]["trad"]
    for o in model.occupations:
        for name in [o["zh"], *(o.get("aliases_zh") or [])]:
            for variant in ("zh-hant", "zh-tw", "zh-hk"):  # character by character: 机床 is 工具機 in zh-tw
                written = "".join(zhconv.convert(c, variant) for c in name)
                assert "".join(trad.get(c, c) for c in written) == name, (name, written)


def test_not_listed_text_cites_scope_notes_the_school_row_and_whom_to_ask(model, data):
    for lang in LANGS:
        nl = data[lang]["not_listed"]
        refs = {r["href"] for p in nl["points"] for r in p["refs"]}
        assert {"policy/index.md#clause-3-1-1", "policy/index.md#clause-note-1", "policy/index.md#clause-note-2",
                "policy/index.md#clause-3-5-1", "catalogue/index.md#row-internship-instructors"} <= refs
        assert any(p.get("link", {}).get("href") == "check/index.md" for p in nl["points"])
        assert "{query}" in data[lang]["labels"]["none"]
    assert "职称申报点" in " ".join(p["text"] for p in data["zh"]["not_listed"]["points"])


def test_lunr_js_is_copied_from_mkdocs_at_build_time_not_committed(files):
    lunr = files["zh"]["assets/javascripts/lunr.js"]
    assert lunr == finder.LUNR_JS.read_text(encoding="utf-8")
    assert 'lunr.version = "2.3.9"' in lunr
    assert not (ROOT / "overrides" / "assets" / "javascripts" / "lunr.js").exists()


def test_index_script_sets_one_global_and_the_language_script_adds_to_it(files):
    body = files["en"][INDEX_JS].split("globalThis.GuantongFinder = ", 1)[1].rstrip().removesuffix(";")
    assert set(json.loads(body)) >= {"index", "docs", "trad"}
    body = files["en"][finder.LANG_JS].split("Object.assign(globalThis.GuantongFinder, ", 1)[1].rstrip().removesuffix(");")
    assert set(json.loads(body)) >= {"labels", "committees", "clauses", "lang"}


def test_index_script_is_the_same_in_both_languages_so_the_offline_copy_keeps_one(files):
    assert files["zh"][INDEX_JS] == files["en"][INDEX_JS]
    assert files["zh"][finder.LANG_JS] != files["en"][finder.LANG_JS]


def test_query_table_has_60_rows_covering_every_kind_in_both_languages(model):
    assert len(TABLE) >= 60
    assert {row["kind"] for row in TABLE} == KINDS
    assert {row["lang"] for row in TABLE} == set(LANGS)
    for lang in LANGS:
        kinds = {row["kind"] for row in TABLE if row["lang"] == lang}
        assert {"english", "pinyin", "tones", "initials", "traditional", "typo", "fullwidth", "alias"} <= kinds
    for row in TABLE:
        assert row.get("none") or "clause" in row or "row" in row or row["first"] in model.occupation, row
        assert all(slug in model.occupation for slug in row.get("related", [])), row
    assert len({(row["query"], row["lang"]) for row in TABLE}) == len(TABLE)
