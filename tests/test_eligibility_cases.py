"""Every case of tests/cases/eligibility.yaml through the Python engine AND the JavaScript engine.

All cases go to Node in one process; each case is then one test per engine, so a failure names the
case (its sentence) and the engine that got it wrong.
"""
from __future__ import annotations

import functools

import pytest
from eligibility_support import load_cases, mismatches, rules_document, run_js, run_py

from generator.eligibility.engine import today_in

CASES = load_cases()
IDS = [f"{i:02d}" for i in range(len(CASES))]


@functools.cache
def _results(engine: str) -> dict:
    by_today: dict = {}
    for i, case in enumerate(CASES):
        by_today.setdefault(case.get("today"), []).append(i)
    results = {}
    for today, indexes in by_today.items():
        run = run_py if engine == "python" else run_js
        for i, result in zip(indexes, run([CASES[i]["profile"] for i in indexes], today), strict=True):
            results[i] = result
    return results


def test_the_table_has_enough_cases_with_sentences_for_names():
    assert len(CASES) >= 60
    for case in CASES:
        assert set(case) <= {"name", "profile", "expected", "today"}, case["name"]
        assert case["name"].endswith("."), case["name"]
        assert "date" in (case["profile"] if isinstance(case["profile"], dict) else {}) or "today" in case or \
            "errors" in case["expected"], f"{case['name']}: give a date or a today so the case does not depend on the day"


def test_the_table_covers_every_pathway_met_and_unmet():
    py = _results("python")
    met = {(p["id"], p["met"]) for r in py.values() for p in r["pathways"]}
    for pathway in rules_document()["pathways"]:
        assert (pathway["id"], True) in met, f"no case meets {pathway['id']}"
        assert (pathway["id"], False) in met, f"no case misses {pathway['id']}"


def test_the_table_covers_every_honour_and_school_class():
    profiles = [c["profile"] for c in CASES if isinstance(c["profile"], dict)]
    used = {h for p in profiles for h in p.get("honours", []) if isinstance(p.get("honours"), list)}
    assert {h["id"] for h in rules_document()["honours"]} <= used
    classes = {p.get("technical_school_class") for p in profiles}
    assert {c["id"] for c in rules_document()["education_equivalence"]["classes"]} <= classes


@pytest.mark.parametrize("engine", ["python", "javascript"])
@pytest.mark.parametrize("index", range(len(CASES)), ids=IDS)
def test_case(index, engine):
    case = CASES[index]
    problems = mismatches(case["expected"], _results(engine)[index])
    assert not problems, f"{case['name']} ({engine}):\n  " + "\n  ".join(problems)


def test_both_engines_give_identical_results_for_every_case():
    py, js = _results("python"), _results("javascript")
    for i, case in enumerate(CASES):
        assert py[i] == js[i], case["name"]


def test_both_engines_default_the_date_to_today_in_shanghai():
    profile = {"title_level": "assistant", "cumulative_work_years": 4, "annual_assessments_passed": True}
    before = today_in(rules_document()["policy"]["timezone"])
    py, js = run_py([profile])[0], run_js([profile])[0]
    after = today_in(rules_document()["policy"]["timezone"])
    assert py["date"] in (before, after)
    assert js["date"] in (before, after)


def test_every_error_message_names_its_field_in_both_languages():
    for i, case in enumerate(CASES):
        for error in _results("python")[i]["errors"]:
            for lang in ("zh", "en"):
                assert error["field"] in error["message"][lang], (case["name"], error)


def test_the_pocket_files_rules_without_prose_give_the_same_result_for_every_case():
    from generator.pocket import pocket_rules
    by_today: dict = {}
    for i, case in enumerate(CASES):
        by_today.setdefault(case.get("today"), []).append(i)
    for today, indexes in by_today.items():
        lean = run_js([CASES[i]["profile"] for i in indexes], today, doc=pocket_rules(rules_document()))
        for i, result in zip(indexes, lean, strict=True):
            assert result == _results("javascript")[i], CASES[i]["name"]
