"""Editions of the policy: the one place that knows a policy's number, jurisdiction and period of validity.

An edition (data/editions.yaml) is one policy document in force for a period — its number, valid_from,
validity_years and valid_to — with the printed documents that carry it and, for a later one, the edition it
supersedes. Everything that shows or uses a validity window reads it from here: the rules document
(``policy_facts``), the footer, the home page, the expiry banner (``banner``), the pocket file and the
offline README.

``check(files)`` returns the Problems of editions.yaml and of prose that restates an edition's dates:
valid_to must be valid_from + validity_years − 1 day, the clauses that state the window must print its
first day and length, and any date written in a record citing those clauses (rules.yaml, decisions.yaml)
must be one of the window's two dates — so the prose cannot drift from the data.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .errors import Problem

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
EN_DATE = re.compile(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})")


def last_day(valid_from: str, years: int) -> str:
    """The last day of a period of ``years`` years from ``valid_from``: the day before the anniversary."""
    start = date.fromisoformat(valid_from)
    try:
        anniversary = start.replace(year=start.year + years)
    except ValueError:  # from 29 February: the anniversary is 1 March
        anniversary = start.replace(year=start.year + years, month=3, day=1)
    return (anniversary - timedelta(days=1)).isoformat()


def months_before(day: str, months: int) -> str:
    """The same day ``months`` months earlier (the month's last day where that month is shorter)."""
    d = date.fromisoformat(day)
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1])).isoformat()


def in_force_on(editions: list, day: str) -> dict | None:
    """The edition in force on ``day`` (YYYY-MM-DD), or None; a later edition wins an overlap."""
    hits = [e for e in editions if e["valid_from"] <= day <= e["valid_to"]]
    return max(hits, key=lambda e: e["valid_from"]) if hits else None


def current(editions: list, day: str) -> dict:
    """The edition a page presents first on ``day``: the one in force, else the latest that began."""
    begun = [e for e in editions if e["valid_from"] <= day] or list(editions)
    return in_force_on(editions, day) or max(begun, key=lambda e: e["valid_from"])


def successor(editions: list, edition: dict) -> dict | None:
    """The edition that supersedes ``edition``, if one is recorded."""
    return next((e for e in editions if e.get("supersedes") == edition["id"]), None)


def by_date(editions: list, day: str) -> list:
    """Every edition, the one presented first on ``day`` first, then the others newest first."""
    first = current(editions, day)
    return [first] + sorted((e for e in editions if e is not first), key=lambda e: e["valid_from"], reverse=True)


def policy_facts(edition: dict) -> dict:
    """The validity facts the rules document's ``policy`` carries for the engines."""
    return {
        "edition": {"id": edition["id"], "number": edition["number"], "number_en": edition["number_en"],
                    "jurisdiction": {k: edition["jurisdiction"][k] for k in ("id", "zh", "en")},
                    "valid_from": edition["valid_from"], "valid_to": edition["valid_to"]},
        "document": edition["number"],
        "effective_from": edition["valid_from"],
        "validity_years": edition["validity_years"],
        "last_day": edition["valid_to"],
        "timezone": edition["timezone"],
        "clauses": list(edition["clauses"]),
        "decisions": list(edition["decisions"]),
    }


# --- checks -----------------------------------------------------------------------------------------

def _texts(record: dict, keys: tuple) -> list:
    """(key path, text) of the zh/en texts under ``keys`` of one record."""
    out = []
    for k in keys:
        v = record.get(k)
        if isinstance(v, dict):
            out += [((k, lang), v[lang]) for lang in ("zh", "en") if isinstance(v.get(lang), str)]
    return out


def _dates_in(text: str) -> list[str]:
    found = [f"{y}-{int(m):02d}-{int(d):02d}" for y, m, d in ZH_DATE.findall(text)]
    found += [f"{y}-{MONTHS.index(m) + 1:02d}-{int(d):02d}" for d, m, y in EN_DATE.findall(text)]
    return found


def _cites(record: dict, clauses: set) -> bool:
    cited = set(record.get("clauses") or []) | ({record["clause"]} if record.get("clause") else set())
    return bool(cited & clauses)


def _check_prose(f: dict, edition: dict) -> list[Problem]:
    """Dates and year counts written in records that cite the edition's validity clauses must be its own."""
    clauses, window = set(edition["clauses"]), {edition["valid_from"], edition["valid_to"]}
    rules = f["rules"].data if isinstance(f["rules"].data, dict) else {}
    places = [(f["rules"], ("policy",), rules.get("policy") or {}, ("text",))]
    places += [(f["rules"], ("reminders", i), r, ("text",)) for i, r in enumerate(rules.get("reminders") or [])
               if _cites(r, clauses)]
    places += [(f["decisions"], (i,), d, ("title", "reading")) for i, d in enumerate(f["decisions"].data or [])
               if d.get("id") in edition["decisions"] or _cites(d, clauses)]
    out = []
    for raw, path, record, keys in places:
        for key, text in _texts(record, keys):
            for found in _dates_in(text):
                if found not in window:
                    out.append(raw.problem(path + key, f"only the dates of edition {edition['id']} "
                                           f"({edition['valid_from']}, {edition['valid_to']}; data/editions.yaml)",
                                           f"{found} in {text[:60]!r}"))
            for years in re.findall(r"有效期(\d+)年|valid for (\d+) years", text):
                n = int(years[0] or years[1])
                if n != edition["validity_years"]:
                    out.append(raw.problem(path + key, f"{edition['validity_years']} years (data/editions.yaml)",
                                           f"{n} in {text[:60]!r}"))
    return out


def check_prose(f: dict) -> list[Problem]:
    """The prose check for the edition ``f["rules"]`` names (a later edition's own rules)."""
    named = (f["rules"].data.get("policy") or {}).get("edition")
    edition = next((e for e in f["editions"].data or [] if e["id"] == named), None)
    return _check_prose(f, edition) if edition else []


def check(f: dict) -> list[Problem]:
    """Problems of data/editions.yaml and of the prose that restates its windows."""
    raw = f["editions"]
    editions = raw.data or []
    ids = [e["id"] for e in editions]
    documents = {d["id"] for d in f["documents"].data or []}
    clauses = {c["id"]: c for c in f["clauses"].data or []}
    decisions = {d["id"] for d in f["decisions"].data or []}
    out = []
    for i, e in enumerate(editions):
        if ids.index(e["id"]) != i:
            out.append(raw.problem((i, "id"), "a unique edition id", f"{e['id']!r} again"))
        expected = last_day(e["valid_from"], e["validity_years"])
        if e["valid_to"] != expected:
            out.append(raw.problem((i, "valid_to"), f"{expected} ({e['validity_years']} years from "
                                   f"{e['valid_from']}, the day before the anniversary)", e["valid_to"]))
        if e["supersedes"] is not None and e["supersedes"] not in ids:
            out.append(raw.problem((i, "supersedes"), "an edition id of data/editions.yaml or null", repr(e["supersedes"])))
        for j, d in enumerate(e["documents"]):
            if d not in documents:
                out.append(raw.problem((i, "documents", j), "a document id from data/documents.yaml", repr(d)))
        for j, d in enumerate(e["decisions"]):
            if d not in decisions:
                out.append(raw.problem((i, "decisions", j), "a decision id from data/decisions.yaml", repr(d)))
        start = date.fromisoformat(e["valid_from"])
        for j, cid in enumerate(e["clauses"]):
            if cid not in clauses:
                out.append(raw.problem((i, "clauses", j), "a clause id from data/clauses.yaml", repr(cid)))
                continue
            text = clauses[cid]["zh"].replace(" ", "")
            printed = f"{start.year}年{start.month}月{start.day}日"
            for needle in (printed, f"有效期{e['validity_years']}年"):
                if needle not in text:
                    out.append(raw.problem((i, "clauses", j), f"a clause that prints {needle!r}",
                                           f"{cid}: {text[:50]!r}"))
    for i, c in enumerate(f["clauses"].data or []):
        if c.get("document") not in documents:
            out.append(f["clauses"].problem((i, "document"), "a document id from data/documents.yaml", repr(c.get("document"))))
    rules = f["rules"].data if isinstance(f["rules"].data, dict) else {}
    named = (rules.get("policy") or {}).get("edition")
    edition = next((e for e in editions if e["id"] == named), None)
    if edition is None:
        out.append(f["rules"].problem(("policy", "edition"), f"an edition id of data/editions.yaml ({', '.join(ids)})",
                                      repr(named)))
    elif not out:
        out += _check_prose(f, edition)
    return out
