"""The eligibility check page (check/index.md) in Chromium: journeys at 375×740 in both languages, and what
only a browser can show (the address, the keyboard, print, no JavaScript, file://).

What the answer says for each profile is proved without a browser: the case table through both engines
(test_eligibility_cases.py) and the view tree in Node (test_check_view.py). Here a person's journeys:
the welder (answer on the first screen, no cumulative years asked), the same welder with the assessment
unanswered (a conditional answer), an intermediate title held half a year (the reading shown), an honours
holder, and no occupation (the finder's not-listed text shown) — with the expiry banner showing where the site has one.
"""
from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, quote, urlparse

import pytest
import yaml
from conftest import ROOT, settle
from eligibility_support import rules_document
from offline_support import url_of

LANGS = {"zh": "", "en": "en/"}
WELDER = "check/?occupation=hangong&skill_level=technician&years_since_skill_level=4"
PAYLOADS = {
    "honours": "<img src=x onerror=window.__pwned=1>",
    "occupation": '"><script>window.__pwned=1</script>',
    "skill_level": "<svg onload=window.__pwned=1>",
}
NOT_LISTED = yaml.safe_load((ROOT / "data" / "not-listed.yaml").read_text(encoding="utf-8"))
WORDS = {  # what the reader must see, per language
    "zh": {"intermediate": "中级", "committee": "机电专业高级职称评审委员会", "next": "下一步", "if": "如在现工作岗位上近3年年度考核合格",
           "reading": "取决于对", "full-senior": "正高级", "green": "如属于", "name": "中级职称（工程师）"},
    "en": {"intermediate": "intermediate", "committee": "Electromechanical", "next": "Next step", "if": "f you passed the annual assessment",
           "reading": "Depends on how", "full-senior": "full senior", "green": "If you are one of the leading",
           "name": "intermediate level (engineer)"},
}


def field(name: str) -> str:
    return f"[id='gt-check-{name}']"


def on_first_screen(page, selector: str) -> bool:
    """The element is wholly inside the 375×740 viewport, not scrolled to."""
    box = page.locator(selector).first.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]


def answer_text(page) -> str:
    return page.inner_text("#gt-check-summary")


def banner_shows_if_any(page) -> None:
    banner = page.locator(".md-banner")
    if banner.count():
        assert banner.first.is_visible(), "the expiry banner should show while the check is used"


def open_answer(page, url: str) -> None:
    """Opens a check address (a shared link); the expiry banner shows, if there is one."""
    page.goto(url)
    banner_shows_if_any(page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_welder_gets_the_whole_answer_on_the_first_phone_screen(phone, base_url, lang):
    w = WORDS[lang]
    phone.goto(f"{base_url}{LANGS[lang]}occupations/hangong/")
    with phone.expect_navigation():
        phone.locator("a[href*='check/?occupation=hangong']").first.click()
    assert phone.locator("#gt-check-occupation-chosen").is_visible()
    phone.select_option(field("skill_level"), "technician")
    years = phone.locator(field("years_since_skill_level"))
    years.fill("4年")
    assert not phone.locator(field("cumulative_work_years")).is_visible(), "三(二) never reads cumulative years"
    phone.locator(field("annual_assessments_passed-1")).check()
    phone.locator(field("annual_assessments_passed-1")).focus()
    bar = phone.locator("#gt-check-bar")
    if bar.is_visible():  # the summary in view while editing, never over the focused field
        focused = phone.evaluate("() => document.activeElement.getBoundingClientRect().bottom")
        assert focused <= bar.bounding_box()["y"] + 1
        assert w["intermediate"] in bar.inner_text()
    query = parse_qs(urlparse(phone.url).query)
    assert query["years_since_skill_level"] == ["4"] and query["annual_assessments_passed"] == ["1"]
    open_answer(phone, phone.url)  # the shared link: the answer comes first
    for selector in ("#gt-check-summary .gt-v-headline", "#gt-check-summary .gt-v-committees .gt-v-link",
                     "#gt-check-summary details.gt-v-details >> nth=1"):
        assert on_first_screen(phone, selector), f"{selector} is not on the first screen"
    text = answer_text(phone)
    assert w["intermediate"] in text and w["committee"] in text and w["next"] in text
    assert phone.locator("#gt-check-summary .gt-v-headline a").first.get_attribute("href").endswith("#clause-3-2-2")
    assert w["name"] in phone.locator("#gt-check-summary .gt-v-headline").first.inner_text(), "the everyday title name"
    source = phone.locator("#gt-check-summary .gt-v-names-source a").first
    assert source.get_attribute("href").endswith("about/#title-names-engineering-2019")
    assert on_first_screen(phone, "#gt-check-summary .gt-v-names-source")


@pytest.mark.parametrize("lang", LANGS)
def test_the_welder_with_the_assessment_unanswered_gets_a_conditional_answer(phone, base_url, lang):
    open_answer(phone, f"{base_url}{LANGS[lang]}{WELDER}")
    headline = phone.locator("#gt-check-summary .gt-v-headline").first
    assert WORDS[lang]["if"] in headline.inner_text()
    assert on_first_screen(phone, "#gt-check-summary .gt-v-headline")
    assert phone.locator(field("annual_assessments_passed-unanswered")).is_checked()


@pytest.mark.parametrize("lang", LANGS)
def test_an_intermediate_title_held_half_a_year_shows_the_reading(phone, base_url, lang):
    open_answer(phone, f"{base_url}{LANGS[lang]}check/?title_level=intermediate&years_since_title_level=0.5"
                "&cumulative_work_years=10&annual_assessments_passed=1")
    reading = phone.locator("#gt-check-summary .gt-v-reading").first
    assert WORDS[lang]["reading"] in reading.inner_text()
    link = reading.locator("a[href*='#reading-']").last.get_attribute("href")
    assert link.endswith("about/#reading-cumulative-years-whole-career")
    assert phone.locator(field("years_since_title_level")).is_visible(), "the reading asks for years since the title"


@pytest.mark.parametrize("lang", LANGS)
def test_an_honours_holder_may_apply_for_full_senior_and_hears_of_the_green_channel_conditionally(phone, base_url, lang):
    phone.goto(f"{base_url}{LANGS[lang]}check/")
    phone.locator("#gt-check-honours > summary").click()
    phone.locator(field("honour-national-technical-expert")).check()
    phone.select_option(field("skill_level"), "technician")
    phone.fill(field("years_since_skill_level"), "5")
    phone.locator(field("annual_assessments_passed-1")).check()
    text = answer_text(phone)
    assert WORDS[lang]["full-senior"] in phone.locator("#gt-check-summary .gt-v-headline").first.inner_text()
    assert WORDS[lang]["green"] in text
    assert "honours=national-technical-expert" in phone.url


@pytest.mark.parametrize("lang", LANGS)
def test_with_no_occupation_the_finders_not_listed_text_is_shown(phone, base_url, lang):
    open_answer(phone, f"{base_url}{LANGS[lang]}check/?skill_level=senior-worker&years_since_skill_level=3"
                "&annual_assessments_passed=1")
    box = phone.inner_text("#gt-check-summary .gt-v-not-listed")
    assert NOT_LISTED["title"][lang] in box and NOT_LISTED["points"][0][lang] in box  # the scope of III(1)1
    href = phone.locator("#gt-check-summary .gt-v-not-listed a").first.get_attribute("href")
    assert href.endswith("policy/#clause-3-1-1"), href
    width = phone.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"page is {width[0]} px wide on a {width[1]} px screen"


def test_years_not_yet_complete_say_when_from_a_date(page, base_url):
    page.goto(base_url + "check/?skill_level=technician&skill_level_date=2024-03-01&annual_assessments_passed=1"
              "&date=2026-12-01")
    assert page.locator(field("skill_level_date")).input_value() == "2024-03-01"
    page.locator("#gt-check-summary summary", has_text="未符合").first.click()
    assert "将于 2027-03-01 满3年" in answer_text(page)


def test_answers_round_trip_through_the_address(page, base_url):
    page.goto(base_url + "check/?skill_level=technician&years_since_skill_level=１.5&years_by_skill_level.senior-worker=9年"
              "&title_level=assistant&cumulative_work_years=12&annual_assessments_passed=yes&honours=china-skill-award"
              "&occupation=hangong&technical_school_class=senior-worker-class&related_diploma=1&date=2024-06-01&h=welding")
    query = parse_qs(urlparse(page.url).query)
    assert query["years_since_skill_level"] == ["1.5"], "the address keeps the normalised number"
    assert query["years_by_skill_level.senior-worker"] == ["9"] and query["annual_assessments_passed"] == ["1"]
    assert "h" not in query, "other parameters are not the check's"
    before, address = answer_text(page), page.url
    page.goto("about:blank")
    page.goto(address)
    assert answer_text(page) == before


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAYLOADS)
def test_crafted_address_runs_nothing_and_shows_a_message(page, base_url, lang, name):
    payload = PAYLOADS[name]
    page.goto(f"{base_url}{LANGS[lang]}check/?{name}={quote(payload)}&cumulative_work_years=5")
    page.wait_for_function("() => document.querySelector('#gt-check-summary .gt-v-errors')")
    settle(page)
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#gt-check img, #gt-check svg[onload], #gt-check script:not(:first-child)").count() == 0
    errors = page.locator("#gt-check-summary .gt-v-errors")
    assert errors.is_visible() and errors.locator("img, svg, script").count() == 0


@pytest.mark.parametrize("query, name", [
    ("skill_level=technician&years_since_skill_level=abc", "years_since_skill_level"),
    ("skill_level=technician&years_since_skill_level=-1", "years_since_skill_level"),
    ("title_level=assistant&cumulative_work_years=1000", "cumulative_work_years"),
    ("title_level=assistant&annual_assessments_passed=maybe", "annual_assessments_passed"),
    ("skill_level=technician&skill_level_date=2999-01-01", "skill_level_date"),
])
def test_bad_input_gets_a_message_next_to_its_field(page, base_url, query, name):
    page.goto(f"{base_url}en/check/?{query}")
    message = page.locator(f"[id='gt-check-msg-{name}']")
    assert message.is_visible() and message.inner_text().strip()
    assert page.locator("#gt-check-summary .gt-v-headline").count() == 0


def test_typing_a_bad_number_shows_a_message_and_fixing_it_clears_it(page, base_url):
    page.goto(base_url + "check/?title_level=assistant&annual_assessments_passed=1")
    box = page.locator(field("cumulative_work_years"))
    box.fill("三年")
    message = page.locator(field("msg-cumulative_work_years"))
    assert "累计工作年限" in message.inner_text()
    assert box.get_attribute("aria-invalid") == "true"
    box.fill("３年")  # a full-width digit and a trailing 年 are a number
    assert not message.is_visible()
    assert page.locator("#gt-check-summary .gt-v-headline").count() >= 1


def test_the_form_works_with_the_keyboard_alone(page, base_url):
    page.goto(base_url + "check/")

    def tab_to(control_id):
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.id") == control_id:
                return
        pytest.fail(f"Tab never reached {control_id}")

    tab_to("gt-check-skill_level")
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to("gt-check-years_since_skill_level")
    page.keyboard.type("3")
    tab_to("gt-check-annual_assessments_passed-unanswered")  # a radio group takes one Tab; arrows choose
    page.keyboard.press("ArrowRight")
    assert page.locator(field("annual_assessments_passed-1")).is_checked()
    assert "中级" in page.locator("#gt-check-summary .gt-v-headline").first.inner_text()
    assert page.locator("#gt-check-live").get_attribute("aria-live") == "polite"


def test_print_shows_the_answer_without_navigation_or_form(page, base_url):
    page.goto(base_url + WELDER + "&annual_assessments_passed=1")
    page.emulate_media(media="print")
    display = page.evaluate("""() => Object.fromEntries(['.md-header', '#gt-check-form', '.gt-check-ref',
        '#gt-check-summary', '#gt-check-bar'].map(s => {
          const e = document.querySelector(s); return [s, e ? getComputedStyle(e).display : 'absent']; }))""")
    assert display[".md-header"] == "none" and display["#gt-check-form"] == "none"
    assert display[".gt-check-ref"] == "none" and display["#gt-check-bar"] == "none"
    assert display["#gt-check-summary"] != "none"


def static_page(site_dir, lang) -> str:
    return (site_dir / LANGS[lang] / "check" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_reference_tables_are_in_the_page_and_the_form_is_in_the_html(site_dir, lang):
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
    form = re.search(r'<form [^>]*id="gt-check-form"[^>]*>', text).group(0)
    assert "hidden" not in form, "the form is in the HTML, shown by the class the inline script sets"
    assert text.index("add('gt-check-js')") < text.index('id="gt-check-form"')
    for f in doc["profile_fields"]:
        if f["type"] not in ("dates-by-skill-level", "dates-by-title-level"):
            assert f'name="{f["id"]}' in text, f"the form has no control for {f['id']}"


def test_without_javascript_the_tables_show_and_the_form_does_not(own_page, base_url):
    pg = own_page(java_script_enabled=False)
    pg.goto(base_url + "check/")
    assert pg.locator("#gt-check-needs-js").is_visible()
    assert not pg.locator("#gt-check-form").is_visible()
    assert pg.locator("#gt-check-reference").is_visible()


def test_engine_page_lists_every_profile_field_and_the_contract_version(site_dir):
    doc = rules_document()
    for lang in LANGS:
        text = (site_dir / LANGS[lang] / "check" / "engine" / "index.html").read_text(encoding="utf-8")
        for f in doc["profile_fields"]:
            assert f"<code>{f['id']}</code>" in text, f["id"]
        assert "<code>contract_version</code>" in text
        assert "python -m generator check" in text and "Guantong.evaluate" in text
    assert (site_dir / "assets" / "data" / "rules.json").is_file()


def test_check_works_offline_over_file(file_page, unzipped):
    file_page.goto(url_of(unzipped / "occupations" / "hangong.html"))
    with file_page.expect_navigation():
        file_page.locator("a[href*='check/index.html?occupation=hangong']").first.click()
    assert file_page.locator(field("occupation")).input_value() == "hangong"
    file_page.select_option(field("title_level"), "assistant")
    file_page.fill(field("cumulative_work_years"), "5")
    file_page.locator(field("annual_assessments_passed-1")).check()
    hrefs = file_page.eval_on_selector_all("#gt-check-summary a", "els => els.map(e => e.getAttribute('href'))")
    assert any(h.endswith("committees/electromechanical.html") for h in hrefs), hrefs
    assert any(h.endswith("policy/index.html#clause-3-3-1") for h in hrefs), hrefs
    query = parse_qs(urlparse(file_page.url).query)
    assert query.get("cumulative_work_years") == ["5"], "the address keeps the answers over file:// too"
