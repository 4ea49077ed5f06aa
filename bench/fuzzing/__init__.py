"""Fuzzing `wal`: mutate a copy of the real registry, run every command of the CLI on it, judge
each run by oracles that hold whatever the input.

Shared by `bench/fuzz.py` (long runs in subprocess workers) and `tests/test_fuzz.py` (a fixed
seed, a few seconds, in-process). Everything a case does is drawn from `Random(f"{seed}:{index}")`,
so a case is rebuilt identically from its seed and index, in any process.

A case is a folder:

    case/reg/       the registry: data/ and schemas/ copied from the repository, a git repo
                    whose one commit is the unmutated registry (so `wal diff HEAD` has history)
    case/outside/   files outside the root, targets of symlinks; they hold CANARY
    case/out/       scratch for commands that write; holds a file that must not be overwritten

The oracles (`judge`): no uncaught exception, exit code in {0, 1, 2}, no hang, bounded memory,
strict JSON / well-formed XML / YAML where promised, no raw control or bidi character in any
output, one line per GitHub annotation, a message on stderr whenever the exit code is not 0,
short messages, nothing read from outside the root, no file written by a command that only
reads, no record dropped from a listing without a word.
"""

from .cases import CaseResult, Template, build_case, case_rng, remove_tree, run_case, run_one
from .commands import Command, Invocation, discover, shell_quote
from .oracles import Failure, judge
from .running import Outcome, invoke, invoke_real

__all__ = [
    "CaseResult",
    "Command",
    "Failure",
    "Invocation",
    "Outcome",
    "Template",
    "build_case",
    "case_rng",
    "discover",
    "invoke",
    "invoke_real",
    "judge",
    "remove_tree",
    "run_case",
    "run_one",
    "shell_quote",
]
