"""The state of one shell: variables, positional parameters, working folder, options,
functions. A subshell (``( … )``, a pipeline part, ``$( … )``) works on a copy."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from tree_sitter import Node


@dataclass
class ShellState:
    """Everything a command can change for the commands after it."""

    variables: dict[str, str]
    exported: set[str]
    cwd: str
    positional: list[str] = field(default_factory=list)
    script_name: str = "bash"
    status: int = 0
    functions: dict[str, Node] = field(default_factory=dict)
    #: ``set -e``, ``set -u``, ``set -o pipefail``, ``set -x``.
    errexit: bool = False
    nounset: bool = False
    pipefail: bool = False
    xtrace: bool = False
    #: Frames of ``local`` variables: the values they hid, restored when the function returns.
    locals_stack: list[dict[str, str | None]] = field(default_factory=list)

    def subshell(self) -> ShellState:
        """A copy whose changes do not reach this shell."""
        child = copy.copy(self)
        child.variables = dict(self.variables)
        child.exported = set(self.exported)
        child.positional = list(self.positional)
        child.functions = dict(self.functions)
        child.locals_stack = [dict(frame) for frame in self.locals_stack]
        return child

    def get(self, name: str) -> str | None:
        return self.variables.get(name)

    def set(self, name: str, value: str, *, export: bool = False) -> None:
        self.variables[name] = value
        if name == "PWD":
            self.cwd = value
        if export:
            self.exported.add(name)

    def unset(self, name: str) -> None:
        self.variables.pop(name, None)
        self.exported.discard(name)

    def environment(self, overlay: dict[str, str] | None = None) -> dict[str, str]:
        """The exported variables, as a command started now would see them."""
        env = {k: v for k, v in self.variables.items() if k in self.exported}
        env.update(overlay or {})
        return env

    def make_local(self, name: str) -> None:
        """Hide ``name`` until the current function returns."""
        if self.locals_stack and name not in self.locals_stack[-1]:
            self.locals_stack[-1][name] = self.variables.get(name)
