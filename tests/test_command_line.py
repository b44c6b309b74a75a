"""The front doors besides make: ``python -m generator`` parses its arguments with argparse (a usage error is
a message and exit code 2, never a traceback), and a plain ``mkdocs build`` after ``python -m generator
generate`` gives the same site as ``make site`` — the glue lives in MkDocs hooks (generator/mkdocs_hooks.py)."""
from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest

from generator.__main__ import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("argv, words", [
    (["serve", "--port", "abc"], "argument --port: a port number (1–65535), not 'abc'"),
    (["serve", "--port", "70000"], "argument --port: a port number (1–65535), not 70000"),
    (["build", "--offline"], "argument --offline: expected one argument"),
    (["publish"], "invalid choice: 'publish'"),
    ([], "the following arguments are required: COMMAND"),
])
def test_a_usage_error_is_a_message_and_exit_code_2(argv, words, capsys):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    err = capsys.readouterr().err
    assert exited.value.code == 2 and words in err and err.startswith("usage: python -m generator")


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    out = capsys.readouterr().out
    assert exited.value.code == 0
    for command in ("validate", "generate", "build", "serve", "dist", "check"):
        assert command in out


def test_source_date_epoch_is_midnight_utc_of_the_data_version():
    sys.path.insert(0, str(ROOT))
    from generator.mkdocs_hooks import epoch_of
    assert epoch_of("2026-11-25") == 1795564800


def different_files(a: Path, b: Path) -> list[str]:
    out = []
    for left in sorted(p for p in a.rglob("*") if p.is_file()):
        rel = left.relative_to(a)
        if not (b / rel).is_file():
            out.append(f"{rel}: only in {a.name}")
        elif not filecmp.cmp(left, b / rel, shallow=False):
            out.append(f"{rel}: differs")
    out += [f"{p.relative_to(b)}: only in the plain build" for p in b.rglob("*") if p.is_file()
            and not (a / p.relative_to(b)).is_file()]
    return out


def test_plain_mkdocs_builds_give_the_same_files_as_make_site(site_dir, tmp_path):
    """`python -m generator generate`, `mkdocs build`, `mkdocs build -f mkdocs.en.yml` (into a temporary
    folder with -d, so site/ stays as make test built it): every file byte for byte, sitemap.xml.gz too."""
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    for command in ([sys.executable, "-m", "generator", "generate"],
                    [*mkdocs, "-d", str(tmp_path / "site")],
                    [*mkdocs, "-f", "mkdocs.en.yml", "-d", str(tmp_path / "site" / "en")]):
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{' '.join(command[2:])} failed:\n{done.stderr[-3000:]}"
    assert different_files(site_dir, tmp_path / "site") == []


def test_serve_watches_data_templates_overrides_and_the_configs():
    from generator.paths import DATA, OVERRIDES, TEMPLATES
    from generator.serve import WATCHED
    assert {DATA, TEMPLATES, OVERRIDES, ROOT / "mkdocs.yml", ROOT / "mkdocs.en.yml"} <= set(WATCHED)


def test_serve_rebuilds_and_reloads_the_open_page_when_a_watched_file_changes(page, tmp_path):
    """The server of `make serve` (MkDocs' LiveReloadServer, as generator/serve.py sets it up) with a quick
    stand-in for the build: a change under a watched folder rebuilds, and the open page reloads by itself."""
    import socket
    import threading

    from generator.serve import make_server

    site, data = tmp_path / "site", tmp_path / "data"
    site.mkdir()
    data.mkdir()
    (data / "meta.yaml").write_text("version 1", encoding="utf-8")

    def build():
        text = (data / "meta.yaml").read_text(encoding="utf-8")
        (site / "index.html").write_text(f"<!doctype html><html><body><p id=v>{text}</p></body></html>")

    build()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = make_server(port, root=site, builder=build, watched=[data])
    threading.Thread(target=server.serve, daemon=True).start()
    try:
        for _ in range(100):  # until the server accepts connections
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            threading.Event().wait(0.05)
        page.goto(f"http://127.0.0.1:{port}/")
        assert page.inner_text("#v") == "version 1"
        (data / "meta.yaml").write_text("version 2", encoding="utf-8")
        page.wait_for_function("() => document.getElementById('v')?.textContent === 'version 2'", timeout=30000)
    finally:
        server.shutdown()
