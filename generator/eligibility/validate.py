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

from .dates import completed_years

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
    """The value each optional field takes when it is absent or null: an unanswered year count, date or
    yes/no answer stays None (unknown, never "no"); no honours are none."""
    by_type = {"honours": [], "date": today}
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


KIND_OF_TYPE = {"skill-level": "skill", "title-level": "title", "years-by-skill-level": "skill",
                "years-by-title-level": "title", "dates-by-skill-level": "skill", "dates-by-title-level": "title"}


def _options(doc, field_type):
    """The ids a field of this type may take."""
    if field_type in KIND_OF_TYPE:
        return [level["id"] for level in doc["levels"][KIND_OF_TYPE[field_type]]]
    if field_type == "honours":
        return [h["id"] for h in doc["honours"]]
    return [c["id"] for c in doc["education_equivalence"]["classes"]]


ONE_VALUE = ("skill-level", "title-level", "school-class", "occupation", "years", "boolean")


def _one_value_problem(doc, kind, value, max_years):
    """(error code, params) when the answer to a one-value field (a kind of ONE_VALUE) is not valid, else None."""
    if kind == "occupation":
        return None if isinstance(value, str) and value in doc["occupations"] else ("unknown_occupation", {})
    if kind == "boolean":
        return None if isinstance(value, bool) else ("not_a_boolean", {})
    if kind == "years":
        code = _years_code(value, max_years)
        return None if code is None else (code, {"max": str(max_years)})
    options = _options(doc, kind)
    return None if isinstance(value, str) and value in options else ("unknown_id", {"options": ", ".join(options)})


def validate_profile(doc: dict, profile, today: str | None = None) -> list:
    """Every problem with ``profile``, in a fixed order; an empty list when it can be evaluated. ``today``
    is the date of the check when the profile gives none (dates after it are refused)."""
    errors = []
    messages = doc["messages"]["errors"]

    def add(field, code, **params):
        params = {"field": field, **params}
        errors.append({"field": field, "code": code, "params": params,
                       "message": {lang: fill(messages[code][lang], params) for lang in ("zh", "en")}})

    if not isinstance(profile, dict):
        add("profile", "not_an_object")
        return errors
    fields = doc["profile_fields"]
    known = [f["id"] for f in fields]
    for key in sorted((k for k in profile if k not in known), key=_utf16):
        add(key, "unknown_field", options=", ".join(known))
    max_years = doc["limits"]["max_years"]
    check_date = profile.get("date") if _date_ok(profile.get("date")) else today
    valid = {}  # field → value, for values that passed their own check
    for f in fields:
        name, kind, value = f["id"], f["type"], profile.get(f["id"])
        if value is None:
            continue
        if kind in ONE_VALUE:
            problem = _one_value_problem(doc, kind, value, max_years)
            if problem is None:
                valid[name] = value
            else:
                add(name, problem[0], **problem[1])
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
        elif kind == "since-date":
            if _since_date_ok(name, value, check_date, max_years, add):
                valid[name] = value
        elif kind in KIND_OF_TYPE:  # years-by-… and dates-by-…: level id → years or date
            if not isinstance(value, dict):
                add(name, "not_a_mapping")
                continue
            levels = _options(doc, kind)
            entries = {}
            for level in levels:
                if level not in value:
                    continue
                if kind.startswith("dates-"):
                    if _since_date_ok(f"{name}.{level}", value[level], check_date, max_years, add):
                        entries[level] = value[level]
                    continue
                code = _years_code(value[level], max_years)
                if code is None:
                    entries[level] = value[level]
                else:
                    add(f"{name}.{level}", code, max=str(max_years))
            for key in sorted((k for k in value if k not in levels), key=_utf16):
                add(f"{name}.{key}", "unknown_id", options=", ".join(levels))
            valid[name] = entries
    _check_both_given(doc, profile, valid, add)
    for kind in ("skill", "title"):
        _check_years_across(doc, valid, kind, add, profile.get(kind + "_level") is not None, check_date)
    return errors


def _since_date_ok(field, value, check_date, max_years, add) -> bool:
    """A date a level was obtained: valid, not after the check date, at most ``max_years`` before it."""
    if not _date_ok(value):
        add(field, "invalid_date")
        return False
    if check_date is None:
        return True
    if value > check_date:
        add(field, "date_after_check_date", date=check_date)
        return False
    if completed_years(value, check_date) > max_years:
        add(field, "too_large", max=str(max_years))
        return False
    return True


def _check_both_given(doc, profile, valid, add):
    """A date and a number of years for the same thing: one of them must go."""
    for f in doc["profile_fields"]:
        other = f.get("instead_of")
        if other is None or profile.get(f["id"]) is None or profile.get(other) is None:
            continue
        mine, theirs = profile[f["id"]], profile[other]
        if isinstance(mine, dict) and isinstance(theirs, dict):
            for level in sorted((k for k in mine if k in theirs), key=_utf16):
                add(f"{f['id']}.{level}", "both_given", other=f"{other}.{level}")
        elif not isinstance(mine, dict) and not isinstance(theirs, dict):
            add(f["id"], "both_given", other=other)


def _check_years_across(doc, valid, kind, add, level_given, check_date):
    """Cross-field checks of one kind's years and dates: against working years, the level held, each other."""
    levels = _options(doc, kind + "-level")
    held_field, since_field = kind + "_level", "years_since_" + kind + "_level"
    work = valid.get("cumulative_work_years")
    since = valid.get(since_field)
    if work is not None and since is not None and since > work:
        add(since_field, "exceeds_work_years")
    if level_given and held_field not in valid:
        return  # the level is unknown: its years cannot be judged
    held_level = valid.get(held_field)
    held = rank(levels, held_level)
    for by_field, since_name, lower_is_less in (("years_by_" + kind + "_level", since_field, True),
                                                ("dates_by_" + kind + "_level", kind + "_level_date", False)):
        entries = valid.get(by_field) or {}
        held_value = valid.get(since_name)
        for level in levels:
            if level not in entries:
                continue
            field, value = by_field + "." + level, entries[level]
            if rank(levels, level) > held:
                add(field, "level_not_held", other=held_field)
                continue
            if lower_is_less and work is not None and value > work:
                add(field, "exceeds_work_years")
            if level == held_level:
                if held_value is not None and value != held_value:
                    add(field, "contradicts", other=since_name)
                continue
            for higher in levels[rank(levels, level) + 1: held + 1]:
                if higher in entries:
                    other, other_value = by_field + "." + higher, entries[higher]
                elif higher == held_level and held_value is not None:
                    other, other_value = since_name, held_value
                else:
                    continue
                if lower_is_less and value < other_value:
                    add(field, "out_of_order", other=other)
                if not lower_is_less and value > other_value:
                    add(field, "dates_out_of_order", other=other)
                break
