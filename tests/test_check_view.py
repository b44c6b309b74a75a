"""The check's pure layers in Node, without a browser: the form layer (numbers as typed, the address), the
view tree (check-view.js) that the site page and the pocket file both draw, and which fields are asked.

Each test runs profiles or addresses through check-form.js → eligibility.js → check-view.js in one Node
process and asserts on the tree's text: what a person would read, in both languages.
"""
from __future__ import annotations

import functools
import json
import shutil
import subprocess

import pytest
import yaml
from eligibility_support import ROOT, rules_document

from generator import not_listed
from generator.eligibility.page_context import clause_ids
from generator.model import load_model

RUNNER = ROOT / "tests" / "js" / "run_view.js"
STRINGS = yaml.safe_load((ROOT / "generator" / "templates" / "strings" / "check.yaml").read_text(encoding="utf-8"))
WELDER = "occupation=hangong&skill_level=technician&years_since_skill_level=4&date=2026-12-01"


@functools.cache
def labels() -> dict:
    """What check.js gives the view, built from the same data (clause labels from data/clauses.yaml)."""
    clauses = {c["id"]: c for c in yaml.safe_load((ROOT / "data" / "clauses.yaml").read_text(encoding="utf-8"))}
    model = load_model()
    out = {}
    for lang in ("zh", "en"):
        site = yaml.safe_load((ROOT / "generator" / "templates" / "strings" / "site.yaml").read_text(encoding="utf-8"))
        out[lang] = {"s": {**{k[len("check_v_"):]: v[lang] for k, v in STRINGS.items() if k.startswith("check_v_")},
                           "field_committee": site["field_only_committee"][lang]},
                     "clauses": {c: (clauses[c].get("label") or {}).get(lang, c) for c in clause_ids(rules_document())},
                     "links": {"clause": "../policy/#clause-", "reading": "../about/#reading-",
                               "names": "../about/#title-names-",
                               "committee": ["../committees/", "/"]},
                     "not_listed": not_listed.view(model, lang)}
    return out


def run(*runs) -> list:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH")
    payload = json.dumps({"rules": rules_document(), "labels": labels(), "runs": list(runs)}, ensure_ascii=False)
    done = subprocess.run([node, str(RUNNER)], input=payload, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def nodes(tree):
    """The tree's nodes, in reading order."""
    yield tree
    for child in tree.get("children", []):
        yield from nodes(child)


def texts(tree) -> list[str]:
    """Every text of the tree, in reading order."""
    return [n["text"] for n in nodes(tree) if n.get("text")]


def links(tree) -> list[str]:
    return [n["href"] for n in nodes(tree) if n.get("href")]


def first(tree, kind):
    return next((n for n in nodes(tree) if n["kind"] == kind), None)


@pytest.mark.parametrize("typed, value", [("4", 4), ("4年", 4), ("4 年", 4), ("４", 4), ("4.5", 4.5), (" 2.5 ", 2.5)])
def test_numbers_are_read_as_typed_and_the_address_stores_the_number(typed, value):
    out = run({"query": "skill_level=technician&years_since_skill_level=" + typed, "lang": "zh", "today": "2026-12-01"})[0]
    assert out["profile"]["years_since_skill_level"] == value
    assert f"years_since_skill_level={value:g}" in out["query"]


@pytest.mark.parametrize("typed", ["三年", "4..5", "4.5.1", "-1", "4 years", "1e3"])
def test_anything_else_gets_a_message_naming_the_field(typed):
    for lang, word in (("zh", "取得现职业技能等级后从事相应工作的年限"), ("en", "years of work in the field")):
        out = run({"query": "skill_level=technician&years_since_skill_level=" + typed, "lang": lang, "today": "2026-12-01"})[0]
        assert out["tree"]["kind"] == "errors"
        assert any(word in t for t in texts(out["tree"])), texts(out["tree"])


def test_the_welder_is_not_asked_for_cumulative_years():
    out = run({"query": WELDER, "lang": "zh"})[0]
    assert out["visible"].get("years_since_skill_level") and out["visible"].get("annual_assessments_passed")
    assert "cumulative_work_years" not in out["visible"]
    assert "frontline_skill_work" not in out["visible"]


def test_the_welder_with_the_assessments_unanswered_gets_a_conditional_answer_not_a_no():
    tree = run({"query": WELDER, "lang": "zh"})[0]["tree"]
    headline = first(tree, "headline")
    assert headline["text"] == "如在现工作岗位上近3年年度考核合格，可申报评审中级职称（工程师）"
    assert "暂无可申报的职称路径" not in texts(tree)
    assert "../policy/#clause-3-2-2" in links(headline)


@pytest.mark.parametrize("lang, words", [("zh", ["中级", "广东省工程系列机电专业高级职称评审委员会", "用人单位初审"]),
                                         ("en", ["intermediate", "Electromechanical", "employer"])])
def test_the_welder_gets_level_clause_committee_and_next_step_in_order(lang, words):
    tree = run({"query": WELDER + "&annual_assessments_passed=1", "lang": lang})[0]["tree"]
    answer = texts(tree)
    at = [next((i for i, t in enumerate(answer) if w in t), None) for w in words]
    assert None not in at and at == sorted(at), (words, at, answer[:12])
    assert "../committees/electromechanical/" in links(tree)
    assert any("不将论文作为限制性条件" in t or "papers are not a restrictive condition" in t for t in answer), "二(二) concessions"


def test_a_committee_with_a_scope_says_it_wherever_it_is_named():
    doc = rules_document()
    slug = next(s for s, o in doc["occupations"].items() if any(doc["committees"][c].get("scope") for c in o["committees"]))
    tree = run({"query": f"occupation={slug}&skill_level=technician&years_since_skill_level=4&annual_assessments_passed=1"
                         "&date=2026-12-01", "lang": "zh"})[0]["tree"]
    scopes = [doc["committees"][c]["scope"]["zh"] for c in doc["occupations"][slug]["committees"] if doc["committees"][c].get("scope")]
    assert all(any(s in t for t in texts(tree)) for s in scopes)


def test_an_intermediate_title_held_half_a_year_shows_both_readings():
    tree = run({"query": "title_level=intermediate&years_since_title_level=0.5&cumulative_work_years=10"
                         "&annual_assessments_passed=1&date=2026-12-01", "lang": "zh"})[0]["tree"]
    reading = first(tree, "reading")
    assert reading, texts(tree)
    words = texts(reading)
    assert words[0] == "取决于对" and "三、（三）1." in words and "可申报技师职业技能评价" in " ".join(words)
    assert any("另一种理解（三(三)1 的累计工作年限从取得该职称起计算）：暂无可申报的职业技能评价路径" in w for w in words), words
    assert "../about/#reading-cumulative-years-whole-career" in links(reading)


def test_a_first_group_honour_brings_the_green_channel_only_as_a_conditional_reminder():
    tree = run({"query": "skill_level=technician&years_since_skill_level=5&annual_assessments_passed=1"
                         "&honours=national-technical-expert&date=2026-12-01", "lang": "zh"})[0]["tree"]
    words = texts(tree)
    assert first(tree, "headline")["text"] == "可申报评审正高级职称"
    lead = first(tree, "lead")
    assert lead and lead["text"].startswith("如属于")
    plain = run({"query": "skill_level=senior-technician&years_since_skill_level=5&annual_assessments_passed=1"
                          "&frontline_skill_work=1&date=2026-12-01", "lang": "zh"})[0]["tree"]
    assert first(plain, "lead") is None and not any("绿色通道" in w for w in texts(plain))
    assert words


def test_with_no_occupation_the_answer_shows_the_finders_not_listed_text():
    text = labels()["zh"]["not_listed"]
    tree = run({"query": "skill_level=senior-worker&years_since_skill_level=3&annual_assessments_passed=1&date=2026-12-01",
                "lang": "zh"})[0]["tree"]
    box = first(tree, "not-listed")
    assert box and texts(box)[0] == text["title"]
    assert [p["text"] + " " for p in text["points"]] == [t for t in texts(box) if t.endswith(" ")]
    assert "policy/index.md#clause-3-1-1" in links(box)
    with_occupation = run({"query": "occupation=hangong&skill_level=senior-worker&years_since_skill_level=3"
                                    "&annual_assessments_passed=1&date=2026-12-01", "lang": "zh"})[0]["tree"]
    assert first(with_occupation, "not-listed") is None


@pytest.mark.parametrize("lang, headline, source", [
    ("zh", "可申报评审中级职称（工程师）", "人社部发〔2019〕16号"),
    ("en", "May apply for evaluation for a title at intermediate level (engineer)", "Ren She Bu Fa [2019] No. 16")])
def test_the_headline_names_the_title_as_people_call_it_with_its_source(lang, headline, source):
    tree = run({"query": WELDER + "&annual_assessments_passed=1", "lang": lang})[0]["tree"]
    assert first(tree, "headline")["text"] == headline
    cite = first(tree, "names-source")
    assert cite and source in texts(cite) and "../about/#title-names-engineering-2019" in links(cite)


@pytest.mark.parametrize("committee, headline, source", [
    ("agricultural-technology", "可申报评审中级职称（农业技术人员：农艺师、畜牧师、兽医师）", "人社部发〔2019〕114号"),  # some categories: says which
    ("arts-and-crafts", "可申报评审中级职称", None)])  # no verified names: the level only
def test_the_names_follow_the_occupations_series_and_category(committee, headline, source):
    slug = next(s for s, o in rules_document()["occupations"].items() if o["committees"] == [committee])
    tree = run({"query": f"occupation={slug}&skill_level=technician&years_since_skill_level=4&annual_assessments_passed=1"
                         "&date=2026-12-01", "lang": "zh"})[0]["tree"]
    assert first(tree, "headline")["text"] == headline
    cite = first(tree, "names-source")
    assert (source in texts(cite)) if source else cite is None


def test_only_a_title_puts_the_skill_direction_first():
    tree = run({"query": "title_level=assistant&cumulative_work_years=3&annual_assessments_passed=1&date=2026-12-01",
                "lang": "en"})[0]["tree"]
    assert "senior worker" in first(tree, "headline")["text"]


def test_years_not_yet_complete_say_when_they_will_be():
    tree = run({"query": "skill_level=technician&skill_level_date=2024-03-01&annual_assessments_passed=1&date=2026-12-01",
                "lang": "zh"})[0]["tree"]
    assert any("将于 2027-03-01 满3年" in t for t in texts(tree)), texts(tree)


def test_errors_name_fields_by_their_labels_and_levels_by_their_names():
    out = run({"query": "skill_level=technician&years_by_skill_level.senior-technician=3&date=2026-12-01", "lang": "zh"})[0]
    words = texts(out["tree"])
    assert any("高级技师" in w and "years_by_skill_level" not in w for w in words), words


def test_the_view_keeps_text_as_text():
    payload = "<img src=x onerror=alert(1)>"
    out = run({"query": "occupation=" + payload, "lang": "en"})[0]
    assert out["tree"]["kind"] == "errors"
    assert all(not h.startswith("javascript:") for h in links(out["tree"]))
