"""What mutations put into records: text that attacks terminals, numbers that strain readers,
values of every shape, YAML written as source; and the YAML reading and writing they use."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
KINDS = ("domains", "poles", "plans", "shocks")
SCHEMAS = ("defs", *KINDS)
CANARY = "OUTSIDECANARY"  # in every file outside the root: it must never be printed
KEEP_ME = "this file existed before the command ran\n"


# -- values --------------------------------------------------------------------------------

# Text meant to reach a terminal: OSC 8 hyperlink, OSC 52 clipboard write, clear screen, colour,
# C1 CSI/OSC, bidi overrides and isolates, carriage return, backspaces, bell, NEL, line separator.
ESCAPES = (
    "\x1b]8;;https://evil.example/\x07click here\x1b]8;;\x07",
    "\x1b]52;c;cm0gLXJmIH4K\x07",
    "\x1b[2J\x1b[H",
    "\x1b[31mred\x1b[0m",
    "\x9b2J",
    "\x9d0;title\x9c",
    "\u202egnp.exe\u202c",
    "\u2066isolated\u2069",
    "\rfake line",
    "abc\x08\x08\x08",
    "\x07",
    "next\x85line",
    "a\u2028b",
    "\x7f",
    "\x1bP+q\x1b\\",
    "\u200f\u061c",
)
KEYS = (
    "id", "value", "sources", "start", "end", "as_of", "fr", "en", "title", "url", "note",
    "qualifier", "attributed_to", "superseded", "total", "kind", "items", "name", "period",
    "budget", "domain", "poles", "x",
)  # fmt: skip
DATES = ("2006", "2006-07", "2006-07-12", "2006-02-30", "0000", "9999-99-99", "2006-7-1", "13")


def _digits(rng: random.Random, alphabet: str, count: int) -> str:
    return rng.choice(alphabet[1:]) + "".join(rng.choices(alphabet, k=count - 1))


def odd_number(rng: random.Random) -> str:
    """A YAML 1.1 number that strains a reader: thousands of digits in some base, base 60,
    non-finite or extreme floats, underscores."""
    size = rng.choice((4301, 5000, 20_000)) if rng.random() < 0.8 else rng.choice((50, 400))
    sign = rng.choice(("", "", "-", "+"))
    choices: list[Callable[[], str]] = [
        lambda: sign + _digits(rng, "0123456789", size),
        lambda: sign + "0x" + _digits(rng, "0123456789abcdefABCDEF", size),
        lambda: sign + "0o" + _digits(rng, "01234567", size),
        lambda: sign + "0" + _digits(rng, "01234567", size),
        lambda: sign + "0b" + _digits(rng, "01", size),
        lambda: sign + "1" + "".join(f":{rng.randrange(60)}" for _ in range(size // 3)),
        lambda: "1" + "".join(f":{rng.randrange(60)}" for _ in range(size // 3)) + ".5",
        lambda: _digits(rng, "0123456789", size) + "." + _digits(rng, "0123456789", 10),
        lambda: "1" + "_" * rng.randrange(1, 4) + "000" * (size // 3),
        lambda: rng.choice(
            (".inf", "-.inf", ".NaN", ".nan", "+.INF", "1e400", "-1e400", "1e-400", "0x_")
        ),
        lambda: rng.choice(("190:20:30", "190:20:30.15", "0b1010_0111", "0o17", "0777", "0x1F")),
    ]
    return rng.choice(choices)()


def escape_text(rng: random.Random, base: str = "") -> str:
    esc = rng.choice(ESCAPES)
    where = rng.randrange(3)
    if where == 0:
        return esc + base
    if where == 1:
        return base + esc
    middle = len(base) // 2
    return base[:middle] + esc + base[middle:]


@dataclass
class Pools:
    """Values taken from the real registry, so mutations stay close to what the code expects."""

    ids: dict[str, list[str]] = field(default_factory=dict)  # kind -> record ids
    sources: list[str] = field(default_factory=list)  # source ids
    words: list[str] = field(default_factory=list)  # words found in the text, for search
    paths: dict[str, list[str]] = field(default_factory=dict)  # kind -> dotted field paths
    # id -> the records whose data name it, as (kind, id): what `show` prints it in
    referrers: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def any_id(self, rng: random.Random) -> str:
        kind = rng.choice([k for k in KINDS if self.ids.get(k)])
        return rng.choice(self.ids[kind])


def random_text(rng: random.Random, pools: Pools) -> str:
    pick = rng.random()
    if pick < 0.2:
        return pools.any_id(rng)
    if pick < 0.3:
        return rng.choice(pools.sources) if pools.sources else "x"
    if pick < 0.4:
        return rng.choice(DATES)
    if pick < 0.6:
        return escape_text(rng, rng.choice(pools.words) if pools.words else "word")
    if pick < 0.65:
        return "A" * rng.choice((1000, 100_000))
    if pick < 0.7:
        return rng.choice(("", " ", "\n", "e\u0301", "\ufeffid", "\U0001f600", "%s%n", "{0}"))
    if pick < 0.75:
        return rng.choice(("seed-deck", "about", "more-than", "https://x", "javascript:alert(1)"))
    return rng.choice(pools.words) if pools.words else "word"


def random_scalar(rng: random.Random, pools: Pools) -> Any:
    return rng.choice(
        (
            lambda: None,
            lambda: rng.random() < 0.5,
            lambda: rng.choice((0, -1, 1, 2006, 2**31, 2**63, 2**64 + 1, -(2**70), 10**300)),
            lambda: rng.choice((0.5, -0.0, 1e308, 5e-324, 2006.0, 1.7976931348623157e308)),
            lambda: random_text(rng, pools),
            lambda: random_text(rng, pools),
        )
    )()


def random_value(rng: random.Random, pools: Pools, depth: int = 0) -> Any:
    pick = rng.random()
    if depth > 2 or pick < 0.5:
        return random_scalar(rng, pools)
    if pick < 0.6:
        return [random_value(rng, pools, depth + 1) for _ in range(rng.randrange(4))]
    if pick < 0.7:
        return {rng.choice(KEYS): random_value(rng, pools, depth + 1) for _ in range(3)}
    if pick < 0.8:  # a claim
        return {"value": random_scalar(rng, pools), "sources": odd_sources(rng, pools)}
    if pick < 0.9:  # bilingual text
        return {"fr": random_text(rng, pools), "en": random_text(rng, pools)}
    return {"start": rng.choice(DATES), "end": random_scalar(rng, pools)}


def odd_sources(rng: random.Random, pools: Pools) -> Any:
    """A `sources` list, often of a shape the schema refuses (nested lists, mappings)."""
    sid = rng.choice(pools.sources) if pools.sources else "x"
    return rng.choice(
        (
            [sid],
            [[sid]],
            [{"id": sid}],
            [sid, [sid]],
            [{sid: sid}],
            [[]],
            [{}],
            [None],
            [1],
            sid,
            {},
            [[[sid]]],
            [sid, sid],
            [escape_text(rng, sid)],
        )
    )


def flow(value: Any) -> str:
    """The value in YAML flow style (JSON is YAML)."""
    return json.dumps(value, ensure_ascii=True)


def raw_fragment(rng: random.Random, pools: Pools) -> tuple[str, str]:
    """(family, YAML text) for a value written as YAML source rather than as data."""
    family = rng.choice(("odd-number", "odd-number", "tag", "alias", "deep", "huge", "scalar"))
    if family == "odd-number":
        return family, odd_number(rng)
    if family == "tag":
        sid = rng.choice(pools.sources) if pools.sources else "x"
        return family, rng.choice(
            (
                '!!python/object/apply:os.system ["touch pwned"]',
                "!!python/name:os.system",
                "!!python/object:__main__.X {a: 1}",
                "!!python/tuple [1, 2]",
                "!!binary aGVsbG8=",
                "!!set {a, b}",
                "!!omap [a: 1, b: 2]",
                "!!pairs [a: 1]",
                "!custom value",
                "!<tag:evil.example,2024:x> value",
                "!!str 12",
                '!!int "0x1F"',
                '!!float "nan"',
                "!!timestamp 2001-12-14",
                '!!null ""',
                "!!bool yes",
                f"!!seq [{sid}]",
                "!!map {a: 1}",
                "!!merge <<",
                "!!value =",
            )
        )
    if family == "alias":
        return family, rng.choice(
            (
                "*undefined",
                "&r [*r]",
                "&a [lol, lol]",
                "[&a [x, x, x, x, x, x, x, x, x], &b [*a, *a, *a, *a, *a, *a, *a, *a, *a], "
                "&c [*b, *b, *b, *b, *b, *b, *b, *b, *b], [*c, *c, *c, *c, *c, *c, *c, *c]]",
                "{<<: {a: 1}}",
                "&anchor value",
            )
        )
    if family == "deep":
        depth = rng.choice((33, 200, 1001, 5001, 100_000))
        if rng.random() < 0.5:
            return family, "[" * depth + "]" * depth
        return family, "{a: " * depth + "1" + "}" * depth
    if family == "huge":
        size = rng.choice((10_000, 100_000, 1_000_000, 1_048_576))
        return family, rng.choice(('"' + "A" * size + '"', "B" * size, '"' + "\\e[2J" * 1000 + '"'))
    return family, rng.choice(
        ("yes", "no", "on", "off", "~", "null", "=", "<<", "2001-12-14t21:59:43.10-05:00", "-")
    )


# -- YAML in and out -------------------------------------------------------------------------

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class DateLoader(yaml.CSafeLoader):
    """Dates stay text, as wal reads them."""


class DateDumper(yaml.CSafeDumper):
    """Date-like text is written without quotes, as the registry writes it."""


def _no_timestamps(resolvers: dict[Any, list[tuple[str, Any]]]) -> dict[Any, list[Any]]:
    return {k: [(t, r) for t, r in v if t != _TIMESTAMP] for k, v in resolvers.items()}


DateLoader.yaml_implicit_resolvers = _no_timestamps(yaml.CSafeLoader.yaml_implicit_resolvers)
DateDumper.yaml_implicit_resolvers = _no_timestamps(yaml.CSafeDumper.yaml_implicit_resolvers)


def load_yaml(raw: bytes) -> Any:
    """The data of a record file, or None when it is not readable YAML any more."""
    try:
        return yaml.load(raw.decode("utf-8"), Loader=DateLoader)
    # What libyaml accepts, PyYAML's constructors may still refuse (a float too large...).
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError, ValueError, ArithmeticError):
        return None


def dump_yaml(data: Any, raws: dict[str, str] | None = None) -> bytes:
    """The data as YAML; each marker string of `raws` replaced by its YAML source text."""
    text = yaml.dump(data, Dumper=DateDumper, allow_unicode=True, sort_keys=False, width=100)
    for marker, raw in (raws or {}).items():
        text = text.replace(marker, raw, 1)
    return text.encode("utf-8", "surrogatepass")


Path_ = tuple[str | int, ...]


def walk(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(value, (*path, index))


def set_at(data: Any, path: Path_, value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def get_at(data: Any, path: Path_) -> Any:
    for step in path:
        data = data[step]
    return data


def pointer(path: Path_) -> str:
    return "/" + "/".join(str(step) for step in path) if path else "/"


def short(text: str, limit: int = 120) -> str:
    text = text.encode("unicode_escape").decode("ascii")
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} chars)"
