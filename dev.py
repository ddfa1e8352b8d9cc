#!/usr/bin/env python3
"""Set-up and everyday tasks with nothing but Python: `python3 dev.py demo` / `python3 dev.py test`.

Creates ./.venv on first use (and again when pyproject.toml changes), installs Fogline into it from the
package registry, then runs the task inside it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".fogline-installed"


def _run(*cmd: str | Path) -> int:
    return subprocess.call([str(c) for c in cmd], cwd=ROOT)


def ensure_venv() -> None:
    """Create the virtual environment and install the project with its dev extras, when needed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not (BIN / "python").exists():
        print("creating .venv …", flush=True)
        subprocess.check_call([sys.executable, "-m", "venv", str(VENV)])
    pip = [str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.check_call([*pip, "--upgrade", "pip"])
    subprocess.check_call([*pip, "-e", f"{ROOT}[dev]"])
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "help"
    rest = argv[1:]
    if task in ("help", "-h", "--help"):
        print(__doc__)
        print("tasks: demo, test, lint, bench, fogline ARGS…")
        return 0
    ensure_venv()
    py = BIN / "python"
    if task == "demo":
        return _run(BIN / "fogline", "demo", *rest)
    if task == "test":
        return _run(py, "-m", "pytest", "-q", *rest)
    if task == "lint":
        return _run(py, "-m", "ruff", "check", "fogline", "tests") or _run(py, "-m", "mypy")
    if task == "bench":
        return _run(BIN / "fogline", "bench", *rest)
    if task == "fogline":
        return _run(BIN / "fogline", *rest)
    print(f"unknown task {task!r}; try: python3 dev.py help", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
