"""MkDocs hook (mkdocs.yml ``hooks:``) for what a page prints beyond its screen content (issue 12):

- ``on_env``: the ``gt_qr_svg`` filter, which overrides/main.html uses to print a page's own address as a QR
  code in the online build;
- ``on_post_build``: where pages have an address (the online build), the QR encoder the check page draws
  its printed answer's QR code with (check-print.js): qrcode-generator's browser script, copied from
  node_modules/ (pinned in package-lock.json) as ``assets/javascripts/qrcode.js``. The offline build prints
  no address, so it gets none.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # plain `mkdocs build` runs hooks by path
from generator.printing import qr_svg  # noqa: E402

QR_ENCODER = "assets/javascripts/qrcode.js"
QR_ENCODER_SOURCE = ROOT / "node_modules" / "qrcode-generator" / "dist" / "qrcode.js"


def on_env(env, config, files):
    env.filters["gt_qr_svg"] = qr_svg
    return env


def on_post_build(config, **kwargs):
    if not config.site_url:
        return
    if not QR_ENCODER_SOURCE.is_file():
        from mkdocs.exceptions import PluginError
        raise PluginError(f"{QR_ENCODER_SOURCE.relative_to(ROOT)} is missing: run `npm ci` (make deps)")
    target = Path(config.site_dir) / QR_ENCODER
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(QR_ENCODER_SOURCE.read_bytes())
