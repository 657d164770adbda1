"""IRB and Pry sessions as Rouge 3.30's IRB lexer tokenises them: the console lexer's line
loop with IRB's prompt (``irb(...)>``, ``pry(...)>``), ``#`` comment lines, Ruby for the
input (its state carried from prompt to prompt) and, for output lines, Ruby's lexer starting
in an output state: text up to ``=>`` is output (or an error after ``...Error:``), the value
after it is Ruby."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, merge_runs, rx
from . import ruby

_SNIP = re.compile(r"\A\s*(?:<[.]+>|[.]+)\s*\Z")
_PROMPT = re.compile(r".*?(irb|pry).*?[>\"*]")
_COMMENT = re.compile(r"\s*?#")
_LEADING_WS = re.compile(r"\s*", re.A)
_LINE = re.compile(r".*?(?:\n|\Z)", re.S)

_OUTPUT_STATES = dict(ruby.STATES)
_OUTPUT_STATES.update({
    "has_irb_output": [
        Rule(rx(r"=>"), "p", "#pop"),
        Rule(rx(r".+?(\n|$)"), "go"),
    ],
    "irb_error": [
        Rule(rx(r".+?(\n|$)"), "gr"),
        Mixin("has_irb_output"),
    ],
    "stdout": [
        Rule(rx(r"\w+?(Error|Exception):.+?(\n|$)"), "gr", "irb_error"),
        Mixin("has_irb_output"),
    ],
    "root": [Rule(rx(r"#<"), "kt", "irb_object"), *ruby.STATES["root"]],
    "irb_object": [
        Rule(rx(r">"), "kt", "#pop"),
        Mixin("root"),
    ],
})
OUTPUT = RegexLexer(_OUTPUT_STATES, start=("root", "expr_start", "stdout"))


class IRBLexer:
    """Not a RegexLexer: like Rouge's console lexer it works line by line."""

    def lex(self, text: str) -> list[tuple[str, str]]:
        tokens: list[tuple[str, str]] = []
        lang: LexRun = ruby.LEXER.new_run()
        output: LexRun = OUTPUT.new_run()
        pos = 0
        while pos < len(text):
            line = _LINE.match(text, pos).group()
            pos += len(line)
            if _SNIP.match(line):
                output, lang = OUTPUT.new_run(), ruby.LEXER.new_run()
                tokens.append(("c", line))
                continue
            m = _PROMPT.match(line)
            if m is not None:
                output = OUTPUT.new_run()
                tokens.append(("gp", m.group()))
                rest = line[m.end():]
                ws = _LEADING_WS.match(rest).group()
                tokens.append(("w", ws))
                lang.tokens = []
                ruby.LEXER.feed(lang, rest[len(ws):])
                tokens.extend(lang.tokens)
                continue
            if _COMMENT.match(line.strip()):
                output, lang = OUTPUT.new_run(), ruby.LEXER.new_run()
                tokens.append(("c", line))
                continue
            lang = ruby.LEXER.new_run()
            output.tokens = []
            OUTPUT.feed(output, line)
            tokens.extend(output.tokens)
        return merge_runs([t for t in tokens if t[1]])


LEXER = IRBLexer()
