"""CLI command groups. Each module has ``register(app)``; the list below is the CLI."""

from __future__ import annotations

import importlib

import typer

COMMAND_MODULES = (
    "fogline.commands.ingest",  # ingest, documents, show, extract
    "fogline.commands.demo",  # demo
    "fogline.commands.export",  # export
    "fogline.commands.evaluation",  # eval, bench
    "fogline.commands.report",  # report
    "fogline.commands.serve",  # serve, users
)


def register_all(app: typer.Typer) -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a command group not built yet
                continue
            raise
        module.register(app)
