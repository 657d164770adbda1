"""Digdag workflows as Rouge 3.30's Digdag lexer tokenises them: YAML, with Digdag's operator
keys (``sh>:``, ``_do:``, ...) as reserved words opening a mapping."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from . import yaml

_OPERATORS = """call require loop for_each if fail echo td td_run td_ddl td_load td_for_each
td_wait td_wait_table td_partial_delete td_table_export pg mail http s3_wait redshift
redshift_load redshift_unload emr gcs_wait bq bq_ddl bq_extract bq_load sh py rb
embulk""".split()
_KEYWORD = "|".join([re.escape(name + ">") for name in _OPERATORS] + ["_do", "_parallel"])


def _operator_key(run: LexRun, m: re.Match[str]) -> None:
    run.token("kr", m.group(1))
    run.token("pi", m.group(2))
    yaml._set_indent(run, m.group(), implicit=True)


_STATES = dict(yaml.STATES)
_STATES["block_nodes"] = [Rule(rx(rf"({_KEYWORD})(:)(?=\s|$)"), action=_operator_key),
                          *yaml.STATES["block_nodes"]]

LEXER = RegexLexer(_STATES)
