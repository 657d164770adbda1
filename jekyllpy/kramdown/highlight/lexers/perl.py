"""Perl as Rouge 3.30's Perl lexer tokenises it.

Notes on the translation: inside a Ruby character class ``\\1`` is the octal escape for
U+0001 (not a back reference), so Rouge's ``[^\\1]`` is written ``[^\\x01]`` here; Rouge's
rule for a regex after ``=~`` or ``(`` begins with a lookbehind, which its scanner (seeing
nothing before the cursor) never satisfies, so it is left out.  Its case-insensitive
letter classes are spelled out with U+017F and U+212A, which Ruby folds into ``s`` and ``k``.
"""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character

_KEYWORDS = ("case continue do else elsif for foreach if last my next our redo reset then "
             "unless until while use print new BEGIN CHECK INIT END return").split()
_BUILTINS = """
abs accept alarm atan2 bind binmode bless caller chdir chmod chomp chop chown chr chroot close
closedir connect continue cos crypt dbmclose dbmopen defined delete die dump each endgrent
endhostent endnetent endprotoent endpwent endservent eof eval exec exists exit exp fcntl fileno
flock fork format formline getc getgrent getgrgid getgrnam gethostbyaddr gethostbyname
gethostent getlogin getnetbyaddr getnetbyname getnetent getpeername getpgrp getppid
getpriority getprotobyname getprotobynumber getprotoent getpwent getpwnam getpwuid
getservbyname getservbyport getservent getsockname getsockopt glob gmtime goto grep hex import
index int ioctl join keys kill last lc lcfirst length link listen local localtime log lstat
map mkdir msgctl msgget msgrcv msgsnd my next no oct open opendir ord our pack package pipe
pop pos printf prototype push quotemeta rand read readdir readline readlink readpipe recv redo
ref rename require reverse rewinddir rindex rmdir scalar seek seekdir select semctl semget
semop send setgrent sethostent setnetent setpgrp setpriority setprotoent setpwent setservent
setsockopt shift shmctl shmget shmread shmwrite shutdown sin sleep socket socketpair sort
splice split sprintf sqrt srand stat study substr symlink syscall sysopen sysread sysseek
system syswrite tell telldir tie tied time times tr truncate uc ucfirst umask undef unlink
unpack unshift untie utime values vec wait waitpid wantarray warn write
""".split()

_RE = "sr"
_AZ = "a-zA-Z\u017f\u212a"  # [a-z] under Ruby's /i (it folds U+017F, U+212A into s, k)
_QUOTE = r"(q|qq|qw|qr|qx)"
# one delimited part of s///, tr/// or m//: escapes of a backslash or the delimiter, or
# anything but U+0001 (see the module's notes)
_PART = r"((\\\\|\\\1)|[^\x01])*?\1"


def _nested(open_: str, close: str) -> list[Rule]:
    """A q-string with bracket delimiters: brackets nest."""
    return [
        Rule(rx(rf"\\[{open_}{close}\\]"), "sx"),
        Rule(rx(r"\\"), "sx"),
        Rule(rx(open_), "sx", "#push"),
        Rule(rx(close), "sx", "#pop"),
        Rule(rx(rf"[^{open_}{close}\\]+"), "sx"),
    ]


def _balanced(open_: str, close: str) -> Rule:
    return Rule(rx(rf"{open_}(\\[\\{close}]|[^{close}])*{close}[egimosx]*"), _RE, "#pop")


STATES = {
    "balanced_regex": [
        _balanced("/", "/"),
        _balanced("!", "!"),
        Rule(rx(r"\\(\\\\|[^\\])*\\[egimosx]*"), _RE, "#pop"),
        _balanced(r"\{", r"\}"),
        _balanced("<", ">"),
        _balanced(r"\[", r"\]"),
        _balanced(r"\(", r"\)"),
        _balanced("@", "@"),
        _balanced("%", "%"),
        _balanced(r"\$", r"\$"),
    ],
    "root": [
        Rule(rx(r"#.*"), "c1"),
        Rule(rx(r"^=[a-zA-Z0-9]+\s+.*?\n=cut", re.S), "cm"),
        Rule(rx(rf"(?:{'|'.join(_KEYWORDS)}){_END}"), "k"),
        Rule(rx(r"(format)(\s+)([a-zA-Z0-9_]+)(\s*)(=)(\s*\n)"), ("k", "", "n", "", "p", ""),
             "format"),
        Rule(rx(r"(?:eq|lt|gt|le|ge|ne|not|and|or|cmp)" + _END), "ow"),
        Rule(rx(r"(?:s|tr|y)\{(\\\\|\\\}|[^}])*\}\s*"), _RE, "balanced_regex"),
        Rule(rx(r"(?:s|tr|y)<(\\\\|\\>|[^>])*>\s*"), _RE, "balanced_regex"),
        Rule(rx(r"(?:s|tr|y)\[(\\\\|\\\]|[^\]])*\]\s*"), _RE, "balanced_regex"),
        Rule(rx(r"(?:s|tr|y)\((\\\\|\\\)|[^\)])*\)\s*"), _RE, "balanced_regex"),
        Rule(rx(rf"(?:s|tr|y)\s*([^\w\s]){_PART}{_PART[:-2]}\1[msixpodualngcr]*"), _RE),
        Rule(rx(rf"(?:s|tr|y)\s+(\w){_PART}{_PART[:-2]}\1[msixpodualngcr]*"), _RE),
        Rule(rx(r"m?/(\\\\|\\/|[^/\n])*/[msixpodualngc]*"), _RE),
        Rule(rx(r"m(?=[/!\\{<\[\(@%\$])"), _RE, "balanced_regex"),
        Rule(rx(rf"m\s*([^\w\s]){_PART}[msixpodualngc]*"), _RE),
        Rule(rx(rf"m\s+(\w){_PART}[msixpodualngc]*"), _RE),
        Rule(rx(r"\s+"), ""),
        Rule(rx(rf"(?=[{_AZ}_]\w*(\s*#.*\n)*\s*=>)"), None, "fat_comma"),
        Rule(rx(rf"(?:{'|'.join(_BUILTINS)}){_END}"), "nb"),
        Rule(rx(r"((__(DIE|WARN)__)|(DATA|STD(IN|OUT|ERR)))" + _END), "bp"),
        Rule(rx(r"<<(['\"]?)([a-zA-Z_][a-zA-Z0-9_]*)\1;?\n.*?\n\2\n", re.S), "s"),
        Rule(rx(r"(__(END|DATA)__)" + _END), "cp", "end_part"),
        Rule(rx(r"\$\^[ADEFHILMOPSTWX]"), "vg"),
        Rule(rx(r"\$[\\\"'\[\]&`+*.,;=%~?@$!<>(^|/_-](?!\w)"), "vg"),
        Rule(rx(rf"[$@%&*][$@%&*#_]*(?=[{_AZ}{{\[;])"), "nv", "varname"),
        Rule(rx(r"[-+/*%=<>&^|!\\~]=?"), "o"),
        Rule(rx(r"0_?[0-7]+(_[0-7]+)*"), "mo"),
        Rule(rx(r"0x[0-9A-Fa-f]+(_[0-9A-Fa-f]+)*"), "mh"),
        Rule(rx(r"0b[01]+(_[01]+)*"), "mb"),
        Rule(rx(r"(\d*(_\d*)*\.\d+(_\d*)*|\d+(_\d*)*\.\d+(_\d*)*)(e[+-]?\d+)?", re.I), "mf"),
        Rule(rx(r"\d+(_\d*)*e[+-]?\d+(_\d*)*", re.I), "mf"),
        Rule(rx(r"\d+(_\d+)*"), "mi"),
        Rule(rx(r"'"), "p", "sq"),
        Rule(rx(r'"'), "p", "dq"),
        Rule(rx(r"`"), "p", "bq"),
        Rule(rx(r"<([^\s>]+)>"), _RE),
        Rule(rx(rf"{_QUOTE}\{{"), "sx", "cb_string"),
        Rule(rx(rf"{_QUOTE}\("), "sx", "rb_string"),
        Rule(rx(rf"{_QUOTE}\["), "sx", "sb_string"),
        Rule(rx(rf"{_QUOTE}<"), "sx", "lt_string"),
        Rule(rx(rf"{_QUOTE}(\W)(.|\n)*?\2"), "sx"),
        Rule(rx(r"package\s+"), "k", "modulename"),
        Rule(rx(r"sub\s+"), "k", "funcname"),
        Rule(rx(r"\[\]|\*\*|::|<<|>>|>=|<=|<=>|={3}|!=|=~|!~|&&?|\|\||\.{1,3}"), "o"),
        Rule(rx(r"[()\[\]:;,<>/?{}]"), "p"),
        Rule(rx(r"(?=\w)"), None, "name"),
    ],
    "format": [
        Rule(rx(r"\.\n"), "si", "#pop"),
        Rule(rx(r".*?\n"), "si"),
    ],
    "fat_comma": [
        Rule(rx(r"#.*"), "c1"),
        Rule(rx(r"\w+"), "s"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"=>"), "o", "#pop"),
    ],
    "name_common": [
        Rule(rx(r"\w+::"), "nn"),
        Rule(rx(r"[\w:]+"), "nv", "#pop"),
    ],
    "varname": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"[{\[]"), "p", "#pop"),
        Rule(rx(r"[),]"), "p", "#pop"),
        Rule(rx(r"[;]"), "p", "#pop"),
        Mixin("name_common"),
    ],
    "name": [
        Mixin("name_common"),
        Rule(rx(r"[A-Z_]+(?=[^a-zA-Z0-9_])"), "no", "#pop"),
        Rule(rx(r"(?=\W)"), None, "#pop"),
    ],
    "modulename": [Rule(rx(rf"[{_AZ}_]\w*"), "nn", "#pop")],
    "funcname": [
        Rule(rx(r"[a-zA-Z_]\w*[!?]?"), "nf"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"(\([$@%]*\))(\s*)"), ("p", "")),
        Rule(rx(r".*?\{"), "p", "#pop"),
        Rule(rx(r";"), "p", "#pop"),
    ],
    "sq": [
        Rule(rx(r"\\[\\']"), "se"),
        Rule(rx(r"[^\\']+"), "s1"),
        Rule(rx(r"'"), "p", "#pop"),
        Rule(rx(r"\\"), "s1"),
    ],
    "dq": [
        Mixin("string_intp"),
        Rule(rx(r"\\[\\tnrabefluLUE\"$@]"), "se"),
        Rule(rx(r"\\0\d{2}"), "se"),
        Rule(rx(r"\\o\{\d+\}"), "se"),
        Rule(rx(r"\\x[0-9a-fA-F]{2}"), "se"),
        Rule(rx(r"\\x\{[0-9a-fA-F]+\}"), "se"),
        Rule(rx(r"\\c."), "se"),
        Rule(rx(r"\\N\{[^}]+\}"), "se"),
        Rule(rx(r"[^\\\"]+?"), "s2"),
        Rule(rx(r'"'), "p", "#pop"),
        Rule(rx(r"\\"), "se"),
    ],
    "bq": [
        Mixin("string_intp"),
        Rule(rx(r"\\[\\tnr`]"), "se"),
        Rule(rx(r"[^\\`]+?"), "sb"),
        Rule(rx(r"`"), "p", "#pop"),
    ],
    "cb_string": _nested(r"\{", r"\}"),
    "rb_string": _nested(r"\(", r"\)"),
    "sb_string": _nested(r"\[", r"\]"),
    "lt_string": _nested("<", ">"),
    "in_interp": [
        Rule(rx(r"\}"), "si", "#pop"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(rf"[{_AZ}_]\w*"), "si"),
    ],
    "string_intp": [
        Rule(rx(r"[$@][{]"), "si", "in_interp"),
        Rule(rx(rf"[$@][{_AZ}_]\w*"), "si"),
    ],
    "end_part": [Rule(rx(r".+", re.S), "cp", "#pop")],
}

LEXER = RegexLexer(STATES)
