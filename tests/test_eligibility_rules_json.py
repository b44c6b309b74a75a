"""The rules document: what build_rules_document puts in it, what it refuses, and how dumps writes it."""
from __future__ import annotations

import json
import subprocess

import yaml
from eligibility_support import JS_ENGINE, ROOT, rules_document

from generator.eligibility.page_context import ENGINE_SCRIPTS
from generator.eligibility.rules_json import build_rules_document, dumps


def _data(name):
    return yaml.safe_load((ROOT / "data" / f"{name}.yaml").read_text(encoding="utf-8"))


def test_the_document_has_the_documented_top_level_shape():
    assert set(rules_document()) == {
        "format", "contract_version", "condition_tests", "policy", "levels", "pathway_groups", "pathways", "honour_groups", "honours", "principles",
        "education_equivalence", "education_levels", "exemptions", "reminders", "profile_fields", "limits",
        "messages", "occupations", "committees", "committee_guide", "readings", "title_names"}


def test_committees_point_to_the_everyday_title_names_of_their_rows():
    doc = rules_document()
    names = doc["title_names"]
    engineering = names[doc["committees"]["electromechanical"]["names"][0]]
    assert engineering["levels"]["intermediate"] == [{"zh": "工程师", "en": "engineer"}]
    assert engineering["document"]["number"] == "人社部发〔2019〕16号" and "categories" not in engineering
    agriculture = names[doc["committees"]["agricultural-technology"]["names"][0]]
    assert [c["zh"] for c in agriculture["categories"]] == ["农业技术人员"]  # not 乡村工匠: no verified source
    assert "names" not in doc["committees"]["arts-and-crafts"]


def test_committees_carry_their_scope_and_the_guide_its_clause_labels():
    doc = rules_document()
    assert doc["committees"]["electric-power"]["scope"]["zh"] == "发电企业特有"
    assert doc["committees"]["electromechanical"]["scope"] is None
    guide = {g["id"]: g for g in doc["committee_guide"]}
    assert set(guide) == {"what", "route", "lower-levels", "devolution", "choose"}
    assert {"id": "3.5.1", "zh": "三、（五）1.", "en": "III(5)1"} in guide["route"]["clause_labels"]
    assert "职称申报点" in guide["route"]["zh"] and "title application office" in guide["route"]["en"]


def test_dumps_is_deterministic_compact_sorted_and_keeps_chinese():
    doc = rules_document()
    text = dumps(doc)
    assert text == dumps(json.loads(text))
    assert text == json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)  # compact
    assert text.index('"committees"') < text.index('"education_equivalence"')
    assert "高级工" in text


def test_building_twice_gives_byte_identical_json():
    build = lambda: dumps(build_rules_document(_data("rules"), _data("glossary"), _data("catalogue"),  # noqa: E731
                                               _data("occupations"), _data("committees"),
                                               editions=_data("editions")))
    assert build() == build()


def test_levels_carry_the_glossary_words_lowest_first():
    levels = rules_document()["levels"]
    assert [(x["zh"], x["en"]) for x in levels["skill"]] == [
        (t["zh"], t["en"]) for t in _data("glossary") if t["kind"] == "skill-level"]
    assert levels["title"][0]["zh"] == "员级"


def test_a_pathway_lists_its_own_conditions_then_its_groups_common_ones():
    doc = rules_document()
    groups = {g["id"]: g for g in doc["pathway_groups"]}
    for raw, built in zip(_data("rules")["pathways"], doc["pathways"], strict=True):
        assert built["conditions"] == raw["conditions"] + groups[raw["group"]]["common"]
        assert built["kind"] == groups[raw["group"]]["kind"]


def test_every_occupation_has_its_committees():
    occupations = rules_document()["occupations"]
    assert set(occupations) == {o["slug"] for o in _data("occupations")}
    assert all(o["committees"] for o in occupations.values())
    assert occupations["mujugong"]["committees"] == ["electromechanical", "light-industry"]


def test_the_policy_window_comes_from_the_rules_edition():
    policy = rules_document()["policy"]
    edition = next(e for e in _data("editions") if e["id"] == _data("rules")["policy"]["edition"])
    assert (policy["effective_from"], policy["last_day"], policy["timezone"]) == (
        edition["valid_from"], edition["valid_to"], edition["timezone"])
    assert policy["edition"]["number"] == edition["number"] and policy["edition"]["id"] == edition["id"]


def test_the_scripts_define_guantong_in_a_page_loaded_in_order():
    files = [JS_ENGINE.parent / name for name in ENGINE_SCRIPTS]
    script = ("const vm = require('vm'); const fs = require('fs'); const ctx = {}; vm.createContext(ctx);"
              + "".join(f"vm.runInContext(fs.readFileSync({json.dumps(str(f))}, 'utf8'), ctx);" for f in files) +
              "process.stdout.write(typeof ctx.Guantong.evaluate + ' ' + typeof ctx.Guantong.validateProfile);")
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=60)
    assert done.stdout == "function function", done.stderr
