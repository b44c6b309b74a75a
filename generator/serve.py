"""``python -m generator serve``: build site/, serve it on 127.0.0.1, rebuild when sources change.

Sources watched: data/, generator/ templates, overrides/, mkdocs*.yml. A failed rebuild prints the
data error and keeps serving the last good site (the build swaps folders only on success).
"""
from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

from .build import build_site
from .errors import DataError
from .paths import DATA, OVERRIDES, ROOT, SITE, TEMPLATES

WATCHED = (DATA, TEMPLATES, OVERRIDES, ROOT / "mkdocs.yml", ROOT / "mkdocs.en.yml")


def _snapshot() -> dict[Path, float]:
    out = {}
    for w in WATCHED:
        for p in ([w] if w.is_file() else w.rglob("*")):
            if p.is_file():
                out[p] = p.stat().st_mtime
    return out


def _rebuild() -> None:
    try:
        build_site(SITE)
        print("rebuilt site/", flush=True)
    except DataError as e:
        print(e.report(), flush=True)
    except Exception as e:  # noqa: BLE001 - keep serving the last good site whatever went wrong
        print(f"build failed, still serving the last good site: {e}", flush=True)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ by path, so a rebuild's folder swap is picked up by the next request."""

    def log_message(self, *args):
        pass


def serve(port: int = 8000, host: str = "127.0.0.1") -> None:
    _rebuild()
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(_Handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving on http://{host}:{port}/ (English at /en/); Ctrl-C to stop", flush=True)
    seen = _snapshot()
    try:
        while True:
            time.sleep(1)
            now = _snapshot()
            if now != seen:
                seen = now
                _rebuild()
    except KeyboardInterrupt:
        server.shutdown()
