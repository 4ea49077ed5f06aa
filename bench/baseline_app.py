"""The floor for `wal` start-up: a minimal typer app with one command printing a small rich table.

Benchmark 1 (bench/bench_list.py) compares `wal poles list --domain biotech` against this.
"""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False)


@app.command()
def main() -> None:
    """Print a small table."""
    table = Table("id", "name", "domain")
    table.add_row("biowin", "BioWin", "biotech")
    table.add_row("skywin", "Skywin", "aerospace")
    Console().print(table)


if __name__ == "__main__":
    app()
