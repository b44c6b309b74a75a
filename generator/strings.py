"""The site's own words (not the policy's): templates/strings/*.yaml, one file per area of the site, each
string in every language. Templates, the finder, the pocket file and the model's display names read them here.
"""
from __future__ import annotations

import yaml

from .paths import LANGS, TEMPLATES


def load_strings() -> dict:
    """Merge templates/strings/*.yaml (one file per area of the site); a key defined twice is an error."""
    merged: dict = {}
    for path in sorted((TEMPLATES / "strings").glob("*.yaml")):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if key in merged:
                raise ValueError(f"{path.name}: string {key!r} is already defined in another strings file")
            if set(value) != set(LANGS):
                raise ValueError(f"{path.name}: string {key!r} needs exactly {LANGS}, has {sorted(value)}")
            merged[key] = value
    return merged
