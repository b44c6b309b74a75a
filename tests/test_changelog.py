"""What changed: the changelog page and the Atom feeds built from data/changelog.yaml.

The feeds are checked against RFC 4287's required elements one by one (feedparser would accept a feed
without them): atom:feed with exactly one id, title and updated and an author; every atom:entry with
exactly one id, title and updated, and content or an alternate link. They are linked from every page of
the online build only."""
from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from generator import changelog
from generator.errors import DataError
from generator.model import load_model

ROOT = Path(__file__).resolve().parent.parent
A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")
FEEDS = {"zh": "feed.xml", "en": "en/feed.xml"}


def _one(el, tag, where):
    found = el.findall(A + tag)
    assert len(found) == 1, f"{where}: {len(found)} atom:{tag} (RFC 4287 requires exactly one)"
    assert (found[0].text or "").strip(), f"{where}: empty atom:{tag}"
    return found[0].text.strip()


@pytest.mark.parametrize("lang", FEEDS)
def test_the_feed_has_every_element_rfc_4287_requires(site_dir, lang):
    root = ET.parse(site_dir / FEEDS[lang]).getroot()
    assert root.tag == A + "feed"
    assert IRI.match(_one(root, "id", "feed"))
    _one(root, "title", "feed")
    feed_updated = _one(root, "updated", "feed")
    assert RFC3339.match(feed_updated)
    feed_authors = [a for a in root.findall(A + "author") if (a.findtext(A + "name") or "").strip()]
    entries = root.findall(A + "entry")
    assert entries
    ids = []
    for i, e in enumerate(entries):
        ids.append(_one(e, "id", f"entry {i}"))
        assert IRI.match(ids[-1])
        _one(e, "title", f"entry {i}")
        updated = _one(e, "updated", f"entry {i}")
        assert RFC3339.match(updated) and updated <= feed_updated
        has_author = any((a.findtext(A + "name") or "").strip() for a in e.findall(A + "author"))
        assert feed_authors or has_author, f"entry {i}: no atom:author and none on the feed"
        alternate = [link for link in e.findall(A + "link") if link.get("rel", "alternate") == "alternate"]
        assert e.find(A + "content") is not None or alternate, f"entry {i}: neither content nor alternate link"
    assert len(set(ids)) == len(ids)
    self_links = [link.get("href") for link in root.findall(A + "link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].endswith(FEEDS[lang].removeprefix("en/"))
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang


@pytest.mark.parametrize("lang", FEEDS)
def test_the_feed_has_one_entry_per_data_version_and_is_deterministic(site_dir, model, lang):
    text = (site_dir / FEEDS[lang]).read_bytes()
    root = ET.fromstring(text)
    titles = [e.findtext(A + "title") for e in root.findall(A + "entry")]
    assert [t.split()[-1] for t in titles] == [r["version"] for r in model.changelog]
    site_url = [x.get("href") for x in root.findall(A + "link") if x.get("rel") == "self"][0].removesuffix("feed.xml")
    assert changelog.site_feed(model, lang, site_url) == text
    assert root.findtext(A + "updated").startswith(model.meta["data_version"])


@pytest.mark.parametrize("rel", ["index.html", "changelog/index.html", "occupations/hangong/index.html",
                                 "en/index.html", "en/check/index.html", "en/committees/electric-power/index.html"])
def test_every_online_page_links_its_languages_feed_beside_the_sitemap(site_dir, rel):
    html = (site_dir / rel).read_text(encoding="utf-8")
    links = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html)
    assert len(links) == 1
    target = (site_dir / rel).parent / links[0]
    assert target.resolve() == (site_dir / ("en/feed.xml" if rel.startswith("en/") else "feed.xml")).resolve()
    assert (target.parent / "sitemap.xml").is_file()  # Material fetches sitemap.xml beside the link


@pytest.mark.parametrize("rel", ["index.html", "changelog/index.html", "en/occupations/hangong.html"])
def test_the_offline_copy_has_no_feed_and_no_feed_link(unzipped, rel):
    html = (unzipped / rel).read_text(encoding="utf-8")
    assert "application/atom+xml" not in html and 'rel="alternate"' not in html
    assert not (unzipped / "feed.xml").exists() and not (unzipped / "en" / "feed.xml").exists()


@pytest.mark.parametrize("rel, lang", [("changelog/index.html", "zh"), ("en/changelog/index.html", "en")])
def test_the_changelog_page_shows_every_change_with_its_clauses(site_dir, model, rel, lang):
    html = (site_dir / rel).read_text(encoding="utf-8")
    text = unescape(re.sub(r"<[^>]+>", "", html))
    for r in model.changelog:
        assert f'id="v{r["version"]}"' in html
        for c in r["changes"]:
            assert c[lang] in text
            for cid in c["clauses"]:
                assert f"#clause-{cid.replace('.', '-')}" in html


def test_the_footer_links_the_data_version_to_the_changelog(site_dir, model):
    html = (site_dir / "occupations/hangong/index.html").read_text(encoding="utf-8")
    footer = html.split('class="md-copyright"', 1)[1]
    assert re.search(r'href="[./]*changelog/"[^>]*>[^<]*' + model.meta["data_version"], footer)


def test_a_changelog_behind_the_data_version_fails_the_build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    meta = data / "meta.yaml"
    meta.write_text(re.sub(r'data_version: "[0-9-]+"', 'data_version: "2099-01-01"', meta.read_text(encoding="utf-8")),
                    encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_model(data)
    assert "changelog.yaml" in str(err.value) and "2099-01-01" in str(err.value)
