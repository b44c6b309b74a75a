"""``python -m generator check [FILE|-]``: evaluate one eligibility profile and print the result as JSON.

The profile (a JSON object, see the engine contract) is read from FILE, or from standard input when
FILE is ``-`` or absent. The result goes to standard output as deterministic JSON. Exit codes: 0 the
profile was evaluated; 2 bad input (unreadable file, not JSON, or a profile error; each error is also
printed to standard error, naming its field); 1 the data files could not be read.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import DataError
from ..model import load_model
from .assets import rules_document
from .engine import evaluate
from .rules_json import dumps


class _Usage(Exception):
    def __init__(self, status: int):
        self.status = status


class _Parser(argparse.ArgumentParser):
    """argparse writing to the streams ``main`` was given (it runs in-process in tests), never exiting."""

    def __init__(self, out, err):
        super().__init__(prog="python -m generator check",
                         description="Evaluate one eligibility profile (JSON) and print the result as JSON.")
        self.out, self.err = out, err
        self.add_argument("file", nargs="?", default="-", metavar="FILE",
                          help="the profile; '-' or nothing reads standard input")

    def _print_message(self, message, file=None):
        if message:
            (self.err if file is sys.stderr else self.out).write(message)

    def exit(self, status=0, message=None):
        if message:
            self.err.write(message)
        raise _Usage(status)


def _reject_constant(name):
    raise ValueError(f"{name} is not a JSON number")


def _read_profile(arg: str | None, stdin) -> tuple[object, str | None]:
    """The parsed profile, or None and a message saying what is wrong with the input."""
    source = "standard input" if arg in (None, "-") else arg
    try:
        if arg in (None, "-"):
            text = stdin.read()
        else:
            text = Path(arg).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return None, f"cannot read the profile from {source}: {e}"
    try:
        return json.loads(text, parse_constant=_reject_constant), None
    except json.JSONDecodeError as e:
        return None, f"the profile in {source} is not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})"
    except ValueError as e:
        return None, f"the profile in {source} is not valid JSON: {e}"


def main(argv: list[str], stdin=None, stdout=None, stderr=None) -> int:
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    try:
        args = _Parser(stdout, stderr).parse_args(argv)
    except _Usage as e:
        return e.status
    profile, problem = _read_profile(args.file, stdin)
    if problem:
        print(f"check: {problem}", file=stderr)
        return 2
    try:
        doc = rules_document(load_model())  # the same document the site and the pocket file carry
    except DataError as e:
        print(f"check: cannot read the rules: {e.report()}", file=stderr)
        return 1
    result = evaluate(doc, profile)
    print(dumps(result), file=stdout)
    for error in result["errors"]:
        print(f"check: {error['message']['en']}", file=stderr)
    return 2 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
