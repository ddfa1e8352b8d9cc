"""``fogline report``: write the situation report (.md, .html or .pdf)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from fogline.commands.common import DbOption, clean_errors, console, open_db
from fogline.commands.export import check_date


def report_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="Report file: .md, .html or .pdf.")] = Path(
        "report.md"
    ),
    since: Annotated[
        str | None, typer.Option("--since", help="Only what is dated on or after (YYYY-MM-DD).")
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", help="Only this place and the places in it.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Reconcile the store and write the situation report; the format follows the file suffix."""
    from fogline.report import write_report

    with clean_errors():
        check_date(since, "--since")
        store = open_db(db)
        started = time.perf_counter()
        path = write_report(store, output, since=since, place=place)
        console.print(f"report written to {path} ({time.perf_counter() - started:.2f} s)", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
