"""The ``jekyllpy`` command: Jekyll's commands, options and console output.

Commands: ``build`` (pages, layouts, static files; see :mod:`jekyllpy.site`),
``markdownify`` (stdin to stdout), ``render`` (one page's final HTML to stdout), ``new``
(a fresh site, as ``jekyll new``) and ``check`` (build, then compare with a ``_site``
Jekyll built; see :mod:`jekyllpy.check`).  The console lines copy Jekyll's wording and
spacing so that scripts and people reading logs see what they are used to.

Exit codes: 0 on success, 1 when the build cannot run (missing source, invalid
``_config.yml``, a destination that would swallow the source, a Liquid error); ``--trace``
shows the Python traceback instead of the one-line message, as Jekyll's ``--trace`` does.
``check`` exits 1 when the two folders differ; click's usage errors exit 2.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
from liquid.exceptions import LiquidError

from . import __version__, markdownify as _markdownify
from .config import deep_merge
from .console import (TOPIC_WIDTH, Console, build_options, command_setup, config_paths,
                      fail, topic)
from .errors import JekyllpyError
from .fast_exit import FastExitGroup
from .site import BuildError, build as _build
from .site.site import load_config
from .site.yaml_loader import load_yaml

if TYPE_CHECKING:
    from .check import CheckReport






@click.group(cls=FastExitGroup)
@click.version_option(version=__version__, prog_name="jekyllpy")
def main() -> None:
    """Build Jekyll sites without Ruby, byte-identical to Jekyll 4.3."""


@main.command()
@build_options
@click.option("-w", "--watch/--no-watch", "watch", default=False,
              help="Watch for changes and rebuild")
@click.option("--force_polling", "force_polling", is_flag=True,
              help="Force watch to use polling")
@click.option("-I", "--incremental", is_flag=True,
              help="Render only what changed files affect (state kept outside the source)")
@click.option("--profile", is_flag=True, help="Generate a Liquid rendering profile")
def build(source: str, destination: str | None, config_files: tuple[str, ...], drafts: bool,
          future: bool, unpublished: bool, baseurl: str | None, limit_posts: int | None,
          strict_front_matter: bool, watch: bool, force_polling: bool, incremental: bool,
          profile: bool, quiet: bool, verbose: bool, trace: bool) -> None:
    """Build your site."""
    console, src, configs, overrides = command_setup(
        source, config_files, quiet, verbose, drafts=drafts, future=future,
        unpublished=unpublished, baseurl=baseurl, limit_posts=limit_posts,
        strict_front_matter=strict_front_matter)
    if profile:
        overrides["profile"] = True
    if quiet:
        overrides["quiet"] = True
    overrides["serving"] = False  # as Jekyll's build command sets it (serve sets true)
    shown = configs or [src / "_config.yml"]
    for cfg in shown:
        console.info("Configuration file:", str(cfg.resolve()) if cfg.exists() else "none")
    if not src.is_dir():
        fail(f"source folder not found: {src}")
    for cfg in configs:
        if not cfg.is_file():
            fail(f"configuration file not found: {cfg}")
    try:
        config = load_config(src, configs or None, overrides or None)
    except BuildError as exc:
        if trace:
            raise
        fail(str(exc))
    dest = _destination(destination, config)
    if dest.resolve() == src.resolve() or dest.resolve() in src.resolve().parents:
        fail("Destination directory cannot be or contain the Source directory.")

    console.info("Source:", str(src.resolve()))
    console.info("Destination:", str(dest.resolve()))
    console.info("Incremental build:", "enabled" if incremental
                 else "disabled. Enable with --incremental")
    console.info("Generating...", "")
    if incremental:
        overrides["incremental"] = True
    if watch:
        overrides["watch"] = True  # as Jekyll sets it; rebuilds then track dependencies
    started = time.perf_counter()
    progress = _progress_bar() if not quiet and sys.stdout.isatty() else None
    try:
        site = _build(src, dest, configs or None, progress=progress, **overrides)
    except (JekyllpyError, LiquidError) as exc:
        if trace:
            raise
        fail(f"Liquid Exception: {exc.message}" if isinstance(exc, LiquidError) else str(exc))
    if progress is not None:
        progress(0, 0)  # clear the bar's line
    for warning in site.warnings:
        console.raw(f"  Warning: {warning}", err=True)
    console.info("", f"done in {time.perf_counter() - started:.3f} seconds.")
    if not watch:
        console.info("Auto-regeneration:", "disabled. Use --watch to enable.")
        return
    _watch(site, configs, console, force_polling, trace)


def _watch(site: Any, configs: list[Path], console: Console, force_polling: bool,
           trace: bool) -> None:
    """``build --watch``: rebuild on every change until Ctrl-C (serve's watcher, no server);
    each rebuild renders only what the change affects (:mod:`jekyllpy.rendering.dependencies`)."""
    from .serve import Regenerator, SourceFilter

    def ready() -> None:
        # as jekyll-watch, once the listener has started: a change from then on is seen
        console.info("Auto-regeneration:", f"enabled for '{site.source}'")
    regenerator = Regenerator(site, console, SourceFilter(site.config, configs),
                              on_ready=ready, force_polling=force_polling, trace=trace)
    try:
        regenerator.run()  # in this thread: returns when stopped
    except KeyboardInterrupt:
        regenerator.stop_event.set()


def _progress_bar() -> Callable[[int, int], None]:
    """A one-line progress bar for long builds on a terminal: shown once a build has taken
    a second, redrawn at most ten times a second; ``(0, 0)`` clears it."""
    started = time.perf_counter()
    last = [0.0]

    def show(done: int, total: int) -> None:
        if total == 0:
            if last[0]:
                sys.stdout.write("\r\x1b[K")
                sys.stdout.flush()
            return
        now = time.perf_counter()
        if now - started < 1.0 or (now - last[0] < 0.1 and done != total):
            return
        last[0] = now
        width = 30
        filled = width * done // total
        sys.stdout.write(f"\r{'Rendering:'.rjust(TOPIC_WIDTH)} [{'#' * filled}"
                         f"{'.' * (width - filled)}] {done}/{total}")
        sys.stdout.flush()

    return show


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
            fail(str(exc))
    try:
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(f"standard input is not UTF-8: {exc}")
    sys.stdout.buffer.write(_markdownify(text, config).encode("utf-8"))
    sys.stdout.buffer.flush()


# -- render ------------------------------------------------------------------------------------
@main.command()
@click.argument("path", type=click.Path(dir_okay=True))
@click.option("--config", "config_files", multiple=True,
              help="Configuration file(s) whose settings override the site's _config.yml, "
                   "comma-separated or repeated, merged in order")
@click.option("-t", "--trace", is_flag=True, help="Show the full backtrace when an error occurs.")
def render(path: str, config_files: tuple[str, ...], trace: bool) -> None:
    """Print the final HTML of the page, post or document at PATH.

    The site is the nearest folder above PATH holding a _config.yml; only this page is
    rendered (with what its templates read), and nothing is written.
    """
    from . import render_page
    overrides: dict[str, Any] = {}
    for cfg in config_paths(config_files):
        if not cfg.is_file():
            fail(f"configuration file not found: {cfg}")
        try:
            data = load_yaml(cfg.read_text(encoding="utf-8"), str(cfg)) or {}
        except (JekyllpyError, OSError, UnicodeDecodeError) as exc:
            fail(str(exc))
        if not isinstance(data, dict):
            fail(f"{cfg}: the configuration file must hold a mapping")
        overrides = deep_merge(overrides, {str(k): v for k, v in data.items()})
    try:
        html = render_page(path, config=overrides or None)
    except (JekyllpyError, LiquidError) as exc:
        if trace:
            raise
        fail(f"Liquid Exception: {exc.message}" if isinstance(exc, LiquidError) else str(exc))
    sys.stdout.buffer.write(html.encode("utf-8"))
    sys.stdout.buffer.flush()


# -- new -----------------------------------------------------------------------------------------
@main.command()
@click.argument("path", type=click.Path())
@click.option("--blank", is_flag=True, help="Creates scaffolding but with empty files")
@click.option("--force", is_flag=True, help="Force creation even if PATH already exists")
def new(path: str, blank: bool, force: bool) -> None:
    """Creates a new Jekyll site scaffold in PATH."""
    from .scaffold import create_site
    target = Path(path).expanduser().absolute()
    if target.exists() and not target.is_dir():
        _conflict(f"{target} exists and is not a folder.")
    if target.is_dir() and any(target.iterdir()) and not force:
        _conflict(f"{target} exists and is not empty.",
                  f"Ensure {target} is empty or else try again with `--force` to proceed "
                  "and overwrite any files.")
    try:
        create_site(target, blank=blank)
    except OSError as exc:
        fail(f"cannot create the site in {target}: {exc.strerror or exc}")
    click.echo(f"New jekyll site installed in {target}.")


def _conflict(message: str, *more: str) -> NoReturn:
    """Jekyll's ``abort_with "Conflict:"``: the lines on stderr, exit 1."""
    click.echo(topic("Conflict:", message), err=True)
    for line in more:
        click.echo(topic("", line), err=True)
    sys.exit(1)


# -- check ---------------------------------------------------------------------------------------
@main.command()
@click.argument("source", type=click.Path(exists=True, file_okay=False))
@click.option("--against", required=True, metavar="DIR",
              type=click.Path(exists=True, file_okay=False),
              help="The folder Jekyll built (its _site) to compare with")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for people, json (one object) for machines")
@click.option("-d", "--destination", default=None, type=click.Path(file_okay=False),
              help="Build here and keep the result (default: a temporary folder)")
@click.option("--config", "config_files", multiple=True,
              help="Custom configuration file(s), comma-separated or repeated, merged in order")
@click.option("--exact", is_flag=True,
              help="Compare raw bytes, without blanking build-time fields (a feed's <updated>)")
@click.option("-t", "--trace", is_flag=True, help="Show the full backtrace when an error occurs.")
def check(source: str, against: str, fmt: str, destination: str | None,
          config_files: tuple[str, ...], exact: bool, trace: bool) -> None:
    """Build SOURCE and compare the result with --against DIR, a _site Jekyll built.

    Lists identical, differing, missing (in DIR, not built) and extra (built, not in
    DIR) files; for a differing HTML file, the first differing element with both
    texts, for other files the first differing line.  Exit 0 when identical, 1 otherwise.
    """
    from .check import compare_dirs
    src, expected = Path(source), Path(against)
    configs = config_paths(config_files)
    for cfg in configs:
        if not cfg.is_file():
            raise click.BadParameter(f"configuration file not found: {cfg}",
                                     param_hint="'--config'")
    dest = Path(destination).resolve() if destination is not None else None
    if dest is not None:
        if dest == expected.resolve():
            raise click.BadParameter("cannot be the folder given to --against",
                                     param_hint="'-d' / '--destination'")
    with tempfile.TemporaryDirectory(prefix="jekyllpy-check-") as tmp:
        built = dest if dest is not None else Path(tmp) / "_site"
        try:
            site = _build(src, built, configs or None)
        except (JekyllpyError, LiquidError) as exc:
            if trace:
                raise
            fail(f"Liquid Exception: {exc.message}" if isinstance(exc, LiquidError)
                  else str(exc))
        for warning in site.warnings:
            click.echo(f"  Warning: {warning}", err=True)
        report = compare_dirs(expected, built, normalised=not exact)
    if fmt == "json":
        payload = {"source": str(src.resolve()), "against": str(expected.resolve()),
                   **report.to_json()}
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        _print_report(src, expected, report)
    sys.exit(0 if report.ok else 1)


def _files(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"


def _print_report(source: Path, against: Path, report: CheckReport) -> None:
    """The text report: Jekyll's topic column, one file per line below its list."""
    counts = report.counts()
    click.echo(topic("Source:", str(source.resolve())))
    click.echo(topic("Against:", str(against.resolve())))
    click.echo(topic("Identical:", _files(counts["identical"])))
    click.echo(topic("Differing:", _files(counts["differing"])))
    for diff in report.differing:
        click.echo(topic("", diff.path))
        click.echo(topic("", f"  at {diff.location} ({diff.reason})"))
        click.echo(topic("", f"  expected: {diff.expected}"))
        click.echo(topic("", f"  built:    {diff.built}"))
    click.echo(topic("Missing:", _files(counts["missing"]) + " (in --against, not built)"))
    for rel in report.missing:
        click.echo(topic("", rel))
    click.echo(topic("Extra:", _files(counts["extra"]) + " (built, not in --against)"))
    for rel in report.extra:
        click.echo(topic("", rel))
    if report.ok:
        click.echo(topic("Result:", "identical."))
    else:
        problems = counts["differing"] + counts["missing"] + counts["extra"]
        click.echo(topic("Result:", f"{_files(problems)} not identical."))


# ``serve`` lives in its own module (watching, HTTP, LiveReload); Jekyll's aliases too.
from .serve import serve_command  # noqa: E402

main.add_command(serve_command)
main.add_command(serve_command, name="s")
main.add_command(serve_command, name="server")


if __name__ == "__main__":  # pragma: no cover
    main()
