"""Lexers written for jekyllpy where Pygments' tokens cannot be corrected into Rouge's.

Each module defines a :class:`~..regex_lexer.RegexLexer` (``LEXER``; ``small`` holds several)
whose states follow the rules of the Rouge 3.30 lexer of the same name (read, then restated
in our own terms).
"""

from __future__ import annotations

from ..regex_lexer import RegexLexer
from . import (batchfile, c, clojure, cmake, coffeescript, console, csharp, css, dart, diff,
               elixir, erb, erlang, go, graphql, groovy, haskell, hcl, html, http, java,
               javascript, json, jsx, julia, kotlin, liquid, lua, markdown, matlab, nginx,
               objective_c, perl, php, powershell, properties, protobuf, python, r, ruby, rust,
               scala, scss, shell, small, sql, swift, tex, tsx, typescript, viml, yaml)

#: Rouge tag -> our lexer
NATIVE: dict[str, RegexLexer | console.ConsoleLexer] = {
    "shell": shell.LEXER,
    "console": console.LEXER,
    "diff": diff.LEXER,
    "java": java.LEXER,
    "javascript": javascript.LEXER,
    "typescript": typescript.LEXER,
    "ruby": ruby.LEXER,
    "liquid": liquid.LEXER,
    "go": go.LEXER,
    "css": css.LEXER,
    "html": html.LEXER,
    "python": python.LEXER,
    "sql": sql.LEXER,
    "c": c.C_LEXER,
    "cpp": c.CPP_LEXER,
    "erb": erb.LEXER,
    "tex": tex.LEXER,
    "json": json.LEXER,
    "rust": rust.LEXER,
    "markdown": markdown.LEXER,
    "viml": viml.LEXER,
    "yaml": yaml.LEXER,
    "ini": small.INI,
    "xml": small.XML,
    "docker": small.DOCKER,
    "toml": small.TOML,
    "csharp": csharp.LEXER,
    "jsx": jsx.LEXER,
    "kotlin": kotlin.LEXER,
    "swift": swift.LEXER,
    "make": small.MAKE,
    "scss": scss.LEXER,
    "php": php.LEXER,
    "powershell": powershell.LEXER,
    "http": http.LEXER,
    "cmake": cmake.LEXER,
    "r": r.LEXER,
    "coffeescript": coffeescript.LEXER,
    "perl": perl.LEXER,
    "lua": lua.LEXER,
    "haskell": haskell.LEXER,
    "scala": scala.LEXER,
    "objective_c": objective_c.LEXER,
    "groovy": groovy.LEXER,
    "dart": dart.LEXER,
    "elixir": elixir.LEXER,
    "nginx": nginx.LEXER,
    "graphql": graphql.LEXER,
    "matlab": matlab.LEXER,
    "julia": julia.LEXER,
    "clojure": clojure.LEXER,
    "erlang": erlang.LEXER,
    "hcl": hcl.HCL,
    "terraform": hcl.TERRAFORM,
    "protobuf": protobuf.LEXER,
    "properties": properties.LEXER,
    "batchfile": batchfile.LEXER,
    "tsx": tsx.LEXER,
}
