"""The whole query table (tests/cases/finder_queries.yaml) through the finder's pure search in Node
(overrides/assets/javascripts/finder-search.js over the generated finder-index.js and finder-lang.js), without a browser;
tests/test_finder_browser.py runs the same table in Chromium. Also: the covered-by rule applied in the
browser agrees with jieba itself on every Chinese query of the table (generator/covered.py)."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from generator import covered, finder
from generator.paths import LANGS

ROOT = Path(__file__).resolve().parent.parent
TABLE = yaml.safe_load((ROOT / "tests" / "cases" / "finder_queries.yaml").read_text(encoding="utf-8"))
RUNNER = ROOT / "tests" / "js" / "run_finder.js"


def expected(row: dict) -> tuple:
    """What the first thing shown must be: (item kind, slug | clause id | row id), or ("none", related…)."""
    if row.get("none"):
        return ("none",)
    if "clause" in row:
        return ("clause", row["clause"])
    if "row" in row:
        return ("row", row["row"])
    return (row.get("item", "occupation"), row["first"])


def shown(answer: dict) -> tuple:
    if not answer["items"]:
        return ("none",)
    it = answer["items"][0]
    kind = "occupation" if it["kind"] in ("occupation",) else it["kind"]
    return (kind, it.get("clause") or it.get("row") or it.get("slug"))


@pytest.fixture(scope="module")
def answers(site_dir):
    """Every query of the table through the finder scripts of the built site (what the pages load)."""
    out = {}
    for lang in LANGS:
        root = site_dir / ("en" if lang == "en" else "")
        lunr_js, *scripts = (root / name for name in ("assets/javascripts/lunr.js", finder.INDEX_JS, finder.LANG_JS))
        queries = [r["query"] for r in TABLE if r["lang"] == lang]
        done = subprocess.run(["node", str(RUNNER), str(lunr_js), *map(str, scripts)], input=json.dumps(queries),
                              capture_output=True, text=True, check=True)
        out[lang] = dict(zip(queries, json.loads(done.stdout), strict=True))
    return out


def test_every_query_of_the_table_gets_its_answer_first_in_node(answers):
    failures = []
    for row in TABLE:
        got = answers[row["lang"]][row["query"]]
        if shown(got) != expected(row):
            failures.append(f"{row['query']!r} ({row['lang']}, {row['kind']}): expected {expected(row)}, got "
                            f"{shown(got)} {got['items'][:2]} related {got['related'][:3]}")
        for slug in row.get("related", []):
            if slug not in got["related"]:
                failures.append(f"{row['query']!r}: {slug} not among the related {got['related']}")
    assert not failures, f"{len(failures)} of {len(TABLE)} rows fail:\n" + "\n".join(failures)


def test_a_query_ending_in_a_word_that_only_looks_like_a_name_is_not_covered(answers):
    assert all(it["kind"] != "covered" for it in answers["zh"]["汽车工"]["items"])
    assert all(it["kind"] != "covered" for it in answers["zh"]["加工中心"]["items"])


def test_covered_by_agrees_with_jieba_on_the_chinese_queries_of_the_table(model):
    names = [o["zh"] for o in model.occupations if o["listed"]]
    blocks = covered.blockers(model)
    reviewed = {s["query"] for s in model.names["segmentation"]}
    exact = set(names) | {a for o in model.occupations for a in o.get("aliases_zh") or []} | {
        e["name"] for part in ("everyday", "trades") for e in model.names[part]}
    extra = ["数控车工", "汽车工", "火车工", "普通焊工", "卧式车工", "模具钳工", "小车工", "钢筋混凝土工"]
    disagree = []
    for q in sorted({r["query"] for r in TABLE if r["lang"] == "zh"} | set(extra)):
        if q in reviewed or q in exact:
            continue  # an exact name, alias, trade or everyday name is answered as such, never as "covered"
        words = covered.split(model, q)
        ends = {sum(len(w) for w in words[:i]) for i in range(len(words))}
        by_jieba = next((n for n in sorted(names, key=len, reverse=True)
                         if q.endswith(n) and len(q) > len(n) and len(q) - len(n) in ends), None)
        if covered.covered_by(q, names, blocks) != by_jieba:
            disagree.append((q, words, covered.covered_by(q, names, blocks)))
    assert not disagree
