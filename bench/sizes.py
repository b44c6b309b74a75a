"""Build time (several builds, each in a fresh interpreter), site size, the largest page, HTML weight per page
type, and the sizes of the offline zip and the pocket file in dist/."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.dist import ZIP_BUDGET

from .util import ROOT, Report, folder_size, kb, mb, median, timed_build

PAGE_TYPES = {  # type → glob under a language root; "*" types exclude the index page of the folder
    "home": "index.html",
    "catalogue": "catalogue/index.html",
    "occupation": "occupations/*/index.html",
    "committee": "committees/*/index.html",
    "policy": "policy/index.html",
    "check": "check/index.html",
}


def build_times(work: Path, runs: int, report: Report) -> tuple[Path, float]:
    """Build ``runs`` times into ``work``; report the median; return the last site built and the median."""
    seconds = []
    for i in range(runs):
        target = work / f"site-{i}"
        seconds.append(timed_build(None, target, work / f"docs-{i}"))
        print(f"    build {i + 1}/{runs}: {seconds[-1]:.2f} s", flush=True)
    report.add(f"build time (median of {runs})", f"{median(seconds):.2f} s", "≤ 10 s", median(seconds) <= 10)
    return work / f"site-{runs - 1}", median(seconds)


def page_sizes(site: Path, report: Report) -> None:
    total, files = folder_size(site)
    report.add("site size", f"{mb(total)} in {files} files")
    pages = [p for p in site.rglob("*.html")]
    largest = max(pages, key=lambda p: p.stat().st_size)
    report.add("largest page", f"{largest.relative_to(site)} {kb(largest.stat().st_size)}")
    for name, pattern in PAGE_TYPES.items():
        found = [p for lang_root in (site, site / "en") for p in lang_root.glob(pattern)
                 if not (pattern.startswith(("occupations/*", "committees/*")) and p.parent.name in ("occupations", "committees"))]
        if not found:
            report.note(f"HTML {name}", "not built")
            continue
        sizes = [p.stat().st_size for p in found]
        if len(found) > 2:
            value = f"median {kb(median(sizes))}, max {kb(max(sizes))} ({len(found)} pages, both languages)"
        else:
            value = " / ".join(f"{p.relative_to(site).parts[0] if p.relative_to(site).parts[0] == 'en' else 'zh'} "
                               f"{kb(p.stat().st_size)}" for p in found)
        if name == "occupation":
            report.add(f"HTML {name}", value, "≤ 40 KB each", max(sizes) <= 40 * 1024)
        else:
            report.add(f"HTML {name}", value)


def dist_sizes(report: Report) -> None:
    if (ROOT / "generator" / "dist.py").is_file():
        result = subprocess.run([sys.executable, "-m", "generator", "dist"], cwd=ROOT, capture_output=True,
                                text=True, timeout=1800)
        if result.returncode != 0:
            report.note("offline zip", "`python -m generator dist` failed: " + result.stderr.strip()[-300:])
            return
    dist = ROOT / "dist"
    zips = sorted(dist.glob("*.zip")) if dist.is_dir() else []
    pockets = sorted(dist.glob("*pocket*.html")) if dist.is_dir() else []
    if not zips:
        report.note("offline zip", "no dist/ (generator/dist.py not there yet)")
    for z in zips:
        report.add(f"zip {z.name}", mb(z.stat().st_size), "≤ 2 MB", z.stat().st_size <= ZIP_BUDGET)
    for p in pockets:
        report.add(f"pocket {p.name}", kb(p.stat().st_size), "≤ 500 KB", p.stat().st_size <= 500 * 1024)
