"""Schema migrations: registered functions, each applied once in a transaction with its record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select, text

from fogline.store.search import SEARCH_COLUMNS, create_search_indexes
from fogline.store.tables import TABLES, metadata, migrations_table, settings_table

Migration = Callable[[Connection], None]
MIGRATIONS: dict[str, Migration] = {}


def migration(name: str) -> Callable[[Migration], Migration]:
    """Register a migration under a name that sorts in the order it must run (``0001_...``)."""

    def register(fn: Migration) -> Migration:
        MIGRATIONS[name] = fn
        return fn

    return register


@migration("0001_initial")
def _initial(conn: Connection) -> None:
    metadata.create_all(conn, tables=list(TABLES.values()))


@migration("0002_report_runs")
def _report_runs(conn: Connection) -> None:
    """The record of generated situation reports (``ReportRun``), for "what changed since the last report"."""
    TABLES["report_runs"].create(conn, checkfirst=True)


@migration("0003_settings")
def _settings(conn: Connection) -> None:
    """Per-database settings (the web app's session signing secret)."""
    settings_table.create(conn, checkfirst=True)


# Each listing's sort order (newest first, then id), so that a page of the web app, the API or an export is an
# index walk rather than a sort, and composite indexes for frequent filters that also cover the review-status
# condition (figures of one measure over a period, items in a set of places). Frozen with the migration: a
# listing that changes its order needs a new migration. The names are the ones the web app used to create at
# start-up, so databases that already have them are left as they are.
LISTING_INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("documents", ("published", "id")),
    ("figures", ("date_start", "id")),
    ("events", ("date_start", "id")),
    ("statements", ("date_start", "id")),
    ("agreements", ("date", "id")),
    ("facility_impacts", ("date_start", "id")),
    ("mentions", ("document_id", "start")),
    ("figures", ("measure", "date_start", "date_end", "review_status")),
    ("figures", ("place_id", "review_status")),
    ("events", ("place_id", "review_status")),
)


def index_name(table: str, columns: tuple[str, ...]) -> str:
    return f"ix_web_{table}_{'_'.join(columns)}"


@migration("0004_listing_indexes")
def _listing_indexes(conn: Connection) -> None:
    """Indexes for the listings' sort orders and common filters (``IF NOT EXISTS``: SQLite and PostgreSQL)."""
    quote = conn.dialect.identifier_preparer.quote
    for table, columns in LISTING_INDEXES:
        conn.execute(
            text(
                f"CREATE INDEX IF NOT EXISTS {quote(index_name(table, columns))} "
                f"ON {quote(table)} ({', '.join(map(quote, columns))})"
            )
        )


@migration("0005_search_indexes")
def _search_indexes(conn: Connection) -> None:
    """Text indexes for search: SQLite FTS5 trigram tables kept by triggers, PostgreSQL pg_trgm."""
    create_search_indexes(conn, SEARCH_COLUMNS)


def migrate(engine: Engine, upto: str | None = None) -> list[str]:
    """Apply every migration not yet recorded (up to and including ``upto``); return the names applied."""
    if upto is not None and upto not in MIGRATIONS:
        raise KeyError(f"no migration {upto!r}")
    migrations_table.create(engine, checkfirst=True)
    applied: list[str] = []
    for name in sorted(MIGRATIONS):
        if upto is not None and name > upto:
            break
        with engine.begin() as conn:
            done = conn.execute(
                select(migrations_table.c.name).where(migrations_table.c.name == name)
            ).first()
            if done:
                continue
            MIGRATIONS[name](conn)
            conn.execute(
                migrations_table.insert().values(name=name, applied_at=datetime.now(UTC).isoformat())
            )
            applied.append(name)
    return applied


def missing_tables(engine: Engine) -> list[str]:
    """Tables declared in the schema but absent from the database (a stale or foreign database)."""
    present = set(inspect(engine).get_table_names())
    return [name for name in TABLES if name not in present]
