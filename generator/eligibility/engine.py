"""The Python eligibility engine: a profile and the rules document in, a result out (no I/O).

``validate_profile`` lists every problem with a profile, each naming its field; ``evaluate`` returns the
result of the engine contract (``contract_version`` of the rules document) under the rules of the edition in
force on the profile's ``date`` (``rules_for``; the document carries a later or earlier edition's rules in
``other_editions``) and names that edition (``edition``): whether the policy is in force on the date,
every pathway with what it misses, the highest title and skill level open (四(三)
most-favourable principle), committees, education equivalence, exemptions and the reminders that apply.

Three states: a condition is true, false or unknown — unknown only when a field it reads is unanswered
(``None``: a year count, a date, a yes/no answer). A pathway is met (``True``) unless a condition is false
(``False``, listed in ``missing``); with no false condition but an unknown one it is open (``None``: the
fields to answer in ``unanswered``, the conditions in ``unknown``). An absent level, honours, occupation
or school class means "none". Each alternative reading of rules.yaml (``readings`` of a pathway) is
evaluated alone; a pathway lists those whose ``met`` differs from the default's.

Every year count, level, honour and text comes from the rules document; the JavaScript engine
(overrides/assets/javascripts/eligibility.js) mirrors this module function for function.
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from .dates import anniversary
from .dates import apply as apply_dates
from .validate import _date_ok as date_ok
from .validate import field_defaults, rank, validate_profile

__all__ = ["evaluate", "validate_profile", "today_in", "rules_for"]

UNKNOWN = "unknown"


def today_in(timezone: str) -> str:
    """Today's date (YYYY-MM-DD) in the given time zone, e.g. the policy's Asia/Shanghai."""
    return datetime.now(ZoneInfo(timezone)).date().isoformat()


def _editions(doc):
    return [doc] + list(doc.get("other_editions") or [])


def rules_for(doc, day: str) -> dict:
    """The rules of the edition in force on ``day``: the document itself or one of its ``other_editions``
    (a later one wins an overlap); before every edition the first, after every one the latest begun."""
    docs = _editions(doc)

    def start(d):
        return d["policy"]["effective_from"]
    in_force = [d for d in docs if start(d) <= day <= d["policy"]["last_day"]]
    begun = [d for d in docs if start(d) <= day]
    if in_force or begun:
        return max(in_force or begun, key=start)
    return min(docs, key=start)


def _order(doc, kind):
    return [level["id"] for level in doc["levels"][kind]]


def _years_at(doc, p, kind, level, needed):
    """Years since obtaining ``level`` of ``kind``: a higher level held counts as holding this one at least as
    long. Returns ``(years, held_unanswered, complete_on)``: ``years`` is None when nothing is known;
    ``complete_on`` the first day on which a date given makes the years reach ``needed`` (None without one)."""
    levels = _order(doc, kind)
    need, held = rank(levels, level), rank(levels, p[kind + "_level"])
    since = "years_since_" + kind + "_level"
    sources = [(p[since], p["dates"].get(since))]
    by_field = "years_by_" + kind + "_level"
    by = p[by_field] or {}
    for other in levels:
        if other in by and need <= rank(levels, other) <= held:
            sources.append((by[other], p["dates"].get(by_field + "." + other)))
    known = [v for v, _ in sources if v is not None]
    days = sorted(anniversary(start, needed) for _, start in sources if start is not None)
    held_unanswered = sources[0][0] is None and p[kind + "_level"] not in by
    return (max(known) if known else None), held_unanswered, (days[0] if days else None)


def _check_level_years(doc, cond, p, kind):
    levels = _order(doc, kind)
    if rank(levels, p[kind + "_level"]) < rank(levels, cond["level"]):
        return {"field": kind + "_level", "needed": cond["level"], "has": p[kind + "_level"]}
    has, held_unanswered, complete_on = _years_at(doc, p, kind, cond["level"], cond["years"])
    if has is not None and has >= cond["years"]:
        return None
    if held_unanswered:
        return {UNKNOWN: ["years_since_" + kind + "_level"]}
    field = ("years_since_" + kind + "_level" if cond["level"] == p[kind + "_level"]
             else "years_by_" + kind + "_level." + cond["level"])
    return {"field": field, "level": cond["level"], "needed": cond["years"], "has": has, "complete_on": complete_on}


def _check_skill_years(doc, cond, p):
    return _check_level_years(doc, cond, p, "skill")


def _check_title_years(doc, cond, p):
    return _check_level_years(doc, cond, p, "title")


def _level_short(doc, cond, p, kind):
    """None when the profile's level of ``kind`` (skill, title) is at least the condition's; else the shortfall."""
    levels, field = _order(doc, kind), kind + "_level"
    if rank(levels, p[field]) >= rank(levels, cond["level"]):
        return None
    return {"field": field, "needed": cond["level"], "has": p[field]}


def _check_skill_level(doc, cond, p):
    if any(h in (cond.get("except_honours") or []) for h in p["honours"]):
        return None
    return _level_short(doc, cond, p, "skill")


def _check_title(doc, cond, p):
    return _level_short(doc, cond, p, "title")


def _check_cumulative(doc, cond, p):
    if p["cumulative_work_years"] is None:
        return {UNKNOWN: ["cumulative_work_years"]}
    if p["cumulative_work_years"] >= cond["years"]:
        return None
    return {"field": "cumulative_work_years", "needed": cond["years"], "has": p["cumulative_work_years"]}


def _check_yes(field):
    def check(doc, cond, p):
        if p[field] is None:
            return {UNKNOWN: [field]}
        if p[field] is True:
            return None
        return {"field": field, "needed": True, "has": p[field]}
    return check


def _check_honours(doc, cond, p):
    group = [h["id"] for h in doc["honours"] if h["group"] == cond["group"]]
    if any(h in group for h in p["honours"]):
        return None
    return {"field": "honours", "needed": group, "has": list(p["honours"])}


CHECKS = {
    "skill-years": _check_skill_years,
    "skill-level-at-least": _check_skill_level,
    "title-at-least": _check_title,
    "title-years": _check_title_years,
    "cumulative-years": _check_cumulative,
    "assessments-passed": _check_yes("annual_assessments_passed"),
    "honour-in-group": _check_honours,
    "frontline": _check_yes("frontline_skill_work"),
}


def _conditions(doc, conditions, p):
    """``{met, missing, unanswered, unknown}`` of one condition list (false beats unknown beats true)."""
    missing, unanswered, unknown = [], [], []
    for cond in conditions:
        found = CHECKS[cond["test"]](doc, cond, p)
        if found is None:
            continue
        if UNKNOWN in found:
            unknown.append({"condition": cond["test"], **{k: v for k, v in cond.items() if k != "test"}})
            unanswered.extend(f for f in found[UNKNOWN] if f not in unanswered)
        else:
            missing.append({"condition": cond["test"], **found})
    met = False if missing else (None if unknown else True)
    return {"met": met, "missing": missing, "unanswered": unanswered, "unknown": unknown}


def _pathway(doc, pathway, p):
    default = _conditions(doc, pathway["conditions"], p)
    readings = []
    for alt in pathway.get("readings") or []:
        other = _conditions(doc, alt["conditions"], p)
        if other["met"] != default["met"]:
            readings.append({"decision": alt["decision"], "reading": alt["reading"], **other})
    return {"id": pathway["id"], "clause": pathway["clause"], "kind": pathway["kind"],
            "target": pathway["target"], **default, "readings": readings}


def _highest(doc, kind, pathways, state):
    order = _order(doc, kind)
    best = None
    for pw in pathways:
        if pw["met"] is state and pw["kind"] == kind and rank(order, pw["target"]) > rank(order, best):
            best = pw["target"]
    return best


def _summary(doc, kind, pathways):
    """The highest level met, and the highest level open if unanswered conditions hold (when higher)."""
    best = _highest(doc, kind, pathways, True)
    maybe = _highest(doc, kind, pathways, None)
    order = _order(doc, kind)
    return {"highest": best, "conditional": maybe if rank(order, maybe) > rank(order, best) else None}


def _any(states):
    """Three-valued "or": true if any is true, else unknown if any is unknown, else false."""
    states = list(states)
    return True if True in states else (None if None in states else False)


def _all(states):
    states = list(states)
    return False if False in states else (None if None in states else True)


def _fact(doc, key, wanted, facts, p, exempt):
    at_least = {
        "skill_level_at_least": ("skill", p["skill_level"]),
        "title_level_at_least": ("title", p["title_level"]),
        "skill_highest_at_least": ("skill", facts["skill_highest"]),
    }
    if key in at_least:
        kind, has = at_least[key]
        return rank(_order(doc, kind), has) >= rank(_order(doc, kind), wanted)
    if key == "met_pathways_at_least":
        return facts["met_count"] >= wanted
    if key == "exempt":
        return exempt.get(wanted)
    if key == "honour_in_group":
        return any(h["group"] == wanted and h["id"] in p["honours"] for h in doc["honours"])
    value = facts.get(key)
    return None if value is None else value == wanted


def _holds(doc, when, facts, p, exempt):
    """Whether one of the alternatives of a ``when`` list holds (true, false or unknown); each alternative
    needs all its facts."""
    return _any(_all(_fact(doc, k, v, facts, p, exempt) for k, v in alternative.items()) for alternative in when)


def _with_defaults(doc, profile, today):
    p = dict(field_defaults(doc, today))
    p.update({k: v for k, v in profile.items() if v is not None})
    return apply_dates(doc, p)


def _empty(doc, errors):
    result = {"contract_version": doc["contract_version"], "edition": doc["policy"]["edition"]["id"],
              "date": None, "policy_in_force": None,
              "title": {"highest": None, "conditional": None}, "skill": {"highest": None, "conditional": None},
              "pathways": [], "committees": [], "education_equivalent": None, "reminders": [], "errors": errors}
    for x in doc["exemptions"]:
        result[x["result_field"]] = None
    return result


def evaluate(doc: dict, profile, today: str | None = None) -> dict:
    """The result for one profile; with any input error, only ``errors`` is filled in."""
    date = today or today_in(doc["policy"]["timezone"])
    asked = profile.get("date") if isinstance(profile, dict) else None
    doc = rules_for(doc, asked if date_ok(asked) else date)
    errors = validate_profile(doc, profile, date)
    if errors:
        return _empty(doc, errors)
    p = _with_defaults(doc, profile, date)
    policy = doc["policy"]
    in_force = policy["effective_from"] <= p["date"] <= policy["last_day"]
    pathways = [_pathway(doc, pw, p) for pw in doc["pathways"]]
    title, skill = _summary(doc, "title", pathways), _summary(doc, "skill", pathways)
    facts = {
        "always": True,
        "title_pathway_met": _any(pw["met"] for pw in pathways if pw["kind"] == "title"),
        "skill_pathway_met": _any(pw["met"] for pw in pathways if pw["kind"] == "skill"),
        "met_count": len([pw for pw in pathways if pw["met"] is True]),
        "honours_given": len(p["honours"]) > 0,
        "frontline_skill_work": p["frontline_skill_work"],
        "related_diploma": p["related_diploma"],
        "policy_in_force": in_force,
        "occupation_given": p["occupation"] is not None,
        "skill_highest": skill["highest"],
    }
    result = {
        "contract_version": doc["contract_version"],
        "edition": policy["edition"]["id"],
        "date": p["date"],
        "policy_in_force": in_force,
        "title": title,
        "skill": skill,
        "pathways": pathways,
        "committees": list(doc["occupations"][p["occupation"]]["committees"]) if p["occupation"] else [],
        "education_equivalent": None,
        "errors": [],
    }
    equivalence = doc["education_equivalence"]
    for c in equivalence["classes"]:
        if c["id"] == p["technical_school_class"]:
            result["education_equivalent"] = {"school_class": c["id"], "equivalent": c["equivalent"],
                                              "clause": equivalence["clause"]}
    exempt = {}
    for x in doc["exemptions"]:
        exempt[x["id"]] = _holds(doc, x["when"], facts, p, exempt)
        result[x["result_field"]] = exempt[x["id"]]
    result["reminders"] = []
    for r in doc["reminders"]:
        holds = _holds(doc, r["when"], facts, p, exempt)
        if holds is not False:
            result["reminders"].append({"id": r["id"], "clause": r["clause"], "holds": holds})
    return result
