"""``python -m bench``: run every measurement in turn, print each as it comes, then one table.

Order: build time (3 builds into temporary folders; the last one is the site measured next), sizes and
page weights, the offline zip and pocket file, first-view bytes and finder latency in Chromium,
Lighthouse, and last the ×10 scaling run. A measurement that crashes is reported and the others go on;
the exit code is 1 only if one crashed, never because a number missed its target.
"""
from __future__ import annotations

import sys
import tempfile
import time
import traceback
from pathlib import Path

from . import browser, lighthouse, scaling, sizes
from .util import Report, serve


def main(argv: list[str]) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    report, crashed = Report(), []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="guantong-bench-") as tmp:
        work = Path(tmp)
        print(f"Building {runs} times …", flush=True)
        site, real_seconds = sizes.build_times(work, runs, report)

        def step(name, fn, *args):
            print(f"{name} …", flush=True)
            try:
                fn(*args)
            except Exception:  # a crashed measurement must not hide the others
                crashed.append(name)
                report.note(name, "CRASHED (traceback above)")
                traceback.print_exc()

        step("Sizes", sizes.page_sizes, site, report)
        step("Offline zip and pocket file", sizes.dist_sizes, report)
        server, base_url = serve(site)
        try:
            step("First view", browser.first_view, base_url, report)
            step("Finder latency", browser.finder_latency, base_url, site, report)
            step("Lighthouse", lighthouse.lighthouse, base_url, site, report)
        finally:
            server.shutdown()
        if "--no-scaling" not in argv:
            step("Scaling", scaling.scaling, work, real_seconds, site, report)
    print(f"\nGuantong benchmark ({time.perf_counter() - started:.0f} s)\n")
    print(report.table())
    if crashed:
        print(f"\ncrashed: {', '.join(crashed)}", file=sys.stderr)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
