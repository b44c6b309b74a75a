"""Zero console errors and zero failed requests on every page type, online (served over HTTP) and offline
(the unzipped copy over file://), in both languages. Material's setupAlternate fetched a sitemap.xml beside
every <link rel=alternate> (two 404s online, CORS errors over file://); the alternates now live in the
online sitemap only (DECISIONS.md D4), and this guard keeps any page from logging an error again."""
from __future__ import annotations

import pytest
from offline_support import url_of

# Fixtures (file_page, unzipped, page, base_url …) come from conftest.py.

# One page of each type: (online path, offline file)
PAGE_TYPES = {
    "home": ("", "index.html"),
    "catalogue": ("catalogue/", "catalogue/index.html"),
    "occupation": ("occupations/hangong/", "occupations/hangong.html"),
    "occupations A-Z": ("occupations/", "occupations/index.html"),
    "committee": ("committees/electric-power/", "committees/electric-power.html"),
    "committees": ("committees/", "committees/index.html"),
    "series": ("series/engineering/", "series/engineering.html"),
    "series index": ("series/", "series/index.html"),
    "policy": ("policy/", "policy/index.html"),
    "check": ("check/?occupation=hangong", "check/index.html"),
    "ladder": ("ladder/", "ladder/index.html"),
    "downloads": ("downloads/", "downloads/index.html"),
    "about": ("about/", "about/index.html"),
    "glossary": ("glossary/", "glossary/index.html"),
}


class Problems:
    """Console errors, uncaught exceptions, failed requests and HTTP errors seen by one page."""

    def __init__(self, page):
        self.seen: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.seen.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.seen.append(f"exception: {e}"))
        # ERR_ABORTED: Chromium cancels what is still in flight when the next page opens (e.g. the favicon);
        # a request to another host is refused by the fixture's guard, which fails the test itself.
        page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
                and self.seen.append(f"failed: {r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.seen.append(f"HTTP {r.status}: {r.url}"))

    def visit(self, page, url: str, label: str) -> list[str]:
        start = len(self.seen)
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")  # Material's sitemap fetch came after load
        # the finder fetches its data once the browser is idle after load: wait until it has arrived
        page.wait_for_function("() => !document.querySelector('.gt-finder') || !!document.querySelector('.gt-finder--ready')")
        return [f"{label}: {p}" for p in self.seen[start:]]


def seen_on(page, urls: dict[str, str]) -> list[str]:
    """What went wrong while ``page`` visited each of ``urls`` (label → address) in turn."""
    problems = Problems(page)
    return [p for label, url in urls.items() for p in problems.visit(page, url, label)]


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_no_page_type_logs_an_error_or_fails_a_request_online(page, base_url, prefix):
    found = seen_on(page, {label: base_url + prefix + path for label, (path, _file) in PAGE_TYPES.items()})
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_no_page_type_logs_an_error_or_fails_a_request_over_file(file_page, unzipped, prefix):
    found = seen_on(file_page, {label: url_of(unzipped / prefix / file) for label, (_path, file) in PAGE_TYPES.items()})
    assert found == [], "\n".join(found)
