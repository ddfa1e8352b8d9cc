"""Throughput of the Fogline pipeline vs a plain full spaCy pass.

Usage: python benchmarks/throughput.py [N_ARTICLES] [N_PROCESS] [--profile] [--no-baseline]
"""

from __future__ import annotations

import json
import sys

from fogline.evaluate.bench import profile_pipeline, run_bench


def main(argv: list[str]) -> None:
    flags = {a for a in argv if a.startswith("--")}
    args = [a for a in argv if not a.startswith("--")]
    n_articles = int(args[0]) if args else 200
    n_process = int(args[1]) if len(args) > 1 else 1
    result = run_bench(n_articles=n_articles, n_process=n_process, baseline="--no-baseline" not in flags)
    print(json.dumps(result, indent=2))
    if "--profile" in flags:
        print(profile_pipeline(n_articles=min(n_articles, 60)))


if __name__ == "__main__":
    main(sys.argv[1:])
