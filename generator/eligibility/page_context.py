"""What the eligibility pages need besides their templates' words: check/index.md and check/engine.md.

- ``check_context``: the rules document (the form, its options and the reference tables are drawn from
  it), honours whose names are easily confused across the two groups of 四(五), and ``widget_data``,
  the page-specific part of what check.js reads (chrome strings, clause labels, committee names that
  the rules document leaves empty);
- ``engine_context``: the rules document and an example profile with the result the Python engine
  gives for it, computed at build time so the integrators' page never goes stale.

Every value comes from the rules document or the model; nothing here names a level, a year or an honour.
"""
from __future__ import annotations

import json

from .. import not_listed
from ..crossrefs import clause_refs
from ..model import Model
from .assets import RULES_JSON, RULES_SCRIPT, rules_document
from .engine import evaluate
from .validate import field_defaults

# The strings (templates/strings/*.yaml) check.js needs, by key prefix: its own, and the pathway wording
# that the home page uses too (conditions, groups, honour group numbers).
WIDGET_STRING_PREFIXES = ("check_v_",)
ENGINE_SCRIPTS = ("eligibility-dates.js", "eligibility-validate.js", "eligibility.js")
VIEW_SCRIPTS = ("check-form.js", "check-names.js", "check-view.js", "check-render.js")
SCRIPTS = (RULES_SCRIPT, *(f"assets/javascripts/{name}" for name in ENGINE_SCRIPTS + VIEW_SCRIPTS),
           "assets/javascripts/check.js", "assets/javascripts/dom.js", "assets/javascripts/finder.js",
           "assets/javascripts/check-print.js")  # the printed answer's address and QR code (issue 12)


def clause_ids(doc: dict) -> list[str]:
    """Every clause the rules document cites (``clause`` values and ``clauses`` lists)."""
    return sorted({cid for _path, cid in clause_refs({k: v for k, v in doc.items() if k != "occupations"})})


def similar_honours(doc: dict, glossary: list) -> list[list[dict]]:
    """Honours of different groups that people mix up: those named by the same glossary term, or by terms
    that differ only in their first word (全国/南粤/广东省 技术能手). Each cluster lists its honours in
    rules order, each with its honour group."""
    groups = {g["id"]: g for g in doc["honour_groups"]}
    clusters: dict[str, list] = {}
    for term in glossary:
        if term.get("kind") != "term":
            continue
        key = term["en"].split(" ", 1)[-1].lower()
        for honour in doc["honours"]:
            if (term["en"] in honour["en"] or term["zh"] in honour["zh"]) and honour not in clusters.get(key, []):
                clusters.setdefault(key, []).append(honour)
    out, seen = [], set()
    for honours in clusters.values():
        ids = frozenset(h["id"] for h in honours)
        if len({h["group"] for h in honours}) > 1 and ids not in seen:
            seen.add(ids)
            ordered = [h for h in doc["honours"] if h["id"] in ids]
            out.append([{"honour": h, "group": groups[h["group"]]} for h in ordered])
    return out


def widget_data(doc: dict, h) -> dict:
    """The page's part of what check.js reads (the rules come from rules-data.js): the view's labels in the
    page's language (``s``: the check_v_* strings without their prefix), the printed label of every clause
    the rules cite (and, for a later edition's clauses, the edition whose policy page prints them), the display
    name (the model's) of each committee the rules document has no name for (those 三(四)1 names only by field),
    and the one "not listed / no occupation" text (generator/not_listed.py, data/not-listed.yaml) the answer
    shows when no occupation is chosen."""
    strings = {key[len("check_v_"):]: h.t(key) for key in sorted(h.strings) if key.startswith(WIDGET_STRING_PREFIXES)}
    committees = {c["id"]: c["display"][h.lang] for c in h.model.committees
                  if not (doc["committees"].get(c["id"]) or {}).get(h.lang)}
    out = {"lang": h.lang, "s": strings, "clauses": {cid: h.clause_label(cid) for cid in clause_ids(doc)},
           "committees": committees, "not_listed": not_listed.view(h.model, h.lang)}
    pages = {cid: page.split("/")[1] for cid in out["clauses"]  # a later edition's clause: /policy/<edition>/
             if (page := h.model.clause_page.get(cid, "policy/index.md")) != "policy/index.md"}
    if pages:
        out["clause_pages"] = pages
    return out


def widget_json(doc: dict, h) -> str:
    """``widget_data`` as compact JSON for a data- attribute (the template's autoescape quotes it)."""
    return json.dumps(widget_data(doc, h), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def check_context(model: Model) -> dict:
    doc = rules_document(model)
    return {"rules": doc, "similar_honours": similar_honours(doc, model.glossary), "gt_scripts": list(SCRIPTS),
            "widget_json": lambda h: widget_json(doc, h)}


def example_profile(doc: dict) -> dict:
    """A profile made from the rules: someone holding a middle skill level for exactly the years one
    pathway asks (so some pathways are met and some not), with an occupation and the policy's first day."""
    skills = [level["id"] for level in doc["levels"]["skill"]]
    counted = [c for p in doc["pathways"] for c in p["conditions"] if c["test"] == "skill-years"]
    cond = next((c for c in counted if c["level"] in skills[1:-1]), counted[0])
    work = max([cond["years"]] + [c["years"] for p in doc["pathways"] for c in p["conditions"]
                                  if c["test"] == "cumulative-years"])
    return {"skill_level": cond["level"], "years_since_skill_level": cond["years"], "cumulative_work_years": work,
            "annual_assessments_passed": True, "occupation": next(iter(doc["occupations"])),
            "date": doc["policy"]["effective_from"]}


def pretty(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent="  ")


def engine_context(model: Model) -> dict:
    doc = rules_document(model)
    profile = example_profile(doc)
    result = evaluate(doc, profile)
    return {"rules": doc, "defaults": field_defaults(doc, None), "rules_json": RULES_JSON, "scripts": SCRIPTS,
            "result_keys": list(result), "exemption_fields": {x["result_field"]: x for x in doc["exemptions"]},
            "example_profile": pretty(profile), "example_result": pretty(result)}
