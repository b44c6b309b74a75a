"""Dates instead of arithmetic: a "years since" answer given as the date it counts from.

A profile may give the date a skill level or title was obtained (``skill_level_date``, ``title_level_date``)
or a date per level (``dates_by_skill_level``, ``dates_by_title_level``) instead of a number of years; the
field that a date stands for is named by its profile field's ``instead_of`` in the rules document. A date
assumes continuous relevant work since (decision record ``dates-count-continuous-work``).

Years are counted in integer year/month/day at the profile's ``date``, never through a clock or a time
zone: 满 N 年 is complete on the N-th anniversary of the start (the same month and day, N years later); a
start on 29 February has its anniversary on 28 February in common years. Mirrored in eligibility-dates.js.
"""
from __future__ import annotations


def parse(text: str) -> tuple[int, int, int]:
    year, month, day = (int(part) for part in text.split("-"))
    return year, month, day


def iso(ymd: tuple[int, int, int]) -> str:
    return f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def anniversary(start: str, years: int) -> str:
    """The day ``years`` full years after ``start`` are complete (29 February → 28 February)."""
    year, month, day = parse(start)
    year += years
    if month == 2 and day == 29 and not _leap(year):
        day = 28
    return iso((year, month, day))


def completed_years(start: str, on: str) -> int:
    """Full years from ``start`` to ``on`` (both YYYY-MM-DD, ``start`` not after ``on``)."""
    years = parse(on)[0] - parse(start)[0]
    if anniversary(start, years) > on:
        years -= 1
    return years


def date_fields(doc: dict) -> dict:
    """Date field id → the years field it stands for (``instead_of``)."""
    return {f["id"]: f["instead_of"] for f in doc["profile_fields"] if f.get("instead_of")}


def apply(doc: dict, p: dict) -> dict:
    """The profile with every date turned into the years it stands for, and ``dates`` (years field or
    ``field.level`` → the date), from which ``complete_on`` is worked out."""
    p = dict(p)
    dates = {}
    for field, years_field in date_fields(doc).items():
        value = p.get(field)
        if value is None:
            continue
        if isinstance(value, dict):
            by = dict(p.get(years_field) or {})
            for level, start in value.items():
                by[level] = completed_years(start, p["date"])
                dates[years_field + "." + level] = start
            p[years_field] = by
        else:
            p[years_field] = completed_years(value, p["date"])
            dates[years_field] = value
    p["dates"] = dates
    return p
