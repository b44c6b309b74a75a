"""Material's site search loads only when the reader opens search, or arrives with ``?h=`` (a highlight link).

Material for MkDocs 9.8.1 has no setting for this (DECISIONS.md, D10-1): online, its search component requests
``search/search_index.json`` on every page view (the file:// build already waits for the search toggle), and the
``search.highlight`` feature subscribes to the index on every page, whether or not the address has ``?h=``.
On a phone that is the biggest download of a first view. This MkDocs hook (``hooks:`` in mkdocs.yml) patches
the pinned bundle after each build, three exact edits:

1. the search worker (its script, then lunr's language files) is created on its first message;
2. the search component waits for the search toggle online too (as Material does over file://);
3. highlighting subscribes to the index only once the address has ``?h=``.

Each edit must match exactly once; otherwise the build fails naming the Material version, so an upgrade cannot
silently bring the eager loading back (tests/test_material_search.py checks the pinned bundle). Self-contained:
MkDocs loads a hook by path, so this module imports nothing from the generator package.
"""
from __future__ import annotations

from pathlib import Path

PINNED = "9.8.1"
# A stand-in for the search Worker: the real one (and its download) is made on the first message, which the
# search component sends once the reader opens search; listeners added before are handed over then.
LAZY_WORKER = ("(u=>{let w=null,l=[];return{postMessage(m){if(!w){w=new Worker(u);"
               "for(let[a,b,c]of l)w.addEventListener(a,b,c)}w.postMessage(m)},"
               "addEventListener(a,b,c){l.push([a,b,c]);if(w)w.addEventListener(a,b,c)},"
               "removeEventListener(a,b,c){l=l.filter(x=>x[1]!==b);if(w)w.removeEventListener(a,b,c)}}})")
PATCHES = (
    # Ei(): the search worker is created on its first message, not on every page view.
    ("function Ei(e,t){let r=Mn(e);", "function Ei(e,t){let r=Mn(e," + LAZY_WORKER + "(e));"),
    # Ei(): merge(of(online), toggle("search")) → the index is fetched when the search toggle opens.
    ('L($(location.protocol!=="file:"),Je("search"))', 'L($(!1),Je("search"))'),
    # Ai(): combineLatest([index$, location with ?h=]) → location with ?h=, then the index.
    ('z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])',
     'r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),b(o=>t.pipe(m(i=>[i,o]))))'),
)


class PatchError(Exception):
    pass


def patch(text: str, version: str = PINNED) -> str:
    for old, new in PATCHES:
        count = text.count(old)
        if count != 1:
            raise PatchError(f"generator/material_search.py: Material {version}'s bundle has {count} copies of "
                             f"{old!r} (expected 1): re-derive the lazy-search patches for this version")
        text = text.replace(old, new)
    return text


def patch_site(site_dir: Path) -> list[Path]:
    bundles = sorted((Path(site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise PatchError(f"generator/material_search.py: expected one Material bundle in {site_dir}, found {len(bundles)}")
    for b in bundles:
        b.write_text(patch(b.read_text(encoding="utf-8")), encoding="utf-8")
    return bundles


def on_post_build(config, **kwargs) -> None:
    from material import __version__ as version  # noqa: F401 — the version named in errors

    try:
        patch_site(Path(config["site_dir"]))
    except PatchError as e:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"{e} (installed Material {version})") from None
