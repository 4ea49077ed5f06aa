"""One record as the content of its page, in plain data: sections of items (a label, a text,
the notes of its sources, marks such as "sources disagree", a link, sub-items)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from walcli.core.claims import disagree, has_value, is_claims, is_seed
from walcli.core.paths import JsonPath
from walcli.core.registry import Record
from walcli.core.text import is_text, localize, scalar_text
from walcli.i18n import t
from walcli.i18n.catalog import messages
from walcli.report.facts import Formatter, Notes, Tree, below, labelled, typed

Item = dict[str, Any]
# Fields a page shows in its own places (title, summary, notes, open questions).
OWN_PLACE = ("id", "name", "summary", "sources", "open_questions")
# Keys of a mapping that name it, in order of preference.
NAMING = ("name", "title", "label", "text", "event", "topic", "id")
# Keys that date a mapping: shown before its name.
DATING = ("date", "as_of")
# Keys that only qualify a fact (shown beside its value, not as items).
QUALIFYING = frozenset({"sources", "attributed_to", "superseded", "qualifier", "note", "unit"})
MAX_DEPTH = 12  # deeper data is summarised: a page stays readable and the walk bounded


def label(key: str | int, lang: str, tree: Tree | None = None) -> str:
    """A field as a reader reads it: the schema's label, else its name in words."""
    named = labelled(tree, lang)
    if named is not None:
        return named
    worded = f"report.field.{key}"
    text = t(worded, lang) if worded in messages() else str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else str(key)


def item(text: str = "", **extra: Any) -> Item:
    base: Item = {"label": "", "text": text, "notes": [], "marks": [], "href": None, "children": []}
    base.update(extra)
    return base


@dataclass
class Content:
    """Walks a record's fields into items, citing its sources on the page's notes."""

    record: Record
    notes: Notes
    formatter: Formatter
    lang: str
    refs: dict[JsonPath, tuple[str, str, str, str | None]]  # path -> kind, id, name, href

    def sections(self, tree: Tree) -> list[dict[str, Any]]:
        data = self.record.data
        found = []
        for key, value in data.items():
            if key in OWN_PLACE or _cites_for(key, data):
                continue
            items = self.items(value, (key,), below(tree, key), 0)
            for shown in items if f"{key}_sources" in data else []:
                shown["notes"] = self._cite(data[f"{key}_sources"], shown["notes"])
            if items:
                section = {"key": key, "label": label(key, self.lang, below(tree, key))}
                found.append({**section, "children": items})
        return found

    def question(self, value: Any, index: int) -> Item:
        """An open question: what is unknown, and why."""
        if not isinstance(value, dict):
            return self.items(value, ("open_questions", index), None, 0)[0]
        note = localize(value.get("note"), self.lang)
        shown = item(
            scalar_text(note) if isinstance(note, str) else "",
            label=label(str(value.get("topic", "")), self.lang),
        )
        shown["notes"] = self.notes.cite_all(self.record, value)
        shown["marks"] = self._marks(value)
        return shown

    def items(self, value: Any, path: JsonPath, tree: Tree | None, depth: int) -> list[Item]:
        if depth > MAX_DEPTH:
            return [item("…")]
        if is_claims(value):
            return self._claims(value, path, tree, depth)
        if has_value(value):
            return [self._claim(value, path, tree, depth, disputed=False)]
        if isinstance(value, list):
            found: list[Item] = []
            for index, element in enumerate(value):
                found.append(self._element(element, (*path, index), below(tree, index), depth))
            return found
        if isinstance(value, dict) and not is_text(value):
            return self._fields(value, path, tree, depth)
        return [self._scalar(value, path, tree)]

    def _element(self, value: Any, path: JsonPath, tree: Tree | None, depth: int) -> Item:
        """A list item: one item, its fields below it."""
        if has_value(value):
            return self._claim(value, path, tree, depth, disputed=False)
        if isinstance(value, dict) and not is_text(value):
            return self._mapping(value, path, tree, depth)
        if isinstance(value, list):
            return item("…", children=self.items(value, path, tree, depth + 1))
        return self._scalar(value, path, tree)

    def _mapping(
        self, value: dict[str, Any], path: JsonPath, tree: Tree | None, depth: int
    ) -> Item:
        name = next((k for k in NAMING if k in value and _flat(value[k])), None)
        if name is not None:
            head = self._scalar(value[name], (*path, name), below(tree, name))
            dated = next((k for k in DATING if k in value and _flat(value[k])), None)
            if dated is not None:  # "July 2006: the pole is launched"
                head["label"] = self._scalar(value[dated], (*path, dated), below(tree, dated))[
                    "text"
                ]
            rest = {k: v for k, v in value.items() if k not in (name, dated)}
            children = self._fields(rest, path, tree, depth)
        else:  # nothing names it: its first field leads (a date, most often)
            children = self._fields(value, path, tree, depth)
            head = children.pop(0) if children and not children[0]["children"] else item("…")
        head["notes"] = self._cite(value.get("sources"), head["notes"])
        head["marks"] = head["marks"] + self._marks(value)
        head["children"] = head["children"] + children
        return head

    def _fields(
        self, value: dict[str, Any], path: JsonPath, tree: Tree | None, depth: int
    ) -> list[Item]:
        found: list[Item] = []
        for key, element in value.items():
            if (key in QUALIFYING and key != "note") or _cites_for(key, value):
                continue
            if key == "undated" and element is True:
                found.append(item(t("report.undated", self.lang)))
                continue
            shown = self.items(element, (*path, key), below(tree, key), depth + 1)
            if f"{key}_sources" in value:
                for one in shown:
                    one["notes"] = self._cite(value[f"{key}_sources"], one["notes"])
            if len(shown) == 1 and not shown[0]["children"] and _flat(element):
                shown[0]["label"] = label(key, self.lang, below(tree, key))
                found.append(shown[0])
            else:
                found.append(
                    item("", label=label(key, self.lang, below(tree, key)), children=shown)
                )
        return found

    def _cite(self, ids: Any, numbers: list[int]) -> list[int]:
        more = self.notes.cite_all(self.record, {"sources": ids})
        return sorted(set(numbers) | set(more))

    def _claims(
        self, claims: list[dict[str, Any]], path: JsonPath, tree: Tree | None, depth: int
    ) -> list[Item]:
        disputed = disagree(claims)
        return [
            self._claim(claim, (*path, index), below(tree, index), depth, disputed=disputed)
            for index, claim in enumerate(claims)
        ]

    def _claim(
        self,
        claim: dict[str, Any],
        path: JsonPath,
        tree: Tree | None,
        depth: int,
        *,
        disputed: bool,
    ) -> Item:
        value_tree = below(tree, "value")
        value = claim["value"]
        if isinstance(value, dict | list) and not is_text(value):
            shown = item("", children=self.items(value, (*path, "value"), value_tree, depth + 1))
        elif "unit" in claim:
            shown = item(self._qualified(claim, self.formatter.figure(value, claim["unit"])))
        else:
            shown = self._scalar(value, (*path, "value"), value_tree)
            shown["text"] = self._qualified(claim, shown["text"])
        if "max" in claim:
            shown["text"] += " \u2013 " + self.formatter.figure(claim["max"], claim.get("unit"))
        shown["notes"] = self.notes.cite_all(self.record, claim)
        shown["marks"] = self._marks(
            claim, disputed=disputed and claim.get("superseded") is not True
        )
        extra = {k: v for k, v in claim.items() if k not in ("value", "max")}
        if "label" in extra:
            shown["label"] = scalar_text(localize(extra.pop("label"), self.lang))
        shown["children"] += self._fields(extra, path, tree, depth)
        return shown

    def _qualified(self, claim: dict[str, Any], text: str) -> str:
        qualifier = claim.get("qualifier")
        if isinstance(qualifier, str) and qualifier != "exact":
            return t(
                "report.qualifier",
                self.lang,
                qualifier=_qualifier(qualifier, self.lang),
                value=text,
            )
        return text

    def _marks(self, value: dict[str, Any], *, disputed: bool = False) -> list[str]:
        marks = []
        if disputed:
            marks.append(t("mark.disputed", self.lang))
        if is_seed(value):
            marks.append(t("mark.seed_deck", self.lang))
        if value.get("superseded") is True:
            marks.append(t("mark.superseded", self.lang))
        return marks

    def _scalar(self, value: Any, path: JsonPath, tree: Tree | None) -> Item:
        ref = self.refs.get(path)
        if ref is not None:
            kind, record_id, name, href = ref
            return item(name or record_id, href=href, ref={"kind": kind, "id": record_id})
        if is_text(value):
            return item(scalar_text(localize(value, self.lang)))
        if isinstance(value, dict | list):  # only reached past MAX_DEPTH or for odd shapes
            return item("…")
        shape = typed(tree)
        if shape == "url" and isinstance(value, str):
            return item(value, href=value)
        return item(self.formatter.scalar(value, shape))


def _cites_for(key: str, data: dict[str, Any]) -> bool:
    """`labelled_by_sources` cites the sources of `labelled_by`: shown as its notes."""
    return key.endswith("_sources") and key[: -len("_sources")] in data


def _flat(value: Any) -> bool:
    return not isinstance(value, dict | list) or is_text(value)


def _qualifier(qualifier: str, lang: str) -> str:
    key = f"report.qualifier.{qualifier}"
    return t(key, lang) if key in messages() else qualifier
