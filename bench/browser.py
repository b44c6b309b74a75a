"""Measurements in Chromium: the bytes the home page really loads (each response gzipped, as a server
would send it) and the finder's latency from an input event to its results in the DOM.

Latency is measured inside the page with performance.now(): the query is put in the finder's input, an
``input`` event is dispatched (the finder answers synchronously), and layout is forced before the clock
stops. Each query of tests/cases/finder_queries.yaml runs five times; the median per query is kept.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import yaml

from .util import ROOT, Report, kb, median

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUERIES = ROOT / "tests" / "cases" / "finder_queries.yaml"
FALLBACK_QUERIES = [{"query": q, "lang": "zh"} for q in ("焊工", "焊", "维修工", "hangong", "dian")]

LATENCY_JS = """async ([query, runs]) => {
  const input = document.querySelector('.gt-finder input');
  const box = input.closest('.gt-finder');
  const times = [];
  for (let i = 0; i < runs; i++) {
    input.value = '';
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await new Promise(r => requestAnimationFrame(() => r()));
    input.value = query;
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', {bubbles: true}));
    void box.offsetHeight;
    times.push(performance.now() - t0);
  }
  return times;
}"""


def _launch(p):
    return p.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def first_view(base_url: str, report: Report) -> None:
    from playwright.sync_api import sync_playwright
    loaded: dict[str, int] = {}
    raw_total = 0
    with sync_playwright() as p:
        browser = _launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})

        def on_response(response):
            nonlocal raw_total
            try:
                body = response.body()
            except Exception:  # redirects and aborted requests have no body
                return
            raw_total += len(body)
            loaded[response.url] = len(gzip.compress(body, compresslevel=6))

        page.on("response", on_response)
        page.goto(base_url, wait_until="networkidle")
        page.wait_for_timeout(500)
        browser.close()
    total = sum(loaded.values())
    report.add("first view, home (zh), gzipped", f"{kb(total)} in {len(loaded)} requests ({kb(raw_total)} raw)",
               "≤ 150 KB", total <= 150 * 1024)
    for url, size in sorted(loaded.items(), key=lambda kv: -kv[1])[:5]:
        print(f"      {kb(size):>10}  {url.replace(base_url, '/')}")


def finder_latency(base_url: str, site: Path, report: Report, runs: int = 5) -> None:
    from playwright.sync_api import sync_playwright
    if 'class="gt-finder' not in (site / "index.html").read_text(encoding="utf-8"):
        report.note("finder latency", "the finder is not on the home page yet")
        return
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8")) if QUERIES.is_file() else FALLBACK_QUERIES
    per_query = []
    with sync_playwright() as p:
        browser = _launch(p)
        page = browser.new_page()
        for lang in ("zh", "en"):
            page.goto(base_url + ("en/" if lang == "en" else ""), wait_until="networkidle")
            page.focus(".gt-finder input")  # the index loads when a reader reaches for the finder
            page.wait_for_selector(".gt-finder--ready", state="attached", timeout=10_000)
            for q in (q for q in queries if q.get("lang", "zh") == lang):
                per_query.append((median(page.evaluate(LATENCY_JS, [str(q["query"]), runs])), q["query"]))
        browser.close()
    if not per_query:
        report.note("finder latency", "no queries")
        return
    worst = max(per_query)
    source = QUERIES.relative_to(ROOT) if QUERIES.is_file() else "a built-in list"
    report.add(f"finder latency ({len(per_query)} queries of {source})",
               f"median {median([t for t, _ in per_query]):.1f} ms, slowest {worst[0]:.1f} ms ({worst[1]})",
               "≤ 50 ms", worst[0] <= 50)
