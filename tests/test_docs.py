"""Documentation stays true: every CLI command is in the README, and the README's set-up commands exist."""

from __future__ import annotations

from pathlib import Path

import typer.main

from fogline.cli import app

ROOT = Path(__file__).resolve().parent.parent


def _command_names() -> list[str]:
    group = typer.main.get_group(app)
    return sorted(group.commands)


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [name for name in _command_names() if f"fogline {name}" not in readme]
    assert not missing, f"commands missing from README: {missing}"


def test_readme_set_up_commands_match_ci() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python3 dev.py demo" in readme
    assert "python3 dev.py test" in readme
    assert "python3 dev.py test" in ci
