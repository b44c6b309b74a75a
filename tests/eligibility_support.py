"""Shared by the eligibility tests: the rules document, both engines, and how a case's `expected` is compared.

``run_js`` evaluates many profiles in ONE Node process (tests/js/run_eligibility.js) and returns the
results as parsed JSON; ``run_py`` does the same with the Python engine, round-tripped through JSON so
that both sides are compared as the JSON they would print.
"""
from __future__ import annotations

import functools
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.eligibility.assets import rules_document as document_of
from generator.eligibility.engine import evaluate
from generator.model import load_model

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "eligibility.yaml"
RUNNER = ROOT / "tests" / "js" / "run_eligibility.js"
JS_ENGINE = ROOT / "overrides" / "assets" / "javascripts" / "eligibility.js"
DIRECT = ("title.highest", "skill.highest", "title.conditional", "skill.conditional", "contract_version",
          "policy_in_force", "date", "committees", "education_equivalent",
          "theory_exam_exempt", "theory_fee_exempt")


@functools.cache
def rules_document() -> dict:
    return document_of(load_model())


def load_cases() -> list[dict]:
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))


def run_py(profiles, today=None) -> list:
    doc = rules_document()
    return [json.loads(json.dumps(evaluate(doc, p, today))) for p in profiles]


def run_js(profiles, today=None, doc=None) -> list:
    """The JavaScript engine's results; ``doc`` another form of the rules document (the pocket's)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the JavaScript engine cannot be tested")
    payload = json.dumps({"rules": doc or rules_document(), "profiles": profiles, "today": today}, ensure_ascii=False)
    done = subprocess.run([node, str(RUNNER)], input=payload, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        pytest.fail(f"node {RUNNER.name} failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout)


def _lookup(result, dotted):
    value = result
    for part in dotted.split("."):
        value = value[part]
    return value


def _subset(expected, actual) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and _subset(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(
            _subset(e, a) for e, a in zip(expected, actual, strict=True))
    return expected == actual and type(expected) is type(actual) or (
        isinstance(expected, int | float) and not isinstance(expected, bool)
        and isinstance(actual, int | float) and not isinstance(actual, bool) and expected == actual)


def mismatches(expected: dict, result: dict) -> list[str]:
    """What differs between a case's `expected` and a result (empty when the result matches)."""
    out = []
    for key, want in expected.items():
        if key in DIRECT:
            got = _lookup(result, key)
            if not _subset(want, got) or (isinstance(want, list | dict) and want != got):
                out.append(f"{key}: expected {want!r}, got {got!r}")
        elif key == "met":
            got = [p["id"] for p in result["pathways"] if p["met"]]
            if got != want:
                out.append(f"met: expected {want}, got {got}")
        elif key == "pathways":
            by_id = {p["id"]: p for p in result["pathways"]}
            for pid, sub in want.items():
                if pid not in by_id:
                    out.append(f"pathways.{pid}: no such pathway in the result")
                elif not _subset(sub, by_id[pid]):
                    out.append(f"pathways.{pid}: expected {sub!r}, got {by_id[pid]!r}")
        elif key in ("reminders", "reminders_include", "reminders_exclude"):
            got = [r["id"] for r in result["reminders"]]
            if key == "reminders" and got != want:
                out.append(f"reminders: expected {want}, got {got}")
            if key == "reminders_include" and [r for r in want if r not in got]:
                out.append(f"reminders: expected to include {want}, got {got}")
            if key == "reminders_exclude" and [r for r in want if r in got]:
                out.append(f"reminders: expected to exclude {want}, got {got}")
        elif key == "errors":
            if not _subset(want, result["errors"]):
                got = [{"field": e["field"], "code": e["code"]} for e in result["errors"]]
                out.append(f"errors: expected {want}, got {got}")
        else:
            out.append(f"{key}: not a key this test knows how to compare")
    return out
