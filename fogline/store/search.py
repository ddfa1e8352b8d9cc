"""Text indexes for substring search: SQLite FTS5 (trigram tokenizer) and PostgreSQL ``pg_trgm``.

Search means "one of the item's text columns contains this string, ignoring ASCII case" (``ILIKE '%q%'``).
The indexes only narrow the candidates and the ``ILIKE`` condition is always applied, so a search finds the
same items, in the same order, with or without them:

- SQLite: per table ``T``, a trigram FTS5 table ``fts_T`` with a copy of the searched columns, its rows keyed
  by ``fts_T_ids`` (integer key <-> item id; an explicit integer key is stable under ``VACUUM``), kept in sync
  by triggers on ``T`` whoever writes (``Store.save``, ``put``, reviews, bulk inserts). For a query of 3 or
  more characters the ids matching ``MATCH '"q"'`` are read first (the trigram tokenizer folds case, so they
  are a superset) and the listing becomes ``id IN (those) AND ILIKE``; when they are more than a tenth of the
  table a scan is cheaper (and a listing sorted by date stops at its first page), so the index is skipped.
- PostgreSQL: one GIN ``gin_trgm_ops`` index per table over its searched columns joined by spaces, when the
  ``pg_trgm`` extension is installed or may be created (it is a trusted extension); a search adds
  ``<that same expression> ILIKE '%q%'`` (a superset, found through the index) before the exact condition.
- Otherwise (SQLite built without FTS5, PostgreSQL without ``pg_trgm``, queries under 3 characters, columns
  that no index covers): the plain ``ILIKE`` scan.
"""

from __future__ import annotations

import json
import sqlite3
import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Connection,
    String,
    Text,
    and_,
    bindparam,
    cast,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement

from fogline.store.tables import TABLES

if TYPE_CHECKING:
    from fogline.store import Store

# The text columns each searchable table is searched on (the web app's and API's ``q``). Frozen with
# migration 0005: searching other columns still works (by a scan) until a migration indexes them.
SEARCH_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("title", "text"),
    "entities": ("name", "aliases"),
    "figures": ("quote", "number_text", "source", "place", "side"),
    "events": ("quote", "place", "actor1", "actor2", "event_type", "sub_event_type"),
    "statements": ("quote", "speaker", "target"),
    "agreements": ("quote", "name", "parties"),
    "facility_impacts": ("quote", "facility", "facility_type"),
}

MIN_QUERY_CHARS = 3  # a trigram index cannot look up shorter strings
# A string found in more than 1/SCAN_FRACTION of a table's rows (and more than SCAN_MIN_ROWS) is searched by a
# scan: reading every row is then cheaper than fetching each match through the index, and a listing sorted
# by date can stop at its first page of matches.
SCAN_FRACTION = 10
SCAN_MIN_ROWS = 1000
SCAN_MAX_ROWS = 50_000


def like_pattern(value: str) -> str:
    """``%value%`` with the LIKE wildcards in ``value`` escaped (escape character ``\\``)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def ilike(col: Any, value: str, dialect: str | None = None) -> ColumnElement[bool]:
    """``col`` contains ``value``, ignoring case (non-text columns compared as their text).

    On SQLite ``LIKE`` alone already ignores ASCII case, exactly as the ``lower(col) LIKE lower(value)`` that
    ``ilike`` means there (neither folds other letters without ICU), and twice as fast: pass ``dialect``.
    """
    if not isinstance(col.type, String):
        col = cast(col, String)
    pattern = like_pattern(value)
    result: ColumnElement[bool] = (
        col.like(pattern, escape="\\") if dialect == "sqlite" else col.ilike(pattern, escape="\\")
    )
    return result


# -- creating the indexes (migration 0005) ----------------------------------------------------------------


def sqlite_has_trigram(conn: Connection) -> bool:
    """SQLite 3.34+ compiled with FTS5 (the trigram tokenizer came with 3.34)."""
    if sqlite3.sqlite_version_info < (3, 34):
        return False
    options = {row[0] for row in conn.exec_driver_sql("PRAGMA compile_options")}
    return "ENABLE_FTS5" in options


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_fts5(conn: Connection, columns: dict[str, tuple[str, ...]]) -> None:
    if not sqlite_has_trigram(conn):
        return
    for table, cols in columns.items():
        fts, ids = f"fts_{table}", f"fts_{table}_ids"
        listed = ", ".join(_q(c) for c in cols)
        new = ", ".join(f"new.{_q(c)}" for c in cols)
        assign = ", ".join(f"{_q(c)} = new.{_q(c)}" for c in cols)
        statements = [
            f"CREATE TABLE IF NOT EXISTS {ids} (rid INTEGER PRIMARY KEY, id VARCHAR(64) NOT NULL UNIQUE)",
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({listed}, tokenize='trigram')",
            f"INSERT INTO {ids} (id) SELECT id FROM {_q(table)} WHERE id NOT IN (SELECT id FROM {ids})",
            f"DELETE FROM {fts}",
            f"INSERT INTO {fts} (rowid, {listed}) SELECT m.rid, {', '.join(f't.{_q(c)}' for c in cols)} "
            f"FROM {_q(table)} AS t JOIN {ids} AS m ON m.id = t.id",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {_q(table)} BEGIN "
            f"INSERT INTO {ids} (id) VALUES (new.id); "
            f"INSERT INTO {fts} (rowid, {listed}) VALUES ((SELECT rid FROM {ids} WHERE id = new.id), {new}); "
            "END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {_q(table)} BEGIN "
            f"DELETE FROM {fts} WHERE rowid = (SELECT rid FROM {ids} WHERE id = old.id); "
            f"DELETE FROM {ids} WHERE id = old.id; "
            "END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF id, {listed} ON {_q(table)} BEGIN "
            f"UPDATE {ids} SET id = new.id WHERE id = old.id; "
            f"UPDATE {fts} SET {assign} WHERE rowid = (SELECT rid FROM {ids} WHERE id = new.id); "
            "END",
        ]
        for statement in statements:
            conn.exec_driver_sql(statement)


def postgres_has_trgm(conn: Connection) -> bool:
    """``pg_trgm`` is installed, or could be installed now by this role."""
    if conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first():
        return True
    if not conn.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").first():
        return False
    savepoint = conn.begin_nested()
    try:
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError:  # not allowed here: search stays a scan
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def trgm_index_name(table: str) -> str:
    return f"ix_trgm_{table}"


def searched_text_sql(table: str, cols: Iterable[str], qualifier: str = "") -> str:
    """The searched columns joined by spaces, as SQL: what the pg_trgm index holds and queries repeat.

    Written out once for both so that PostgreSQL sees the same expression (JSON columns as their text).
    """
    parts = []
    for col in cols:
        ref = f"{qualifier}{_q(col)}"
        if isinstance(TABLES[table].c[col].type, JSON):
            ref = f"CAST({ref} AS VARCHAR)"
        parts.append(f"coalesce({ref}, '')")
    return "(" + " || ' ' || ".join(parts) + ")"


def _create_trgm(conn: Connection, columns: dict[str, tuple[str, ...]]) -> None:
    """One GIN index per table over its searched columns joined (one index scan, which the planner prefers
    to a seq scan where five OR-ed column indexes looked dearer to it); the comment lists the columns."""
    if not postgres_has_trgm(conn):
        return
    for table, cols in columns.items():
        name = _q(trgm_index_name(table))
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS {name} ON {_q(table)} USING gin ({searched_text_sql(table, cols)} "
            "gin_trgm_ops)"
        )
        conn.exec_driver_sql(f"COMMENT ON INDEX {name} IS '{' '.join(cols)}'")


CREATORS: dict[str, Callable[[Connection, dict[str, tuple[str, ...]]], None]] = {
    "sqlite": _create_fts5,
    "postgresql": _create_trgm,
}


def create_search_indexes(conn: Connection, columns: dict[str, tuple[str, ...]] | None = None) -> None:
    """Create the text indexes this database supports (nothing when it supports none)."""
    creator = CREATORS.get(conn.dialect.name)
    if creator is not None:
        creator(conn, dict(columns or SEARCH_COLUMNS))


# -- using them ---------------------------------------------------------------------------------------------

_INDEXED: weakref.WeakKeyDictionary[Store, dict[str, tuple[str, ...]]] = weakref.WeakKeyDictionary()


def _sqlite_has_json(conn: Connection) -> bool:
    try:
        conn.exec_driver_sql("SELECT count(*) FROM json_each('[1]')")
    except DBAPIError:
        return False
    return True


def _fts5_indexed(conn: Connection) -> dict[str, tuple[str, ...]]:
    if not _sqlite_has_json(conn):
        return {}
    names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    found = {}
    for table in TABLES:
        if f"fts_{table}" in names and f"fts_{table}_ids" in names:
            info = conn.exec_driver_sql(f"PRAGMA table_info({_q('fts_' + table)})")
            found[table] = tuple(r[1] for r in info)
    return found


def _trgm_indexed(conn: Connection) -> dict[str, tuple[str, ...]]:
    rows = conn.exec_driver_sql(
        "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind = 'i' AND n.nspname = current_schema() AND starts_with(c.relname, 'ix_trgm_')"
    )
    by_name = {trgm_index_name(table): table for table in TABLES}
    return {by_name[name]: tuple((comment or "").split()) for name, comment in rows if name in by_name}


INDEX_READERS: dict[str, Callable[[Connection], dict[str, tuple[str, ...]]]] = {
    "sqlite": _fts5_indexed,
    "postgresql": _trgm_indexed,
}


def indexed_columns(store: Store) -> dict[str, tuple[str, ...]]:
    """The columns each table's text index covers (read once per store; empty without text indexes)."""
    found = _INDEXED.get(store)
    if found is None:
        reader = INDEX_READERS.get(store.dialect)
        found = {}
        if reader is not None:
            with store.engine.connect() as conn:
                found = reader(conn)
        _INDEXED[store] = found
    return found


def text_condition(store: Store, table_name: str, columns: Iterable[str], q: str) -> ColumnElement[bool]:
    """Items of ``table_name`` with ``q`` in one of ``columns`` (ignoring case), through an index if any."""
    cols = tuple(columns)
    table = TABLES[table_name]
    exact = or_(*(ilike(table.c[c], q, store.dialect) for c in cols))
    indexed = indexed_columns(store).get(table_name)
    if not indexed or not set(cols) <= set(indexed) or len(q) < MIN_QUERY_CHARS:
        return exact
    narrowing = NARROWERS[store.dialect](store, table_name, cols, indexed, q)
    return exact if narrowing is None else and_(narrowing, exact)


def _fts5_narrowing(
    store: Store, table_name: str, cols: tuple[str, ...], indexed: tuple[str, ...], q: str
) -> ColumnElement[bool] | None:
    phrase = "{" + " ".join(cols) + '} : "' + q.replace('"', '""') + '"'
    ids = _matching_ids(store, f"fts_{table_name}", phrase)
    if ids is None:  # too common to be worth the index
        return None
    # the matches are looked up once; the listing's count and page both read them from one JSON parameter
    found = func.json_each(bindparam("fts_ids", json.dumps(ids), unique=True)).table_valued("value")
    return TABLES[table_name].c.id.in_(select(found.c.value))


def _trgm_narrowing(
    store: Store, table_name: str, cols: tuple[str, ...], indexed: tuple[str, ...], q: str
) -> ColumnElement[bool] | None:
    # every indexed column, even when fewer are searched: the same expression as the index, and a superset
    joined = literal_column(searched_text_sql(table_name, indexed, f"{_q(table_name)}."), Text)
    narrowing: ColumnElement[bool] = joined.ilike(like_pattern(q), escape="\\")
    return narrowing


NARROWERS: dict[
    str, Callable[[Store, str, tuple[str, ...], tuple[str, ...], str], ColumnElement[bool] | None]
] = {
    "sqlite": _fts5_narrowing,
    "postgresql": _trgm_narrowing,
}


def _matching_ids(store: Store, fts: str, phrase: str) -> list[str] | None:
    """Ids of the rows the index matches, or None when they are too many for the index to beat a scan."""
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"SELECT max(rid) FROM {fts}_ids").scalar() or 0
        cap = min(SCAN_MAX_ROWS, max(SCAN_MIN_ROWS, int(rows) // SCAN_FRACTION))
        found = conn.execute(
            text(
                f"SELECT {fts}_ids.id FROM {fts} JOIN {fts}_ids ON {fts}_ids.rid = {fts}.rowid "
                f"WHERE {fts} MATCH :phrase LIMIT :cap"
            ),
            {"phrase": phrase, "cap": cap + 1},
        ).all()
    return [r[0] for r in found] if len(found) <= cap else None
