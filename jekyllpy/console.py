"""What every command shares: Jekyll's console (line layout, levels, the fatal-error exit),
and the build options (``build`` and ``serve`` take the same ones, as in Jekyll) with the
settings they stand for."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any, Callable, NoReturn, TypeVar

import click

#: Jekyll right-aligns its topic words in a column this wide (``Jekyll::Stevenson``).
TOPIC_WIDTH = 19

F = TypeVar("F", bound=Callable[..., Any])


def topic(name: str, message: str) -> str:
    """One console line in Jekyll's ``topic message`` layout."""
    return f"{name.rjust(TOPIC_WIDTH)} {message}"


class Console:
    """Jekyll's logger (``Jekyll::Stevenson``): info on stdout (silenced by ``-q``),
    warnings and errors on stderr, debug only with ``-V``.  Lines from several threads
    (serve's watcher, HTTP and LiveReload servers) never interleave, and a closed pipe
    never stops the command."""

    def __init__(self, quiet: bool = False, verbose: bool = False) -> None:
        self.quiet, self.verbose = quiet, verbose
        self._lock = threading.Lock()

    def info(self, name: str, message: str = "") -> None:
        if not self.quiet:
            self._echo(topic(name, message), err=False)

    def debug(self, name: str, message: str = "") -> None:
        if self.verbose and not self.quiet:
            self._echo(topic(name, message), err=False)

    def warn(self, name: str, message: str = "") -> None:
        self._echo(topic(name, message), err=True)

    def raw(self, line: str, err: bool = False) -> None:
        """A line as it is (build warnings are printed indented, without a topic)."""
        self._echo(line, err=err)

    def _echo(self, line: str, err: bool) -> None:
        with self._lock:
            try:
                click.echo(line, err=err)
            except (OSError, ValueError):
                pass


def fail(message: str) -> NoReturn:
    """Print a fatal error on stderr and exit 1, the way every command stops."""
    click.echo(f"  Error: {message}", err=True)
    sys.exit(1)


def config_paths(config_files: tuple[str, ...]) -> list[Path]:
    """``--config`` values, each possibly comma-separated, in order."""
    return [Path(part) for c in config_files for part in c.split(",") if part]


def build_options(func: F) -> F:
    """The options ``jekyll build`` and ``jekyll serve`` share (the command's own come
    before or after these)."""
    options = [
        click.option("-s", "--source", default=".", type=click.Path(file_okay=False),
                     help="Source directory (defaults to ./)"),
        click.option("-d", "--destination", default=None, type=click.Path(file_okay=False),
                     help="Destination directory (defaults to ./_site)"),
        click.option("--config", "config_files", multiple=True,
                     help="Custom configuration file(s), comma-separated or repeated, "
                          "merged in order"),
        click.option("-D", "--drafts", is_flag=True, help="Render posts in the _drafts folder"),
        click.option("--future", is_flag=True, help="Publishes posts with a future date"),
        click.option("--unpublished", is_flag=True,
                     help="Render posts that were marked as unpublished"),
        click.option("-b", "--baseurl", default=None,
                     help="Serve the website from the given base URL"),
        click.option("--limit_posts", "limit_posts", type=int, default=None,
                     help="Limits the number of posts to parse and publish"),
        click.option("--strict_front_matter", "strict_front_matter", is_flag=True,
                     help="Fail if errors are present in front matter"),
        click.option("-q", "--quiet", is_flag=True, help="Silence output."),
        click.option("-V", "--verbose", is_flag=True, help="Print verbose output."),
        click.option("-t", "--trace", is_flag=True,
                     help="Show the full backtrace when an error occurs."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def command_setup(source: str, config_files: tuple[str, ...], quiet: bool, verbose: bool,
                  **flags: Any) -> tuple[Console, Path, list[Path], dict[str, Any]]:
    """What ``build`` and ``serve`` start with: the console, the source folder, the
    ``--config`` files, and the settings the shared flags (``flags``, see
    :func:`build_overrides`) stand for."""
    return Console(quiet, verbose), Path(source), config_paths(config_files), \
        build_overrides(**flags)


def build_overrides(*, drafts: bool, future: bool, unpublished: bool, baseurl: str | None,
                    limit_posts: int | None, strict_front_matter: bool) -> dict[str, Any]:
    """The configuration settings the shared build options stand for."""
    overrides: dict[str, Any] = {}
    if drafts:
        overrides["show_drafts"] = True
    if future:
        overrides["future"] = True
    if unpublished:
        overrides["unpublished"] = True
    if baseurl is not None:
        overrides["baseurl"] = baseurl
    if limit_posts is not None:
        if limit_posts < 0:
            fail("limit_posts must be a non-negative number")
        overrides["limit_posts"] = limit_posts
    if strict_front_matter:
        overrides["strict_front_matter"] = True
    return overrides
