"""Visual Basic as Rouge 3.30's Visual Basic lexer tokenises it.  Rouge's case-insensitive
name class also takes U+017F and U+212A (Ruby folds them into ``s`` and ``k``), spelled out
here.  (Its line-start state is reachable only through a rule that whitespace always
pre-empts, so it is left out.)"""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_KEYWORDS = frozenset("""AddHandler Alias ByRef ByVal CBool CByte CChar CDate CDbl CDec CInt
CLng CObj CSByte CShort CSng CStr CType CUInt CULng CUShort Call Case Catch Class Const Continue
Declare Default Delegate Dim DirectCast Do Each Else ElseIf End EndIf Enum Erase Error Event
Exit False Finally For Friend Function Get Global GoSub GoTo Handles If Implements Imports
Inherits Interface Let Lib Loop Me Module MustInherit MustOverride MyBase MyClass Namespace
Narrowing New Next Not NotInheritable NotOverridable Nothing Of On Operator Option Optional
Overloads Overridable Overrides ParamArray Partial Private Property Protected Public RaiseEvent
ReDim ReadOnly RemoveHandler Resume Return Select Set Shadows Shared Single Static Step Stop
Structure Sub SyncLock Then Throw To True Try TryCast Using Wend When While Widening With
WithEvents WriteOnly""".split())
_TYPES = frozenset("""Boolean Byte Char Date Decimal Double Integer Long Object SByte Short
Single String Variant UInteger ULong UShort""".split())
_OPERATOR_WORDS = frozenset("""AddressOf And AndAlso As GetType In Is IsNot Like Mod Or OrElse
TypeOf Xor""".split())
_BUILTINS = frozenset(["Console", "ConsoleColor"])
_ID = "[a-zA-Z\u017f\u212a_]\\w*"
_SUFFIX = r"([SILDFR]|US|UI|UL)?"


def _upper(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    css = ("k" if word in _KEYWORDS else "kt" if word in _TYPES
           else "ow" if word in _OPERATOR_WORDS else "nb" if word in _BUILTINS else "n")
    run.token(css, word)


LEXER = RegexLexer({
    "whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"[rR][eE][mM]\b.*?$"), "c1"),
        Rule(rx(r"%\{.*?%\}", re.S), "cm"),
        Rule(rx(r"'.*$"), "c1"),
    ],
    "root": [
        Mixin("whitespace"),
        Rule(rx(r"[#]If\b.*?\bThen|[#]ElseIf\b.*?\bThen|[#]End\s+If|[#]Const"
                r"|[#]ExternalSource.*?\n|[#]End\s+ExternalSource|[#]Region.*?\n"
                r"|[#]End\s+Region|[#]ExternalChecksum"), "cp"),
        Rule(rx(r"[.]"), "p", "dotted"),
        Rule(rx(r"[(){}!#,:]"), "p"),
        Rule(rx(r"Option\s+(Strict|Explicit|Compare)\s+(On|Off|Binary|Text)"), "kd"),
        Rule(rx(r"End\b"), "k", "end"),
        Rule(rx(r"(Dim|Const)\b"), "k", "dim"),
        Rule(rx(r"(Function|Sub|Property)\b"), "k", "funcname"),
        Rule(rx(r"(Class|Structure|Enum)\b"), "k", "classname"),
        Rule(rx(r"(Module|Namespace|Imports)\b"), "k", "namespace"),
        Rule(rx(r"[A-Z]\w*"), action=_upper),
        Rule(rx(r"&=|[*]=|/=|\\=|\^=|\+=|-=|<<=|>>=|<<|>>|:=|<=|>=|<>|[-&*/\\^+=<>.]"), "o"),
        Rule(rx(r'"'), "s", "string"),
        Rule(rx(rf"{_ID}[%&@!#$]?"), "n"),
        Rule(rx(r"#.*?#"), "ld"),
        Rule(rx(r"(\d+\.\d*|\d*\.\d+)(f[+-]?\d+)?", re.I), "mf"),
        Rule(rx(rf"\d+{_SUFFIX}"), "mi"),
        Rule(rx(rf"&H[0-9a-f]+{_SUFFIX}"), "mi"),
        Rule(rx(rf"&O[0-7]+{_SUFFIX}"), "mi"),
        Rule(rx(r"_\n"), "k"),
    ],
    "dotted": [Mixin("whitespace"), Rule(rx(_ID), "n", "#pop")],
    "string": [
        Rule(rx(r'""'), "se"),
        Rule(rx(r'"C?'), "s", "#pop"),
        Rule(rx(r'[^"]+'), "s"),
    ],
    "dim": [Mixin("whitespace"), Rule(rx(_ID), "nv", "#pop"), Rule(rx(r""), None, "#pop")],
    "funcname": [Mixin("whitespace"), Rule(rx(_ID), "nf", "#pop")],
    "classname": [Mixin("whitespace"), Rule(rx(_ID), "nc", "#pop")],
    "namespace": [Mixin("whitespace"), Rule(rx(rf"{_ID}([.]{_ID})*"), "nn", "#pop")],
    "end": [
        Mixin("whitespace"),
        Rule(rx(r"(Function|Sub|Property|Class|Structure|Enum|Module|Namespace)\b"), "k",
             "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
})
