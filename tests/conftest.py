"""Shared fixtures: the installed ``score`` command and the project's folders."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Messages in English, whatever the machine's locale, unless a test chooses otherwise (the
    command started by a test inherits SCORE_LANG); the choice is undone after each test."""
    from inspector_scoring.i18n import use_language  # noqa: PLC0415

    monkeypatch.setenv("SCORE_LANG", "en")
    yield
    use_language(None)


def score_executable() -> Path:
    """The ``score`` script installed next to the running interpreter."""
    return Path(sys.executable).parent / "score"


@pytest.fixture
def run_score() -> Run:
    """Run the installed ``score`` command; returns the completed process (text, not checked)."""
    executable = score_executable()
    if not executable.exists():
        pytest.fail(f"the score command is not installed at {executable}; run pip install . first")

    def run(
        *args: str | os.PathLike[str],
        cwd: Path | None = None,
        stdin: str | None = None,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        argv: Sequence[str] = [str(executable), *(os.fspath(a) for a in args)]
        # The table's width follows COLUMNS: the tests say it when they mean it.
        environment = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
        return subprocess.run(
            argv,
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=cwd,
            input=stdin,
            env={**environment, **(env or {})},
            timeout=60,
            check=False,
        )

    return run
