"""``fogline demo``: the main job on the bundled example corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from fogline.commands.common import DbOption, clean_errors, console, open_db


def demo(
    db: DbOption = None,
    examples: Annotated[
        Path | None, typer.Option(help="Corpus folder (default: the bundled examples/).")
    ] = None,
    report: Annotated[
        Path, typer.Option("--report", "-o", help="Where to write the situation report.")
    ] = Path("report.html"),
) -> None:
    """Ingest the example corpus, run every stage, print a summary and write the situation report."""
    from fogline.demo import run_demo

    with clean_errors():
        store = open_db(db, create=True)
        with console.status("running the demo …"):
            summary = run_demo(store, examples=examples, report_path=report)
        table = Table(title=f"Fogline demo ({summary.seconds:.1f} s)")
        table.add_column("what")
        table.add_column("count", justify="right")
        table.add_row("documents ingested now", str(summary.ingested))
        table.add_row("already stored", str(summary.duplicates))
        for name, count in summary.counts.items():
            table.add_row(f"{name} in store", str(count))
        console.print(table)
        for source, reason in summary.failed:
            console.print(f"[red]failed[/red] {source}: {reason}", highlight=False)
        if summary.report_path:
            console.print(f"report written to [bold]{summary.report_path}[/bold]")
        console.print(f"database: {store.url}")
        if summary.failed:
            raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(demo)
