"""Windows batch files as Rouge 3.30's Batchfile lexer tokenises them.

Notes on the translation: Rouge's rules are case-insensitive, and Ruby folds U+017F and
U+212A into ``s`` and ``k``, so its letter classes are spelled out with them here (``\\w``
stays ASCII in Ruby).  Rouge tests for ``set`` with ``casecmp``, whose result (a number) is
always true, so every word not in its lists is a declaration keyword, as here.  Its comment
rule's ``\\b`` follows an optional ``@`` and always holds before ``rem``.
"""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_AZ = "a-zA-Z\u017f\u212a"  # [a-z] under Ruby's /i
_KEYWORDS = frozenset("if else for in do goto call exit".split())
_OPERATOR_WORDS = frozenset("exist defined errorlevel cmdextversion not equ neq lss leq gtr "
                            "geq".split())
_DEVICES = frozenset("""con prn aux nul com1 com2 com3 com4 com5 com6 com7 com8 com9 lpt1 lpt2
lpt3 lpt4 lpt5 lpt6 lpt7 lpt8 lpt9""".split())
_COMMANDS = frozenset("""
assoc attrib break bcdedit cacls cd chcp chdir chkdsk chkntfs choice cls cmd color comp compact
convert copy date del dir diskpart doskey dpath driverquery echo endlocal erase fc find findstr
format fsutil ftype gpresult graftabl help icacls label md mkdir mklink mode more move
openfiles path pause popd print prompt pushd rd recover ren rename replace rmdir robocopy
setlocal sc schtasks shift shutdown sort start subst systeminfo takeown tasklist taskkill time
timeout title tree type ver verify vol xcopy waitfor wmic
addusers admodcmd ansicon arp at bcdboot bitsadmin browstat certreq certutil change cidiag
cipher cleanmgr clip cmdkey compress convertcp coreinfo csccmd csvde cscript curl debug defrag
delprof deltree devcon diamond dirquota diruse diskshadow diskuse dism dnscmd dsacls dsadd
dsget dsquery dsmod dsmove dsrm dsmgmt dsregcmd edlin eventcreate expand extract fdisk fltmc
forfiles freedisk ftp getmac gpupdate hostname ifmember inuse ipconfig kill lgpo lodctr logman
logoff logtime makecab mapisend mbsacli mem mountvol moveuser msg mshta msiexec msinfo32 mstsc
nbtstat net net1 netdom netsh netstat nlsinfo nltest now nslookup ntbackup ntdsutil ntoskrnl
ntrights nvspbind pathping perms ping portqry powercfg pngout pnputil printbrm prncnfg prnmngr
procdump psexec psfile psgetsid psinfo pskill pslist psloggedon psloglist pspasswd psping
psservice psshutdown pssuspend qbasic qgrep qprocess query quser qwinsta rasdial reg reg1
regdump regedt32 regsvr32 regini reset restore rundll32 rmtshare route rpcping run runas
scandisk setspn setx sfc share shellrunas shortcut sigcheck sleep slmgr strings subinacl sysmon
telnet tftp tlist touch tracerpt tracert tscon tsdiscon tskill tttracer typeperf tzutil
undelete unformat verifier vmconnect vssadmin w32tm wbadmin wecutil wevtutil wget where whoami
windiff winrm winrs wpeutil wpr wusa wuauclt wscript
""".split())
_ATTRIBUTES = frozenset("on off disable enableextensions enabledelayedexpansion".split())


def _ci(word: str) -> str:
    """A literal word matched as Ruby's /i matches it."""
    extra = {"s": "\u017f", "k": "\u212a"}
    return "".join(f"[{c.lower()}{c.upper()}{extra.get(c.lower(), '')}]" if c.isalpha()
                   else re.escape(c) for c in word)


_SUFFIX = "|".join(_ci(w) for w in (".exe", "com", "bat", "cmd", "msi"))


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group(1)
    if word in _COMMANDS:
        run.token("nb", m.group())
        return
    css = ("kr" if word in _DEVICES else "k" if word in _KEYWORDS
           else "ow" if word in _OPERATOR_WORDS else "na" if word in _ATTRIBUTES else "kd")
    run.token(css, word)
    run.token("err", m.group(2))


LEXER = RegexLexer({
    "basic": [
        Rule(rx(rf"@?{_ci('rem')}\b.*$"), "c"),
        Rule(rx(r"^::.*$"), "c"),
        Rule(rx(rf":[{_AZ}]+"), "nl"),
        Rule(rx(rf"([{_AZ}]\w*)({_SUFFIX})?"), action=_word),
        Rule(rx(rf"((?:[/+]|--?)[{_AZ}]+)\s*"), "na"),
        Mixin("expansions"),
        Rule(rx(r"[<>&|(){}\[\]\-+=;,~?*]"), "o"),
    ],
    "escape": [Rule(rx(r"\^.", re.S), "se")],
    "expansions": [
        Rule(rx(rf"[%!]+([{_AZ}_$@#]+)[%!]+"), "nv"),
        Rule(rx(rf"(%+~?[{_AZ}]+\d?)"), "vm"),
    ],
    "double_quotes": [
        Mixin("escape"),
        Rule(rx(r'["]'), "s2", "#pop"),
        Mixin("expansions"),
        Rule(rx(r'[^\^"%!]+'), "s2"),
    ],
    "single_quotes": [
        Mixin("escape"),
        Rule(rx(r"[']"), "s1", "#pop"),
        Mixin("expansions"),
        Rule(rx(r"[^\^'%!]+"), "s1"),
    ],
    "backtick": [
        Mixin("escape"),
        Rule(rx(r"[`]"), "sb", "#pop"),
        Mixin("expansions"),
        Rule(rx(r"[^\^`%!]+"), "sb"),
    ],
    "data": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"0x[0-9a-f]+", re.I), "mh"),
        Rule(rx(r"[0-9]"), "m"),
        Rule(rx(r'["]'), "s2", "double_quotes"),
        Rule(rx(r"[']"), "s1", "single_quotes"),
        Rule(rx(r"[`]"), "sb", "backtick"),
        Rule(rx(r"[^\s&|()\[\]{}\^=;!%+\-,\"'`~?*]+"), ""),
        Mixin("escape"),
    ],
    "root": [Mixin("basic"), Mixin("data")],
})
