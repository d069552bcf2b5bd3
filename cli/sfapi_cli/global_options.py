"""Global options accepted after the command name as well as before it.

``sfapi status perlmutter --json`` means the same as ``sfapi --json status perlmutter``.
Each command parses, besides its own parameters, hidden copies of the global options it
does not define itself (``submit --timeout`` stays the command's own wait timeout); the
ones given on its command line then override what was given before the command name.
Parsing is click's own, so an option's value (``--args --json``) and everything after
``--`` or after ``run``'s command are never taken for a global option.
"""

from __future__ import annotations

import copy
from typing import Any

# typer carries its own copy of click, which its command classes are built on.
from typer._click.core import Context, Parameter, ParameterSource
from typer.core import TyperCommand, TyperOption

from . import state


class CommandWithGlobals(TyperCommand):
    """A command that also takes the global options of the group it belongs to."""

    def _globals(self, ctx: Context) -> list[Parameter]:
        """Hidden copies of the parent group's options this command does not define.

        Made once per invocation: click matches the parameters it parsed with those it
        then processes by identity. The cache is keyed by command, since nested
        contexts share their ``meta``.
        """
        key = f"{_GLOBALS_KEY}.{self.name}"
        cached: list[Parameter] | None = ctx.meta.get(key)
        if cached is not None:
            return cached
        group = ctx.parent.command if ctx.parent is not None else None
        own = {name for param in self.params for name in (*param.opts, *param.secondary_opts)}
        own_names = {param.name for param in self.params}
        found: list[Parameter] = []
        for param in group.params if group is not None else []:
            names = {*param.opts, *param.secondary_opts}
            if not isinstance(param, TyperOption) or names & own or param.name in own_names:
                continue
            if param.name is None:
                continue
            hidden = copy.copy(param)
            hidden.hidden = True
            found.append(hidden)
        ctx.meta[key] = found
        return found

    def get_params(self, ctx: Context) -> list[Parameter]:
        return [*super().get_params(ctx), *self._globals(ctx)]

    def invoke(self, ctx: Context) -> Any:
        """Apply the global options given after the command name, then run the command."""
        given: dict[str, Any] = {}
        for param in self._globals(ctx):
            name = param.name or ""
            value = ctx.params.pop(name, None)
            if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE:
                given[name] = value
        if given:
            state.override(given)
        return super().invoke(ctx)


#: Where a context keeps the copies it made (once per invocation).
_GLOBALS_KEY = "sfapi.global_options"
