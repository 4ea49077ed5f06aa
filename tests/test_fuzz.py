"""Property: whatever a contributor does to the registry's files, every command of `wal`
answers with a message and a documented exit code: no traceback, no hang, no runaway memory, no
raw escape sequence or bidi override on the terminal, strict JSON where JSON is promised.

A fixed seed draws CASES mutations of the real registry (bench/fuzzing: values of every type
at every path, odd numbers, nested sources, tags, aliases, truncation, bytes, encodings, file
names, symlinks, broken schemas, a damaged git history...). Each case runs a few of the
commands found in the typer app, taken in turn so that every command comes up, each with a
format drawn from its own. `python bench/fuzz.py` runs all of them on each mutation, for as
long as you like; a failure here is replayed there with
`python bench/fuzz.py --seed SEED --start INDEX --runs 1 --keep DIR`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.fuzzing import Invocation, Template, discover, run_case
from walcli.cli import app

pytestmark = pytest.mark.slow  # fresh interpreters or many generated cases: the slow set

# Of seeds 1 to 12, the one whose cases met the most kinds of failure (six, none a hang) on
# the code this harness was written against (7ac9d56); any seed states the same property.
SEED = 2
CASES = 40
PER_CASE = 2  # command runs per case
COMMANDS = discover(app)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return Template(tmp_path_factory.mktemp("fuzz"))


def test_every_command_of_the_app_is_fuzzed() -> None:
    names = {command.name for command in COMMANDS}
    assert {"poles list", "poles show", "validate", "search", "diff", "stats"} <= names


@pytest.mark.property
@pytest.mark.parametrize("index", range(CASES))
def test_no_mutation_of_the_registry_breaks_a_command(
    index: int, template: Template, tmp_path: Path
) -> None:
    def in_turn(runs: list[Invocation]) -> list[Invocation]:
        chosen = [runs[(index * PER_CASE + k) % len(runs)] for k in range(PER_CASE)]
        return [run for run in chosen if not run.real]  # in-process only: a second each

    result = run_case(
        app,
        template,
        tmp_path,
        SEED,
        index,
        COMMANDS,
        pick=in_turn,
        timeout=10.0,
        memory_mb=1024,
    )
    assert result.runs > 0
    if result.failures:
        pytest.fail("\n\n".join(f.report() for f in result.failures), pytrace=False)
