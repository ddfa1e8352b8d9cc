"""``fogline eval`` (score against a labelled data set) and ``fogline bench`` (throughput and memory)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from fogline.commands.common import CliError, clean_errors, console

JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")]


def measures_table(title: str, result: dict[str, Any]) -> Table:
    """Scalar measures as rows; lists and nested dicts (examples, timings) are left to ``--json``."""
    table = Table(title=title)
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in result.items():
        if isinstance(value, (int, float, str)) or value is None:
            table.add_row(key, f"{value:.4g}" if isinstance(value, float) else str(value))
    return table


def eval_command(
    dataset: Annotated[str, typer.Argument(help="Data set: fakes, case2021 or acled.")],
    path: Annotated[Path, typer.Argument(help="The labelled file in that data set's format.")],
    as_json: JsonOption = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N rows.")] = None,
) -> None:
    """Score the pipeline on a labelled data set (FA-KES, CASE 2021 task 2, an ACLED export)."""
    from fogline.evaluate import SCORER_MODULES, evaluate

    with clean_errors():
        if dataset not in SCORER_MODULES:
            raise CliError(f"unknown data set {dataset!r}; choose one of {', '.join(sorted(SCORER_MODULES))}")
        if not path.is_file():
            raise CliError(f"{path}: no such file")
        if as_json:
            result = evaluate(dataset, path, limit=limit)
            typer.echo(json.dumps(result, ensure_ascii=False, default=str))
            return
        with console.status(f"scoring {dataset} …"):
            result = evaluate(dataset, path, limit=limit)
        console.print(measures_table(f"fogline eval {dataset}", result))
        errors = result.get("errors") or []
        if errors:
            console.print(
                f"{len(errors)} example mismatches (see --json), first: {errors[0]}", highlight=False
            )


def bench_command(
    n: Annotated[int, typer.Option("--n", min=1, help="Number of ~600-word articles.")] = 200,
    processes: Annotated[
        int, typer.Option("--processes", min=1, help="Worker processes, for Fogline and the baseline alike.")
    ] = 2,
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help="Benchmark on these texts (a folder of .txt/.md, a file, or a CSV/TSV with a text column) "
            "instead of the bundled examples.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Measure pipeline throughput (articles/s), peak memory and the speed-up over a plain spaCy pass."""
    with clean_errors():
        from fogline.evaluate.bench import read_corpus, run_bench

        texts = read_corpus(corpus) if corpus is not None else None
        if corpus is not None and not texts:
            raise typer.BadParameter(f"{corpus}: no texts to benchmark on", param_hint="--corpus")
        if as_json:
            result = run_bench(n_articles=n, n_process=processes, corpus=texts)
            typer.echo(json.dumps(result, ensure_ascii=False, default=str))
            return
        with console.status(f"benchmarking on {n} articles …"):
            result = run_bench(n_articles=n, n_process=processes, corpus=texts)
        console.print(measures_table("fogline bench", result))


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
    app.command("bench")(bench_command)
