"""``python -m bench``: run every measurement in turn, print each as it comes, then one table.

Order: build time (3 builds into temporary folders; the last one is the site measured next), sizes and
page weights, the offline zip and pocket file, first-view bytes and finder latency in Chromium,
Lighthouse (incl. the check page: bench/check_page.py), the test suite's time, and last the ×10 scaling run. A measurement that crashes is reported and the others go on;
the exit code is 1 only if one crashed, never because a number missed its target.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

from . import browser, check_page, lighthouse, print_seo, scaling, sizes, suite
from .util import Report, serve


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=3, help="how many times to build for the build time (default 3)")
    p.add_argument("--no-scaling", action="store_true", help="leave out the ×10 scaling run")
    p.add_argument("--no-suite", action="store_true", help="leave out the test suite's time")
    p.add_argument("--workers", default="2", help="pytest -n for the suite's time (make bench passes make test's PYTEST_WORKERS)")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    runs = args.runs
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
            step("Throttled phone", browser.throttled_first_hit, base_url, report)
            step("Lighthouse", lighthouse.lighthouse, base_url, site, report)
            step("Lighthouse check page", check_page.check_page, base_url, report)
            step("Lighthouse SEO and best practices", print_seo.lighthouse_seo, base_url, report)
            step("Printed catalogue", print_seo.printed_catalogue, base_url, report)
        finally:
            server.shutdown()
        if not args.no_suite:
            step("Test suite", suite.suite_time, report, args.workers)
        if not args.no_scaling:
            step("Scaling", scaling.scaling, work, real_seconds, site, report)
    print(f"\nGuantong benchmark ({time.perf_counter() - started:.0f} s)\n")
    print(report.table())
    if crashed:
        print(f"\ncrashed: {', '.join(crashed)}", file=sys.stderr)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
