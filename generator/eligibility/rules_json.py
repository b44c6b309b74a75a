"""The rules document: data/rules.yaml resolved into the one JSON both eligibility engines read.

``build_rules_document`` takes the parsed YAML (rules, glossary, editions, decisions and, for committees, the
catalogue, occupations and committees lists) and returns a plain dict: the policy window of the rules' edition, the
level orders with their glossary labels, the pathways with their group's common conditions appended (and each
reading's complete replacement list: a pathway's own, or its group's ``common`` replaced), honours, exemptions,
reminders, the profile fields, limits, every message template, a compact occupation → committees map, and the
everyday title names (data/title-names.yaml) with each committee's list indexes.
A pure transform of data that ``crossrefs`` has already checked (with file and line; the edition's window
in ``editions.check``).
``dumps`` writes it deterministically (sorted keys, compact separators, UTF-8 text).
"""
from __future__ import annotations

import json

from .. import title_names as names
from ..editions import policy_facts


def dumps(doc) -> str:
    """Deterministic JSON: the same document always gives the same text."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _labelled(ids, glossary_by_id):
    return [{"id": term_id, "zh": glossary_by_id[term_id]["zh"], "en": glossary_by_id[term_id]["en"]} for term_id in ids]


def _policy(policy: dict, editions: list | None) -> dict:
    """The rules' policy block with its edition's number and window (data/editions.yaml; that the edition
    exists, editions.check has said, with its line)."""
    edition = next(e for e in editions or [] if e["id"] == policy["edition"])
    return {**policy_facts(edition), "text": policy["text"]}


def _committees_by_occupation(catalogue, occupations, committees) -> dict:
    slug_of = {o["zh"]: o["slug"] for o in occupations}
    by_slug = {o["slug"]: [] for o in occupations}
    for row in catalogue:
        for entry in row.get("occupations") or []:
            slug = slug_of[entry if isinstance(entry, str) else entry["name"]]
            for c in row.get("committees") or []:
                if c not in by_slug[slug]:
                    by_slug[slug].append(c)
    names = {o["slug"]: {"zh": o["zh"], "en": o.get("en") or ""} for o in occupations}
    return {slug: {**names[slug], "committees": ids} for slug, ids in by_slug.items()}


def _committee_facts(committees, catalogue, title_sets) -> dict:
    """Each committee's names, its 三(四)1 field, its scope (the scope note of the rows it reviews:
    电力 发电企业特有) and, where its rows have them, the indexes of their everyday title names (``names``)."""
    scope = {}
    for row in catalogue:
        for c in row.get("committees") or []:
            if row.get("scope_note") and c not in scope:
                scope[c] = {"zh": row["scope_note"]["zh"], "en": row["scope_note"]["en"]}
    out = {c["id"]: {"zh": c.get("zh"), "en": c.get("en"), "scope": scope.get(c["id"]),
                     "field": {"zh": c.get("field_3_4_1"), "en": c.get("field_3_4_1_en")}}
           for c in committees}
    for cid, ix in title_sets.items():
        out[cid]["names"] = ix
    return out


def _title_names(sets: list) -> list:
    """The everyday title name lists as the check reads them: the document's number for the source line,
    the categories only where a list covers some of its series'."""
    return [{k: v for k, v in s.items() if k != "series" and v is not None} for s in sets]


def _committee_guide(guide, clauses) -> list:
    """The committee component's texts (data/committee-guide.yaml), each clause with its printed labels."""
    by_id = {c["id"]: c for c in clauses}

    def label(cid):
        lab = by_id.get(cid, {}).get("label")
        return {"id": cid, "zh": lab["zh"] if lab else cid, "en": lab["en"] if lab else cid}
    return [{**g, "clause_labels": [label(c) for c in g["clauses"]]} for g in guide]



def _readings(pathway: dict, group: dict) -> list:
    """Each alternative reading that changes this pathway, as its complete condition list: the pathway's own
    replacement, or the group's ``common`` replaced (pathway readings first, then group readings)."""
    out = [{"decision": r["decision"], "reading": r["reading"], "conditions": list(r["conditions"])}
           for r in pathway.get("readings") or []]
    out += [{"decision": r["decision"], "reading": r["reading"],
             "conditions": list(pathway["conditions"]) + list(r["common"])} for r in group.get("readings") or []]
    return out


def build_rules_document(rules: dict, glossary: list, catalogue: list | None = None,
                         occupations: list | None = None, committees: list | None = None,
                         committee_guide: list | None = None, clauses: list | None = None,
                         editions: list | None = None, decisions: list | None = None,
                         title_names: dict | None = None, categories: list | None = None) -> dict:
    """The rules JSON both engines read, built from the parsed data files."""
    sets, by_committee = names.by_committee(title_names, catalogue or [], categories or [])
    gloss = {t["id"]: t for t in glossary}
    honours = [{"id": h["id"], "group": g["id"], "zh": h["zh"], "en": h["en"]}
               for g in rules["honour_groups"] for h in g["honours"]]
    groups = {g["id"]: g for g in rules["pathway_groups"]}
    pathways = [{**p, "kind": groups[p["group"]]["kind"],
                 "conditions": list(p["conditions"]) + list(groups[p["group"]]["common"]),
                 "readings": _readings(p, groups[p["group"]])}
                for p in rules["pathways"]]
    equivalence = rules["education_equivalence"]
    classes = _labelled([c["id"] for c in equivalence["classes"]], gloss)
    for c, src in zip(classes, equivalence["classes"], strict=True):
        c["equivalent"] = src["equivalent"]
    education = _labelled(list(dict.fromkeys(c["equivalent"] for c in equivalence["classes"])), gloss)
    return {
        "format": 1,
        "contract_version": rules["contract_version"],
        "condition_tests": rules["condition_tests"],
        "policy": _policy(rules["policy"], editions),
        "levels": {kind: _labelled(ids, gloss) for kind, ids in rules["levels"].items()},
        "pathway_groups": rules["pathway_groups"],
        "pathways": pathways,
        "honour_groups": rules["honour_groups"],
        "honours": honours,
        "principles": rules["principles"],
        "education_equivalence": {**equivalence, "classes": classes},
        "education_levels": education,
        "exemptions": rules["exemptions"],
        "reminders": rules["reminders"],
        "profile_fields": rules["profile_fields"],
        "limits": {"max_years": rules["limits"]["max_years"]},
        "messages": rules["messages"],
        "occupations": _committees_by_occupation(catalogue or [], occupations or [], committees or []),
        "committees": _committee_facts(committees or [], catalogue or [], by_committee),
        "title_names": _title_names(sets),
        "committee_guide": _committee_guide(committee_guide or [], clauses or []),
        "readings": _reading_records(pathways, decisions or []),
    }


def _reading_records(pathways: list, decisions: list) -> dict:
    """The decision records whose alternatives the engines run, with the default and each other reading's
    title (decision id → {clause, title, readings: {reading id: title}}), so a result can name both."""
    used = {r["decision"] for p in pathways for r in p["readings"]}
    return {d["id"]: {"clause": d["clause"], "title": d["title"],
                      "readings": {r["id"]: r["title"] for r in d.get("readings") or []}}
            for d in decisions if d["id"] in used}
