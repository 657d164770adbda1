"""The jekyllpy pytest plugin (entry point ``pytest11``: ``jekyllpy``).

Fixtures, available in every test once jekyllpy is installed:

* ``jekyll_site(source, *, config_files=None, destination=None, **overrides) -> Site``
  builds a site folder (relative paths: from the rootdir) into the test's ``tmp_path``
  (``_site``, then ``_site-2``, ...) and returns :class:`jekyllpy.site.Site`.
* ``markdownify(text, config=None) -> str``: :func:`jekyllpy.markdownify` with the
  ``jekyllpy_config`` file's settings under ``config``'s.
* ``render_page(path, *, config=None) -> str``: :func:`jekyllpy.render_page` (skips the test
  when this jekyllpy has none).
* ``jekyllpy_config``: that configuration (a dict, or None); override it in a conftest.

ini options:

* ``jekyllpy_config = _config.yml``: a Jekyll configuration file (from the rootdir) for the
  ``markdownify`` fixture and the Markdown fixture items.
* ``jekyllpy_fixtures = tests/fixtures/markdown tests/fixtures/sites``: fixture folders
  (from the rootdir) whose contents become test items when pytest collects them (they must
  lie under ``testpaths`` or the paths given on the command line):

  - every ``NAME.md`` is a Markdown case: ``markdownify`` of it (with ``NAME.yml``, a
    ``_config.yml`` fragment, when there is one) must give ``NAME.html`` byte for byte;
  - every folder holding ``source/`` is a site: ``jekyllpy build`` with the arguments of
    its ``build.json`` (``{"args": [...]}``), run from ``source/``, must write the files of
    ``expected/`` (same paths, same bytes after :func:`jekyllpy.testing.normalise`);
  - an optional ``KNOWN_DIFFERENT`` file at the top of the folder lists cases known not to
    match yet, one ``NAME reason`` a line (NAME as in the item name, without the folder's
    name; ``#`` starts a comment).  Such a case is an expected failure while it differs
    and fails once it matches, so that the line gets removed.

  Items are named after the folder and the case, e.g. ``markdown/list/nested`` or
  ``sites/blog``; a failure shows a unified diff, the first differing character and, for
  HTML, the first differing element (with beautifulsoup4 installed).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

__all__ = ["FixtureMismatch", "MarkdownCase", "SiteCase"]

KNOWN_DIFFERENT = "KNOWN_DIFFERENT"


class FixtureMismatch(AssertionError):
    """A fixture's output differs from its expected file(s); the message says how."""


# -- options and shared state ----------------------------------------------------------------

def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("jekyllpy_fixtures", type="args", default=[],
                  help="jekyllpy: fixture folders (from the rootdir) whose NAME.md/NAME.html "
                       "pairs and site folders (source/ + expected/) become test items")
    parser.addini("jekyllpy_config", type="string", default="",
                  help="jekyllpy: a _config.yml (from the rootdir) for the markdownify "
                       "fixture and the Markdown fixture items")


class _State:
    def __init__(self, config: pytest.Config) -> None:
        self.rootpath = config.rootpath
        self.roots = [self.resolve(p) for p in config.getini("jekyllpy_fixtures")]
        for root in self.roots:
            if not root.is_dir():
                raise pytest.UsageError(f"jekyllpy_fixtures: no such folder: {root}")
        config_file = config.getini("jekyllpy_config")
        self.config_file = self.resolve(config_file) if config_file else None
        self._site_config: dict[str, Any] | None = None
        self._known: dict[Path, dict[str, str]] = {}

    def resolve(self, path: str | os.PathLike[str]) -> Path:
        return Path(os.path.normpath(self.rootpath / path))

    def site_config(self) -> dict[str, Any] | None:
        """The ``jekyllpy_config`` file's settings (read once), or None."""
        if self.config_file is None:
            return None
        if self._site_config is None:
            self._site_config = _load_mapping(self.config_file, "jekyllpy_config")
        return self._site_config

    def root_of(self, path: Path) -> Path | None:
        for root in self.roots:
            if path == root or path.is_relative_to(root):
                return root
        return None

    def known_different(self, root: Path) -> dict[str, str]:
        """``root/KNOWN_DIFFERENT`` as {case name: reason}."""
        if root not in self._known:
            self._known[root] = _read_known_different(root / KNOWN_DIFFERENT)
        return self._known[root]


_STATE = pytest.StashKey[_State]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_STATE] = _State(config)


def _state(config: pytest.Config) -> _State:
    return config.stash[_STATE]


def _load_mapping(path: Path, what: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise FixtureMismatch(f"{what}: cannot read {path}: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FixtureMismatch(f"{what}: {path} must hold a mapping, not {type(data).__name__}")
    return data


def _read_known_different(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    known = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, reason = line.partition(" ")
            known[name.strip("/")] = reason.strip() or "known to differ"
    return known


def _site_folder_above(path: Path, root: Path) -> Path | None:
    """The site folder (one holding ``source/``) that ``path`` lies inside, if any."""
    for folder in path.parents:
        if not folder.is_relative_to(root):
            break
        if (folder / "source").is_dir():
            return folder
    return None


# -- collection ------------------------------------------------------------------------------

@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    state = _state(parent.config)
    root = state.root_of(path)
    if root is None or not (path / "source").is_dir() or _site_folder_above(path, root):
        return None
    return SiteFolder.from_parent(parent, path=path)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix != ".md" and file_path.name != KNOWN_DIFFERENT:
        return None
    state = _state(parent.config)
    root = state.root_of(file_path)
    if root is None or _site_folder_above(file_path, root):
        return None
    if file_path.suffix == ".md":
        return MarkdownFile.from_parent(parent, path=file_path)
    if file_path.parent == root:
        return KnownDifferentFile.from_parent(parent, path=file_path)
    return None


class _CaseCollector:
    """What Markdown files and site folders share: the fixture folder and the case name."""

    path: Path
    config: pytest.Config

    @property
    def fixture_root(self) -> Path:
        root = _state(self.config).root_of(self.path)
        assert root is not None
        return root

    def case_key(self) -> str:
        rel = self.path.relative_to(self.fixture_root)
        if not rel.parts:
            return ""
        return (rel.with_suffix("") if self.path.suffix == ".md" else rel).as_posix()

    def case_name(self) -> str:
        key = self.case_key()
        return f"{self.fixture_root.name}/{key}" if key else self.fixture_root.name


class MarkdownFile(_CaseCollector, pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        yield MarkdownCase.from_parent(self, name=self.case_name(), key=self.case_key())


class SiteFolder(_CaseCollector, pytest.Directory):
    def collect(self) -> Iterator[pytest.Item]:
        yield SiteCase.from_parent(self, name=self.case_name(), key=self.case_key())


class KnownDifferentFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        yield KnownDifferentCheck.from_parent(self, name=f"{self.path.parent.name}/{KNOWN_DIFFERENT}")


# -- items -----------------------------------------------------------------------------------

class _Item(pytest.Item):
    """A plugin item: a mismatch is shown as its own text (the diff), not a traceback."""

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str | Any:
        if isinstance(excinfo.value, FixtureMismatch):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, self.name


class FixtureCase(_Item):
    """One fixture: compare, then apply KNOWN_DIFFERENT."""

    def __init__(self, *, key: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.key = key

    @property
    def fixture_root(self) -> Path:
        root = _state(self.config).root_of(self.path)
        assert root is not None
        return root

    def differences(self) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def runtest(self) -> None:
        problems = self.differences()
        reason = _state(self.config).known_different(self.fixture_root).get(self.key)
        if reason is not None:
            if not problems:
                raise FixtureMismatch(
                    f"{self.name} now matches its expected output: remove its line from "
                    f"{self._rel(self.fixture_root / KNOWN_DIFFERENT)}")
            pytest.xfail(f"{KNOWN_DIFFERENT}: {reason}")
        if problems:
            raise FixtureMismatch("\n".join(problems))

    def _rel(self, path: Path) -> str:
        return _rel(self.config, path)


class MarkdownCase(FixtureCase):
    """``NAME.md`` through :func:`jekyllpy.markdownify` must give ``NAME.html``."""

    def differences(self) -> list[str]:
        import jekyllpy
        from jekyllpy.config import deep_merge

        expected_file = self.path.with_suffix(".html")
        if not expected_file.is_file():
            raise FixtureMismatch(
                f"{self.name}: no expected output: {self._rel(expected_file)} does not exist "
                f"(each NAME.md in a jekyllpy_fixtures folder needs NAME.html beside it)")
        config = _state(self.config).site_config()
        fragment = self.path.with_suffix(".yml")
        if fragment.is_file():
            own = _load_mapping(fragment, self.name)
            config = deep_merge(config, own) if config else own
        expected = expected_file.read_bytes().decode("utf-8")
        actual = jekyllpy.markdownify(self.path.read_bytes().decode("utf-8"), config)
        if actual == expected:
            return []
        from .compare import describe_difference
        return [f"{self.name}: markdownify({self.path.name}) differs from {expected_file.name}\n"
                + describe_difference(expected, actual, self._rel(expected_file),
                                      f"markdownify({self._rel(self.path)})", html=True)]


class SiteCase(FixtureCase):
    """``jekyllpy build`` of ``source/`` (with ``build.json``'s arguments, from the source
    folder) must write the files of ``expected/``."""

    def build_args(self) -> list[str]:
        spec = self.path / "build.json"
        if not spec.is_file():
            return []
        try:
            data = json.loads(spec.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise FixtureMismatch(f"{self._rel(spec)}: {exc}") from exc
        args = data.get("args", []) if isinstance(data, dict) else None
        if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
            raise FixtureMismatch(f'{self._rel(spec)}: must be {{"args": [strings]}}')
        return args

    def differences(self) -> list[str]:
        from click.testing import CliRunner

        from jekyllpy.cli import main

        from .compare import compare_trees, read_tree

        source, expected = self.path / "source", self.path / "expected"
        if not expected.is_dir():
            raise FixtureMismatch(f"{self.name}: no expected output: {self._rel(expected)}/ "
                                  f"does not exist (the files Jekyll writes for source/)")
        args = self.build_args()
        with tempfile.TemporaryDirectory(prefix="jekyllpy-site-") as tmp:
            dest = Path(tmp) / "_site"
            cwd = os.getcwd()
            os.chdir(source)
            try:
                result = CliRunner().invoke(main, ["build", "-q", "-s", str(source),
                                                   "-d", str(dest), *args])
            finally:
                os.chdir(cwd)
            if result.exit_code != 0:  # a build that fails differs from Jekyll's as a whole
                return [f"{self.name}: jekyllpy build {' '.join(args)} failed "
                        f"(exit {result.exit_code}): {result.output.strip()} "
                        f"{result.exception!r}"]
            built = read_tree(dest) if dest.is_dir() else {}
        problems = compare_trees(read_tree(expected), built,
                                 expected_label=self._rel(expected))
        if not problems:
            return []
        return [f"{self.name}: {len(problems)} difference(s) between {self._rel(expected)}/ "
                f"and jekyllpy build", *problems]


class KnownDifferentCheck(_Item):
    """Every line of a KNOWN_DIFFERENT file names a case of its folder."""

    def runtest(self) -> None:
        root = self.path.parent
        known = _state(self.config).known_different(root)
        stale = [name for name in known if not _case_exists(root, name)]
        if stale:
            raise FixtureMismatch(f"{_rel(self.config, self.path)}: no such case: "
                                  f"{', '.join(stale)}")


def _rel(config: pytest.Config, path: Path) -> str:
    """``path`` from the rootdir, for messages."""
    try:
        return path.relative_to(config.rootpath).as_posix()
    except ValueError:
        return str(path)


def _case_exists(root: Path, name: str) -> bool:
    return (root / f"{name}.md").is_file() or (root / name / "source").is_dir()


# -- fixtures --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def jekyllpy_config(pytestconfig: pytest.Config) -> dict[str, Any] | None:
    """The settings of the ``jekyllpy_config`` ini option's file, or None without one."""
    return _state(pytestconfig).site_config()


@pytest.fixture
def markdownify(jekyllpy_config: dict[str, Any] | None) -> Callable[..., str]:
    """``markdownify(text, config=None)``: Jekyll's Markdown conversion, with the
    ``jekyllpy_config`` settings under ``config``'s."""
    import jekyllpy
    from jekyllpy.config import deep_merge

    def convert(text: str, config: dict[str, Any] | None = None) -> str:
        merged = deep_merge(jekyllpy_config or {}, config or {})
        return jekyllpy.markdownify(text, merged or None)

    return convert


@pytest.fixture
def jekyll_site(tmp_path: Path, pytestconfig: pytest.Config) -> Callable[..., Any]:
    """``jekyll_site(source, *, config_files=None, destination=None, **overrides)``: build
    the site folder ``source`` (relative: from the rootdir) into ``tmp_path/_site`` (then
    ``_site-2``, ...) or ``destination``, and return the :class:`jekyllpy.site.Site`
    (``site.destination`` is where the files are).  ``overrides`` are configuration
    settings, as on the command line (``future=True``, ``baseurl="/x"``)."""
    from jekyllpy.site import build

    state = _state(pytestconfig)
    count = 0

    def build_site(source: str | os.PathLike[str], *,
                   config_files: list[str | os.PathLike[str]] | None = None,
                   destination: str | os.PathLike[str] | None = None, **overrides: Any) -> Any:
        nonlocal count
        if destination is None:
            count += 1
            destination = tmp_path / ("_site" if count == 1 else f"_site-{count}")
        files = [state.resolve(f) for f in config_files] if config_files else None
        return build(state.resolve(source), destination, files, **overrides)

    return build_site


@pytest.fixture
def render_page(pytestconfig: pytest.Config) -> Callable[..., str]:
    """``render_page(path, *, config=None)``: the text Jekyll would write for one page
    (relative paths: from the rootdir), through :func:`jekyllpy.render_page`; the test is
    skipped when this jekyllpy has no ``render_page``."""
    import jekyllpy

    state = _state(pytestconfig)

    def render(path: str | os.PathLike[str], *, config: dict[str, Any] | None = None) -> str:
        function = getattr(jekyllpy, "render_page", None)
        if function is None:
            pytest.skip("this jekyllpy has no render_page")
        return function(state.resolve(path), config=config)

    return render
