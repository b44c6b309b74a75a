"""The offline forms can be downloaded from the built site (after `make site` and `make dist`): the
downloads page of each language links the zip and the pocket file at stable addresses, states version,
data version, size and SHA-256, and what the links fetch is what it states. The copies inside the zip and
the pocket file link no copy of themselves; no reader page tells anyone to run a developer command."""
from __future__ import annotations

import hashlib
import json
import re
import urllib.request

import pytest
from offline_support import parse

from generator import release
from generator.dist import names, version
from generator.paths import DIST

# Fixtures (site_dir, base_url, unzipped, pocket_file, model) come from conftest.py.
DEV_COMMAND = re.compile(r"\bmake (dist|site|serve|test|deps|lint|bench)\b|\bnpm (ci|install)\b")


@pytest.fixture(scope="session")
def manifest() -> dict:
    path = DIST / release.MANIFEST
    if not path.is_file():
        pytest.fail("dist/release.json is missing: run `make dist` (make test does it for you)")
    return json.loads(path.read_text(encoding="utf-8"))


def offline_links(site_dir, prefix: str) -> dict[str, str]:
    """{file name as shown: href} of the offline forms' links on one language's downloads page."""
    links = parse(site_dir / prefix / "downloads" / "index.html").links
    return {href.rsplit("/", 1)[-1]: href for tag, attr, href in links
            if tag == "a" and href.endswith(tuple(release.STABLE.values()))}


def test_manifest_describes_the_versioned_files_of_this_version_and_data(manifest, model):
    assert manifest["version"] == version() and manifest["data_version"] == model.meta["data_version"]
    assert {k: f["versioned"] for k, f in manifest["files"].items()} == {"zip": names()["zip"], "pocket": names()["pocket"]}
    for f in manifest["files"].values():
        assert release.describe(DIST / f["versioned"]) == {"size": f["size"], "sha256": f["sha256"]}


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_downloads_page_states_version_data_version_size_and_sha256(site_dir, manifest, prefix):
    text = (site_dir / prefix / "downloads" / "index.html").read_text(encoding="utf-8")
    assert manifest["version"] in text and manifest["data_version"] in text
    for f in manifest["files"].values():
        assert f["sha256"] in text and release.size_text(f["size"]) in text


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_download_links_fetch_the_stated_files_from_the_built_site(site_dir, base_url, manifest, prefix):
    links = offline_links(site_dir, prefix)
    assert set(links) == set(release.STABLE.values())
    for f in manifest["files"].values():
        url = urllib.parse.urljoin(base_url + prefix + "downloads/", links[f["stable"]])
        with urllib.request.urlopen(url) as r:
            body = r.read()
        assert hashlib.sha256(body).hexdigest() == f["sha256"], url
        assert body == (DIST / f["versioned"]).read_bytes()


def test_the_zips_downloads_page_describes_the_copy_and_links_no_copy(unzipped, manifest):
    for prefix in ("", "en/"):
        page = unzipped / prefix / "downloads" / "index.html"
        hrefs = [href for _t, _a, href in parse(page).links]
        assert not [h for h in hrefs if h.endswith((".zip", "pocket.html"))]
        text = page.read_text(encoding="utf-8")
        assert manifest["version"] in text and manifest["data_version"] in text


def test_the_pocket_file_links_no_copy_of_itself(pocket_file):
    text = pocket_file.read_text(encoding="utf-8")
    assert not re.search(r'href="[^"]*(\.zip|pocket\.html)"', text)


def test_no_reader_page_gives_developer_commands(site_dir, unzipped):
    """Build commands belong in the README; the engine-contract page documents the engine's own CLI."""
    found = []
    for root in (site_dir, unzipped):
        for page in root.rglob("*.html"):
            if DEV_COMMAND.search(page.read_text(encoding="utf-8")):
                found.append(page.relative_to(root).as_posix())
    assert found == []


def test_offer_is_none_when_dist_is_stale_or_missing(tmp_path, manifest):
    assert release.offer("2026-11-25", offline=False, dist=tmp_path)["kind"] == "none"
    (tmp_path / release.MANIFEST).write_text(json.dumps({**manifest, "data_version": "1999-01-01"}), encoding="utf-8")
    assert release.current(manifest["data_version"], tmp_path) is None
    assert release.offer(manifest["data_version"], offline=True, dist=DIST)["kind"] == "inside"
