"""Text, flags and lists of text are taken as given, without pydantic (walcli.cli.coerce): for
every parameter of every command and any value, the same answer as typer's own coercion."""

from __future__ import annotations

from typing import Any

import pytest
import typer
import typer.main

from walcli.cli import app
from walcli.cli.coerce import _AsGiven, _plain

_coercion = pytest.importorskip("typer._coercion")  # a typer that coerces through pydantic

VALUES: list[Any] = [
    None,
    "",
    "biotech",
    "--lang",
    "é\u00a0\u202e",
    "\udcff",  # an argument that was not UTF-8 (surrogate escape)
    True,
    False,
    "yes",
    "0",
    3,
    2.5,
    b"bytes",
    (),
    [],
    ("a", "b"),
    ["a", "\udcff"],
    ("a", 3),
    [None],
]


def _params() -> list[tuple[str, Any, Any]]:
    root = typer.main.get_command(app)
    found: list[tuple[str, Any, Any]] = []

    def visit(command: Any, path: str) -> None:
        found.extend((f"{path} {p.name}", command, p) for p in command.params)
        if not hasattr(command, "list_commands"):
            return
        ctx = typer.Context(command)
        for name in command.list_commands(ctx):
            visit(command.get_command(ctx, name), f"{path} {name}")

    visit(root, "wal")
    return found


PARAMS = _params()


def _answer(runtime: Any, value: Any, param: Any, command: Any) -> tuple[str, Any]:
    ctx = typer.Context(command)
    try:
        return "value", runtime.coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # the same failure, worded the same
        return type(exc).__name__, str(exc)


def test_most_parameters_take_the_shortcut() -> None:
    shortcut = [name for name, _, param in PARAMS if _plain(param) is not None]
    assert len(shortcut) > 0.8 * len(PARAMS), shortcut
    assert "wal poles list where" in shortcut and "wal plans show record_id" in shortcut


@pytest.mark.parametrize(("name", "command", "param"), PARAMS, ids=[p[0] for p in PARAMS])
def test_the_shortcut_answers_as_typer(name: str, command: Any, param: Any) -> None:
    ours = _plain(param)
    if ours is None:
        return  # typer's own coercion: nothing to compare
    assert isinstance(ours, _AsGiven)
    theirs = _coercion.build_runtime_param(param.type_descriptor)
    for value in VALUES:
        mine = _answer(ours, value, param, command)
        assert mine == _answer(theirs, value, param, command), (name, value)
        assert type(mine[1]) is type(_answer(theirs, value, param, command)[1]), (name, value)
