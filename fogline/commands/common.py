"""Options and error handling shared by every command."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console

from fogline.store import Store, StoreError, StoreMissing, open_store

console = Console(stderr=False)
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="FOGLINE_DB", help="Database URL or SQLite file (default ./fogline.db)."),
]


MISSING_HINT = " (create one with `fogline ingest` or `fogline demo`, or check --db / FOGLINE_DB)"


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 1."""


def one_line(exc: BaseException) -> str:
    """An error message on one line: driver messages span several, SQLAlchemy adds a link to its docs."""
    lines = [ln.strip() for ln in str(exc).splitlines()]
    return " ".join(ln for ln in lines if ln and not ln.startswith("(Background on this error"))


@contextmanager
def clean_errors() -> Iterator[None]:
    """Turn library errors into one clean line on stderr and exit status 1 — never a traceback."""
    try:
        yield
    except typer.Exit:
        raise
    except (CliError, StoreError, OSError, ValueError) as exc:
        err_console.print(f"[red]error:[/red] {one_line(exc)}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        err_console.print("interrupted")
        raise typer.Exit(130) from None
    except Exception as exc:  # last resort: still no traceback for users
        err_console.print(
            f"[red]error:[/red] {type(exc).__name__}: {one_line(exc)}", highlight=False, soft_wrap=True
        )
        if "--debug" in sys.argv:
            raise
        raise typer.Exit(1) from None


def open_db(db: str | None, *, create: bool = False) -> Store:
    """The store of ``--db``: commands that only read or change stored data need an existing database;
    commands that add data (``create=True``) may create the file, but never a missing folder."""
    try:
        return open_store(db, create=create)
    except StoreMissing as exc:
        raise CliError(f"{exc}{'' if create else MISSING_HINT}") from None
