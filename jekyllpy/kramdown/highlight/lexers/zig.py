"""Zig as Rouge 3.30's Zig lexer tokenises it.  Rouge's case-insensitive name class also
takes U+017F and U+212A (Ruby folds them into ``s`` and ``k``), spelled out here; its integer
pattern accepts a lone ``_``, which therefore reads as a number before a name."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_KEYWORDS = frozenset("""align linksection threadlocal struct enum union error break return
anyframe fn c_longlong c_ulonglong c_longdouble c_void comptime_float c_short c_ushort c_int
c_uint c_long c_ulong continue asm defer errdefer const var extern packed export pub if else
switch and or orelse while for bool unreachable try catch async suspend nosuspend await resume
undefined usingnamespace test void noreturn type anyerror usize noalias inline noinline
comptime callconv volatile allowzero""".split())
_BUILTINS = frozenset("""@addWithOverflow @as @atomicLoad @atomicStore @bitCast @breakpoint
@alignCast @alignOf @cDefine @cImport @cInclude @bitOffsetOf @atomicRmw @bytesToSlice
@byteOffsetOf @OpaqueType @panic @ptrCast @bitReverse @Vector @sin @cUndef @canImplicitCast
@clz @cmpxchgWeak @cmpxchgStrong @compileError @compileLog @ctz @popCount @divExact @divFloor
@cos @divTrunc @embedFile @export @tagName @TagType @errorName @call @errorReturnTrace @fence
@fieldParentPtr @field @unionInit @errorToInt @intToEnum @enumToInt @setAlignStack @frame
@Frame @exp @exp2 @log @log2 @log10 @fabs @floor @ceil @trunc @round @floatCast @intToFloat
@floatToInt @boolToInt @errSetCast @intToError @frameAddress @import @newStackCall @asyncCall
@intToPtr @intCast @frameSize @memcpy @memset @mod @mulWithOverflow @splat @ptrToInt @rem
@returnAddress @setCold @Type @shuffle @setGlobalLinkage @setGlobalSection @shlExact @This
@hasDecl @hasField @setRuntimeSafety @setEvalBranchQuota @setFloatMode @shlWithOverflow
@shrExact @sizeOf @bitSizeOf @sqrt @byteSwap @subWithOverflow @sliceToBytes comptime_int
@truncate @typeInfo @typeName @TypeOf""".split())
_ID = "[a-zA-Z\u017f\u212a_]\\w*"
_HEX = "[0-9a-fA-F]"
_ESCAPES = rf"\\([nrt'\"\\0]|x{_HEX}{{2}}|u{_HEX}{{4}}|U{_HEX}{{8}})"
_DOT = r"[.][0-9_]+"
_EXP = r"e[-+]?[0-9_]+"


def _name(run: LexRun, m: re.Match[str]) -> None:
    name = m.group(3)
    if name in _KEYWORDS:
        css = "k"
    elif name in _BUILTINS:
        css = "nb"
    elif m.group(1) and m.group(5):
        css = "nf"
    elif m.group(1):
        css = "py"
    else:
        css = "n"
    for tok, i in (("p", 1), ("", 2), (css, 3), ("", 4), ("p", 5)):
        run.token(tok, m.group(i))


LEXER = RegexLexer({
    "bol": [
        Mixin("whitespace"),
        Rule(rx(r"#\s[^\n]*"), "cs"),
        Rule(rx(r""), None, "#pop"),
    ],
    "whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"//[^\n]*"), "c"),
    ],
    "root": [
        Rule(rx(r"\n"), "", "bol"),
        Mixin("whitespace"),
        Rule(rx(r"\b(?:(i|u)[0-9]+)\b"), "kt"),
        Rule(rx(r"\b(?:f(16|32|64|128))\b"), "kt"),
        Rule(rx(r"\b(?:(isize|usize))\b"), "kt"),
        Mixin("literals"),
        Rule(rx(rf"'{_ID}"), "nv"),
        Rule(rx(rf"([.]?)(\s*)(@?{_ID})(\s*)([(]?)"), action=_name),
        Rule(rx(r"[()\[\]{}|,:;]"), "p"),
        Rule(rx(r"[*/!@~&+%^<>=?-]|\.{1,3}"), "o"),
    ],
    "literals": [
        Rule(rx(r"\b(?:true|false|null)\b"), "kc"),
        Rule(rx(rf"'(?:{_ESCAPES}|[^\\])'"), "sc"),
        Rule(rx(r'"'), "s", "string"),
        Rule(rx(r'r(#*)".*?"\1', re.S), "s"),
        Rule(rx(rf"[0-9]+((?:{_DOT})(?:{_EXP})?|(?:{_DOT})?(?:{_EXP}))"), "mf"),
        Rule(rx(r"(0b[10_]+|0x[0-9a-fA-F_]+|[0-9_]+)"), "mi"),
    ],
    "string": [
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(_ESCAPES), "se"),
        Rule(rx(r'[^"\\]+', re.S), "s"),
    ],
})
