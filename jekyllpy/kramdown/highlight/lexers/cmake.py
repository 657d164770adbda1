"""CMake as Rouge 3.30's CMake lexer tokenises it.  A character no rule claims takes the
token of the state it is read in (plain text, a string, a bracket comment, a variable name);
bracket arguments and comments end at the first closing bracket with as many ``=``."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_BUILTINS = frozenset("""
add_compile_definitions add_compile_options add_custom_command add_custom_target
add_definitions add_dependencies add_executable add_library add_link_options
add_subdirectory add_test aux_source_directory break build_command build_name
cmake_host_system_information cmake_language cmake_minimum_required cmake_parse_arguments
cmake_policy configure_file create_test_sourcelist define_property else elseif
enable_language enable_testing endforeach endfunction endif endmacro endwhile exec_program
execute_process export export_library_dependencies file find_file find_library find_package
find_path find_program fltk_wrap_ui foreach function get_cmake_property
get_directory_property get_filename_component get_property get_source_file_property
get_target_property get_test_property if include include_directories
include_external_msproject include_guard include_regular_expression install install_files
install_programs install_targets link_directories link_libraries list load_cache
load_command macro make_directory mark_as_advanced math message option
output_required_files project qt_wrap_cpp qt_wrap_ui remove remove_definitions return
separate_arguments set set_directory_properties set_property set_source_files_properties
set_target_properties set_tests_properties site_name source_group string subdir_depends
subdirs target_compile_definitions target_compile_features target_compile_options
target_include_directories target_link_directories target_link_libraries
target_link_options target_precompile_headers target_sources try_compile try_run unset
use_mangled_mesa utility_source variable_requires variable_watch while write_file
""".split())


def _any_char(css: str) -> list[Rule]:
    """Line ends and single characters, as the state's own token."""
    return [Rule(rx(r"\r\n?|\n"), css), Rule(rx(r"."), css)]


def _bracket_close(css: str) -> Rule:
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token(css, m.group())
        if len(m.group()) == run.vars.get("bracket_len"):
            run.goto("root")
    return Rule(rx(r"\]=*\]"), action=action)


def _bracket_open(css: str, state: str, skip: int) -> Rule:
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token(css, m.group())
        run.vars["bracket_len"] = len(m.group()) - skip
        run.goto(state)
    return Rule(rx("#" * skip + r"\[=*\["), action=action)


def _command(run: LexRun, m: re.Match[str]) -> None:
    run.token("nb" if m.group(1) in _BUILTINS else "nf", m.group(1))
    run.token("", m.group(2))
    run.token("p", m.group(3))


LEXER = RegexLexer({
    "variable_interpolation": [Rule(rx(r"\$\{"), "si", "variable_reference")],
    "root": [
        Mixin("variable_interpolation"),
        Rule(rx(r"[ \t]"), ""),
        Rule(rx(r"[()]"), "p"),
        _bracket_open("cm", "bracket_comment", 1),
        _bracket_open("s2", "bracket_string", 0),
        Rule(rx(r'\\"'), ""),
        Rule(rx(r'"'), "s2", "quoted_argument"),
        Rule(rx(r"([A-Za-z_][A-Za-z0-9_]*)([ \t]*)(\()"), action=_command),
        Rule(rx(r"#.*"), "c1"),
        *_any_char(""),
    ],
    "bracket_string": [
        _bracket_close("s2"),
        Mixin("variable_interpolation"),
        *_any_char("s2"),
    ],
    "bracket_comment": [
        _bracket_close("cm"),
        *_any_char("cm"),
    ],
    "variable_reference": [
        Mixin("variable_interpolation"),
        Rule(rx(r"\}"), "si", "#pop"),
        *_any_char("nv"),
    ],
    "quoted_argument": [
        Mixin("variable_interpolation"),
        Rule(rx(r'"'), "s2", "root"),
        Rule(rx(r'\\[()#" \\$@^trn;]'), "se"),
        *_any_char("s2"),
    ],
})
