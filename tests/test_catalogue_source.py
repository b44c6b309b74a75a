"""The catalogue in data/ re-read against the source text: every row, occupation, committee and field."""
from collections import Counter

import pytest
import yaml
from source_table import TEXT, clause_3_4_1_fields, split_names, table_rows

from generator.pinyin import pinyin_of

SOURCE_ROWS = table_rows()



def printed_cell(row) -> str:
    """Rebuild the printed occupations cell from the data of one row."""
    if row.get("description"):
        return row["description"]["zh"]
    out = ""
    for i, e in enumerate(row["entries"]):
        sep = "" if i == 0 else e.get("joined_by", "、")
        out += sep + e["name"] + (f"（{e['qualifier']}）" if e.get("qualifier") else "")
    out += row["suffix_printed"]
    if row.get("extension"):
        out += "，" + row["extension"]["zh"]
    return out


def test_source_table_has_27_rows_23_of_them_engineering():
    assert len(SOURCE_ROWS) == 27
    assert sum(1 for r in SOURCE_ROWS if r["page"] <= 3 or r["categories"] == "农业工程") == 23


def test_data_has_the_27_rows_in_printed_order(model):
    assert [r["categories_printed"] for r in model.rows] == [r["categories"] for r in SOURCE_ROWS]


def test_row_number_series_and_page_cells_match_the_source(model):
    for r, s in zip(model.rows, SOURCE_ROWS, strict=True):
        assert (r["number_printed"], r["series_printed"], r["table_page"]) == (s["number"], s["series"], s["page"])


def test_every_occupations_cell_is_rebuilt_exactly_from_data(model):
    for r, s in zip(model.rows, SOURCE_ROWS, strict=True):
        assert printed_cell(r) == s["occupations"], r["id"]


def test_every_committee_cell_matches_the_committees_named_in_data(model):
    for r, s in zip(model.rows, SOURCE_ROWS, strict=True):
        assert "，".join(c["zh"] for c in r["committee_objs"]) == s["committees"], r["id"]


def test_entry_counts_are_194_entries_171_distinct_21_in_several_rows(model):
    names = [n for s in SOURCE_ROWS for n in split_names(s["occupations"])]
    counts = Counter(names)
    assert (len(names), len(counts), sum(1 for v in counts.values() if v > 1)) == (194, 171, 21)
    assert model.entry_count == 194 and len(model.occupations) == 171
    assert sum(1 for o in model.occupations if len(o["rows"]) > 1) == 21


def test_every_printed_occupation_is_an_occupation_in_data_with_the_same_name(model):
    names = {n for s in SOURCE_ROWS for n in split_names(s["occupations"])}
    assert names == {o["zh"] for o in model.occupations}


@pytest.mark.parametrize("zh, categories", [
    ("锅炉设备检修工", ["机电", "电力", "铁路"]),
    ("工程测量员", ["交通", "测绘国土"]),
    ("模具工", ["机电", "轻工"]),
    ("钢琴调律师", ["工艺美术设计、工艺美术制作、工艺美术研究"]),
])
def test_an_occupation_lists_every_row_it_appears_in(model, zh, categories):
    assert [r["categories_printed"] for r in model.occupation_by_zh[zh]["rows"]] == categories


def test_row_categories_are_split_as_the_issue_counts_them(model):
    counts = {r["categories_printed"]: len(r["categories"]) for r in model.rows}
    assert counts["工艺美术设计、工艺美术制作、工艺美术研究"] == 3
    assert counts["体育教练员、运动防护师"] == 2
    assert counts["农业技术人员、乡村工匠"] == 2
    assert counts["民爆、爆破"] == 1


def test_printed_forms_without_yuan_keep_the_full_name_as_alias(model):
    for printed in ("网络与信息安全管理", "计算机网络管理"):
        assert printed + "员" in model.occupation_by_zh[printed].get("aliases_zh", [])


def test_row_notes_are_kept(model):
    row = {r["categories_printed"]: r for r in model.rows}
    assert row["电力"]["scope_note"]["zh"] == "发电企业特有"
    assert [e.get("qualifier") for e in row["体育教练员、运动防护师"]["entries"]][1] == "游泳、潜水、攀岩、滑雪、健身教练等项目"
    agri = row["农业技术人员、乡村工匠"]
    assert [e.get("qualifier") for e in agri["entries"]][3] == "技能类"
    for programme in ("粤菜师傅", "南粤家政", "乡村工匠"):
        assert programme in agri["extension"]["zh"]
    assert row["实习指导教师"]["entries"] == [] and row["实习指导教师"]["description"]["zh"].startswith("《")
    assert row["测控仪器"].get("lost_cells") is True


def test_every_committee_field_of_clause_3_4_1_is_recorded(model):
    series_fields, engineering_fields = clause_3_4_1_fields()
    recorded = {c["field_3_4_1"] for c in model.committees if c["field_3_4_1"]}
    assert set(series_fields) | set(engineering_fields) == recorded
    assert len(engineering_fields) == 23


@pytest.mark.parametrize("field, committee", [("测绘国土", "广东省工程系列自然资源专业高级职称评审委员会"),
                                              ("民爆", "广东省工程系列爆破工程专业高级职称评审委员会"),
                                              ("医疗器械", "广东省医药专业高级专业技术资格评审委员会")])
def test_fields_named_differently_in_3_4_1_map_to_the_attachment_committee(model, field, committee):
    assert [c["zh"] for c in model.committees if c["field_3_4_1"] == field] == [committee]


def test_fields_without_a_row_have_no_invented_committee_name(model):
    field_only = {c["field_3_4_1"]: c for c in model.committees if c["kind"] == "field-only"}
    assert set(field_only) == {"文物博物", "实验技术", "艺术"}
    assert all(c["zh"] is None and c["en"] is None for c in field_only.values())


def test_every_named_committee_is_printed_in_the_source(model):
    for c in model.committees:
        if c["zh"]:
            assert c["zh"] in TEXT


def test_stored_pinyin_is_what_the_generator_produces_with_reviewed_overrides(model):
    wrong = {o["zh"]: (o["pinyin"], pinyin_of(o["zh"], model.pinyin_overrides)) for o in model.occupations
             if o["pinyin"] != pinyin_of(o["zh"], model.pinyin_overrides)}
    assert wrong == {}
    assert model.occupation_by_zh["钢琴调律师"]["pinyin"] == "gāng qín tiáo lǜ shī"
    assert model.occupation_by_zh["铸轧工"]["pinyin"] == "zhù zhá gōng"


def test_series_names_as_printed_in_the_table_are_recorded(model):
    printed = {s["series"] for s in SOURCE_ROWS if s["series"]}
    assert printed == {p for s in model.series for p in s["printed"]}


def test_every_glossary_term_has_one_english_term():
    terms = yaml.safe_load(open("data/glossary.yaml", encoding="utf-8"))
    by_zh = Counter(t["zh"] for t in terms)
    assert [zh for zh, n in by_zh.items() if n > 1] == []
