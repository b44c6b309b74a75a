"""Reading every data file and checking each against its JSON Schema in data/schemas/.

``DATA_FILES`` is the list of data files the site is built from; each ``data/<name>.yaml`` has a
schema ``data/schemas/<name>.schema.json`` (editors can point their YAML plugin at it). ``load_raw``
returns the parsed files and their line maps, or raises DataError listing every schema problem.
"""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from .errors import DataError, Problem
from .paths import DATA, rel
from .yamlio import format_path, line_of, read_yaml

DATA_FILES = (
    "meta",
    "documents",
    "clauses",
    "series",
    "categories",
    "committees",
    "catalogue",
    "occupations",
    "glossary",
    "pinyin-overrides",
    "rules",
    "decisions",
)


@dataclass
class RawFile:
    """One parsed data file: its content and the line of every key path."""

    name: str
    path: Path
    data: object
    lines: dict

    def line(self, path) -> int | None:
        return line_of(self.lines, path)

    def problem(self, path, expected: str, found: str) -> Problem:
        return Problem(rel(self.path), format_path(path), expected, found, self.line(path))


def _describe(value) -> str:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the unquoted YAML date {value} (write it in quotes: \"{value}\")"
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "..."


def _schema_problem(raw: RawFile, err: jsonschema.ValidationError) -> Problem:
    path = list(err.absolute_path)
    v = err.validator
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return raw.problem(path, f"a key '{missing}'", "it missing")
    if v == "additionalProperties":
        return raw.problem(path, "only the keys the schema allows", err.message)
    if v == "type":
        return raw.problem(path, f"a value of type {err.validator_value}", f"{_describe(err.instance)}")
    if v == "enum":
        return raw.problem(path, "one of " + ", ".join(map(str, err.validator_value)), _describe(err.instance))
    if v == "pattern":
        return raw.problem(path, f"text matching {err.validator_value}", _describe(err.instance))
    if v == "minLength":
        return raw.problem(path, "a non-empty text", _describe(err.instance))
    if v == "format":
        return raw.problem(path, f"a {err.validator_value} (e.g. 2022-04-15)", _describe(err.instance))
    return raw.problem(path, f"a value satisfying '{v}: {_describe(err.validator_value)}'", err.message)


def load_file(name: str, data_dir: Path = DATA) -> RawFile:
    """Parse ``data/<name>.yaml`` and validate it against its schema; raise DataError if invalid."""
    path = data_dir / f"{name}.yaml"
    data, lines = read_yaml(path)
    raw = RawFile(name, path, data, lines)
    schema_path = data_dir / "schemas" / f"{name}.schema.json"
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError([Problem(rel(schema_path), "", "a JSON Schema for " + rel(path), "no such file")]) from None
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: (raw.line(e.absolute_path) or 0, list(map(str, e.absolute_path))))
    if errors:
        raise DataError([_schema_problem(raw, e) for e in errors])
    return raw


def load_raw(data_dir: Path = DATA) -> dict[str, RawFile]:
    """Every data file, parsed and schema-checked; problems of all files are reported together."""
    files, problems = {}, []
    for name in DATA_FILES:
        try:
            files[name] = load_file(name, data_dir)
        except DataError as e:
            problems += e.problems
    if problems:
        raise DataError(problems)
    return files
