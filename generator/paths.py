"""Where things live in the repository; every other module asks here instead of guessing."""
import os
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# GUANTONG_DATA points the whole pipeline at another data folder (bad-data tests, the scaling benchmark).
DATA = Path(os.environ.get("GUANTONG_DATA") or ROOT / "data").resolve()
SCHEMAS = DATA / "schemas"
DOCS = ROOT / "docs"
TEMPLATES = Path(__file__).resolve().parent / "templates"
OVERRIDES = ROOT / "overrides"
SITE = ROOT / "site"
DIST = ROOT / "dist"
BUILD_TMP = ROOT / ".build"
LANGS = ("zh", "en")


def rel(path: Path) -> str:
    """A path as a person reads it in an error message: relative to the repository when possible."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def project_version() -> str:
    """The release version: pyproject.toml's [project] version (names the offline zip and pocket file)."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
