"""The ladder diagram (generator/ladder.py) and its page: every bridge of data/rules.yaml is drawn and
written out in words, in both languages, from the data alone; the SVG is well-formed, accessible,
deterministic and readable in black and white; the page fits a 375 px phone.
"""
from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from generator.ladder import bridges, condition_lines, ladder_svg, source_label, target_label
from generator.model import load_model
from generator.templating import PageHelpers, load_strings
from generator.text_metrics import text_width, wrap

LANGS = ("zh", "en")
SVG_NS = "{http://www.w3.org/2000/svg}"



def helpers(model, strings, lang):
    return PageHelpers(lang, "ladder/index.md", strings, model)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def text_of(el: ET.Element) -> str:
    """All text inside an element, lines joined by a space (wrapped labels split words across tspans)."""
    return " ".join(t.strip() for t in el.itertext() if t.strip())


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def by_attr(root: ET.Element, attr: str) -> dict[str, ET.Element]:
    return {el.get(attr): el for el in root.iter() if el.get(attr)}


@pytest.mark.parametrize("lang", LANGS)
def test_the_svg_is_well_formed_xml_with_an_accessible_name_in_the_page_language(model, strings, lang):
    root = parse(ladder_svg(model, lang, strings))
    assert root.tag == SVG_NS + "svg" and root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    found = {el.get("id"): el for el in root.iter() if el.get("id")}
    assert [found[i].tag for i in ids] == [SVG_NS + "title", SVG_NS + "desc"]
    words = " ".join(found[i].text for i in ids)
    assert bool(re.search(r"[\u4e00-\u9fff]", words)) == (lang == "zh")
    assert root.get("viewBox").startswith("0 0 ")


@pytest.mark.parametrize("lang", LANGS)
def test_every_pathway_is_an_arrow_labelled_with_its_conditions_years_and_clause(model, strings, lang):
    h = helpers(model, strings, lang)
    root = parse(ladder_svg(model, lang, strings))
    arrows, labels = by_attr(root, "data-pathway"), by_attr(root, "data-label-for")
    honour_boxes = by_attr(root, "data-honour-group")
    assert set(arrows) == {p["id"] for p in model.rules["pathways"]}
    for b in bridges(model):
        pid = b.pathway["id"]
        assert arrows[pid].find(SVG_NS + "line") is not None, pid
        shown = labels[pid] if pid in labels else honour_boxes[b.source[1]]
        text = squeeze(text_of(shown))
        assert squeeze(h.clause_label(b.pathway["clause"])) in text, pid
        if pid in labels:
            for line in condition_lines(h, b):
                assert squeeze(line) in text, (pid, line)
        for c in b.pathway["conditions"]:
            if "years" in c:
                assert str(c["years"]) in text, (pid, c)


@pytest.mark.parametrize("lang", LANGS)
def test_every_level_appears_in_the_glossary_words_of_the_page_language(model, strings, lang):
    h = helpers(model, strings, lang)
    boxes = by_attr(parse(ladder_svg(model, lang, strings)), "data-level")
    levels = model.rules["levels"]["skill"] + model.rules["levels"]["title"]
    assert set(boxes) == set(levels)
    for lv in levels:
        assert squeeze(text_of(boxes[lv])) == squeeze(h.level(lv)), lv


def test_each_pathway_group_has_its_own_dash_pattern_for_black_and_white_print(model, strings):
    root = parse(ladder_svg(model, "zh", strings))
    dash = {}
    for g in by_attr(root, "data-group").values():
        line = g.find(SVG_NS + "line")
        dash.setdefault(g.get("data-group"), set()).add(line.get("stroke-dasharray", "solid"))
    assert all(len(d) == 1 for d in dash.values()), dash
    patterns = [next(iter(d)) for d in dash.values()]
    assert len(set(patterns)) == len(patterns) == len(model.rules["pathway_groups"])


def test_the_same_data_renders_the_same_bytes(model, strings):
    again, again_strings = load_model(), load_strings()  # read anew: nothing depends on the first read's order
    assert all(ladder_svg(model, lang, strings) == ladder_svg(again, lang, again_strings) for lang in LANGS)


def test_a_changed_year_count_and_a_new_pathway_show_up_without_code_changes(model, strings):
    changed = copy.copy(model)
    changed.rules = copy.deepcopy(model.rules)
    first = changed.rules["pathways"][0]
    first["conditions"][0]["years"] = 17
    extra = copy.deepcopy(first)
    extra["id"] = "a-pathway-added-to-the-data"
    changed.rules["pathways"].append(extra)
    root = parse(ladder_svg(changed, "en", strings))
    labels = by_attr(root, "data-label-for")
    assert "17" in text_of(labels[first["id"]])
    assert extra["id"] in by_attr(root, "data-pathway")


def test_every_word_in_the_svg_is_escaped(model, strings):
    tricky = copy.deepcopy(strings)
    tricky["ladder_svg_title"] = {"zh": "A & B <script>x</script>", "en": "A & B <script>x</script>"}
    tricky["group_" + model.rules["pathway_groups"][0]["id"]] = {"zh": '"<b>', "en": '"<b>'}
    svg = ladder_svg(model, "en", tricky)
    root = parse(svg)  # still well-formed
    assert "<script>" not in svg and root.find(SVG_NS + "title").text == "A & B <script>x</script>"
    assert any(t.text.startswith('"<b>') for t in root.iter(SVG_NS + "tspan"))


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("焊工焊工焊工", 13 * 3, ["焊工焊", "工焊工"]),  # one em a CJK character; even lines
    ("焊工，焊工", 13 * 2, ["焊", "工，", "焊工"]),  # never a line starting with closing punctuation
    ("senior technician", 1000, ["senior technician"]),
    ("senior technician", 70, ["senior", "technician"]),  # Latin breaks between words only
])
def test_text_is_broken_into_lines_that_fit(text, width, lines):
    assert wrap(text, width, 13) == lines
    assert all(text_width(line, 13) <= width for line in lines)


def test_a_pathway_the_diagram_cannot_place_fails_with_the_pathway_named(model):
    broken = copy.copy(model)
    broken.rules = copy.deepcopy(model.rules)
    broken.rules["pathways"][0]["conditions"] = [{"test": "frontline"}]
    with pytest.raises(ValueError, match=broken.rules["pathways"][0]["id"]):
        bridges(broken)


# --- the built page -------------------------------------------------------------------------------

class Rows(HTMLParser):
    """Text and links of every table row on a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str, list[str]]] = []
        self._row: list | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._row = ["", []]
        elif tag == "a" and self._row is not None:
            self._row[1].append(dict(attrs).get("href", ""))

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            self.rows.append((self._row[0], self._row[1]))
            self._row = None

    def handle_data(self, data):
        if self._row is not None:
            self._row[0] += data


def page_html(site_dir, lang: str) -> str:
    path = site_dir / ("en/" if lang == "en" else "") / "ladder" / "index.html"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_the_text_alternative_lists_every_bridge_with_its_years_target_and_clause_link(model, strings, site_dir, lang):
    h = helpers(model, strings, lang)
    parser = Rows()
    parser.feed(page_html(site_dir, lang))
    rows = [(squeeze(text), hrefs) for text, hrefs in parser.rows]
    for b in bridges(model):
        anchor = "#clause-" + b.pathway["clause"].replace(".", "-")
        wanted = [squeeze(source_label(h, b)), squeeze(target_label(h, b)),
                  *(squeeze(line) for line in condition_lines(h, b))]
        matches = [r for r in rows if all(w in r[0] for w in wanted) and any(x.endswith(anchor) for x in r[1])]
        assert matches, f"{b.pathway['id']}: no row with {wanted} and a link to {anchor}"
        for c in b.pathway["conditions"]:
            if "years" in c:
                assert str(c["years"]) in matches[0][0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_carries_the_generated_diagram(model, site_dir, lang):
    html = page_html(site_dir, lang)
    assert set(re.findall(r'data-pathway="([^"]+)"', html)) == {p["id"] for p in model.rules["pathways"]}
    assert re.search(r'<svg[^>]*role="img"', html)


def open_ladder(pg, base_url: str, prefix: str) -> dict:
    """Opens the ladder page; widths of the page and the diagram's region, the SVG's drawn size, whether the
    swipe cue shows."""
    pg.goto(base_url + prefix + "ladder/")
    return pg.evaluate("""() => {
        const region = document.querySelector('.gt-ladder'), svg = region.querySelector('svg');
        const cue = document.querySelector('.gt-ladder__swipe'), box = svg.getBoundingClientRect();
        return {page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
                fits: region.scrollWidth <= region.clientWidth, svg_w: box.width, svg_h: box.height,
                view_w: svg.viewBox.baseVal.width, cue: cue.getClientRects().length > 0,
                cue_link: cue.querySelector('a').getAttribute('href')};
    }""")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_on_a_desktop_the_diagram_fits_at_a_real_size_without_a_swipe_cue(page, base_url, prefix):
    state = open_ladder(page, base_url, prefix)
    assert state["fits"] and not state["cue"], state
    assert state["svg_w"] > 300 and state["svg_h"] > 300, state


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_on_a_375px_phone_the_diagram_scrolls_at_a_readable_size_with_a_swipe_cue_and_the_table_a_tap_away(
        phone, base_url, prefix):
    state = open_ladder(phone, base_url, prefix)
    assert state["page"] <= state["viewport"], f"the page overflows a {state['viewport']} px viewport: {state}"
    assert state["svg_w"] / state["view_w"] >= 0.8, "labels would shrink below about 10 px"
    assert not state["fits"] and state["cue"], f"the diagram scrolls sideways but nothing says so: {state}"
    assert phone.locator(".gt-ladder").get_attribute("tabindex") == "0"  # the scrolling region takes the keyboard
    cue = phone.locator(".gt-ladder__swipe")
    assert cue.bounding_box()["y"] + cue.bounding_box()["height"] <= 740, "the cue is below the first screen"
    assert state["cue_link"] == "#in-words"
    cue.locator("a").click()
    phone.wait_for_function("() => location.hash === '#in-words'")
    heading = phone.locator("#in-words").bounding_box()
    assert 0 <= heading["y"] < 740, heading  # one tap: the table's heading is on screen


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_ladder_page_has_no_serious_accessibility_violations(page, base_url, prefix):
    from test_accessibility import axe_violations, describe

    open_ladder(page, base_url, prefix)
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_two_honour_groups_with_one_ceiling_fail_with_the_groups_named(model, strings):
    same = copy.copy(model)
    same.rules = copy.deepcopy(model.rules)
    routes = [p for p in same.rules["pathways"] if any(c.get("group") for c in p["conditions"])]
    for p in routes:
        p["target"] = routes[0]["target"]
    with pytest.raises(ValueError, match="same title level"):
        ladder_svg(same, "zh", strings)
