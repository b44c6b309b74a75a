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

def yaml_syntax_error(d):
    line = replace(d / "catalogue.yaml", r"^(  table_page: 1)$", r"\1: 2")
    return Expect("catalogue.yaml", line, ("YAML syntax error", "mapping values are not allowed"))


def tab_indentation(d):
    line = replace(d / "occupations.yaml", r"^  en: ", "\ten: ")
    return Expect("occupations.yaml", line, ("YAML syntax error", "tab"))


def wrong_type(d):
    line = replace(d / "catalogue.yaml", r"^  table_page: 1$", "  table_page: one")
    return Expect("catalogue.yaml", line, ("[0].table_page", "integer", '"one"'))


def unknown_committee(d):
    line = replace(d / "catalogue.yaml", r"^  - electromechanical$", "  - no-such-committee", after=r"^  committees:")
    return Expect("catalogue.yaml", line, ("[0].committees[0]", "data/committees.yaml", "'no-such-committee'"))


def unknown_category(d):
    line = replace(d / "catalogue.yaml", r"^  - electromechanical$", "  - no-such-category", after=r"^  categories:")
    return Expect("catalogue.yaml", line, ("[0].categories[0]", "data/categories.yaml", "'no-such-category'"))


def category_of_another_series(d):
    line = replace(d / "catalogue.yaml", r"^  - electromechanical$", "  - rural-craftsmen", after=r"^  categories:")
    return Expect("catalogue.yaml", line, ("[0].categories[0]", "'engineering'", "'rural-craftsmen'", "'agriculture'"))


def unknown_series(d):
    line = replace(d / "categories.yaml", r"series: engineering", "series: enginering")
    return Expect("categories.yaml", line, ("[0].series", "data/series.yaml", "'enginering'"))


def duplicate_id(d):
    first = replace(d / "committees.yaml", r"^- id: electromechanical$", "- id: electromechanical")
    line = replace(d / "committees.yaml", r"^- id: light-industry$", "- id: electromechanical")
    return Expect("committees.yaml", line, ("[1].id", "unique id", "'electromechanical'", f"line {first}"))


def duplicate_slug(d):
    first = replace(d / "occupations.yaml", r"^- slug: hangong$", "- slug: hangong")
    line = replace(d / "occupations.yaml", r"^- slug: guidaojiaotongsiji$", "- slug: hangong")
    return Expect("occupations.yaml", line, ("[1].slug", "unique slug", "'hangong'", f"line {first}"))


def chinese_note_without_english(d):
    line = delete_line(d / "catalogue.yaml", r"^    en: This row prints")
    return Expect("catalogue.yaml", line - 1, ("[0].notes[0]", "'en'", "missing"))


def committee_name_without_english(d):
    line = replace(d / "committees.yaml", r"^  en: Guangdong Engineering Series Electromechanical.*$", "  en: null")
    return Expect("committees.yaml", line, ("[0].en", "English name", "en=None"))


def unknown_clause(d):
    line = replace(d / "catalogue.yaml", r"^  clause: annex\.table$", "  clause: annex.tabel")
    return Expect("catalogue.yaml", line, ("[0].clause", "data/clauses.yaml", "'annex.tabel'"))


def unknown_level_in_rules(d):
    line = replace(d / "rules.yaml", r"level: senior-worker, years: 2", "level: master-worker, years: 2")
    return Expect("rules.yaml", line, ("pathways[0].conditions[0].level", "senior-worker", "master-worker"))


def unknown_target_level_in_rules(d):
    line = replace(d / "rules.yaml", r"^    target: assistant$", "    target: senior-assistant")
    return Expect("rules.yaml", line, ("pathways[0].target", "assistant", "senior-assistant"))


def unknown_honour_group_in_rules(d):
    line = replace(d / "rules.yaml", r"test: honour-in-group, group: first", "test: honour-in-group, group: third")
    return Expect("rules.yaml", line, ("conditions[0].group", "honour_groups", "'third'"))


def unknown_decision_in_rules(d):
    line = replace(d / "rules.yaml", r"decisions: \[assessments-one-answer\]", "decisions: [assessment-one-answer]")
    return Expect("rules.yaml", line, ("pathway_groups[0].decisions[0]", "data/decisions.yaml", "'assessment-one-answer'"))


def empty_name(d):
    line = replace(d / "occupations.yaml", r"^  en: Welder$", '  en: ""')
    return Expect("occupations.yaml", line, ("[0].en", "non-empty", '""'))


def malformed_date(d):
    line = replace(d / "meta.yaml", r'^data_version: ".*"$', 'data_version: "2026-13-45"')
    return Expect("meta.yaml", line, ("data_version", "date", '"2026-13-45"'))


def unquoted_date(d):
    line = replace(d / "meta.yaml", r'^data_version: "(.*)"$', r"data_version: \1")
    return Expect("meta.yaml", line, ("data_version", "string", "in quotes"))


def occupation_twice_in_one_row(d):
    line = insert_after(d / "catalogue.yaml", r"^  - 电工$", "  - 焊工")
    return Expect("catalogue.yaml", line, ("[0].occupations", "once per row", "'焊工' twice"))


def unknown_occupation_in_row(d):
    line = insert_after(d / "catalogue.yaml", r"^  - 电工$", "  - 不存在的工种")
    return Expect("catalogue.yaml", line, ("[0].occupations", "data/occupations.yaml", "'不存在的工种'"))


def duplicate_yaml_key(d):
    first = replace(d / "occupations.yaml", r"^  en: Welder$", "  en: Welder")
    line = insert_after(d / "occupations.yaml", r"^  en: Welder$", "  en: Welding worker")
    return Expect("occupations.yaml", line, ("'en'", "once", f"line {first}"))


def clause_id_read_as_float(d):
    line = replace(d / "series.yaml", r'clause: "2\.1"', "clause: 2.1")
    return Expect("series.yaml", line, ("[0].clause", "string", "in quotes"))


def occupation_in_no_row(d):
    line = append(d / "occupations.yaml",
                  "- slug: wuhangzhiye\n  zh: 无行职业\n  pinyin: wú háng zhí yè\n  en: Occupation in no row\n")
    return Expect("occupations.yaml", line + 1, ("zh", "catalogue row", "'无行职业' in no row"))


def unknown_related_slug(d):
    line = insert_after(d / "occupations.yaml", r"^  related:$", "  - no-such-slug")
    return Expect("occupations.yaml", line, ("related", "occupation slug", "'no-such-slug'"))


def missing_data_file(d):
    (d / "committees.yaml").unlink()
    return Expect("committees.yaml", None, ("the file to exist", "no such file"))


def missing_required_key(d):
    line = delete_line(d / "occupations.yaml", r"^  pinyin: hàn gōng$")
    return Expect("occupations.yaml", line - 2, ("[0]", "'pinyin'", "missing"))


def misspelt_key(d):
    line = replace(d / "catalogue.yaml", r"^  suffix_printed:", "  suffix_printd:")
    return Expect("catalogue.yaml", line, ("[0]", "'suffix_printd'", "suffix_printed"))


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


def wrong_occupation_entry_shape(d):
    line = replace(d / "catalogue.yaml", r"^  - 电工$", "  - {nam: 电工}")
    return Expect("catalogue.yaml", line, ("[0].occupations[2]", "'nam'"))


def level_missing_from_the_glossary(d):
    line = replace(d / "rules.yaml", r"^  skill: \[senior-worker, technician,", "  skill: [senior-worker, master-technician,")
    return Expect("rules.yaml", line, ("levels.skill[1]", "technician", "master-technician"))


def exemption_following_a_later_one(d):
    line = replace(d / "rules.yaml", r"^      - \{exempt: theory-exam\}$", "      - {exempt: theory-fee}")
    return Expect("rules.yaml", line, ("exemptions[1].when[0].exempt", "listed before", "'theory-fee'"))


def honour_in_two_groups(d):
    lines = _lines(d / "rules.yaml")
    i = _find(lines, r"^      - id: china-skill-award$", 0)
    j = _find(lines, r"^      - id: ", _find(lines, r"^  - id: second$", 0))
    lines[j] = lines[j].replace(lines[j].split("id: ")[1].strip(), "china-skill-award")
    (d / "rules.yaml").write_text("".join(lines), encoding="utf-8")
    assert i < j
    return Expect("rules.yaml", j + 1, ("honours", "each honour in one group only", "'china-skill-award'", "'first'"))


def clause_parent_after_its_child(d):
    lines = _lines(d / "clauses.yaml")
    i = _find(lines, r'^  parent: "1"$', 0)
    lines[i] = '  parent: "4"\n'
    (d / "clauses.yaml").write_text("".join(lines), encoding="utf-8")
    return Expect("clauses.yaml", i + 1, ("parent", "comes before", "'4'"))


CASES = [Case(f.__name__.replace("_", "-"), f) for f in (
    yaml_syntax_error, tab_indentation, wrong_type, unknown_committee, unknown_category,
    category_of_another_series, unknown_series, duplicate_id, duplicate_slug, chinese_note_without_english,
    committee_name_without_english, unknown_clause, unknown_level_in_rules, unknown_target_level_in_rules,
    unknown_honour_group_in_rules, unknown_decision_in_rules, empty_name, malformed_date, unquoted_date,
    occupation_twice_in_one_row, unknown_occupation_in_row, duplicate_yaml_key, clause_id_read_as_float,
    occupation_in_no_row, unknown_related_slug, missing_data_file, missing_required_key, misspelt_key,
    empty_list, not_utf8, wrong_occupation_entry_shape, level_missing_from_the_glossary,
    exemption_following_a_later_one, honour_in_two_groups, clause_parent_after_its_child,
)]
