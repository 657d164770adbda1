"""Every kramdown option, declared once: name, default, how a value is read, what it does.

Names, defaults and value rules are kramdown 2.4.0's (lib/kramdown/options.rb) plus
kramdown-parser-gfm 1.1.0's (``hard_wrap``, ``gfm_quirks``).  Values given as strings (as a
YAML config or ``{::options}`` gives them) are read the way kramdown reads them: booleans are
false only for "false" or empty, symbols drop a leading colon and read "nil" as None, hashes
may be YAML text.  Ruby symbols become plain ``str`` here; hash keys are ``str``.

Differences from kramdown, on purpose: an unknown option name raises ``ValueError`` (kramdown
silently keeps it) except the few names older kramdown versions defined, which are accepted
and dropped (:data:`IGNORED_LEGACY_OPTIONS`); a non-empty ``template`` is refused because
templates are not implemented.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class Option:
    """One option: its default and the function that validates and coerces a value."""

    name: str
    default: Any
    coerce: Callable[[str, Any], Any]
    doc: str


# -- value readers (kramdown's Options.parse rules) ------------------------------------------
def _to_s(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def str_to_sym(data: Any) -> str | None:
    """kramdown's ``str_to_sym``: strip, drop one leading colon, "" and "nil" mean None."""
    text = _to_s(data).strip()
    if text.startswith(":"):
        text = text[1:]
    return None if text in ("", "nil") else text


def _boolean(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _to_s(value)
    return text.lower().strip() != "false" and text != ""


def _string(name: str, value: Any) -> str:
    return value if isinstance(value, str) else _to_s(value)


_INT_RE = re.compile(r"\s*([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+|[0-9][0-9_]*)\s*\Z")


def _integer(name: str, value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = _to_s(value)
    m = _INT_RE.match(text)
    if not m or "__" in text or text.strip().endswith("_"):
        raise ValueError(f"Invalid integer value for option '{name}': '{text}'")
    sign, digits = m.groups()
    digits = digits.replace("_", "")
    if digits[:2].lower() == "0x":
        n = int(digits[2:], 16)
    elif digits[:2].lower() == "0b":
        n = int(digits[2:], 2)
    elif digits[:2].lower() == "0o":
        n = int(digits[2:], 8)
    elif len(digits) > 1 and digits[0] == "0":
        n = int(digits[1:], 8)
    else:
        n = int(digits)
    return -n if sign == "-" else n


def _symbol(name: str, value: Any) -> str | None:
    return str_to_sym(value)


def _simple_array(value: Any, name: str, size: int | None = None) -> list[Any]:
    if isinstance(value, str):
        value = [part for part in value.split(",")]
        while value and value[-1] == "":
            value.pop()
    elif isinstance(value, (list, tuple)):
        value = list(value)
    else:
        raise ValueError(f"Invalid type {type(value).__name__} for option {name}")
    if size is not None and len(value) != size:
        raise ValueError(f"Option {name} needs exactly {size} values")
    return value


def _simple_hash(value: Any, name: str) -> dict[Any, Any]:
    if isinstance(value, str):
        try:
            value = yaml.safe_load(value)
        except yaml.YAMLError as exc:
            raise ValueError(f"Invalid YAML value for option {name}") from exc
    if not isinstance(value, Mapping):
        raise ValueError(f"Invalid type {type(value).__name__} for option {name}")
    return dict(value)


def _symbol_keys(value: Any, name: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, val in _simple_hash(value, name).items():
        out[str_to_sym(key) if isinstance(key, str) else key] = val
    return out


def _link_defs(name: str, value: Any) -> dict[str, tuple[Any, Any]]:
    out: dict[str, tuple[Any, Any]] = {}
    for key, val in _simple_hash(value, name).items():
        if not isinstance(val, (list, tuple)) or not 1 <= len(val) <= 2:
            raise ValueError(f"Invalid structure for hash value of option {name}")
        out[key] = (val[0], val[1] if len(val) == 2 else None)
    return out


_TOC_RANGE = re.compile(r"^(\d)\.\.(\d)$", re.M)
_TOC_LIST = re.compile(r"^\d(?:,\d)*$", re.M)


def _toc_levels(name: str, value: Any) -> tuple[int, ...]:
    if isinstance(value, str):
        if m := _TOC_RANGE.search(value):
            levels = list(range(int(m.group(1)), int(m.group(2)) + 1))
        elif _TOC_LIST.search(value):
            levels = _unique(int(v) for v in value.split(","))
        else:
            raise ValueError("Invalid syntax for option toc_levels")
    elif isinstance(value, (list, tuple, range)):
        levels = _unique(_integer(name, v) for v in value)
    else:
        raise ValueError(f"Invalid type {type(value).__name__} for option toc_levels")
    if any(not 1 <= i <= 6 for i in levels):
        raise ValueError("Level numbers for option toc_levels have to be integers from 1 to 6")
    return tuple(levels)


def _unique(items: Any) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


_SMART_QUOTES_DEFAULT = ("lsquo", "rsquo", "ldquo", "rdquo")


def _smart_quotes(name: str, value: Any) -> tuple[Any, ...]:
    if value == "lsquo,rsquo,ldquo,rdquo" or (isinstance(value, (list, tuple))
                                              and tuple(value) == _SMART_QUOTES_DEFAULT):
        return _SMART_QUOTES_DEFAULT
    items = _simple_array(value, name, 4)
    out: list[Any] = []
    for item in items:
        try:
            out.append(_integer(name, item))
        except ValueError:
            out.append(item)
    return tuple(out)


def _typographic_symbols(name: str, value: Any) -> dict[str, str]:
    return {k: _to_s(v) for k, v in _symbol_keys(value, name).items()}


def _hash_with_symbol_keys(name: str, value: Any) -> dict[str, Any]:
    return _symbol_keys(value, name)


def _latex_headers(name: str, value: Any) -> tuple[Any, ...]:
    return tuple(_simple_array(value, name, 6))


def _forbidden_inline_options(name: str, value: Any) -> tuple[Any, ...]:
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"Invalid type {type(value).__name__} for option {name}")
    return tuple(_simple_array([str_to_sym(v) if isinstance(v, str) else v for v in value], name))


def _gfm_quirks(name: str, value: Any) -> tuple[str | None, ...]:
    return tuple(str_to_sym(_to_s(v)) for v in _simple_array(value, name))


def _entity_output(name: str, value: Any) -> str:
    sym = str_to_sym(value)
    if sym not in ("as_char", "as_input", "numeric", "symbolic"):
        raise ValueError(f"Invalid value for option entity_output: {value!r} "
                         "(as_char, as_input, numeric or symbolic)")
    return sym


def _syntax_highlighter(name: str, value: Any) -> str | None:
    sym = str_to_sym(value)
    if sym not in (None, "rouge"):
        raise ValueError(f"Unsupported syntax_highlighter: {value!r} (rouge or nil)")
    return sym


def _math_engine(name: str, value: Any) -> str | None:
    sym = str_to_sym(value)
    if sym not in (None, "mathjax"):
        raise ValueError(f"Unsupported math_engine: {value!r} (mathjax or nil)")
    return sym


def _template(name: str, value: Any) -> str:
    text = _string(name, value)
    if text:
        raise ValueError("Option template: kramdown templates are not supported by jekyllpy")
    return text


def _input(name: str, value: Any) -> str:
    text = _to_s(value).lstrip(":") or "kramdown"
    if text not in ("kramdown", "Kramdown", "GFM"):
        raise ValueError(f"kramdown has no parser to handle the specified input format: {value}")
    return "GFM" if text == "GFM" else "kramdown"


def _any_hash(name: str, value: Any) -> dict[Any, Any]:
    return _simple_hash(value, name)


_DEFINITIONS = [
    Option("input", "kramdown", _input, "Parser: 'kramdown' or 'GFM'."),
    Option("template", "", _template, "Output template (only '' is supported)."),
    Option("auto_ids", True, _boolean, "Generate header ids automatically."),
    Option("auto_id_stripping", False, _boolean, "Strip HTML/markup from text used for ids."),
    Option("auto_id_prefix", "", _string, "Prefix for generated header ids."),
    Option("transliterated_header_ids", False, _boolean, "Transliterate non-ASCII in header ids."),
    Option("parse_block_html", False, _boolean, "Parse the content of block HTML tags as Markdown."),
    Option("parse_span_html", True, _boolean, "Parse the content of span HTML tags as Markdown."),
    Option("html_to_native", False, _boolean, "Convert HTML elements to native elements."),
    Option("link_defs", {}, _link_defs, "Predefined link definitions: id -> [url, title]."),
    Option("footnote_nr", 1, _integer, "Number of the first footnote."),
    Option("entity_output", "as_char", _entity_output, "How entities are written."),
    Option("toc_levels", (1, 2, 3, 4, 5, 6), _toc_levels, "Header levels in the TOC."),
    Option("line_width", 72, _integer, "Line width (kramdown output only)."),
    Option("latex_headers", ("section", "subsection", "subsubsection", "paragraph",
                             "subparagraph", "subparagraph"), _latex_headers,
           "LaTeX header commands (LaTeX output only)."),
    Option("smart_quotes", _SMART_QUOTES_DEFAULT, _smart_quotes,
           "Entities (names or code points) for the four smart quotes."),
    Option("typographic_symbols", {}, _typographic_symbols,
           "Replacement output for typographic symbols."),
    Option("remove_block_html_tags", True, _boolean, "RemoveHtmlTags converter only."),
    Option("remove_span_html_tags", False, _boolean, "RemoveHtmlTags converter only."),
    Option("header_offset", 0, _integer, "Offset added to header levels on output."),
    Option("syntax_highlighter", "rouge", _syntax_highlighter, "'rouge' or None."),
    Option("syntax_highlighter_opts", {}, _hash_with_symbol_keys, "Highlighter options."),
    Option("math_engine", "mathjax", _math_engine, "'mathjax' or None."),
    Option("math_engine_opts", {}, _hash_with_symbol_keys, "Math engine options."),
    Option("footnote_backlink", "&#8617;", _string, "Footnote backlink text ('' for none)."),
    Option("footnote_backlink_inline", False, _boolean, "Put backlinks into the last paragraph."),
    Option("footnote_prefix", "", _string, "Prefix for footnote ids."),
    Option("remove_line_breaks_for_cjk", False, _boolean,
           "Drop line breaks between CJK characters."),
    Option("forbidden_inline_options", ("template",), _forbidden_inline_options,
           "Options that {::options} may not set."),
    Option("list_indent", 2, _integer, "List indent (kramdown output only)."),
    Option("hard_wrap", True, _boolean, "GFM: every newline in a paragraph is a <br />."),
    Option("gfm_quirks", ("paragraph_end",), _gfm_quirks, "GFM quirks to enable."),
    Option("gfm_emojis", False, _boolean, "Accepted for newer GFM parsers; has no effect."),
    Option("gfm_emoji_opts", {}, _any_hash, "Accepted for newer GFM parsers; has no effect."),
]

#: Every option by name.
OPTIONS: Mapping[str, Option] = {opt.name: opt for opt in _DEFINITIONS}

#: Names older kramdown versions defined; kramdown 2.4 ignores them and so do we.
IGNORED_LEGACY_OPTIONS = frozenset(
    ["coderay_wrap", "coderay_line_numbers", "coderay_line_number_start", "coderay_tab_width",
     "coderay_bold_every", "coderay_css", "coderay_default_lang", "enable_coderay",
     "formatter"])

#: The kramdown options Jekyll 4.3 sets for its Markdown converter by default.
JEKYLL_DEFAULTS: Mapping[str, Any] = {
    "input": "GFM",
    "auto_ids": True,
    "toc_levels": (1, 2, 3, 4, 5, 6),
    "entity_output": "as_char",
    "smart_quotes": _SMART_QUOTES_DEFAULT,
    "hard_wrap": False,
    "footnote_nr": 1,
    "syntax_highlighter": "rouge",
    "syntax_highlighter_opts": {"default_lang": "plaintext", "guess_lang": True},
}


def parse_option(name: str, value: Any) -> Any:
    """Validate and coerce one option value; ValueError names the option on failure."""
    option = OPTIONS.get(name)
    if option is None:
        raise ValueError(f"Unknown kramdown option: {name!r}")
    try:
        return option.coerce(name, value)
    except ValueError:
        raise
    except (TypeError, AttributeError) as exc:
        raise ValueError(f"Invalid value for option {name}: {value!r}") from exc


def resolve_options(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """kramdown's defaults merged with ``overrides``, every value validated and coerced."""
    result = {name: opt.default for name, opt in OPTIONS.items()}
    for key, value in (overrides or {}).items():
        name = str(key).lstrip(":")
        if name in IGNORED_LEGACY_OPTIONS:
            continue
        result[name] = parse_option(name, value)
    return result
