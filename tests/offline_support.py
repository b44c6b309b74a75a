"""Helpers for the tests of the offline forms (dist/): file:// addresses and the links of a page.

The fixtures (``offline_zip``, ``unzipped``, ``pocket_file``, ``file_page``, ``file_phone``) live in
conftest.py with the others."""
from __future__ import annotations

import html.parser
from pathlib import Path

from conftest import OFFLINE_FOLDER_NAME as FOLDER_NAME  # noqa: F401 (re-exported for the offline tests)


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


def fed(parser: html.parser.HTMLParser, page: Path):
    """``parser`` after reading the page at ``page``."""
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def parse(path: Path) -> Links:
    return fed(Links(), path)

