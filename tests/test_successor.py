"""A successor edition is added as data: the synthetic fixture of tests/fixtures/successor/ (never shipped)
is added to a copy of data/ (tests/successor_fixture.py) and the model and pages build from it with no code
or template change (decision D13-5).

It proves: the edition level (its own text with namespaced clause ids, a changed year count in its rules, a
renamed committee, an added and a dropped occupation); the model's per-edition tables, presented-first first;
the pages — every published path still produced, the dropped occupation's page "listed only in
粤人社规〔2022〕5号", a committee's name per edition, the successor's text at /policy/gd-2027-1/; the build's
errors for a successor folder that is wrong; the expired banner naming the successor; and the check — both
engines pick the rules in force on the profile's date (the changed year count) and the answer names the
edition it applied."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from eligibility_support import run_js
from successor_fixture import EDITION, FIXTURE, data_with_successor

from generator import banner, editions, finder
from generator.eligibility.assets import rules_document
from generator.eligibility.engine import evaluate
from generator.eligibility.page_context import widget_data
from generator.errors import DataError
from generator.model import load_model
from generator.pages import page_specs, render_all
from generator.strings import load_strings
from generator.templating import PageHelpers

ROOT = Path(__file__).resolve().parent.parent
OLD = "粤人社规〔2022〕5号"
NEW = "示例人社规〔2027〕1号"
DROPPED, ADDED, RENAMED = "guidaojiaotongsiji", "hechengshilizhiye", "electromechanical"


@pytest.fixture(scope="module")
def with_successor(tmp_path_factory) -> Path:
    return data_with_successor(tmp_path_factory.mktemp("successor") / "data")


@pytest.fixture(scope="module")
def two_editions(with_successor):
    """The model of the data copy with the successor (not conftest's shipped ``model``)."""
    return load_model(with_successor)


@pytest.fixture(scope="module")
def docs(two_editions, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("successor-docs")
    render_all(two_editions, out)
    return out


def _later(data: Path, day: str) -> Path:
    """The data copy with its data version moved to ``day`` (and a changelog record for it)."""
    meta = data / "meta.yaml"
    meta.write_text(re.sub(r'data_version: "[0-9-]+"', f'data_version: "{day}"', meta.read_text(encoding="utf-8")),
                    encoding="utf-8")
    log = data / "changelog.yaml"
    text = log.read_text(encoding="utf-8")
    first = text.index("\n- ") + 1
    record = (f'- version: "{day}"\n  changes:\n  - zh: 合成后续文件生效。\n    en: The synthetic successor is in force.\n'
              f'    clauses: [s2027.notice.1]\n    files: [editions.yaml]\n')
    log.write_text(text[:first] + record + text[first:], encoding="utf-8")
    return data


# --- the edition level -------------------------------------------------------------------------------

def test_the_successor_builds_as_data(two_editions):
    old, new = (next(e for e in two_editions.editions if e["id"] == i) for i in ("gd-2022-5", EDITION))
    assert editions.successor(two_editions.editions, old) is new and new["supersedes"] == "gd-2022-5"
    assert editions.in_force_on(two_editions.editions, "2027-04-14") is old
    assert editions.in_force_on(two_editions.editions, "2027-04-15") is new
    assert [e["id"] for e in editions.by_date(two_editions.editions, "2027-05-01")] == [EDITION, "gd-2022-5"]
    assert two_editions.current_edition is old  # the data version (2026-12-01) falls in the first edition


def test_its_own_text_states_its_window(two_editions):
    text = two_editions.clause["s2027.notice.1"]["zh"]
    assert "2027年4月15日" in text and "有效期3年" in text
    source = (FIXTURE / "source.txt").read_text(encoding="utf-8")
    assert all(two_editions.clause[c]["zh"] in source for c in ("s2027.notice.1", "s2027.3.2.2"))


def _build_error(source: Path, tmp_path: Path, name: str, old: str, new: str | None) -> str:
    """The build's error for a copy of ``source`` with ``old`` replaced by ``new`` in the file ``name``
    (the file removed when ``new`` is None)."""
    data = tmp_path / "data"
    shutil.copytree(source, data)
    path = data / name
    if new is None:
        path.unlink()
    else:
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_model(data)
    return str(err.value)


def test_a_successor_whose_text_disagrees_fails_the_build(with_successor, tmp_path):
    error = _build_error(with_successor, tmp_path, "editions.yaml", "validity_years: 3", "validity_years: 4")
    assert "editions.yaml" in error and "valid_to" in error


def test_the_expired_banner_names_the_recorded_successor(two_editions):
    ctx = banner.context(two_editions, ["zh", "en"])
    zh, en = ctx["variants"]
    assert f"后续文件 {NEW} 自 2027-04-15 起施行" in zh["expired"]
    assert f"its successor {NEW} is in force from 2027-04-15" in en["expired"]
    assert "尚未收录" not in zh["expired"]


# --- tables per edition ------------------------------------------------------------------------------

def test_each_edition_has_its_own_catalogue_committees_and_rules(two_editions):
    old, new = (v["model"] for v in two_editions.views)
    assert [v["edition"]["id"] for v in two_editions.views] == ["gd-2022-5", EDITION] and old is two_editions
    assert old.occupation[DROPPED]["rows"] and not new.occupation[DROPPED]["rows"]
    assert not old.occupation[ADDED]["rows"] and new.occupation[ADDED]["rows"]
    assert old.committee[RENAMED]["zh"] == "广东省工程系列机电专业高级职称评审委员会"
    assert new.committee[RENAMED]["zh"].startswith("广东省工程系列机电与智能制造专业")

    def years(m):
        return next(p for p in m.rules["pathways"] if p["id"] == "technician-to-intermediate")["conditions"][0]["years"]
    assert (years(old), years(new)) == (3, 2)
    assert old.rules["policy"]["edition"] == "gd-2022-5" and new.rules["policy"]["edition"] == EDITION


def test_a_thing_lists_the_editions_that_list_it_presented_first_first(two_editions):
    assert [x["edition"]["id"] for x in two_editions.occupation[DROPPED]["editions"]] == ["gd-2022-5"]
    assert [x["edition"]["id"] for x in two_editions.occupation[ADDED]["editions"]] == [EDITION]
    assert [x["edition"]["id"] for x in two_editions.occupation["hangong"]["editions"]] == ["gd-2022-5", EDITION]
    assert [x["committee"]["display"]["en"].endswith("(synthetic test name)") for x in two_editions.committee[RENAMED]["editions"]] == [
        False, True]


def test_once_the_successor_is_in_force_it_is_presented_first(with_successor, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(with_successor, data)
    m = load_model(_later(data, "2027-05-01"))
    assert m.current_edition["id"] == EDITION and m.rules["policy"]["edition"] == EDITION
    assert [v["edition"]["id"] for v in m.views] == [EDITION, "gd-2022-5"]
    assert not m.occupation[DROPPED]["rows"] and m.occupation[ADDED]["rows"]
    assert m.committee[RENAMED]["zh"].startswith("广东省工程系列机电与智能制造专业")


def test_a_successor_folder_without_its_rules_fails_the_build(with_successor, tmp_path):
    error = _build_error(with_successor, tmp_path, f"editions/{EDITION}/rules.yaml", "", None)
    assert f"data/editions/{EDITION}/rules.yaml" in error and "no such file" in error


def test_a_successor_table_naming_an_unknown_occupation_fails_with_its_file_and_line(with_successor, tmp_path):
    text = (with_successor / "editions" / EDITION / "catalogue.yaml").read_text(encoding="utf-8")
    line = text[:text.index("- 合成示例职业")].count("\n") + 1
    error = _build_error(with_successor, tmp_path, f"editions/{EDITION}/catalogue.yaml", "- 合成示例职业", "- 不存在的职业")
    assert f"editions/{EDITION}/catalogue.yaml:{line}" in error and "不存在的职业" in error


def test_a_successor_committee_record_problem_names_the_successor_file(with_successor, tmp_path):
    error = _build_error(with_successor, tmp_path, f"editions/{EDITION}/committees.yaml", "series: engineering",
                         "series: nonsense")
    assert f"editions/{EDITION}/committees.yaml" in error and "nonsense" in error


# --- pages -------------------------------------------------------------------------------------------

def _page(url: str) -> str:
    """The docs/ path of a published URL: / → zh/index.md, /en/x/y/ → en/x/y.md or en/x/y/index.md."""
    lang, rest = ("en", url[4:]) if url.startswith("/en/") else ("zh", url[1:])
    return f"{lang}/{rest}index.md" if rest in ("",) or rest.count("/") == 1 and not rest.startswith(
        ("occupations/", "committees/", "series/")) else f"{lang}/{rest.rstrip('/')}.md"


def test_every_published_path_is_still_produced(docs):
    published = [p for p in (ROOT / "tests" / "published_paths.txt").read_text(encoding="utf-8").splitlines()
                 if p.startswith("/")]
    missing = [p for p in published if not (docs / _page(p)).exists() and not (docs / _page(p).replace(".md", "/index.md")).exists()]
    assert published and missing == []


def test_the_dropped_occupation_keeps_its_page_listed_only_in_its_edition(docs):
    zh = (docs / "zh" / "occupations" / f"{DROPPED}.md").read_text(encoding="utf-8")
    en = (docs / "en" / "occupations" / f"{DROPPED}.md").read_text(encoding="utf-8")
    assert f"仅列于 {OLD}。" in zh and "Listed only in Yue Ren She Gui [2022] No. 5." in en
    assert "依据 粤人社规〔2022〕5号（2022-04-15 至 2027-04-14）" in zh and NEW not in zh
    assert "(committees/electromechanical.md)" in zh.replace("../", "")


def test_the_added_occupation_has_a_page_with_its_edition_facts(docs):
    zh = (docs / "zh" / "occupations" / f"{ADDED}.md").read_text(encoding="utf-8")
    assert f"仅列于 {NEW}。" in zh and "#row-electromechanical-gd-2027-1" in zh
    assert "广东省工程系列机电与智能制造专业高级职称评审委员会（合成测试名称）" in zh


def test_a_page_shows_each_editions_facts_the_one_presented_first_first(docs):
    zh = (docs / "zh" / "occupations" / "hangong.md").read_text(encoding="utf-8")
    heads = re.findall(r'class="gt-edition-head" id="edition-([a-z0-9-]+)"', zh)
    assert heads == ["gd-2022-5", "gd-2027-1"]
    assert zh.index("{: #committee }") < zh.index("{: #committee-gd-2027-1 }")


def test_the_renamed_committee_keeps_its_page_with_a_name_per_edition(docs):
    en = (docs / "en" / "committees" / f"{RENAMED}.md").read_text(encoding="utf-8")
    assert "| Name under Yue Ren She Gui [2022] No. 5 | Guangdong Engineering Series Electromechanical Senior" in en
    assert ("| Name under Example Ren She Gui [2027] No. 1 (synthetic) | Guangdong Engineering Series "
            "Electromechanical and Smart Manufacturing") in en
    zh = (docs / "zh" / "committees" / f"{RENAMED}.md").read_text(encoding="utf-8")
    assert zh.count("](../occupations/hechengshilizhiye.md)") == 1  # only under the successor


def test_the_successors_text_lives_at_its_own_policy_page_with_namespaced_clause_ids(docs, two_editions):
    page = (docs / "zh" / "policy" / EDITION / "index.md").read_text(encoding="utf-8")
    assert 'id="clause-s2027-3-2-2"' in page and "满2年" in page and NEW in page
    first = (docs / "zh" / "policy" / "index.md").read_text(encoding="utf-8")
    assert "s2027" not in first and 'id="clause-3-2-2"' in first
    assert two_editions.clause_page["s2027.3.2.2"] == f"policy/{EDITION}/index.md"


def test_the_successor_is_only_data(two_editions):
    """Nothing in the generator, templates or site scripts names the synthetic successor."""
    code = [p for d in ("generator", "overrides") for p in (ROOT / d).rglob("*") if p.suffix in (".py", ".j2", ".js", ".yaml", ".html")]
    assert code and not [p for p in code if re.search(r"gd-2027|s2027|示例人社规|合成", p.read_text(encoding="utf-8"))]
    assert not (ROOT / "data" / "editions").exists()


def test_the_shipped_site_shows_one_edition_without_edition_heads():
    shipped = load_model()
    assert len(shipped.views) == 1
    paths = {"occupations/hangong.md", f"committees/{RENAMED}.md", "series/engineering.md", "policy/index.md"}
    assert paths <= {s.path for s in page_specs(shipped)}
    assert not [s for s in page_specs(shipped) if s.path.startswith("policy/") and s.path != "policy/index.md"]


# --- the check: the rules in force on the profile's date ------------------------------------------------

TECHNICIAN = {"skill_level": "technician", "years_since_skill_level": 2, "annual_assessments_passed": True}
DAYS = ("2022-04-15", "2027-04-14", "2027-04-15", "2030-04-15", "2021-01-01")


@pytest.fixture(scope="module")
def rules(two_editions) -> dict:
    return rules_document(two_editions)


def test_the_rules_document_carries_the_other_edition_only_when_there_is_one(rules):
    assert rules["policy"]["edition"]["id"] == "gd-2022-5"
    assert [d["policy"]["edition"]["id"] for d in rules["other_editions"]] == [EDITION]
    assert rules["other_editions"][0]["policy"]["last_day"] == "2030-04-14"
    assert "other_editions" not in rules_document(load_model())


def test_both_engines_pick_the_rules_in_force_on_the_profiles_date(rules):
    profiles = [{**TECHNICIAN, "date": day} for day in DAYS]
    py = [json.loads(json.dumps(evaluate(rules, p, "2026-12-01"))) for p in profiles]
    js = run_js(profiles, today="2026-12-01", doc=rules)
    assert py == js
    assert [r["edition"] for r in py] == ["gd-2022-5", "gd-2022-5", EDITION, EDITION, "gd-2022-5"]
    # 技师 → 中级 after 3 years under the 2022 rules, after 2 under the successor's
    assert [r["title"]["highest"] for r in py] == ["assistant", "assistant", "intermediate", "intermediate", "assistant"]
    assert [r["policy_in_force"] for r in py] == [True, True, True, False, False]
    met = {r["edition"]: next(p for p in r["pathways"] if p["id"] == "technician-to-intermediate") for r in py}
    assert met[EDITION]["clause"] == "s2027.3.2.2" and met["gd-2022-5"]["clause"] == "3.2.2"


def test_without_a_date_the_check_applies_the_rules_in_force_today(rules):
    for today, edition in (("2026-12-01", "gd-2022-5"), ("2027-06-01", EDITION)):
        assert evaluate(rules, TECHNICIAN, today)["edition"] == edition
        assert run_js([TECHNICIAN], today=today, doc=rules)[0]["edition"] == edition


def test_the_answer_names_the_edition_it_applied_and_links_its_text(rules, two_editions):
    strings = load_strings()
    labels = {lang: {**widget_data(rules, PageHelpers(lang, "check/index.md", strings, two_editions)),
                     "links": {"clause": "../policy/#clause-", "reading": "../about/#reading-",
                               "committee": ["../committees/", "/"]}} for lang in ("zh", "en")}
    runs = [{"profile": {**TECHNICIAN, "date": "2027-05-01"}, "lang": lang, "today": "2026-12-01"} for lang in ("zh", "en")]
    done = subprocess.run([shutil.which("node"), str(ROOT / "tests" / "js" / "run_view.js")], capture_output=True, text=True,
                          input=json.dumps({"rules": rules, "labels": labels, "runs": runs}, ensure_ascii=False), timeout=120)
    assert done.returncode == 0, done.stderr
    zh, en = (json.dumps(out["tree"], ensure_ascii=False) for out in json.loads(done.stdout))
    assert f"依据{NEW}（有效期至 2030-04-14）" in zh and OLD not in zh
    assert "../policy/gd-2027-1/#clause-s2027-3-2-2" in zh
    assert f"Under {NEW}, valid until 2030-04-14" in en


# --- the finder: the edition presented first, and the other offered ---------------------------------------

def test_the_finder_offers_an_occupation_of_the_other_edition_saying_which_lists_it(two_editions):
    docs = {d.get("slug"): d for d in finder.documents(two_editions)}
    assert docs[ADDED]["only"] == {"zh": NEW, "en": "Example Ren She Gui [2027] No. 1 (synthetic)"}
    assert docs[ADDED]["committees"] == [RENAMED]  # from the edition that lists it
    assert docs[DROPPED]["only"]["zh"] == OLD and "only" not in docs["hangong"]
    shipped = finder.documents(load_model())
    assert not [d for d in shipped if "only" in d]


def test_the_finder_search_finds_the_other_editions_occupation(two_editions, tmp_path):
    scripts = []
    for name, text in sorted(finder.files(two_editions, "zh").items()):
        path = tmp_path / Path(name).name
        path.write_text(text, encoding="utf-8")
        scripts.append(path)
    lunr = next(p for p in scripts if p.name == "lunr.js")
    data = [str(p) for p in scripts if p is not lunr]
    done = subprocess.run([shutil.which("node"), str(ROOT / "tests" / "js" / "run_finder.js"), str(lunr), *data],
                          input=json.dumps(["合成示例职业", "hechengshili"]), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [out["items"][0].get("slug") for out in json.loads(done.stdout)] == [ADDED, ADDED]
