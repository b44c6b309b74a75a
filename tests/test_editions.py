"""Validity in one place: the edition record (data/editions.yaml) and everything that must agree with it.

Pure Python, no browser: the date arithmetic of generator/editions.py, the build's refusal of an edition
or a piece of prose that disagrees with the window, and a scan that no other file holds the window.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import editions
from generator.errors import DataError
from generator.model import load_model

ROOT = Path(__file__).resolve().parent.parent
EDITION = {"id": "x", "valid_from": "2022-04-15", "valid_to": "2027-04-14"}
LATER = {"id": "y", "valid_from": "2027-04-15", "valid_to": "2032-04-14", "supersedes": "x"}


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(data_dir: Path) -> str:
    with pytest.raises(DataError) as err:
        load_model(data_dir)
    return str(err.value)


def test_five_years_from_15_april_end_on_14_april():
    assert editions.last_day("2022-04-15", 5) == "2027-04-14"
    assert editions.last_day("2024-02-29", 1) == "2025-02-28"


def test_six_months_before_the_last_day_keeps_the_day_or_the_months_last():
    assert editions.months_before("2027-04-14", 6) == "2026-10-14"
    assert editions.months_before("2027-08-31", 6) == "2027-02-28"


def test_the_edition_in_force_is_picked_by_date_and_the_later_wins_from_its_first_day():
    both = [EDITION, LATER]
    assert editions.in_force_on(both, "2027-04-14") is EDITION
    assert editions.in_force_on(both, "2027-04-15") is LATER
    assert editions.in_force_on(both, "2021-01-01") is None
    assert editions.by_date(both, "2027-05-01") == [LATER, EDITION]
    assert editions.by_date(both, "2026-12-01") == [EDITION, LATER]
    assert editions.successor(both, EDITION) is LATER and editions.successor(both, LATER) is None


def test_after_the_last_edition_expires_it_is_still_the_one_presented():
    assert editions.current([EDITION], "2030-01-01") is EDITION


def test_the_model_presents_the_edition_in_force_on_its_data_version():
    m = load_model()
    assert m.current_edition["number"] == "粤人社规〔2022〕5号"
    assert (m.current_edition["valid_from"], m.current_edition["valid_to"]) == ("2022-04-15", "2027-04-14")
    assert m.current_edition["jurisdiction"]["zh"] == "广东省"


# An edition's facts stated otherwise somewhere: file, text, replacement, what the build's message names.
STATED_OTHERWISE = {
    "a-valid-to-that-is-not-the-day-before-the-anniversary": (
        "editions.yaml", 'valid_to: "2027-04-14"', 'valid_to: "2027-04-15"',
        ["editions.yaml", "valid_to", "2027-04-14", "2027-04-15"]),
    "prose-restating-another-last-day": (
        "rules.yaml", "至2027年4月14日）内", "至2027年4月15日）内", ["rules.yaml", "reminders", "2027-04-15"]),
    "a-decision-restating-another-window": (
        "decisions.yaml", "read as 15 April 2022 through 14 April 2027", "read as 15 April 2022 through 15 April 2027",
        ["decisions.yaml", "reading", "2027-04-15"]),
    "rules-naming-an-unknown-edition": ("rules.yaml", "edition: gd-2022-5", "edition: gd-2099-1", ["policy.edition"]),
    "an-edition-superseding-an-unknown-one": ("editions.yaml", "supersedes: null", "supersedes: gd-2017-1", ["supersedes"]),
}


@pytest.mark.parametrize(("file", "text", "replacement", "named"), STATED_OTHERWISE.values(), ids=STATED_OTHERWISE.keys())
def test_an_edition_fact_stated_otherwise_fails_the_build_naming_it(data_copy, file, text, replacement, named):
    _replace(data_copy / file, text, replacement)
    problems = _problems(data_copy)
    assert all(word in problems for word in named), problems


WINDOW = re.compile(r"2027-04-14|2027年4月14日|14 April 2027")


def test_no_other_data_file_template_or_script_holds_the_window():
    """The last day is data in data/editions.yaml only; prose that restates it (rules.yaml's reminder,
    decisions.yaml's reading) is checked against it by the build (the tests above)."""
    places = [p for p in (ROOT / "data").glob("*.yaml") if p.name not in ("editions.yaml", "rules.yaml", "decisions.yaml")]
    places += [p for p in (ROOT / "generator").rglob("*") if p.suffix in (".py", ".j2", ".yaml", ".js")]
    places += [p for p in (ROOT / "overrides").rglob("*") if p.suffix in (".html", ".js", ".css")]
    places += [ROOT / "README.md"]
    found = [str(p.relative_to(ROOT)) for p in places if WINDOW.search(p.read_text(encoding="utf-8"))]
    assert found == []
