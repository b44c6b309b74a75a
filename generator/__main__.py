"""Command line: ``python -m generator <command>`` (argparse; ``-h`` on any command says more).

  validate               check every data file (schemas and cross-references)
  generate               validate, then write pages and JSON into docs/<lang>/
  build [--offline DIR]  validate, generate and build site/ (or the offline variant into DIR)
  serve [--port N]       build, serve site/ on 127.0.0.1, rebuild and reload the browser on changes
  dist                   the offline zip and the one-file pocket edition in dist/; rebuilds site/ to serve them
  check [FILE|-]         evaluate an eligibility profile (JSON) and print the result as JSON

Exit codes: 0 done; 1 the data or the MkDocs build failed (one message, the previous site kept);
2 a usage error.
"""
from __future__ import annotations

import argparse
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


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a port number (1–65535), not {text!r}") from None
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"a port number (1–65535), not {port}")
    return port


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("validate", help="check every data file (schemas and cross-references)")
    sub.add_parser("generate", help="validate, then write pages and JSON into docs/<lang>/")
    build = sub.add_parser("build", help="validate, generate and build site/")
    build.add_argument("--offline", metavar="DIR", type=Path, help="build the offline variant into DIR instead")
    serve = sub.add_parser("serve", help="build and serve site/, rebuild and reload on changes")
    serve.add_argument("--port", type=_port, default=8000, help="the port on 127.0.0.1 (default 8000)")
    sub.add_parser("dist", help="the offline zip and the pocket file in dist/; rebuilds site/ to serve them")
    check = sub.add_parser("check", add_help=False, help="evaluate an eligibility profile (see `check -h`)")
    check.add_argument("rest", nargs=argparse.REMAINDER)
    return p


def run(args: argparse.Namespace) -> int:
    if args.command == "validate":
        from .model import load_model
        m = load_model()
        print(f"data OK: {len(m.rows)} rows, {m.entry_count} occupation entries, "
              f"{len(m.occupations)} occupations, {len(m.committees)} committees, {len(m.clauses)} clauses")
    elif args.command == "generate":
        from .build import generate
        from .model import load_model
        print(f"generated {len(generate(load_model()))} files under docs/")
    elif args.command == "build":
        from .build import build_site
        from .paths import SITE
        if args.offline:
            build_site(args.offline.resolve(), offline=True)
        else:
            build_site(SITE)
    elif args.command == "dist":
        from .dist import main as dist_main
        return dist_main()
    elif args.command == "serve":
        from .serve import serve
        serve(args.port)
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:  # its own argparse (it also runs in-process with given streams)
        from .eligibility.cli import main as check_main
        return check_main(argv[1:])
    args = parser().parse_args(argv)  # a usage error exits 2 with a message, never a traceback
    _log_mkdocs_warnings()
    try:
        return run(args)
    except DataError as e:
        print(e.report(), file=sys.stderr)
        return 1
    except MkDocsException as e:
        print(f"MkDocs build failed, the previous site is left as it was: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
