"""Every problem code has a case a reader can open. Codes come from the one table
(walcli.check.codes), never from a list kept here: a new rule, loader check or code without a
case fails this test.

A case is a folder of tests/fixtures_rules/ whose expected.txt names the code, or a file of
tests/examples/invalid/ that announces it. The few conditions git cannot hold as files (a
link, a folder named like a record, a file over the size limit) are made by named tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import test_examples
from walcli.check.codes import registry_codes
from walcli.check.rules import RULES

TESTS = Path(__file__).parent
RULE_CASES = TESTS / "fixtures_rules"
EXAMPLES = TESTS / "examples" / "invalid"
_EXPECT = re.compile(r"^# expect: (\S+) ", re.MULTILINE)

# code -> the test in tests/test_examples.py that builds its case on the fly
MADE_BY_TESTS = {
    "file-too-large": "test_a_huge_file_is_refused_without_reading_it_all",
    "not-a-file": "test_a_folder_named_like_a_record_is_not_a_file",
    "link-outside-root": "test_a_link_outside_the_registry_is_refused",
}


def folder_cases() -> dict[str, set[str]]:
    """code -> the rule case folders whose expected problems name it."""
    found: dict[str, set[str]] = {}
    for expected in sorted(RULE_CASES.glob("*/expected.txt")):
        for line in expected.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                found.setdefault(line.rsplit(": ", 1)[1], set()).add(expected.parent.name)
    return found


def example_cases() -> dict[str, set[str]]:
    """code -> the example files that announce it (in the file or its .expect sidecar)."""
    found: dict[str, set[str]] = {}
    for path in sorted(EXAMPLES.iterdir()):
        text = path.read_bytes().decode("utf-8", "replace")
        for code in _EXPECT.findall(text):
            found.setdefault(code, set()).add(path.name.removesuffix(".expect"))
    return found


def test_every_rule_code_has_a_committed_case() -> None:
    cases = folder_cases().keys() | example_cases().keys()
    missing = [code.name for rule in RULES for code in rule.codes if code.name not in cases]
    assert missing == [], "add a folder to tests/fixtures_rules/ or a file to examples/invalid/"


@pytest.mark.parametrize("code", sorted(registry_codes()))
def test_every_code_has_a_case(code: str) -> None:
    if code in MADE_BY_TESTS:
        assert callable(getattr(test_examples, MADE_BY_TESTS[code], None)), MADE_BY_TESTS[code]
        return
    assert code in folder_cases() or code in example_cases(), f"no case shows {code}"


def test_a_case_only_names_codes_of_the_table() -> None:
    known = registry_codes().keys()
    named = folder_cases().keys() | example_cases().keys()
    assert sorted(c for c in named if c not in known and not c.startswith("schema-")) == []
