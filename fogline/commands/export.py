"""``fogline export``: figures, events, statements, agreements, entities or tallies in several formats."""

from __future__ import annotations

import datetime
import re
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from fogline.commands.common import CliError, DbOption, clean_errors, err_console, open_db

SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".geojson": "geojson", ".hxl": "hxl"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None, option: str) -> str | None:
    """A period bound as YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is not None and (not DATE.match(value) or not _real_date(value)):
        raise CliError(f"{option} must be a date like 2026-01-08 (or 2026-01, 2026), not {value!r}")
    return value


def _real_date(value: str) -> bool:
    """True for a calendar date (2026-13-45 matches the pattern but is no date)."""
    parts = [int(p) for p in value.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def export_command(
    kind: Annotated[
        str, typer.Argument(help="figures, events, statements, agreements, entities or tallies.")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="jsonl, csv, acled, ucdp, geojson or hxl (default: from -o, else jsonl)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    db: DbOption = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only items dated on or after (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only items dated on or before (YYYY-MM-DD).")
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", help="Only items in this place (name or id).")
    ] = None,
) -> None:
    """Export stored records; events in ACLED, UCDP, GeoJSON and HXL formats are merged across reports."""
    from fogline.export import export

    with clean_errors():
        check_date(since, "--since")
        check_date(until, "--until")
        fmt = fmt or (SUFFIX_FORMATS.get(output.suffix.lower()) if output else None) or "jsonl"
        store = open_db(db)
        started = time.perf_counter()
        if output is None:
            n = export(store, kind, fmt, sys.stdout, since=since, until=until, place=place)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            tmp = output.with_name(output.name + ".part")
            with tmp.open("w", encoding="utf-8", newline="") as out:
                n = export(store, kind, fmt, out, since=since, until=until, place=place)
            tmp.replace(output)
        where = str(output) if output else "stdout"
        err_console.print(f"{n} {kind} written to {where} as {fmt} ({time.perf_counter() - started:.2f} s)")


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
