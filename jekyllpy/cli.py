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
@click.option("--config", "config_files", multiple=True,
              help="Custom configuration file(s), comma-separated or repeated, merged in order")
@click.option("-D", "--drafts", is_flag=True, help="Render posts in the _drafts folder")
@click.option("--future", is_flag=True, help="Publishes posts with a future date")
@click.option("--unpublished", is_flag=True,
              help="Render posts that were marked as unpublished")
@click.option("-b", "--baseurl", default=None, help="Serve the website from the given base URL")
@click.option("--limit_posts", "limit_posts", type=int, default=None,
              help="Limits the number of posts to parse and publish")
@click.option("--strict_front_matter", "strict_front_matter", is_flag=True,
              help="Fail if errors are present in front matter")
@click.option("-q", "--quiet", is_flag=True, help="Silence output.")
@click.option("-V", "--verbose", is_flag=True, help="Print verbose output.")
@click.option("-t", "--trace", is_flag=True, help="Show the full backtrace when an error occurs.")
def build(source: str, destination: str | None, config_files: tuple[str, ...], drafts: bool,
          future: bool, unpublished: bool, baseurl: str | None, limit_posts: int | None,
          strict_front_matter: bool, quiet: bool, verbose: bool, trace: bool) -> None:
    """Build your site."""
    say: Callable[[str], Any] = (lambda line: None) if quiet else click.echo
    src = Path(source)
    configs = [Path(part) for c in config_files for part in c.split(",") if part]
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
            _fail("limit_posts must be a non-negative number")
        overrides["limit_posts"] = limit_posts
    if strict_front_matter:
        overrides["strict_front_matter"] = True
    shown = configs or [src / "_config.yml"]
    for cfg in shown:
        say(_topic("Configuration file:", str(cfg.resolve()) if cfg.exists() else "none"))
    if not src.is_dir():
        _fail(f"source folder not found: {src}")
    for cfg in configs:
        if not cfg.is_file():
            _fail(f"configuration file not found: {cfg}")
    try:
        config = load_config(src, configs or None, overrides or None)
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
        site = _build(src, dest, configs or None, **overrides)
    except (JekyllpyError, LiquidError) as exc:
        if trace:
            raise
        _fail(f"Liquid Exception: {exc.message}" if isinstance(exc, LiquidError) else str(exc))
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
