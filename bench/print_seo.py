"""Issue 12's measures: Lighthouse SEO and best practices on six page types (target 100 / 100), and the
catalogue printed on A4 per language (target ≤ 5 pages). The zip size is in sizes.dist_sizes."""
from __future__ import annotations

from .lighthouse import FLAGS, available, scores
from .util import Report

PAGES = {"home": "", "catalogue": "catalogue/", "occupation": "occupations/hangong/",
         "committee": "committees/electric-power/", "check": "check/", "policy": "policy/"}


def lighthouse_seo(base_url: str, report: Report) -> None:
    if not available(report, "Lighthouse SEO"):
        return
    for name, path in PAGES.items():
        s = scores(base_url + path, "seo,best-practices")
        report.add(f"Lighthouse {name}: SEO", str(s.get("seo")), "100", s.get("seo") == 100)
        report.add(f"Lighthouse {name}: best practices", str(s.get("best-practices")), "100",
                   s.get("best-practices") == 100)


def printed_catalogue(base_url: str, report: Report) -> None:
    import pypdfium2 as pdfium
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS.split())
        page = browser.new_page()
        for prefix in ("", "en/"):
            page.goto(base_url + prefix + "catalogue/")
            page.wait_for_load_state("networkidle")
            n = len(pdfium.PdfDocument(page.pdf(format="A4", prefer_css_page_size=True)))
            report.add(f"catalogue printed, {prefix or 'zh'}", f"{n} A4 pages", "≤ 5", n <= 5)
        browser.close()
