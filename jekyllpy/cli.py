"""The ``jekyllpy`` command: Jekyll's commands and output style.

So far: ``build`` (pages, layouts, static files) and ``markdownify`` (stdin to stdout).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click
import yaml

from . import markdownify as _markdownify
from .site import BuildError, build as _build
from .site.site import load_config


@click.group()
@click.version_option(package_name="jekyllpy")
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
def build(source: str, destination: str | None, config_files: tuple[str, ...],
          quiet: bool) -> None:
    """Build your site."""
    src = Path(source)
    dest = Path(destination) if destination else src / "_site"
    say = (lambda *a: None) if quiet else click.echo
    cfg = Path(config_files[0]) if config_files else src / "_config.yml"
    say(f"Configuration file: {cfg.resolve() if cfg.exists() else 'none'}")
    say(f"            Source: {src.resolve()}")
    say(f"       Destination: {dest.resolve()}")
    say(" Incremental build: disabled. Enable with --incremental")
    say("      Generating... ")
    started = time.perf_counter()
    try:
        site = _build(src, dest, [Path(c) for c in config_files] or None)
    except BuildError as exc:
        click.echo(f"  Error: {exc}", err=True)
        sys.exit(1)
    for warning in site.warnings:
        click.echo(f"  Warning: {warning}", err=True)
    say(f"                    done in {time.perf_counter() - started:.3f} seconds.")


@main.command()
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True),
              help="A _config.yml whose kramdown: and highlighter: settings apply")
def markdownify(config_file: str | None) -> None:
    """Convert Markdown on stdin to HTML on stdout, as Jekyll's converter does."""
    config = None
    if config_file:
        try:
            config = load_config(Path(config_file).parent, [Path(config_file)])
        except BuildError as exc:
            click.echo(f"  Error: {exc}", err=True)
            sys.exit(1)
    text = sys.stdin.buffer.read().decode("utf-8")
    sys.stdout.buffer.write(_markdownify(text, config).encode("utf-8"))


if __name__ == "__main__":  # pragma: no cover
    main()
