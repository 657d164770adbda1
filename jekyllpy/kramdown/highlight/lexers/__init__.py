"""Lexers written for jekyllpy where Pygments' tokens cannot be corrected into Rouge's.

Each module defines a :class:`~..regex_lexer.RegexLexer` (``LEXER``; ``small`` holds several)
whose states follow the rules of the Rouge 3.30 lexer of the same name (read, then restated
in our own terms).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any

#: Rouge tag -> (our module, the lexer's name in it).  Modules are imported when their
#: language is first highlighted: a site highlights a few languages, and building every
#: lexer's states up front cost each process about 0.15 s and 4.5 MiB.
LEXERS: dict[str, tuple[str, str]] = {
    "shell": ("shell", "LEXER"),
    "console": ("console", "LEXER"),
    "diff": ("diff", "LEXER"),
    "java": ("java", "LEXER"),
    "javascript": ("javascript", "LEXER"),
    "typescript": ("typescript", "LEXER"),
    "ruby": ("ruby", "LEXER"),
    "liquid": ("liquid", "LEXER"),
    "go": ("go", "LEXER"),
    "css": ("css", "LEXER"),
    "html": ("html", "LEXER"),
    "python": ("python", "LEXER"),
    "sql": ("sql", "LEXER"),
    "c": ("c", "C_LEXER"),
    "cpp": ("c", "CPP_LEXER"),
    "erb": ("erb", "LEXER"),
    "tex": ("tex", "LEXER"),
    "json": ("json", "LEXER"),
    "rust": ("rust", "LEXER"),
    "markdown": ("markdown", "LEXER"),
    "viml": ("viml", "LEXER"),
    "yaml": ("yaml", "LEXER"),
    "ini": ("small", "INI"),
    "xml": ("small", "XML"),
    "docker": ("small", "DOCKER"),
    "toml": ("small", "TOML"),
    "csharp": ("csharp", "LEXER"),
    "jsx": ("jsx", "LEXER"),
    "kotlin": ("kotlin", "LEXER"),
    "swift": ("swift", "LEXER"),
    "make": ("small", "MAKE"),
    "scss": ("scss", "LEXER"),
    "php": ("php", "LEXER"),
    "powershell": ("powershell", "LEXER"),
    "http": ("http", "LEXER"),
    "cmake": ("cmake", "LEXER"),
    "r": ("r", "LEXER"),
    "coffeescript": ("coffeescript", "LEXER"),
    "perl": ("perl", "LEXER"),
    "lua": ("lua", "LEXER"),
    "haskell": ("haskell", "LEXER"),
    "scala": ("scala", "LEXER"),
    "objective_c": ("objective_c", "LEXER"),
    "groovy": ("groovy", "LEXER"),
    "dart": ("dart", "LEXER"),
    "elixir": ("elixir", "LEXER"),
    "nginx": ("nginx", "LEXER"),
    "graphql": ("graphql", "LEXER"),
    "matlab": ("matlab", "LEXER"),
    "julia": ("julia", "LEXER"),
    "clojure": ("clojure", "LEXER"),
    "erlang": ("erlang", "LEXER"),
    "hcl": ("hcl", "HCL"),
    "terraform": ("hcl", "TERRAFORM"),
    "protobuf": ("protobuf", "LEXER"),
    "properties": ("properties", "LEXER"),
    "batchfile": ("batchfile", "LEXER"),
    "tsx": ("tsx", "LEXER"),
    "conf": ("config", "CONF"),
    "ssh": ("config", "SSH"),
    "systemd": ("config", "SYSTEMD"),
    "apache": ("config", "APACHE"),
    "ocaml": ("ocaml", "LEXER"),
    "elm": ("elm", "LEXER"),
    "handlebars": ("handlebars", "LEXER"),
    "jinja": ("jinja", "LEXER"),
    "awk": ("awk", "LEXER"),
    "sed": ("sed", "LEXER"),
    "fsharp": ("fsharp", "LEXER"),
    "zig": ("zig", "LEXER"),
    "solidity": ("solidity", "LEXER"),
    "scheme": ("scheme", "LEXER"),
    "nix": ("nix", "LEXER"),
    "vb": ("vb", "LEXER"),
    "dot": ("dot", "LEXER"),
    "prolog": ("prolog", "LEXER"),
    "pascal": ("pascal", "LEXER"),
    "plist": ("plist", "LEXER"),
    "d": ("d", "LEXER"),
    "nasm": ("nasm", "LEXER"),
    "fortran": ("fortran", "LEXER"),
    "vala": ("vala", "LEXER"),
    "xojo": ("xojo", "LEXER"),
    "tcl": ("tcl", "LEXER"),
    "puppet": ("puppet", "LEXER"),
    "json-doc": ("json", "JSON_DOC"),
    "cuda": ("cuda", "LEXER"),
    "gradle": ("gradle", "LEXER"),
    "objective_cpp": ("objective_cpp", "LEXER"),
    "racket": ("racket", "LEXER"),
    "gherkin": ("gherkin", "LEXER"),
    "glsl": ("glsl", "LEXER"),
    "digdag": ("digdag", "LEXER"),
    "irb": ("irb", "LEXER"),
    "hlsl": ("hlsl", "LEXER"),
    "nim": ("nim", "LEXER"),
    "sass": ("sass", "LEXER"),
    "vue": ("vue", "LEXER"),
    "twig": ("jinja", "TWIG"),
    "crystal": ("crystal", "LEXER"),
    "haml": ("haml", "LEXER"),
    "slim": ("slim", "LEXER"),
    "bibtex": ("bibtex", "LEXER"),
    "eex": ("eex", "LEXER"),
    "reasonml": ("reasonml", "LEXER"),
    "common_lisp": ("common_lisp", "LEXER"),
    "llvm": ("llvm", "LEXER"),
    "verilog": ("verilog", "LEXER"),
    "vhdl": ("vhdl", "LEXER"),
    "mathematica": ("mathematica", "LEXER"),
    "gdscript": ("gdscript", "LEXER"),
    "brainfuck": ("brainfuck", "LEXER"),
    "email": ("email", "LEXER"),
    "tap": ("tap", "LEXER"),
    "turtle": ("turtle", "LEXER"),
    "sparql": ("sparql", "LEXER"),
    "rego": ("rego", "LEXER"),
    "meson": ("meson", "LEXER"),
    "jsonnet": ("jsonnet", "LEXER"),
    "smalltalk": ("smalltalk", "LEXER"),
    "prometheus": ("prometheus", "LEXER"),
    "hylang": ("hylang", "LEXER"),
    "postscript": ("postscript", "LEXER"),
    "cypher": ("cypher", "LEXER"),
    "moonscript": ("moonscript", "LEXER"),
    "literate_haskell": ("literate_haskell", "LEXER"),
    "literate_coffeescript": ("literate_coffeescript", "LEXER"),
    "qml": ("qml", "LEXER"),
    "ada": ("ada", "LEXER"),
    "actionscript": ("actionscript", "LEXER"),
    "cython": ("cython", "LEXER"),
    "hocon": ("hocon", "LEXER"),
    "apex": ("apex", "LEXER"),
    "smarty": ("smarty", "LEXER"),
    "velocity": ("velocity", "LEXER"),
    "haxe": ("haxe", "LEXER"),
    "sml": ("sml", "LEXER"),
    "plsql": ("plsql", "LEXER"),
    "lean": ("lean", "LEXER"),
    "q": ("q", "LEXER"),
    "stata": ("stata", "LEXER"),
    "jsp": ("jsp", "LEXER"),
    "janet": ("janet", "LEXER"),
}


class _NativeLexers(Mapping[str, Any]):
    """Rouge tag -> our lexer (a RegexLexer, or the console lexer), loaded on first use."""

    def __init__(self, spec: dict[str, tuple[str, str]]) -> None:
        self._spec = spec
        self._loaded: dict[str, Any] = {}

    def __getitem__(self, tag: str) -> Any:
        lexer = self._loaded.get(tag)
        if lexer is None:
            module, name = self._spec[tag]
            lexer = getattr(importlib.import_module(f"{__name__}.{module}"), name)
            self._loaded[tag] = lexer
        return lexer

    def get(self, tag: str, default: Any = None) -> Any:
        lexer = self._loaded.get(tag)
        if lexer is not None:
            return lexer
        return self[tag] if tag in self._spec else default

    def __contains__(self, tag: object) -> bool:
        return tag in self._spec

    def __iter__(self) -> Iterator[str]:
        return iter(self._spec)

    def __len__(self) -> int:
        return len(self._spec)


NATIVE: Mapping[str, Any] = _NativeLexers(LEXERS)
