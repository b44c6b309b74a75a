"""Nothing a visitor types or puts in a URL is rendered as HTML or run as script.

Every payload sets ``window.__pwned`` if it ever runs; after each attempt the flag must still be
undefined and no element the payload describes may exist. Covered: Material's search (``?q=`` in the URL,
typed in the box, and ``?h=`` highlighting), a ``#fragment`` carried over by the language switch, the
occupation finder, and the checker (those two skipped while they are not built). A static check asserts
every external link of the built site carries rel="noopener".
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from test_links import external_anchors_without_noopener

PAYLOADS = {
    "img-onerror": '<img src=x class=gt-pwned onerror="window.__pwned=1">',
    "svg-onload": '"><svg class=gt-pwned onload="window.__pwned=1">',
    "script": "<script>window.__pwned=1</script>",
    "attribute-break": "' onfocus='window.__pwned=1' autofocus x='",
}
LANGS = {"zh": "", "en": "en/"}


def assert_not_run(page, where: str):
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None, f"a payload ran ({where})"
    assert page.locator(".gt-pwned").count() == 0, f"a payload became an element ({where})"


def built(site_dir: Path, path: str) -> bool:
    return (site_dir / path / "index.html").is_file()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_search_query_in_the_url_is_shown_as_text(page, base_url, lang, payload):
    page.goto(f"{base_url}{LANGS[lang]}?q={quote(payload)}")
    page.wait_for_timeout(700)
    assert_not_run(page, "?q=")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_search_query_typed_in_the_box_is_shown_as_text(page, base_url, lang, payload):
    page.goto(base_url + LANGS[lang])
    page.keyboard.press("/")
    page.keyboard.type(payload)
    page.keyboard.press("End")
    page.wait_for_timeout(700)
    assert page.locator(".md-search__input").input_value() == payload
    assert_not_run(page, "typed search")


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_search_highlight_parameter_is_shown_as_text(page, base_url, payload):
    page.goto(f"{base_url}catalogue/?h={quote(payload)}")
    assert_not_run(page, "?h=")


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_fragment_carried_by_the_language_switch_is_not_run(page, base_url, payload):
    page.goto(f"{base_url}catalogue/#{quote(payload)}")
    assert_not_run(page, "#fragment")
    page.locator(".gt-lang-switch").first.click()
    page.wait_for_load_state("load")
    assert "/en/" in page.url
    assert_not_run(page, "#fragment after the language switch")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_finder_query_is_shown_as_text(page, base_url, site_dir, lang, payload):
    home = site_dir / LANGS[lang] / "index.html"
    if 'class="gt-finder' not in home.read_text(encoding="utf-8"):
        pytest.skip("the finder is not on the home page yet")
    page.goto(base_url + LANGS[lang])
    box = page.locator(".gt-finder input").first
    for text in (payload, "hangong" + payload, "焊" + payload):
        box.fill("")
        box.type(text)
        page.wait_for_timeout(150)
        assert_not_run(page, f"finder query {text!r}")
        page.keyboard.press("Enter")
        assert_not_run(page, f"finder query {text!r} + Enter")


@pytest.mark.parametrize("lang", LANGS)
def test_checker_inputs_and_url_are_shown_as_text(page, base_url, site_dir, lang):
    path = LANGS[lang] + "check/"
    if not built(site_dir, path):
        pytest.skip(f"the checker is not built yet (no {path}index.html in site/)")
    payload = PAYLOADS["img-onerror"]
    page.goto(base_url + path)
    names = page.evaluate("() => Array.from(document.querySelectorAll('.md-content input, .md-content select,"
                          " .md-content textarea')).map(e => e.name || e.id).filter(Boolean)")
    for field in page.locator(".md-content input[type=text], .md-content input:not([type]), .md-content textarea").all():
        if field.is_visible() and field.is_editable():
            field.fill(payload)
            field.press("Enter")
    assert_not_run(page, "checker text fields")
    query = "&".join(f"{quote(n)}={quote(payload)}" for n in names) or f"q={quote(payload)}"
    page.goto(f"{base_url}{path}?{query}#{quote(payload)}")
    assert_not_run(page, "checker URL")


def test_every_external_link_carries_noopener(site_dir):
    problems = external_anchors_without_noopener(site_dir)
    assert not problems, "\n".join(problems[:40])


def test_a_payload_rendered_as_html_would_be_caught(page):
    page.set_content('<div id="t"></div>')
    page.evaluate("p => { document.getElementById('t').innerHTML = p; }", PAYLOADS["img-onerror"])
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") == 1
    assert page.locator(".gt-pwned").count() == 1
