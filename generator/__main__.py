"""Command line: ``python -m generator <command>``.

  validate            check every data file (schemas and cross-references)
  generate            validate, then write pages and JSON into docs/<lang>/
  build [--offline DIR]  validate, generate and build site/ (or the offline variant into DIR)
  serve [--port N]    build, serve site/ on 127.0.0.1 and rebuild on changes
  dist                the offline zip and the one-file pocket edition in dist/; rebuilds site/ to serve them
  check [FILE|-]      evaluate an eligibility profile (JSON) and print the result as JSON
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from .errors import DataError


def _log_mkdocs_warnings() -> None:
    """MkDocs reports broken links and other strict-mode problems through logging: show them."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def main(argv: list[str]) -> int:
    _log_mkdocs_warnings()
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    cmd, rest = argv[0], argv[1:]
    try:
        if cmd == "validate":
            from .model import load_model
            m = load_model()
            print(f"data OK: {len(m.rows)} rows, {m.entry_count} occupation entries, "
                  f"{len(m.occupations)} occupations, {len(m.committees)} committees, {len(m.clauses)} clauses")
            return 0
        if cmd == "generate":
            from .build import generate
            from .model import load_model
            print(f"generated {len(generate(load_model()))} files under docs/")
            return 0
        if cmd == "build":
            from .build import build_site
            from .paths import SITE
            if rest[:1] == ["--offline"]:
                if len(rest) != 2:
                    print("usage: python -m generator build --offline DIR", file=sys.stderr)
                    return 2
                build_site(Path(rest[1]).resolve(), offline=True)
            else:
                build_site(SITE)
            return 0
        if cmd == "dist":
            from .dist import main as dist_main
            return dist_main()
        if cmd == "serve":
            from .serve import serve
            port = int(rest[rest.index("--port") + 1]) if "--port" in rest else 8000
            serve(port)
            return 0
        if cmd == "check":
            from .eligibility.cli import main as check_main
            return check_main(rest)
    except DataError as e:
        print(e.report(), file=sys.stderr)
        return 1
    except MkDocsException as e:
        print(f"MkDocs build failed, the previous site is left as it was: {e}", file=sys.stderr)
        return 1
    print(f"unknown command {cmd!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
