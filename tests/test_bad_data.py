"""Broken data stops the build with one message a person can act on, and the last good site stays whole.

Each case of ``bad_data_cases.CASES`` breaks one thing in a copy of the real data/ folder and is judged
in-process: ``load_model(data_dir)`` is what every command (``validate``, ``build``, ``dist``, ``serve``)
runs before it writes anything, and its ``DataError.report()`` is exactly what the command line prints.
Two cases run end to end through the real command line in a subprocess with GUANTONG_DATA pointing at
the broken copy: ``build`` (its target already holds a good site, which must stay byte for byte) and
``validate``.
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

from generator.errors import DataError
from generator.model import load_model

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


def run_command(data: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "GUANTONG_DATA": str(data)}
    return subprocess.run([sys.executable, *argv], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def manifest(folder: Path) -> dict:
    """Every file of a folder with its size, modification time and digest."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).digest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def broken_copy(tmp_path: Path, case_id: str) -> tuple[Path, Expect]:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data, next(c for c in CASES if c.id == case_id).mutate(data)


def problem_lines(report: str) -> list[str]:
    return [line.strip() for line in report.splitlines() if line.startswith("  ")]


def assert_one_clear_message(report: str, expect: Expect, data: Path):
    assert "Traceback" not in report, f"a traceback instead of a message:\n{report}"
    assert "(1 problem)" in report, f"expected one problem:\n{report}"
    [message] = problem_lines(report)
    place = f"{data / expect.file}:{expect.line}" if expect.line else f"{data / expect.file}: "
    assert message.startswith(place), f"expected the message to start with {place!r}:\n{message}"
    assert "expected " in message and "; found " in message, message
    for fragment in expect.fragments:
        assert fragment in message, f"{fragment!r} missing from the message:\n{message}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_data_is_refused_with_one_message_naming_file_line_expected_and_found(case, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    expect = case.mutate(data)
    with pytest.raises(DataError) as refused:
        load_model(data)
    assert_one_clear_message(refused.value.report(), expect, data)


def test_build_command_refuses_broken_data_and_keeps_the_last_good_site(site_dir, tmp_path):
    target = tmp_path / "site"
    shutil.copytree(site_dir, target)
    before = manifest(target)
    data, expect = broken_copy(tmp_path, "unknown-committee")
    result = run_command(data, "-c", RUNNER, str(target), str(tmp_path / "docs"))
    assert result.returncode == 1, f"the build accepted broken data:\n{result.stdout}{result.stderr}"
    assert_one_clear_message(result.stderr, expect, data)
    assert manifest(target) == before, "the last good site was changed"


def test_validate_command_prints_the_same_single_message(tmp_path):
    data, expect = broken_copy(tmp_path, "tab-indentation")
    result = run_command(data, "-m", "generator", "validate")
    assert result.returncode == 1, f"validate accepted broken data:\n{result.stdout}{result.stderr}"
    assert_one_clear_message(result.stderr, expect, data)


def test_there_are_at_least_fifteen_kinds_of_broken_data():
    assert len({c.id for c in CASES}) == len(CASES) >= 15
