"""Material's site search loads only when the reader opens it or arrives with ?h= (generator/material_search.py,
DECISIONS.md D10-1): the pinned bundle takes the patch, a page view requests no search index, opening search does
and finds pages, and a ?h= link still highlights."""
from __future__ import annotations

from pathlib import Path

import material
from search_support import search

from generator import material_search

BUNDLES = Path(material.__file__).parent / "templates" / "assets" / "javascripts"


def test_the_pinned_material_bundle_takes_both_lazy_search_edits():
    assert material.__version__ == material_search.PINNED, "Material changed: re-derive the patch (D10-1)"
    [bundle] = BUNDLES.glob("bundle.*.min.js")
    patched = material_search.patch(bundle.read_text(encoding="utf-8"))
    assert all(new in patched and old not in patched for old, new in material_search.PATCHES)


def test_the_built_site_carries_the_patched_bundle(site_dir):
    for root in (site_dir, site_dir / "en"):
        [bundle] = (root / "assets" / "javascripts").glob("bundle.*.min.js")
        text = bundle.read_text(encoding="utf-8")
        assert all(new in text for _, new in material_search.PATCHES)


def _index_requests(pg):
    seen = []
    pg.on("request", lambda r: seen.append(r.url) if "search_index" in r.url or "/lunr/" in r.url else None)
    return seen


def test_a_page_view_requests_no_search_index_until_search_opens(page, base_url):
    seen = _index_requests(page)
    page.goto(base_url + "en/occupations/hangong/")
    page.wait_for_load_state("networkidle")
    assert seen == []
    search(page, "committees")
    assert any("search_index" in u for u in seen)


def test_english_whole_words_find_their_pages(page, base_url):
    for word in ("committees", "intermediate", "welding"):
        page.goto(base_url + "en/")
        assert search(page, word).count() >= 1, word


def test_arriving_with_h_loads_the_index_and_highlights(page, base_url):
    seen = _index_requests(page)
    page.goto(base_url + "en/occupations/hangong/?h=welder")
    page.wait_for_selector("article mark", timeout=15_000)
    assert any("search_index" in u for u in seen)
