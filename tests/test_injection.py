"""Nothing a visitor types or puts in a URL is rendered as HTML or run as script.

Every payload sets ``window.__pwned`` if it ever runs; after each attempt the flag must still be
undefined and no element the payload describes may exist. Covered: Material's search (``?q=`` in the URL,
typed in the box, and ``?h=`` highlighting), a ``#fragment`` carried over by the language switch, the
occupation finder, and the checker. Each attempt waits for the page's own answer (search results,
the finder's status) and for every image to load or fail, never for a fixed time.
"""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from conftest import settle

PAYLOADS = {
    "img-onerror": '<img src=x class=gt-pwned onerror="window.__pwned=1">',
    "svg-onload": '"><svg class=gt-pwned onload="window.__pwned=1">',
    "script": "<script>window.__pwned=1</script>",
    "attribute-break": "' onfocus='window.__pwned=1' autofocus x='",
}
LANGS = {"zh": "", "en": "en/"}


def assert_not_run(page, where: str):
    settle(page)
    assert page.evaluate("() => window.__pwned") is None, f"a payload ran ({where})"
    assert page.locator(".gt-pwned").count() == 0, f"a payload became an element ({where})"


def wait_for_search_answer(page, site_dir, lang):
    """Until Material's search has run the query (its meta line no longer says it is initialising)."""
    html = (site_dir / LANGS[lang] / "index.html").read_text(encoding="utf-8")
    initializing = re.search(r'class="md-search-result__meta">\s*(.*?)\s*<', html).group(1)
    page.wait_for_function("t => { const m = document.querySelector('.md-search-result__meta');"
                           " return m && m.textContent.trim() !== '' && m.textContent.trim() !== t; }", arg=initializing)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_search_query_in_the_url_is_shown_as_text(page, base_url, site_dir, lang, payload):
    page.goto(f"{base_url}{LANGS[lang]}?q={quote(payload)}")
    wait_for_search_answer(page, site_dir, lang)
    assert_not_run(page, "?q=")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_search_query_typed_in_the_box_is_shown_as_text(page, base_url, site_dir, lang, payload):
    page.goto(base_url + LANGS[lang])
    page.keyboard.press("/")
    page.keyboard.type(payload)
    page.keyboard.press("End")
    wait_for_search_answer(page, site_dir, lang)
    assert page.locator(".md-search__input").input_value() == payload
    assert_not_run(page, "typed search")


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_search_highlight_and_fragment_are_not_run_nor_after_the_language_switch_carries_them(page, base_url, payload):
    page.goto(f"{base_url}catalogue/?h={quote(payload)}#{quote(payload)}")
    assert_not_run(page, "?h= and #fragment")
    page.locator(".gt-lang-switch").first.click()
    page.wait_for_load_state("load")
    assert "/en/" in page.url and "?h=" in page.url
    assert_not_run(page, "?h= and #fragment after the language switch")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_finder_query_is_shown_as_text(page, base_url, lang, payload):
    for text in (payload, "hangong" + payload, "焊" + payload):
        # each query on a fresh home page with the finder's data loaded, so its answer is drawn as it is typed
        page.goto(base_url + LANGS[lang])
        page.wait_for_selector(".gt-finder--ready", state="attached")
        box = page.locator(".gt-finder input").first
        box.fill(text[:-1])  # all at once, then the last key typed: the finder answers what the box holds
        box.press_sequentially(text[-1])
        status = page.locator(".gt-finder [role=status]").first
        page.wait_for_function("el => el.textContent.trim() !== ''", arg=status.element_handle())
        assert_not_run(page, f"finder query {text!r}")
        if page.locator(".gt-finder [role=option]").count():  # Enter opens the first option: wait for that page
            with page.expect_navigation(wait_until="load"):
                page.keyboard.press("Enter")
        else:
            page.keyboard.press("Enter")
        assert_not_run(page, f"finder query {text!r} + Enter")


@pytest.mark.parametrize("lang", LANGS)
def test_checker_inputs_and_url_are_shown_as_text(page, base_url, lang):
    path = LANGS[lang] + "check/"
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


def test_a_payload_rendered_as_html_would_be_caught(page):
    page.set_content('<div id="t"></div>')
    page.evaluate("p => { document.getElementById('t').innerHTML = p; }", PAYLOADS["img-onerror"])
    settle(page)
    assert page.evaluate("() => window.__pwned") == 1
    assert page.locator(".gt-pwned").count() == 1
