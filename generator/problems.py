"""Problems found in the inputs, reported as data rather than tracebacks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Level(Enum):
    """How serious a problem is: warnings are printed, errors stop the run."""

    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or odd) in an input, located by file and JSON pointer."""

    level: Level
    message: str
    source: str = ""
    pointer: str = ""

    def __str__(self) -> str:
        where = self.source
        if self.pointer:
            where = f"{where}#{self.pointer}" if where else f"#{self.pointer}"
        prefix = f"{where}: " if where else ""
        return f"{self.level.value}: {prefix}{self.message}"


class GeneratorError(Exception):
    """Raised when the inputs cannot produce a package; carries every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))

    def __reduce__(self) -> tuple[type[GeneratorError], tuple[list[Problem]]]:
        # Errors raised in worker processes travel back pickled.
        return (GeneratorError, (self.problems,))


def fail(message: str, *, source: str = "", pointer: str = "") -> GeneratorError:
    """Build a GeneratorError holding a single error."""
    return GeneratorError([Problem(Level.ERROR, message, source, pointer)])


def pointer_join(*parts: str | int) -> str:
    """Join path parts into a JSON pointer (RFC 6901), escaping ``~`` and ``/``."""
    escaped = (str(part).replace("~", "~0").replace("/", "~1") for part in parts)
    return "/" + "/".join(escaped)
