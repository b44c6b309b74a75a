"""The offline forms as the online site serves them: stable addresses and the facts a reader checks.

``python -m generator dist`` builds ``dist/guantong-<version>-offline.zip`` and
``dist/guantong-<version>-pocket.html`` (the versioned names that go to a GitHub release) and records
them in ``dist/release.json``: version, data version, and each file's size and SHA-256. The online build
(``build_site``) reads that record when it is current — same version, same data version, files unchanged —
shows it on the downloads page and copies the files into the site under stable names
(``downloads/guantong-offline.zip``, ``downloads/guantong-pocket.html``), so the page's links always fetch
the latest forms. The offline build's downloads page describes the copy the reader holds and links no file
(a copy never links to itself).
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from .paths import DIST, project_version

MANIFEST = "release.json"
FOLDER = "downloads"  # under the site's root (the Chinese site; the English page links there too)
STABLE = {"zip": "guantong-offline.zip", "pocket": "guantong-pocket.html"}


def describe(path: Path) -> dict:
    """Size and SHA-256 of one file."""
    return {"size": path.stat().st_size, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def write_manifest(files: dict[str, Path], data_version: str, dist: Path = DIST) -> dict:
    """Record the versioned files of a dist run in dist/release.json (deterministic JSON)."""
    doc = {
        "version": project_version(),
        "data_version": data_version,
        "files": {key: {"versioned": path.name, "stable": STABLE[key], **describe(path)}
                  for key, path in sorted(files.items())},
    }
    (dist / MANIFEST).write_text(json.dumps(doc, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return doc


def current(data_version: str, dist: Path = DIST) -> dict | None:
    """dist/release.json if it describes files of this version and data version that are still there
    unchanged in size; None otherwise (the site then offers no file rather than a stale one)."""
    try:
        doc = json.loads((dist / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if doc.get("version") != project_version() or doc.get("data_version") != data_version:
        return None
    for f in doc.get("files", {}).values():
        path = dist / f["versioned"]
        if not path.is_file() or path.stat().st_size != f["size"]:
            return None
    return doc


def page_hrefs(stable: str) -> dict[str, str]:
    """The file's address from each language's downloads page (online: /downloads/ and /en/downloads/)."""
    return {"zh": stable, "en": f"../../{FOLDER}/{stable}"}


def size_text(n: int) -> str:
    """Whole KB below 1 MB, MB with 2 decimals above (both languages write sizes the same way)."""
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.2f} MB"


def offer(data_version: str, *, offline: bool, dist: Path = DIST) -> dict:
    """What the downloads page shows about the offline forms.

    ``{"kind": "inside", ...}`` in the offline build (describes the copy, links nothing);
    ``{"kind": "files", "files": [...]}`` online when dist/ holds current files;
    ``{"kind": "none", ...}`` online otherwise."""
    base = {"version": project_version(), "data_version": data_version}
    if offline:
        return {"kind": "inside", **base}
    doc = current(data_version, dist)
    if doc is None:
        return {"kind": "none", **base}
    files = [{"key": key, "href": page_hrefs(doc["files"][key]["stable"]), "size_text": size_text(doc["files"][key]["size"]),
              **doc["files"][key]} for key in STABLE if key in doc["files"]]
    return {"kind": "files", **base, "files": files}


def publish(site: Path, data_version: str, dist: Path = DIST) -> list[Path]:
    """Copy the current files into ``site``/downloads/ under their stable names; return the copies."""
    doc = current(data_version, dist)
    if doc is None:
        return []
    out = []
    for f in doc["files"].values():
        target = site / FOLDER / f["stable"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dist / f["versioned"], target)
        out.append(target)
    return out
