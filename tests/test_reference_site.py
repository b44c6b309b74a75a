"""The reference site: every occupation, committee and clause has a page (or anchor) in both languages,
URLs stay stable, the language switch keeps the page, search stays in its language."""
from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from search_support import search

from generator.model import load_model

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
PUBLISHED = ROOT / "tests" / "published_paths.txt"



def html(path: str) -> str:
    return (SITE / path / "index.html").read_text(encoding="utf-8")


def text_of(page_html: str) -> str:
    """The visible text of a page's article (tags stripped, entities decoded)."""
    article = page_html.split('<article', 1)[1].split('</article>', 1)[0]

    class P(HTMLParser):
        out: list = []

        def handle_data(self, data):
            self.out.append(data)
    p = P()
    p.out = []
    p.feed("<article" + article)
    return re.sub(r"\s+", " ", "".join(p.out))


def built_paths() -> set[str]:
    return {"/" + str(p.parent.relative_to(SITE)).replace(".", "", 1).strip("/") + "/" if p.parent != SITE else "/"
            for p in SITE.rglob("index.html")}


def test_every_published_path_is_still_built():
    listed = [line for line in PUBLISHED.read_text(encoding="utf-8").splitlines() if line.startswith("/")]
    missing = sorted(set(listed) - {p.replace("//", "/") for p in built_paths()})
    assert missing == [], f"published URLs that the build no longer has: {missing}"


def test_every_built_page_is_in_the_published_list():
    listed = {line for line in PUBLISHED.read_text(encoding="utf-8").splitlines() if line.startswith("/")}
    new = sorted({p.replace("//", "/") for p in built_paths()} - listed)
    assert new == [], "new pages: add these lines to tests/published_paths.txt:\n" + "\n".join(new)


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_every_occupation_page_names_it_and_every_row_and_committee(model, lang_prefix):
    for o in model.occupations:
        page = html(f"{lang_prefix}occupations/{o['slug']}")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
        assert o["zh"] in h1
        if lang_prefix:
            assert o["en"] in h1 and f'<span lang="zh">{o["zh"]}</span>' in h1
        text = text_of(page)
        assert o["pinyin"] in text
        for row in o["rows"]:
            for c in row["committee_objs"]:
                assert (c["zh"] or c["field_3_4_1"]) in text, (o["slug"], c["id"])
                if lang_prefix and c["en"]:
                    assert c["en"] in text


def test_an_occupation_in_three_rows_lists_three_committees(model):
    text = text_of(html("occupations/guolushebeijianxiugong"))
    for name in ("广东省工程系列机电专业高级职称评审委员会", "广东省工程系列电力工程专业高级职称评审委员会",
                 "广东省工程系列铁路工程专业高级职称评审委员会", "发电企业特有"):
        assert name in text


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_an_occupation_page_lists_the_trades_a_source_puts_under_it_with_that_source(model, lang_prefix):
    lang = "en" if lang_prefix else "zh"
    with_trades = [o for o in model.occupations if o["trades"]]
    assert with_trades
    for o in with_trades:
        text = text_of(html(f"{lang_prefix}occupations/{o['slug']}"))
        for t in o["trades"]:
            assert t["name"] in text and model.names["sources"][t["source"]][lang] in text, (o["slug"], t["name"])


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_every_committee_page_lists_every_occupation_it_reviews(model, lang_prefix):
    for c in model.committees:
        text = text_of(html(f"{lang_prefix}committees/{c['id']}"))
        for o in c["occupations"]:
            assert (o["zh"] if not lang_prefix else o["en"]) in text, (c["id"], o["slug"])
        assert model.clause["3.4.1"]["label"]["en" if lang_prefix else "zh"] in text  # clause 三(四)1 is cited


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_every_clause_has_a_stable_anchor_on_the_full_text_page(model, lang_prefix):
    page = html(f"{lang_prefix}policy")
    for c in model.clauses:
        anchor = "clause-" + c["id"].replace(".", "-")
        assert f'id="{anchor}"' in page and f'href="#{anchor}"' in page, c["id"]


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_the_a_to_z_index_links_every_occupation(model, lang_prefix):
    page = html(f"{lang_prefix}occupations")
    assert not [o["slug"] for o in model.occupations if f'href="{o["slug"]}/"' not in page]


def test_no_page_links_its_counterpart_with_an_in_page_hreflang():
    """Language alternates live in the online sitemap (D4): an in-page <link rel=alternate> makes Material
    fetch a sitemap.xml beside it (404s online, CORS errors offline)."""
    for path in ("", "catalogue/", "occupations/hangong/", "committees/food/", "policy/"):
        for page in (html(path.rstrip("/")), html(("en/" + path).rstrip("/"))):
            assert "hreflang" not in page.split("</head>")[0]


def test_catalogue_csv_has_a_bom_and_one_line_per_entry(model):
    data = (SITE / "downloads" / "guantong-catalogue.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == model.entry_count + 2  # + the agriculture row's 其他纳入…, the technical-school description
    assert {"焊工", "钢琴调律师"} <= {r["职业（工种）"] for r in rows}


def test_catalogue_json_lists_every_row_and_occupation(model):
    doc = json.loads((SITE / "en" / "downloads" / "guantong-catalogue.json").read_text(encoding="utf-8"))
    assert len(doc["rows"]) == 27 and len(doc["occupations"]) == 171
    assert sum(len(r["occupations"]) for r in doc["rows"]) == 194


def test_a_delisted_occupation_keeps_its_page_with_a_notice(tmp_path):
    from generator.pages import render_all
    own = load_model()  # changed below: never the shared session model
    own.occupation["hangong"]["listed"] = False
    render_all(own, tmp_path)
    assert "no longer listed" in (tmp_path / "en" / "occupations" / "hangong.md").read_text(encoding="utf-8")
    assert "不在现行目录" in (tmp_path / "zh" / "occupations" / "hangong.md").read_text(encoding="utf-8")


# --- in a real browser -------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["", "catalogue/", "occupations/", "occupations/hangong/", "committees/",
                                  "committees/electromechanical/", "committees/art/", "series/",
                                  "series/engineering/", "policy/", "glossary/", "downloads/", "about/"])
@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_every_page_type_opens_and_fits_a_phone(phone, base_url, path, lang_prefix):
    phone.goto(base_url + lang_prefix + path)
    assert phone.locator("h1").count() == 1
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than a 375 px screen"


def test_language_switch_leads_to_the_same_page_keeping_query_and_anchor(page, base_url):
    page.goto(base_url + "policy/?from=share#clause-3-2-2")
    page.locator("a[data-gt-counterpart]").click()
    page.wait_for_url("**/en/policy/**")
    assert page.url.endswith("/en/policy/?from=share#clause-3-2-2")
    page.locator("a[data-gt-counterpart]").click()
    page.wait_for_url(re.compile(r".*/policy/\?from=share#clause-3-2-2$"))
    assert "/en/" not in page.url


def search_hrefs(page, query: str) -> list[str]:
    search(page, query, timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")


def test_chinese_search_finds_chinese_pages_only(page, base_url):
    page.goto(base_url)
    hits = search_hrefs(page, "焊工")
    assert hits and all("/en/" not in h for h in hits)
    assert any("/occupations/hangong/" in h for h in hits)


def test_english_search_finds_english_pages_only(page, base_url):
    page.goto(base_url + "en/")
    hits = search_hrefs(page, "welder")
    assert hits and all("/en/" in h for h in hits)
    assert any("/en/occupations/hangong/" in h for h in hits)


def test_print_hides_navigation_and_buttons_and_prints_no_link_addresses(page, base_url):
    """A notice-board print: no header, sidebar or button, and no URL after every link (tests/test_print.py
    checks the printed PDF itself)."""
    page.goto(base_url + "occupations/hangong/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-content a.md-button").first.is_visible()
    after = page.evaluate("""() => [...document.querySelectorAll('.md-content a')]
        .map(a => getComputedStyle(a, '::after').content).filter(c => c.includes('http'))""")
    assert after == []


def test_the_online_build_follows_one_base_url_setting(tmp_path, monkeypatch):
    """GUANTONG_SITE_URL moves canonical links and the sitemap to another host and base path (a mirror).
    Both languages are built with the real configs and theme from one-line pages (the setting is
    plumbing: the generated pages' content plays no part in it, and site/ is the full build)."""
    from generator.build import mkdocs_site
    from generator.paths import LANGS
    monkeypatch.setenv("GUANTONG_SITE_URL", "https://mirror.example.cn/guantong/")
    sections = [p.parent.name for p in (SITE / "en").glob("*/index.html")]  # the pages the nav names
    for lang in LANGS:
        for md in ("index.md", "occupations/hangong/index.md", *(f"{s}/index.md" for s in sections)):
            (tmp_path / "docs" / lang / md).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "docs" / lang / md).write_text("# x\n", encoding="utf-8")
    mkdocs_site(tmp_path / "site", docs=tmp_path / "docs")
    zh = (tmp_path / "site" / "occupations" / "hangong" / "index.html").read_text(encoding="utf-8")
    en = (tmp_path / "site" / "en" / "occupations" / "hangong" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://mirror.example.cn/guantong/occupations/hangong/">' in zh
    assert '<link rel="canonical" href="https://mirror.example.cn/guantong/en/occupations/hangong/">' in en
    assert "https://mirror.example.cn/guantong/en/policy/" in (tmp_path / "site" / "en" / "sitemap.xml").read_text()


@pytest.mark.parametrize("index, lang, pipeline", [
    ("search/search_index.json", ["zh", "en"], ["stopWordFilter"]),
    ("en/search/search_index.json", ["en"], ["trimmer", "stopWordFilter"]),  # unstemmed: D1, issue 10
])
def test_each_language_has_its_own_search_index_and_settings(index, lang, pipeline):
    """Each build writes its own index with its own settings (DECISIONS.md D1); a Chinese index never
    holds an English page and vice versa."""
    doc = json.loads((SITE / index).read_text(encoding="utf-8"))
    assert (doc["config"]["lang"], doc["config"]["pipeline"]) == (lang, pipeline)
    locations = [d["location"] for d in doc["docs"]]
    assert locations and not any(loc.startswith("en/") for loc in locations)


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_a_committee_named_only_by_its_field_is_named_the_same_on_its_page_and_in_the_finder(model, site_dir,
                                                                                          lang_prefix):
    """The display name is computed once (model.committee_display) and shown as it is everywhere."""
    import html as html_lib

    from generator.finder import committees as finder_committees
    from generator.strings import load_strings
    lang = "en" if lang_prefix else "zh"
    [c, *_] = [c for c in model.committees if not c.get("zh")]
    page = html_lib.unescape((site_dir / lang_prefix / "committees" / c["id"] / "index.html").read_text(encoding="utf-8"))
    assert c["display"][lang] in re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    assert finder_committees(model, lang, load_strings())[c["id"]] == c["display"][lang]
