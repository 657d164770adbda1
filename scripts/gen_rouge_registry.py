#!/usr/bin/env python3
"""Regenerate jekyllpy/kramdown/highlight/rouge_registry.py from the installed Rouge.

Rouge decides whether a fence's language is known by exact tag/alias lookup, which CSS
class each token kind gets, and (in some lexers) which words are keywords; all are data we
must match.  This asks the real Rouge (Ruby
required) and writes the names as a Python module.  Usage: python scripts/gen_rouge_registry.py
"""

from __future__ import annotations

import json
import pprint
import subprocess
import textwrap
from pathlib import Path

RUBY = r'''
require "rouge"; require "json"
lexers = {}
Rouge::Lexer.all.sort_by(&:tag).each { |l| lexers[l.tag] = l.aliases.sort }
mimetypes = Hash.new { |h, k| h[k] = [] }
Rouge::Lexer.all.sort_by(&:tag).each { |l| l.mimetypes.each { |m| mimetypes[m] |= [l.tag] } }
tokens = {}
walk = lambda { |t| tokens[t.qualname] = t.shortname; t.sub_tokens.each_value { |s| walk.(s) } }
Rouge::Token::Tokens.constants.sort.each do |c|
  t = Rouge::Token::Tokens.const_get(c)
  walk.(t) if t.respond_to?(:qualname)
end
css = Rouge::Lexers::CSS
words = {"css_attributes" => css.attributes.to_a.sort, "css_builtins" => css.builtins.to_a.sort,
         "css_constants" => css.constants.to_a.sort,
         "css_vendor_prefixes" => css.vendor_prefixes.to_a.sort,
         "sql_keywords" => Rouge::Lexers::SQL.keywords.to_a.sort,
         "sql_keywords_type" => Rouge::Lexers::SQL.keywords_type.to_a.sort}
Rouge::Lexers::VimL.keywords.each { |kind, set| words["viml_#{kind}"] = set.to_a.sort }
php = Rouge::Lexers::PHP
words["php_keywords"] = php.keywords.to_a.sort
words["php_builtins"] = php.builtins.values.map(&:to_a).flatten.uniq.sort
# PowerShell's lists are regex alternations ("\$\$|\$args|..."); keep their order (the
# first alternative that matches wins) and store the words without the regex escapes.
posh = Rouge::Lexers::Powershell
unescape = lambda { |alts| alts.split("|").map { |w| w.gsub(/\\(.)/, '\\1') } }
%w(AUTO_VARS KEYWORDS OPERATORS MULTILINE_KEYWORDS).each do |c|
  words["powershell_#{c.downcase}"] = unescape.(posh.const_get(c))
end
words["powershell_attributes"] = posh::ATTRIBUTES.sort
words["lua_builtins"] = Rouge::Lexers::Lua.builtins.values.map(&:to_a).flatten.uniq.sort
words["matlab_builtins"] = Rouge::Lexers::Matlab.builtins.to_a.sort
apache = Rouge::Lexers::Apache
%w(directives sections values).each { |k| words["apache_#{k}"] = apache.send(k).to_a.sort }
words["racket_keywords"] = Rouge::Lexers::Racket.keywords.to_a.sort
words["racket_builtins"] = Rouge::Lexers::Racket.builtins.to_a.sort
# Gherkin's keywords in every spoken language (steps in Rouge's order: it builds a regex)
Rouge::Lexers::Gherkin.keywords.each do |kind, set|
  words["gherkin_#{kind}"] = kind == :step ? set.to_a : set.to_a.sort
end
{"glsl" => Rouge::Lexers::Glsl, "hlsl" => Rouge::Lexers::HLSL}.each do |name, lexer|
  %w(keywords keywords_type reserved builtins).each do |k|
    words["#{name}_#{k}"] = lexer.send(k).to_a.sort
  end
end
cl = Rouge::Lexers::CommonLisp
%w(BUILTIN_FUNCTIONS SPECIAL_FORMS MACROS LAMBDA_LIST_KEYWORDS DECLARATIONS BUILTIN_TYPES
   BUILTIN_CLASSES).each { |c| words["common_lisp_#{c.downcase}"] = cl.const_get(c).to_a.sort }
llvm = Rouge::Lexers::LLVM
%w(keywords instructions types).each { |k| words["llvm_#{k}"] = llvm.send(k).to_a.sort }
verilog = Rouge::Lexers::Verilog
%w(keywords keywords_type keywords_system_task).each do |k|
  words["verilog_#{k}"] = verilog.send(k).to_a.sort
end
vhdl = Rouge::Lexers::VHDL
%w(keywords keywords_type operator_words).each { |k| words["vhdl_#{k}"] = vhdl.send(k).to_a.sort }
words["mathematica_builtins"] = Rouge::Lexers::Mathematica.builtins.to_a.sort
# GDScript's lists are regex alternations: keep their order
gd = Rouge::Lexers::GDScript
%w(keywords keywords_reserved builtins builtins_type).each do |k|
  words["gdscript_#{k}"] = gd.send(k).split("|")
end
%w(builtins keywords).each { |k| words["sparql_#{k}"] = Rouge::Lexers::SPARQL.send(k).to_a.sort }
plsql = Rouge::Lexers::PLSQL
%w(keywords keywords_reserved keywords_func keywords_type).each do |k|
  words["plsql_#{k}"] = plsql.send(k).to_a.sort
end
lean = Rouge::Lexers::Lean
words["lean_keywords"] = lean.keywords.to_a.sort
words["lean_types"] = lean.types.sort
# Lean's operators are regex alternatives (some escaped, one holding a space): keep their order
words["lean_operators"] = lean.operators
stata = Rouge::Lexers::Stata
# Stata's command and function names are regex alternations: keep their order
words["stata_keywords"] = stata::KEYWORDS
words["stata_primitive_functions"] = stata::PRIMITIVE_FUNCTIONS
words["stata_type_keywords"] = stata.type_keywords.to_a.sort
words["stata_reserved_keywords"] = stata.reserved_keywords.to_a.sort
%w(specials bundled).each { |k| words["janet_#{k}"] = Rouge::Lexers::Janet.send(k).to_a.sort }
# Julia's type names are an extended-mode alternation \b(?: A | B ... )\b; keep the names
julia_types = Rouge::Lexers::Julia::TYPES.source.gsub(/\s+/, "")
words["julia_types"] = julia_types[/\A\\b\(\?:(.*)\)\\b\z/, 1].split("|")
puts JSON.dump({"version" => Rouge.version, "lexers" => lexers, "tokens" => tokens,
                "words" => words, "mimetypes" => mimetypes.sort.to_h})
'''

OUT = Path(__file__).resolve().parent.parent / "jekyllpy/kramdown/highlight/rouge_registry.py"


def _words_literal(words: list[str]) -> str:
    """A word list as Python source: one string split at load where no word holds a blank
    (a single constant compiles and loads several times faster than thousands of list
    items, which counts where bytecode is not cached), else the list itself."""
    if not words or any(not w or any(c.isspace() for c in w) for w in words):
        return pprint.pformat(words, width=92, compact=True).replace("\n", "\n    ")
    lines = textwrap.wrap(" ".join(words), width=84, break_long_words=False,
                          break_on_hyphens=False)
    return "(\n        " + "\n        ".join(repr(line + " ") for line in lines) + ").split()"


def main() -> None:
    data = json.loads(subprocess.run(["ruby", "-e", RUBY], check=True, capture_output=True,
                                     text=True).stdout)
    body = [
        '"""Rouge %s\'s language names and token CSS classes (generated by' % data["version"],
        'scripts/gen_rouge_registry.py from the installed Rouge; do not edit by hand)."""',
        "",
        "from __future__ import annotations",
        "",
        f"ROUGE_VERSION = {data['version']!r}",
        "",
        "#: lexer tag -> aliases (Rouge looks languages up by exact tag or alias)",
        "LEXERS: dict[str, list[str]] = " + pprint.pformat(data["lexers"], width=96, compact=True),
        "",
        "#: token qualified name -> CSS class",
        "TOKEN_CLASSES: dict[str, str] = " + pprint.pformat(data["tokens"], width=96, compact=True),
        "",
        "#: mimetype -> tags of the lexers declaring it (Rouge's guess by mimetype; HTTP bodies)",
        "MIMETYPES: dict[str, list[str]] = " + pprint.pformat(data["mimetypes"], width=96,
                                                           compact=True),
        "",
        "#: word lists of Rouge lexers that we re-implement (names only)",
        "WORDS: dict[str, list[str]] = {",
        *(f"    {name!r}: {_words_literal(words)},"
          for name, words in sorted(data["words"].items())),
        "}",
        "",
    ]
    OUT.write_text("\n".join(body), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
