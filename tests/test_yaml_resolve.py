"""The loader answers libyaml's tag look-ups itself (walcli.io.yaml._Loader.resolve): the
answers must be yaml.resolver's, for every scalar, and every record must read the same."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from walcli.io.yaml import _Loader

REPO = Path(__file__).resolve().parent.parent


class _Reference(yaml.CSafeLoader):
    """The same resolvers, answered by yaml.resolver's own code."""

    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


# Values that each implicit resolver of YAML 1.1 takes, or nearly takes.
TRICKY = [
    "",
    "~",
    "null",
    "Null",
    "NULL",
    "nul",
    "true",
    "True",
    "TRUE",
    "yes",
    "Yes",
    "no",
    "NO",
    "on",
    "Off",
    "y",
    "n",
    "0",
    "-0",
    "+1",
    "010",
    "0o10",
    "0x7D6",
    "0b101",
    "1_999",
    "190:20:30",
    "12:30",
    "1.10",
    "2006.0",
    ".5",
    "-.inf",
    ".NaN",
    ".nan",
    "1e3",
    "1.0e+3",
    "2006",
    "2006-07",
    "2006-07-12",
    "2001-12-14t21:59:43.10-05:00",
    "<<",
    "=",
    "!",
    "&",
    "*",
    "marshall-1",
    "€1.1 billion",
    "-",
    ".",
    "+",
]


def _resolved(loader: type[yaml.CSafeLoader], value: str, implicit: tuple[bool, bool]) -> str:
    return str(loader("").resolve(yaml.ScalarNode, value, implicit))  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("value", TRICKY)
@pytest.mark.parametrize("implicit", [(True, False), (False, True), (False, False)])
def test_a_scalar_gets_the_tag_yaml_gives_it(value: str, implicit: tuple[bool, bool]) -> None:
    assert _resolved(_Loader, value, implicit) == _resolved(_Reference, value, implicit)


@pytest.mark.property
@settings(max_examples=500, derandomize=True)
@given(st.text(alphabet=st.sampled_from("0123456789+-._:eExXoObB~nNtTfFyY<=! abc"), max_size=12))
def test_any_plain_scalar_gets_the_tag_yaml_gives_it(value: str) -> None:
    assert _resolved(_Loader, value, (True, False)) == _resolved(_Reference, value, (True, False))


def test_collections_get_the_tags_yaml_gives_them() -> None:
    for kind in (yaml.MappingNode, yaml.SequenceNode):
        for implicit in (True, False):
            ours = _Loader("").resolve(kind, None, (implicit, implicit))
            theirs = _Reference("").resolve(kind, None, (implicit, implicit))  # type: ignore[no-untyped-call]
            assert ours == theirs


def _tree(node: yaml.Node | None) -> object:
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.style, node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [_tree(item) for item in node.value])
    assert isinstance(node, yaml.MappingNode), node
    return (node.tag, [(_tree(key), _tree(value)) for key, value in node.value])


DOCUMENTS = [
    "a: 1\nb: [yes, No, ~, 0x10, 1_000, 12:30, .inf, 2006-07-12, '1', \"2\"]\n",
    "! 12\n",
    "!!str 12\n",
    "x: !!int '7'\ny: &a [1]\nz: *a\n",
    "? [a, b]\n: {c: d}\n",
    "- >\n  folded\n- |\n  literal\n",
]


@pytest.mark.parametrize(
    "text",
    [*DOCUMENTS, *(p.read_text("utf-8") for p in sorted(REPO.glob("data/*/*.yaml")))],
    ids=lambda text: text.split("\n", 1)[0][:30],
)
def test_every_document_composes_as_yaml_composes_it(text: str) -> None:
    assert _tree(_Loader(text).get_single_node()) == _tree(_Reference(text).get_single_node())
