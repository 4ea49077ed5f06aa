"""The root group builds only the command that runs (walcli.cli.lazy): its table of command
modules must name every command the modules declare, in the order help lists them, and a
command looked up on its own must be the one a full build gives."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
import typer.main

from walcli.cli import app
from walcli.cli.lazy import COMMAND_MODULES, LazyCommands, RootGroup
from walcli.core.kinds import KINDS

# In a fresh interpreter: the commands declared when each name of the table is loaded in
# turn, as the table says (its module imported, its `declare` called if it has one).
DECLARED = textwrap.dedent(
    """
    import json, sys
    import typer.main
    from walcli.cli.app import app
    from walcli.cli.lazy import command_modules

    def built():
        return set(typer.main.get_group(app).commands.built)

    found = {}
    for name, module in command_modules().items():
        before = built()
        __import__(module)
        declare = getattr(sys.modules[module], "declare", None)
        if declare is not None:
            declare(name)
        found[name] = sorted(built() - before)
    print(json.dumps(found))
    """
)


@pytest.mark.slow
def test_the_table_names_what_each_module_declares() -> None:
    """Loaded in the table's order, each name's module declares that command (graph and
    timeline would bring refs too: they use its helpers), and nothing else is declared."""
    done = subprocess.run(
        [sys.executable, "-c", DECLARED], capture_output=True, text=True, check=True
    )
    declared: dict[str, list[str]] = json.loads(done.stdout)
    assert list(declared) == [*COMMAND_MODULES, *KINDS]
    for name, names in declared.items():
        assert names == [name], (name, names)


@pytest.mark.slow
def test_importing_the_kinds_module_declares_no_kind() -> None:
    """A kind's commands are declared when it is looked up, one kind at a time."""
    script = (
        "import typer.main; from walcli.cli.app import app; import walcli.cli.records;"
        "print(sorted(typer.main.get_group(app).commands.built))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout == "[]\n"


def test_every_command_is_known_without_being_built() -> None:
    root = typer.main.get_command(app)
    assert isinstance(root, RootGroup)
    commands = root.commands
    assert isinstance(commands, LazyCommands)
    assert list(commands) == [*COMMAND_MODULES, *KINDS]
    assert all(name in commands for name in [*COMMAND_MODULES, *KINDS])
    assert "nosuch" not in commands and commands.get("nosuch") is None


@pytest.mark.slow
def test_a_command_built_alone_is_the_one_a_full_build_gives() -> None:
    """Same name, class, parameters and help, whether looked up alone or listed with all."""
    script = textwrap.dedent(
        """
        import json, sys
        import typer.main
        from walcli.cli.app import app

        def shape(command):
            params = [(p.name, list(p.opts), p.required, p.multiple) for p in command.params]
            subs = getattr(command, "commands", {})
            return [type(command).__name__, command.help, params,
                    {name: shape(subs[name]) for name in list(subs)}]

        root = typer.main.get_command(app)
        if sys.argv[1] == "all":
            root.commands.load_all()
        print(json.dumps(shape(root.commands[sys.argv[2]])))
        """
    )

    def shape(how: str, name: str) -> object:
        done = subprocess.run(
            [sys.executable, "-c", script, how, name], capture_output=True, text=True, check=True
        )
        return json.loads(done.stdout)

    for name in ("poles", "validate", "graph", "report"):
        assert shape("one", name) == shape("all", name), name


def test_listing_builds_every_command_in_the_order_help_shows() -> None:
    root = typer.main.get_command(app)
    assert isinstance(root, RootGroup)
    with typer.Context(root) as ctx:
        names = root.list_commands(ctx)
    assert names == [*COMMAND_MODULES, *KINDS]
    assert all(root.get_command(ctx, name) is not None for name in names)
