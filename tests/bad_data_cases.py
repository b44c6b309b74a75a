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

import yaml


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

ONE_LINE = Path(__file__).parent / "cases" / "bad_data.yaml"  # the cases that change one line, as data


def one_line(case: dict) -> Callable[[Path], Expect]:
    """The edit a case of tests/cases/bad_data.yaml describes (replace, insert_after, delete or duplicate)."""
    file, says = case["file"], tuple(case.get("says", ()))

    def mutate(d: Path) -> Expect:
        path = d / file
        if "replace" in case:
            return Expect(file, replace(path, case["replace"], case["with"], case.get("after")), says)
        if "insert_after" in case:
            return Expect(file, insert_after(path, case["insert_after"], case["line"]), says)
        if "delete" in case:  # the message points at the mapping that lost its key, `reported` lines off
            return Expect(file, delete_line(path, case["delete"]) + case["reported"], says)
        key, value, other = case["duplicate"]["key"], case["duplicate"]["value"], case["duplicate"]["other"]
        first = replace(path, rf"^- {key}: {value}$", f"- {key}: {value}")
        line = replace(path, rf"^- {key}: {other}$", f"- {key}: {value}")
        return Expect(file, line, (f"[1].{key}", f"unique {key}", f"'{value}'", f"line {first}"))
    return mutate


# --- the cases that need more than one line -------------------------------------------------------

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


CASES = [Case(c["id"], one_line(c)) for c in yaml.safe_load(ONE_LINE.read_text(encoding="utf-8"))]
CASES += [Case(f.__name__.replace("_", "-"), f)
          for f in (duplicate_yaml_key, occupation_in_no_row, missing_data_file, empty_list, not_utf8)]
