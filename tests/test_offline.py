"""The offline forms work with the network off: the zip unzipped into a path with spaces and Chinese
characters and opened over file://, and the one-file pocket edition. Every request that is not file://
is refused and counted (the guard fails a test on any); sizes are printed, not timed."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from conftest import is_offline
from offline_support import FOLDER_NAME, parse, url_of
from search_support import search

from generator.build import CONFIGS
from generator.dist import ZIP_BUDGET, lunr_files, search_langs, version
from generator.eligibility.engine import evaluate
from generator.pocket import BUDGET, rules_document

# Fixtures (conftest.py): offline_zip, unzipped, pocket_file, file_page, file_phone, model.
# Internal links of the unzipped copy are checked by test_links.py (its "offline" case).


def kb(n: int) -> str:
    return f"{n / 1024:.0f} KB"


# --- the zip ----------------------------------------------------------------------------------------

def test_zip_opens_at_a_top_level_index_html_beside_a_readme(offline_zip):
    with zipfile.ZipFile(offline_zip) as z:
        files = set(z.namelist())
        unzipped_size = sum(i.file_size for i in z.infolist())
        readme = z.read("README.txt").decode("utf-8-sig")
    print(f"\nzip {kb(offline_zip.stat().st_size)}, unzipped {kb(unzipped_size)} in {len(files)} files")
    assert {"index.html", "README.txt", "en/index.html", "occupations/hangong.html",
            "en/occupations/hangong.html"} <= files
    assert version() in offline_zip.name and version() in readme
    for words in ("index.html", "解压", "浏览器", "Unzip", "browser", "en/index.html"):
        assert words in readme


def test_zip_is_within_2_mb(offline_zip):
    size = offline_zip.stat().st_size
    assert size <= ZIP_BUDGET, f"the offline zip is {size:,} bytes, {size - ZIP_BUDGET:,} over {ZIP_BUDGET:,} (D6)"


def test_zip_holds_only_what_file_urls_load(offline_zip):
    with zipfile.ZipFile(offline_zip) as z:
        files = z.namelist()
    assert not [f for f in files if f.endswith(".map")]
    assert not [f for f in files if f.endswith("search_index.json") or "sitemap.xml" in f]
    assert "search/search_index.js" in files and "en/search/search_index.js" in files
    for prefix, lang in (("", "zh"), ("en/", "en")):
        lunr = {f[len(prefix) + len("assets/javascripts/lunr/"):] for f in files
                if f.startswith(prefix + "assets/javascripts/lunr/")}
        assert lunr == lunr_files(search_langs(CONFIGS[lang])), lang
        assert prefix + "assets/javascripts/iframe-worker-shim.js" in files


def test_offline_copy_carries_no_language_alternates(unzipped):
    """No sitemap and no hreflang offline (D4): the language switch links the other page directly."""
    assert not list(unzipped.rglob("sitemap.xml*"))
    with_alternates = [p.relative_to(unzipped).as_posix() for p in unzipped.rglob("*.html")
                       if "hreflang" in p.read_text(encoding="utf-8")]
    assert with_alternates == []


def test_offline_build_has_no_absolute_link_to_any_host(unzipped):
    found = []
    for page in unzipped.rglob("*.html"):
        links = parse(page).links
        found += [f"{page.relative_to(unzipped)}: <{t} {a}={v}>" for t, a, v in links
                  if v.startswith(("http:", "https:", "//")) or "://" in v.split("#")[0]]
    assert found == [], "\n".join(found[:30])


# --- the zip in Chromium, over file:// ---------------------------------------------------------------

def material_search(page, path, query: str) -> list[str]:
    """Opens the unzipped page at ``path`` over file:// and searches it with Material's search: the hits' texts."""
    page.goto(url_of(path))
    return search(page, query).all_inner_texts()


def test_folder_path_has_spaces_and_chinese_characters(unzipped):
    assert unzipped.name == FOLDER_NAME
    assert "%20" in unzipped.as_uri() and "%E7%A6%BB" in unzipped.as_uri()  # 离


def test_search_in_chinese_works_over_file_from_a_deep_link(file_page, unzipped):
    # occupations/index.html: a page in a subfolder that has search (the lean occupation pages have none, D6)
    hits = material_search(file_page, unzipped / "occupations" / "index.html", "焊工")
    assert any("焊工" in h for h in hits)


def test_search_in_english_works_over_file(file_page, unzipped):
    hits = material_search(file_page, unzipped / "en" / "index.html", "welder")
    assert any("Welder" in h for h in hits)
    assert not any("焊工" in h and "Welder" not in h for h in hits)  # English pages only (D1)


@pytest.mark.parametrize("rel, query, name, status", [("index.html", "焊工", "焊工", "焊工"),
                                                       ("en/index.html", "welder", "Welder", "welder")])
def test_finder_works_over_file_and_opens_the_occupation_page(file_page, unzipped, rel, query, name, status):
    """The English pages load the finder's index from the Chinese copy (D6) and their own words."""
    file_page.goto(url_of(unzipped / rel))
    box = file_page.locator(".gt-finder input")
    box.fill(query)
    option = file_page.locator(".gt-finder [role=option]").first
    option.wait_for()
    assert name in option.inner_text()
    assert file_page.evaluate("GuantongFinder.lang") == ("en" if rel.startswith("en/") else "zh")
    option.click()
    file_page.wait_for_url(url_of(unzipped / rel.replace("index.html", "occupations/hangong.html")))
    assert name in file_page.locator("h1").first.inner_text()


def test_language_switch_keeps_the_page_over_file(file_page, unzipped):
    file_page.goto(url_of(unzipped / "occupations" / "hangong.html"))
    file_page.locator("a.gt-lang-switch").click()
    file_page.wait_for_url("**/en/occupations/hangong.html")
    assert file_page.locator("html").get_attribute("lang").startswith("en")
    assert "Welder" in file_page.locator("h1").first.inner_text()
    file_page.locator("a.gt-lang-switch").click()
    file_page.wait_for_url("**/occupations/hangong.html")
    assert file_page.url == url_of(unzipped / "occupations" / "hangong.html")
    assert file_page.locator("html").get_attribute("lang").startswith("zh")


def test_deep_link_into_an_occupation_page_has_its_styles_and_scripts(file_page, unzipped):
    """A lean page (D6): Material's styles and our script, no Material bundle; a page with search has it."""
    file_page.goto(url_of(unzipped / "en" / "occupations" / "hangong.html"))
    header = file_page.locator(".md-header")
    assert header.evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")  # main.css loaded
    assert file_page.locator("a.gt-lang-switch").is_visible()
    assert file_page.evaluate("typeof document$") == "undefined"
    file_page.goto(url_of(unzipped / "en" / "occupations" / "index.html"))
    assert file_page.evaluate("typeof document$") == "object"  # Material's bundle ran


def test_lean_pages_carry_no_navigation_search_or_bundle_and_link_the_committee_guide(unzipped):
    """Occupation, committee and series pages of the zip use lean.html (D6): ~2 KB less each in the zip."""
    for rel in ("occupations/hangong.html", "en/committees/electric-power.html", "series/engineering.html"):
        text = (unzipped / rel).read_text(encoding="utf-8")
        assert "md-sidebar" not in text and 'class="md-search"' not in text and "bundle." not in text, rel
        assert 'class="md-banner' in text and 'class="md-copyright"' in text, rel
    hangong = (unzipped / "occupations" / "hangong.html").read_text(encoding="utf-8")
    assert 'href="../committees/index.html#committee-guide"' in hangong
    assert 'id="committee-guide"' in (unzipped / "committees" / "index.html").read_text(encoding="utf-8")


def test_english_pages_share_the_chinese_copy_of_identical_assets(unzipped):
    en = unzipped / "en"
    for rel in ("assets/javascripts/guantong.js", "assets/javascripts/check.js", "assets/javascripts/rules-data.js",
                "assets/javascripts/lunr.js", "assets/javascripts/finder-index.js", "downloads/guantong-catalogue.json"):
        assert (unzipped / rel).is_file() and not (en / rel).exists(), rel
    hangong = (en / "occupations" / "hangong.html").read_text(encoding="utf-8")
    assert 'href="../../assets/stylesheets/guantong.css"' in hangong
    assert 'data-assets="../.."' in hangong  # where finder.js takes lunr.js, finder-search.js, finder-index.js
    assert 'href="../../downloads/guantong-catalogue.json"' in (en / "downloads" / "index.html").read_text(encoding="utf-8")
    assert (en / "assets" / "javascripts" / "finder-lang.js").is_file()  # the page language's part
    assert (en / "downloads" / "guantong-catalogue.csv").is_file()  # English headings: its own
    assert (en / "assets" / "javascripts" / "workers").is_dir()  # loaded by Material's config: not shared


@pytest.mark.parametrize("lang, rel", [("zh", "check/index.html"), ("en", "en/check/index.html")])
def test_eligibility_check_works_over_file(file_page, unzipped, model, lang, rel):
    page = unzipped / rel
    profile = {"skill_level": "technician", "years_since_skill_level": 3, "cumulative_work_years": 10,
               "annual_assessments_passed": True}
    doc = rules_document(model)
    highest = evaluate(doc, profile)["title"]["highest"]
    file_page.goto(url_of(page))
    file_page.locator("#gt-check-form").wait_for()
    file_page.select_option("#gt-check-skill_level", "technician")
    file_page.fill("#gt-check-years_since_skill_level", "3")
    file_page.check("#gt-check-annual_assessments_passed-1")
    summary = file_page.locator("#gt-check-summary")
    level = {lv["id"]: lv for lv in doc["levels"]["title"]}[highest][lang]
    file_page.wait_for_function("([el, text]) => el.textContent.includes(text)", arg=[summary.element_handle(), level])
    assert level in summary.inner_text()


# --- the footer ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("rel, lang", [("index.html", "zh"), ("en/occupations/hangong.html", "en")])
def test_offline_footer_shows_data_version_and_validity(unzipped, model, rel, lang):
    text = (unzipped / rel).read_text(encoding="utf-8")
    edition = model.current_edition
    for fact in (model.meta["data_version"], edition["valid_from"], edition["valid_to"]):
        assert fact in text.split('class="md-copyright"', 1)[1], fact


# --- the pocket file ----------------------------------------------------------------------------------

def test_pocket_is_one_file_within_its_budget(pocket_file):
    size = pocket_file.stat().st_size
    print(f"\npocket file {kb(size)} (budget {kb(BUDGET)})")
    assert size <= BUDGET
    links = parse(pocket_file).links
    outside = [(t, a, v) for t, a, v in links if not v.startswith("#")]
    assert outside == []
    text = pocket_file.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in text and "default-src 'none'" in text


def pocket(page, pocket_file: Path, lang: str, fragment: str = ""):
    """Open the pocket file in ``lang`` (the visible switch names the other language)."""
    page.goto(url_of(pocket_file, fragment))
    if page.locator("html").get_attribute("lang") != lang:
        page.locator(f"label.pk-switch[for='pk-lang-{lang}']").click()
    assert page.locator("html").get_attribute("lang") == lang
    return page


@pytest.mark.parametrize("lang, query, name", [("zh", "焊工", "焊工"), ("en", "welder", "Welder")])
def test_pocket_finder_finds_and_opens_an_occupation(file_phone, pocket_file, lang, query, name):
    pocket(file_phone, pocket_file, lang)
    box = file_phone.locator(f"#gt-finder-input-{lang}")
    box.fill(query)
    option = file_phone.locator(f"#gt-finder-list-{lang} [role=option]").first
    option.wait_for()
    assert name in option.inner_text()
    option.click()
    card = file_phone.locator("#pk-occupation")
    card.wait_for()
    assert name in card.inner_text()
    assert file_phone.evaluate("location.hash") == "#/occupations/hangong.html"


def test_pocket_builds_the_same_finder_index_as_finder_py(file_phone, pocket_file, model):
    from generator import finder

    file_phone.goto(url_of(pocket_file))
    built = file_phone.evaluate("JSON.stringify(window.GuantongPocketFinders.zh.index)")
    assert json.loads(built) == json.loads(json.dumps(finder.build_index(model)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pocket_check_answers_first_from_an_occupation(file_phone, pocket_file, model, lang):
    """From an occupation card to the top of the check; the answer (the site's view) above the form."""
    profile = {"skill_level": "technician", "years_since_skill_level": 4, "annual_assessments_passed": True,
               "occupation": "hangong"}
    doc = rules_document(model)
    expected = evaluate(doc, profile)
    level = {lv["id"]: lv for lv in doc["levels"]["title"]}[expected["title"]["highest"]][lang]
    pocket(file_phone, pocket_file, lang, "/occupations/hangong.html")
    file_phone.locator("a.pk-check-this").first.click()
    assert file_phone.locator("#pk-f-occupation").input_value() == "hangong"
    assert file_phone.evaluate("() => document.getElementById('check').getBoundingClientRect().top") < 120
    file_phone.select_option("#pk-f-skill_level", "technician")
    file_phone.fill("#pk-f-years_since_skill_level", "4年")  # numbers as typed
    assert not file_phone.locator("#pk-f-cumulative_work_years").is_visible(), "三(二) never reads cumulative years"
    file_phone.check("#pk-f-annual_assessments_passed-1")
    answer = file_phone.locator(f"#pk-result .pk-{lang}")
    headline = answer.locator(".gt-v-headline").first.inner_text()
    names = doc["title_names"][doc["committees"]["electromechanical"]["names"][0]]["levels"][expected["title"]["highest"]]
    assert level in headline and names[0][lang] in headline, "the level with its everyday title name"
    committee = doc["committees"][doc["occupations"]["hangong"]["committees"][0]][lang]
    assert committee in answer.inner_text()
    box = answer.locator(".gt-v-headline").first.bounding_box()
    assert box["y"] < file_phone.locator("#pk-check").bounding_box()["y"], "the answer comes before the form"


def test_pocket_check_without_an_occupation_shows_the_finders_not_listed_text(file_phone, pocket_file, model):
    pocket(file_phone, pocket_file, "zh", "check")
    file_phone.select_option("#pk-f-skill_level", "senior-worker")
    file_phone.fill("#pk-f-years_since_skill_level", "3")
    file_phone.check("#pk-f-annual_assessments_passed-1")
    assert model.not_listed["title"]["zh"] in file_phone.locator("#pk-result .pk-zh .gt-v-not-listed").inner_text()


def test_pocket_check_names_the_field_of_a_bad_number(file_phone, pocket_file, model):
    pocket(file_phone, pocket_file, "zh", "check")
    file_phone.select_option("#pk-f-title_level", "assistant")
    file_phone.fill("#pk-f-cumulative_work_years", "三年")
    text = file_phone.locator("#pk-result .pk-zh").inner_text()
    label = next(f for f in rules_document(model)["profile_fields"] if f["id"] == "cumulative_work_years")["label"]
    assert label["zh"] in text


def test_pocket_language_toggle_switches_every_part(file_phone, pocket_file):
    pocket(file_phone, pocket_file, "zh")
    file_phone.locator("label.pk-switch[for='pk-lang-en']").click()
    assert file_phone.locator("html").get_attribute("lang") == "en"
    file_phone.goto(url_of(pocket_file, "catalogue"))  # remembered across openings
    assert file_phone.locator("html").get_attribute("lang") == "en"
    assert file_phone.locator("#catalogue h2").first.inner_text().strip() == "Occupation catalogue"
    options = file_phone.locator("#pk-f-occupation option").all_inner_texts()
    assert "Welder (焊工)" in options
    file_phone.locator("label.pk-switch[for='pk-lang-zh']").click()
    assert file_phone.locator("#catalogue h2").first.inner_text().strip() == "职业对应目录"
    assert "焊工" in file_phone.locator("#pk-f-occupation option").all_inner_texts()


@pytest.mark.parametrize("tab", ["finder", "catalogue", "committees", "check"])
def test_pocket_fits_a_375_px_phone(file_phone, pocket_file, tab):
    file_phone.goto(url_of(pocket_file, tab))
    assert file_phone.locator(f"#{tab}").is_visible()
    assert file_phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_pocket_reads_without_scripts(own_page, pocket_file):
    page = own_page(is_offline, java_script_enabled=False, viewport={"width": 375, "height": 740})
    page.goto(url_of(pocket_file))
    assert page.locator("#row-electromechanical").is_visible()
    assert "焊工" in page.locator("#catalogue").inner_text()
    page.locator("label.pk-switch[for='pk-lang-en']").click()  # CSS-only toggle
    assert "Welder" in page.locator("#row-electromechanical").inner_text()
    assert "焊工" not in page.locator("#row-electromechanical h3 >> visible=true").inner_text()
