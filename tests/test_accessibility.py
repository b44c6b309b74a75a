"""The main pages have no serious or critical accessibility violations (axe-core in Chromium), in both
languages, and the finder and the checker can be used with the keyboard alone.

Every page listed here is built today: a missing one fails (it would be a regression), never skips.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "",
    "catalogue": "catalogue/",
    "occupation": "occupations/hangong/",
    "committee": "committees/electromechanical/",
    "policy": "policy/",
    "check": "check/",
}
LANG_PREFIX = {"zh": "", "en": "en/"}
BLOCKING = ("serious", "critical")


def built_page(site_dir: Path, path: str) -> Path:
    return site_dir / path / "index.html"


def require_built(site_dir: Path, path: str) -> None:
    if not built_page(site_dir, path).is_file():
        pytest.fail(f"{path or 'home'} is not built (no {path}index.html in site/)")


def axe_violations(page) -> list[dict]:
    if not AXE.is_file():
        pytest.fail("node_modules/axe-core is missing: run `make deps`")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}));
    }""")
    return [v for v in result if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    out = []
    for v in violations:
        out.append(f"{v['impact']} {v['id']}: {v['help']}")
        for n in v["nodes"][:5]:
            out.append(f"    {n['target']}: {(n['summary'] or '').splitlines()[-1].strip()}")
    return "\n".join(out)


@pytest.mark.parametrize("lang", LANG_PREFIX)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violations(page, base_url, site_dir, name, lang):
    path = LANG_PREFIX[lang] + PAGES[name]
    require_built(site_dir, path)
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    violations = axe_violations(page)
    assert not violations, f"{path or '/'}:\n{describe(violations)}"


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_search_dialog_with_results_has_no_serious_violations(page, base_url, lang):
    page.goto(base_url + LANG_PREFIX[lang])
    page.keyboard.press("/")
    page.keyboard.type("welder" if lang == "en" else "焊工")
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    violations = axe_violations(page)
    assert not violations, describe(violations)


# --- keyboard only ---------------------------------------------------------------------------------

# Controls inside a closed <details> are one tap away (its summary is reached by Tab and opens it);
# Chromium keeps offsetParent for them, so they are left out explicitly.
FOCUSABLE_CONTROLS = """() => Array.from(document.querySelectorAll(
    '.md-content input, .md-content select, .md-content textarea, .md-content button, .md-content [tabindex]'))
  .filter(e => !e.disabled && e.tabIndex >= 0 && e.offsetParent !== null && e.type !== 'hidden'
          && !e.parentElement.closest('details:not([open])'))
  .map(e => e.id || e.name || e.outerHTML.slice(0, 80))"""

ACTIVE = """() => { const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {key: e.id || e.name || e.outerHTML.slice(0, 80),
          visible: r.width > 0 && r.height > 0,
          ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'}; }"""


def tab_walk(page, limit: int = 400) -> list[dict]:
    """Press Tab until focus comes back to a control seen before (or ``limit``); return what got focus."""
    seen, keys = [], set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(ACTIVE)
        if info is None:
            continue
        if info["key"] in keys:
            break
        keys.add(info["key"])
        seen.append(info)
    return seen


@pytest.mark.parametrize("path", ["", "check/"], ids=["finder", "checker"])
def test_every_control_is_reached_by_tab_with_a_visible_focus(page, base_url, site_dir, path):
    require_built(site_dir, path)
    page.goto(base_url + path)
    controls = set(page.evaluate(FOCUSABLE_CONTROLS))
    walk = tab_walk(page)
    reached = {w["key"] for w in walk}
    assert controls <= reached, f"not reachable with Tab: {sorted(controls - reached)}"
    hidden = [w["key"] for w in walk if not w["visible"]]
    assert not hidden, f"focus went to invisible elements: {hidden}"
    no_ring = [w["key"] for w in walk if w["key"] in controls and not w["ring"]]
    assert not no_ring, f"controls without a visible focus indicator: {no_ring}"


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_finder_is_usable_with_the_keyboard_alone(page, base_url, lang):
    path = LANG_PREFIX[lang]
    page.goto(base_url + path)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.gt-finder input')"):
            break
    else:
        pytest.fail("Tab never reached the finder's input")
    page.keyboard.type("hangong")
    page.wait_for_selector(".gt-finder [role=option]")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-activedescendant')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("occupations/hangong/")


def test_checker_is_usable_with_the_keyboard_alone(page, base_url, site_dir):
    require_built(site_dir, "check/")
    page.goto(base_url + "check/")
    walk = tab_walk(page)
    controls = set(page.evaluate(FOCUSABLE_CONTROLS))
    assert controls, "the checker shows no form controls"
    assert controls <= {w["key"] for w in walk}
    # Operate every control once from the keyboard: a change must never move focus out of the form.
    for key in sorted(controls):
        page.focus(f"[id='{key}']") if not key.startswith("<") else None
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement !== document.body")
