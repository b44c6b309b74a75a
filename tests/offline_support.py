"""Fixtures for the offline forms (dist/): the zip unzipped into a folder whose path has spaces and
Chinese characters, the pocket file, and Chromium pages on which every request that is not file://
(or data:, blob:, about:) is refused and counted. Imported by tests/test_offline.py."""
from __future__ import annotations

import html.parser
import posixpath
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from generator.dist import names
from generator.paths import DIST

# Never a host: the offline copy must work with the network off.
OFFLINE_SCHEMES = {"file", "data", "blob", "about"}
FOLDER_NAME = "离线 副本 offline"


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
    folder = tmp_path_factory.mktemp("unzip") / FOLDER_NAME
    with zipfile.ZipFile(offline_zip) as z:
        z.extractall(folder)
    return folder


class FileGuard:
    """Refuses and records every request that is not to a file (or data:/blob:/about:)."""

    def __init__(self):
        self.requests: list[str] = []
        self.errors: list[str] = []

    def route(self, route):
        if urlparse(route.request.url).scheme in OFFLINE_SCHEMES:
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def seen(self, request):
        if urlparse(request.url).scheme not in OFFLINE_SCHEMES and request.url not in self.requests:
            self.requests.append(request.url)


def _offline_page(browser, **context_kw):
    guard = FileGuard()
    ctx = browser.new_context(**context_kw)
    ctx.route("**/*", guard.route)
    ctx.on("request", guard.seen)
    page = ctx.new_page()
    page.on("pageerror", lambda e: guard.errors.append(str(e)))
    page.guard = guard
    return ctx, page


def _finish(ctx, page):
    ctx.close()
    print(f"non-file requests: {len(page.guard.requests)}")
    assert page.guard.requests == [], f"requests that are not file://: {page.guard.requests}"
    assert page.guard.errors == [], f"uncaught script errors: {page.guard.errors}"


@pytest.fixture
def file_page(browser):
    """A desktop-size page for file:// that counts (and fails the test on) any other request."""
    ctx, page = _offline_page(browser, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    yield page
    _finish(ctx, page)


@pytest.fixture
def file_phone(browser):
    """A 375 px phone for file:// with the same guard."""
    ctx, page = _offline_page(browser, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True,
                              locale="zh-CN")
    yield page
    _finish(ctx, page)


def url_of(path: Path, fragment: str = "") -> str:
    return path.as_uri() + (f"#{fragment}" if fragment else "")


class Links(html.parser.HTMLParser):
    """Every href/src/action of a page, and its element ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if name in ("href", "src", "action", "poster") and value is not None:
                self.links.append((tag, name, value))


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def resolve(page: Path, root: Path, value: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link points to (the page itself for "#x"), or None for a URL."""
    u = urlparse(value)
    if u.scheme or u.netloc:
        return None
    target = page if not u.path else Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(u.path))))
    return target, unquote(u.fragment)
