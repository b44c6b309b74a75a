"""What paper shows: an occupation page printed on A4 carries the document number, its validity, the data
version, the committee component, the rules summary from the rules data and (online) its own address with a
QR code that decodes to that address; committee pages likewise; the catalogue prints in at most 5 A4 pages
per language; no page prints buttons, navigation or a URL after every link; a printed check result shows the
answer in full and (online) its address with the answers and the date, and a QR code of it; the offline copy
prints no address or QR. PDFs come from Chromium's page.pdf, text and pixels from pypdfium2, the QR from
zxing-cpp."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import pypdfium2 as pdfium
import pytest
import zxingcpp

from generator.eligibility.assets import rules_document
from generator.eligibility.engine import evaluate
from generator.printing import qr_svg, skill_to_title

CATALOGUE_PAGE_BUDGET = 5
# The welder of the journeys (tests/test_check_browser.py), with the annual assessments passed.
WELDER = {"occupation": "hangong", "skill_level": "technician", "years_since_skill_level": "4",
          "annual_assessments_passed": "1"}
WELDER_PROFILE = {"occupation": "hangong", "skill_level": "technician", "years_since_skill_level": 4,
                  "annual_assessments_passed": True}


def printed(page, url: str) -> pdfium.PdfDocument:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return pdfium.PdfDocument(page.pdf(format="A4", prefer_css_page_size=True, print_background=True))


def text_of(pdf: pdfium.PdfDocument) -> str:
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def flat(text: str) -> str:
    """The text without line breaks or spaces (a printed URL or a Chinese line may wrap anywhere)."""
    return re.sub(r"\s+", "", text)


def qr_codes(pdf: pdfium.PdfDocument, index: int = 0) -> list[str]:
    bitmap = pdf[index].render(scale=3, grayscale=True)
    image = memoryview(bytes(bitmap.buffer)).cast("B", (bitmap.height, bitmap.stride))
    return [b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def canonical(site_dir, path: str) -> str:
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    return re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_printed_occupation_page_says_what_by_which_document_until_when_and_where(page, base_url, site_dir, model,
                                                                                  prefix):
    pdf = printed(page, base_url + prefix + "occupations/hangong/")
    text = text_of(pdf)
    doc = model.current_edition
    print(f"\noccupation page hangong ({prefix or 'zh'}): {len(pdf)} A4 page(s)")
    assert len(pdf) <= 2
    assert doc["number"] in text
    assert doc["valid_from"] in text and doc["valid_to"] in text
    assert model.meta["data_version"] in text
    assert ("广东省工程系列机电专业高级职称评审委员会" if not prefix else "Electromechanical") in text  # committee
    summary = skill_to_title(model.rules)["rows"]
    for r in summary:  # the rules summary, from the rules data
        assert model.term[r["skill"]]["en" if prefix else "zh"] in text
        assert model.term[r["target"]]["en" if prefix else "zh"] in text
        assert (f"满 {r['years']} 年" if not prefix else f"{r['years']} years") in text
    assert canonical(site_dir, prefix + "occupations/hangong") in flat(text)
    assert ("查看申报条件" not in text) and ("Check what you may apply for" not in text)


@pytest.mark.parametrize("path", ["occupations/hangong", "en/occupations/hangong", "committees/electric-power",
                                  "en/committees/electric-power"])
def test_printed_qr_code_decodes_to_the_pages_own_address(page, base_url, site_dir, path):
    pdf = printed(page, base_url + path + "/")
    assert qr_codes(pdf) == [canonical(site_dir, path)]


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_printed_committee_page_carries_document_validity_and_scope(page, base_url, model, prefix):
    text = text_of(printed(page, base_url + prefix + "committees/electric-power/"))
    doc = model.current_edition
    assert doc["number"] in text and doc["valid_to"] in text and model.meta["data_version"] in text
    assert "发电企业特有" in flat(text)  # the committee's scope


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_catalogue_prints_as_a_compact_table_in_at_most_five_a4_pages(page, base_url, prefix):
    pdf = printed(page, base_url + prefix + "catalogue/")
    text = text_of(pdf)
    print(f"\ncatalogue printed ({prefix or 'zh'}): {len(pdf)} A4 pages (budget {CATALOGUE_PAGE_BUDGET})")
    assert len(pdf) <= CATALOGUE_PAGE_BUDGET
    assert "钢琴调律师" in text and "焊工" in text
    assert len(re.findall(r"https?://", text)) == 1  # the page's own address, not one per link


def test_printed_page_shows_no_navigation_search_or_buttons(page, base_url):
    page.goto(base_url + "occupations/hangong/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-search", ".md-footer", "a.md-button"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".gt-print-top").is_visible() and page.locator(".gt-print-summary").is_visible()
    page.emulate_media(media="screen")
    assert not page.locator(".gt-print-top").is_visible()


def open_welder_check(pg, url: str) -> dict:
    """The check page with the welder's answers: what its screen shows of the answer (headline, paths met)."""
    pg.goto(url + "?" + "&".join(f"{k}={v}" for k, v in WELDER.items()))
    headline = pg.locator("#gt-check-summary .gt-v-headline").first
    headline.wait_for()
    return {"headline": headline.inner_text(),
            "met": pg.locator("#gt-check-summary .gt-v-pathway:has(.gt-v-status-met)").all_text_contents()}


def print_now(pg) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(pg.pdf(format="A4", prefer_css_page_size=True, print_background=True))


def wait_for_qr_encoder(pg) -> None:
    """Fetched when the browser is idle after load (never in the first view); a print before it arrives shows
    the address without a QR code."""
    pg.wait_for_function("() => typeof window.qrcode === 'function'")


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_printed_check_result_carries_its_address_with_the_date_and_a_qr_code_of_it(page, base_url, site_dir,
                                                                                     model, prefix):
    open_welder_check(page, base_url + prefix + "check/")
    wait_for_qr_encoder(page)
    pdf = print_now(page)
    text = text_of(pdf)
    codes = qr_codes(pdf)
    print(f"\nprinted check result ({prefix or 'zh'}): {len(pdf)} A4 page(s); QR: {codes}")
    assert len(codes) == 1 and codes[0] in flat(text)  # the QR code is the printed address
    address = urlsplit(codes[0])
    assert f"{address.scheme}://{address.netloc}{address.path}" == canonical(site_dir, prefix + "check")
    result = evaluate(rules_document(model), WELDER_PROFILE)
    assert dict(parse_qsl(address.query)) == {**WELDER, "date": result["date"]}


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_printed_check_result_shows_the_answer_its_committee_and_the_paths_met(page, base_url, model, prefix):
    lang = "en" if prefix else "zh"
    shown = open_welder_check(page, base_url + prefix + "check/")
    text = flat(text_of(print_now(page)))
    doc = rules_document(model)
    result = evaluate(doc, WELDER_PROFILE)
    levels = {lv["id"]: lv[lang] for lv in doc["levels"]["title"]}
    assert flat(shown["headline"]) in text and flat(levels[result["title"]["highest"]]) in text
    assert [flat(doc["committees"][c][lang]) in text for c in result["committees"]] == [True]
    met = [p for p in result["pathways"] if p["met"] is True]
    assert len(shown["met"]) == len(met) >= 2  # the same paths met in both engines
    for item in shown["met"]:  # folded away on screen, printed open
        assert flat(item) in text, item
    assert model.current_edition["number"] in text


def test_printed_check_result_opens_the_same_answer_from_its_qr_code(page, base_url):
    shown = open_welder_check(page, base_url + "check/")
    wait_for_qr_encoder(page)
    address = urlsplit(qr_codes(print_now(page))[0])
    page.goto(base_url + address.path.lstrip("/") + "?" + address.query)
    assert page.locator("#gt-check-summary .gt-v-headline").first.inner_text() == shown["headline"]


def test_offline_check_prints_the_answer_without_address_or_qr(file_page, unzipped):
    shown = open_welder_check(file_page, (unzipped / "check" / "index.html").as_uri())
    pdf = print_now(file_page)
    text = text_of(pdf)
    assert "http" not in text and qr_codes(pdf) == []
    assert shown["met"] and all(flat(item) in flat(text) for item in shown["met"])


def test_offline_copy_prints_no_address_and_no_qr(file_page, unzipped, model):
    file_page.goto((unzipped / "occupations" / "hangong.html").as_uri())
    pdf = pdfium.PdfDocument(file_page.pdf(format="A4", prefer_css_page_size=True))
    text = text_of(pdf)
    assert model.current_edition["number"] in text and model.meta["data_version"] in text
    assert "http" not in text and qr_codes(pdf) == []


def test_qr_svg_is_deterministic_and_names_its_address():
    url = "https://guantong.github.io/occupations/hangong/"
    assert qr_svg(url) == qr_svg(url)
    assert qr_svg(url).startswith("<svg") and f'aria-label="{url}"' in qr_svg(url)
    assert qr_svg(url) != qr_svg(url + "x")


def test_rules_summary_is_read_from_the_rules_data(model):
    rules = {**model.rules, "pathways": [dict(p) for p in model.rules["pathways"]]}
    p = next(p for p in rules["pathways"] if p["id"] == "technician-to-intermediate")
    p["conditions"] = [{"test": "skill-years", "level": "technician", "years": 7}]
    rows = skill_to_title(rules)["rows"]
    assert [r["skill"] for r in rows] == ["senior-worker", "technician", "senior-technician"]
    assert next(r for r in rows if r["skill"] == "technician")["years"] == 7
