"""Erlang as Rouge 3.30's Erlang lexer tokenises it.  Rouge's function-head rule starts with
``(?:^|(?<=:))``, which its scanner always satisfies (the cursor counts as a line start for a
``^`` inside a pattern), so it applies anywhere; here it has no anchor."""

from __future__ import annotations

from ..regex_lexer import RegexLexer, Rule, rx

_KEYWORDS = "after begin case catch cond end fun if let of query receive try when".split()
_BUILTINS = """
abs append_element apply atom_to_list binary_to_list bitstring_to_list binary_to_term bit_size
bump_reductions byte_size cancel_timer check_process_code delete_module demonitor
disconnect_node display element erase exit float float_to_list fun_info fun_to_list
function_exported garbage_collect get get_keys group_leader hash hd integer_to_list
iolist_to_binary iolist_size is_atom is_binary is_bitstring is_boolean is_builtin is_float
is_function is_integer is_list is_number is_pid is_port is_process_alive is_record
is_reference is_tuple length link list_to_atom list_to_binary list_to_bitstring
list_to_existing_atom list_to_float list_to_integer list_to_pid list_to_tuple load_module
localtime_to_universaltime make_tuple md5 md5_final md5_update memory module_loaded monitor
monitor_node node nodes open_port phash phash2 pid_to_list port_close port_command
port_connect port_control port_call port_info port_to_list process_display process_flag
process_info purge_module put read_timer ref_to_list register resume_process round send
send_after send_nosuspend set_cookie setelement size spawn spawn_link spawn_monitor spawn_opt
split_binary start_timer statistics suspend_process system_flag system_info system_monitor
system_profile term_to_binary tl trace trace_delivered trace_info trace_pattern trunc
tuple_size tuple_to_list universaltime_to_localtime unlink unregister whereis
""".split()
_WORD_OPERATORS = ("and andalso band bnot bor bsl bsr bxor div not or orelse rem "
                   "xor").split()
_OPERATORS = r"(\+\+?|--?|\*|/|<|>|/=|=:=|=/=|=<|>=|==?|<-|!|\?)"
_ATOM = r"(?:[a-z][a-zA-Z0-9_]*|'[^\n']*[^\\]')"
_VARIABLE = r"(?:[A-Z_][a-zA-Z0-9_]*)"
_ESCAPE = r"(?:\\(?:[bdefnrstv'\"\\/]|[0-7][0-7]?[0-7]?|\^[a-zA-Z]))"
_MACRO = rf"(?:{_VARIABLE}|{_ATOM})"
_BASE = r"(?:[2-9]|[12][0-9]|3[0-6])"

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"%.*\n"), "c"),
        Rule(rx(rf"({'|'.join(_KEYWORDS)})\b"), "k"),
        Rule(rx(rf"({'|'.join(_BUILTINS)})\b"), "nb"),
        Rule(rx(rf"({'|'.join(_WORD_OPERATORS)})\b"), "ow"),
        Rule(rx(r"^-"), "p", "directive"),
        Rule(rx(_OPERATORS), "o"),
        Rule(rx(r'"'), "s", "string"),
        Rule(rx(r"<<"), "nl"),
        Rule(rx(r">>"), "nl"),
        Rule(rx(rf"({_ATOM})(:)"), ("nn", "p")),
        Rule(rx(rf"({_ATOM})(\s*)(\()"), ("nf", "", "p")),
        Rule(rx(rf"[+-]?{_BASE}#[0-9a-zA-Z]+"), "mi"),
        Rule(rx(r"[+-]?\d+"), "mi"),
        Rule(rx(r"[+-]?\d+.\d+"), "mf"),
        Rule(rx(r"[\]\[:_@\".{}()|;,]"), "p"),
        Rule(rx(_VARIABLE), "nv"),
        Rule(rx(_ATOM), "n"),
        Rule(rx(rf"\?{_MACRO}"), "no"),
        Rule(rx(rf"\$(?:{_ESCAPE}|\\[ %]|[^\\])"), "sc"),
        Rule(rx(rf"#{_ATOM}(:?\.{_ATOM})?"), "nl"),
    ],
    "string": [
        Rule(rx(_ESCAPE), "se"),
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r"~[0-9.*]*[~#+bBcdefginpPswWxX]"), "si"),
        Rule(rx(r'[^"\\~]+'), "s"),
        Rule(rx(r"~"), "s"),
    ],
    "directive": [
        Rule(rx(rf"(define)(\s*)(\()({_MACRO})"), ("ni", "", "p", "no"), "#pop"),
        Rule(rx(rf"(record)(\s*)(\()({_MACRO})"), ("ni", "", "p", "nl"), "#pop"),
        Rule(rx(_ATOM), "ni", "#pop"),
    ],
})
