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


FIRST_VIEW = (("home (zh)", "", 80), ("occupation page (zh)", "occupations/hangong/", 80),
              ("catalogue (zh)", "catalogue/", 90), ("home (en)", "en/", 80))
THROTTLE = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


def _page_bytes(ctx, url: str) -> tuple[int, int, int, list]:
    """Gzipped bytes of the responses that arrived before the load event, and of all responses once the
    network is idle with no interaction (each body gzipped as a server would send it)."""
    page = ctx.new_page()
    sizes: dict[str, int] = {}
    before: set[str] = set()
    loaded = {"done": False}

    responses = []

    def on_response(response):
        if not loaded["done"]:  # before body(): waiting for a body lets the load event through first
            before.add(response.url)
        responses.append(response)

    page.on("response", on_response)
    page.on("load", lambda: loaded.update(done=True))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    for response in responses:
        try:
            sizes[response.url] = len(gzip.compress(response.body(), compresslevel=6))
        except Exception:  # redirects and aborted requests have no body
            pass
    first = sum(sizes[u] for u in before if u in sizes)
    page.close()
    biggest = sorted(((v, u) for u, v in sizes.items() if u in before), reverse=True)[:4]
    return first, sum(sizes.values()), len(before), biggest


def first_view(base_url: str, report: Report) -> None:
    """First view (requests before the load event, gzipped) of the home, occupation and catalogue pages, and
    an occupation page view with no interaction in all (the finder's data waits for idle on finder pages)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = _launch(p)
        for name, path, budget in FIRST_VIEW:
            ctx = browser.new_context(viewport={"width": 375, "height": 740})  # a fresh cache for each: every page is someone's first view
            first, total, n, biggest = _page_bytes(ctx, base_url + path)
            ctx.close()
            report.add(f"first view, {name}, gzipped", f"{kb(first)} in {n} requests", f"≤ {budget} KB",
                       first <= budget * 1024)
            for size, url in biggest:
                print(f"      {kb(size):>10}  {url.replace(base_url, '/')}")
            if path.startswith("occupations/"):
                report.add(f"{name}, no interaction, all requests", kb(total), "≤ 80 KB", total <= 80 * 1024)
        browser.close()


def throttled_first_hit(base_url: str, report: Report) -> None:
    """On a throttled phone (1.6 Mbps, 150 ms RTT, 4× CPU): the time from typing 焊工 to the first hit, typed
    once the page has loaded and settled (the finder's data comes while the browser is idle), and — the worst
    case — typed at the very load event; and whether the loading state showed meanwhile."""
    from playwright.sync_api import sync_playwright
    times = {}
    with sync_playwright() as p:
        browser = _launch(p)
        for when in ("settled", "load"):
            ctx = browser.new_context(viewport={"width": 375, "height": 740})
            page = ctx.new_page()
            cdp = ctx.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", THROTTLE)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(base_url, wait_until="load")
            if when == "settled":  # the data came while idle; the reader starts typing a moment later
                page.wait_for_selector(".gt-finder--ready", state="attached", timeout=60_000)
                page.evaluate("() => new Promise(r => requestIdleCallback(() => r(), {timeout: 5000}))")
            t0 = page.evaluate("performance.now()")
            page.fill(".gt-finder input", "焊工")
            page.dispatch_event(".gt-finder input", "input")
            loading = page.locator(".gt-finder [role=status]").inner_text()
            page.wait_for_selector(".gt-finder [role=option]", timeout=60_000)
            times[when] = ((page.evaluate("performance.now()") - t0) / 1000, loading)
            ctx.close()
        browser.close()
    secs, _ = times["settled"]
    report.add("throttled phone: first hit after typing, page loaded and settled", f"{secs:.2f} s", "≤ 1.5 s",
               secs <= 1.5)
    secs, loading = times["load"]
    report.add("throttled phone: first hit when typing at the load event (worst case)",
               f"{secs:.2f} s; meanwhile the status said {loading!r}")


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
