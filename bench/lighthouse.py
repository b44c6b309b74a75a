"""Lighthouse scores (performance and accessibility) for the home page, an occupation page and the checker,
run with Debian's Chromium against a local HTTP server of a built site. Lighthouse's own defaults are
kept (mobile emulation, simulated throttling), so the numbers compare with any other Lighthouse run."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .util import ROOT, Report

LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"  # bench/package.json (make bench)
PAGES = {"home": "", "occupation": "occupations/hangong/", "checker": "check/"}
FLAGS = "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking"


def result_of(url: str, categories: str) -> dict:
    """Lighthouse's whole result (categories and audits) for ``url``; ``categories`` as --only-categories takes them."""
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    result = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
                             f"--only-categories={categories}", f"--chrome-flags={FLAGS}"],
                            capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip()[-500:])
    return json.loads(result.stdout)


def scores(url: str, categories: str = "performance,accessibility") -> dict:
    """Lighthouse's category scores (0–100) for ``url``."""
    cats = result_of(url, categories)["categories"]
    return {k: round((v.get("score") or 0) * 100) for k, v in cats.items()}


def available(report: Report, what: str) -> bool:
    """Whether Lighthouse is installed (``make bench`` installs it); if not, the report says so under ``what``."""
    if not LIGHTHOUSE.exists():
        report.note(what, "bench/node_modules/.bin/lighthouse missing: run `make bench`")
    return LIGHTHOUSE.exists()


def lighthouse(base_url: str, site: Path, report: Report) -> None:
    if not available(report, "Lighthouse"):
        return
    for name, path in PAGES.items():
        if not (site / path / "index.html").is_file():
            report.note(f"Lighthouse {name}", f"{path} is not built yet")
            continue
        try:
            s = scores(base_url + path)
        except (RuntimeError, subprocess.TimeoutExpired, ValueError, KeyError) as e:
            report.note(f"Lighthouse {name}", f"failed: {e}")
            continue
        report.add(f"Lighthouse {name}: performance", str(s.get("performance")), "≥ 95", s.get("performance", 0) >= 95)
        report.add(f"Lighthouse {name}: accessibility", str(s.get("accessibility")), "100", s.get("accessibility") == 100)
