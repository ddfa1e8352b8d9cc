"""``fogline ingest``, ``documents``, ``show`` and ``extract``: thin wrappers over ``fogline.ingest``."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from fogline.commands.common import DbOption, clean_errors, console, err_console, open_db
from fogline.ingest import (
    DEFAULT_MAX_BYTES,
    ExtractSummary,
    IngestSummary,
    default_processes,
    expand_sources,
    extract_stored,
    ingest,
)
from fogline.ingest.catalog import all_document_ids, list_documents, resolve_document
from fogline.ingest.remote import DEFAULT_TIMEOUT


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[str], None] | None]:
    """A progress bar on stderr for batches of more than one item; None for a single item."""
    if total <= 1:
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
    )
    # redrawn on each item, with no refresh thread: extraction forks worker processes, and a fork must not
    # copy a thread that may hold the console's lock
    with Progress(*columns, console=err_console, transient=True, auto_refresh=False) as bar:
        task = bar.add_task(label, total=total, current="")

        def advance(item: str) -> None:
            bar.update(task, advance=1, current=item[-60:], refresh=True)

        yield advance


ProcessesOption = Annotated[
    int | None,
    typer.Option(
        "--processes",
        min=1,
        help="Processes for extraction (default: 2 on a machine with 2+ cores, else 1).",
    ),
]


def _print_failures(failed: list[tuple[str, str]]) -> None:
    for source, reason in failed:
        err_console.print(
            f"[red]failed:[/red] {escape(source)}: {escape(reason)}", highlight=False, soft_wrap=True
        )


def _ingest_table(summary: IngestSummary) -> Table:
    table = Table(title="Ingest", show_header=False)
    table.add_row("ingested", str(summary.ingested))
    table.add_row("duplicates (skipped)", str(summary.duplicates))
    table.add_row("near-duplicates (stored, linked)", str(summary.near_duplicates))
    table.add_row("failed", str(len(summary.failed)))
    return table


def ingest_command(
    sources: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or http(s) URLs.")],
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Publication date for every document (YYYY-MM-DD); overrides dates in the sources.",
        ),
    ] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow URLs on loopback/private network addresses.")
    ] = False,
    no_extract: Annotated[
        bool, typer.Option("--no-extract", help="Store the documents only; run `fogline extract` later.")
    ] = False,
    max_size: Annotated[
        float, typer.Option("--max-size", help="Largest file or download to accept, in MB.")
    ] = DEFAULT_MAX_BYTES / 2**20,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for a URL.")] = DEFAULT_TIMEOUT,
    processes: ProcessesOption = None,
) -> None:
    """Read reports (text, Markdown, HTML, PDF, JSON Lines, RSS/Atom, URLs), extract and store them."""
    with clean_errors():
        store = open_db(db, create=True)
        try:
            total = len(expand_sources(sources))
            with _progress(total, "ingesting") as advance:
                summary = ingest(
                    store,
                    sources,
                    published=published,
                    allow_private=allow_private,
                    extract_items=not no_extract,
                    progress=advance,
                    max_bytes=int(max_size * 2**20),
                    timeout=timeout,
                    n_process=processes or default_processes(),
                )
        finally:
            store.close()
        console.print(_ingest_table(summary))
        _print_failures(summary.failed)
        if summary.failed:
            raise typer.Exit(1)


COUNT_COLUMNS = ("figures", "events", "statements", "mentions")
COUNT_HEADERS = {"figures": "fig", "events": "evt", "statements": "stm", "mentions": "men"}
OUTLET_WIDTH = 16


def documents_command(
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published on or before (YYYY-MM-DD).")] = None,
    search: Annotated[str | None, typer.Option("--search", help="A word in the title or text.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many documents.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """List stored documents, newest first, with the number of items extracted from each."""
    with clean_errors():
        store = open_db(db)
        try:
            rows = list_documents(store, outlet=outlet, since=since, until=until, search=search, limit=limit)
        finally:
            store.close()
        if as_json:
            console.print_json(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False))
            return
        table = Table(title=f"{len(rows)} document{'s' if len(rows) != 1 else ''}", box=box.SIMPLE_HEAD)
        table.add_column("id", no_wrap=True, min_width=8)
        table.add_column("published", no_wrap=True, min_width=11)
        outlet_width = OUTLET_WIDTH if console.width >= 110 else 10
        # what the other columns leave: id 8, date 11, outlet, the counts, 3 between columns
        other = 8 + 11 + outlet_width + 3 * len(COUNT_COLUMNS) + 3 * (4 + len(COUNT_COLUMNS)) + 1
        width = max(10, console.width - other)
        table.add_column("outlet", overflow="ellipsis", no_wrap=True, min_width=6, max_width=outlet_width)
        table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=width)
        for name in COUNT_COLUMNS:
            table.add_column(COUNT_HEADERS[name], justify="right", no_wrap=True, min_width=3)
        for r in rows:
            date = (r.published or "—") + ("*" if r.published_inferred else "")
            title = r.title or (r.path or r.url or "")
            if r.near_duplicate_of:
                title += f" (copy of {r.near_duplicate_of[:8]})"
            table.add_row(
                r.id[:8],
                date,
                escape(r.outlet or ""),
                escape(title if len(title) <= width else title[: width - 1] + "…"),
                *(str(r.counts[k]) for k in COUNT_COLUMNS),
            )
        if any(r.published_inferred for r in rows):
            table.caption = "* publication date inferred from the text"
        console.print(table)


def show_command(
    doc: Annotated[str, typer.Argument(help="Document id or a unique prefix of it.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False,
) -> None:
    """Print a document's metadata and text."""
    with clean_errors():
        store = open_db(db)
        try:
            document = resolve_document(store, doc)
        finally:
            store.close()
        data = document.to_dict()
        if as_json:
            console.print_json(json.dumps(data, ensure_ascii=False, default=str))
            return
        table = Table(show_header=False, box=None)
        for key in ("id", "title", "outlet", "published", "url", "path", "source_format", "language"):
            value = data.get(key)
            if key == "published" and value and document.published_inferred:
                value = f"{value} (inferred from the text)"
            table.add_row(key, escape(str(value)) if value else "—")
        if document.near_duplicate_of:
            table.add_row("near duplicate of", document.near_duplicate_of)
        table.add_row("ingested", document.ingested_at)
        table.add_row("extracted with", document.extracted_with or "— (not extracted)")
        console.print(table)
        console.print()
        console.print(escape(document.text), highlight=False)


def extract_command(
    docs: Annotated[
        list[str] | None, typer.Argument(help="Document ids or prefixes (all documents when none).")
    ] = None,
    db: DbOption = None,
    processes: ProcessesOption = None,
) -> None:
    """Re-run extraction on stored documents; items a reviewer has touched are kept."""
    with clean_errors():
        store = open_db(db)
        try:
            ids = list(docs) if docs else all_document_ids(store)
            with _progress(len(ids), "extracting") as advance:
                summary: ExtractSummary = extract_stored(
                    store, ids, progress=advance, n_process=processes or default_processes()
                )
        finally:
            store.close()
        console.print(f"extracted {summary.extracted} document{'s' if summary.extracted != 1 else ''}")
        _print_failures(summary.failed)
        if summary.failed:
            raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("documents")(documents_command)
    app.command("show")(show_command)
    app.command("extract")(extract_command)
