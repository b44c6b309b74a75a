"""The error a person sees when data is wrong: which file, where in it, what was expected, what was found."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Problem:
    """One thing wrong with one place in one data file."""

    file: str
    where: str  # a key path such as "[3].committees[0]"; may be empty
    expected: str
    found: str
    line: int | None = None

    def __str__(self) -> str:
        loc = f"{self.file}:{self.line}" if self.line else self.file
        where = f" at {self.where}" if self.where else ""
        return f"{loc}{where}: expected {self.expected}; found {self.found}"


class DataError(Exception):
    """Raised when data/ does not validate; carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def report(self, limit: int = 25) -> str:
        n = len(self.problems)
        head = f"Data error ({n} problem{'s' if n != 1 else ''}); nothing was built:"
        lines = [f"  {p}" for p in self.problems[:limit]]
        if n > limit:
            lines.append(f"  … and {n - limit} more of the same kind; fix these first")
        return head + "\n" + "\n".join(lines)
