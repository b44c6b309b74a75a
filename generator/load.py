"""Reading every data file and checking each against its JSON Schema in data/schemas/.

``DATA_FILES`` is the list of data files the site is built from; each ``data/<name>.yaml`` has a
schema ``data/schemas/<name>.schema.json`` (editors can point their YAML plugin at it). ``load_raw``
returns the parsed files and their line maps, or raises DataError listing every schema problem.
"""
from __future__ import annotations

import datetime
import difflib
import json
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from .errors import DataError, Problem
from .paths import DATA, rel
from .yamlio import format_path, line_of, read_yaml

DATA_FILES = (
    "meta",
    "editions",
    "changelog",
    "documents",
    "clauses",
    "series",
    "categories",
    "committees",
    "committee-guide",
    "catalogue",
    "occupations",
    "glossary",
    "pinyin-overrides",
    "rules",
    "decisions",
    "not-listed",
    "names",
    "title-names",
)
# The tables that belong to an edition: a later edition's own copy lives in data/editions/<id>/.
EDITION_TABLES = ("catalogue", "committees", "occupations", "rules")


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


def _number_hint(value) -> str:
    return (f"the number {value} (YAML reads an unquoted {value} as a number, so an id such as "
            f"\"3.2\" or \"3.10\" must be written in quotes)")


def _unknown_keys(err: jsonschema.ValidationError) -> list[str]:
    allowed = err.schema.get("properties", {}) if isinstance(err.schema, dict) else {}
    return [k for k in err.instance if k not in allowed] if isinstance(err.instance, dict) and allowed else []


def _schema_problem(raw: RawFile, err: jsonschema.ValidationError) -> Problem:
    path = list(err.absolute_path)
    v = err.validator
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        unknown = _unknown_keys(err)
        found = "it missing" + (f", and an unknown key {unknown[0]!r} (a misspelling?)" if unknown else "")
        return raw.problem(path, f"a key '{missing}'", found)
    if v == "additionalProperties":
        unknown = _unknown_keys(err) or [err.message]
        close = difflib.get_close_matches(str(unknown[0]), list(err.schema.get("properties", {})), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return raw.problem(path + [unknown[0]], "only the keys the schema allows" + hint, f"an unknown key {unknown[0]!r}")
    if v == "type":
        types = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        if "string" in types and isinstance(err.instance, (int, float)) and not isinstance(err.instance, bool):
            return raw.problem(path, f"a value of type {err.validator_value}", _number_hint(err.instance))
        return raw.problem(path, f"a value of type {err.validator_value}", f"{_describe(err.instance)}")
    if v == "enum":
        return raw.problem(path, "one of " + ", ".join(map(str, err.validator_value)), _describe(err.instance))
    if v == "const":
        return raw.problem(path, _describe(err.validator_value), _describe(err.instance))
    if v == "pattern":
        return raw.problem(path, f"text matching {err.validator_value}", _describe(err.instance))
    if v == "minLength":
        return raw.problem(path, "a non-empty text", _describe(err.instance))
    if v == "minItems":
        return raw.problem(path, f"at least {err.validator_value} item{'s' if err.validator_value != 1 else ''}",
                           _describe(err.instance))
    if v == "maxItems":
        return raw.problem(path, f"at most {err.validator_value} items", f"{len(err.instance)} items")
    if v == "uniqueItems":
        return raw.problem(path, "each item once", _describe(err.instance))
    if v in ("minimum", "maximum"):
        sign = "≥" if v == "minimum" else "≤"
        return raw.problem(path, f"a number {sign} {err.validator_value}", _describe(err.instance))
    if v == "format":
        return raw.problem(path, f"a {err.validator_value} (e.g. 2022-04-15)", _describe(err.instance))
    if v in ("oneOf", "anyOf"):
        return raw.problem(path, f"one of the forms that data/schemas/{raw.name}.schema.json allows here",
                           _describe(err.instance))
    return raw.problem(path, f"a value satisfying '{v}: {_describe(err.validator_value)}'", err.message)


def _fits(branch_errors: list) -> bool:
    """Whether a oneOf/anyOf branch has the right shape (type, discriminating const) for the value."""
    return not any(e.validator == "const" or (e.validator == "type" and not e.relative_path) for e in branch_errors)


def _leaf_errors(err: jsonschema.ValidationError) -> list:
    """For a oneOf/anyOf error, the errors of the one branch whose shape fits the value, so the message
    names the key that is wrong instead of every alternative; other errors are returned as they are."""
    if err.validator not in ("oneOf", "anyOf") or not err.context:
        return [err]
    branches: dict = {}
    for e in err.context:
        branches.setdefault(e.relative_schema_path[0], []).append(e)
    fitting = [errs for errs in branches.values() if _fits(errs)]
    if len(fitting) != 1:
        return [err]
    return [leaf for e in fitting[0] for leaf in _leaf_errors(e)]


def _one_per_place(errors: list) -> list:
    """A missing required key explains an unknown key beside it (usually its misspelling): keep one."""
    required_at = {tuple(e.absolute_path) for e in errors if e.validator == "required"}
    return [e for e in errors if not (e.validator == "additionalProperties" and tuple(e.absolute_path) in required_at)]


def load_file(name: str, data_dir: Path = DATA, path: Path | None = None) -> RawFile:
    """Parse ``data/<name>.yaml`` (or ``path``, a file of the same kind) and validate it against the schema
    of ``name``; raise DataError if invalid."""
    path = path or data_dir / f"{name}.yaml"
    data, lines = read_yaml(path)
    raw = RawFile(name, path, data, lines)
    schema_path = data_dir / "schemas" / f"{name}.schema.json"
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError([Problem(rel(schema_path), "", "a JSON Schema for " + rel(path), "no such file")]) from None
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = _one_per_place([leaf for e in validator.iter_errors(data) for leaf in _leaf_errors(e)])
    errors.sort(key=lambda e: (raw.line(e.absolute_path) or 0, list(map(str, e.absolute_path))))
    if errors:
        raise DataError([_schema_problem(raw, e) for e in errors])
    return raw


def load_raw(data_dir: Path = DATA) -> dict[str, RawFile]:
    """Every data file, parsed and schema-checked; problems of all files are reported together. A later
    edition's tables (``data/editions/<id>/<name>.yaml``, see generator/edition_tables.py) are keyed
    ``editions/<id>/<name>``."""
    files, problems = {}, []
    wanted = [(name, data_dir / f"{name}.yaml") for name in DATA_FILES]
    for folder in sorted(p for p in (data_dir / "editions").glob("*") if p.is_dir()):
        wanted += [(f"editions/{folder.name}/{name}", folder / f"{name}.yaml") for name in EDITION_TABLES
                   if (folder / f"{name}.yaml").exists()]
    for key, path in wanted:
        try:
            files[key] = load_file(key.rsplit("/", 1)[-1], data_dir, path)
        except DataError as e:
            problems += e.problems
    if problems:
        raise DataError(problems)
    return files
