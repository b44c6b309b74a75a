"""The whole pipeline: validate data → generate docs/ → build both languages with MkDocs → swap into place.

A build writes into a fresh folder under .build/ and only replaces the target (site/ or the offline
folder) once both languages built cleanly, so a failed build leaves the last good site whole.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

from . import downloads, finder
from .eligibility import assets as eligibility_assets
from .model import Model, load_model
from .pages import render_all
from .paths import BUILD_TMP, DOCS, LANGS, ROOT, SITE

CONFIGS = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}


def _write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


# Every module that contributes generated data files: each has ``files(model, lang) -> {path: data}``.
ASSET_PROVIDERS = (downloads, finder, eligibility_assets)


def generated_assets(m: Model, lang: str) -> dict[str, str | bytes]:
    """Data files of one language's site, by path under docs/<lang>/."""
    files: dict[str, str | bytes] = {}
    for provider in ASSET_PROVIDERS:
        for path, data in provider.files(m, lang).items():
            if path in files:
                raise ValueError(f"{provider.__name__} writes {path}, which another provider already writes")
            files[path] = data
    return files


def generate(m: Model, docs: Path = DOCS, offline: bool = False) -> list[Path]:
    """Write every generated page and data file under docs/<lang>/ (removing stale ones first)."""
    for lang in LANGS:
        shutil.rmtree(docs / lang, ignore_errors=True)
    written = render_all(m, docs, offline)
    for lang in LANGS:
        for rel_path, data in generated_assets(m, lang).items():
            _write(docs / lang / rel_path, data)
            written.append(docs / lang / rel_path)
    return written


# The offline build's search needs the iframe-worker shim (Material's offline plugin would otherwise load
# it from unpkg.com); the MkDocs hook (mkdocs_hooks.py) copies it from node_modules/ into each language's site.
SHIM = "assets/javascripts/iframe-worker-shim.js"


def _load(lang: str, out: Path, docs: Path, offline: bool):
    kw = dict(site_dir=str(out), docs_dir=str(docs / lang))
    if offline:
        # `offline` after search (D6), links to .html files, no site_url ("" because load_config drops None).
        with open(CONFIGS[lang], "rb") as f:
            plugins = yaml_load(f)["plugins"]
        kw.update(use_directory_urls=False, site_url="", plugins=[*plugins, "offline"])
    cfg = load_config(str(CONFIGS[lang]), **kw)
    if offline:
        cfg.extra["polyfills"] = [SHIM]
    return cfg


def mkdocs_site(out: Path, *, offline: bool = False, docs: Path = DOCS) -> None:
    """Build both languages into ``out`` (zh at the root, en under en/). Everything else a page needs (footer,
    the English site_url, the shim, the downloads) comes from the hooks of mkdocs.yml, as in a plain
    ``mkdocs build``."""
    # Load each config just before its build: MkDocs reuses plugin instances between loads, so loading
    # the English config first would rewrite the Chinese build's search settings (lang, pipeline).
    for lang in LANGS:
        mkdocs_build(_load(lang, out if lang == "zh" else out / lang, docs, offline))


def swap_into_place(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` with two renames, so ``target`` is never half-written."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix="old-", dir=BUILD_TMP))
        target.rename(old / "site")
    new.rename(target)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def build_site(target: Path = SITE, *, offline: bool = False, docs: Path = DOCS) -> Model:
    """Validate, generate and build into ``target``; raise DataError/Abort before touching it.

    ``docs`` is where the generated pages go (tests and the benchmark pass a temporary folder so
    they never rewrite the repository's docs/ while someone else builds)."""
    m = load_model()
    generate(m, docs, offline)
    BUILD_TMP.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="site-", dir=BUILD_TMP))
    try:
        mkdocs_site(work / "site", offline=offline, docs=docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        swap_into_place(work / "site", target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return m
