"""The occupation finder in a real browser (Chromium), on the home page of both languages: the whole query
table, the WAI-ARIA combobox roles and keyboard, the query rendered as text, the no-hit message, the
committee in each hit, and a 375 px screen."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import settle

ROOT = Path(__file__).resolve().parent.parent
TABLE = yaml.safe_load((ROOT / "tests" / "cases" / "finder_queries.yaml").read_text(encoding="utf-8"))
HOME = {"zh": "", "en": "en/"}
INPUT = ".gt-finder input[role=combobox]"
OPTIONS = ".gt-finder [role=listbox] [role=option]"


def open_finder(pg, base_url, lang):
    pg.goto(base_url + HOME[lang])
    pg.wait_for_selector(INPUT, state="visible")
    pg.focus(INPUT)
    pg.wait_for_selector(".gt-finder--ready", state="attached")
    return pg.locator(INPUT)


def key_in(pg, base_url, lang, text):
    """Opens the finder and types ``text`` key by key, as a person would: the box."""
    box = open_finder(pg, base_url, lang)
    box.click()
    pg.keyboard.type(text)
    return box


def type_query(pg, text):
    """Fill the box as a person would end up with it; `fill` sends an input event (no keyup for Chinese)."""
    pg.fill(INPUT, text)
    pg.dispatch_event(INPUT, "input")


def first_slugs(pg, n=3):
    return pg.locator(OPTIONS).evaluate_all(f"els => els.slice(0, {n}).map(e => e.dataset.slug)")


FIRST_SHOWN = """root => {
  const o = root.querySelector('[role=listbox] [role=option]');
  const none = root.querySelector('.gt-finder__none [data-point]');
  if (none) return {kind: 'none', related: Array.from(root.querySelectorAll('[role=option]')).map(e => e.dataset.slug)};
  if (!o) return {kind: 'nothing'};
  if (o.dataset.clause) return {kind: 'clause', key: o.dataset.clause};
  if (o.dataset.row) return {kind: 'row', key: o.dataset.row};
  return {kind: o.dataset.kind, key: o.dataset.slug};
}"""


def expected(row):
    if row.get("none"):
        return "none", None
    if "clause" in row:
        return "clause", row["clause"]
    if "row" in row:
        return "row", row["row"]
    return row.get("item", "occupation"), row["first"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_query_of_the_table_finds_its_occupation_first(page, base_url, lang):
    open_finder(page, base_url, lang)
    failures = []
    for row in (r for r in TABLE if r["lang"] == lang):
        type_query(page, row["query"])
        got = page.locator(".gt-finder").first.evaluate(FIRST_SHOWN)
        kind, key = expected(row)
        if got["kind"] != kind or (key is not None and got.get("key") != key) or not set(
                row.get("related", [])) <= set(got.get("related") or []):
            failures.append(f"{row['query']!r} ({row['kind']}): expected {kind} {key}, got {got}")
    assert not failures, f"{len(failures)} of the query table's {lang} rows fail:\n" + "\n".join(failures)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_input_is_a_combobox_with_a_real_label_controlling_a_listbox(page, base_url, lang):
    box = open_finder(page, base_url, lang)
    label = page.locator(f"label[for={box.get_attribute('id')}]")
    assert label.inner_text().strip()
    assert box.get_attribute("aria-expanded") == "false"
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    assert listbox.get_attribute("role") == "listbox"
    type_query(page, "焊")
    assert box.get_attribute("aria-expanded") == "true"
    assert listbox.locator("[role=option]").count() >= 1
    assert box.get_attribute("aria-activedescendant") is None


def test_arrow_keys_walk_the_hits_and_enter_opens_the_highlighted_one(page, base_url):
    box = key_in(page, base_url, "zh", "boiler")
    options = page.locator(OPTIONS)
    n = options.count()  # three boiler occupations and the everyday name 司炉工 (boiler stoker)
    assert n == 4
    ids = options.evaluate_all("els => els.map(e => e.id)")
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == ids[0]
    assert options.nth(0).get_attribute("aria-selected") == "true"
    for _ in range(n - 1):
        page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == ids[n - 1]
    page.keyboard.press("ArrowDown")  # wraps to the first
    assert box.get_attribute("aria-activedescendant") == ids[0]
    page.keyboard.press("ArrowUp")  # and back to the last
    assert box.get_attribute("aria-activedescendant") == ids[n - 1]
    assert [o.get_attribute("aria-selected") for o in options.all()] == ["false"] * (n - 1) + ["true"]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    target = options.nth(n - 3).get_attribute("data-slug")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/occupations/{target}/")
    assert page.locator("h1").first.inner_text().startswith(
        {"guolucaozuogong": "锅炉操作工", "guolushebeijianxiugong": "锅炉设备检修工",
         "guoluyunxingzhibanyuan": "锅炉运行值班员"}[target])


def test_escape_closes_the_list_then_clears_the_box(page, base_url):
    box = key_in(page, base_url, "en", "weld")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert page.locator(".gt-finder [role=listbox]").is_hidden()
    assert box.input_value() == "weld"
    page.keyboard.press("Escape")
    assert box.input_value() == ""
    page.keyboard.press("ArrowDown")  # nothing to walk: the list stays closed
    assert box.get_attribute("aria-expanded") == "false"


def test_enter_without_a_highlighted_hit_opens_the_first(page, base_url):
    key_in(page, base_url, "en", "hangong")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/occupations/hangong/")


@pytest.mark.parametrize("lang, name, committee", [
    ("zh", "焊工", "广东省工程系列机电专业高级职称评审委员会"),
    ("en", "Welder", "Guangdong Engineering Series Electromechanical Senior Title Review Committee"),
])
def test_each_hit_starts_with_its_name_and_shows_its_committee(page, base_url, lang, name, committee):
    open_finder(page, base_url, lang)
    type_query(page, "welder")
    hit = page.locator(OPTIONS).first
    assert hit.inner_text().startswith(name)
    assert committee in hit.inner_text()
    if lang == "en":
        assert hit.locator('[lang="zh"]').first.inner_text() == "焊工"
    for row_hit in page.locator(OPTIONS).all():
        assert row_hit.locator(".gt-finder__committee").inner_text().strip()


def test_query_with_markup_is_shown_as_text_and_runs_no_script(page, base_url):
    open_finder(page, base_url, "en")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    query = "<img src=x onerror=alert(1)>"
    type_query(page, query)
    settle(page)
    assert dialogs == []
    finder = page.locator(".gt-finder")
    assert finder.locator("img").count() == 0
    assert query in finder.locator("[role=status]").inner_text()


@pytest.mark.parametrize("lang, words", [("zh", "职称评审委员会"), ("en", "does not mean excluded")])
def test_no_hit_gives_the_next_step_and_links_note_2(page, base_url, lang, words):
    box = open_finder(page, base_url, lang)
    type_query(page, "快递员")
    assert page.locator(OPTIONS).count() == 0
    assert box.get_attribute("aria-expanded") == "false"
    status = page.locator(".gt-finder [role=status]")
    assert "快递员" in status.inner_text()
    status = page.locator(".gt-finder .gt-finder__none")  # the next step, after the related names (none here)
    assert words in status.inner_text()
    points = status.locator("[data-point]").evaluate_all("els => els.map(e => e.dataset.point)")
    assert points == ["scope", "trades", "committee-decides", "school-instructors", "ask", "check"]
    assert status.locator('a[href$="check/"]').count() == 1
    assert status.locator('a[href$="catalogue/#row-internship-instructors"]').count() == 1
    link = status.locator('a[href$="policy/#clause-note-2"]')
    link.click()
    page.wait_for_url("**/policy/#clause-note-2")
    assert page.locator("#clause-note-2").count() == 1


def test_clicking_a_hit_opens_its_page(page, base_url):
    open_finder(page, base_url, "en")
    type_query(page, "elektrician")
    page.locator(OPTIONS).first.click()
    page.wait_for_url("**/en/occupations/diangong/")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_finder_fits_a_375_px_screen(phone, base_url, lang):
    box = open_finder(phone, base_url, lang)
    type_query(phone, "boiler maintenance" if lang == "en" else "维修工")
    width = phone.evaluate("document.documentElement.clientWidth")
    assert phone.evaluate("document.documentElement.scrollWidth") <= width
    for el in [box, *phone.locator(OPTIONS).all()]:
        rect = el.bounding_box()
        assert rect["x"] >= 0 and rect["x"] + rect["width"] <= width + 0.5
    phone.locator(OPTIONS).first.tap()
    phone.wait_for_url("**/occupations/*/")


def test_without_javascript_the_finder_points_to_the_catalogue_and_the_a_to_z_index(own_page, base_url):
    pg = own_page(java_script_enabled=False)
    pg.goto(base_url)
    assert pg.locator(".gt-finder__box").is_hidden()
    hrefs = pg.locator(".gt-finder noscript").inner_html()
    assert 'href="catalogue/"' in hrefs and 'href="occupations/"' in hrefs


def test_on_a_throttled_phone_typing_before_the_data_shows_loading_and_enter_is_answered(phone, base_url):
    cdp = phone.context.new_cdp_session(phone)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 94_000})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    held = []  # the finder's data is held back until the reader has typed (a slow network, made certain)
    phone.route("**/finder-index.js", lambda route: held.append(route))
    phone.goto(base_url, wait_until="load")
    phone.wait_for_function("() => performance.getEntriesByType('navigation')[0].loadEventEnd > 0")
    phone.fill(INPUT, "焊工")
    phone.dispatch_event(INPUT, "input")
    status = phone.locator(".gt-finder [role=status]")
    loading = status.get_attribute("data-loading")
    assert loading and status.inner_text().strip() == loading
    phone.press(INPUT, "Enter")  # answered once the data is there
    for _ in range(100):
        if held:
            break
        phone.wait_for_timeout(100)
    assert held, "the finder's data was never requested"
    started = phone.evaluate("""() => {
      const e = performance.getEntriesByType('resource').find(r => r.name.includes('finder-index'));
      return e ? e.startTime : -1; }""")
    assert started == -1 or started >= phone.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    held[0].continue_()
    phone.wait_for_url("**/occupations/hangong/", timeout=60_000)


def test_an_enter_pressed_while_loading_is_dropped_when_the_reader_types_on(page, base_url):
    """The reader pressed Enter on a query without hits, then typed another one before the data came: the
    pending Enter belonged to the first query, so nothing opens (tests/test_injection.py met this race)."""
    held = []
    page.route("**/finder-index.js", lambda route: held.append(route))
    page.goto(base_url, wait_until="load")
    page.fill(INPUT, "zzqx")
    page.dispatch_event(INPUT, "input")
    page.press(INPUT, "Enter")
    page.wait_for_function("() => document.querySelector('.gt-finder [role=status]').textContent.trim() !== ''")
    page.locator(INPUT).press_sequentially("焊工")
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    held[0].continue_()
    page.wait_for_selector(".gt-finder--ready", state="attached", timeout=30_000)
    page.locator(OPTIONS).first.wait_for()
    assert page.url == base_url


def test_the_finder_data_loads_after_the_page_without_any_interaction(page, base_url):
    page.goto(base_url, wait_until="load")
    page.wait_for_selector(".gt-finder--ready", state="attached", timeout=30_000)
    type_query(page, "数控车工")
    hit = page.locator(OPTIONS).first
    assert hit.get_attribute("data-kind") == "covered"
    assert "可能属于「车工」" in hit.inner_text() and "附件注1" in hit.inner_text()


@pytest.mark.parametrize("lang, says", [
    ("zh", ["钎焊工", "属于「焊工」", "《焊工国家职业技能标准（2018年版）》"]),
    ("en", ["钎焊工", "(brazer) falls under “Welder”", "National Occupational Skill Standard for Welder (2018 edition)"])])
def test_a_sourced_trade_reads_falls_under_its_occupation_with_the_source(page, base_url, lang, says):
    open_finder(page, base_url, lang)
    type_query(page, "钎焊工")
    hit = page.locator(OPTIONS).first
    assert hit.get_attribute("data-kind") == "trade" and hit.get_attribute("data-slug") == "hangong"
    text = hit.inner_text()
    assert all(s in text for s in says), text
