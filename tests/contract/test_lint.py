"""Style is checked like everything else: ruff (lint and format) on the Python sources."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUFF = Path(sys.executable).parent / "ruff"


def test_ruff_finds_nothing():
    result = subprocess.run(
        [str(RUFF), "check", "functions", "infra", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_the_code_is_formatted():
    result = subprocess.run(
        [str(RUFF), "format", "--check", "functions", "infra", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
