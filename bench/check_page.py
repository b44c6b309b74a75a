"""Issue 9's measure: Lighthouse mobile (its defaults: phone emulation, simulated throttling) behind the gzip
server on the eligibility check, empty and with the welder's answers in the address, in both languages —
performance ≥ 95, cumulative layout shift ≤ 0.1, total blocking time ≤ 200 ms. The machine's load average is
reported with the numbers (Lighthouse's simulated timings still move with a busy CPU)."""
from __future__ import annotations

import os
import subprocess

from . import lighthouse
from .util import Report

# the welder of the journeys: 技师 for 4 years, assessments passed, the occupation chosen
WELDER = "occupation=hangong&skill_level=technician&years_since_skill_level=4&annual_assessments_passed=1"
PAGES = {"check": "check/", "check + welder": "check/?" + WELDER}
LANGS = {"zh": "", "en": "en/"}


def check_page(base_url: str, report: Report) -> None:
    if not lighthouse.available(report, "Lighthouse check page"):
        return
    for lang, prefix in LANGS.items():
        for name, path in PAGES.items():
            what = f"Lighthouse {name} ({lang})"
            load = os.getloadavg()[0]
            try:
                lhr = lighthouse.result_of(base_url + prefix + path, "performance")
            except (RuntimeError, subprocess.TimeoutExpired, ValueError, KeyError) as e:
                report.note(what, f"failed: {e}")
                continue
            perf = round((lhr["categories"]["performance"].get("score") or 0) * 100)
            cls = lhr["audits"]["cumulative-layout-shift"]["numericValue"]
            tbt = lhr["audits"]["total-blocking-time"]["numericValue"]
            report.add(f"{what}: performance", f"{perf} (load {load:.1f})", "≥ 95", perf >= 95)
            report.add(f"{what}: CLS", f"{cls:.3f}", "≤ 0.1", cls <= 0.1)
            report.add(f"{what}: TBT", f"{tbt:.0f} ms", "≤ 200 ms", tbt <= 200)
