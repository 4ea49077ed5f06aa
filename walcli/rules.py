"""Checks that JSON Schema cannot express. Each rule takes a record (or the registry) and
returns problems; each has its own code in problems.CODES.

Rules follow the conventions of the schemas rather than field names where they can: a claim
is a mapping with `value` and `sources`, a fact cites its record's sources by id, a series is
an array the schema describes as "in date order" (or marks `"x-order": "date"`), a reference
is a subschema annotated with `x-ref`. Each record rule is linear in the size of the record;
each registry rule builds its indexes once and is linear in the size of the registry.

Dates keep the precision the source gives (2006, 2006-07, 2006-07-01), so comparisons are
made at the coarser of the two precisions: a date is the span of days it may stand for, and
one date is only "after" another when every day of its span is after every day of the other
(2006 is neither before nor after 2006-07).
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeGuard

from walcli.kinds import KINDS
from walcli.loader import JsonPath
from walcli.problems import pointer
from walcli.refs import Pattern, values_at

if TYPE_CHECKING:
    from walcli.model import Record, Registry
    from walcli.problems import Problem

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SEED_DECK = "seed-deck"


def walk(value: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*path, index))


# -- dates at mixed precision ------------------------------------------------------------------

Day = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Span:
    """The days a date at its given precision may stand for: 2006-07 is 2006-07-01..31."""

    text: str
    first: Day
    last: Day

    def after(self, other: Span) -> bool:
        """Certainly later: every day of this span follows every day of the other."""
        return self.first > other.last


def span(value: Any) -> Span | None:
    """The span of an ISO date (2006, 2006-07, 2006-07-01; a bare year may be an integer)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    text = str(value)
    found = _DATE.match(text)
    if found is None:
        return None
    year = int(found.group(1))
    month = int(found.group(2)) if found.group(2) else None
    day = int(found.group(3)) if found.group(3) else None
    first = (year, month or 1, day or 1)
    last = (year, month or 12, day or 31)
    return Span(text, first, last)


# The keys of a claim (defs.schema.json#/$defs/claim): one value of a fact as one source gives
# it. A figure also has value and sources, but a label and a unit too: it is not a claim.
CLAIM_KEYS = frozenset(
    {"value", "sources", "note", "attributed_to", "qualifier", "superseded", "superseded_by"}
)


def is_claim(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and "value" in value
        and "sources" in value
        and CLAIM_KEYS.issuperset(value)
    )


def is_claims(value: Any) -> TypeGuard[list[dict[str, Any]]]:
    return isinstance(value, list) and bool(value) and all(is_claim(item) for item in value)


def is_seed(item: Any) -> bool:
    return isinstance(item, dict) and item.get("attributed_to") == SEED_DECK


def dated(value: Any, path: JsonPath) -> list[tuple[JsonPath, Span]]:
    """The dates a field holds: one date, or the values of a list of date claims."""
    if is_claims(value):
        found = []
        for index, claim in enumerate(value):
            got = span(claim["value"])
            if got is not None:
                found.append(((*path, index, "value"), got))
        return found
    got = span(value)
    return [(path, got)] if got is not None else []


# -- per-record rules ---------------------------------------------------------------------------


def id_matches_file(record: Record) -> list[Problem]:
    given = record.data.get("id")
    if given is None or given == record.id:
        return []
    return [
        record.problem(
            ("id",),
            "id-mismatch",
            f"id {given!r} differs from the file name {record.id}.yaml",
        )
    ]


def _url_key(url: str) -> str:
    """A URL as compared for duplicates: scheme and host case, fragment and final / ignored."""
    url = url.split("#", 1)[0]
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url.rstrip("/")
    host, slash, tail = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{tail}".rstrip("/")


def sources_are_unique(record: Record) -> list[Problem]:
    problems = []
    seen: dict[str, dict[Any, int]] = {"id": {}, "url": {}}
    sources = record.data.get("sources")
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        if not isinstance(source, dict):
            continue
        for field in ("id", "url"):
            value = source.get(field)
            if not isinstance(value, str):
                continue
            key = _url_key(value) if field == "url" else value
            if key in seen[field]:
                first = seen[field][key]
                problems.append(
                    record.problem(
                        ("sources", index, field),
                        "duplicate-source",
                        f"source {field} {value!r} is listed twice (also at /sources/{first})",
                    )
                )
            else:
                seen[field][key] = index
    return problems


def citations_exist(record: Record) -> list[Problem]:
    sources = record.data.get("sources")
    known = (
        {s["id"] for s in sources if isinstance(s, dict) and isinstance(s.get("id"), str)}
        if isinstance(sources, list)
        else set()
    )
    problems = []
    for path, value in walk(record.data):
        if not path or path == ("sources",) or path[-1] != "sources" or not isinstance(value, list):
            continue
        for index, cited in enumerate(value):
            if isinstance(cited, str) and cited not in known:
                problems.append(
                    record.problem(
                        (*path, index),
                        "unknown-source",
                        f"cites source {cited!r}, which the record's sources do not list",
                    )
                )
    return problems


def dates_exist(record: Record) -> list[Problem]:
    problems = []
    for path, value in walk(record.data):
        if isinstance(value, str) and _FULL_DATE.match(value):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                problems.append(record.problem(path, "bad-date", f"{value} is not a calendar date"))
    return problems


# Sibling fields whose dates must not run backwards, wherever they meet in a record: a period's
# start and end, a term's from and to, and a plan presented before (or when) it is adopted.
# Only pairs whose order is certain belong here (a pole's founding may follow its labelling).
ORDERED_PAIRS: tuple[tuple[str, str], ...] = (
    ("start", "end"),
    ("from", "to"),
    ("presented", "adopted"),
)


def periods_are_ordered(record: Record) -> list[Problem]:
    """`start` <= `end` (and the other ordered pairs) at the precision given.

    With claims on a side (several sourced dates for `presented`), the pair is only wrong
    when even the earliest first date is certainly after the latest second date: disagreeing
    sources are recorded on purpose and must not make the order fail.
    """
    problems = []
    for path, value in walk(record.data):
        if not isinstance(value, dict):
            continue
        for first_key, second_key in ORDERED_PAIRS:
            if first_key not in value or second_key not in value:
                continue
            firsts = dated(value[first_key], (*path, first_key))
            seconds = dated(value[second_key], (*path, second_key))
            if not firsts or not seconds:
                continue
            earliest = min(firsts, key=lambda item: item[1].first)
            latest = max(seconds, key=lambda item: item[1].last)
            if earliest[1].after(latest[1]):
                problems.append(
                    record.problem(
                        earliest[0],
                        "period-order",
                        f"{first_key} {earliest[1].text} is after {second_key} {latest[1].text}",
                    )
                )
    return problems


def ranges_are_ordered(record: Record) -> list[Problem]:
    """A figure given as a range (value..max) has value <= max."""
    problems = []
    for path, value in walk(record.data):
        if not isinstance(value, dict) or "max" not in value or "value" not in value:
            continue
        low, high = value["value"], value["max"]
        if (
            isinstance(low, int | float)
            and isinstance(high, int | float)
            and not isinstance(low, bool)
            and not isinstance(high, bool)
            and low > high
        ):
            problems.append(
                record.problem(
                    (*path, "max"),
                    "range-order",
                    f"max {high} is below value {low}; a range is value (lower end) .. max",
                )
            )
    return problems


def seed_deck_is_attributed(record: Record) -> list[Problem]:
    """The seed deck is cited only by facts marked attributed_to: seed-deck, and a fact so
    marked cites the seed deck: its claims are kept beside sourced ones, never as fact."""
    sources = record.data.get("sources")
    seeds: set[str] = {
        s["id"]
        for s in (sources if isinstance(sources, list) else [])
        if isinstance(s, dict) and s.get("kind") == SEED_DECK and isinstance(s.get("id"), str)
    }
    problems = []
    for path, value in walk(record.data):
        if not isinstance(value, dict) or not path:
            continue
        for key, cited in value.items():
            if key != "sources" and not key.endswith("_sources"):
                continue
            if not isinstance(cited, list):
                continue
            cites_seed = [i for i, c in enumerate(cited) if isinstance(c, str) and c in seeds]
            marked = key == "sources" and is_seed(value)
            if cites_seed and not marked:
                problems.append(
                    record.problem(
                        (*path, key, cites_seed[0]),
                        "seed-deck-citation",
                        f"cites the seed deck ({cited[cites_seed[0]]!r}) but is not marked "
                        "attributed_to: seed-deck",
                    )
                )
        if is_seed(value) and not any(c in seeds for c in _cited(value)):
            hint = (
                f"cite {sorted(seeds)[0]!r}"
                if seeds
                else "list it in the record's sources with kind: seed-deck and cite it"
            )
            problems.append(
                record.problem(
                    (*path, "attributed_to"),
                    "seed-deck-citation",
                    f"is attributed to the seed deck but does not cite it ({hint})",
                )
            )
    return problems


def seed_deck_is_not_alone(record: Record) -> list[Problem]:
    """A seed-deck claim stands beside a sourced claim of the same fact, never alone: a fact
    only the seed deck gives is UNCONFIRMED and belongs in open_questions (lists and reports
    would otherwise show the deck's figure as the value). Statements in lists (scope, notes)
    are separate items, not claims of one fact, and may be the deck's alone."""
    problems = []
    for path, value in walk(record.data):
        if is_claims(value) and all(is_seed(claim) for claim in value):
            problems.append(
                record.problem(
                    (*path, 0, "attributed_to"),
                    "seed-deck-alone",
                    "every claim of this fact is the seed deck's; keep it beside a sourced "
                    "claim, or record it in open_questions",
                )
            )
    return problems


def _cited(value: dict[str, Any]) -> list[Any]:
    cited = value.get("sources")
    return cited if isinstance(cited, list) else []


# Keys that name an item within its list: actors, actions and bodies by id, axes by number.
LOCAL_KEYS = ("id", "number")


def _local_key(value: Any) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool)


def local_ids_are_unique(record: Record) -> list[Problem]:
    """Items of one list (actors, actions, bodies, programmes; axes by number) have distinct
    ids. The record's sources have their own rule (duplicate-source)."""
    problems = []
    for path, value in walk(record.data):
        if path == ("sources",) or not isinstance(value, list):
            continue
        for key in LOCAL_KEYS:
            seen: dict[Any, int] = {}
            for index, item in enumerate(value):
                local = item.get(key) if isinstance(item, dict) else None
                if not _local_key(local):
                    continue
                if local in seen:
                    problems.append(
                        record.problem(
                            (*path, index, key),
                            "duplicate-local-id",
                            f"{key} {local!r} is already used at {pointer((*path, seen[local]))}",
                        )
                    )
                else:
                    seen[local] = index
    return problems


# Ids local to a record: (kind, where they are used, the list whose items they name, by which
# key). A programme linked as an axis of its plan names one of the plan's axes by number.
LOCAL_REFERENCES: tuple[tuple[str, Pattern, Pattern, str], ...] = (
    ("shocks", ("actions", "*", "actors", "*"), ("actors",), "id"),
    ("shocks", ("bodies", "*", "members", "*", "value", "*"), ("actors",), "id"),
    ("shocks", ("bodies", "*", "chair"), ("actors",), "id"),
    ("shocks", ("bodies", "*", "coordinator"), ("actors",), "id"),
    ("plans", ("programmes", "*", "link", "axis"), ("axes",), "number"),
)


def local_references_exist(record: Record) -> list[Problem]:
    from walcli.model import did_you_mean

    problems = []
    for kind, used, listed, key in LOCAL_REFERENCES:
        if record.kind != kind:
            continue
        known = {
            item[key]
            for _, items in values_at(record.data, listed)
            if isinstance(items, list)
            for item in items
            if isinstance(item, dict) and _local_key(item.get(key))
        }
        where = ".".join(listed)
        for path, value in values_at(record.data, used):
            if _local_key(value) and value not in known:
                hint = did_you_mean(str(value), [str(k) for k in known])
                problems.append(
                    record.problem(
                        path,
                        "unknown-local-id",
                        f"no item with {key} {value!r} in {where}{hint}",
                    )
                )
    return problems


# -- registry rules ------------------------------------------------------------------------------


def ids_are_unique(registry: Registry) -> list[Problem]:
    holders: dict[str, list[Record]] = defaultdict(list)
    for record in registry.all():
        holders[record.id].append(record)
    problems = []
    for record_id, records in holders.items():
        for record in records[1:] if len(records) > 1 else []:
            first = records[0]
            problems.append(
                record.problem(
                    ("id",),
                    "duplicate-id",
                    f"id '{record_id}' is also the id of {first.file}",
                )
            )
    return problems


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
            if len(steps) > _CYCLE_SHOWN:  # a long ring: its start and end, and its size
                steps = [*steps[:3], f"... ({len(cycle)} records) ...", *steps[-2:]]
            problems.append(
                records[start].problem(
                    cycle[0][1],
                    "reference-cycle",
                    f"{kind.singular} references come back to '{start}': {' '.join(steps)}",
                )
            )
    return problems


# A record's date claims that must fall within the period of the record a sibling field names:
# (kind, date field, reference field, kind referenced, problem code).
WITHIN_PERIOD: tuple[tuple[str, str, str, str, str], ...] = (
    ("poles", "labelled", "labelled_by", "plans", "label-outside-plan"),
)


def labels_within_plans(registry: Registry) -> list[Problem]:
    """A pole is labelled within the period of the plan that labelled it.

    Where sources disagree on the date (MecaTech: 2006 or 2007), the record keeps every claim
    on purpose, and one of them is the true date: the rule passes when any sourced claim (not
    the seed deck's) lies within the period, and reports when none does. Seed-deck claims only
    count when they are all there is. Dates compare at the precision given: 2006 lies within
    2006-2009, and 2005 lies within a period starting 2005-08. An open end runs to today.
    """
    problems = []
    for kind, field, ref_field, target_kind, code in WITHIN_PERIOD:
        targets = registry.records.get(target_kind, {})
        for record in registry.of(kind):
            target_id = record.data.get(ref_field)
            claims = record.data.get(field)
            target = targets.get(target_id) if isinstance(target_id, str) else None
            if target is None or not is_claims(claims):
                continue
            period = target.data.get("period")
            if not isinstance(period, dict):
                continue
            start, end = span(period.get("start")), span(period.get("end"))
            if start is None or (end is not None and start.after(end)):
                continue  # no period, or a broken one (period-order reports it)
            sourced = [i for i, claim in enumerate(claims) if not is_seed(claim)]
            chosen = sourced or list(range(len(claims)))
            spans = [(i, span(claims[i]["value"])) for i in chosen]
            known = [(i, s) for i, s in spans if s is not None]
            if not known:
                continue
            inside = [
                s for _, s in known if not start.after(s) and (end is None or not s.after(end))
            ]
            if inside:
                continue
            values = ", ".join(s.text for _, s in known)
            period_text = f"from {start.text} to {end.text}" if end else f"from {start.text} on"
            set_aside = [str(claims[i]["value"]) for i in range(len(claims)) if i not in chosen]
            note = f" (the seed deck's {', '.join(set_aside)} does not count)" if set_aside else ""
            problems.append(
                record.problem(
                    (field, known[0][0], "value"),
                    code,
                    f"{field} {values} lies outside the period {period_text} of "
                    f"{KINDS[target_kind].singular} '{target_id}' ({ref_field}){note}",
                )
            )
    return problems


# -- series --------------------------------------------------------------------------------------

ORDER_KEYWORD = "x-order"
_IN_DATE_ORDER = re.compile(r"\bin date order\b", re.IGNORECASE)
_SAME_PLACE = ("allOf", "anyOf", "oneOf", "then", "else")
SERIES_DATES = ("as_of", "date")


def _declares_order(schema: dict[str, Any]) -> bool:
    if schema.get(ORDER_KEYWORD) == "date":
        return True
    described = schema.get("description")
    return isinstance(described, str) and bool(_IN_DATE_ORDER.search(described))


def series_patterns(documents: dict[str, Any], schema_name: str) -> list[Pattern]:
    """Where a schema keeps series: arrays it declares in date order (by `"x-order": "date"`
    or a description saying "in date order")."""
    found: set[Pattern] = set()
    seen: set[tuple[int, Pattern]] = set()

    def resolve(ref: str, current: str) -> tuple[Any, str]:
        doc_name, _, pointer = ref.partition("#")
        doc_name = doc_name.rsplit("/", 1)[-1] or current
        node = documents.get(doc_name)
        for part in [p for p in pointer.split("/") if p]:
            node = node.get(part.replace("~1", "/").replace("~0", "~")) if node else None
        return node, doc_name

    def visit(schema: Any, pattern: Pattern, doc: str) -> None:
        if not isinstance(schema, dict) or len(pattern) > 24 or (id(schema), pattern) in seen:
            return
        seen.add((id(schema), pattern))
        if _declares_order(schema):
            found.add(pattern)
        if isinstance(schema.get("$ref"), str):
            target, target_doc = resolve(schema["$ref"], doc)
            visit(target, pattern, target_doc)
        for keyword in _SAME_PLACE:
            subs = schema.get(keyword)
            for sub in subs if isinstance(subs, list) else [subs]:
                visit(sub, pattern, doc)
        for name, sub in (schema.get("properties") or {}).items():
            visit(sub, (*pattern, name), doc)
        for sub in (schema.get("patternProperties") or {}).values():
            visit(sub, (*pattern, "*"), doc)
        for keyword in ("additionalProperties", "unevaluatedProperties", "items"):
            visit(schema.get(keyword), (*pattern, "*"), doc)

    visit(documents.get(schema_name), (), schema_name)
    return sorted(found)


def series_order_problems(record: Record, path: JsonPath, items: list[Any]) -> list[Problem]:
    """Items in date order at mixed precision; undated items (undated: true) last.

    Walks once, keeping the earliest day the series may have reached so far: an item is out
    of order when its latest possible day is before it. So 2006, 2006-07 and 2006-07, 2006 are
    both in order, but 2006-08, 2006, 2006-07 is not (2006-07 comes after 2006-08)."""
    problems = []
    reached: Day | None = None
    reached_by: tuple[int, Span] | None = None
    undated_at: int | None = None
    misplaced_undated = False
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        key = next((k for k in SERIES_DATES if k in item), None)
        if key is None:
            if item.get("undated") is True and undated_at is None:
                undated_at = index
            continue
        when = span(item[key])
        if when is None:
            continue
        if undated_at is not None:
            if not misplaced_undated:  # one mistake: the undated item is not last
                misplaced_undated = True
                problems.append(
                    record.problem(
                        (*path, index, key),
                        "series-order",
                        f"{key} {when.text} comes after the undated item "
                        f"{pointer((*path, undated_at))}; undated items come last",
                    )
                )
            continue
        if reached is not None and reached_by is not None and reached > when.last:
            problems.append(
                record.problem(
                    (*path, index, key),
                    "series-order",
                    f"{key} {when.text} comes after {reached_by[1].text} "
                    f"({pointer((*path, reached_by[0]))}); the series is in date order",
                )
            )
            continue
        if reached is None or when.first > reached:
            reached, reached_by = when.first, (index, when)
    return problems


def series_are_ordered(registry: Registry) -> list[Problem]:
    problems = []
    for kind_name, kind in KINDS.items():
        records = registry.of(kind_name)
        if not records:
            continue
        patterns = series_patterns(registry.schemas.documents, kind.schema)
        for record in records:
            for pattern in patterns:
                for path, value in values_at(record.data, pattern):
                    if isinstance(value, list):
                        problems += series_order_problems(record, path, value)
    return problems


RECORD_RULES: list[Callable[[Record], list[Problem]]] = [
    id_matches_file,
    sources_are_unique,
    citations_exist,
    dates_exist,
    periods_are_ordered,
    ranges_are_ordered,
    seed_deck_is_attributed,
    seed_deck_is_not_alone,
    local_ids_are_unique,
    local_references_exist,
]
REGISTRY_RULES: list[Callable[[Registry], list[Problem]]] = [
    ids_are_unique,
    references_are_acyclic,
    labels_within_plans,
    series_are_ordered,
]
