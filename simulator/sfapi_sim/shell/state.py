"""The state of one shell: variables, positional parameters, working folder, options,
functions. A subshell (``( … )``, a pipeline part, ``$( … )``) works on a copy."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from tree_sitter import Node

from .errors import Stopped


@dataclass
class ShellState:
    """Everything a command can change for the commands after it."""

    variables: dict[str, str]
    exported: set[str]
    cwd: str
    positional: list[str] = field(default_factory=list)
    script_name: str = "bash"
    status: int = 0
    #: The statuses of the stages of the last pipeline (``${PIPESTATUS[@]}``).
    pipestatus: list[int] = field(default_factory=lambda: [0])
    functions: dict[str, Node] = field(default_factory=dict)
    #: ``set -e``, ``set -u``, ``set -o pipefail``, ``set -x``.
    errexit: bool = False
    nounset: bool = False
    pipefail: bool = False
    xtrace: bool = False
    #: Frames of ``local`` variables: the values they hid, restored when the function returns.
    locals_stack: list[dict[str, str | None]] = field(default_factory=list)
    #: The most characters all variables together may hold (0: no cap), and what they hold.
    max_size: int = 0
    size: int = 0

    def __post_init__(self) -> None:
        self.size = sum(len(v) for v in self.variables.values())

    def keep_only(self, names: set[str]) -> None:
        """Drop every variable not in ``names`` (a new shell sees only exported ones)."""
        self.variables = {k: v for k, v in self.variables.items() if k in names}
        self.size = sum(len(v) for v in self.variables.values())

    def subshell(self) -> ShellState:
        """A copy whose changes do not reach this shell."""
        child = copy.copy(self)
        child.variables = dict(self.variables)
        child.exported = set(self.exported)
        child.positional = list(self.positional)
        child.functions = dict(self.functions)
        child.pipestatus = list(self.pipestatus)
        child.locals_stack = [dict(frame) for frame in self.locals_stack]
        return child

    def get(self, name: str) -> str | None:
        return self.variables.get(name)

    def set(self, name: str, value: str, *, export: bool = False) -> None:
        """Set a variable; Stopped when all variables would hold more than ``max_size``."""
        size = self.size + len(value) - len(self.variables.get(name) or "")
        if self.max_size and size > self.max_size:
            raise Stopped(
                "memory",
                f"xrealloc: cannot allocate {len(value)} bytes for {name} "
                f"(variables may hold at most {self.max_size} characters together)",
            )
        self.size = size
        self.variables[name] = value
        if name == "PWD":
            self.cwd = value
        if export:
            self.exported.add(name)

    def unset(self, name: str) -> None:
        self.size -= len(self.variables.pop(name, ""))
        self.exported.discard(name)

    def environment(self, overlay: dict[str, str] | None = None) -> dict[str, str]:
        """The exported variables, as a command started now would see them."""
        env = {k: v for k, v in self.variables.items() if k in self.exported}
        env.update(overlay or {})
        return env

    def make_local(self, name: str) -> str | None:
        """Hide ``name`` until the current function returns; the value now hidden (None
        when there was none, or it was hidden already)."""
        if self.locals_stack and name not in self.locals_stack[-1]:
            hidden = self.locals_stack[-1][name] = self.variables.get(name)
            return hidden
        return None
