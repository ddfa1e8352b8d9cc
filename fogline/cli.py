"""The ``fogline`` command line: a thin layer; every command calls one library function."""

from __future__ import annotations

import typer

from fogline.commands import register_all

app = typer.Typer(
    name="fogline",
    help="Turn crisis reporting into a dated, sourced, reconciled record of a conflict. Runs offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
register_all(app)


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
