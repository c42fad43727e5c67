"""Refresh the outputs of the curl examples in README.md and docs/api.md from a live server.

Run a fresh, seeded server first (`DATABASE_URL=sqlite:////tmp/tour.db make run`), then
`python scripts/readme_tour.py` (`--base http://127.0.0.1:8123` when it is not on :8000; the
documents keep saying localhost:8000). The files are done in order, README.md first (its taste
only reads; docs/api.md ends by deleting an article). Every `$ curl ...` line inside a
```console block is run with bash, and the lines after it (up to the next `$ ` line or the end
of the block) are replaced by what it printed, cut to MAX_CHARS per line. Commands that
continue on the next line (`\\`) or that read a local file (`@file`) are left as they are.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_CHARS = 700


DOCUMENTED_BASE = "localhost:8000"
FILES = (ROOT / "README.md", ROOT / "docs" / "api.md")


def run(command: str, base: str) -> list[str]:
    command = command.replace(DOCUMENTED_BASE, base.removeprefix("http://"))
    result = subprocess.run(["bash", "-c", command], capture_output=True, timeout=60, cwd=ROOT)
    # `head -c` may cut a character in two: drop the broken tail
    lines = result.stdout.decode("utf-8", "ignore").rstrip("\n").splitlines()
    return [line if len(line) <= MAX_CHARS else line[:MAX_CHARS] + "…" for line in lines]


def refresh(text: str, base: str = DOCUMENTED_BASE) -> str:
    out: list[str] = []
    lines = text.splitlines()
    i, in_console = 0, False
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if line.startswith("```"):
            in_console = line.strip() == "```console" and not in_console
            continue
        if not (in_console and line.startswith("$ curl")):
            continue
        if line.endswith("\\") or " @" in line:
            continue
        while i < len(lines) and not lines[i].startswith(("$ ", "```")):
            i += 1  # drop the old output
        command = line[2:].split("  #")[0]
        out.extend(run(command, base))
        if i < len(lines) and lines[i].startswith("$ "):
            out.append("")  # a blank line before the next command
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default=DOCUMENTED_BASE, help="where the server listens")
    parser.add_argument("files", nargs="*", type=Path, default=FILES, help="in this order")
    args = parser.parse_args()
    for path in args.files:
        path.write_text(refresh(path.read_text(encoding="utf-8"), args.base), encoding="utf-8")
        print(f"refreshed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
