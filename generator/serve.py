"""``python -m generator serve``: build site/, serve it on 127.0.0.1 with MkDocs' ``LiveReloadServer``
(watchdog; pinned with MkDocs in requirements.txt, as it is an internal class), rebuild when data,
templates, theme overrides or the MkDocs configs change, and reload the open pages once the rebuild is done.

A failed rebuild prints the data error (or the build error) and keeps serving the last good site: the
build swaps folders only on success, so the reload shows the last good pages.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from .build import build_site
from .errors import DataError
from .paths import DATA, OVERRIDES, ROOT, SITE, TEMPLATES

WATCHED = (DATA, TEMPLATES, OVERRIDES, ROOT / "mkdocs.yml", ROOT / "mkdocs.en.yml")


def rebuild() -> None:
    try:
        build_site(SITE)
        print("rebuilt site/; reloading the open pages", flush=True)
    except DataError as e:
        print(e.report(), flush=True)
    except Exception as e:  # noqa: BLE001 - keep serving the last good site whatever went wrong
        print(f"build failed, still serving the last good site: {e}", flush=True)


def make_server(port: int, host: str = "127.0.0.1", *, root: Path = SITE, builder: Callable[[], None] = rebuild,
                watched: Iterable[Path] = WATCHED) -> LiveReloadServer:
    """A live-reload server of ``root`` that calls ``builder`` when a file under ``watched`` changes."""
    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(root))
    for path in watched:
        server.watch(str(path))
    return server


def serve(port: int = 8000, host: str = "127.0.0.1") -> None:
    rebuild()
    server = make_server(port, host)
    print(f"Serving on http://{host}:{port}/ (English at /en/); Ctrl-C to stop", flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
