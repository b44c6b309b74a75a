"""Every internal link and resource of the built site resolves, anchors included, online and offline.

Each HTML file of site/ and of the offline copy (the zip of ``make dist``, unzipped) is parsed; every
``href``/``src`` that is not external is resolved as a browser would and must name an existing file (online a
folder means its index.html; over file:// a folder shows a listing, so a link to one is broken); a
``#fragment`` must be an id (or a name) in the target page. This is the project's one link checker.
External links are not followed, but every external ``<a href="http…">`` must carry rel="noopener".
"""
from __future__ import annotations

import functools
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator import release

ROOT = Path(__file__).resolve().parent.parent
LINK_ATTRS = {("a", "href"), ("link", "href"), ("area", "href"), ("script", "src"), ("img", "src"),
              ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src"), ("form", "action")}
SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")

class PageLinks(HTMLParser):
    """The ids of one page, its internal references and its external anchors."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []  # (tag, url)
        self.external_anchors: list[tuple[str, str]] = []  # (href, rel)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name") if tag in ("a", "map") else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        for attr in ("href", "src", "action"):
            url = a.get(attr)
            if url is None or (tag, attr) not in LINK_ATTRS:
                continue
            if tag == "link" and "preconnect" in (a.get("rel") or ""):
                continue
            if url.startswith("//"):
                self.refs.append((tag, url))  # another host, never meant here: reported as broken
            elif is_external(url):
                if tag == "a":
                    self.external_anchors.append((url, a.get("rel") or ""))
            elif not url.startswith(SKIP_SCHEMES):
                self.refs.append((tag, url))

    handle_startendtag = handle_starttag


SERVED_FORMS = set(release.STABLE.values())


def is_external(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


@functools.cache
def parse(path: Path) -> PageLinks:
    p = PageLinks()
    p.feed(path.read_text(encoding="utf-8", errors="replace"))
    return p


def resolve(root: Path, page: Path, url: str, file_urls: bool = False) -> tuple[Path, str]:
    """The file a reference from ``page`` points to, and its fragment (a folder as itself over file://)."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    here = page.parent.relative_to(root).as_posix()
    target = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(here, path or page.name))
    file = root / target
    if not file_urls and (path.endswith("/") or file.is_dir()):
        file = file / "index.html"
    return file, unquote(parts.fragment)


def broken_links(root: Path, file_urls: bool = False) -> list[str]:
    """Every internal reference of every page under ``root`` that does not resolve, as a sentence."""
    problems = []
    for page in sorted(root.rglob("*.html")):
        if page.name in SERVED_FORMS:
            continue  # the pocket file served for download: one file with its own #/ routes (tested in test_offline)
        links = parse(page)
        for tag, url in links.refs:
            file, fragment = resolve(root, page, url, file_urls)
            where = f"{page.relative_to(root)}: <{tag}> {url!r}"
            if url.startswith("//"):
                problems.append(f"{where} → a protocol-relative URL, which names another host")
                continue
            if file_urls and file.is_dir():
                problems.append(f"{where} → a folder (file:// shows a listing, not its index.html)")
            elif not file.is_file():
                problems.append(f"{where} → missing {file.relative_to(root) if file.is_relative_to(root) else file}")
            elif fragment and file.suffix == ".html" and fragment not in parse(file).ids:
                problems.append(f"{where} → no id {fragment!r} in {file.relative_to(root)}")
    return problems


def external_anchors_without_noopener(root: Path) -> list[str]:
    return [f"{page.relative_to(root)}: {href!r} rel={rel!r}"
            for page in sorted(root.rglob("*.html"))
            for href, rel in parse(page).external_anchors if "noopener" not in rel.split()]


@pytest.fixture(params=["online", "offline"])
def built(request, site_dir) -> tuple[Path, bool]:
    """(folder, read over file://) for the online site and the unzipped offline copy."""
    return (site_dir, False) if request.param == "online" else (request.getfixturevalue("offline_dir"), True)


def test_every_internal_link_resource_and_anchor_resolves(built):
    root, file_urls = built
    problems = broken_links(root, file_urls)
    assert not problems, f"{len(problems)} broken:\n" + "\n".join(problems[:60])


def test_every_external_link_opens_without_handing_over_the_window(built):
    problems = external_anchors_without_noopener(built[0])
    assert not problems, f"{len(problems)} external links without rel=noopener:\n" + "\n".join(problems[:60])


def test_the_link_checker_catches_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<p id="top"><a href="a/">a</a> <a href="#top">t</a> '
                                         '<a href="b/">b</a> <a href="a/#nowhere">n</a> '
                                         '<a href="https://x.example/">x</a> <a href="//en/">e</a></p>')
    (tmp_path / "a" / "index.html").write_text('<a href="../#top">up</a>')
    problems = broken_links(tmp_path)
    assert len(problems) == 3, problems
    assert "missing b/index.html" in problems[0] and "'nowhere'" in problems[1] and "protocol-relative" in problems[2]
    assert len(external_anchors_without_noopener(tmp_path)) == 1


def test_over_file_urls_a_link_to_a_folder_is_broken(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>a</p>")
    (tmp_path / "index.html").write_text('<a href="a/">a</a> <a href="a/index.html">a</a>')
    assert broken_links(tmp_path) == []
    [problem] = broken_links(tmp_path, file_urls=True)
    assert "'a/'" in problem and "folder" in problem
