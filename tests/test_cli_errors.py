"""Wrong input on the command line: one clean line on stderr, exit status 1, never a traceback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fogline.cli import app
from fogline.commands.common import one_line

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
