"""The expiry banner: its script's date logic in Node, its static HTML in the built pages, and its states
in Chromium under a fixed clock — online in both languages at 375 px, in the offline zip over file://
and in the pocket file. Dates: before the notice months, now (2026-12-01), the last day, 2027-04-15 00:30
in Shanghai (still the 14th in UTC and in a browser set to Los Angeles time) and after."""
from __future__ import annotations

import json
import subprocess

import pytest
from conftest import ROOT
from offline_support import url_of

SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "banner.js"
DATES = {"validTo": "2027-04-14", "noticeFrom": "2026-10-14"}


def node(expr: str):
    code = f"const b = require({json.dumps(str(SCRIPT))}); console.log(JSON.stringify({expr}));"
    out = subprocess.run(["node", "-e", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


@pytest.mark.parametrize("day, kind, days", [
    ("2026-10-13", "hidden", None), ("2026-10-14", "left", 182), ("2026-12-1", "left", 134),
    ("2027-4-13", "left", 1), ("2027-4-14", "last-day", 0), ("2027-4-15", "expired", 0), ("2030-1-1", "expired", 0)])
def test_state_counts_whole_days_to_the_last_day(day, kind, days):
    assert node(f"b.state({json.dumps(day)}, {json.dumps(DATES)})") == {"kind": kind, "days": days}


def test_today_is_read_in_shanghai_not_utc():
    # 2027-04-14T16:30Z is 00:30 on the 15th in Shanghai
    assert node('b.today("Asia/Shanghai", 480, Date.parse("2027-04-14T16:30:00Z"))') == "2027-4-15"
    assert node('b.today("Asia/Shanghai", 480, Date.parse("2027-04-14T15:59:00Z"))') == "2027-4-14"


def test_without_the_zone_in_intl_the_data_offset_is_used():
    assert node('b.today("No/Such_Zone", 480, Date.parse("2027-04-14T16:30:00Z"))') == "2027-4-15"


@pytest.mark.parametrize("rel", ["index.html", "en/index.html", "check/index.html", "en/occupations/hangong/index.html"])
def test_every_page_carries_the_banner_with_a_static_text_and_no_day_count(site_dir, rel):
    html = (site_dir / rel).read_text(encoding="utf-8")
    banner = html.split('id="gt-banner"', 1)[1].split("</div>", 1)[0]
    state = banner.split("data-gt-banner-state", 1)[1].split(">", 1)[1].split("<", 1)[0]
    assert "2027-04-14" in state and not any(ch.isdigit() for ch in state.replace("2027-04-14", ""))
    assert "粤人社规〔2022〕5号" in banner
    assert html.index("assets/javascripts/banner.js") < html.index("</head>")


# --- Chromium, fixed clock ---------------------------------------------------------------------------

NOW = "2026-12-01T10:00:00+08:00"
LAST_DAY = "2027-04-14T12:00:00+08:00"
JUST_AFTER = "2027-04-15T00:30:00+08:00"  # still 14 April in UTC
AFTER = "2027-06-01T10:00:00+08:00"
BEFORE = "2026-10-13T10:00:00+08:00"


def banner(pg) -> dict:
    return pg.evaluate("""() => {
      const b = document.getElementById('gt-banner');
      const outer = b.closest('.md-banner') || b;
      const visible = [...b.querySelectorAll('.gt-banner__text')].filter(p => p.offsetParent !== null);
      const close = b.querySelector('[data-gt-banner-close]');
      return {shown: !outer.hidden && outer.offsetHeight > 0, text: visible.map(p => p.textContent).join(' '),
              height: outer.getBoundingClientRect().height, state: b.getAttribute('data-state'),
              closable: !close.hidden && close.offsetParent !== null};
    }""")


def at(pg, when: str, url: str):
    pg.clock.set_fixed_time(when)
    pg.goto(url)
    return banner(pg)


@pytest.mark.parametrize("path, days_left, expired, no_successor", [
    ("", "还有 134 天", "已于 2027-04-14 到期失效", "本站尚未收录后续文件"),
    ("en/", "134 days left", "expired on 2027-04-14", "no successor is recorded"),
])
def test_banner_states_by_fixed_clock(phone, base_url, path, days_left, expired, no_successor):
    url = base_url + path
    assert at(phone, BEFORE, url)["shown"] is False
    b = at(phone, NOW, url)
    assert b["shown"] and days_left in b["text"] and b["closable"]
    b = at(phone, LAST_DAY, url)
    assert b["state"] == "last-day" and "2027-04-14" in b["text"]
    for when in (JUST_AFTER, AFTER):
        b = at(phone, when, url)
        assert b["state"] == "expired" and expired in b["text"] and no_successor in b["text"]
        assert not b["closable"]


def test_expired_in_shanghai_even_when_the_browser_is_on_the_14th(own_page, base_url):
    pg = own_page(timezone_id="America/Los_Angeles", viewport={"width": 375, "height": 740})
    b = at(pg, JUST_AFTER, base_url)
    assert pg.evaluate("new Date().getDate()") == 14  # the browser's own date is still the 14th
    assert b["state"] == "expired"


def test_at_375_px_the_banner_takes_at_most_two_lines(phone, base_url):
    for path in ("", "en/", "check/", "en/check/"):
        for when in (NOW, AFTER):
            b = at(phone, when, base_url + path)
            assert b["shown"] and b["height"] <= 64, (path, when, b)


def test_a_dismissal_lasts_until_the_edition_expires(phone, base_url):
    at(phone, NOW, base_url)
    phone.locator("[data-gt-banner-close]").click()
    assert banner(phone)["shown"] is False
    assert at(phone, NOW, base_url + "en/catalogue/")["shown"] is False  # remembered on every page
    assert at(phone, AFTER, base_url)["shown"] is True  # returns once expired


# At every animation frame from the start of the document (each runs just before a paint), the banner's
# text as it would be painted; and every layout shift whose moved elements include the banner or the
# header right below it (a banner that changed height after a paint would move the header).
FRAMES = """(() => {
  window.__frames = [];
  const tick = () => {
    const s = document.querySelector('[data-gt-banner-state]');
    window.__frames.push(s ? s.textContent : null);
    if (document.readyState !== 'complete') requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__shifts = [];
  new PerformanceObserver(list => { for (const e of list.getEntries()) for (const src of e.sources || [])
    if (src.node && src.node.matches && src.node.matches('.md-banner, .md-header, .gt-banner, .gt-banner *'))
      window.__shifts.push(e.value); }).observe({type: 'layout-shift', buffered: true});
})();"""


@pytest.mark.parametrize("path", ["", "en/", "check/", "occupations/hangong/"])
def test_the_banner_is_painted_with_its_final_text_and_shifts_nothing(phone, base_url, path):
    phone.add_init_script(FRAMES)
    for when, final in ((NOW, "134"), (JUST_AFTER, "2027-04-14")):
        phone.clock.set_fixed_time(when)
        phone.goto(base_url + path)
        phone.wait_for_load_state("load")
        frames = [f for f in phone.evaluate("window.__frames") if f is not None]
        static = banner(phone)  # final state
        assert frames and all(final in f for f in frames), (path, when, frames)
        assert all(f == frames[-1] for f in frames) and static["shown"]
        assert phone.evaluate("window.__shifts") == [], (path, when)


def test_the_check_names_the_edition_it_applied_after_expiry(phone, base_url):
    phone.clock.set_fixed_time(AFTER)
    phone.goto(base_url + "check/?skill_level=technician&years_since_skill_level=4&cumulative_work_years=10&annual_assessments_passed=true")
    label = phone.locator(".gt-v-edition")
    label.wait_for()
    assert "依据粤人社规〔2022〕5号（有效期至 2027-04-14）" in label.text_content()
    phone.goto(base_url + "en/check/?skill_level=technician&years_since_skill_level=4&cumulative_work_years=10&annual_assessments_passed=true")
    phone.locator(".gt-v-edition").wait_for()
    assert "Under 粤人社规〔2022〕5号, valid until 2027-04-14" in phone.locator(".gt-v-edition").text_content()


@pytest.mark.parametrize("rel", ["index.html", "en/occupations/hangong.html"])
def test_the_offline_copy_shows_the_banner_over_file(file_phone, unzipped, rel):
    assert "134" in at(file_phone, NOW, url_of(unzipped / rel))["text"]
    assert at(file_phone, AFTER, url_of(unzipped / rel))["state"] == "expired"


def test_the_pocket_file_shows_the_banner_in_both_languages(file_phone, pocket_file):
    b = at(file_phone, NOW, url_of(pocket_file))
    assert b["shown"] and "还有 134 天" in b["text"] and b["height"] <= 64
    file_phone.locator("label.pk-switch[for='pk-lang-en']").click()
    assert "134 days left" in banner(file_phone)["text"]
    b = at(file_phone, JUST_AFTER, url_of(pocket_file))
    assert b["state"] == "expired" and "expired on 2027-04-14" in b["text"]  # the pocket keeps the language
