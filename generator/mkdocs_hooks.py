"""MkDocs hooks (``hooks:`` in mkdocs.yml, so ``mkdocs.en.yml`` inherits them): the site-specific glue that
makes a plain ``mkdocs build`` (after ``python -m generator generate``) give the same files as ``make site``.

- ``on_config``: every page's footer facts and expiry banner from the model (``extra.guantong.footer``,
  ``extra.guantong.banner``) and the site description (its number and province from the edition); the English build's ``site_url`` is the Chinese one + ``en/``; ``SOURCE_DATE_EPOCH`` from the
  data version (unless already set), so page dates and ``sitemap.xml.gz`` are byte-stable;
- ``on_post_build``: the offline build gets the iframe-worker shim (D6) beside its pages; the online builds
  get the changelog's Atom feed, and the Chinese one serves the current offline forms under ``downloads/``
  (``release.publish``).

MkDocs loads this file by its path, not as ``generator.mkdocs_hooks``: hence the absolute imports.
"""
from __future__ import annotations

import calendar
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the `mkdocs` command does not put the working directory on sys.path
    sys.path.insert(0, str(ROOT))

from generator import changelog, release  # noqa: E402
from generator.banner import banner_html  # noqa: E402
from generator.build import SHIM  # noqa: E402
from generator.footer import footer  # noqa: E402
from generator.model import load_model  # noqa: E402

SHIM_SOURCE = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"


def epoch_of(data_version: str) -> int:
    """Midnight UTC of the data version's date, as SOURCE_DATE_EPOCH wants it."""
    return calendar.timegm(date.fromisoformat(data_version).timetuple())


_state: dict = {}  # the model read by on_config, for on_post_build of the same build


def _offline(config) -> bool:
    return SHIM in (config.extra.get("polyfills") or [])


def on_config(config, **kwargs):
    guantong = config.extra["guantong"]
    model = _state["model"] = load_model()
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch_of(model.meta["data_version"])))
    guantong["footer"] = footer(model, guantong["lang"], online=not _offline(config))
    guantong["banner"] = banner_html(model, guantong["lang"])
    guantong["data_version"] = model.meta["data_version"]
    config.site_description = model.site_description[guantong["lang"]]
    prefix = guantong["counterpart"]["prefix"] if guantong["lang"] != "zh" else ""
    if config.site_url and prefix == "../":  # the English site lives under the Chinese one
        lang_dir = f"{guantong['lang']}/"
        if not config.site_url.endswith("/" + lang_dir):
            config.site_url = config.site_url.rstrip("/") + "/" + lang_dir
    return config


def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    if not _offline(config):  # the changelog's Atom feed, online only (a rel=alternate offline would fail)
        (site / changelog.FEED_FILE).write_bytes(
            changelog.site_feed(_state["model"], config.extra["guantong"]["lang"], config.site_url))
    if _offline(config):
        if not SHIM_SOURCE.is_file():
            from mkdocs.exceptions import PluginError
            raise PluginError(f"{SHIM_SOURCE.relative_to(ROOT)} is missing: run `npm ci` (make deps)")
        (site / SHIM).parent.mkdir(parents=True, exist_ok=True)
        (site / SHIM).write_bytes(SHIM_SOURCE.read_bytes())
    elif config.extra["guantong"]["lang"] == "zh" and config.site_url:
        release.publish(site, config.extra["guantong"]["data_version"])
