"""An independent reading of the attachment's table straight from data/source/*.txt, for tests.

It knows the printed layout (tab-separated cells, a header row per page, the 测控仪器 row that lost its
first cells) and nothing of data/, so comparing the two catches a missing or misspelt item on either side.
"""
from __future__ import annotations

import re
from pathlib import Path

SOURCE = next((Path(__file__).resolve().parent.parent / "data" / "source").glob("*.txt"))
TEXT = SOURCE.read_text(encoding="utf-8")


def table_rows() -> list[dict]:
    rows, page = [], 0
    for line in TEXT.splitlines():
        if line.startswith("序号\t"):
            page += 1
            continue
        if page == 0 or "\t" not in line:
            continue
        cells = line.split("\t")
        while cells and cells[-1] == "":
            cells.pop()
        if len(cells) == 3:  # the 测控仪器 row: 序号 and 职称系列 cells lost
            cells = ["", ""] + cells
        number, series, categories, occupations, committees = cells
        rows.append({"page": page, "number": number or None, "series": series or None,
                     "categories": categories, "occupations": occupations, "committees": committees})
    return rows


def split_names(cell: str) -> list[str]:
    """The occupation names of a cell, as printed (qualifiers in （） dropped, 和 split)."""
    if cell.startswith("《"):
        return []
    body = cell.split("，其他")[0]
    body = re.sub(r"等(发电企业特有)?职业[（(]工种[)）]$", "", body)
    body = re.sub(r"（[^）]*）", "", body)
    names = []
    for part in body.split("、"):
        names += part.split("和") if part == "印染染化料配制工和服装制版师" else [part]
    return names


def clause_3_4_1_fields() -> tuple[list[str], list[str]]:
    """The fields 三(四)1 lists: (series, engineering specialties)."""
    m = re.search(r"具体为我省(.+?)等职称系列以及工程系列(.+?)等专业省属高级职称评审委员会", TEXT)
    return m.group(1).split("、"), m.group(2).split("、")
