"""One term per term: every (Chinese, English) pair in data/ and in the page strings uses the glossary's words.

``data/glossary.yaml`` gives, per Chinese term, the English allowed for it (``forms``: regular expressions,
case-insensitive, whole words; without ``forms`` the term's ``en``), the English words only it may produce
(``reserved``: "technician" needs 技师 in the Chinese), and the pairs allowed another English
(``exceptions``, each with its reason). The pairs are found generically — any mapping with ``zh`` and ``en``
texts, or ``X`` beside ``X_en`` — in every data/*.yaml and generator/templates/strings/*.yaml, so what other
issues add (everyday title names, 工种 …) is held too. English text is also checked for "a" before a vowel
sound ("a intermediate").
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PAIR_FILES = sorted((ROOT / "data").glob("*.yaml")) + sorted((ROOT / "generator/templates/strings").glob("*.yaml"))
# "a" before these is wrong; "a university", "a one-off", "a user" are right (consonant sound).
AN_WORDS = re.compile(r"\b[Aa] (?=(?:intermediate|assistant|associate|initial|overhaul|inspector|inspection|"
                      r"occupation|application|applicant|employer|education|evaluation|engineer|exam|examination|"
                      r"expert|honour|hour|electrician|operator|entry|official|eligib|intangible|ICT|IoT|NDT|"
                      r"annual|extra|other|equivalent|individual|advanced|understanding)\b)")


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def pairs_in(data, where: str):
    """Yield (where, zh, en) for every bilingual text in a parsed YAML structure."""
    if isinstance(data, dict):
        if isinstance(data.get("zh"), str) and isinstance(data.get("en"), str):
            yield where, data["zh"], data["en"]
        elif isinstance(data.get("name"), str) and isinstance(data.get("en"), str):  # everyday names, 工种
            yield where, data["name"], data["en"]
        for key, value in data.items():
            if isinstance(value, str) and isinstance(data.get(f"{key}_en"), str) and key != "zh":
                yield f"{where}.{key}", value, data[f"{key}_en"]
            yield from pairs_in(value, f"{where}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from pairs_in(value, f"{where}[{i}]")


def all_pairs():
    return [p for path in PAIR_FILES for p in pairs_in(_load(path), path.relative_to(ROOT).as_posix())]


GLOSSARY = _load(ROOT / "data" / "glossary.yaml")


def _forms(term) -> list[re.Pattern]:
    return [re.compile(r"(?<![\w-])(?:" + f + r")(?![\w])", re.I) for f in term.get("forms", [re.escape(term["en"])])]


def _excepted(term, zh: str) -> bool:
    return any(x["zh"] in zh for x in term.get("exceptions", []))


def term_problems(pairs, glossary) -> list[str]:
    out = []
    for term in glossary:
        if term["kind"] in ("issuer", "series"):  # names, checked on the pages by test_translation.py; 工程 is in 工程机械
            continue
        forms = _forms(term)
        has_term = re.compile(term.get("zh_pattern", re.escape(term["zh"])))
        for where, zh, en in pairs:
            if has_term.search(zh) and not _excepted(term, zh) and not any(f.search(en) for f in forms):
                out.append(f"{where}: {zh[:40]!r} has {term['zh']} but {en[:70]!r} has no "
                           f"{' / '.join(term.get('forms', [term['en']]))}")
        for word in term.get("reserved", []):
            pattern = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", re.I)
            for where, zh, en in pairs:
                if pattern.search(en) and term["zh"] not in zh and not _excepted(term, zh):
                    out.append(f"{where}: {en[:70]!r} says {word!r} but {zh[:40]!r} has no {term['zh']}")
    return out


def article_problems(pairs) -> list[str]:
    return [f"{where}: {m.group(0)!r} in {en[max(0, m.start() - 30):m.end() + 30]!r}"
            for where, _zh, en in pairs for m in [AN_WORDS.search(en)] if m]


def test_every_pair_uses_the_glossary_words_for_its_chinese_terms():
    problems = term_problems(all_pairs(), GLOSSARY)
    assert not problems, f"{len(problems)} pairs off the glossary:\n" + "\n".join(problems[:80])


def test_no_english_text_puts_a_before_a_vowel_sound():
    problems = article_problems(all_pairs())
    assert not problems, "\n".join(problems)


def test_every_exception_names_a_pair_that_exists_and_gives_a_reason():
    zh_texts = [zh for _, zh, _ in all_pairs()]
    for term in GLOSSARY:
        for x in term.get("exceptions", []):
            assert term["zh"] in x["zh"] or any(x["zh"] in z and term["zh"] in z for z in zh_texts), (term["id"], x)
            assert any(x["zh"] in z for z in zh_texts), f"{term['id']}: exception {x['zh']!r} matches no pair"


def test_the_pair_walk_finds_pairs_in_every_data_file_that_has_english():
    files = {w.split(":")[0].split(".yaml")[0] for w, _, _ in all_pairs()}
    for name in ("data/occupations", "data/catalogue", "data/clauses", "data/rules", "data/decisions",
                 "data/committees", "data/committee-guide", "generator/templates/strings/site"):
        assert name in files, name


@pytest.mark.parametrize("zh, en, ok", [
    ("物联网安装调试员", "Internet of Things Installation and Commissioning Worker", True),
    ("物联网安装调试员", "Internet of Things Installation and Adjustment Technician", False),
    ("计量员", "Metrology Technician", False),
    ("高级技师", "senior technician", True),
    ("锅炉设备检修工", "Boiler Equipment Maintenance Worker", False),
])
def test_the_check_catches_a_wrong_word_and_a_technician_that_is_no_skill_level(zh, en, ok):
    assert (not term_problems([("x", zh, en)], GLOSSARY)) is ok


def test_the_article_check_catches_a_intermediate():
    assert article_problems([("x", "", "may apply for a intermediate title")])
    assert not article_problems([("x", "", "may apply for an intermediate title, a university")])
