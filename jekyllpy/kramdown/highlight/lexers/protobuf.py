"""Protocol Buffers as Rouge 3.30's Protobuf lexer tokenises them."""

from __future__ import annotations

from ..regex_lexer import RegexLexer, Rule, rx

_KEYWORD = (r"\b(ctype|default|extensions|import|max|oneof|option|optional|packed|repeated"
            r"|required|returns|rpc|to)\b")
_DATATYPE = (r"\b(bool|bytes|double|fixed32|fixed64|float|int32|int64|sfixed32|sfixed64|sint32"
             r"|sint64|string|uint32|uint64)\b")


def _name_then_pop(css: str) -> list[Rule]:
    return [Rule(rx(r"[a-zA-Z_]\w*"), css, "#pop"), Rule(rx(r""), None, "#pop")]


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"[\s]+"), ""),
        Rule(rx(r"[,;{}\[\]()]"), "p"),
        Rule(rx(r"/(\\\n)?/($|(.|\n)*?[^\\]$)"), "c1"),
        Rule(rx(r"/(\\\n)?\*(.|\n)*?\*(\\\n)?/"), "cm"),
        Rule(rx(_KEYWORD), "k"),
        Rule(rx(_DATATYPE), "kt"),
        Rule(rx(r"true|false"), "kc"),
        Rule(rx(r"(package)(\s+)"), ("kn", ""), "package"),
        Rule(rx(r"(message|extend)(\s+)"), ("kd", ""), "message"),
        Rule(rx(r"(enum|group|service)(\s+)"), ("kd", ""), "type"),
        Rule(rx(r'".*?"'), "s"),
        Rule(rx(r"'.*?'"), "s"),
        Rule(rx(r"(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+[LlUu]*"), "mf"),
        Rule(rx(r"(\d+\.\d*|\.\d+|\d+[fF])[fF]?"), "mf"),
        Rule(rx(r"(\-?(inf|nan))\b"), "mf"),
        Rule(rx(r"0x[0-9a-fA-F]+[LlUu]*"), "mh"),
        Rule(rx(r"0[0-7]+[LlUu]*"), "mo"),
        Rule(rx(r"\d+[LlUu]*"), "mi"),
        Rule(rx(r"[+-=]"), "o"),
        Rule(rx(r"([a-zA-Z_][\w.]*)([ \t]*)(=)"), ("na", "", "o")),
        Rule(rx(r"[a-zA-Z_][\w.]*"), "n"),
    ],
    "package": _name_then_pop("nn"),
    "message": _name_then_pop("nc"),
    "type": _name_then_pop("n"),
})
