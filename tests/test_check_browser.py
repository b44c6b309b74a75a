"""The eligibility check page (check/index.md) in Chromium: the form shows what the engines compute.

Cases are taken by name from tests/cases/eligibility.yaml, typed into the form, and the page must show
what each case's `expected` says (highest levels, pathways met or not and what they miss, committees,
education, exemptions, validity, reminders, errors next to their fields). Also: the answers round-trip
through the address, an occupation page's link pre-selects its occupation and names its committees,
crafted addresses run nothing and show a message, the keyboard alone is enough, a 375 px phone has no
horizontal scroll, print shows the result without navigation or form, the reference tables are in the
page itself for readers without JavaScript, and the offline copy works over file://.
"""
from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, quote, urlparse

import pytest
from conftest import settle
from eligibility_support import load_cases, rules_document
from offline_support import url_of

from generator.eligibility.validate import fill

LANGS = {"zh": "", "en": "en/"}
CASES = {c["name"]: c for c in load_cases()}
# One case per part of the form and kind of answer the page shows (the engines' results for every case
# of the table are proved in Python and in Node by test_eligibility_cases.py, not again here).
FORM_CASES = [
    "A senior worker with 1.99 years just misses 三(二)1, and the result says by how much.",
    "A technician of 1 year who obtained senior worker 6 years ago meets 三(二)1 through years_by_skill_level.",
    "A full senior title holder not in front-line work still meets 三(三)1 for senior technician (高级职称 covers both).",
    "A junior title opens no pathway however many years the holder has worked.",
    "A senior worker who won the China Skills Award may apply for a full senior title (first group), however new the level.",
    "An intermediate-worker class graduate counts as holding secondary vocational school education.",
    "A title holder with a related diploma is exempt from the theory exam and its fee.",
    "A die maker is listed under two specialty categories and gets both committees, in table order.",
    "On 14 April 2022, the day before it takes effect, the policy is not in force but the result is still computed.",
    "Negative years are refused, naming the field, and no pathway is evaluated.",
    "Fewer years since a lower level than since a higher one are refused (the lower was obtained first).",
]
EN_CASES = FORM_CASES[1:2] + FORM_CASES[4:5] + FORM_CASES[7:8] + FORM_CASES[9:10]
PAYLOADS = {
    "honours": "<img src=x onerror=window.__pwned=1>",
    "occupation": '"><script>window.__pwned=1</script>',
    "skill_level": "<svg onload=window.__pwned=1>",
}
SELECTS = ("skill_level", "title_level", "technical_school_class", "occupation")
YEARS = ("years_since_skill_level", "cumulative_work_years")
BOXES = ("annual_assessments_passed", "frontline_skill_work", "related_diploma")


def case(name: str) -> dict:
    if name not in CASES:
        pytest.fail(f"tests/cases/eligibility.yaml has no case named {name!r}")
    return CASES[name]


def first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def level_label(doc, level, lang):
    return next(x[lang] for kind in ("skill", "title") for x in doc["levels"][kind] if x["id"] == level)


def headline(doc, kind, level, lang) -> str:
    messages = doc["messages"]["result"]
    if level is None:
        return first_upper(messages[f"{kind}_none"][lang])
    return first_upper(fill(messages[f"{kind}_highest"][lang], {"level": level_label(doc, level, lang)}))


def committee_name(doc, cid, lang) -> str:
    return doc["committees"][cid][lang]


def field(name: str) -> str:
    return f"[id='gt-check-{name}']"


def fill_form(page, profile: dict) -> None:
    """Answer the form as a person would, from a case's profile."""
    for name in SELECTS:
        if profile.get(name) is not None:
            page.select_option(field(name), profile[name])
    for name in YEARS:
        if profile.get(name) is not None:
            page.fill(field(name), str(profile[name]))
    for name in BOXES:
        page.set_checked(field(name), profile.get(name) is True)
    for honour in profile.get("honours") or []:
        page.check(field(f"honour-{honour}"))
    earlier = {k: v for k, v in (profile.get("years_by_skill_level") or {}).items() if k != profile.get("skill_level")}
    if earlier:
        page.locator("#gt-check-earlier > summary").click()
        for level, years in earlier.items():
            page.fill(field(f"years_by_skill_level.{level}"), str(years))
    if profile.get("date"):
        page.fill(field("date"), profile["date"])


def shown(page) -> dict:
    """What the result area shows, read from the page."""
    return page.evaluate("""() => {
      const all = (sel, f) => Array.from(document.querySelectorAll(sel)).map(f);
      return {
        headlines: all('#gt-check-summary .gt-check__headline strong', e => e.textContent),
        pathways: Object.fromEntries(all('.gt-check__pw', e => [e.dataset.pathway, {
          met: e.classList.contains('gt-check__pw--met'),
          missing: Array.from(e.querySelectorAll('.gt-check__missing li')).map(m => m.textContent),
          clause: e.querySelector('a.gt-check__clause').getAttribute('href')}])),
        committees: all('.gt-check__committee', e => ({name: e.textContent, href: e.getAttribute('href')})),
        other: all('.gt-check__other li', e => e.textContent),
        reminders: all('.gt-check__reminders li', e => e.textContent),
        outside: !!document.querySelector('.gt-check__date--outside'),
        date: (document.querySelector('.gt-check__date') || {}).textContent || '',
        errors: Object.fromEntries(all('.gt-check__msg--error', e => [e.id.replace('gt-check-msg-', ''), e.textContent])),
      };
    }""")


def assert_shows(view: dict, expected: dict, doc: dict, lang: str) -> None:
    if expected.get("errors"):  # no result at all, and each error next to its field
        assert view["headlines"] == [] and view["pathways"] == {}
        for error in expected["errors"]:
            base = error["field"].split("[")[0]
            assert view["errors"].get(error["field"]) or view["errors"].get(base), (error, view["errors"])
        return
    for kind in ("title", "skill"):
        if f"{kind}.highest" in expected:
            want = headline(doc, kind, expected[f"{kind}.highest"], lang)
            assert want in view["headlines"], f"{kind}: expected {want!r}, shown {view['headlines']}"
    if "met" in expected:
        assert [pid for pid, p in view["pathways"].items() if p["met"]] == expected["met"]
    for pid, sub in expected.get("pathways", {}).items():
        pw = view["pathways"][pid]
        if "met" in sub:
            assert pw["met"] is sub["met"], pid
        for i, item in enumerate(sub.get("missing", [])):
            text = pw["missing"][i]
            for key in ("needed", "has"):
                if isinstance(item.get(key), int | float) and not isinstance(item.get(key), bool):
                    assert str(item[key]) in text, f"{pid}: {text!r} should say {key} {item[key]}"
            if item.get("level"):
                assert level_label(doc, item["level"], lang) in text
    if "committees" in expected:
        assert [c["href"].rstrip("/").rsplit("/", 1)[-1] for c in view["committees"]] == expected["committees"]
        assert [c["name"] for c in view["committees"]] == [committee_name(doc, c, lang) for c in expected["committees"]]
    if expected.get("education_equivalent"):
        education = next(e[lang] for e in doc["education_levels"] if e["id"] == expected["education_equivalent"]["equivalent"])
        assert any(education in line for line in view["other"]), view["other"]
    for key in ("theory_exam_exempt", "theory_fee_exempt"):
        if key in expected:
            text = first_upper(doc["messages"]["result"][key][lang])
            assert any(text in line for line in view["other"]) is expected[key], (key, view["other"])
    if "policy_in_force" in expected:
        assert view["outside"] is (not expected["policy_in_force"])
    reminders = {r["id"]: r["text"][lang] for r in doc["reminders"]}
    for rid in expected.get("reminders_include", []):
        assert any(reminders[rid] in line for line in view["reminders"]), rid
    for rid in expected.get("reminders_exclude", []):
        assert not any(reminders[rid] in line for line in view["reminders"]), rid


FORM_RUNS = [(name, "zh") for name in FORM_CASES] + [(name, "en") for name in EN_CASES]


@pytest.mark.parametrize("name, lang", FORM_RUNS, ids=[f"{lang}-case{i}" for i, (_, lang) in enumerate(FORM_RUNS)])
def test_form_shows_what_the_case_expects(page, base_url, name, lang):
    c = case(name)
    page.goto(base_url + ("check/" if lang == "zh" else "en/check/"))
    fill_form(page, c["profile"])
    assert_shows(shown(page), c["expected"], rules_document(), lang)


def test_unmet_pathway_says_what_is_missing_and_links_its_clause(page, base_url):
    page.goto(base_url + "check/?skill_level=technician&years_since_skill_level=2&cumulative_work_years=10"
              "&annual_assessments_passed=1")
    doc = rules_document()
    view = shown(page)
    pw = view["pathways"]["technician-to-intermediate"]
    assert pw["met"] is False
    template = doc["messages"]["missing"]["skill-years"]["zh"]
    assert pw["missing"] == [fill(template, {"level": level_label(doc, "technician", "zh"), "needed": "3", "has": "2"})]
    assert pw["clause"] == "../policy/#clause-3-2-2"
    assert view["headlines"][0] == headline(doc, "title", "assistant", "zh")


def test_a_level_no_higher_than_the_one_held_is_said_to_be_nothing_new(page, base_url):
    # Holds deputy senior already; the skill level opens only an intermediate title.
    page.goto(base_url + "en/check/?skill_level=technician&years_since_skill_level=3&title_level=deputy-senior"
              "&cumulative_work_years=10&annual_assessments_passed=1")
    title = page.locator("#gt-check-summary .gt-check__headline").first
    assert "associate senior" in title.locator(".gt-check__not-new").inner_text()


def form_state(page) -> list:
    return page.evaluate("""() => Array.from(document.querySelectorAll('#gt-check-form input, #gt-check-form select'))
      .map(e => [e.id, e.type === 'checkbox' ? e.checked : e.value, e.disabled])""")


def test_answers_round_trip_through_the_address(page, base_url):
    doc = rules_document()
    honours = [doc["honours"][0]["id"], doc["honours"][-1]["id"]]  # one of each group, in the form's order
    profile = {"skill_level": "technician", "years_since_skill_level": 1.5, "years_by_skill_level": {"senior-worker": 9},
               "title_level": "assistant", "cumulative_work_years": 12, "annual_assessments_passed": True,
               "honours": honours, "occupation": "hangong", "technical_school_class": "senior-worker-class",
               "related_diploma": True, "date": "2024-06-01"}
    page.goto(base_url + "check/")
    fill_form(page, profile)
    query = parse_qs(urlparse(page.url).query)
    assert query["honours"] == [",".join(honours)]  # comma-separated
    assert query["occupation"] == ["hangong"] and query["annual_assessments_passed"] == ["1"]
    assert query["years_by_skill_level.senior-worker"] == ["9"]
    before, result = form_state(page), page.inner_text("#gt-check-result")
    address = page.url
    page.goto("about:blank")
    page.goto(address)
    assert form_state(page) == before
    assert page.inner_text("#gt-check-result") == result
    assert page.locator("#gt-check-earlier").get_attribute("open") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_occupation_page_link_preselects_the_occupation_and_names_its_committees(page, base_url, lang):
    doc = rules_document()
    page.goto(f"{base_url}{LANGS[lang]}occupations/mujugong/")
    with page.expect_navigation():
        page.locator("a[href*='check/?occupation=mujugong']").click()
    assert urlparse(page.url).path.endswith(f"/{LANGS[lang]}check/")
    assert page.locator(field("occupation")).input_value() == "mujugong"
    committees = doc["occupations"]["mujugong"]["committees"]
    assert len(committees) > 1
    assert [c["name"] for c in shown(page)["committees"]] == [committee_name(doc, c, lang) for c in committees]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAYLOADS)
def test_crafted_address_runs_nothing_and_shows_a_message(page, base_url, lang, name):
    payload = PAYLOADS[name]
    page.goto(f"{base_url}{LANGS[lang]}check/?{name}={quote(payload)}&cumulative_work_years=5")
    message = page.locator(f"[id='gt-check-msg-{name}']")
    message.wait_for()  # the page has read the address and answered
    settle(page)
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#gt-check img, #gt-check svg[onload], #gt-check script").count() == 0
    assert message.is_visible()
    assert payload in message.inner_text()  # shown as text, as received
    assert page.locator(f"[id='gt-check-msg-{name}'] *").count() == 0


@pytest.mark.parametrize("query, name", [
    ("skill_level=technician&years_since_skill_level=abc", "years_since_skill_level"),
    ("skill_level=technician&years_since_skill_level=-1", "years_since_skill_level"),
    ("title_level=assistant&cumulative_work_years=1000", "cumulative_work_years"),
    ("title_level=assistant&annual_assessments_passed=maybe", "annual_assessments_passed"),
    ("title_level=assistant&date=2023-02-29", "date"),
    ("skill_level=technician&years_since_skill_level=1&years_by_skill_level.senior-worker=x", "years_by_skill_level.senior-worker"),
])
def test_bad_input_gets_a_message_next_to_its_field(page, base_url, query, name):
    work = "" if "cumulative_work_years" in query else "cumulative_work_years=20&"
    page.goto(f"{base_url}en/check/?{work}{query}")
    message = page.locator(f"[id='gt-check-msg-{name}']")
    assert message.is_visible() and message.inner_text().strip()
    assert page.locator("#gt-check-summary .gt-check__headline").count() == 0


def test_typing_a_bad_number_shows_a_message_and_fixing_it_clears_it(page, base_url):
    page.goto(base_url + "check/?title_level=assistant&annual_assessments_passed=1")
    box = page.locator(field("cumulative_work_years"))
    box.fill("三年")
    message = page.locator(field("msg-cumulative_work_years"))
    assert message.inner_text().strip()
    assert box.get_attribute("aria-invalid") == "true"
    box.fill("３")  # a full-width digit is a number
    assert not message.is_visible()
    assert page.locator("#gt-check-summary .gt-check__headline").count() == 2


def test_the_form_works_with_the_keyboard_alone(page, base_url):
    doc = rules_document()
    page.goto(base_url + "check/")

    def tab_to(name):
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.id") == f"gt-check-{name}":
                return
        pytest.fail(f"Tab never reached {name}")

    tab_to("skill_level")
    ring = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert ring != "none", "the focused select shows no focus ring"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator(field("skill_level")).input_value() == doc["levels"]["skill"][1]["id"]
    tab_to("years_since_skill_level")
    page.keyboard.type("3")
    tab_to("cumulative_work_years")
    page.keyboard.type("10")
    tab_to("annual_assessments_passed")
    page.keyboard.press("Space")
    assert shown(page)["headlines"][0] == headline(doc, "title", "intermediate", "zh")
    assert page.locator("#gt-check-summary").get_attribute("aria-live") == "polite"


@pytest.mark.parametrize("lang", LANGS)
def test_phone_at_375_px_has_no_horizontal_scroll(phone, base_url, lang):
    phone.goto(f"{base_url}{LANGS[lang]}check/?skill_level=senior-technician&years_since_skill_level=1"
               "&years_by_skill_level.senior-worker=9&title_level=intermediate&cumulative_work_years=12"
               "&annual_assessments_passed=1&honours=worldskills-medallist,china-skill-award&occupation=mujugong"
               "&technical_school_class=preparatory-technician-class&related_diploma=1")
    assert phone.locator("#gt-check-summary .gt-check__headline").count() == 2
    width = phone.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"page is {width[0]} px wide on a {width[1]} px screen"


def test_print_shows_the_result_without_navigation_or_form(page, base_url):
    page.goto(base_url + "check/?skill_level=technician&years_since_skill_level=3&cumulative_work_years=10"
              "&annual_assessments_passed=1&occupation=hangong")
    page.emulate_media(media="print")
    display = page.evaluate("""() => Object.fromEntries(['.md-header', '.md-sidebar--primary', '#gt-check-form',
        '.gt-check-ref', '#gt-check-summary', '.gt-check__answers'].map(s => {
          const e = document.querySelector(s); return [s, e ? getComputedStyle(e).display : 'absent']; }))""")
    assert display[".md-header"] == "none" and display[".md-sidebar--primary"] in ("none", "absent")
    assert display["#gt-check-form"] == "none" and display[".gt-check-ref"] == "none"
    assert display["#gt-check-summary"] != "none" and display[".gt-check__answers"] == "block"
    assert "hangong" in page.inner_text(".gt-check__address")


def static_page(site_dir, lang) -> str:
    return (site_dir / LANGS[lang] / "check" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_reference_tables_are_in_the_page_without_javascript(site_dir, lang):
    text = static_page(site_dir, lang)
    doc = rules_document()
    for pw in doc["pathways"]:
        anchor = "clause-" + pw["clause"].replace(".", "-")
        row = re.search(rf'<tr>\s*<td><span id="gt-pathway-{re.escape(pw["id"])}"></span>(.*?)</tr>', text, re.S)
        assert row, f"no reference row for {pw['id']}"
        assert re.search(rf'href="\.\./policy/#{anchor}"', row.group(1)), f"{pw['id']}: no link to {anchor}"
    plain = html.unescape(re.sub(r"<[^>]+>", "", text.split('class="gt-check-ref"', 1)[1]))
    for honour in doc["honours"]:
        assert honour[lang][1:] in plain and honour["zh"] in plain, honour["id"]
    for c in doc["education_equivalence"]["classes"]:
        assert c[lang] in plain
    assert re.search(r'<form [^>]*id="gt-check-form"[^>]*hidden', text), "the form must wait for the script"


def test_without_javascript_the_tables_show_and_the_form_does_not(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        pg = ctx.new_page()
        pg.goto(base_url + "check/")
        assert pg.locator("#gt-check-needs-js").is_visible()
        assert not pg.locator("#gt-check-form").is_visible()
        assert pg.locator("#gt-check-reference").is_visible()
        assert pg.locator("[id^='gt-pathway-']").count() == len(rules_document()["pathways"])
    finally:
        ctx.close()


def test_engine_page_lists_every_profile_field_and_a_computed_example(site_dir):
    doc = rules_document()
    for lang in LANGS:
        text = (site_dir / LANGS[lang] / "check" / "engine" / "index.html").read_text(encoding="utf-8")
        for f in doc["profile_fields"]:
            assert f"<code>{f['id']}</code>" in text, f["id"]
        assert "python -m generator check" in text and "Guantong.evaluate" in text
        assert "assets/data/rules.json" in text
    assert (site_dir / "assets" / "data" / "rules.json").is_file()
    assert (site_dir / "check" / "index.html").read_text(encoding="utf-8").count("engine/") >= 1


def test_check_works_offline_over_file(file_page, unzipped):
    doc = rules_document()
    file_page.goto(url_of(unzipped / "occupations" / "hangong.html"))
    with file_page.expect_navigation():
        file_page.locator("a[href*='check/index.html?occupation=hangong']").click()
    assert file_page.locator(field("occupation")).input_value() == "hangong"
    file_page.select_option(field("title_level"), "assistant")
    file_page.fill(field("cumulative_work_years"), "5")
    file_page.check(field("annual_assessments_passed"))
    view = shown(file_page)
    assert view["headlines"][1] == headline(doc, "skill", "senior-worker", "zh")
    assert view["committees"][0]["href"].endswith("committees/electromechanical.html")
    assert view["pathways"]["assistant-title-to-senior-worker"]["clause"].endswith("policy/index.html#clause-3-3-1")
    query = parse_qs(urlparse(file_page.url).query)
    assert query.get("cumulative_work_years") == ["5"], "the address keeps the answers over file:// too"
