"""Shell sessions (``console``, ``terminal``, ``shell-session``) as Rouge 3.30's console
lexer tokenises them, with its default options.

Line by line: a line of dots (``...``, ``<...>``) is a comment; a line containing a prompt
character (``$``, ``#``, ``>`` or ``;``) is a prompt (``gp``) up to and including the first
such character, its following whitespace (``w``), then shell code, lexed with the shell
state carried over from the previous prompt line; any other line is output (``go``) and
resets the shell state.
"""

from __future__ import annotations

import re

from ..regex_lexer import merge_runs
from . import shell

_SNIP = re.compile(r"\A\s*(?:<[.]+>|[.]+)\s*\Z")
_PROMPT = re.compile(r".*?(?:\$|#|>|;)", re.S)
_LEADING_WS = re.compile(r"\s*", re.A)
_LINE = re.compile(r".*?(?:\n|\Z)", re.S)


class ConsoleLexer:
    """Not a RegexLexer: Rouge's console lexer works per line and delegates to the shell."""

    def lex(self, text: str) -> list[tuple[str, str]]:
        tokens: list[tuple[str, str]] = []
        run = shell.LEXER.new_run()
        pos = 0
        while pos < len(text):
            line = _LINE.match(text, pos).group()
            pos += len(line)
            if _SNIP.match(line):
                run = shell.LEXER.new_run()
                tokens.append(("c", line))
                continue
            m = _PROMPT.match(line)
            if m is not None:
                tokens.append(("gp", m.group()))
                rest = line[m.end():]
                ws = _LEADING_WS.match(rest).group()
                if ws:
                    tokens.append(("w", ws))
                run.tokens = []
                shell.LEXER.feed(run, rest[len(ws):])
                tokens.extend(run.tokens)
                continue
            run = shell.LEXER.new_run()
            tokens.append(("go", line))
        return merge_runs([t for t in tokens if t[1]])


LEXER = ConsoleLexer()
