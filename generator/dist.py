"""The offline forms of the site, written into dist/ by ``python -m generator dist``.

- ``guantong-<version>-offline/`` and ``guantong-<version>-offline.zip``: both languages built with
  Material's ``offline`` plugin (build.py, D6) for reading from file://, pruned of what file:// never
  loads (source maps, the search index as JSON, sitemaps, 404.html, lunr languages the search worker
  does not ask for), the English pages using the Chinese copy of every identical file (offline_share.py),
  pages without their indentation, and a README.txt in Chinese and English at the
  top, beside index.html;
- ``guantong-<version>-pocket.html``: the one-file pocket edition (generator/pocket.py);
- ``release.json``: their sizes and SHA-256; then site/ is rebuilt so that its downloads page serves the
  files under stable names (generator/release.py).

``<version>`` is pyproject.toml's [project] version. The zip is deterministic: sorted entries, every
entry dated with data/meta.yaml's data_version, so the same data gives the same bytes.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import jinja2
from mkdocs.config import load_config

from . import offline_share
from .build import CONFIGS, build_site
from .model import Model
from .paths import BUILD_TMP, DIST, ROOT, SITE, TEMPLATES, project_version

# What Material's search worker imports for a set of languages (search.*.min.js, setupSearchLanguages):
# lunr.stemmer.support always, lunr.<lang> for every language but en, lunr.multi for more than one,
# tinyseg.js for ja, wordcut.js for th/hi. Nothing else under assets/javascripts/lunr/ is ever loaded.
SPECIAL_SEGMENTERS = {"ja": "tinyseg.js", "th": "wordcut.js", "hi": "wordcut.js"}
# The offline plugin reads the index from search_index.js; Chromium refuses sitemap.xml over file://;
# 404.html is a server's page (and its links are root-absolute).
NEVER_LOADED = {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "404.html"}
LUNR = "assets/javascripts/lunr/"
ZIP_BUDGET = 2 * 1024 * 1024  # bytes (issue 12): the offline zip a reader downloads and unzips


def version() -> str:
    return project_version()


def names(v: str | None = None) -> dict[str, str]:
    v = v or version()
    return {"folder": f"guantong-{v}-offline", "zip": f"guantong-{v}-offline.zip", "pocket": f"guantong-{v}-pocket.html"}


def search_langs(config: Path) -> list[str]:
    """The ``lang`` of the search plugin in one language's MkDocs config."""
    # An empty docs_dir: the config's own (docs/zh) exists only after an online build, and a fresh
    # clone builds the offline copy first.
    BUILD_TMP.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=BUILD_TMP) as empty:
        lang = load_config(str(config), docs_dir=empty)["plugins"]["material/search"].config["lang"]
    return [lang] if isinstance(lang, str) else list(lang)


def lunr_files(langs: list[str]) -> set[str]:
    """Paths under assets/javascripts/lunr/ that the search worker imports for ``langs`` (empty for en)."""
    wanted = set()
    for lang in langs:
        if lang in SPECIAL_SEGMENTERS:
            wanted.add(SPECIAL_SEGMENTERS[lang])
        if lang != "en":
            wanted.add(f"min/lunr.{lang}.min.js")
    if len(langs) > 1:
        wanted.add("min/lunr.multi.min.js")
    if wanted:
        wanted.add("min/lunr.stemmer.support.min.js")
    return wanted


def _never_loaded(rel: str, keep_lunr: set[str]) -> bool:
    if rel.endswith(".map") or rel in NEVER_LOADED:
        return True
    return rel.startswith(LUNR) and rel[len(LUNR):] not in keep_lunr


def prune(folder: Path) -> list[Path]:
    """Remove from an offline build what file:// never loads; return what was removed."""
    removed = []
    for lang, root in (("zh", folder), ("en", folder / "en")):
        keep = lunr_files(search_langs(CONFIGS[lang]))
        for p in sorted(root.rglob("*")):
            if not p.is_file() or (lang == "zh" and (folder / "en") in p.parents):
                continue  # the English site is pruned with its own settings
            if _never_loaded(p.relative_to(root).as_posix(), keep):
                p.unlink()
                removed.append(p)
        for d in sorted((root / LUNR).glob("**/"), reverse=True):
            if not any(d.iterdir()):
                d.rmdir()
    return removed


_VERBATIM = re.compile(r"<(pre|textarea)[\s>]|white-space\s*:\s*pre", re.I)


def compact_html(folder: Path) -> None:
    """Drop each line's indentation and the blank lines of every page (a tenth of the zip: the zip
    compresses each page on its own, so Material's indented chrome costs on every page). Lines are never
    joined, so text means the same; a page with <pre>, <textarea> or white-space: pre is left alone."""
    for page in folder.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if _VERBATIM.search(text):
            continue
        page.write_text("\n".join(line.strip() for line in text.split("\n") if line.strip()) + "\n",
                        encoding="utf-8", newline="\n")


def readme(m: Model, v: str) -> str:
    """README.txt: how to open the copy, in Chinese and English (CRLF and a BOM, for Windows Notepad)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "offline"), undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True)
    text = env.get_template("README.txt.j2").render(m=m, version=v, edition=m.current_edition)
    return "\ufeff" + text.replace("\r\n", "\n").replace("\n", "\r\n")


def zip_folder(folder: Path, target: Path, date: str) -> None:
    """Zip the folder's contents (index.html at the top of the archive), deterministically."""
    stamp = tuple(int(x) for x in date.split("-")) + (0, 0, 0)
    tmp = target.with_name(target.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(target)


def build_offline(dist: Path = DIST) -> tuple[Model, Path, Path]:
    """Build, prune and zip the offline copy; return the model, the folder and the zip."""
    n = names()
    BUILD_TMP.mkdir(exist_ok=True)
    docs = Path(tempfile.mkdtemp(prefix="docs-offline-", dir=BUILD_TMP))
    try:
        folder = dist / n["folder"]
        m = build_site(folder, offline=True, docs=docs)
    finally:
        shutil.rmtree(docs, ignore_errors=True)
    prune(folder)
    offline_share.share(folder)
    compact_html(folder)
    (folder / "README.txt").write_text(readme(m, version()), encoding="utf-8", newline="")
    zip_path = dist / n["zip"]
    zip_folder(folder, zip_path, m.meta["data_version"])
    return m, folder, zip_path


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def main() -> int:
    from . import release
    from .pocket import write_pocket

    m, folder, zip_path = build_offline()
    pocket = write_pocket(m, DIST / names()["pocket"])
    release.write_manifest({"zip": zip_path, "pocket": pocket}, m.meta["data_version"])
    # The online site serves these files from its downloads page: rebuild site/ so it does (release.py).
    build_site(SITE)
    for label, path in (("offline zip", zip_path), ("unzipped", folder), ("pocket file", pocket)):
        print(f"{label:12} {size(path) / 1024:8.0f} KB  {path.relative_to(ROOT)}")
    return 0
