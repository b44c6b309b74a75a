"""Checking a profile before the engine evaluates it: every problem, each naming its field.

A profile is checked field by field against ``profile_fields`` of the rules document (type, required,
allowed ids, 0 ≤ years ≤ ``limits.max_years``), then across fields: years at a skill level cannot exceed
the cumulative working years, cannot be given for a level above the one held, must agree with
``years_since_skill_level`` for the level held, and cannot be fewer for a lower level than for a higher
one (it was obtained earlier). Each error is ``{field, code, message: {zh, en}}`` with the message
filled in from ``messages.errors`` of the rules document. Mirrored in eligibility.js.
"""
from __future__ import annotations

import re
from datetime import date

_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PLACEHOLDER = re.compile("\\{([a-z_]+)\\}")


def rank(order: list, level) -> int:
    """Position of a level in its order, lowest first; -1 for none or an unknown level."""
    return order.index(level) if level in order else -1


def fill(template: str, params: dict) -> str:
    """Replace ``{name}`` placeholders; unknown names are left as written."""
    return _PLACEHOLDER.sub(lambda m: params[m.group(1)] if m.group(1) in params else m.group(0), template)


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be", "surrogatepass")


def field_defaults(doc: dict, today: str) -> dict:
    """The value each optional field takes when it is absent or null."""
    by_type = {"boolean": False, "honours": [], "years-by-skill-level": {}, "date": today}
    return {f["id"]: by_type.get(f["type"]) for f in doc["profile_fields"]}


def _years_code(value, max_years):
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return "not_a_number"
    if value < 0:
        return "negative"
    if value > max_years:
        return "too_large"
    return None


def _date_ok(value) -> bool:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return False
    year, month, day = (int(part) for part in value.split("-"))
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _options(doc, field_type):
    """The ids a field of this type may take."""
    if field_type == "skill-level":
        return [level["id"] for level in doc["levels"]["skill"]]
    if field_type == "title-level":
        return [level["id"] for level in doc["levels"]["title"]]
    if field_type == "honours":
        return [h["id"] for h in doc["honours"]]
    return [c["id"] for c in doc["education_equivalence"]["classes"]]


def validate_profile(doc: dict, profile) -> list:
    """Every problem with ``profile``, in a fixed order; an empty list when it can be evaluated."""
    errors = []
    messages = doc["messages"]["errors"]

    def add(field, code, **params):
        params = {"field": field, **params}
        errors.append({"field": field, "code": code,
                       "message": {lang: fill(messages[code][lang], params) for lang in ("zh", "en")}})

    if not isinstance(profile, dict):
        add("profile", "not_an_object")
        return errors
    fields = doc["profile_fields"]
    known = [f["id"] for f in fields]
    for key in sorted((k for k in profile if k not in known), key=_utf16):
        add(key, "unknown_field", options=", ".join(known))
    max_years = doc["limits"]["max_years"]
    skills = _options(doc, "skill-level")
    valid = {}  # field → value, for values that passed their own check
    for f in fields:
        name, kind, value = f["id"], f["type"], profile.get(f["id"])
        if value is None:
            required = f.get("required") is True or (
                f.get("required_when") is not None and profile.get(f["required_when"]) is not None)
            if required:
                add(name, "required")
            continue
        if kind in ("skill-level", "title-level", "school-class"):
            options = _options(doc, kind)
            if isinstance(value, str) and value in options:
                valid[name] = value
            else:
                add(name, "unknown_id", options=", ".join(options))
        elif kind == "occupation":
            if isinstance(value, str) and value in doc["occupations"]:
                valid[name] = value
            else:
                add(name, "unknown_occupation")
        elif kind == "years":
            code = _years_code(value, max_years)
            if code is None:
                valid[name] = value
            else:
                add(name, code, max=str(max_years))
        elif kind == "boolean":
            if isinstance(value, bool):
                valid[name] = value
            else:
                add(name, "not_a_boolean")
        elif kind == "honours":
            if not isinstance(value, list):
                add(name, "not_a_list")
                continue
            options = _options(doc, "honours")
            for i, item in enumerate(value):
                if not isinstance(item, str) or item not in options:
                    add(f"{name}[{i}]", "unknown_id", options=", ".join(options))
        elif kind == "date":
            if not _date_ok(value):
                add(name, "invalid_date")
        elif kind == "years-by-skill-level":
            if not isinstance(value, dict):
                add(name, "not_a_mapping")
                continue
            entries = {}
            for level in skills:
                if level in value:
                    code = _years_code(value[level], max_years)
                    if code is None:
                        entries[level] = value[level]
                    else:
                        add(f"{name}.{level}", code, max=str(max_years))
            for key in sorted((k for k in value if k not in skills), key=_utf16):
                add(f"{name}.{key}", "unknown_id", options=", ".join(skills))
            valid[name] = entries
    _check_years_across(valid, skills, add, "skill_level" in profile and profile["skill_level"] is not None)
    return errors


def _check_years_across(valid, skills, add, level_given):
    """Cross-field checks of the years: against working years, the level held, and each other."""
    work = valid.get("cumulative_work_years")
    since = valid.get("years_since_skill_level")
    if work is not None and since is not None and since > work:
        add("years_since_skill_level", "exceeds_work_years")
    if level_given and "skill_level" not in valid:
        return  # the level is unknown: its years cannot be judged
    held_level = valid.get("skill_level")
    held = rank(skills, held_level)
    entries = valid.get("years_by_skill_level") or {}
    for level in skills:
        if level not in entries:
            continue
        field, years = "years_by_skill_level." + level, entries[level]
        if rank(skills, level) > held:
            add(field, "level_not_held")
            continue
        if work is not None and years > work:
            add(field, "exceeds_work_years")
        if level == held_level:
            if since is not None and years != since:
                add(field, "contradicts")
            continue
        for higher in skills[rank(skills, level) + 1: held + 1]:
            if higher in entries:
                other, other_years = "years_by_skill_level." + higher, entries[higher]
            elif higher == held_level and since is not None:
                other, other_years = "years_since_skill_level", since
            else:
                continue
            if years < other_years:
                add(field, "out_of_order", other=other)
            break
