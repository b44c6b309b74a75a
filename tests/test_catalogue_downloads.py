"""The catalogue downloads hold every cell and note the source table prints.

The CSV (both languages) is re-read against data/source/*.txt through tests/source_table.py, which knows
nothing of data/: per printed row its number, series, category cell, occupation names with qualifiers, the
发电企业特有 scope, the agriculture row's 「其他纳入粤菜师傅…」, the technical-school row's description and the
committee names. The JSON keeps its machine keys and carries the same printed cells.
"""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from source_table import split_names, table_rows

from generator.downloads import CSV_COLUMNS, catalogue_csv, catalogue_document
from generator.templating import load_strings

SOURCE_ROWS = table_rows()


def read_csv(data: bytes) -> tuple[list[str], list[dict]]:
    assert data.startswith(b"\xef\xbb\xbf"), "no BOM: Excel would garble the Chinese"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    return rows[0], [dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_csv_re_read_gives_back_every_printed_cell_of_the_source_table(model, strings, lang):
    _, lines = read_csv(catalogue_csv(model, lang, strings))
    for n, src in enumerate(SOURCE_ROWS, start=1):
        mine = [ln for ln in lines if ln["row"] == str(n)]
        assert mine, f"row {n} missing"
        assert {ln["number_printed"] for ln in mine} == {src["number"] or ""}, n
        assert {ln["series_printed"] for ln in mine} == {src["series"] or ""}, n
        assert {ln["categories_zh"] for ln in mine} == {src["categories"]}, n
        assert {ln["committees_zh"] for ln in mine} == {src["committees"]}, n
        cell = src["occupations"]
        assert [ln["occupation_zh"] for ln in mine if ln["occupation_zh"]] == split_names(cell), n
        for ln in mine:
            if ln["qualifier_zh"]:
                assert f"{ln['occupation_zh']}（{ln['qualifier_zh']}）" in cell, n
        scope = re.search(r"等(发电企业特有)职业", cell)
        assert {ln["scope_zh"] for ln in mine} == {scope.group(1) if scope else ""}, n
        texts = [ln["row_text_zh"] for ln in mine if ln["row_text_zh"]]
        extension = cell.split("，", 1)[1] if "，其他" in cell else None
        expected = [extension] if extension else [cell] if cell.startswith("《") else []
        assert texts == expected, n


def test_the_csv_holds_the_agriculture_rows_other_programmes_and_the_power_scope(model, strings):
    _, lines = read_csv(catalogue_csv(model, "zh", strings))
    assert any("粤菜师傅、南粤家政、乡村工匠" in ln["row_text_zh"] for ln in lines)
    assert {ln["occupation_zh"] for ln in lines if ln["scope_zh"] == "发电企业特有"} >= {"锅炉设备检修工", "继电保护员"}


def test_csv_headings_are_in_the_files_language_and_clauses_are_printed_labels(model, strings):
    zh_head, zh_lines = read_csv(catalogue_csv(model, "zh", strings))
    en_head, en_lines = read_csv(catalogue_csv(model, "en", strings))
    assert "职业（工种）" in zh_head and "Occupation (trade)" in en_head
    assert not any(re.search(r"[\u4e00-\u9fff]", h) for h in en_head)
    assert not any(re.fullmatch(r"[a-z_]+", h) for h in zh_head + en_head), "a code name as heading"
    assert {ln["clause"] for ln in zh_lines} == {"附件目录"} and {ln["clause"] for ln in en_lines} == {"Attachment table"}
    assert len(zh_lines) == len(en_lines) == model.entry_count + 2  # + agriculture's 其他纳入…, the technical-school row


def test_a_note_about_particular_occupations_goes_only_on_their_lines(model, strings):
    _, lines = read_csv(catalogue_csv(model, "zh", strings))
    noted = {ln["occupation_zh"] for ln in lines if "轨道交通列车司机" in ln["notes_zh"]}
    assert noted == {"轨道交通司机", "轨道交通列车司机"}


def test_the_json_keeps_its_keys_and_carries_the_printed_cells(model, strings):
    doc = json.loads(json.dumps(catalogue_document(model, strings), ensure_ascii=False))
    assert set(doc) == {"source", "data_version", "series", "categories", "committees", "occupations", "rows"}
    row = doc["rows"][0]
    assert {"position", "id", "series", "categories", "committees", "occupations", "description", "clause"} <= set(row)
    power = next(r for r in doc["rows"] if r["id"] == "electric-power")
    assert power["scope_note"]["zh"] == "发电企业特有" and power["suffix_printed"] == "等发电企业特有职业(工种)"
    agri = next(r for r in doc["rows"] if r["id"] == "agricultural-technology")
    assert "粤菜师傅" in agri["extension"]["zh"]
    assert {"zh": "技能类", "en": "skill-type"} in [e["qualifier"] for e in agri["entries"]]
    assert next(c for c in doc["committees"] if c["id"] == "electric-power")["scope"]["zh"] == "发电企业特有"


def test_the_downloads_page_describes_every_column_and_the_catalogue_links_the_files(site_dir):
    for lang, prefix in (("zh", ""), ("en", "en/")):
        page = (site_dir / prefix / "downloads" / "index.html").read_text(encoding="utf-8")
        strings = load_strings()
        for c in CSV_COLUMNS:
            assert strings[f"csv_col_{c}"][lang].replace("'", "&#39;") in page, c
        catalogue = (site_dir / prefix / "catalogue" / "index.html").read_text(encoding="utf-8")
        assert 'href="../downloads/guantong-catalogue.csv"' in catalogue
        assert 'href="../downloads/guantong-catalogue.json"' in catalogue
