"""Embedded Elixir (EEx, LEEx, HEEx) as Rouge 3.30's EEX lexer tokenises it: ERB's states
(:func:`erb.template_states`) with EEx's tags (no ``<%-``/``-%>``) and Elixir inside."""

from __future__ import annotations

from ..regex_lexer import RegexLexer
from . import elixir, erb

LEXER = RegexLexer(erb.template_states(r"<%%|<%=|<%#|<%", r"%%>|%>", "elixir", elixir.LEXER))
