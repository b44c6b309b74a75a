"""A successor edition is added as data: the synthetic fixture of tests/fixtures/successor/ (never shipped)
is appended to a copy of data/ and the model builds with no code change.

What this proves today: the edition level (data/editions.yaml → documents → clauses) takes a successor with
its own text, a changed year count and namespaced clause ids; the build checks its window against its own
clauses; the edition in force is picked by date; the expired banner names the recorded successor; the
published pages and the rules of 粤人社规〔2022〕5号 are unchanged. Per-edition catalogues, committees,
rules and pages are not built yet (see /work/coord/status-issue13.md)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import banner, editions
from generator.eligibility.assets import rules_document
from generator.errors import DataError
from generator.model import load_model

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "successor"


@pytest.fixture(scope="module")
def with_successor(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("successor") / "data"
    shutil.copytree(ROOT / "data", data)
    for name in ("editions", "documents", "clauses"):
        target = data / f"{name}.yaml"
        target.write_text(target.read_text(encoding="utf-8").rstrip() + "\n\n"
                          + (FIXTURE / f"{name}.add.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return data


def test_the_successor_builds_as_data(with_successor):
    m = load_model(with_successor)
    old, new = (next(e for e in m.editions if e["id"] == i) for i in ("gd-2022-5", "gd-2027-1"))
    assert editions.successor(m.editions, old) is new and new["supersedes"] == "gd-2022-5"
    assert editions.in_force_on(m.editions, "2027-04-14") is old
    assert editions.in_force_on(m.editions, "2027-04-15") is new
    assert [e["id"] for e in editions.by_date(m.editions, "2027-05-01")] == ["gd-2027-1", "gd-2022-5"]
    assert m.current_edition is old  # the data version (2026-12-01) falls in the first edition


def test_its_own_text_states_its_window(with_successor):
    m = load_model(with_successor)
    text = m.clause["s2027.notice.1"]["zh"]
    assert "2027年4月15日" in text and "有效期3年" in text
    assert text in (FIXTURE / "source.txt").read_text(encoding="utf-8")


def test_a_successor_whose_text_disagrees_fails_the_build(with_successor, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(with_successor, data)
    path = data / "editions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("validity_years: 3", "validity_years: 4"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_model(data)
    assert "editions.yaml" in str(err.value) and "valid_to" in str(err.value)


def test_the_expired_banner_names_the_recorded_successor(with_successor):
    m = load_model(with_successor)
    ctx = banner.context(m, ["zh", "en"])
    zh, en = ctx["variants"]
    assert "后续文件 示例人社规〔2027〕1号 自 2027-04-15 起施行" in zh["expired"]
    assert "its successor 示例人社规〔2027〕1号 is in force from 2027-04-15" in en["expired"]
    assert "尚未收录" not in zh["expired"]


def test_the_rules_still_name_their_own_edition(with_successor):
    doc = rules_document(load_model(with_successor))
    assert doc["policy"]["edition"]["id"] == "gd-2022-5" and doc["policy"]["last_day"] == "2027-04-14"
