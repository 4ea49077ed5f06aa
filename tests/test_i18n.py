"""The catalog (every message in both languages, with the same fields), the words it must
have for the schemas (a label for every field, words for every enumerated value), locale
formatting, and a check that human-facing text in cli/ and output/ goes through the catalog."""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import REPO
from walcli.core.kinds import KINDS
from walcli.core.text import LANGS
from walcli.i18n import format as fmt
from walcli.i18n.catalog import area, areas, has, messages, msg, t

WALCLI = REPO / "walcli"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_message_has_every_language_with_the_same_fields() -> None:
    found = messages()
    assert len(found) > 300
    for key, texts in found.items():
        assert set(texts) == set(LANGS), key
        assert all(isinstance(v, str) and v.strip() for v in texts.values()), key
        assert _fields(texts["en"]) == _fields(texts["fr"]), key


def test_a_key_lives_in_the_module_of_its_area() -> None:
    for name in areas():
        assert area(name), name
        assert all(key.startswith(name + ".") for key in area(name)), name


def test_the_check_above_fails_on_a_missing_language_or_field() -> None:
    """The two checks are not vacuous: a broken entry is seen."""
    broken = {"x.one": {"en": "{count} records"}, "x.two": {"en": "{count}", "fr": "{n}"}}
    missing = [k for k, v in broken.items() if set(v) != set(LANGS)]
    mismatched = [
        k for k, v in broken.items() if "fr" in v and _fields(v["en"]) != _fields(v["fr"])
    ]
    assert (missing, mismatched) == (["x.one"], ["x.two"])


def _schema_documents(root: Path) -> list[object]:
    return [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((root / "schemas").glob("*.json"))
    ]


def _walk(node: object, found: dict[str, set[str]]) -> None:
    if isinstance(node, dict):
        for name in node.get("properties") or {}:
            found["fields"].add(name)
        for value in node.get("enum") or []:
            if isinstance(value, str):
                found["values"].add(value)
        for value in node.values():
            _walk(value, found)
    elif isinstance(node, list):
        for item in node:
            _walk(item, found)


def test_every_field_and_enumerated_value_of_the_schemas_has_words() -> None:
    """A top-level field the schema labels itself (x-label {fr, en}) needs no catalog entry;
    any other field (nested ones take no x-label) needs one, and so does every value a
    schema enumerates."""
    found: dict[str, set[str]] = {"fields": set(), "values": set()}
    labelled: set[str] = set()
    for document in _schema_documents(REPO):
        assert isinstance(document, dict)
        top = document.get("properties") or {}
        for name, sub in top.items():
            label = sub.get("x-label") if isinstance(sub, dict) else None
            if isinstance(label, dict) and set(LANGS) <= set(label):
                labelled.add(name)
            else:
                found["fields"].add(name)
        _walk({k: v for k, v in document.items() if k != "properties"}, found)
        for sub in top.values():
            _walk(sub, found)
    assert labelled, "the schemas label no field: the x-label half of this test is idle"
    assert sorted(f for f in found["fields"] if not has(f"field.{f}")) == []
    assert sorted(v for v in found["values"] if not has(f"value.{v}")) == []


def test_keys_built_from_the_kinds_and_measures_exist() -> None:
    from walcli.analysis.stats import MEASURES

    assert all(has(f"stats.measure.{name}") for _, name in MEASURES)
    for kind in KINDS.values():
        for key in (
            f"common.kind.{kind.name}",
            f"common.kind.{kind.singular}",
            f"common.Kind.{kind.name}",
            f"help.kind.{kind.name}",
            f"help.list.{kind.name}",
            f"help.show.{kind.name}",
            f"help.show.id.{kind.name}",
            f"help.fields.{kind.name}",
            *(f"help.filter.{kind.name}.{f.option}" for f in kind.filters),
        ):
            assert has(key), key


_KEY_CALL = re.compile(
    r"""\b(?:t|msg|has|maybe|word|t_word|_word|help_key)\(\s*f?"([a-z_]+\.[^"]*)\""""
)
_KEY_KWARG = re.compile(r"""\b(?:help|epilog)=f?"([a-z_]+\.[^"?]*)""")


def _literal_keys() -> list[tuple[str, str]]:
    found = []
    for path in sorted(WALCLI.rglob("*.py")):
        if "i18n/messages" in path.as_posix():
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (_KEY_CALL, _KEY_KWARG):
            for key in pattern.findall(text):
                found.append((path.relative_to(REPO).as_posix(), key))
    return found


def test_every_key_the_code_names_exists() -> None:
    """Literal keys must be in the catalog; keys with a {placeholder} must start with an area
    (each family is enumerated by the tests above and below)."""
    found = _literal_keys()
    assert len(found) > 50
    missing = []
    for where, key in found:
        if "{" in key:
            if not area(key.partition(".")[0]):
                missing.append((where, key))
        elif not has(key):
            missing.append((where, key))
    assert missing == []


# -- nothing human-facing bypasses the catalog ---------------------------------------------------
#
# Scope of the check, honestly: it reads the modules of walcli/cli/ and walcli/output/ (the
# layers that print) with `ast` and looks at string literals (plain, f-strings, and literals
# joined with +) in two places: (1) the first argument of a call that prints or builds
# printed text (echo, write, print, Text, Panel, add_column, Line, Rows) or raises an error,
# and the help=/epilog= of options and commands; (2) anywhere else, literals that read as
# prose (two or more words of three letters or more). Docstrings, the descriptions of formats
# (the second argument of Format, read by developers) and the allowed words below pass. Text
# built from variables (a message assembled elsewhere and passed in) is not followed: the
# catalog tests above cover the keys such code uses.

SINKS = {"echo", "secho", "write", "print", "Text", "Panel", "add_column", "Line", "Rows"}
ERRORS = {"UsageError", "RecordNotFound", "RegistryNotFound", "SchemaError", "WalError"}
WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
PROSE = re.compile(r"[A-Za-zÀ-ÿ]{3,}[ ,:;]+[A-Za-zÀ-ÿ]{3,}")
KEY = re.compile(r"^[a-z_]+(\.[\w{}\-]*)+(\?.*)?$")
# Literals that are not words of a language: the program's name before a message, the prefix
# of its version line, the name of the JUnit test suite (an identifier CI shows as it is) and
# the XML declaration.
ALLOWED = {
    "wal: ",
    "wal: {}",
    "wal {}",
    "wal validate",
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    # Graphviz DOT syntax, not words
    "digraph wal {",
    '  node [style=filled, fontname="Helvetica", fontsize=11];',
    # the YAML tag of text, for the emitter
    "tag:yaml.org,2002:str",
}
# Calls whose literal arguments are never shown: patterns and rich styles.
NOT_SHOWN = {"compile", "match", "stylize", "highlight_words", "highlight_regex"}


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            "{}" if not isinstance(v, ast.Constant) else str(v.value) for v in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        if left is not None or right is not None:
            return (left or "") + (right or "")
    return None


def _is_key(text: str) -> bool:
    return bool(KEY.match(text)) and bool(area(text.partition(".")[0]))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def bypasses(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found: list[tuple[int, str]] = []
    checked: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name == "Format" and len(node.args) > 1:
            skip.add(id(node.args[1]))
        if name in NOT_SHOWN:
            skip.update(id(n) for arg in node.args for n in ast.walk(arg))
        skip.update(id(n) for kw in node.keywords if kw.arg == "style" for n in ast.walk(kw.value))
        targets = []
        if (name in SINKS or name in ERRORS) and node.args:
            targets.append(node.args[0])
        targets += [kw.value for kw in node.keywords if kw.arg in ("help", "epilog")]
        for target in targets:
            text = _text(target)
            checked.update(id(n) for n in ast.walk(target))
            if text is None or text in ALLOWED or _is_key(text) or text.startswith("@examples"):
                continue
            if WORD.search(text.replace("{}", "")):
                found.append((node.lineno, text))
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):  # compared with, not shown
            skip.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skip or id(node) in checked:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if PROSE.search(text) and not _is_key(text) and text not in ALLOWED:
                found.append((getattr(node, "lineno", 0), text))
    return found


def test_the_bypass_check_sees_prose_that_skips_the_catalog() -> None:
    source = (
        "import typer\n"
        "def f(out, n):\n"
        "    typer.echo(f'{n} records checked', err=True)\n"
        "    out.write('no data file changed')\n"
        "    raise UsageError('--kind: no such kind')\n"
        "    typer.echo(t('validate.summary', lang))\n"
        "    out.write('\\n')\n"
        "    words = ['nothing to check here']\n"
    )
    assert [line for line, _ in bypasses(source)] == [3, 4, 5, 8]


@pytest.mark.parametrize(
    "path",
    sorted((WALCLI / "cli").glob("*.py")) + sorted((WALCLI / "output").glob("*.py")),
    ids=lambda p: p.relative_to(WALCLI).as_posix(),
)
def test_no_human_text_in_cli_and_output_bypasses_the_catalog(path: Path) -> None:
    assert bypasses(path.read_text(encoding="utf-8")) == []


# -- messages -----------------------------------------------------------------------------------


def test_a_message_renders_in_the_asked_language_with_nested_messages() -> None:
    message = msg(
        "errors.with_hint",
        message=msg("errors.no_record", kind=msg("common.kind.pole"), id="x"),
        hint=msg("errors.did_you_mean", choices="biowin"),
    )
    assert message.render("en") == "no pole with id 'x'; did you mean biowin?"
    assert (
        message.render("fr") == "aucun pôle ne porte l'identifiant 'x' ; vouliez-vous dire biowin ?"
    )
    assert str(message) == message.render("en")
    assert t("common.kind.pole", "de") == "pole"  # an unknown language reads English


# -- locale formatting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "fr", "en"),
    [
        (lambda lang: fmt.money(1_100_000_000, lang), "1,1 milliard €", "€1.1 billion"),
        (lambda lang: fmt.money(2_750_000_000, lang, compact=True), "2,75\xa0Md\xa0€", "€2.75bn"),
        (lambda lang: fmt.money(280_000, lang), "280\u202f000 €", "€280,000"),
        (lambda lang: fmt.number(115_000, lang), "115\u202f000", "115,000"),
        (lambda lang: fmt.percent(85, lang), "85\xa0%", "85%"),
        (lambda lang: fmt.date(2006, lang), "2006", "2006"),
        (lambda lang: fmt.date("2006-07", lang), "juillet 2006", "July 2006"),
        (lambda lang: fmt.date("2005-08-30", lang), "30 août 2005", "30 August 2005"),
        (lambda lang: fmt.date("2013-01-24", lang, short=True), "24 janv. 2013", "24 Jan 2013"),
        (
            lambda lang: fmt.quantity(115_000, "people", lang, qualifier="more-than"),
            "plus de 115\u202f000 personnes",
            "more than 115,000 people",
        ),
        (
            lambda lang: fmt.quantity(700, "jobs", lang, upper=750, qualifier="about"),
            "environ 700 à 750 emplois",
            "about 700–750 jobs",
        ),
        (lambda lang: fmt.quantity(1, "patents", lang), "1 brevet", "1 patent"),
        (lambda lang: fmt.quantity(25, "count", lang, qualifier="exact"), "25", "25"),
    ],
)
def test_locale_formatting(call: object, fr: str, en: str) -> None:
    assert callable(call)
    assert (call("fr"), call("en")) == (fr, en)


@given(st.integers(0, 10**12))
def test_money_always_names_the_euro_and_its_digits(value: int) -> None:
    for lang in LANGS:
        shown = fmt.money(value, lang)
        assert "€" in shown and any(c.isdigit() for c in shown)


# -- validate in French ------------------------------------------------------------------------


def test_every_problem_code_has_its_french() -> None:
    from walcli.check.codes import table
    from walcli.i18n.messages.codes import FRENCH
    from walcli.schema.errors import SCHEMA_CODE

    names = {*table(), SCHEMA_CODE.name}
    assert sorted(names - set(FRENCH)) == []
    assert sorted(set(FRENCH) - names) == []  # no translation of a code that is gone


def test_validate_speaks_french(tmp_path: Path) -> None:
    from tests.conftest import Wal, build_registry

    root = build_registry(tmp_path / "registry")
    path = root / "data" / "poles" / "biowin.yaml"
    text = path.read_text(encoding="utf-8").replace("domain: biotech", "domain: biotec\ncolour: 1")
    path.write_text(text, encoding="utf-8")
    english = Wal(root)("validate")
    french = Wal(root)("validate", "--lang", "fr")
    assert (english.exit_code, french.exit_code) == (1, 1)
    assert "error [unknown-reference] no domain 'biotec'; did you mean biotech?" in english.stdout
    assert "erreur [unknown-reference] aucun domaine 'biotec' ; vouliez-vous dire biotech ?" in (
        french.stdout
    )
    assert "champ inattendu 'colour'" in french.stdout
    assert french.stderr.splitlines()[-1] == (
        f"7 fiches, 2 erreurs, 0 avertissement (registre {root.resolve()})"
    )
    assert "conseil [unknown-reference] : Utilisez l'un des identifiants suggérés" in french.stderr
    explained = Wal(root)("validate", "--explain", "unknown-reference", "--lang", "fr").stdout
    assert explained.splitlines()[0] == "unknown-reference (erreur)"
    markdown = Wal(root)("validate", "--format", "markdown", "--lang", "fr").stdout
    assert "dans 7 fichiers vérifiés : la vérification échoue" in markdown
