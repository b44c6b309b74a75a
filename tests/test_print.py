"""What paper shows: an occupation page printed on A4 carries the document number, its validity, the data
version, the committee component, the rules summary from the rules data and (online) its own address with a
QR code that decodes to that address; committee pages likewise; the catalogue prints in at most 5 A4 pages
per language; no page prints buttons, navigation or a URL after every link; the offline copy prints no
address or QR. PDFs come from Chromium's page.pdf, text and pixels from pypdfium2, the QR from zxing-cpp."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
import zxingcpp

from generator.printing import qr_svg, skill_to_title

CATALOGUE_PAGE_BUDGET = 5


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
