"""Ending the ``jekyllpy`` program without tearing the interpreter down.

Once a build has written its files, the process still holds the whole site: every page,
document, drop and parsed template, several hundred thousand objects linked in cycles.  A
normal interpreter exit walks and frees all of them (a third of a second for a thousand
posts), only for the operating system to reclaim the memory anyway.  When the command line
runs as the program (the console script, ``python -m jekyllpy``), the exit status is taken
as ``sys.exit`` would, the standard streams are flushed, the exit functions registered with
:mod:`atexit` run (they save caches), and the process ends at once.

When the command is called with explicit arguments (click's ``CliRunner``, a program
embedding it) it behaves as any click command: ``SystemExit`` is raised as usual.
"""

from __future__ import annotations

import atexit
import os
import sys
from typing import Any, NoReturn

import click

__all__ = ["FastExitGroup", "exit_now"]


def _status(code: Any) -> int:
    """The process status ``sys.exit(code)`` gives (printing a message as it does)."""
    if code is None:
        return 0
    if isinstance(code, int) and not isinstance(code, bool):
        return code & 0xFF
    try:
        print(code, file=sys.stderr)
    except Exception:  # noqa: BLE001 - a closed stream: the status still counts
        pass
    return 1


def exit_now(code: Any) -> NoReturn:
    """End the process with ``code`` as ``sys.exit`` would, without the teardown."""
    status = _status(code)
    atexit._run_exitfuncs()  # noqa: SLF001 - registered functions must still run
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - nothing more can be said on a broken stream
            pass
    os._exit(status)


class FastExitGroup(click.Group):
    """A click group whose standalone run (arguments from ``sys.argv``) ends through
    :func:`exit_now`."""

    def main(self, args: Any = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        if args is not None or not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            super().main(None, prog_name, complete_var, True, **extra)
        except SystemExit as exc:
            exit_now(exc.code)
        exit_now(0)
