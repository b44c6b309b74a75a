"""Kinds of broken data, each a small text edit on a copy of the data folder.

A case's ``mutate(data_dir)`` edits one YAML file as a person would (so line numbers mean something)
and returns what the one error message must say: the file, the line (None where a file has no line
to point at), and fragments naming the key path, what was expected and what was found.
A case that no longer finds the line it edits fails loudly: update it to the data, never drop it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Expect:
    file: str
    line: int | None
    fragments: tuple[str, ...]


@dataclass
class Case:
    id: str
    mutate: Callable[[Path], Expect]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _find(lines: list[str], pattern: str, after: int = 0, path: Path | None = None) -> int:
    for i in range(after, len(lines)):
        if re.search(pattern, lines[i]):
            return i
    raise AssertionError(f"{path.name if path else 'file'}: no line matches {pattern!r}; update this case")


def replace(path: Path, pattern: str, repl: str, after: str | None = None) -> int:
    """Substitute ``pattern`` on the first line matching it (after the first line matching ``after``);
    return the 1-based line number."""
    lines = _lines(path)
    start = _find(lines, after, 0, path) + 1 if after else 0
    i = _find(lines, pattern, start, path)
    lines[i] = re.sub(pattern, repl, lines[i], count=1)
    path.write_text("".join(lines), encoding="utf-8")
    return i + 1


def insert_after(path: Path, pattern: str, new_line: str) -> int:
    """Insert ``new_line`` after the first line matching ``pattern``; return the new line's number."""
    lines = _lines(path)
    i = _find(lines, pattern, 0, path)
    lines.insert(i + 1, new_line.rstrip("\n") + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return i + 2


def delete_line(path: Path, pattern: str) -> int:
    """Delete the first line matching ``pattern``; return the number it had."""
    lines = _lines(path)
    i = _find(lines, pattern, 0, path)
    del lines[i]
    path.write_text("".join(lines), encoding="utf-8")
    return i + 1


def append(path: Path, text: str) -> int:
    """Append ``text``; return the number of its first line."""
    before = path.read_text(encoding="utf-8")
    if not before.endswith("\n"):
        before += "\n"
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


# --- the cases ----------------------------------------------------------------------------------

def edit(file: str, pattern: str, repl: str, fragments: tuple[str, ...], after: str | None = None):
    """A case that substitutes ``pattern`` on one line of ``file`` (see ``replace``)."""
    def mutate(d: Path) -> Expect:
        return Expect(file, replace(d / file, pattern, repl, after), fragments)
    return mutate


def insert(file: str, pattern: str, new_line: str, fragments: tuple[str, ...]):
    """A case that adds ``new_line`` after the line of ``file`` matching ``pattern``."""
    return lambda d: Expect(file, insert_after(d / file, pattern, new_line), fragments)


def delete(file: str, pattern: str, fragments: tuple[str, ...], reported: int):
    """A case that deletes the line matching ``pattern``; the message names the line ``reported`` lines off
    the deleted one (the mapping that lost its key)."""
    return lambda d: Expect(file, delete_line(d / file, pattern) + reported, fragments)


def duplicate(file: str, key: str, value: str, other: str):
    """A case that gives the second item (``key: other``) the ``key`` of the first (``value``)."""
    def mutate(d: Path) -> Expect:
        first = replace(d / file, rf"^- {key}: {value}$", f"- {key}: {value}")
        line = replace(d / file, rf"^- {key}: {other}$", f"- {key}: {value}")
        return Expect(file, line, (f"[1].{key}", f"unique {key}", f"'{value}'", f"line {first}"))
    return mutate


# Cases that change one line: how, and what the message must say.
ONE_LINE = {
    "yaml_syntax_error": edit("catalogue.yaml", r"^(  table_page: 1)$", r"\1: 2", ("YAML syntax error", "mapping values are not allowed")),
    "tab_indentation": edit("occupations.yaml", r"^  en: ", "\ten: ", ("YAML syntax error", "tab")),
    "wrong_type": edit("catalogue.yaml", r"^  table_page: 1$", "  table_page: one", ("[0].table_page", "integer", '"one"')),
    "unknown_committee": edit("catalogue.yaml", r"^  - electromechanical$", "  - no-such-committee", ("[0].committees[0]", "data/committees.yaml", "'no-such-committee'"), after=r"^  committees:"),
    "unknown_category": edit("catalogue.yaml", r"^  - electromechanical$", "  - no-such-category", ("[0].categories[0]", "data/categories.yaml", "'no-such-category'"), after=r"^  categories:"),
    "category_of_another_series": edit("catalogue.yaml", r"^  - electromechanical$", "  - rural-craftsmen", ("[0].categories[0]", "'engineering'", "'rural-craftsmen'", "'agriculture'"), after=r"^  categories:"),
    "unknown_series": edit("categories.yaml", r"series: engineering", "series: enginering", ("[0].series", "data/series.yaml", "'enginering'")),
    "committee_name_without_english": edit("committees.yaml", r"^  en: Guangdong Engineering Series Electromechanical.*$", "  en: null", ("[0].en", "English name", "en=None")),
    "unknown_clause": edit("catalogue.yaml", r"^  clause: annex\.table$", "  clause: annex.tabel", ("[0].clause", "data/clauses.yaml", "'annex.tabel'")),
    "unknown_level_in_rules": edit("rules.yaml", r"level: senior-worker, years: 2", "level: master-worker, years: 2", ("pathways[0].conditions[0].level", "senior-worker", "master-worker")),
    "unknown_target_level_in_rules": edit("rules.yaml", r"^    target: assistant$", "    target: senior-assistant", ("pathways[0].target", "assistant", "senior-assistant")),
    "unknown_honour_group_in_rules": edit("rules.yaml", r"test: honour-in-group, group: first", "test: honour-in-group, group: third", ("conditions[0].group", "honour_groups", "'third'")),
    "unknown_decision_in_rules": edit("rules.yaml", r"decisions: \[assessments-one-answer\]", "decisions: [assessment-one-answer]", ("pathway_groups[0].decisions[0]", "data/decisions.yaml", "'assessment-one-answer'")),
    "empty_name": edit("occupations.yaml", r"^  en: Welder$", '  en: ""', ("[0].en", "non-empty", '""')),
    "malformed_date": edit("meta.yaml", r'^data_version: ".*"$', 'data_version: "2026-13-45"', ("data_version", "date", '"2026-13-45"')),
    "unquoted_date": edit("meta.yaml", r'^data_version: "(.*)"$', r"data_version: \1", ("data_version", "string", "in quotes")),
    "clause_id_read_as_float": edit("series.yaml", r'clause: "2\.1"', "clause: 2.1", ("[0].clause", "string", "in quotes")),
    "misspelt_key": edit("catalogue.yaml", r"^  suffix_printed:", "  suffix_printd:", ("[0]", "'suffix_printd'", "suffix_printed")),
    "wrong_occupation_entry_shape": edit("catalogue.yaml", r"^  - 电工$", "  - {nam: 电工}", ("[0].occupations[2]", "'nam'")),
    "level_missing_from_the_glossary": edit("rules.yaml", r"^  skill: \[senior-worker, technician,", "  skill: [senior-worker, master-technician,", ("levels.skill[1]", "technician", "master-technician")),
    "exemption_following_a_later_one": edit("rules.yaml", r"^      - \{exempt: theory-exam\}$", "      - {exempt: theory-fee}", ("exemptions[1].when[0].exempt", "listed before", "'theory-fee'")),
    "duplicate_id": duplicate("committees.yaml", "id", "electromechanical", "light-industry"),
    "duplicate_slug": duplicate("occupations.yaml", "slug", "hangong", "guidaojiaotongsiji"),
    "chinese_note_without_english": delete("catalogue.yaml", r"^    en: This row prints", ("[0].notes[0]", "'en'", "missing"), -1),
    "missing_required_key": delete("occupations.yaml", r"^  pinyin: hàn gōng$", ("[0]", "'pinyin'", "missing"), -2),
    "occupation_twice_in_one_row": insert("catalogue.yaml", r"^  - 电工$", "  - 焊工", ("[0].occupations", "once per row", "'焊工' twice")),
    "unknown_occupation_in_row": insert("catalogue.yaml", r"^  - 电工$", "  - 不存在的工种", ("[0].occupations", "data/occupations.yaml", "'不存在的工种'")),
    "unknown_related_slug": insert("occupations.yaml", r"^  related:$", "  - no-such-slug", ("related", "occupation slug", "'no-such-slug'")),
    "clause_parent_after_its_child": edit("clauses.yaml", r'^  parent: "1"$', '  parent: "4"', ("parent", "comes before", "'4'")),
    "unknown_series_in_title_names": edit("title-names.yaml", r"^  - series: engineering$", "  - series: enginering", ("names[0].series", "data/series.yaml", "'enginering'")),
    "title_names_category_of_another_series": edit("title-names.yaml", r"categories: \[agricultural-technicians\]", "categories: [electromechanical]", ("names[1].categories[0]", "'agriculture'", "'electromechanical'", "'engineering'")),
    "unknown_level_in_title_names": edit("title-names.yaml", r"^      intermediate: \[\{zh: 工程师", "      senior-intermediate: [{zh: 工程师", ("names[0].levels.senior-intermediate", "levels.title", "'senior-intermediate'")),
    "honour_in_two_groups": edit("rules.yaml", r"^      - id: worldskills-medallist$", "      - id: china-skill-award", ("honours", "each honour in one group only", "'china-skill-award'", "'first'"), after=r"^  - id: second$"),
}


def duplicate_yaml_key(d):
    first = replace(d / "occupations.yaml", r"^  en: Welder$", "  en: Welder")
    line = insert_after(d / "occupations.yaml", r"^  en: Welder$", "  en: Welding worker")
    return Expect("occupations.yaml", line, ("'en'", "once", f"line {first}"))


def occupation_in_no_row(d):
    line = append(d / "occupations.yaml",
                  "- slug: wuhangzhiye\n  zh: 无行职业\n  pinyin: wú háng zhí yè\n  en: Occupation in no row\n")
    return Expect("occupations.yaml", line + 1, ("zh", "catalogue row", "'无行职业' in no row"))


def missing_data_file(d):
    (d / "committees.yaml").unlink()
    return Expect("committees.yaml", None, ("the file to exist", "no such file"))


def empty_list(d):
    line = replace(d / "catalogue.yaml", r"^  committees:$", "  committees: []")
    # the list's items follow; drop them so the file still parses as intended
    lines = _lines(d / "catalogue.yaml")
    while lines[line].startswith("  - "):
        del lines[line]
    (d / "catalogue.yaml").write_text("".join(lines), encoding="utf-8")
    return Expect("catalogue.yaml", line, ("[0].committees", "at least 1", "[]"))


def not_utf8(d):
    path = d / "committees.yaml"
    data = path.read_bytes()
    i = data.index("广东省工程系列机电".encode())
    path.write_bytes(data[:i] + "广东省工程系列机电".encode("gb18030") + data[i + len("广东省工程系列机电".encode()):])
    return Expect("committees.yaml", data[:i].count(b"\n") + 1, ("UTF-8", "undecodable"))


CASES = [Case(name.replace("_", "-"), ONE_LINE.get(name) or globals()[name]) for name in (
    "yaml_syntax_error", "tab_indentation", "wrong_type", "unknown_committee", "unknown_category",
    "category_of_another_series", "unknown_series", "duplicate_id", "duplicate_slug",
    "chinese_note_without_english", "committee_name_without_english", "unknown_clause", "unknown_level_in_rules",
    "unknown_target_level_in_rules", "unknown_honour_group_in_rules", "unknown_decision_in_rules", "empty_name",
    "malformed_date", "unquoted_date", "occupation_twice_in_one_row", "unknown_occupation_in_row",
    "duplicate_yaml_key", "clause_id_read_as_float", "occupation_in_no_row", "unknown_related_slug",
    "missing_data_file", "missing_required_key", "misspelt_key", "empty_list", "not_utf8",
    "wrong_occupation_entry_shape", "level_missing_from_the_glossary", "exemption_following_a_later_one",
    "honour_in_two_groups", "clause_parent_after_its_child", "unknown_series_in_title_names",
    "title_names_category_of_another_series", "unknown_level_in_title_names",
)]
