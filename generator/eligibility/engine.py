"""The Python eligibility engine: a profile and the rules document in, a result out (no I/O).

``validate_profile`` lists every problem with a profile, each naming its field; ``evaluate`` returns the
result of the engine contract: whether the policy is in force on the date, every pathway with what it
misses, the highest title and skill level open (四(三) most-favourable principle), committees,
education equivalence, exemptions and the reminders that apply. Every year count, level, honour and
text comes from the rules document; overrides/assets/javascripts/eligibility.js mirrors this module
line for line and must give the same result.
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from .validate import field_defaults, rank, validate_profile

__all__ = ["evaluate", "validate_profile", "today_in"]


def today_in(timezone: str) -> str:
    """Today's date (YYYY-MM-DD) in the given time zone, e.g. the policy's Asia/Shanghai."""
    return datetime.now(ZoneInfo(timezone)).date().isoformat()


def _order(doc, kind):
    return [level["id"] for level in doc["levels"][kind]]


def _years_at(doc, p, level):
    """Years since obtaining ``level``: a higher level held counts as holding this one at least as long."""
    skills = _order(doc, "skill")
    need, held = rank(skills, level), rank(skills, p["skill_level"])
    values = [p["years_since_skill_level"]]
    for other in skills:
        if other in p["years_by_skill_level"] and need <= rank(skills, other) <= held:
            values.append(p["years_by_skill_level"][other])
    return max(values)


def _check_skill_years(doc, cond, p):
    skills = _order(doc, "skill")
    if rank(skills, p["skill_level"]) < rank(skills, cond["level"]):
        return {"field": "skill_level", "needed": cond["level"], "has": p["skill_level"]}
    has = _years_at(doc, p, cond["level"])
    if has >= cond["years"]:
        return None
    field = "years_since_skill_level" if cond["level"] == p["skill_level"] else "years_by_skill_level." + cond["level"]
    return {"field": field, "level": cond["level"], "needed": cond["years"], "has": has}


def _check_skill_level(doc, cond, p):
    skills = _order(doc, "skill")
    if rank(skills, p["skill_level"]) >= rank(skills, cond["level"]):
        return None
    return {"field": "skill_level", "needed": cond["level"], "has": p["skill_level"]}


def _check_title(doc, cond, p):
    titles = _order(doc, "title")
    if rank(titles, p["title_level"]) >= rank(titles, cond["level"]):
        return None
    return {"field": "title_level", "needed": cond["level"], "has": p["title_level"]}


def _check_cumulative(doc, cond, p):
    if p["cumulative_work_years"] >= cond["years"]:
        return None
    return {"field": "cumulative_work_years", "needed": cond["years"], "has": p["cumulative_work_years"]}


def _check_assessments(doc, cond, p):
    if p["annual_assessments_passed"] is True:
        return None
    return {"field": "annual_assessments_passed", "needed": True, "has": p["annual_assessments_passed"]}


def _check_honours(doc, cond, p):
    group = [h["id"] for h in doc["honours"] if h["group"] == cond["group"]]
    if any(h in group for h in p["honours"]):
        return None
    return {"field": "honours", "needed": group, "has": list(p["honours"])}


def _check_frontline(doc, cond, p):
    if p["frontline_skill_work"] is True:
        return None
    return {"field": "frontline_skill_work", "needed": True, "has": p["frontline_skill_work"]}


CHECKS = {
    "skill-years": _check_skill_years,
    "skill-level-at-least": _check_skill_level,
    "title-at-least": _check_title,
    "cumulative-years": _check_cumulative,
    "assessments-passed": _check_assessments,
    "honour-in-group": _check_honours,
    "frontline": _check_frontline,
}


def _pathway(doc, pathway, p):
    missing = []
    for cond in pathway["conditions"]:
        found = CHECKS[cond["test"]](doc, cond, p)
        if found is not None:
            missing.append({"condition": cond["test"], **found})
    return {"id": pathway["id"], "clause": pathway["clause"], "kind": pathway["kind"],
            "target": pathway["target"], "met": not missing, "missing": missing}


def _highest(doc, kind, pathways):
    order = _order(doc, kind)
    best = None
    for pw in pathways:
        if pw["met"] and pw["kind"] == kind and rank(order, pw["target"]) > rank(order, best):
            best = pw["target"]
    return best


def _holds(doc, when, facts, p, exempt):
    """Whether one of the alternatives of a ``when`` list holds; each alternative needs all its facts."""
    at_least = {
        "skill_level_at_least": ("skill", p["skill_level"]),
        "title_level_at_least": ("title", p["title_level"]),
        "skill_highest_at_least": ("skill", facts["skill_highest"]),
    }
    for alternative in when:
        ok = True
        for key, wanted in alternative.items():
            if key in at_least:
                kind, has = at_least[key]
                ok = ok and rank(_order(doc, kind), has) >= rank(_order(doc, kind), wanted)
            elif key == "met_pathways_at_least":
                ok = ok and facts["met_count"] >= wanted
            elif key == "exempt":
                ok = ok and exempt.get(wanted) is True
            else:
                ok = ok and facts.get(key) == wanted
        if ok:
            return True
    return False


def _with_defaults(doc, profile, today):
    p = dict(field_defaults(doc, today))
    p.update({k: v for k, v in profile.items() if v is not None})
    return p


def _empty(doc, errors):
    result = {"date": None, "policy_in_force": None, "title": {"highest": None}, "skill": {"highest": None},
              "pathways": [], "committees": [], "education_equivalent": None, "reminders": [], "errors": errors}
    for x in doc["exemptions"]:
        result[x["result_field"]] = None
    return result


def evaluate(doc: dict, profile, today: str | None = None) -> dict:
    """The result for one profile; with any input error, only ``errors`` is filled in."""
    errors = validate_profile(doc, profile)
    if errors:
        return _empty(doc, errors)
    p = _with_defaults(doc, profile, today or today_in(doc["policy"]["timezone"]))
    policy = doc["policy"]
    in_force = policy["effective_from"] <= p["date"] <= policy["last_day"]
    pathways = [_pathway(doc, pw, p) for pw in doc["pathways"]]
    met = [pw for pw in pathways if pw["met"]]
    facts = {
        "always": True,
        "title_pathway_met": any(pw["kind"] == "title" for pw in met),
        "skill_pathway_met": any(pw["kind"] == "skill" for pw in met),
        "met_count": len(met),
        "honours_given": len(p["honours"]) > 0,
        "frontline_skill_work": p["frontline_skill_work"],
        "related_diploma": p["related_diploma"],
        "policy_in_force": in_force,
        "occupation_given": p["occupation"] is not None,
        "skill_highest": _highest(doc, "skill", pathways),
    }
    result = {
        "date": p["date"],
        "policy_in_force": in_force,
        "title": {"highest": _highest(doc, "title", pathways)},
        "skill": {"highest": facts["skill_highest"]},
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
    result["reminders"] = [{"id": r["id"], "clause": r["clause"]}
                           for r in doc["reminders"] if _holds(doc, r["when"], facts, p, exempt)]
    return result

