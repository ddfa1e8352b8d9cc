"""Schema migrations: registered functions, each applied once in a transaction with its record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

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


def migrate(engine: Engine) -> list[str]:
    """Apply every migration not yet recorded; return the names applied."""
    migrations_table.create(engine, checkfirst=True)
    applied: list[str] = []
    for name in sorted(MIGRATIONS):
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
