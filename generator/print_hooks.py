"""MkDocs hook (mkdocs.yml ``hooks:``): gives the theme templates the ``gt_qr_svg`` filter, which
overrides/main.html uses to print a page's own address as a QR code in the online build."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # plain `mkdocs build` runs hooks by path
from generator.printing import qr_svg  # noqa: E402


def on_env(env, config, files):
    env.filters["gt_qr_svg"] = qr_svg
    return env
