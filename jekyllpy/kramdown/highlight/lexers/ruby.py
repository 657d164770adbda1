"""Ruby as Rouge 3.30's Ruby lexer tokenises it: expression starts (where ``/`` begins a
regex and ``?x`` is a character), method calls, ``def``/``class``/``module`` names, sigil
strings (``%w[...]``, ``%r{...}``) with their own delimiters, symbols, interpolation,
heredocs queued until the end of their line.

Rouge matches with the cursor as the start of the text, so its lookbehinds at the start of
a rule (``(?<!\\.)``, ``(?<!\\w)``) always succeed; they are left out here for that reason.
"""

from __future__ import annotations

import re

from ..regex_lexer import Action, LexRun, Mixin, RegexLexer, Rule, rx, then

_KEYWORDS = [r"BEGIN", "END", "alias", "begin", "break", "case", r"defined\?", "do", "else",
             "elsif", "end", "ensure", "for", "if", "in", "next", "redo", "rescue", "raise",
             "retry", "return", "super", "then", "undef", "unless", "until", "when", "while",
             "yield"]
_KEYWORDS_PSEUDO = ("loop include extend raise alias_method attr catch throw private "
                    "module_function public protected true false nil __FILE__ __LINE__").split()
_BUILTINS_G = [w.replace("?", r"\?") for w in (
    "attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit autoload "
    "binding callcc caller catch chomp chop class_eval class_variables clone const_defined? "
    "const_get const_missing const_set constants display dup eval exec exit extend fail fork "
    "format freeze getc gets global_variables gsub hash id included_modules inspect "
    "instance_eval instance_method instance_methods instance_variable_get "
    "instance_variable_set instance_variables lambda load local_variables loop method "
    "method_missing methods module_eval name object_id open p print printf "
    "private_class_method private_instance_methods private_methods proc "
    "protected_instance_methods protected_methods public_class_method public_instance_methods "
    "public_methods putc puts raise rand readline readlines require require_relative scan "
    "select self send set_trace_func singleton_methods sleep split sprintf srand sub syscall "
    "system taint test throw to_a to_s trace_var trap untaint untrace_var warn").split()]
_BUILTINS_Q = ("autoload block_given const_defined eql equal frozen include instance_of is_a "
               "iterator kind_of method_defined nil private_method_defined "
               "protected_method_defined public_method_defined respond_to tainted").split()
_BUILTINS_B = "chomp chop exit gsub sub".split()
_DELIMITERS = {"{": "}", "[": "]", "(": ")", "<": ">"}
#: ``[a-z]`` under Ruby's ``/i``, which folds U+017F and U+212A into ``s`` and ``k``
#: (``\w`` stays ASCII)
AZ = "a-zA-Z\u017f\u212a"


def sigil(squeeze: bool) -> Action:
    """The action for ``%w[...]``-style strings: a state made for their delimiters (kept in
    the lexer's states under a name that says how it was made).  Ruby's lexer squeezes the
    escaped delimiters into its character classes; Crystal's puts them in as they are."""
    def action(run: LexRun, m: re.Match[str]) -> None:
        kind, opener = m.group(1), m.group(2)
        closer = _DELIMITERS.get(opener, opener)
        interp = bool(kind) and kind in "rQWxI"
        css = "sr" if kind == "r" else "sx"
        if kind == "r":
            run.push("regex_flags")
        run.token(css, m.group())
        name = f"sigil:{opener}{closer}:{css}:{interp}:{squeeze}"
        if name not in run.states:
            o, c = re.escape(opener), re.escape(closer)
            chars = o + c
            if squeeze:
                chars = re.sub(r"(.)\1+", r"\1", chars)  # Ruby's String#squeeze
                if opener == closer == "#":
                    chars = ""
            escape, content = rf"\\[#{chars}\\]", rf"[^#{chars}\\]+"
            if not squeeze and opener == "&":  # "[#&&\\]": an intersection, with nothing in it
                escape, content = r"\\(?!)", r"[\s\S]+"
            rules: list = [Rule(rx(escape), "se")]
            if opener != closer:
                rules.append(Rule(rx(o), css, "#push"))
            rules.append(Rule(rx(c), css, "#pop"))
            if interp:
                rules += [Mixin("string_intp_escaped"), Rule(rx("#"), css)]
            else:
                rules.append(Rule(rx(r"[\\#]"), css))
            rules.append(Rule(rx(content, re.S), css))
            run.states[name] = rules
        run.push(name)
    return action


def _heredoc(run: LexRun, m: re.Match[str]) -> None:
    run.token("o", m.group(1))
    run.token("no", f"{m.group(2)}{m.group(3)}{m.group(4) or ''}")
    queue = run.vars.setdefault("heredocs", [])
    queue.append((m.group(1) in ("<<-", "<<~"), m.group(3)))
    if run.stack[-1] != "heredoc_queue":
        run.push("heredoc_queue")


def _heredoc_empty(run: LexRun, m: re.Match[str]) -> None:
    run.token("o", m.group(1))
    run.token("no", f"{m.group(2)}{m.group(3)}")
    run.vars.setdefault("heredocs", []).append((m.group(1) in ("<<-", "<<~"), ""))
    if run.stack[-1] != "heredoc_queue":
        run.push("heredoc_queue")


def _test_heredoc(run: LexRun, m: re.Match[str]) -> None:
    queue = run.vars.setdefault("heredocs", [])
    tolerant, name = queue[0] if queue else (False, None)
    line = m.group()
    check = line.strip() if tolerant else line.rstrip()
    if check == name:
        queue.pop(0)
        if not queue:
            run.pop()
        run.token("no", line)
    else:
        run.token("sh", line)
    run.pop()


STATES = {
    "symbols": [
        Rule(rx(f":@{{0,2}}[{AZ}_]\\w*[!?]?"), "ss"),
        Rule(rx(r":(?:\*\*|[-+]@|[/\%&\|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)"), "ss"),
        Rule(rx(r":'(\\\\|\\'|[^'])*'"), "ss"),
        Rule(rx(r':"'), "ss", "simple_sym"),
    ],
    "sigil_strings": [Rule(rx(r"%([rqswQWxiI])?([^\w\s])"), action=sigil(squeeze=True))],
    "strings": [
        Mixin("symbols"),
        Rule(rx(r"\b[a-z_]\w*?[?!]?:\s+"), "ss", "expr_start"),
        Rule(rx(r"'(\\\\|\\'|[^'])*'"), "s1"),
        Rule(rx(r'"'), "s2", "simple_string"),
        Rule(rx(r"`"), "sb", "simple_backtick"),
    ],
    "regex_flags": [Rule(rx(r"[mixounse]*"), "sr", "#pop")],
    "simple_string": [
        Mixin("string_intp_escaped"),
        Rule(rx(r'[^\\"#]+', re.S), "s2"),
        Rule(rx(r"[\\#]"), "s2"),
        Rule(rx(r'"'), "s2", "#pop"),
    ],
    "simple_sym": [
        Mixin("string_intp_escaped"),
        Rule(rx(r'[^\\"#]+', re.S), "ss"),
        Rule(rx(r"[\\#]"), "ss"),
        Rule(rx(r'"'), "ss", "#pop"),
    ],
    "simple_backtick": [
        Mixin("string_intp_escaped"),
        Rule(rx(r"[^\\`#]+", re.S), "sb"),
        Rule(rx(r"[\\#]"), "sb"),
        Rule(rx(r"`"), "sb", "#pop"),
    ],
    "whitespace": [
        Mixin("inline_whitespace"),
        Rule(rx(r"\n\s*", re.S), "", "expr_start"),
        Rule(rx(r"#.*$"), "c1"),
        Rule(rx(r"=begin\b.*?\n=end\b", re.S), "cm"),
    ],
    "inline_whitespace": [Rule(rx(r"[ \t\r]+"), "")],
    "root": [
        Mixin("whitespace"),
        Rule(rx(r"__END__"), "cp", "end_part"),
        Rule(rx(r"0_?[0-7]+(?:_[0-7]+)*"), "mo"),
        Rule(rx(r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*"), "mh"),
        Rule(rx(r"0b[01]+(?:_[01]+)*"), "mb"),
        Rule(rx(r"[\d]+(?:_\d+)*(?:\.[\d]+(?:_\d+)*(?:[eE][+-]?\d+)?|[eE][+-]?\d+)"), "mf"),
        Rule(rx(r"[\d]+(?:_\d+)*"), "mi"),
        Rule(rx(f"@@[{AZ}_]\\w*"), "vc"),
        Rule(rx(f"@[{AZ}_]\\w*"), "vi"),
        Rule(rx(r"\$\w+"), "vg"),
        Rule(rx(r"\$[!@&`'+~=/\\,;.<>_*\$?:\"]"), "vg"),
        Rule(rx(r"\$-[0adFiIlpvw]"), "vg"),
        Rule(rx(r"::"), "o"),
        Mixin("strings"),
        Rule(rx(rf"(?:{'|'.join(_KEYWORDS)})(?=\W|$)"), "k", "expr_start"),
        Rule(rx(rf"(?:{'|'.join(_KEYWORDS_PSEUDO)})\b"), "kp", "expr_start"),
        Rule(rx(r"(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)"),
             ("k", "", "nn")),
        Rule(rx(r"(def\b)(\s*)"), ("k", ""), "funcname"),
        Rule(rx(r"(class\b)(\s*)"), ("k", ""), "classname"),
        Rule(rx(rf"(?:{'|'.join(_BUILTINS_Q)})[?]"), "nb", "expr_start"),
        Rule(rx(rf"(?:{'|'.join(_BUILTINS_B)})!"), "nb", "expr_start"),
        Rule(rx(rf"(?:{'|'.join(_BUILTINS_G)})\b"), "nb", "method_call"),
        Mixin("has_heredocs"),
        Rule(rx(r"\.{2,3}"), "o", "expr_start"),
        Rule(rx(r"[A-Z][a-zA-Z0-9_]*"), "no", "method_call"),
        Rule(rx(r"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-\/\[<>=])"), ("p", "", "nf"),
             "method_call"),
        Rule(rx(r"[a-zA-Z_]\w*[?!]"), "n", "expr_start"),
        Rule(rx(r"[a-zA-Z_]\w*"), "n", "method_call"),
        Rule(rx(r"\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\."), "o", "expr_start"),
        Rule(rx(r"[-+\/*%=<>&!^|~]=?"), "o", "expr_start"),
        Rule(rx(r"[?]"), action=then("p", push=("ternary", "expr_start"))),
        Rule(rx(r"[\[({,:\\;/]"), "p", "expr_start"),
        Rule(rx(r"[\])}]"), "p"),
    ],
    "has_heredocs": [
        Rule(rx(r"(<<[-~]?)([\"`']?)([a-zA-Z_]\w*)(\2)"), action=_heredoc),
        Rule(rx(r"(<<[-~]?)([\"'])(\2)"), action=_heredoc_empty),
    ],
    "heredoc_queue": [
        Rule(rx(r"(?=\n)"), action=then(goto="resolve_heredocs")),
        Mixin("root"),
    ],
    "resolve_heredocs": [
        Mixin("string_intp_escaped"),
        Rule(rx(r"\n"), "sh", "test_heredoc"),
        Rule(rx(r"[#\\\n]"), "sh"),
        Rule(rx(r"[^#\\\n]+"), "sh"),
    ],
    "test_heredoc": [
        Rule(rx(r"[^#\\\n]*$"), action=_test_heredoc),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "funcname": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"\("), "p", "defexpr"),
        Rule(rx(r"(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|[/%&\|^`~]|\[\]=?"
                r"|<<?|>>?|<=>?|>=|===?)"), ("nc", "o", "nf"), "#pop"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "classname": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"\w+(::\w+)+"), "nc"),
        Rule(rx(r"\("), action=then("p", push=("defexpr", "expr_start"))),
        Rule(rx(r"<<"), action=then("o", goto="expr_start")),
        Rule(rx(r"[A-Z_]\w*"), "nc", "#pop"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "ternary": [
        Rule(rx(r"(:)(\s+)"), action=lambda run, m: (
            run.token("p", m.group(1)), run.token("", m.group(2)), run.goto("expr_start"))),
        Rule(rx(r":(?![^#\n]*?[:\\])"), action=then("p", goto="expr_start")),
        Mixin("root"),
    ],
    "defexpr": [
        Rule(rx(r"(\))(\.|::)?"), ("p", "o"), "#pop"),
        Rule(rx(r"\("), action=then("p", push=("defexpr", "expr_start"))),
        Mixin("root"),
    ],
    "in_interp": [
        Rule(rx(r"}"), "si", "#pop"),
        Mixin("root"),
    ],
    "string_intp": [
        Rule(rx(r"[#][{]"), "si", "in_interp"),
        Rule(rx(f"#(@@?|\\$)[{AZ}_]\\w*"), "si"),
    ],
    "string_intp_escaped": [
        Mixin("string_intp"),
        Rule(rx(r"\\([\\abefnrstv#\"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})"), "se"),
        Rule(rx(r"\\."), "se"),
    ],
    "method_call": [
        Rule(rx(r"/|%"), action=then("o", goto="expr_start")),
        Rule(rx(r"(?=\n)"), action=then(pop=1)),
        Rule(rx(r""), action=then(goto="method_call_spaced")),
    ],
    "method_call_spaced": [
        Mixin("whitespace"),
        Rule(rx(r"[%/]="), action=then("o", goto="expr_start")),
        Rule(rx(r"(/)(?=\S|\s*/)"), action=then("sr", goto="slash_regex")),
        Mixin("sigil_strings"),
        Rule(rx(r"(?=\s*/)"), action=then(pop=1)),
        Rule(rx(r"\s+"), action=then("", goto="expr_start")),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "expr_start": [
        Mixin("inline_whitespace"),
        Rule(rx(r"/"), action=then("sr", goto="slash_regex")),
        Rule(rx(r"[?](\\[MC]-)*(\\([\\abefnrstv#\"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\S)(?!\w)"),
             "sc", "#pop"),
        Rule(rx(r"(\s*)(%[rqswQWxiI]? \S* )"), ("", "sx"), "#pop"),
        Mixin("sigil_strings"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "slash_regex": [
        Mixin("string_intp"),
        Rule(rx(r"\\\\"), "sr"),
        Rule(rx(r"\\/"), "sr"),
        Rule(rx(r"[\\#]"), "sr"),
        Rule(rx(r"[^\\/#]+", re.S), "sr"),
        Rule(rx(r"/"), action=then("sr", goto="regex_flags")),
    ],
    "end_part": [Rule(rx(r".+", re.S), "cp", "#pop")],
}

LEXER = RegexLexer(STATES, start=("root", "expr_start"))
