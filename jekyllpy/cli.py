"""The ``jekyllpy`` command: Jekyll's commands, options and console output.

So far ``build`` (pages, layouts, static files; see :mod:`jekyllpy.site`) and
``markdownify`` (stdin to stdout).  The console lines copy ``jekyll build``'s wording and
spacing so that scripts and people reading logs see what they are used to.

Exit codes: 0 on success, 1 when the build cannot run (missing source, invalid
``_config.yml``, a destination that would swallow the source, a Liquid error); ``--trace``
shows the Python traceback instead of the one-line message, as Jekyll's ``--trace`` does.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click
from liquid.exceptions import LiquidError

from . import __version__, markdownify as _markdownify
from .errors import JekyllpyError
from .site import BuildError, build as _build
from .site.site import load_config

#: Jekyll right-aligns its topic words in a column this wide (``Jekyll::Stevenson``).
_TOPIC_WIDTH = 19


def _topic(topic: str, message: str) -> str:
    """One console line in Jekyll's ``topic message`` layout."""
    return f"{topic.rjust(_TOPIC_WIDTH)} {message}"


def _fail(message: str) -> NoReturn:
    """Print a fatal error on stderr and exit 1, the way every command stops."""
    click.echo(f"  Error: {message}", err=True)
    sys.exit(1)


@click.group()
@click.version_option(version=__version__, prog_name="jekyllpy")
def main() -> None:
    """Build Jekyll sites without Ruby, byte-identical to Jekyll 4.3."""


@main.command()
@click.option("-s", "--source", default=".", type=click.Path(file_okay=False),
              help="Source directory (defaults to ./)")
@click.option("-d", "--destination", default=None, type=click.Path(file_okay=False),
              help="Destination directory (defaults to ./_site)")
@click.option("--config", "config_files", multiple=True, type=click.Path(dir_okay=False),
              help="Custom configuration file(s), merged in order")
@click.option("-q", "--quiet", is_flag=True, help="Silence output.")
@click.option("-t", "--trace", is_flag=True, help="Show the full backtrace when an error occurs.")
def build(source: str, destination: str | None, config_files: tuple[str, ...],
          quiet: bool, trace: bool) -> None:
    """Build your site."""
    say: Callable[[str], Any] = (lambda line: None) if quiet else click.echo
    src = Path(source)
    configs = [Path(c) for c in config_files]
    shown = configs or [src / "_config.yml"]
    for cfg in shown:
        say(_topic("Configuration file:", str(cfg.resolve()) if cfg.exists() else "none"))
    if not src.is_dir():
        _fail(f"source folder not found: {src}")
    try:
        config = load_config(src, configs or None)
    except BuildError as exc:
        if trace:
            raise
        _fail(str(exc))
    dest = _destination(destination, config)
    if dest.resolve() == src.resolve() or dest.resolve() in src.resolve().parents:
        _fail("Destination directory cannot be or contain the Source directory.")

    say(_topic("Source:", str(src.resolve())))
    say(_topic("Destination:", str(dest.resolve())))
    say(_topic("Incremental build:", "disabled. Enable with --incremental"))
    say(_topic("Generating...", ""))
    started = time.perf_counter()
    try:
        site = _build(src, dest, configs or None)
    except (JekyllpyError, LiquidError) as exc:
        if trace:
            raise
        _fail(f"Liquid Exception: {exc}" if isinstance(exc, LiquidError) else str(exc))
    for warning in site.warnings:
        click.echo(f"  Warning: {warning}", err=True)
    say(_topic("", f"done in {time.perf_counter() - started:.3f} seconds."))
    say(_topic("Auto-regeneration:", "disabled. Use --watch to enable."))


def _destination(option: str | None, config: dict[str, Any]) -> Path:
    """``-d``, else ``destination:`` from the configuration, else ``./_site``.

    Jekyll's default is relative to the working directory, not to the source.
    """
    if option:
        return Path(option)
    configured = config.get("destination")
    return Path(configured) if configured else Path.cwd() / "_site"


@main.command()
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True),
              help="A _config.yml whose kramdown: and highlighter: settings apply")
def markdownify(config_file: str | None) -> None:
    """Convert Markdown on stdin to HTML on stdout, as Jekyll's converter does.

    Bytes in and out are UTF-8, and nothing is added or stripped, so the output can be
    compared byte for byte with Jekyll's ``markdownify`` filter.
    """
    config = None
    if config_file:
        try:
            config = load_config(Path(config_file).parent, [Path(config_file)])
        except BuildError as exc:
            _fail(str(exc))
    try:
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        _fail(f"standard input is not UTF-8: {exc}")
    sys.stdout.buffer.write(_markdownify(text, config).encode("utf-8"))
    sys.stdout.buffer.flush()


if __name__ == "__main__":  # pragma: no cover
    main()
