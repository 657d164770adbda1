"""Shared by the regeneration scripts: run Jekyll's converter on many texts in one Ruby
process (scripts/jekyll_markdown_oracle.rb) and write, or check, the expected files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ORACLE = ROOT / "scripts" / "jekyll_markdown_oracle.rb"


def convert_all(requests: list[tuple[str, dict[str, Any] | None]]) -> list[str]:
    """Jekyll's HTML for each ``(markdown, site_config)``, in order; stops on any error."""
    lines = [json.dumps({"id": i, "text": text, "config": config})
             for i, (text, config) in enumerate(requests)]
    out = subprocess.run(["ruby", str(ORACLE)], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, encoding="utf-8", check=True).stdout
    results: list[str | None] = [None] * len(requests)
    for line in out.splitlines():
        reply = json.loads(line)
        if "error" in reply:
            raise SystemExit(f"Jekyll failed on request {reply['id']}: {reply['error']}")
        results[reply["id"]] = reply["html"]
    if any(r is None for r in results):
        raise SystemExit("the oracle did not answer every request")
    return results  # type: ignore[return-value]


def write_or_check(expected: dict[Path, str], check: bool) -> int:
    """Write each file byte-exactly, or with ``check`` report those that would change."""
    changed = []
    for target, html in expected.items():
        data = html.encode("utf-8")
        if target.exists() and target.read_bytes() == data:
            continue
        changed.append(target)
        if not check:
            target.write_bytes(data)
    if check:
        for target in changed:
            print(f"would change: {target.relative_to(ROOT)}")
        print(f"{len(expected) - len(changed)} of {len(expected)} expected files reproduced")
        return 1 if changed else 0
    print(f"{len(expected)} cases, {len(changed)} expected files written")
    return 0
