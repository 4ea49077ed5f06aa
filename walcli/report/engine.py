"""The templates of a report: Jinja2 in an immutable sandbox, the built-in templates
overridable one by one from a writer's folder, data text escaped by explicit filters.

Before anything renders, every template that can be loaded is parsed and read for what it
touches: one that reaches for Python internals (`''.__class__`, `x.__init__.__globals__`,
`|attr('__class__')`, `x.mro`) is refused with its file and line, and nothing runs. What a
static read cannot see (a name built at run time) the sandbox stops while rendering, before
any page is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from walcli.core.errors import UsageError, WalError
from walcli.i18n.catalog import msg
from walcli.output import markdown
from walcli.report.files import write_atomic
from walcli.report.pages import Role

BUILTIN = Path(__file__).parent / "templates"
SUFFIX = ".md.j2"
# The table of templates: one per kind of page (partials start with _ and are included).
TEMPLATES: dict[Role, str] = {
    Role.INDEX: "index.md.j2",
    Role.TIMELINE: "timeline.md.j2",
    Role.KIND: "kind.md.j2",
    Role.RECORD: "record.md.j2",
}
# Attributes no template needs, beyond every name starting with "_".
_INTERNALS = frozenset(
    {
        *("mro", "format", "format_map", "func_globals", "func_code", "f_globals", "f_locals"),
        *("f_code", "f_builtins", "f_back", "gi_frame", "gi_code", "gi_yieldfrom", "cr_frame"),
        *("cr_code", "cr_await", "ag_frame", "ag_code", "ag_await", "tb_frame", "tb_next"),
        *("im_func", "im_self", "im_class"),
    }
)
MAX_RANGE_STEPS = 1_000_000  # range() items one page may ask for, all calls together
MAX_SIZE = 10_000_000  # characters of one string or list a template may build with * or **
MAX_PAGE = 50_000_000  # characters of one rendered page


class TemplateError(WalError):
    """A template that cannot be used: the file and line are in the message."""

    exit_code = 2


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, also bounding what `*`, `**` and range() can make."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if (
            operator == "**"
            and isinstance(right, int)
            and abs(right) > 64
            and left not in (0, 1, -1)
        ):
            raise SecurityError("power too large for a template")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
                if sized and len(seq) * times > MAX_SIZE:
                    raise SecurityError("repetition too large for a template")
        return super().call_binop(context, operator, left, right)


def environment(writer: Path | None) -> jinja2.Environment:
    """The sandbox: the writer's folder first (if any), then the built-ins. The built-ins
    alone do not change while wal runs: their templates are checked and compiled once."""
    return _builtin_environment() if writer is None else _environment(writer)


@cache
def _builtin_environment() -> jinja2.Environment:
    return _environment(None)


def _environment(writer: Path | None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(BUILTIN), encoding="utf-8")]
    if writer is not None:
        if not writer.is_dir():
            raise UsageError(msg("report.error.template_folder", folder=str(writer)))
        loaders.insert(0, jinja2.FileSystemLoader(str(writer), encoding="utf-8"))
    env = _Sandbox(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals.clear()
    env.globals.update(
        range=_Budget().range, dict=dict, namespace=jinja2.utils.Namespace, t=_t, h=_h, note=_note
    )
    env.filters.update(FILTERS)
    check_all(env, writer)
    return env


class _Budget:
    """range() as Jinja's sandbox has it, with one allowance of steps shared by all calls."""

    def __init__(self) -> None:
        self.left = MAX_RANGE_STEPS

    def range(self, *args: int) -> range:
        steps = range(*args)
        self.left -= len(steps)
        if self.left < 0:
            raise SecurityError("range() asks for too many steps for a template")
        return steps


@jinja2.pass_context
def _t(context: Any, key: str, **fields: Any) -> str:
    from walcli.i18n.catalog import has, t

    if not has(key):
        raise SecurityError(f"no message {key!r} in the catalog")
    return t(key, context["page"]["lang"], **fields)


@jinja2.pass_context
def _h(context: Any, level: int) -> str:
    """The `#` marks of a heading of this level, shifted down inside a document."""
    return "#" * max(1, min(6, int(level) + int(context["page"]["depth"])))


@jinja2.pass_context
def _note(context: Any, number: int) -> str:
    """A footnote label, unique within a document."""
    return f"[^{context['page']['notes_prefix']}{int(number)}]"


def _link(text: Any, url: Any = None) -> str:
    """[text](url) when url is an http(s) address or a page of the report; else the text."""
    url = str(url) if url else ""
    target = (markdown.link_url(url) if ":" in url else _relative(url)) if url else None
    shown = markdown.link_text(str(text))
    if target and shown:
        return f"[{shown}]({target})"
    return markdown.inline(str(text))


def _relative(url: str) -> str | None:
    """A relative link between pages (no scheme, no absolute path, no way out of the site)."""
    if url.startswith(("/", "\\")) or "\\" in url:
        return None
    return markdown.page_url(url)


def _fence(body: Any, info: str = "") -> str:
    return markdown.fence(str(body), "".join(c for c in str(info) if c.isalnum()))


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _escaper(function: Callable[[str], str]) -> Callable[[Any], str]:
    return lambda value: function(_text(value))


def _capital(value: Any) -> str:
    text = _text(value)
    return text[:1].upper() + text[1:]


def _url(value: Any) -> str:
    return markdown.link_url(_text(value)) or ""


FILTERS: dict[str, Callable[..., str]] = {
    "inline": _escaper(markdown.inline),
    "cell": _escaper(markdown.cell),
    "heading": _escaper(markdown.heading),
    "link_text": _escaper(markdown.link_text),
    "footnote": _escaper(markdown.footnote),
    "code": _escaper(markdown.code),
    "link_url": _url,
    "link": _link,
    "fence": _fence,
    "capital": _capital,
}


# -- checking templates before anything runs ----------------------------------------------


def names(writer: Path | None) -> list[str]:
    """Every template that can be loaded: the built-ins and the writer's own."""
    found = {p.name for p in BUILTIN.glob("*" + SUFFIX)}
    if writer is not None:
        found |= {p.name for p in writer.glob("*" + SUFFIX) if p.is_file()}
    return sorted(found)


def where(name: str, writer: Path | None) -> str:
    """How a message names a template: the writer's file, or the built-in one (by its place
    in the package)."""
    if writer is not None and (writer / name).is_file():
        return str(writer / name)
    return f"walcli/report/templates/{name}"


def check_all(env: jinja2.Environment, writer: Path | None) -> None:
    for name in names(writer):
        try:
            source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
            tree = env.parse(source, name)
        except jinja2.TemplateSyntaxError as error:
            raise TemplateError(
                msg(
                    "report.error.template",
                    at=f"{where(name, writer)}:{error.lineno}",
                    error=error.message,
                )
            ) from None
        except (OSError, UnicodeDecodeError) as error:
            raise TemplateError(
                msg("report.error.template_read", at=where(name, writer), error=str(error))
            ) from None
        reached = list(_reached(tree))
        if reached:  # the first in reading order: the innermost of the earliest line
            line = min(node.lineno for node, _ in reached)
            node, attribute = [found for found in reached if found[0].lineno == line][-1]
            raise TemplateError(
                msg(
                    "report.error.internals",
                    at=f"{where(name, writer)}:{node.lineno}",
                    attribute=repr(attribute),
                )
            )


def _reached(tree: nodes.Template) -> Iterator[tuple[nodes.Node, str]]:
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name: Any = None
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            name = node.arg.value
        elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
            first = node.args[0]
            name = first.value if isinstance(first, nodes.Const) else None
        if isinstance(name, str) and (name.startswith("_") or name in _INTERNALS):
            yield node, name


# -- rendering -----------------------------------------------------------------------------


def render(env: jinja2.Environment, name: str, context: dict[str, Any], writer: Path | None) -> str:
    """One page. A failure inside a template becomes one message naming it and its line."""
    budget = _Budget()
    env.globals["range"] = budget.range
    try:
        template = env.get_template(name)
        parts: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_PAGE:
                raise SecurityError("the page grows past 50,000,000 characters")
            parts.append(chunk)
        return "".join(parts)
    except jinja2.TemplateSyntaxError as error:
        shown = error.name or name
        raise TemplateError(
            f"{where(shown, writer)}:{error.lineno}: template error: {error.message}"
        ) from None
    except WalError:
        raise
    except Exception as error:  # whatever a template did wrong, said once with its line
        shown, line = _template_frame(error.__traceback__, name, writer)
        key = (
            "report.error.sandbox" if isinstance(error, SecurityError) else "report.error.template"
        )
        raise TemplateError(msg(key, at=f"{shown}:{line}", error=str(error))) from None


def _template_frame(tb: TracebackType | None, name: str, writer: Path | None) -> tuple[str, int]:
    """The innermost template frame of a traceback (Jinja gives them the template's file)."""
    files = {str(BUILTIN / n): n for n in names(writer)}
    if writer is not None:
        files.update({str(writer / n): n for n in names(writer)})
    found = (where(name, writer), 0)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in files:
            found = (where(files[filename], writer), tb.tb_lineno)
        tb = tb.tb_next
    return found


# -- export --------------------------------------------------------------------------------


def export(folder: Path, force: bool) -> list[str]:
    """Write the built-in templates into folder for a writer to edit; never over a file
    unless forced. The names written, sorted."""
    chosen = names(None)
    if folder.exists() and not folder.is_dir():
        raise UsageError(msg("report.error.export_not_folder", folder=str(folder)))
    existing = [n for n in chosen if (folder / n).exists()]
    if existing and not force:
        raise UsageError(
            msg("report.error.export_exists", count=len(existing), names=", ".join(existing)),
            hint=msg("report.hint.force_files"),
        )
    folder.mkdir(parents=True, exist_ok=True)
    for name in chosen:
        write_atomic(folder / name, (BUILTIN / name).read_text(encoding="utf-8"))
    return chosen
