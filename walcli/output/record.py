"""One record, for reading: a panel on a terminal, plain text in a pipe, or JSON and YAML of
the record with its links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from walcli.core.text import scalar_text
from walcli.output.formats import Format, Formats, Out
from walcli.output.safe import safe, safe_lines
from walcli.output.serialize import to_json, to_yaml

if TYPE_CHECKING:
    from walcli.analysis.views import RecordView


def _is_claim(value: Any) -> bool:
    return isinstance(value, dict) and "value" in value


def _claim_text(claim: dict[str, Any]) -> str:
    text = _inline(claim["value"]) if not _is_claim(claim["value"]) else ""
    cited = claim.get("sources")
    if isinstance(cited, list) and cited:
        text += f" [{', '.join(map(str, cited))}]"
    if claim.get("attributed_to"):
        text += f" (claim of the {str(claim['attributed_to']).replace('-', ' ')})"
    if claim.get("note"):
        text += f" ({_inline(claim['note'])})"
    return text


def _inline(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_claim_text(v) if _is_claim(v) else _inline(v) for v in value)
    if _is_claim(value):
        return _claim_text(value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_inline(v)}" for k, v in value.items())
    return scalar_text(value)


def _flat(value: Any) -> bool:
    """Shown on one line: scalars, lists of scalars, claims."""
    if isinstance(value, list):
        return all(
            (_is_claim(v) and _flat(v["value"])) or not isinstance(v, dict | list) for v in value
        )
    if isinstance(value, dict):
        return _is_claim(value) and _flat(value["value"])
    return True


def human(value: Any, indent: int = 0) -> list[str]:
    """A localized record as indented 'key: value' lines, claims shown with their sources."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if _flat(item):
                lines.append(f"{pad}{key}: {_inline(item)}")
            else:
                lines.append(f"{pad}{key}:")
                lines += human(item, indent + 2)
    elif isinstance(value, list):
        for item in value:
            nested = human(item, indent + 2) if not _flat(item) else [f"{pad}  {_inline(item)}"]
            nested = nested or [f"{pad}  (empty)"]  # an empty mapping as an item
            lines.append(f"{pad}- {nested[0].lstrip()}")
            lines += nested[1:]
    else:
        lines.append(f"{pad}{scalar_text(value)}")
    return lines


def body_text(view: RecordView) -> str:
    sections = ["\n".join(human(view.fields))]
    if view.references:
        sections.append(
            "references:\n"
            + "\n".join(
                f"  {link.path} -> {link.kind}/{link.id} ({link.name})" for link in view.references
            )
        )
    if view.referenced_by:
        sections.append(
            "referenced by:\n"
            + "\n".join(
                f"  {link.kind}/{link.id} ({link.name}) via {link.path}"
                for link in view.referenced_by
            )
        )
    return "\n\n".join(sections)


def _text(view: RecordView, out: Out) -> None:
    text = body_text(view)
    if out.tty:
        from rich.panel import Panel
        from rich.text import Text

        from walcli.output.sheet import print_rich

        panel = Panel(Text(safe_lines(text)), title=Text(safe(view.title)), title_align="left")
        print_rich(panel, out)
    else:
        out.write(safe(view.title) + "\n\n" + safe_lines(text) + "\n")


RECORD_FORMATS: Formats[RecordView] = Formats(
    [
        Format("text", "the record to read: a panel on a terminal", _text),
        Format(
            "json",
            "the record as in the YAML, with its links",
            lambda v, o: o.write_json(to_json(v.as_data())),
        ),
        Format(
            "yaml",
            "the record as in the YAML, with its links",
            lambda v, o: o.write(to_yaml(v.as_data(), ascii=o.ascii)),
        ),
    ],
    tty="text",
    pipe="text",
)
