"""Random profiles through both engines: the Python and the JavaScript result must be identical.

Hypothesis draws 1000 profiles (mostly valid, some deliberately wrong: negative, absurd, mistyped,
unknown ids, bad dates); they all go to Node in ONE process, and every result is compared with the
Python engine's. A second property checks, in Python alone, the invariants of any result.
"""
from __future__ import annotations

import random
from datetime import date

from eligibility_support import rules_document, run_js, run_py
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.eligibility.engine import evaluate

DOC = rules_document()
SKILLS = [level["id"] for level in DOC["levels"]["skill"]]
TITLES = [level["id"] for level in DOC["levels"]["title"]]
HONOURS = [h["id"] for h in DOC["honours"]]
CLASSES = [c["id"] for c in DOC["education_equivalence"]["classes"]]
OCCUPATIONS = sorted(DOC["occupations"])[:20] + ["mujugong", "gangjingong"]
THRESHOLDS = sorted({c["years"] for p in DOC["pathways"] for c in p["conditions"] if "years" in c})
MAX = DOC["limits"]["max_years"]
POLICY = DOC["policy"]

# Years near every threshold and bound, plus arbitrary ones.
NEAR = sorted({max(0.0, t + d) for t in THRESHOLDS + [0, MAX] for d in (-0.01, -1e-9, 0, 1e-9, 0.01, 0.5)})
VALID_YEARS = st.one_of(st.sampled_from(NEAR), st.integers(0, MAX), st.floats(0, MAX, allow_nan=False))
BAD_YEARS = st.one_of(st.floats(-5, -1e-9), st.floats(MAX + 1e-6, 1e6), st.integers(MAX + 1, 200),
                      st.sampled_from(["3", "three", True, False, [], {}]))
YEARS = st.one_of(VALID_YEARS, BAD_YEARS)
GOOD_DATES = st.one_of(
    st.sampled_from([POLICY["effective_from"], POLICY["last_day"], "2022-04-14", "2027-04-15", "2024-02-29"]),
    st.dates(date(2021, 1, 1), date(2028, 12, 31)).map(date.isoformat),
)
# Dates a level was obtained: around anniversaries and 29 February, sometimes after the check or long before.
SINCE_DATES = st.one_of(
    st.sampled_from(["2020-02-29", "2024-02-29", "2021-02-28", "2023-12-01", "2022-04-15", "1970-01-01", "2029-01-01"]),
    st.dates(date(1975, 1, 1), date(2028, 12, 31)).map(date.isoformat),
)
BAD_DATES = st.sampled_from(["2023-02-29", "2024-13-01", "24-01-01", "", "0000-01-01", "2024-06-01\n", 20240101])


@st.composite
def profiles(draw):
    """A profile whose every field is right most of the time: the engines are compared on both."""
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))  # uniform choices; hypothesis still picks the values

    def pick(good, bad):  # about one field in thirty is wrong
        return draw(bad if rnd.random() < 0.035 else good)

    def number(value):
        return isinstance(value, int | float) and not isinstance(value, bool)

    work = pick(VALID_YEARS, BAD_YEARS)
    p = {"date": pick(GOOD_DATES, BAD_DATES)}
    if rnd.random() < 0.8:  # unanswered sometimes: the engines must agree on "unknown" too
        p["cumulative_work_years"] = work
    if rnd.random() < 0.8:
        p["annual_assessments_passed"] = pick(st.booleans(), st.sampled_from(["yes", 1]))
    skill = pick(st.sampled_from([None] + SKILLS), st.just("master"))
    if skill is not None or rnd.random() < 0.5:
        p["skill_level"] = skill
    bound = work if number(work) and 0 <= work <= MAX else MAX
    if skill is not None:
        since = pick(st.one_of(st.sampled_from([t for t in NEAR if t <= bound]), st.floats(0, bound)), BAD_YEARS)
        choice = rnd.random()
        if choice < 0.2:  # the date it counts from instead of the years (sometimes both: an error)
            p["skill_level_date"] = pick(SINCE_DATES, BAD_DATES)
            if choice < 0.02:
                p["years_since_skill_level"] = since
        elif choice < 0.9:
            p["years_since_skill_level"] = since
        if rnd.random() < 0.4:
            by = {}
            held = SKILLS.index(skill) if skill in SKILLS else len(SKILLS) - 1
            floor = since if number(since) and since <= bound else 0
            for level in reversed(SKILLS[:held]):
                if rnd.random() < 0.7:
                    value = pick(st.one_of(st.just(floor), st.floats(floor, bound)), BAD_YEARS)
                    by[level] = value
                    floor = value if number(value) and floor <= value <= bound else floor
            if rnd.random() < 0.03:
                by[draw(st.sampled_from(SKILLS + ["apprentice"]))] = draw(YEARS)
            p["years_by_skill_level"] = by
        if rnd.random() < 0.15:
            p["dates_by_skill_level"] = {lv: pick(SINCE_DATES, BAD_DATES) for lv in SKILLS if rnd.random() < 0.5}
    title = pick(st.sampled_from([None] + TITLES), st.just("professor"))
    if title is not None or rnd.random() < 0.5:
        p["title_level"] = title
    if title is not None:  # the reading of 三(三)1 that counts from the title reads these
        choice = rnd.random()
        if choice < 0.4:
            p["years_since_title_level"] = pick(st.sampled_from([t for t in NEAR if t <= bound]), BAD_YEARS)
        elif choice < 0.6:
            p["title_level_date"] = pick(SINCE_DATES, BAD_DATES)
        if rnd.random() < 0.15:
            p["years_by_title_level"] = {lv: pick(st.sampled_from([t for t in NEAR if t <= bound]), BAD_YEARS)
                                         for lv in TITLES if rnd.random() < 0.4}
        if rnd.random() < 0.1:
            p["dates_by_title_level"] = {lv: pick(SINCE_DATES, BAD_DATES) for lv in TITLES if rnd.random() < 0.4}
    optional = {
        "frontline_skill_work": (st.sampled_from([None, True, False]), st.just("no")),
        "honours": (st.lists(st.sampled_from(HONOURS), max_size=3),
                    st.one_of(st.just("china-skill-award"), st.lists(st.sampled_from(["x", 3]), min_size=1))),
        "occupation": (st.sampled_from([None] + OCCUPATIONS), st.sampled_from(["nope", 7])),
        "technical_school_class": (st.sampled_from([None] + CLASSES), st.just("evening")),
        "related_diploma": (st.sampled_from([None, True, False]), st.just("yes")),
    }
    for key, (good, bad) in optional.items():
        if rnd.random() < 0.5:
            p[key] = pick(good, bad)
    if rnd.random() < 0.02:
        p[draw(st.sampled_from(["honors", "years", "Skill_level"]))] = 1
    return p


def _collect(n: int) -> list:
    drawn = []

    @settings(max_examples=n, phases=[Phase.generate], deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(profiles())
    def collect(profile):
        drawn.append(profile)

    collect()
    return drawn


def test_python_and_javascript_agree_on_1000_random_profiles():
    drawn = _collect(1000)
    assert len(drawn) >= 1000
    py, js = run_py(drawn), run_js(drawn)
    assert len(py) == len(js) == len(drawn)
    disagreements = [i for i in range(len(drawn)) if py[i] != js[i]]
    assert not disagreements, (f"{len(disagreements)} disagreements; first profile: {drawn[disagreements[0]]!r}\n"
                               f"python: {py[disagreements[0]]!r}\njavascript: {js[disagreements[0]]!r}")
    valid = sum(1 for r in py if not r["errors"])
    met = sum(1 for r in py if any(p["met"] for p in r["pathways"]))
    open_ = sum(1 for r in py if any(p["met"] is None for p in r["pathways"]))
    readings = sum(1 for r in py if any(p["readings"] for p in r["pathways"]))
    dated = sum(1 for r in py for p in r["pathways"] for m in p["missing"] if m.get("complete_on"))
    print(f"valid {valid}, met {met}, open {open_}, readings {readings}, completion dates {dated}")
    assert open_ >= len(drawn) // 20, f"only {open_} profiles leave a pathway open"
    assert readings >= len(drawn) // 20, f"only {readings} profiles show a reading"
    assert dated >= len(drawn) // 40, f"only {dated} unmet years with a completion date"
    assert valid >= len(drawn) // 4, f"only {valid} valid profiles: the strategy tests little but errors"
    assert met >= len(drawn) // 15, f"only {met} profiles meet a pathway"


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(profiles())
def test_any_result_is_consistent(profile):
    result = evaluate(DOC, profile)
    if result["errors"]:
        assert result["pathways"] == [] and result["title"]["highest"] is None and result["skill"]["highest"] is None
        assert all(e["field"] in e["message"]["en"] for e in result["errors"])
        return
    assert [p["id"] for p in result["pathways"]] == [p["id"] for p in DOC["pathways"]]
    for pathway in result["pathways"]:
        assert pathway["met"] == (False if pathway["missing"] else (None if pathway["unknown"] else True))
        assert bool(pathway["unanswered"]) == bool(pathway["unknown"])
        for reading in pathway["readings"]:
            assert reading["met"] != pathway["met"]
            assert reading["met"] == (False if reading["missing"] else (None if reading["unknown"] else True))
    for kind, order in (("title", TITLES), ("skill", SKILLS)):
        targets = [p["target"] for p in result["pathways"] if p["met"] is True and p["kind"] == kind]
        best = max(targets, key=order.index) if targets else None
        assert result[kind]["highest"] == best
        open_ = [p["target"] for p in result["pathways"] if p["met"] is None and p["kind"] == kind
                 and order.index(p["target"]) > (order.index(best) if best else -1)]
        assert result[kind]["conditional"] == (max(open_, key=order.index) if open_ else None)
    assert result["policy_in_force"] == (POLICY["effective_from"] <= result["date"] <= POLICY["last_day"])
    assert result["reminders"][-1]["id"] == "national-rules-prevail"
