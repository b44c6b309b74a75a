"""Everyday title names (data/title-names.yaml): each list with its national document, what an occupation's
pages give for a level, and where the site shows them without a browser (the about page's sources section and
the printed summary of an occupation page). The check's headline is tested in Node (test_check_view.py); bad
keys in the file are refused by the build (tests/bad_data_cases.py: unknown series, level, foreign category)."""
from __future__ import annotations

import html
import re

import pytest

from generator.templating import PageHelpers, load_strings


def helpers(model, lang):
    return PageHelpers(lang, "occupations/x.md", load_strings(), model)


def test_every_list_has_a_national_document(model):
    docs = model.title_names["documents"]
    for rec in model.title_names["names"]:
        d = docs[rec["document"]]
        assert re.fullmatch(r"人社部发〔20\d\d〕\d+号", d["number"]), d["number"]
        assert d["issuer"]["zh"].startswith("人力资源社会保障部") and d["where"]["zh"] and d["checked_against"]


@pytest.mark.parametrize("lang, slug, level, names", [
    ("zh", "hangong", "intermediate", "工程师"),
    ("en", "hangong", "full-senior", "full senior engineer"),
    ("zh", "hangong", "deputy-senior", "高级工程师"),
])
def test_an_engineering_occupation_gets_the_engineering_names(model, lang, slug, level, names):
    assert helpers(model, lang).title_names(model.occupation[slug], level) == names


def test_an_agriculture_occupation_gets_the_names_with_their_category(model):
    o = next(o for o in model.occupations if [r["series"] for r in o["rows"]] == ["agriculture"])
    assert helpers(model, "zh").title_names(o, "intermediate") == "农业技术人员：农艺师、畜牧师、兽医师"
    assert helpers(model, "en").title_names(o, "assistant").startswith("Agricultural technical personnel: assistant agronomist")


def test_an_occupation_of_a_series_without_verified_names_gets_none(model):
    o = next(o for o in model.occupations if [r["series"] for r in o["rows"]] == ["arts-and-crafts"])
    assert helpers(model, "zh").title_names(o, "intermediate") == ""
    assert helpers(model, "zh").title_names_sources(o) == []


def _text(path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_about_page_lists_every_name_and_its_document(site_dir, model, prefix):
    page = (site_dir / prefix / "about" / "index.html").read_text(encoding="utf-8")
    text = _text(site_dir / prefix / "about" / "index.html")
    for doc_id, d in model.title_names["documents"].items():
        assert f'id="title-names-{doc_id}"' in page and d["number"] in text and d["date"] in text
    for rec in model.title_names["names"]:
        for names in rec["levels"].values():
            assert all(n["zh"] in text and (not prefix or n["en"] in text) for n in names)
    unnamed = [c for c in model.categories if c["rows"] and c["id"] in ("rural-craftsmen", "arts-crafts-design")]
    assert all(c["zh" if not prefix else "en"] in text for c in unnamed), "the categories left without names are named"


@pytest.mark.parametrize("prefix, cell, source", [("", "中级（工程师）", "人社部发〔2019〕16号"),
                                                  ("en/", "intermediate (engineer)", "Ren She Bu Fa [2019] No. 16")])
def test_the_printed_summary_of_an_occupation_names_the_titles(site_dir, prefix, cell, source):
    page = (site_dir / prefix / "occupations" / "hangong" / "index.html").read_text(encoding="utf-8")
    summary = page[page.index("gt-print-summary"):]
    summary = html.unescape(re.sub(r"<[^>]+>", " ", summary[:summary.index("</div>")]))
    assert cell in summary and source in summary
