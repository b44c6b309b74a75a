"""Jurisdiction-ready: the province is data (data/editions.yaml `jurisdiction`), never code.

Fails when Python string literals (docstrings aside), JavaScript (comments aside), templates (Jinja
comments aside) or the MkDocs configs name 广东 or 粤 — a second province's edition must not need a code
change (the site description takes its province and number from the edition: meta.yaml placeholders, filled
by the model and set by the MkDocs hook). Data files, the policy text and the words in
templates/strings/*.yaml (a deployment's copy, like data) are allowed.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROVINCE = re.compile(r"广东|粤")


def _python_literals(source: str) -> list[str]:
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def _js_code(source: str) -> str:
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    return re.sub(r"(^|\s)//[^\n]*", r"\1", source)


def _template_code(source: str) -> str:
    return re.sub(r"\{#.*?#\}", "", source, flags=re.S)


def _hits() -> list[str]:
    out = []
    for p in sorted((ROOT / "generator").rglob("*.py")):
        out += [f"{p.relative_to(ROOT)}: {s[:40]!r}" for s in _python_literals(p.read_text(encoding="utf-8"))
                if PROVINCE.search(s)]
    scripts = list((ROOT / "overrides").rglob("*.js")) + list((ROOT / "generator" / "templates").rglob("*.js"))
    for p in sorted(scripts):
        if PROVINCE.search(_js_code(p.read_text(encoding="utf-8"))):
            out.append(str(p.relative_to(ROOT)))
    templates = list((ROOT / "generator" / "templates").rglob("*.j2")) + list((ROOT / "overrides").rglob("*.html"))
    for p in sorted(templates):
        if PROVINCE.search(_template_code(p.read_text(encoding="utf-8"))):
            out.append(str(p.relative_to(ROOT)))
    out += [p.name for p in sorted(ROOT.glob("mkdocs*.yml")) if PROVINCE.search(p.read_text(encoding="utf-8"))]
    return out


def test_no_code_or_template_names_the_province():
    assert _hits() == []


def test_the_scanner_sees_literals_but_not_docstrings_or_comments():
    assert _python_literals('"""粤 is fine here."""\nx = "粤人社规"\n') == ["粤人社规"]
    assert PROVINCE.search(_js_code('var a = "广东"; // 广东')) and not PROVINCE.search(_js_code("/* 粤 */ a(); // 粤"))
    assert not PROVINCE.search(_template_code("{# 广东 #}{{ x }}"))


def test_the_edition_names_its_jurisdiction(model):
    assert model.current_edition["jurisdiction"] == {"id": "guangdong", "zh": "广东省", "en": "Guangdong Province"}


def test_the_site_description_takes_its_number_and_province_from_the_edition(model):
    assert model.site_description["zh"].startswith("广东省高技能人才") and "（粤人社规〔2022〕5号）" in model.site_description["zh"]
    assert "Guangdong Province (Yue Ren She Gui [2022] No. 5)" in model.site_description["en"]
    assert "{" not in model.site_description["zh"] + model.site_description["en"]
