"""References from a kind to itself never come back to where they started."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from walcli.check.rules._rule import RegistryRule
from walcli.core.kinds import KINDS
from walcli.core.paths import JsonPath, values_at
from walcli.core.problems import Code, E, Problem
from walcli.i18n.catalog import Msg, msg

if TYPE_CHECKING:
    from walcli.core.registry import Registry

CODE = Code(
    "reference-cycle",
    E,
    "References from a kind to itself (predecessor, continues, related, ...) come back to where they started.",
    "Store each relation once, on the later record, and remove the reference that closes the cycle.",
)


Edge = tuple[str, JsonPath, str]  # target id, where the reference stands, field label


def _label(path: JsonPath) -> str:
    return ".".join(str(p) for p in path if not isinstance(p, int))


def _strongly_connected(nodes: list[str], edges: dict[str, list[Edge]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the strongly connected components, in linear time."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            out = edges.get(node, [])
            if position < len(out):
                work.append((node, position + 1))
                target = out[position][0]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def _cycle_from(start: str, members: set[str], edges: dict[str, list[Edge]]) -> list[Edge]:
    """The shortest cycle through start within its component (breadth first)."""
    came: dict[str, tuple[str, Edge]] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        node = queue.popleft()
        for edge in edges.get(node, []):
            target = edge[0]
            if target not in members:
                continue
            if target == start:
                path = [edge]
                while node != start:
                    node, back = came[node]
                    path.append(back)
                return path[::-1]
            if target not in seen:
                seen.add(target)
                came[target] = (node, edge)
                queue.append(target)
    return []


_CYCLE_SHOWN = 8


def references_are_acyclic(registry: Registry) -> list[Problem]:
    """References from a kind to itself (a plan's predecessor, a domain's continues, a shock's
    related) all point back in time, so no chain of them may come back to where it started.
    One problem per cycle (per strongly connected set of records, if cycles share records), at
    the record with the smallest id, naming the shortest cycle through it."""
    problems = []
    for kind_name, kind in KINDS.items():
        own = [
            pattern
            for pattern, target in registry.schemas.references(kind.schema)
            if target == kind_name
        ]
        if not own:
            continue
        records = registry.records.get(kind_name, {})
        edges: dict[str, list[Edge]] = {}
        for record_id in sorted(records):
            record = records[record_id]
            out = edges.setdefault(record_id, [])
            for pattern in own:
                for path, value in values_at(record.data, pattern):
                    if isinstance(value, str) and value in records:
                        out.append((value, path, _label(path)))
        for component in _strongly_connected(sorted(edges), edges):
            start = min(component)
            members = set(component)
            cycle = _cycle_from(start, members, edges)
            if not cycle:
                continue
            # Ids quoted, as in other cross-record messages ('id'), so tools can find them.
            steps = [f"'{start}'"] + [f"-{label}-> '{target}'" for target, _, label in cycle]
            shown: str | Msg = " ".join(steps)
            if len(steps) > _CYCLE_SHOWN:  # a long ring: its start and end, and its size
                shown = msg(
                    "rules.cycle_shortened",
                    head=" ".join(steps[:3]),
                    count=len(cycle),
                    tail=" ".join(steps[-2:]),
                )
            problems.append(
                records[start].problem(
                    cycle[0][1],
                    CODE,
                    msg(
                        "rules.reference_cycle",
                        kind=msg(f"common.kind.{kind.singular}"),
                        start=start,
                        steps=shown,
                    ),
                )
            )
    return problems


RULE = RegistryRule(
    (CODE,),
    references_are_acyclic,
    "# plans/b.yaml: predecessor: a\n# plans/a.yaml: predecessor: b",
)
