"""Shell (sh, bash, zsh, ksh) as Rouge 3.30's shell lexer tokenises it.

Notable Rouge behaviours reproduced: keywords and builtins swallow the whitespace after them
(``for `` is one keyword token), options ``-x``/``--long`` are ``nt``, a bare ``*`` is a
keyword, ``${...}`` braces are keywords, and ``$(...)`` is string interpolation.
"""

from __future__ import annotations

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

# Ruby's \b (its word characters from unicode_props): after a word character, and anywhere
_W = P.BOUNDARY_WORD
_END = f"(?![{_W}])"
_B = f"(?:(?<=[{_W}])(?![{_W}])|(?<![{_W}])(?=[{_W}]))"

_KEYWORDS = ("if fi else while do done for then return function select continue until esac "
             "elif in").split()
_BUILTINS = (
    "alias bg bind break builtin caller cd command compgen complete declare dirs disown enable "
    "eval exec exit export false fc fg getopts hash help history jobs let local logout mapfile "
    "popd pushd pwd read readonly set shift shopt source suspend test time times trap true type "
    "typeset ulimit umask unalias unset wait "
    "cat tac nl od base32 base64 fmt pr fold head tail split csplit wc sum cksum b2sum md5sum "
    "sha1sum sha224sum sha256sum sha384sum sha512sum sort shuf uniq comm ptx tsort cut paste "
    "join tr expand unexpand ls dir vdir dircolors cp dd install mv rm shred link ln mkdir "
    "mkfifo mknod readlink rmdir unlink chown chgrp chmod touch df du stat sync truncate echo "
    "printf yes expr tee basename dirname pathchk mktemp realpath pwd stty printenv tty id "
    "logname whoami groups users who date arch nproc uname hostname hostid uptime chcon runcon "
    "chroot env nice nohup stdbuf timeout kill sleep factor numfmt seq tar grep sudo awk sed "
    "gzip gunzip").split()

COMMENT, KEYWORD, BUILTIN, VARIABLE, OPERATOR = "c", "k", "nb", "nv", "o"
HEREDOC, CONSTANT, DOUBLE, SINGLE, ESCAPE = "sh", "no", "s2", "s1", "se"
PUNCT, TAG, TEXT, NUMBER, INTERPOL, BACKTICK = "p", "nt", "", "m", "si", "sb"


def _heredoc_start(run: LexRun, m) -> None:
    for css, i in ((OPERATOR, 1), (TEXT, 2), (HEREDOC, 3), (HEREDOC, 4), (CONSTANT, 5),
                   (HEREDOC, 6)):
        run.token(css, m.group(i))
    run.vars["heredoc"] = m.group(5)
    run.push("heredoc")


def _heredoc_line(run: LexRun, m) -> None:
    if m.group(1) == run.vars.get("heredoc"):
        run.token(CONSTANT, m.group())
        run.pop(2)
    else:
        run.token(HEREDOC, m.group())


def _pop(run: LexRun, m) -> None:
    run.pop()


STATES = {
    "basic": [
        Rule(rx(r"#.*$"), COMMENT),
        Rule(rx(rf"\b(?:{'|'.join(_KEYWORDS)})\s*{_B}"), KEYWORD),
        Rule(rx(rf"\bcase{_END}"), KEYWORD, "case"),
        Rule(rx(rf"\b(?:{'|'.join(_BUILTINS)})\s*{_B}(?!(\.|-))"), BUILTIN),
        Rule(rx(r"[.](?=\s)"), BUILTIN),
        Rule(rx(r"(\b\w+)(=)"), (VARIABLE, OPERATOR)),
        Rule(rx(r"[\[\]{}()!=>]"), OPERATOR),
        Rule(rx(r"&&|\|\|"), OPERATOR),
        Rule(rx(r"<<<"), OPERATOR),
        Rule(rx(r"(<<-?)(\s*)(['\"]?)(\\?)(\w+)(\3)"), action=_heredoc_start),
    ],
    "heredoc": [
        Rule(rx(r"\n"), HEREDOC, "heredoc_nl"),
        Rule(rx(r"[^$\n\\]+"), HEREDOC),
        Mixin("interp"),
        Rule(rx(r"[$]"), HEREDOC),
    ],
    "heredoc_nl": [
        Rule(rx(r"\s*(\w+)\s*\n"), action=_heredoc_line),
        Rule(rx(r""), action=_pop),
    ],
    "double_quotes": [
        Rule(rx(r"(?:\$#?)?\""), DOUBLE, "#pop"),
        Mixin("interp"),
        Rule(rx(r"[^\"`\\$]+"), DOUBLE),
    ],
    "ansi_string": [
        Rule(rx(r"\\."), ESCAPE),
        Rule(rx(r"[^\\']+"), SINGLE),
        Mixin("single_quotes"),
    ],
    "single_quotes": [
        Rule(rx(r"'"), SINGLE, "#pop"),
        Rule(rx(r"[^']+"), SINGLE),
    ],
    "data": [
        Rule(rx(r"\s+"), TEXT),
        Rule(rx(r"\\."), ESCAPE),
        Rule(rx(r"\$?\""), DOUBLE, "double_quotes"),
        Rule(rx(r"\$'"), SINGLE, "ansi_string"),
        Rule(rx(r"'"), SINGLE, "single_quotes"),
        Rule(rx(r"\*"), KEYWORD),
        Rule(rx(r";"), PUNCT),
        Rule(rx(r"--?[\w-]+"), TAG),
        Rule(rx(r"[^=\*\s{}()$\"'`;\\<]+"), TEXT),
        Rule(rx(r"\d+(?= |\Z)"), NUMBER),
        Rule(rx(r"<"), TEXT),
        Mixin("interp"),
    ],
    "curly": [
        Rule(rx(r"}"), KEYWORD, "#pop"),
        Rule(rx(r":-"), KEYWORD),
        Rule(rx(r"[a-zA-Z0-9_]+"), VARIABLE),
        Rule(rx(r"[^}:\"`'$]+"), PUNCT),
        Mixin("root"),
    ],
    "paren_interp": [
        Rule(rx(r"\)"), INTERPOL, "#pop"),
        Rule(rx(r"\("), OPERATOR, "paren_inner"),
        Mixin("root"),
    ],
    "paren_inner": [
        Rule(rx(r"\("), OPERATOR, "#push"),
        Rule(rx(r"\)"), OPERATOR, "#pop"),
        Mixin("root"),
    ],
    "math": [
        Rule(rx(r"\)\)"), KEYWORD, "#pop"),
        Rule(rx(r"[-+*/%^|&!]|\*\*|\|\|"), OPERATOR),
        Rule(rx(r"\d+(#\w+)?"), NUMBER),
        Mixin("root"),
    ],
    "case": [
        Rule(rx(rf"\besac{_END}"), KEYWORD, "#pop"),
        Rule(rx(r"\|"), PUNCT),
        Rule(rx(r"\)"), PUNCT, "case_stanza"),
        Mixin("root"),
    ],
    "case_stanza": [
        Rule(rx(r";;"), PUNCT, "#pop"),
        Mixin("root"),
    ],
    "backticks": [
        Rule(rx(r"`"), BACKTICK, "#pop"),
        Mixin("root"),
    ],
    "interp": [
        Rule(rx(r"\\$"), ESCAPE),
        Rule(rx(r"\\."), ESCAPE),
        Rule(rx(r"\$\(\("), KEYWORD, "math"),
        Rule(rx(r"\$\("), INTERPOL, "paren_interp"),
        Rule(rx(r"\$\{#?"), KEYWORD, "curly"),
        Rule(rx(r"`"), BACKTICK, "backticks"),
        Rule(rx(r"\$#?(\w+|.)"), VARIABLE),
        Rule(rx(r"\$[*@]"), VARIABLE),
    ],
    "root": [Mixin("basic"), Mixin("data")],
}

LEXER = RegexLexer(STATES)
