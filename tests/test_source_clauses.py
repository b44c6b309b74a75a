"""data/clauses.yaml and data/documents.yaml re-read against the source text in data/source/*.txt.

The source is normalised only by rejoining the sentences a page break split (``normalize``); after that
every line is either document metadata recorded in documents.yaml (number, title, addressees, signature,
dates, 公开方式, the transcriber's seal note, 附件 lines), a row of the attachment's table, or policy
text that exactly one clause reproduces (its printed number, e.g. "三、" or "(二) ", goes to the label).
Needs nothing outside the repository: PyYAML, the files in data/ (and jsonschema for the schema check).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE_TEXT = next((DATA / "source").glob("*.txt")).read_text(encoding="utf-8")

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# A printed paragraph number: 一、 / (一)  / （一） / 1.  / 1. / - 注：1.
NUMBER = re.compile(r"^(?:- 注：)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）] ?|\d+\. ?)")
DOCUMENT_IDS = ("jiexi-notice", "jieyang-notice", "guangdong-notice", "plan", "annex")


# ---------------------------------------------------------------------------------------------------
# helpers


def _breaks_mid_sentence(line: str) -> bool:
    """A line a page break cut in the middle of a sentence: running prose (it has a comma, 、 or （)
    that ends on a character rather than punctuation. Headers, titles (《…》), labels with ：, and table
    rows (tabs) are never joined."""
    return (
        bool(line) and CJK.fullmatch(line[-1]) is not None
        and any(ch in line for ch in "，、（")
        and not any(ch in line for ch in "：《\t")
    )


def normalize(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text with page-break splits rejoined, and the joins made as (end of first part, start of second)."""
    lines = text.split("\n")
    out: list[str] = []
    joins: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        while (_breaks_mid_sentence(line) and i + 1 < j < len(lines)
               and CJK.fullmatch(lines[j][:1] or "x") is not None):
            joins.append((line[-4:], lines[j][:4]))
            line += lines[j]
            i = j
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
        out.append(line)
        i += 1
    return "\n".join(out), joins


def units_of(text: str) -> list[str]:
    """The non-blank lines of a text, stripped: the paragraphs of the normalised source."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def split_number(unit: str) -> tuple[str, str]:
    m = NUMBER.match(unit)
    return (m.group(0), unit[m.end():]) if m else ("", unit)


def number_key(printed: str) -> str:
    """A printed number in the form labels use: full-width brackets, no spaces, no '- ' or '：'."""
    return printed.replace("- ", "").replace("：", "").replace(" ", "").replace("(", "（").replace(")", "）")


def paragraphs(clause: dict) -> list[str]:
    return clause["zh"].split("\n\n")


def chinese_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def _load(name: str):
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))


NORMALIZED, JOINS = normalize(SOURCE_TEXT)
UNITS = units_of(NORMALIZED)
CLAUSES: list[dict] = _load("clauses")
DOCUMENTS: list[dict] = _load("documents")
DOCS = {d["id"]: d for d in DOCUMENTS}
BY_ID = {c["id"]: c for c in CLAUSES}


def metadata_units(documents: list[dict]) -> dict[str, list[str]]:
    """Every source line that is document metadata, mapped to what it is, in source order
    (a line printed twice, like the title the two forwarding notices share, has two entries)."""
    docs = {d["id"]: d for d in documents}
    meta: dict[str, list[str]] = {}

    def add(line: str, what: str) -> None:
        meta.setdefault(line, []).append(what)

    for d in documents:
        if d.get("part_of") is None:
            add(d["issuer"]["zh"] + "文件", f"{d['id']} header")
            add(d["number"], f"{d['id']} number")
            add(d["addressees"]["zh"] + "：", f"{d['id']} addressees")
            add(d["issuer"]["zh"], f"{d['id']} signature")
            add(chinese_date(d["dates"]["issued"]), f"{d['id']} date")
            if d.get("printed_by"):
                add(d["printed_by"]["zh"], f"{d['id']} printer")
                add(chinese_date(d["dates"]["printed"]) + "印发", f"{d['id']} printing date")
            if d.get("disclosure"):
                add("公开方式：" + d["disclosure"]["zh"], f"{d['id']} disclosure")
            for note in d.get("transcription_notes", []):
                add(note["text"], f"{d['id']} transcription note")
        if d["id"] != "annex":  # the annex's printed title is its heading clause
            add("title:" + d["title"]["zh"], f"{d['id']} title")
    if "annex" in docs:
        add("附件", "annex label")
        add("附件：" + docs["annex"]["title"]["zh"], "plan's attachment line")
    return meta


def classify(units: list[str], documents: list[dict]) -> list[str | None]:
    """For each unit: what metadata it is ('table' for a table row), or None for policy text.
    Titles are compared without the stray spaces the print puts in them."""
    meta = metadata_units(documents)
    out = []
    for u in units:
        if "\t" in u:
            out.append("table")
            continue
        key = u if u in meta else "title:" + u.replace(" ", "")
        queue = meta.get(key, [])
        out.append(queue.pop(0) if queue else None)
    return out


def coverage(units: list[str], kinds: list[str | None], clauses: list[dict]) -> dict[int, list[str]]:
    """For each policy unit (by index): the ids of the clauses that reproduce it, by text or by heading."""
    found: dict[int, list[str]] = {}
    for i, (u, kind) in enumerate(zip(units, kinds, strict=True)):
        if kind is not None:
            continue
        rest = split_number(u)[1]
        ids = []
        for c in clauses:
            if c["kind"] == "table":
                continue
            heading = (c.get("heading") or {}).get("zh")
            if rest in paragraphs(c) or (heading is not None and rest in (heading, heading + "。")):
                ids.append(c["id"])
        found[i] = ids
    return found


KINDS = classify(UNITS, DOCUMENTS)
COVERAGE = coverage(UNITS, KINDS, CLAUSES)


def units_of_clause(clause_id: str) -> list[int]:
    return [i for i, ids in COVERAGE.items() if clause_id in ids]


def position(clause: dict) -> int:
    """Where a clause sits in the source: its first line (the table: its first row)."""
    if clause["kind"] == "table":
        return next(i for i, k in enumerate(KINDS) if k == "table")
    return min(units_of_clause(clause["id"]))


def regions() -> dict[str, tuple[int, int]]:
    """The range of source lines of each document (the notice without its plan and annex)."""
    start = {d["id"]: UNITS.index(d["issuer"]["zh"] + "文件") for d in DOCUMENTS if d.get("part_of") is None}
    plan_title = next(i for i, k in enumerate(KINDS) if k == "plan title")
    annex_start = UNITS.index("附件")
    ordered = sorted(start.items(), key=lambda kv: kv[1])
    out = {}
    for n, (doc_id, s) in enumerate(ordered):
        out[doc_id] = (s, ordered[n + 1][1] if n + 1 < len(ordered) else len(UNITS))
    g0, g1 = out["guangdong-notice"]
    out["guangdong-notice"] = (g0, plan_title)
    out["plan"] = (plan_title, annex_start)
    out["annex"] = (annex_start, g1)
    return out


# ---------------------------------------------------------------------------------------------------
# the normalisation itself


def test_page_breaks_are_rejoined_at_exactly_the_six_split_sentences():
    assert JOINS == [
        ("明确目标", "任务，加"),  # jieyang 二、
        ("能标准和", "行业企业"),  # 二（三）
        ("现岗位相", "对应职业"),  # 三（一）2.
        ("工职业资", "格或职业"),  # 三（三）2.
        ("等级认定", "的，由经"),  # 三（四）2.
        ("师）班毕", "业，分别"),  # 四（四）
    ]


def test_normalize_joins_only_across_blank_lines_and_drops_no_character():
    assert re.sub(r"\s", "", NORMALIZED) == re.sub(r"\s", "", SOURCE_TEXT)
    assert NORMALIZED.count("\n") == SOURCE_TEXT.count("\n") - 2 * len(JOINS)


def test_normalize_leaves_headers_titles_headings_and_table_rows_alone():
    text = "揭西县人力资源和社会保障局文件\n\n揭西人社〔2022〕42号\n\n一、总体要求\n\n（一）进一步扩大贯通领域。\n\n" \
           "附件：相关职称系列专业类别对应技能类职业（工种）指导目录\n\n附件\n\n1\t工程\t机电，轻工（甲）\n\n序号"
    assert normalize(text) == (text, [])


# ---------------------------------------------------------------------------------------------------
# clauses against the source


def test_clause_ids_are_unique():
    ids = [c["id"] for c in CLAUSES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_clause_ids_are_strings_even_where_they_look_like_numbers():
    assert all(isinstance(c["id"], str) for c in CLAUSES)
    assert all(isinstance(c.get("parent", ""), str) for c in CLAUSES)


def test_every_clause_paragraph_occurs_verbatim_in_the_normalized_source():
    missing = [(c["id"], p) for c in CLAUSES for p in paragraphs(c) if p not in NORMALIZED]
    assert missing == []


def test_every_clause_heading_occurs_verbatim_in_the_normalized_source():
    missing = [c["id"] for c in CLAUSES if c.get("heading") and c["heading"]["zh"] not in NORMALIZED]
    assert missing == []


def test_every_clause_paragraph_is_a_whole_source_paragraph():
    """A clause never holds half a paragraph (a truncated copy fails here even if it is a substring)."""
    rests = [split_number(u)[1] for u, k in zip(UNITS, KINDS, strict=True) if k is None]
    partial = [(c["id"], p[:20]) for c in CLAUSES if c["kind"] != "table" for p in paragraphs(c) if p not in rests]
    assert partial == []


def test_every_source_paragraph_is_in_exactly_one_clause():
    wrong = {UNITS[i][:30]: ids for i, ids in COVERAGE.items() if len(ids) != 1}
    assert wrong == {}


def test_source_has_the_expected_amount_of_policy_text():
    """The metadata recognised is what the brief names; the rest (66 lines) is policy text."""
    assert sum(1 for k in KINDS if k == "table") == 31
    assert len(COVERAGE) == 66


def test_each_clause_covers_consecutive_source_paragraphs():
    gaps = {}
    for c in CLAUSES:
        if c["kind"] == "table":
            continue
        idx = units_of_clause(c["id"])
        if not idx or idx != list(range(idx[0], idx[0] + len(idx))):
            gaps[c["id"]] = idx
    assert gaps == {}


def test_clause_order_follows_the_source():
    positions = [(position(c), c["id"]) for c in CLAUSES]
    assert positions == sorted(positions)


def test_each_clause_lies_in_its_documents_part_of_the_source():
    spans = regions()
    wrong = [c["id"] for c in CLAUSES if not spans[c["document"]][0] <= position(c) < spans[c["document"]][1]]
    assert wrong == []


def test_a_printed_number_is_the_end_of_its_clause_label():
    wrong = []
    for i, ids in COVERAGE.items():
        printed = split_number(UNITS[i])[0]
        if printed and len(ids) == 1:
            label = (BY_ID[ids[0]].get("label") or {}).get("zh", "")
            if not label.replace(" ", "").endswith(number_key(printed)):
                wrong.append((ids[0], printed, label))
    assert wrong == []


def test_a_heading_is_printed_either_on_its_own_line_or_at_the_start_of_the_text():
    wrong = []
    for c in CLAUSES:
        h = (c.get("heading") or {}).get("zh")
        if h is None:
            continue
        own_line = any(split_number(UNITS[i])[1] in (h, h + "。") for i in units_of_clause(c["id"]))
        inline = c["zh"].startswith(h + "。")
        if not (own_line or inline):
            wrong.append(c["id"])
        if own_line and c["kind"] == "text" and paragraphs(c)[0] in (h, h + "。"):
            wrong.append(c["id"] + " repeats its heading line in zh")
    assert wrong == []


def test_heading_clauses_hold_only_their_heading():
    wrong = [c["id"] for c in CLAUSES if c["kind"] == "heading"
             and (not c.get("heading") or c["zh"] not in (c["heading"]["zh"], c["heading"]["zh"] + "。"))]
    assert wrong == []


def test_the_table_clause_is_the_attachment_title_and_sits_between_the_title_and_the_notes():
    tables = [c for c in CLAUSES if c["kind"] == "table"]
    assert [c["id"] for c in tables] == ["annex.table"]
    assert tables[0]["zh"] == DOCS["annex"]["title"]["zh"]
    ids = [c["id"] for c in CLAUSES]
    assert ids.index("annex") + 1 == ids.index("annex.table") == ids.index("note.1") - 1


def test_the_seal_description_is_not_inside_any_clause():
    seal = DOCS["jieyang-notice"]["transcription_notes"][0]["text"]
    assert seal in SOURCE_TEXT
    assert not [c["id"] for c in CLAUSES if seal in c["zh"] or "seal" in c["zh"]]
    assert not [c["id"] for c in CLAUSES if re.search(r"[A-Za-z]", c["zh"])]


def test_every_clause_has_an_english_translation_without_chinese_characters():
    wrong = [c["id"] for c in CLAUSES if not c.get("en", "").strip() or CJK.search(c["en"])]
    assert wrong == []
    wrong = [c["id"] for c in CLAUSES for part in ("heading", "label")
             if c.get(part) and (not c[part]["en"].strip() or CJK.search(c[part]["en"]))]
    assert wrong == []


def test_a_clause_has_as_many_english_paragraphs_as_chinese_ones():
    wrong = [c["id"] for c in CLAUSES if len(c["en"].split("\n\n")) != len(paragraphs(c))]
    assert wrong == []


def test_numbered_plan_clauses_have_the_clause_one_level_up_as_parent():
    numbered = [c for c in CLAUSES if c["document"] == "plan" and re.fullmatch(r"\d+(\.\d+)*", c["id"])]
    one_up = {c["id"]: c["id"].rsplit(".", 1)[0] if "." in c["id"] else None for c in numbered}
    assert [(c["id"], c.get("parent"), one_up[c["id"]]) for c in numbered if c.get("parent") != one_up[c["id"]]] == []


def test_clause_documents_are_known_documents():
    assert {c["document"] for c in CLAUSES} == set(DOCUMENT_IDS)
    assert [d["id"] for d in DOCUMENTS] == list(DOCUMENT_IDS)


# ---------------------------------------------------------------------------------------------------
# documents against the source


def test_document_numbers_titles_and_addressees_are_printed_in_the_source():
    flat = SOURCE_TEXT.replace(" ", "")
    for d in DOCUMENTS:
        assert d["title"]["zh"].replace(" ", "") in flat.replace("(", "（").replace(")", "）"), d["id"]
        if d.get("part_of") is None:
            assert d["number"] in UNITS, d["id"]
            assert d["addressees"]["zh"] + "：" in UNITS, d["id"]
            assert d["issuer"]["zh"] in UNITS, d["id"]


def test_document_dates_are_printed_in_the_source():
    for d in DOCUMENTS:
        dates = d.get("dates", {})
        if "issued" in dates:
            assert chinese_date(dates["issued"]) in UNITS, d["id"]
        if "printed" in dates:
            assert chinese_date(dates["printed"]) + "印发" in UNITS, d["id"]


def test_the_guangdong_notice_is_dated_as_printed_and_its_edition_runs_2022_04_15_to_2027_04_14():
    dates = DOCS["guangdong-notice"]["dates"]
    assert (dates["issued"], dates["printed"]) == ("2022-03-23", "2022-03-25")
    edition = next(e for e in yaml.safe_load((ROOT / "data" / "editions.yaml").read_text(encoding="utf-8"))
                   if "guangdong-notice" in e["documents"])
    assert (edition["valid_from"], edition["valid_to"], edition["validity_years"]) == ("2022-04-15", "2027-04-14", 5)
    for cid in edition["clauses"]:
        text = BY_ID[cid]["zh"].replace(" ", "")
        assert chinese_date(edition["valid_from"]) in text and f"有效期{edition['validity_years']}年" in text, cid


def test_each_notice_forwards_the_next_one_as_its_text_says():
    assert [(d["id"], d.get("forwards")) for d in DOCUMENTS if d.get("part_of") is None] == [
        ("jiexi-notice", "jieyang-notice"), ("jieyang-notice", "guangdong-notice"), ("guangdong-notice", None)]
    for d in DOCUMENTS:
        if d.get("forwards"):
            target = DOCS[d["forwards"]]
            assert target["number"] in BY_ID[d["forwards_clause"]]["zh"], d["id"]
            assert BY_ID[d["forwards_clause"]]["document"] == d["id"]


def test_disclosure_is_recorded_only_where_the_source_prints_it():
    assert DOCS["jiexi-notice"]["disclosure"] is None
    printed = [k for k in KINDS if k and k.endswith("disclosure")]
    assert printed == ["jieyang-notice disclosure", "guangdong-notice disclosure"]


def test_every_source_line_outside_the_clauses_is_recognised_metadata():
    """Metadata recognised = exactly what documents.yaml records (so each record is found once)."""
    meta = [k for k in KINDS if k not in (None, "table")]
    assert len(meta) == len(set(meta)), sorted(k for k in meta if meta.count(k) > 1)
    expected = [w for whats in metadata_units(DOCUMENTS).values() for w in whats]
    assert sorted(meta) == sorted(expected)


def test_referenced_clauses_exist():
    refs = []
    for d in DOCUMENTS:
        refs += d.get("dates", {}).get("clauses", [])
        if d.get("forwards_clause"):
            refs.append(d["forwards_clause"])
    assert refs and all(r in BY_ID for r in refs)


@pytest.mark.parametrize("name", ["documents", "clauses"])
def test_data_file_matches_its_json_schema(name):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DATA / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_load(name))]
    assert errors == []


# ---------------------------------------------------------------------------------------------------
# the English follows the glossary


def _term_pattern(en: str) -> re.Pattern:
    parts = []
    for token in re.split(r"([A-Za-z']+)", en):
        if re.fullmatch(r"[A-Za-z']+", token):
            parts.append(re.escape(token[:-1]) + "(?:y|ies)" if token.endswith("y") else re.escape(token) + "(?:s|es)?")
        else:
            parts.append(re.escape(token).replace(r"\ ", r"[\s-]").replace(" ", r"[\s-]"))
    return re.compile("".join(parts), re.IGNORECASE)


GLOSSARY = {t["zh"]: t for t in _load("glossary") if t["kind"] in ("skill-level", "title-level", "term", "issuer")}
# Places where a glossary term's characters occur without the term: 提高技能人才 is 提高 + 技能人才.
NOT_TERMS = ("提高技能人才",)


def glossary_terms_in(zh: str) -> list[str]:
    """The glossary terms a Chinese text uses, read left to right taking the longest term at each point
    (so 副高级职称 is 副高级 + 职称, not 高级职称)."""
    for s in NOT_TERMS:
        zh = zh.replace(s, "□" * len(s))
    found, i = [], 0
    longest = max(map(len, GLOSSARY))
    while i < len(zh):
        term = next((zh[i:i + n] for n in range(longest, 0, -1) if zh[i:i + n] in GLOSSARY), None)
        if term:
            found.append(term)
            i += len(term)
        else:
            i += 1
    return found


def test_glossary_terms_are_read_longest_first():
    assert glossary_terms_in("取得副高级职称和高级职称的高技能人才") == ["副高级", "职称", "高级职称", "高技能人才"]
    assert glossary_terms_in("着力提高技能人才待遇水平") == []


@pytest.mark.parametrize("clause", CLAUSES, ids=[c["id"] for c in CLAUSES])
def test_english_uses_the_glossary_term_for_every_glossary_term_in_the_chinese(clause):
    missing = sorted({f"{t} → {GLOSSARY[t]['en']}" for t in glossary_terms_in(clause["zh"])
                      if not _term_pattern(GLOSSARY[t]["en"]).search(clause["en"])})
    assert missing == []
