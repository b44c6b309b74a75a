"""Shared fixtures, built once per test run (once per xdist worker) and never rebuilt by a test.

- ``model``: the validated data (``load_model()``), session-wide; tests must not mutate it.
- ``site_dir`` / ``base_url``: the two-language site that ``make test`` built into site/, served on a
  free local port.
- ``offline_zip``, ``pocket_file``, ``unzipped`` (= ``offline_dir``): what ``make dist`` built into dist/;
  the zip is extracted as a reader would, into a folder whose path has spaces and Chinese characters.
- ``browser`` and the pages ``page``, ``phone`` (http) and ``file_page``, ``file_phone`` (file://):
  Debian's Chromium, which sends nothing past loopback (``NO_NETWORK``); each test gets a new page in a
  context kept for the worker (``ContextPool``: a kept context costs half the CPU; one a test left state in
  is dropped), and ``own_page`` makes a context of its own. Every page carries one network ``Guard`` that
  counts each request to another host (or, offline, each request that is not a file); the test fails if
  any was made or a script error was thrown.

A test that needs site/ or dist/ and finds it missing fails (``make test`` builds both first); nothing
here builds. Every test that uses a browser fixture is marked ``browser`` automatically, so
``make test-fast`` (``-m "not browser"``) is the loop without Chromium.
"""
from __future__ import annotations

import functools
import http.server
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.dist import names
from generator.paths import DIST

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Every request to an address that is not loopback goes to a proxy nobody listens on, so it fails in the
# browser without leaving the machine (Chromium never sends loopback addresses through a proxy).
NO_NETWORK = ["--proxy-server=http://127.0.0.1:9"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
# Never a host: the offline copy must work with the network off.
OFFLINE_SCHEMES = {"file", "data", "blob", "about"}
OFFLINE_FOLDER_NAME = "离线 副本 offline"
BROWSER_FIXTURES = {"browser", "contexts", "page", "phone", "file_page", "file_phone", "own_page"}


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


# --- data ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def model():
    """The validated, linked data of data/ (read once per run; read-only)."""
    from generator.model import load_model
    return load_model()


@pytest.fixture(scope="session")
def strings():
    """Every label of templates/strings/*.yaml (read once per run; read-only)."""
    from generator.templating import load_strings
    return load_strings()


# --- the online site ----------------------------------------------------------------------------------

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


# --- the offline forms (dist/) ------------------------------------------------------------------------

def dist_file(key: str) -> Path:
    path = DIST / names()[key]
    if not path.exists():
        pytest.fail(f"{path.name} is not built: run `make dist` (make test does it for you)")
    return path


@pytest.fixture(scope="session")
def offline_zip() -> Path:
    return dist_file("zip")


@pytest.fixture(scope="session")
def pocket_file() -> Path:
    return dist_file("pocket")


@pytest.fixture(scope="session")
def unzipped(offline_zip, tmp_path_factory) -> Path:
    """The zip extracted as a reader would, into ``<tmp>/离线 副本 offline/``."""
    folder = tmp_path_factory.mktemp("unzip") / OFFLINE_FOLDER_NAME
    with zipfile.ZipFile(offline_zip) as z:
        z.extractall(folder)
    return folder


@pytest.fixture(scope="session")
def offline_dir(unzipped) -> Path:
    """The offline build as readers get it (the unzipped zip of ``make dist``)."""
    return unzipped


# --- Chromium and the network guard -------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + NO_NETWORK)
        yield b
        b.close()


def is_local(url: str) -> bool:
    u = urlparse(url)
    if u.scheme in ("file", "data", "blob", "about", "chrome-error"):
        return True
    return u.hostname in LOCAL_HOSTS


def is_offline(url: str) -> bool:
    return urlparse(url).scheme in OFFLINE_SCHEMES


class Guard:
    """Records every request that ``allowed`` refuses, and every uncaught script error.

    The browser itself keeps such a request from leaving the machine (``NO_NETWORK``: every address that is
    not loopback goes to a proxy that does not exist, so it fails at once); the guard only has to see it.
    Seeing it from the ``request`` event, rather than routing every request through Playwright to abort it
    here, costs a quarter less CPU per page."""

    def __init__(self, allowed: Callable[[str], bool] = is_local):
        self.allowed = allowed
        self.blocked: list[str] = []
        self.errors: list[str] = []

    def seen(self, request):
        url = request.url
        if not self.allowed(url) and url not in self.blocked:
            self.blocked.append(url)


def _guard_page(ctx, allowed: Callable[[str], bool]):
    """A new page of ``ctx`` with its own ``Guard``, which listens on the whole context, so that a pop-up or a
    worker the page starts is seen too (``ContextPool.give_back`` stops the listening)."""
    guard = Guard(allowed)
    ctx.on("request", guard.seen)
    page = ctx.new_page()
    page.on("pageerror", lambda e: guard.errors.append(str(e)))
    page.guard = guard
    return page


def _new_page(browser, allowed: Callable[[str], bool] = is_local, **context_kw):
    ctx = browser.new_context(**context_kw)
    return ctx, _guard_page(ctx, allowed)


def _check(page) -> None:
    assert page.guard.blocked == [], f"requests the network guard refused: {page.guard.blocked}"
    assert page.guard.errors == [], f"uncaught script errors: {page.guard.errors}"


def settle(page) -> None:
    """Wait until every image has loaded or failed and two frames have passed, so that an ``onerror`` or
    ``onload`` handler a payload might carry has had its chance to run (a condition, not a fixed sleep)."""
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete)")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}
KINDS = {  # fixture name -> (what a request may reach, the context's options)
    "page": (is_local, DESKTOP),
    "phone": (is_local, PHONE),
    "file_page": (is_offline, {"locale": "zh-CN", **DESKTOP}),
    "file_phone": (is_offline, {"locale": "zh-CN", **PHONE}),
}
# What a test can leave in its page that the next test must not meet: a clock it fixed (Playwright's clock is
# the whole context's and cannot be taken back) or something in local storage.
LEFT_BEHIND = """() => { let stored = 0; try { stored = localStorage.length; } catch (e) { /* no storage here */ }
  return typeof window.__pwClock !== 'undefined' || stored > 0; }"""


class ContextPool:
    """One browser context per page kind (``KINDS``) for this worker, handed from test to test.

    Chromium spends about 1.1 s of CPU on a page load in a new context (a new renderer, a cold HTTP cache,
    fonts and scripts compiled again) and 0.6 s on one in a kept context that still has a page open, so
    each context keeps a blank page open and each test gets a new page beside it. What a test could leave
    behind is cleared or its context dropped: the pages it opened are closed (sessionStorage goes with
    them), and a context with a cookie, with local storage where a page of the test ended, or whose clock
    the test fixed is closed, so that the next test of that kind gets a new one."""

    def __init__(self, browser):
        self.browser = browser
        self.open: dict[str, tuple] = {}  # kind -> (context, its blank page)

    def page(self, kind: str):
        allowed, options = KINDS[kind]
        if kind not in self.open:
            ctx = self.browser.new_context(**options)
            self.open[kind] = (ctx, ctx.new_page())
        return _guard_page(self.open[kind][0], allowed)

    def give_back(self, kind: str) -> None:
        ctx, blank = self.open[kind]
        spoilt = bool(ctx.cookies())
        for pg in ctx.pages:
            if pg is blank:
                continue
            if hasattr(pg, "guard"):  # the test's own page (a pop-up it opened has none)
                ctx.remove_listener("request", pg.guard.seen)
            try:
                spoilt = spoilt or pg.evaluate(LEFT_BEHIND)
            except Exception:  # a crashed or closing page: its context is not trusted again
                spoilt = True
            pg.close()
        if spoilt or blank.is_closed():
            ctx.close()
            del self.open[kind]

    def close(self) -> None:
        for ctx, _blank in self.open.values():
            ctx.close()


@pytest.fixture(scope="session")
def contexts(browser):
    pool = ContextPool(browser)
    yield pool
    pool.close()


def _guarded(contexts: ContextPool, kind: str):
    pg = contexts.page(kind)
    yield pg
    contexts.give_back(kind)
    _check(pg)


def _page_fixture(kind: str, doc: str):
    @pytest.fixture(name=kind)
    def fixture(contexts):
        yield from _guarded(contexts, kind)
    fixture.__doc__ = doc
    return fixture


page = _page_fixture("page", "A desktop-size page; the test fails if any non-local request or uncaught script error happened.")
phone = _page_fixture("phone", "A 375 px wide page with the same guards.")
file_page = _page_fixture("file_page", "A desktop-size page for file:// that fails the test on any request that is not to a file.")
file_phone = _page_fixture("file_phone", "A 375 px phone for file:// with the same guard.")


@pytest.fixture
def own_page(browser):
    """For a test that needs a context of its own (scripts off, another time zone, an init script): call it
    with the context's options (and ``allowed=is_offline`` for file://); the page carries the same guard,
    and the context is closed and checked when the test ends."""
    made = []

    def make(allowed: Callable[[str], bool] = is_local, **context_kw):
        made.append(_new_page(browser, allowed=allowed, **context_kw))
        return made[-1][1]

    yield make
    for ctx, _pg in made:
        ctx.close()
    for _ctx, pg in made:
        _check(pg)
