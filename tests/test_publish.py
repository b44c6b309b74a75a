"""What publishing relies on: the online site/ has site_url-based canonical links and sitemaps in both
languages, every page's footer shows the data version and the policy's validity (from data/), and the
workflow deploys site/ on main and releases the offline forms on a version tag."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
import yaml
from mkdocs.config import load_config

from generator.build import CONFIGS
from generator.paths import DOCS, ROOT

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


@pytest.fixture(scope="session")
def site_url() -> str:
    """The base URL site/ was built for (GUANTONG_SITE_URL or mkdocs.yml's default), ending in /."""
    return load_config(str(CONFIGS["zh"]), docs_dir=str(DOCS))["site_url"].rstrip("/") + "/"



@pytest.mark.parametrize("rel, url", [
    ("index.html", ""),
    ("occupations/hangong/index.html", "occupations/hangong/"),
    ("en/index.html", "en/"),
    ("en/occupations/hangong/index.html", "en/occupations/hangong/"),
])
def test_online_pages_have_a_canonical_link_on_the_site_url(site_dir, site_url, rel, url):
    text = (site_dir / rel).read_text(encoding="utf-8")
    assert CANONICAL.findall(text) == [site_url + url]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_online_sitemap_lists_every_page_of_its_language(site_dir, site_url, prefix):
    locs = [e.text for e in ET.parse(site_dir / prefix / "sitemap.xml").getroot().iterfind("s:url/s:loc", SITEMAP_NS)]
    assert site_url + prefix + "occupations/hangong/" in locs
    assert all(loc.startswith(site_url + prefix) for loc in locs)
    if prefix == "":
        assert not [loc for loc in locs if loc.startswith(site_url + "en/")]  # each build its own sitemap (D1)
    assert (site_dir / prefix / "sitemap.xml.gz").is_file()


XHTML = "{http://www.w3.org/1999/xhtml}link"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_online_sitemap_names_both_languages_of_every_page_with_absolute_hreflang(site_dir, site_url, prefix):
    """Each <url> carries xhtml:link alternates for zh and en, absolute on the site_url (D4)."""
    other = "en/" if prefix == "" else ""
    other_locs = {e.text for e in ET.parse(site_dir / other / "sitemap.xml").getroot().iterfind("s:url/s:loc", SITEMAP_NS)}
    urls = list(ET.parse(site_dir / prefix / "sitemap.xml").getroot().iterfind("s:url", SITEMAP_NS))
    assert len(urls) == len(other_locs)
    for url in urls:
        loc = url.find("s:loc", SITEMAP_NS).text
        page = loc[len(site_url + prefix):]
        alternates = {a.get("hreflang"): a.get("href") for a in url.iter(XHTML) if a.get("rel") == "alternate"}
        assert alternates == {"zh": site_url + page, "en": site_url + "en/" + page}, loc
        assert alternates["zh" if prefix else "en"] in other_locs


@pytest.mark.parametrize("rel, lang", [("index.html", "zh"), ("occupations/hangong/index.html", "zh"),
                                       ("en/index.html", "en"), ("en/committees/index.html", "en")])
def test_online_footer_shows_data_version_and_validity_from_data(site_dir, model, rel, lang):
    footer = (site_dir / rel).read_text(encoding="utf-8").split('class="md-copyright"', 1)[1].split("</div>", 1)[0]
    edition = model.current_edition
    assert model.meta["data_version"] in footer
    assert edition["valid_from"] in footer and edition["valid_to"] in footer and edition["number"] in footer
    assert ("数据版本" in footer) == (lang == "zh")


def test_footer_facts_are_data_not_template_text():
    template = (ROOT / "overrides" / "partials" / "copyright.html").read_text(encoding="utf-8")
    assert not re.search(r"\d{4}-\d{2}-\d{2}", template)


@pytest.fixture(scope="session")
def workflow() -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))


def _uses(job: dict) -> list[str]:
    return [s.get("uses", "").split("@")[0] for s in job["steps"]]


def test_workflow_tests_in_bookworm_and_deploys_site_on_main(workflow):
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert triggers["push"]["branches"] == ["main"] and triggers["push"]["tags"] == ["v*"]
    test = workflow["jobs"]["test"]
    assert test["container"].startswith("python:3.11-bookworm")
    runs = [s.get("run", "") for s in test["steps"]]
    assert "make test" in runs
    make_test = next(s for s in test["steps"] if s.get("run") == "make test")
    assert "steps.pages.outputs.base_url" in make_test["env"]["GUANTONG_SITE_URL"]
    assert {"actions/configure-pages", "actions/upload-pages-artifact"} <= set(_uses(test))
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages" and "actions/deploy-pages" in _uses(deploy)


def test_workflow_releases_the_zip_and_the_pocket_file_on_a_version_tag(workflow):
    release = workflow["jobs"]["release"]
    assert release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert release["permissions"] == {"contents": "write"}
    files = next(s for s in release["steps"] if s.get("uses", "").startswith("softprops/"))["with"]["files"]
    assert "-offline.zip" in files and "-pocket.html" in files


def test_workflow_deploys_the_site_that_serves_the_offline_forms(workflow):
    """Pages gets site/ as `make test` left it: after `make dist`, which puts the zip and pocket file in it."""
    steps = workflow["jobs"]["test"]["steps"]
    at = {s.get("run") or s.get("uses", "").split("@")[0]: i for i, s in enumerate(steps)}
    assert at["make test"] < at["actions/upload-pages-artifact"]
    assert next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))["with"]["path"] == "site"
    assert "generator dist" in (ROOT / "Makefile").read_text(encoding="utf-8").split("\ntest:")[1].split("\n\n")[0]
