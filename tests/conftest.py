"""Shared fixtures: the built site served on a free local port, and Chromium pages that refuse and
count every request to a host that is not this machine (a test fails if any was made)."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    log: list = []

    def log_message(self, fmt, *args):
        self.log.append(fmt % args)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run `make site` (make test does it for you)")
    return SITE


def serve_dir(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    server = serve_dir(site_dir)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def is_local(url: str) -> bool:
    u = urlparse(url)
    if u.scheme in ("file", "data", "blob", "about", "chrome-error"):
        return True
    return u.hostname in LOCAL_HOSTS


class Guard:
    """Aborts and records every request that would leave this machine."""

    def __init__(self):
        self.blocked: list[str] = []
        self.errors: list[str] = []

    def route(self, route):
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


def _new_page(browser, request, **context_kw):
    guard = Guard()
    ctx = browser.new_context(**context_kw)
    ctx.route("**/*", guard.route)
    page = ctx.new_page()
    page.on("pageerror", lambda e: guard.errors.append(str(e)))
    page.guard = guard
    return ctx, page


@pytest.fixture
def page(browser, request):
    """A desktop-size page; the test fails if any non-local request or uncaught script error happened."""
    ctx, pg = _new_page(browser, request, viewport={"width": 1280, "height": 900})
    yield pg
    ctx.close()
    assert pg.guard.blocked == [], f"requests to non-local hosts: {pg.guard.blocked}"
    assert pg.guard.errors == [], f"uncaught script errors: {pg.guard.errors}"


@pytest.fixture
def phone(browser, request):
    """A 375 px wide page with the same guards."""
    ctx, pg = _new_page(browser, request, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    yield pg
    ctx.close()
    assert pg.guard.blocked == [], f"requests to non-local hosts: {pg.guard.blocked}"
    assert pg.guard.errors == [], f"uncaught script errors: {pg.guard.errors}"
