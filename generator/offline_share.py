"""One copy of what both languages of the offline copy load (D6): ``share(folder)`` lets the English pages
(``<folder>/en/``) use the Chinese site's copy of every file under ``assets/`` or ``downloads/`` that is
byte-identical in both, and deletes the English copy. A zip compresses every member on its own, so each
duplicate costs its full compressed size.

A file is shared when the English pages reach it in one of two ways only:

- by a relative ``href``/``src`` in a page (theme CSS and bundle, icons, our scripts, the rules script, the
  catalogue downloads): those references are rewritten to the Chinese copy;
- by the finder's loader (``ASSETS_ROOT_LOADED``): finder.js takes lunr.js, finder-search.js and
  finder-index.js from the root that ``<meta name="guantong" data-assets>`` names (overrides/main.html),
  which is rewritten to the Chinese root when all three are identical; finder-lang.js, the page language's
  part, stays per language.

A file any of our scripts names in its code (comments and Node's ``require("./…")`` aside) may be loaded
from the language's own root at run time: it stays. So do the files Material loads through its config
(search worker, lunr languages, the worker shim), and the pages.
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import rjsmin

SHARED_DIRS = ("assets/", "downloads/")
RUNTIME_LOADED = ("assets/javascripts/workers/", "assets/javascripts/lunr/", "assets/javascripts/iframe-worker-shim.js")
ASSETS_ROOT_LOADED = ("assets/javascripts/lunr.js", "assets/javascripts/finder-search.js",
                      "assets/javascripts/finder-index.js")
_REF = re.compile(r'((?:href|src)=")([^"#?:]+)(")')  # relative references only (no scheme, no query)
_ASSETS_ROOT = re.compile(r'(<meta name="guantong"[^>]*? data-assets=")([^"]*)(")')
_NODE_REQUIRE = re.compile(r"""require\(\s*(['"])\./[^'"]+\1\s*\)""")


def _code(script: Path) -> str:
    """What a script runs in a browser: no comments, no Node-only require of a file beside it."""
    return _NODE_REQUIRE.sub("", rjsmin.jsmin(script.read_text(encoding="utf-8", errors="replace")))


def _target(page: Path, ref: str, root: Path) -> str | None:
    """The path, relative to ``root``, that a relative reference of ``page`` points at (None if outside)."""
    try:
        return (page.parent / ref).resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def _candidates(folder: Path) -> list[str]:
    """English files (not pages) under SHARED_DIRS, not loaded through Material's config, identical in zh."""
    en = folder / "en"
    out = []
    for p in sorted(en.rglob("*")):
        rel = p.relative_to(en).as_posix()
        if (p.is_file() and p.suffix != ".html" and rel.startswith(SHARED_DIRS) and not rel.startswith(RUNTIME_LOADED)
                and (folder / rel).is_file() and (folder / rel).read_bytes() == p.read_bytes()):
            out.append(rel)
    return out


def shareable(folder: Path) -> tuple[list[str], bool]:
    """What the English pages may take from the Chinese copy, and whether that includes the finder's set."""
    en = folder / "en"
    root = en.resolve()
    pages = sorted(en.rglob("*.html"))
    linked = {_target(page, m.group(2), root) for page in pages for m in _REF.finditer(page.read_text(encoding="utf-8"))}
    code = {p.relative_to(en).as_posix(): _code(p) for p in sorted((en / "assets").rglob("*.js"))}
    identical = _candidates(folder)

    def named_by_a_script(rel: str) -> bool:
        name = Path(rel).name
        return any(name in text for other, text in code.items() if other != rel)

    shared = [rel for rel in identical if rel in linked and rel not in ASSETS_ROOT_LOADED and not named_by_a_script(rel)]
    finder_set = all(rel in identical for rel in ASSETS_ROOT_LOADED)
    if finder_set:
        shared += ASSETS_ROOT_LOADED
    return sorted(shared), finder_set


def share(folder: Path) -> list[str]:
    """Rewrite the English pages to the Chinese copies and delete the English ones; return what was shared."""
    en = folder / "en"
    root = en.resolve()
    shared, finder_set = shareable(folder)
    wanted = set(shared)

    def repoint(page: Path, m: re.Match) -> str:
        rel = _target(page, m.group(2), root)
        if rel not in wanted:
            return m.group(0)
        return m.group(1) + Path(os.path.relpath(folder / rel, page.parent)).as_posix() + m.group(3)

    for page in en.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = _REF.sub(functools.partial(repoint, page), text)
        if finder_set:
            new = _ASSETS_ROOT.sub(lambda m, page=page: m.group(1) + Path(os.path.relpath(folder, page.parent)).as_posix()
                                   + m.group(3), new)
        if new != text:
            page.write_text(new, encoding="utf-8", newline="\n")
    for rel in shared:
        (en / rel).unlink()
    for d in sorted(en.glob("**/"), reverse=True):
        if d != en and not any(d.iterdir()):
            d.rmdir()
    return shared
