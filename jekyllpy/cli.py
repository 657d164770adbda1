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
from .errors import JekyllpyError
from .site import BuildError, build as _build
from .site.site import load_config
from .site.yaml_loader import load_yaml

if TYPE_CHECKING:
    from .check import CheckReport

#: Jekyll right-aligns its topic words in a column this wide (``Jekyll::Stevenson``).
_TOPIC_WIDTH = 19


def _topic(topic: str, message: str) -> str:
    """One console line in Jekyll's ``topic message`` layout."""
    return f"{topic.rjust(_TOPIC_WIDTH)} {message}"


def _config_paths(config_files: tuple[str, ...]) -> list[Path]:
    """``--config`` values, each possibly comma-separated, in order."""
    return [Path(part) for c in config_files for part in c.split(",") if part]


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
@click.option("--profile", is_flag=True, help="Generate a Liquid rendering profile")
@click.option("-q", "--quiet", is_flag=True, help="Silence output.")
@click.option("-V", "--verbose", is_flag=True, help="Print verbose output.")
@click.option("-t", "--trace", is_flag=True, help="Show the full backtrace when an error occurs.")
def build(source: str, destination: str | None, config_files: tuple[str, ...], drafts: bool,
          future: bool, unpublished: bool, baseurl: str | None, limit_posts: int | None,
          strict_front_matter: bool, profile: bool, quiet: bool, verbose: bool,
          trace: bool) -> None:
    """Build your site."""
    say: Callable[[str], Any] = (lambda line: None) if quiet else click.echo
    src = Path(source)
    configs = _config_paths(config_files)
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
    if profile:
        overrides["profile"] = True
    if quiet:
        overrides["quiet"] = True
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
    progress = _progress_bar() if not quiet and sys.stdout.isatty() else None
    try:
        site = _build(src, dest, configs or None, progress=progress, **overrides)
    except (JekyllpyError, LiquidError) as exc:
        if trace:
            raise
        _fail(f"Liquid Exception: {exc.message}" if isinstance(exc, LiquidError) else str(exc))
    if progress is not None:
        progress(0, 0)  # clear the bar's line
    for warning in site.warnings:
        click.echo(f"  Warning: {warning}", err=True)
    say(_topic("", f"done in {time.perf_counter() - started:.3f} seconds."))
    say(_topic("Auto-regeneration:", "disabled. Use --watch to enable."))


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
        sys.stdout.write(f"\r{'Rendering:'.rjust(_TOPIC_WIDTH)} [{'#' * filled}"
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
            _fail(str(exc))
    try:
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        _fail(f"standard input is not UTF-8: {exc}")
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
    for cfg in _config_paths(config_files):
        if not cfg.is_file():
            _fail(f"configuration file not found: {cfg}")
        try:
            data = load_yaml(cfg.read_text(encoding="utf-8"), str(cfg)) or {}
        except (JekyllpyError, OSError, UnicodeDecodeError) as exc:
            _fail(str(exc))
        if not isinstance(data, dict):
            _fail(f"{cfg}: the configuration file must hold a mapping")
        overrides = deep_merge(overrides, {str(k): v for k, v in data.items()})
    try:
        html = render_page(path, config=overrides or None)
    except (JekyllpyError, LiquidError) as exc:
        if trace:
            raise
        _fail(f"Liquid Exception: {exc.message}" if isinstance(exc, LiquidError) else str(exc))
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
        _fail(f"cannot create the site in {target}: {exc.strerror or exc}")
    click.echo(f"New jekyll site installed in {target}.")


def _conflict(message: str, *more: str) -> NoReturn:
    """Jekyll's ``abort_with "Conflict:"``: the lines on stderr, exit 1."""
    click.echo(_topic("Conflict:", message), err=True)
    for line in more:
        click.echo(_topic("", line), err=True)
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
    configs = _config_paths(config_files)
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
            _fail(f"Liquid Exception: {exc.message}" if isinstance(exc, LiquidError)
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
    click.echo(_topic("Source:", str(source.resolve())))
    click.echo(_topic("Against:", str(against.resolve())))
    click.echo(_topic("Identical:", _files(counts["identical"])))
    click.echo(_topic("Differing:", _files(counts["differing"])))
    for diff in report.differing:
        click.echo(_topic("", diff.path))
        click.echo(_topic("", f"  at {diff.location} ({diff.reason})"))
        click.echo(_topic("", f"  expected: {diff.expected}"))
        click.echo(_topic("", f"  built:    {diff.built}"))
    click.echo(_topic("Missing:", _files(counts["missing"]) + " (in --against, not built)"))
    for rel in report.missing:
        click.echo(_topic("", rel))
    click.echo(_topic("Extra:", _files(counts["extra"]) + " (built, not in --against)"))
    for rel in report.extra:
        click.echo(_topic("", rel))
    if report.ok:
        click.echo(_topic("Result:", "identical."))
    else:
        problems = counts["differing"] + counts["missing"] + counts["extra"]
        click.echo(_topic("Result:", f"{_files(problems)} not identical."))


if __name__ == "__main__":  # pragma: no cover
    main()
