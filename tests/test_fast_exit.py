"""The program ends without interpreter teardown (jekyllpy/fast_exit.py), with the status,
output and exit functions of a normal exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from jekyllpy import __version__
from jekyllpy.cli import main

PROGRAM = ("import atexit, sys\n"
           "atexit.register(lambda: print('exit functions ran', flush=True))\n"
           "from jekyllpy.cli import main\n"
           "main(prog_name='jekyllpy')\n"
           "print('not reached')\n")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROGRAM, *args], capture_output=True,
                          text=True, timeout=120)


def test_success_status_output_and_exit_functions() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout == f"jekyllpy, version {__version__}\nexit functions ran\n"


def test_failure_status(tmp_path: Path) -> None:
    proc = run("build", "-q", "-s", str(tmp_path / "missing"))
    assert proc.returncode == 1
    assert "source folder not found" in proc.stderr
    assert "exit functions ran" in proc.stdout and "not reached" not in proc.stdout


def test_usage_error_status() -> None:
    proc = run("no-such-command")
    assert proc.returncode == 2 and "No such command" in proc.stderr


def test_a_build_writes_its_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\n---\n*a*\n")
    proc = run("build", "-q", "-s", str(tmp_path), "-d", str(tmp_path / "o"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "o" / "a.html").read_text() == "<p><em>a</em></p>\n"


def test_called_with_arguments_it_raises_system_exit_as_click_does() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "version" in result.output
    result = CliRunner().invoke(main, ["no-such-command"])
    assert result.exit_code == 2
