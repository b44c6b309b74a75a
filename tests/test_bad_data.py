"""Broken data stops the build with one message a person can act on, and the last good site stays whole.

Each case of ``bad_data_cases.CASES`` breaks one thing in a copy of the real data/ folder. The build
runs in a subprocess (the real command line, ``main(["build"])``) with GUANTONG_DATA pointing at the
broken copy and its output redirected to a temporary target that already holds a good build.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bad_data_cases import CASES, Expect

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# Runs the command line's `build` with its output folder (site/) and its generated pages (docs/)
# moved into temporary folders, so the test never touches the repository's site/ or docs/.
RUNNER = """
import sys
from pathlib import Path
import generator.build as build
import generator.paths as paths
from generator.__main__ import main
target, docs = Path(sys.argv[1]), Path(sys.argv[2])
paths.SITE = target
_build_site = build.build_site
build.build_site = lambda t, **kw: _build_site(t, docs=docs, **kw)
sys.exit(main(["build"]))
"""


def run_build(data: Path, target: Path, docs: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "GUANTONG_DATA": str(data)}
    return subprocess.run([sys.executable, "-c", RUNNER, str(target), str(docs)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def manifest(folder: Path) -> dict:
    """Every file of a folder with its size and modification time."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def good_build(tmp_path_factory):
    """A site built from an unbroken copy of data/ into a temporary target, with its fingerprint."""
    root = tmp_path_factory.mktemp("good")
    shutil.copytree(DATA, root / "data")
    target = root / "site"
    result = run_build(root / "data", target, root / "docs")
    assert result.returncode == 0, f"the real data/ does not build, so no bad-data case can be judged:\n{result.stderr}"
    return target, manifest(target), {p: digest(target / p) for p in ("index.html", "en/index.html")}


def problem_lines(stderr: str) -> list[str]:
    return [line.strip() for line in stderr.splitlines() if line.startswith("  ")]


def assert_one_clear_message(result, expect: Expect, data: Path):
    out = result.stderr
    assert result.returncode != 0, f"the build accepted broken data:\n{result.stdout}{out}"
    assert "Traceback" not in out, f"a traceback instead of a message:\n{out}"
    assert "(1 problem)" in out, f"expected one problem:\n{out}"
    [message] = problem_lines(out)
    place = f"{data / expect.file}:{expect.line}" if expect.line else f"{data / expect.file}: "
    assert message.startswith(place), f"expected the message to start with {place!r}:\n{message}"
    assert "expected " in message and "; found " in message, message
    for fragment in expect.fragments:
        assert fragment in message, f"{fragment!r} missing from the message:\n{message}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_data_fails_with_one_message_and_keeps_the_last_good_site(case, good_build, tmp_path):
    target, files_before, digests = good_build
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    expect = case.mutate(data)
    result = run_build(data, target, tmp_path / "docs")
    assert_one_clear_message(result, expect, data)
    assert {p: digest(target / p) for p in digests} == digests, "the last good home pages were changed"
    assert manifest(target) == files_before, "the last good site was changed"


def test_validate_command_prints_the_same_single_message(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    expect = next(c for c in CASES if c.id == "unknown-committee").mutate(data)
    result = subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "GUANTONG_DATA": str(data)}, timeout=120)
    assert_one_clear_message(result, expect, data)


def test_there_are_at_least_fifteen_kinds_of_broken_data():
    assert len({c.id for c in CASES}) == len(CASES) >= 15
