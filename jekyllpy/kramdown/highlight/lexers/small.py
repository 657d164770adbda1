"""Small Rouge 3.30 lexers restated: INI, XML, Dockerfile, TOML and Make."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, delegate, feed_embedded, rx
from . import shell

# Rouge: [\p{L}:_][\p{Word}\p{Cf}:.\u00b7-]* (Onigmo's properties: Python's \w has no marks
# and counts other numbers such as U+00B2 as letters)
_XML_NAME = rf"[{P.L}:_][{U.WORD}{P.CF}:.\u00b7-]*"

INI = RegexLexer({
    "basic": [
        Rule(rx(r"[;#].*?\n"), "c"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"\\\n"), "se"),
    ],
    "root": [
        Mixin("basic"),
        Rule(rx(r"([\w\-.]+)(\s*)(=)"), ("py", "", "p"), "value"),
        Rule(rx(r"\[.*?\]"), "nn"),
    ],
    "value": [
        Rule(rx(r"\n"), "", "#pop"),
        Mixin("basic"),
        Rule(rx(r"\""), "s", "dq"),
        Rule(rx(r"'.*?'"), "s"),
        Mixin("esc_str"),
        Rule(rx(r"[^\\\n]+"), "s"),
    ],
    "dq": [
        Rule(rx(r"\""), "s", "#pop"),
        Mixin("esc_str"),
        Rule(rx(r"[^\\\"]+", re.S), "s"),
    ],
    "esc_str": [Rule(rx(r"\\.", re.S), "se")],
})

XML = RegexLexer({
    "root": [
        Rule(rx(r"[^<&]+"), ""),
        Rule(rx(r"&\S*?;"), "ni"),
        Rule(rx(r"<!\[CDATA\[.*?\]\]>"), "cp"),
        Rule(rx(r"<!--"), "c", "comment"),
        Rule(rx(r"<\?.*?\?>"), "cp"),
        Rule(rx(r"<![^>]*>"), "cp"),
        Rule(rx(rf"<\s*{_XML_NAME}", re.S), "nt", "tag"),
        Rule(rx(rf"<\s*/\s*{_XML_NAME}\s*>", re.S), "nt"),
    ],
    "comment": [
        Rule(rx(r"[^-]+", re.S), "c"),
        Rule(rx(r"-->"), "c", "#pop"),
        Rule(rx(r"-"), "c"),
    ],
    "tag": [
        Rule(rx(r"\s+", re.S), ""),
        Rule(rx(rf"{_XML_NAME}\s*=", re.S), "na", "attr"),
        Rule(rx(r"/?\s*>"), "nt", "#pop"),
    ],
    "attr": [
        Rule(rx(r"\s+", re.S), ""),
        Rule(rx(r"\".*?\"|'.*?'|[^\s>]+", re.S), "s", "#pop"),
    ],
})

_DOCKER_KEYWORDS = ("FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR"
                    "|ARG|STOPSIGNAL|HEALTHCHECK|SHELL")


def _run_start(run: LexRun, m: re.Match[str]) -> None:
    run.token("k", m.group())
    run.push("run")
    run.vars["shell"] = shell.LEXER.new_run()


DOCKER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)", re.I), ("k", "w", "s", "w", "k", "w", "s")),
        Rule(rx(rf"^(ONBUILD)(\s+)({_DOCKER_KEYWORDS})(.*)", re.I), ("k", "w", "k", "s")),
        Rule(rx(rf"^({_DOCKER_KEYWORDS})\b(.*)", re.I), ("k", "s")),
        Rule(rx(r"#.*?$"), "c"),
        Rule(rx(r"^(ONBUILD\s+)?RUN(\s+)", re.I), action=_run_start),
        Rule(rx(r"\w+"), ""),
        Rule(rx(r"[^\w]+"), ""),
        Rule(rx(r".", re.S), ""),
    ],
    "run": [
        Rule(rx(r"\n"), "", "#pop"),
        Rule(rx(r"\\.", re.S), "se"),
        Rule(rx(r"(\\.|[^\n\\])+"), action=delegate("shell", shell.LEXER)),
    ],
})

# TOML.  Rouge's table-header rule starts with ``(?<!=)``, which always holds for its
# scanner (it cannot look behind the cursor), so it is left out.
_TOML_ID = r"(?:\S+|\"[^\"]+\"|'[^']+')"

TOML = RegexLexer({
    "basic": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"#.*?$"), "c"),
        Rule(rx(r"(true|false)"), "kc"),
        Rule(rx(rf"({_TOML_ID})(\s*)(=)(\s*)(\{{)"), ("nn", "", "o", "", "p"), "inline"),
        Rule(rx(r"\s*\[[\S]+\]"), "nn"),
        Rule(rx(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"), "ld"),
        Rule(rx(r"[+-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?"), "mf"),
        Rule(rx(r"[+-]?\d+(?:_\d+)*[eE][+-]?\d+(?:_\d+)*"), "mf"),
        Rule(rx(r"[+-]?(?:nan|inf)"), "mf"),
        Rule(rx(r"0x[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*"), "mh"),
        Rule(rx(r"0o[0-7]+(?:_[0-7]+)*"), "mo"),
        Rule(rx(r"0b[01]+(?:_[01]+)*"), "mb"),
        Rule(rx(r"[+-]?\d+(?:_\d+)*"), "mi"),
    ],
    "root": [
        Mixin("basic"),
        Rule(rx(rf"({_TOML_ID})(\s*)(=)"), ("py", "", "p"), "value"),
    ],
    "value": [Rule(rx(r"\n"), "", "#pop"), Mixin("content")],
    "content": [
        Mixin("basic"),
        Rule(rx(rf"({_TOML_ID})(\s*)(=)"), ("py", "", "p")),
        Rule(rx(r'"""'), "s", "mdq"),
        Rule(rx(r'"'), "s", "dq"),
        Rule(rx(r"'''"), "s", "msq"),
        Rule(rx(r"'"), "s", "sq"),
        Mixin("esc_str"),
        Rule(rx(r","), "p"),
        Rule(rx(r"\["), "p", "array"),
    ],
    "dq": [
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r"\n"), "err", "#pop"),
        Mixin("esc_str"),
        Rule(rx(r'[^\\"\n]+'), "s"),
    ],
    "mdq": [
        Rule(rx(r'"""'), "s", "#pop"),
        Mixin("esc_str"),
        Rule(rx(r'[^\\"]+'), "s"),
        Rule(rx(r'"+'), "s"),
    ],
    "sq": [
        Rule(rx(r"'"), "s", "#pop"),
        Rule(rx(r"\n"), "err", "#pop"),
        Rule(rx(r"[^'\n]+"), "s"),
    ],
    "msq": [
        Rule(rx(r"'''"), "s", "#pop"),
        Rule(rx(r"[^']+"), "s"),
        Rule(rx(r"'+"), "s"),
    ],
    "esc_str": [Rule(rx(r"\\[0t\tn\n \"\\r]"), "se")],
    "array": [Mixin("content"), Rule(rx(r"\]"), "p", "#pop")],
    "inline": [Mixin("content"), Rule(rx(r"\}"), "p", "#pop")],
})

# Make.  Recipe lines and variable values are shell, handed to the shell lexer whose state
# carries over within a rule (Rouge resets it at the end of a rule body).
_MAKE_FUNCTIONS = (
    "abspath addprefix addsuffix and basename call dir error eval file filter filter-out "
    "findstring firstword flavor foreach if join lastword notdir or origin patsubst realpath "
    "shell sort strip subst suffix value warning wildcard word wordlist words").split()
_MAKE_STOP = r"\$\(|\$\{|\(|\)|\}|\\|$"


def _make_variable(run: LexRun, m: re.Match[str]) -> None:
    run.token("nv", m.group(1))
    run.token("", m.group(2))
    run.token("o", m.group(3))
    run.push("shell_line")


def _make_body_end(run: LexRun, m: re.Match[str]) -> None:
    run.vars["shell"] = shell.LEXER.new_run()
    run.pop()


def _make_open_paren(run: LexRun, m: re.Match[str]) -> None:
    feed_embedded(run, "shell", shell.LEXER, m.group())
    run.push()


MAKE = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"#.*?\n"), "c"),
        Rule(rx(r"([-s]?include)((?:[\t ]+[^\t\n #]+)+)"), ("k", "sx")),
        Rule(rx(r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)"), ("k", "", "nv")),
        Rule(rx(r"(?:else|endif)[\t ]*(?=[#\n])"), "k"),
        Rule(rx(r"(export)([\t ]+)(?=[\w\${}()\t -]+\n)"), ("k", ""), "export"),
        Rule(rx(r"export[\t ]+"), "k"),
        Rule(rx(r"([\w${}().-]+)([\t ]*)([!?:+]?=)", re.S), action=_make_variable),
        Rule(rx(r"\"(\\\\|\\.|[^\"\\])*\""), "s2"),
        Rule(rx(r"'(\\\\|\\.|[^'\\])*'"), "s1"),
        Rule(rx(r"([^\n:]+)(:+)([ \t]*)"), ("nl", "o", ""), "block_header"),
    ],
    "export": [
        Rule(rx(r"[\w\${}()-]"), "nv"),
        Rule(rx(r"\n"), "", "#pop"),
        Rule(rx(r"[\t ]+"), ""),
    ],
    "block_header": [
        Rule(rx(r"[^,\\\n#]+"), "nf"),
        Rule(rx(r","), "p"),
        Rule(rx(r"#.*?"), "c"),
        Rule(rx(r"\\\n"), ""),
        Rule(rx(r"\\."), ""),
        Rule(rx(r"\n"), action=lambda run, m: (run.token("", m.group()),
                                               run.goto("block_body"))),
    ],
    "block_body": [
        Rule(rx(r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)(#.*)?(\n)"), ("k", "", "nv", "c", "")),
        Rule(rx(r"(else|endif)([\t ]*)(#.*)?(\n)"), ("k", "", "c", "")),
        Rule(rx(r"(\t[\t ]*)([@-]?)"), ("", "p"), "shell_line"),
        Rule(rx(r""), action=_make_body_end),
    ],
    "shell": [
        Rule(rx(r"\$[({][\t ]*\w[\w:=%.]*[\t ]*[)}]", re.I), "nv"),
        Rule(rx(rf"(\$[({{])([\t ]*)({'|'.join(_MAKE_FUNCTIONS)})([\t ]+)", re.S),
             ("nf", "", "nb", ""), "shell_expr"),
        Rule(rx(r"\\.", re.S), action=delegate("shell", shell.LEXER)),
        Rule(rx(rf".+?(?={_MAKE_STOP})", re.S), action=delegate("shell", shell.LEXER)),
        Rule(rx(_MAKE_STOP), action=delegate("shell", shell.LEXER)),
    ],
    "shell_expr": [
        Rule(rx(r"[({]"), action=_make_open_paren),
        Rule(rx(r"[)}]"), "nf", "#pop"),
        Mixin("shell"),
    ],
    "shell_line": [
        Rule(rx(r"\n"), "", "#pop"),
        Mixin("shell"),
    ],
})
