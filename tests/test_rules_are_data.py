"""The rules live in data/, not in code: no engine source holds a threshold, a level, an honour or a date.

Scans generator/eligibility/*.py (through ``ast``, plus the raw text for comments) and the scripts that
read the rules, overrides/assets/javascripts/eligibility.js and check.js (with comments and string
literals stripped for numbers).
Allowed in code: the numbers 0 and 1 (and the CLI's exit code 2), the profile field names of the engine contract, the condition
test names and the two kinds "title" and "skill". Also checks that data/rules.yaml is honest about its
sources: every clause exists, every decision it names is recorded, and Chinese text marked as the
source's wording is the source's wording.
"""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import yaml

from generator.crossrefs import walk_key

ROOT = Path(__file__).resolve().parent.parent
PY_FILES = sorted((ROOT / "generator" / "eligibility").glob("*.py"))
JS_FILE = ROOT / "overrides" / "assets" / "javascripts" / "eligibility.js"
# Every script that reads the rules document: the engine, and the check page's widget.
JS_FILES = sorted((ROOT / "overrides" / "assets" / "javascripts").glob("eligibility*.js")) + sorted(
    (ROOT / "overrides" / "assets" / "javascripts").glob("check*.js"))
RULES = yaml.safe_load((ROOT / "data" / "rules.yaml").read_text(encoding="utf-8"))
ALLOWED_NUMBERS = {0, 1}
EXTRA_NUMBERS = {"cli.py": {2}}  # the exit code for bad input, and parents[2] to find the repository
# The calendar, not the policy: February (2), its 28th and 29th, the leap-year rule (4, 100, 400), and the
# widths of YYYY-MM-DD (4, 2). No rule value hides among them: the dates tests check anniversaries.
CALENDAR = {2, 4, 28, 29, 100, 400}
EXTRA_NUMBERS.update({"dates.py": CALENDAR, "eligibility-dates.js": CALENDAR})
# The print script draws a QR code: its quiet zone (2 modules, as segno's) and the idle-callback timeouts (ms).
EXTRA_NUMBERS["check-print.js"] = {2, 200, 300}
# Names that hold digits but no rule: the SVG namespace (its "2000" is the spec's year, not a policy year).
NOT_RULE_TEXT = ("http://www.w3.org/2000/svg",)
CJK = re.compile("[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
YEAR = re.compile(r"(?<![\w.])(19|20)\d\d(?![\w])")


def _ids(items):
    return {x["id"] for x in items}


def forbidden_words() -> set[str]:
    """Ids that only data may name: levels, honours, school classes and education levels."""
    words = set(RULES["levels"]["skill"]) | set(RULES["levels"]["title"])
    words |= {h["id"] for g in RULES["honour_groups"] for h in g["honours"]}
    words |= {c["id"] for c in RULES["education_equivalence"]["classes"]}
    words |= {c["equivalent"] for c in RULES["education_equivalence"]["classes"]}
    return words


def forbidden_literals() -> set[str]:
    """Other data ids that code has no business spelling out (except where one is also a profile field name)."""
    ids = (_ids(RULES["pathways"]) | _ids(RULES["pathway_groups"]) | _ids(RULES["honour_groups"])
           | _ids(RULES["reminders"]) | _ids(RULES["exemptions"]) | _ids(RULES["principles"]))
    return ids - _ids(RULES["profile_fields"])


def _word(word: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")


def _strip_js(text: str) -> str:
    """JavaScript without comments and string literals (the engine uses no regex or template literals)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i) if "\n" in text[i:] else n
        elif text.startswith("/*", i):
            i = text.index("*/", i) + 2
        elif c in "'\"":
            j = i + 1
            while text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append('""')
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _py_docstrings(tree) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                ids.add(id(first.value))
    return ids


@pytest.mark.parametrize("path", PY_FILES, ids=lambda p: p.name)
def test_python_engine_has_no_rule_values(path):
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    docstrings = _py_docstrings(tree)
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant):
            continue
        value = node.value
        if isinstance(value, int | float) and not isinstance(value, bool) and value not in ALLOWED_NUMBERS | EXTRA_NUMBERS.get(path.name, set()):
            problems.append(f"line {node.lineno}: number {value!r}")
        if isinstance(value, str) and id(node) not in docstrings:
            if CJK.search(value):
                problems.append(f"line {node.lineno}: Chinese text {value!r} (texts belong in data/rules.yaml)")
            if value in forbidden_literals():
                problems.append(f"line {node.lineno}: data id {value!r}")
    for word in forbidden_words():
        for m in _word(word).finditer(text):
            problems.append(f"line {text.count(chr(10), 0, m.start()) + 1}: {word!r}")
    for m in YEAR.finditer(text):
        problems.append(f"line {text.count(chr(10), 0, m.start()) + 1}: a year {m.group(0)}")
    assert not problems, f"{path.relative_to(ROOT)} holds rule values:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("path", JS_FILES, ids=lambda p: p.name)
def test_scripts_reading_the_rules_hold_no_rule_values(path):
    text = path.read_text(encoding="utf-8")
    for name in NOT_RULE_TEXT:
        text = text.replace(name, "")
    code = _strip_js(text)
    problems = [f"number {m.group(0)}" for m in re.finditer(r"(?<![\w.])\d+(\.\d+)?(e[+-]?\d+)?(?![\w.])", code)
                if float(m.group(0)) not in ALLOWED_NUMBERS | EXTRA_NUMBERS.get(path.name, set())]
    problems += [f"Chinese text {m.group(0)!r}" for m in CJK.finditer(text)]
    problems += [f"{w!r}" for w in forbidden_words() if _word(w).search(text)]
    problems += [f"data id {w!r}" for w in forbidden_literals() if re.search("['\"]" + re.escape(w) + "['\"]", text)]
    problems += [f"a year {m.group(0)}" for m in YEAR.finditer(text)]
    assert not problems, f"{path.name} holds rule values:\n  " + "\n  ".join(problems)


def test_the_scanner_would_catch_a_threshold_and_a_level():
    assert re.search(r"(?<![\w.])\d+", _strip_js("if (years >= 3) return 'x'; // 4")).group(0) == "3"
    assert _strip_js("a = 'senior-technician' + \"b\\\"c\"; /* 5 */") == 'a = "" + ""; '
    assert _word("technician").search("'senior-technician'") is None
    assert _word("technician").search("x == 'technician'")


def test_every_clause_in_the_rules_exists():
    clauses_file = ROOT / "data" / "clauses.yaml"
    known = {c["id"] for c in yaml.safe_load(clauses_file.read_text(encoding="utf-8"))}
    used = set(re.findall(r"clauses?: \"?([\w.]+)\"?", (ROOT / "data" / "rules.yaml").read_text(encoding="utf-8")))
    used |= {c for e in yaml.safe_load((ROOT / "data" / "editions.yaml").read_text(encoding="utf-8")) for c in e["clauses"]}
    used |= {d["clause"] for d in yaml.safe_load((ROOT / "data" / "decisions.yaml").read_text(encoding="utf-8"))}
    assert used - known == set()


def test_every_decision_the_rules_name_is_recorded():
    recorded = {d["id"] for d in yaml.safe_load((ROOT / "data" / "decisions.yaml").read_text(encoding="utf-8"))}
    named = {d for _path, ids in walk_key(RULES, "decisions") for d in ids}
    assert named and named <= recorded, named - recorded


def _normalise(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")


def test_chinese_text_not_marked_as_paraphrase_is_the_sources_wording():
    source = _normalise((ROOT / "data" / "source" / "000_75dab00c1594eabf.txt").read_text(encoding="utf-8"))
    records = [RULES["policy"], RULES["education_equivalence"]]
    for section in ("pathway_groups", "pathways", "honour_groups", "principles", "exemptions", "reminders"):
        records += RULES[section]
    wrong = [r.get("id", r["text"]["zh"][:12]) for r in records
             if not r.get("paraphrase") and _normalise(r["text"]["zh"]).rstrip("。") not in source]
    assert not wrong


def test_honour_and_level_ids_match_the_schema_enums():
    schema = json.loads((ROOT / "data" / "schemas" / "rules.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    assert defs["skill_level"]["enum"] == RULES["levels"]["skill"]
    assert defs["title_level"]["enum"] == RULES["levels"]["title"]
    glossary = yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8"))
    assert [t["id"] for t in glossary if t["kind"] == "skill-level"] == RULES["levels"]["skill"]
    assert [t["id"] for t in glossary if t["kind"] == "title-level"][:len(RULES["levels"]["title"])] == RULES["levels"]["title"]
