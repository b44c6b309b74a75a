"""Small helpers the benchmark modules share: medians, byte formatting, a report table, subprocess builds
into temporary folders, and a local HTTP server for a built site."""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Builds one site into argv[1] (pages generated into argv[2]) and prints the seconds build_site took.
BUILD = """
import json, sys, time
from pathlib import Path
from generator.build import build_site
t = time.perf_counter()
build_site(Path(sys.argv[1]), docs=Path(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - t}))
"""


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def kb(n) -> str:
    return "n/a" if n is None else f"{n / 1024:,.1f} KB"


def mb(n) -> str:
    return "n/a" if n is None else f"{n / 1024 / 1024:,.2f} MB"


class Report:
    """Rows of (what, measured, target, verdict), printed as they come and again as a table at the end."""

    def __init__(self):
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, value: str, target: str = "", ok: bool | None = None) -> None:
        verdict = "" if ok is None else ("meets" if ok else "MISSES")
        self.rows.append((what, value, target, verdict))
        print(f"  {what}: {value}" + (f"   (target {target}: {verdict})" if target else ""), flush=True)

    def note(self, what: str, text: str) -> None:
        self.add(what, text)

    def table(self) -> str:
        widths = [max(len(r[i]) for r in self.rows + [("what", "measured", "target", "")]) for i in range(4)]
        line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()  # noqa: E731
        return "\n".join([line(("what", "measured", "target", "")), line(tuple("-" * w for w in widths))]
                         + [line(r) for r in self.rows])


def timed_build(data: Path | None, target: Path, docs: Path) -> float:
    """Build a site from ``data`` (None: data/) in a fresh interpreter; return build_site's seconds."""
    env = dict(os.environ)
    if data is not None:
        env["GUANTONG_DATA"] = str(data)
    result = subprocess.run([sys.executable, "-c", BUILD, str(target), str(docs)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise RuntimeError(f"build failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])["seconds"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves files as a real host would: text, scripts, styles and JSON gzipped when the client accepts it
    (GitHub Pages and every CDN do; Python's server alone would make Lighthouse time uncompressed bytes)."""

    COMPRESS = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".csv")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL with a slash
            path = path / "index.html"
        if (path.suffix not in self.COMPRESS or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on a free loopback port; return the server and its base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)
