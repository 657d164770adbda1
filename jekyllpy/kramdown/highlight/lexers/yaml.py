"""YAML as Rouge 3.30's YAML lexer tokenises it: an indentation stack decides where block
collections and block scalars end; keys are ``na``, indicators ``pi``, plain scalars ``s``
(numbers ``m``, true/false/null ``no``), flow collections and their items ``nv``, quoted
scalars start with their quote (``s1``/``s2``) and continue as ``s``."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then

_PLAIN_START = r"[^ \t\n\r\f\v?:,\[\]{}#&*!\|>'\"%@`]"
_LABEL_CHARS = r"(?:(?u:[^\W_])|[_-])"


def _ind(run: LexRun) -> dict:
    state = run.vars.get("yaml")
    if state is None:
        state = run.vars["yaml"] = {"stack": [0], "next": 0, "block": None}
    return state  # type: ignore[return-value]


def _reset_indent(run: LexRun) -> None:
    run.vars["yaml"] = {"stack": [0], "next": 0, "block": None}


def _indent(run: LexRun) -> int:
    return _ind(run)["stack"][-1]


def _save_indent(run: LexRun, match: str) -> tuple[str, str]:
    st = _ind(run)
    st["next"] = len(match)
    if st["next"] < st["stack"][-1]:
        while st["stack"] and st["next"] < st["stack"][-1]:
            st["stack"].pop()
        if not st["stack"]:
            st["stack"].append(0)
        level = st["stack"][-1]
        return match[:level], match[level:]
    return match, ""


def _continue_indent(run: LexRun, match: str) -> None:
    _ind(run)["next"] += len(match)


def _set_indent(run: LexRun, match: str, implicit: bool = False) -> None:
    st = _ind(run)
    if st["stack"][-1] < st["next"]:
        st["stack"].append(st["next"])
    if not implicit:
        st["next"] += len(match)


def _directive(name: str):
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token("nt", m.group())
        _reset_indent(run)
        run.push(name)
    return action


def _document_marker(run: LexRun, m: re.Match[str]) -> None:
    run.token("nn", m.group())
    _reset_indent(run)
    run.push("block_line")


def _line_start(run: LexRun, m: re.Match[str]) -> None:
    text, err = _save_indent(run, m.group())
    run.token("", text)
    run.token("err", err)
    run.push("block_line")
    run.push("indentation")


def _indentation_spaces(run: LexRun, m: re.Match[str]) -> None:
    run.token("", m.group())
    _continue_indent(run, m.group())


def _indicator(run: LexRun, m: re.Match[str]) -> None:
    _set_indent(run, m.group())
    run.token("pi", m.group())


def _indentation_end(run: LexRun, m: re.Match[str]) -> None:
    run.token("", m.group())
    _continue_indent(run, m.group())
    run.pop()


def _key(run: LexRun, m: re.Match[str]) -> None:
    run.token("na", m.group(1))
    run.token("pi", m.group(2))
    _set_indent(run, m.group(), implicit=True)


def _block_scalar_blank(run: LexRun, m: re.Match[str]) -> None:
    text = m.group()
    mark = _ind(run)["block"]
    mark = len(text) if mark is None else mark
    run.token("", text[:mark])
    run.token("no", text[mark:])


def _block_scalar_indent(run: LexRun, m: re.Match[str]) -> None:
    run.token("", m.group())
    st = _ind(run)
    size = len(m.group())
    dedent_level = st["block"] if st["block"] is not None else st["stack"][-1]
    if st["block"] is None:
        st["block"] = size
    if size < dedent_level:
        _save_indent(run, m.group())
        run.pop()
        run.push("indentation")


def _block_scalar_header(run: LexRun, m: re.Match[str]) -> None:
    st = _ind(run)
    st["block"] = None
    run.goto("ignored_line")
    if not m.group():
        return
    increment = m.group(2) or m.group(3)
    if increment:
        st["block"] = _indent(run) + int(increment)
    run.token("pi", m.group())


def _plain_new_line(run: LexRun, m: re.Match[str]) -> None:
    run.token("", m.group())
    run.pop()
    size = len(m.group())
    if size <= _indent(run):
        run.pop()
        _save_indent(run, m.group())
        run.push("indentation")


STATES = {
    "basic": [Rule(rx(r"#.*$"), "c1")],
    "root": [
        Mixin("basic"),
        Rule(rx(r"\n+"), ""),
        Rule(rx(r"[ ]+(?=#|$)"), ""),
        Rule(rx(r"^%YAML\b"), action=_directive("yaml_directive")),
        Rule(rx(r"^%TAG\b"), action=_directive("tag_directive")),
        Rule(rx(r"^(?:---|\.\.\.)(?= |$)"), action=_document_marker),
        Rule(rx(r"[ ]*(?!\s|$)"), action=_line_start),
    ],
    "indentation": [
        Rule(rx(r"\s*?\n"), action=then("", pop=2)),
        Rule(rx(r"[ ]+(?=[-:?](?:[ ]|$))"), action=_indentation_spaces),
        Rule(rx(r"[?:-](?=[ ]|$)"), action=_indicator),
        Rule(rx(r"[ ]*"), action=_indentation_end),
    ],
    "block_line": [
        Rule(rx(r"[ ]*(?=#|$)"), "", "#pop"),
        Rule(rx(r"[ ]+"), ""),
        Mixin("descriptors"),
        Mixin("block_nodes"),
        Mixin("flow_nodes"),
        Rule(rx(rf"(?={_PLAIN_START}|[?:-][^ \t\n\r\f\v])"), "nv",
             "plain_scalar_in_block_context"),
    ],
    "descriptors": [
        Rule(rx(r"!<[0-9A-Za-z;\/?:@&=+$,_.!~*'()\[\]%-]+>"), "kt"),
        Rule(rx(r"(?:![\w-]+)?!(?:[\w;/?:@&=+$,.!~*\'()\[\]%-]*)"), "kt"),
        Rule(rx(f"&{_LABEL_CHARS}+"), "nl"),
        Rule(rx(rf"\*{_LABEL_CHARS}+"), "nv"),
    ],
    "block_nodes": [
        Rule(rx(r"([^#,:?\[\]{}\"'\n]+)(:)(?=\s|$)"), action=_key),
        Rule(rx(r"[\|>][+-]?"), action=then("pi", push=("block_scalar_content",
                                                        "block_scalar_header"))),
    ],
    "flow_nodes": [
        Rule(rx(r"\["), "pi", "flow_sequence"),
        Rule(rx(r"\{"), "pi", "flow_mapping"),
        Rule(rx(r"'"), "s1", "single_quoted_scalar"),
        Rule(rx(r"\""), "s2", "double_quoted_scalar"),
    ],
    "flow_collection": [
        Rule(rx(r"\s+", re.S), ""),
        Mixin("basic"),
        Rule(rx(r"[?:,]"), "pi"),
        Mixin("descriptors"),
        Mixin("flow_nodes"),
        Rule(rx(f"(?={_PLAIN_START})"), action=then(push=("plain_scalar_in_flow_context",))),
    ],
    "flow_sequence": [Rule(rx(r"\]"), "pi", "#pop"), Mixin("flow_collection")],
    "flow_mapping": [Rule(rx(r"\}"), "pi", "#pop"), Mixin("flow_collection")],
    "block_scalar_content": [
        Rule(rx(r"\n+"), ""),
        Rule(rx(r"^[ ]+$"), action=_block_scalar_blank),
        Rule(rx(r"^[ ]*"), action=_block_scalar_indent),
        Rule(rx(r"[^\n\r\f\v]+"), "s"),
    ],
    "block_scalar_header": [
        Rule(rx(r"(([1-9])[+-]?|[+-]?([1-9])?)(?=[ ]|$)"), action=_block_scalar_header),
    ],
    "ignored_line": [
        Mixin("basic"),
        Rule(rx(r"[ ]+"), ""),
        Rule(rx(r"\n"), "", "#pop"),
    ],
    "quoted_scalar_whitespaces": [
        Rule(rx(r"^[ ]+"), ""),
        Rule(rx(r"[ ]+$"), ""),
        Rule(rx(r"\n+", re.S), ""),
        Rule(rx(r"[ ]+"), "nv"),
    ],
    "single_quoted_scalar": [
        Mixin("quoted_scalar_whitespaces"),
        Rule(rx(r"\\'"), "se"),
        Rule(rx(r"'"), "s", "#pop"),
        Rule(rx(r"[^\s']+"), "s"),
    ],
    "double_quoted_scalar": [
        Rule(rx(r"\""), "s", "#pop"),
        Mixin("quoted_scalar_whitespaces"),
        Rule(rx(r"\\[0abt\tn\nvfre \"\\N_LP]"), "se"),
        Rule(rx(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})"), "se"),
        Rule(rx(r"[^ \t\n\r\f\v\"\\]+"), "s"),
    ],
    "plain_scalar_in_block_context_new_line": [
        Rule(rx(r"^[ ]+\n"), ""),
        Rule(rx(r"\n+", re.S), ""),
        Rule(rx(r"^(?=---|\.\.\.)"), action=then(pop=3)),
        Rule(rx(r"^[ ]*"), action=_plain_new_line),
    ],
    "plain_scalar_in_block_context": [
        Rule(rx(r"[ ]*(?=:[ \n]|:$)"), "", "#pop"),
        Rule(rx(r"[ ]*:\S+"), "s"),
        Rule(rx(r"[ ]+(?=#)"), "", "#pop"),
        Rule(rx(r"[ ]+$"), ""),
        Rule(rx(r"\n+"), "", "plain_scalar_in_block_context_new_line"),
        Rule(rx(r"[ ]+"), "s"),
        Rule(rx(r"true|false|null"), "no"),
        Rule(rx(r"\d+(?:\.\d+)?(?=(\r?\n)| +#)"), "m", "#pop"),
        Rule(rx(r"[^\s:]+"), "s"),
    ],
    "plain_scalar_in_flow_context": [
        Rule(rx(r"[ ]*(?=[,:?\[\]{}])"), "", "#pop"),
        Rule(rx(r"[ ]+(?=#)"), "", "#pop"),
        Rule(rx(r"^[ ]+"), ""),
        Rule(rx(r"[ ]+$"), ""),
        Rule(rx(r"\n+"), ""),
        Rule(rx(r"[ ]+"), "nv"),
        Rule(rx(r"[^\s,:?\[\]{}]+"), "nv"),
    ],
    "yaml_directive": [
        Rule(rx(r"([ ]+)(\d+\.\d+)"), action=lambda run, m: (
            run.token("", m.group(1)), run.token("m", m.group(2)), run.goto("ignored_line"))),
    ],
    "tag_directive": [
        Rule(rx(r"([ ]+)(!|![\w-]*!)([ ]+)(!|!?[\w;/?:@&=+$,.!~*'()\[\]%-]+)"),
             action=lambda run, m: ([run.token(c, m.group(i)) for i, c in
                                     enumerate(("", "kt", "", "kt"), start=1)],
                                    run.goto("ignored_line"))),
    ],
}

LEXER = RegexLexer(STATES)
