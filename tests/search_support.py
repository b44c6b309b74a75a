"""Searching a page with Material's site search as a reader does, for the tests of search online and offline.

Material reads the box on ``keyup`` (and when its worker reports ready), not on ``input``: a query put in with
``fill()`` alone is missed when the index was ready first (a warm cache under load), so the last key is always
pressed."""
from __future__ import annotations


def open_search(page) -> None:
    """The header's search button on a phone, the search box on a wide screen."""
    button = page.locator("label.md-header__button[for=__search]").first
    (button if button.is_visible() else page.locator("input.md-search__input")).click()
    page.wait_for_function("() => document.querySelector('#__search').checked")


def search(page, query: str, timeout: float = 15_000):
    """Opens search, enters ``query`` and waits for the first hit; the hits as locators."""
    open_search(page)
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    hits = page.locator(".md-search-result__item")
    hits.first.wait_for(timeout=timeout)
    return hits
