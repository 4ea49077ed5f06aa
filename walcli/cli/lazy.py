"""The root group builds only the command that runs.

Each command module registers its commands on the typer app when imported, and typer builds a
click object for every registered command, inspecting its function's signature. Importing all
of them for `wal poles list` costs about as much as the listing itself (validate's problem
formats, export's writers, the report's modules, twenty click commands). So the root group's
commands are a mapping that knows every name from the table below, imports a command's module
and builds its click object when the command is first looked up, and builds them all when
they are all asked for (help, completion, a mistyped name to suggest a close one).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

from walcli.cli.framework import Command, Context, WalGroup

# Which module declares each command, in the order `wal --help` lists them: by being
# imported, or, for a module with a `declare(name)` function, by that. A kind's group
# (`wal poles ...`) is declared from walcli.core.kinds by walcli.cli.records, after these.
# tests/test_lazy_commands.py checks this table against what the modules declare.
COMMAND_MODULES: dict[str, str] = {
    "diff": "walcli.cli.diff",
    "refs": "walcli.cli.refs",
    "graph": "walcli.cli.graph",
    "report": "walcli.cli.report",
    "search": "walcli.cli.search",
    "stats": "walcli.cli.stats",
    "timeline": "walcli.cli.timeline",
    "validate": "walcli.cli.validate",
    "export": "walcli.cli.export",
    "new": "walcli.cli.new",
}
RECORD_COMMANDS = "walcli.cli.records"


def command_modules() -> dict[str, str]:
    """Every top-level command and its module; the kinds as declared now (a kind declared
    before the command line is read gets its commands, as walcli.core.kinds promises)."""
    from walcli.core.kinds import KINDS

    return {**COMMAND_MODULES, **dict.fromkeys(KINDS, RECORD_COMMANDS)}


class LazyCommands(MutableMapping[str, Command]):
    """The root's commands by name: every name known, each built on first use."""

    def __init__(self, built: MutableMapping[str, Command]) -> None:
        self.built = dict(built)  # what typer built already (modules imported before)

    def _names(self) -> list[str]:
        table = command_modules()
        return [*table, *(name for name in self.built if name not in table)]

    def _load(self, names: Iterable[str]) -> None:
        """Declare the commands of these names (importing their modules), then build what
        was added."""
        import sys

        import typer.main

        from walcli.cli.app import app

        table = command_modules()
        for name in names:
            # The import statement's way in, not importlib's: `python -X importtime` reports
            # only what comes in that way, and the import tests read it.
            __import__(table[name])
            declare = getattr(sys.modules[table[name]], "declare", None)
            if declare is not None:
                declare(name)
        fresh = typer.main.get_group(app).commands
        for name, command in (fresh.built if isinstance(fresh, LazyCommands) else fresh).items():
            self.built.setdefault(name, command)

    def load_all(self) -> None:
        missing = [name for name in command_modules() if name not in self.built]
        if missing:
            self._load(missing)

    def __getitem__(self, name: str) -> Command:
        if name not in self.built:
            if name not in command_modules():
                raise KeyError(name)
            self._load([name])
        return self.built[name]

    def __contains__(self, name: object) -> bool:
        return name in self.built or name in command_modules()

    def __setitem__(self, name: str, command: Command) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        del self.built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def values(self) -> Any:  # every command: build the missing ones at once, not one by one
        self.load_all()
        return super().values()

    def items(self) -> Any:
        self.load_all()
        return super().items()


class RootGroup(WalGroup):
    """`wal` itself: a WalGroup whose commands are built when first looked up."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(self.commands)

    def list_commands(self, ctx: Context) -> list[str]:
        # Whoever lists the commands (help, completion) looks each one up next: build them
        # all at once rather than one module at a time.
        commands = self.commands
        if isinstance(commands, LazyCommands):
            commands.load_all()
        return super().list_commands(ctx)
