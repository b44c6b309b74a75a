"""Shared fixtures, built once per test run (once per xdist worker) and never rebuilt by a test.

- ``model``: the validated data (``load_model()``), session-wide; tests must not mutate it.
- ``site_dir`` / ``base_url``: the two-language site that ``make test`` built into site/, served on a
  free local port.
- ``offline_zip``, ``pocket_file``, ``unzipped`` (= ``offline_dir``): what ``make dist`` built into dist/;
  the zip is extracted as a reader would, into a folder whose path has spaces and Chinese characters.
- ``browser`` and the pages ``page``, ``phone`` (http) and ``file_page``, ``file_phone`` (file://):
  Debian's Chromium; every page carries one network ``Guard`` that refuses and counts each request to
  another host (or, offline, each request that is not a file), and the test fails if any was made or a
  script error was thrown.

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
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
# Never a host: the offline copy must work with the network off.
OFFLINE_SCHEMES = {"file", "data", "blob", "about"}
OFFLINE_FOLDER_NAME = "离线 副本 offline"
BROWSER_FIXTURES = {"browser", "page", "phone", "file_page", "file_phone"}


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
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
    """Aborts and records every request that ``allowed`` refuses, and every uncaught script error."""

    def __init__(self, allowed: Callable[[str], bool] = is_local):
        self.allowed = allowed
        self.blocked: list[str] = []
        self.errors: list[str] = []

    def route(self, route):
        url = route.request.url
        if self.allowed(url):
            route.continue_()
        else:
            self._record(url)
            route.abort()

    def seen(self, request):
        """Requests that bypass routing (e.g. from a service worker) are counted too."""
        if not self.allowed(request.url):
            self._record(request.url)

    def _record(self, url: str) -> None:
        if url not in self.blocked:
            self.blocked.append(url)

    @property
    def requests(self) -> list[str]:  # the name the offline tests used
        return self.blocked


def _new_page(browser, request=None, allowed: Callable[[str], bool] = is_local, **context_kw):
    guard = Guard(allowed)
    ctx = browser.new_context(**context_kw)
    ctx.route("**/*", guard.route)
    ctx.on("request", guard.seen)
    page = ctx.new_page()
    page.on("pageerror", lambda e: guard.errors.append(str(e)))
    page.guard = guard
    return ctx, page


def _close_and_check(ctx, page) -> None:
    ctx.close()
    assert page.guard.blocked == [], f"requests the network guard refused: {page.guard.blocked}"
    assert page.guard.errors == [], f"uncaught script errors: {page.guard.errors}"


def settle(page) -> None:
    """Wait until every image has loaded or failed and two frames have passed, so that an ``onerror`` or
    ``onload`` handler a payload might carry has had its chance to run (a condition, not a fixed sleep)."""
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete)")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def _guarded(browser, allowed: Callable[[str], bool] = is_local, **context_kw):
    ctx, pg = _new_page(browser, allowed=allowed, **context_kw)
    yield pg
    _close_and_check(ctx, pg)


@pytest.fixture
def page(browser):
    """A desktop-size page; the test fails if any non-local request or uncaught script error happened."""
    yield from _guarded(browser, **DESKTOP)


@pytest.fixture
def phone(browser):
    """A 375 px wide page with the same guards."""
    yield from _guarded(browser, **PHONE)


@pytest.fixture
def file_page(browser):
    """A desktop-size page for file:// that fails the test on any request that is not to a file."""
    yield from _guarded(browser, is_offline, locale="zh-CN", **DESKTOP)


@pytest.fixture
def file_phone(browser):
    """A 375 px phone for file:// with the same guard."""
    yield from _guarded(browser, is_offline, locale="zh-CN", **PHONE)
