"""Wrong input on the command line: one clean line on stderr, exit status 1, never a traceback."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fogline.cli import app
from fogline.commands.common import one_line
from fogline.store import Store, StoreError

runner = CliRunner()


def _fails_cleanly(args: list[str], expected: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [ln for ln in result.output.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1 and expected in lines[0], result.output


def test_impossible_dates_are_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    _fails_cleanly(["export", "events", "--db", db, "--since", "2026-13-45"], "--since must be a date")
    _fails_cleanly(["report", "--db", db, "--since", "2026-02-30", "-o", str(tmp_path / "r.md")], "--since")


def test_serve_on_a_taken_port_says_so(tmp_path: Path) -> None:
    Store(str(tmp_path / "f.db")).close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        _fails_cleanly(
            ["serve", "--db", str(tmp_path / "f.db"), "--port", str(port), "--anonymous-read"],
            f"cannot listen on 127.0.0.1:{port}",
        )


@pytest.mark.parametrize("port", ["0", "70000"])
def test_serve_port_out_of_range_is_a_usage_error(tmp_path: Path, port: str) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "f.db"), "--port", port])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_driver_errors_become_one_line() -> None:
    exc = RuntimeError(
        "cannot open database: connection refused\n\tIs the server running on that host?\n"
        "(Background on this error at: https://sqlalche.me/e/21/e3q8)"
    )
    assert one_line(exc) == "cannot open database: connection refused Is the server running on that host?"


def test_documents_table_fits_an_80_column_terminal(tmp_path: Path) -> None:
    from fogline.schema import Document, Extraction
    from fogline.store import Store

    db = str(tmp_path / "f.db")
    store = Store(db)
    title = "A very long headline about shelling, displacement and a ceasefire that did not hold"
    doc = Document(
        id="d1", text="Body.", title=title, outlet="The Very Long Outlet Name Daily", content_hash="d1"
    )
    store.save(Extraction(document=doc))
    store.close()
    result = runner.invoke(app, ["documents", "--db", db], terminal_width=80)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert all(len(ln.rstrip()) <= 80 for ln in lines), result.output
    assert any(ln.split()[-4:] == ["fig", "evt", "stm", "men"] for ln in lines), result.output


# -- --db pointing where no database is --------------------------------------------------------------------

READING_COMMANDS = [
    ["documents"],
    ["show", "abcd1234"],
    ["extract"],
    ["export", "figures"],
    ["report"],
    ["serve", "--anonymous-read"],
    ["users", "list"],
    ["users", "token", "nadia"],
    ["users", "role", "nadia", "admin"],
    ["users", "remove", "nadia"],
    ["users", "password", "nadia", "--password-stdin"],
]


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_reading_a_missing_database_names_it_and_creates_nothing(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "tpyo" / "x.db"
    _fails_cleanly([*command, "--db", str(typo)], f"database {typo} does not exist")
    assert not typo.parent.exists()
    here = tmp_path / "x.db"  # the folder exists, the file does not
    _fails_cleanly([*command, "--db", str(here)], f"database {here} does not exist")
    assert not here.exists()


def test_fogline_db_variable_is_checked_the_same_way(tmp_path: Path) -> None:
    typo = tmp_path / "nowhere" / "f.db"
    result = runner.invoke(app, ["documents"], env={"FOGLINE_DB": str(typo)})
    assert result.exit_code == 1 and f"database {typo} does not exist" in result.output
    assert not typo.parent.exists()


def test_writing_into_a_missing_folder_names_the_folder(tmp_path: Path, seeds_free_text: Path) -> None:
    typo = tmp_path / "tpyo" / "x.db"
    for command in (
        ["ingest", str(seeds_free_text)],
        ["demo"],
        ["users", "add", "nadia", "--password-stdin"],
    ):
        result = runner.invoke(app, [*command, "--db", str(typo)], input="long-password\n")
        assert result.exit_code == 1, result.output
        errors = [ln for ln in result.output.splitlines() if ln.startswith("error:")]
        assert len(errors) == 1 and f"folder {typo.parent} does not exist" in errors[0], result.output
        assert not typo.parent.exists()


def test_writing_creates_the_file_in_an_existing_folder(tmp_path: Path, seeds_free_text: Path) -> None:
    db = tmp_path / "new.db"
    result = runner.invoke(app, ["ingest", str(seeds_free_text), "--db", str(db), "--no-extract"])
    assert result.exit_code == 0, result.output
    assert db.is_file()
    listed = runner.invoke(app, ["documents", "--db", str(db), "--json"])
    assert listed.exit_code == 0 and len(json.loads(listed.output)) == 1


def test_library_opener_create_flag(tmp_path: Path) -> None:
    from fogline.store import StoreMissing, open_store

    with pytest.raises(StoreMissing, match="does not exist"):
        open_store(str(tmp_path / "x.db"), create=False)
    with pytest.raises(StoreMissing, match="folder"):
        open_store(str(tmp_path / "a" / "x.db"))
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "a").exists()
    open_store(str(tmp_path / "x.db")).close()
    open_store(str(tmp_path / "x.db"), create=False).close()
    with pytest.raises(StoreError, match="is a folder"):
        open_store(str(tmp_path), create=False)


@pytest.fixture
def seeds_free_text(tmp_path: Path) -> Path:
    """One small hand-written report to ingest."""
    path = tmp_path / "input" / "report.txt"
    path.parent.mkdir()
    path.write_text("Water trucks reached the camp on Monday after a week of fighting nearby.\n")
    return path
