"""The shape of the code: every function in app/ fits on one screen (at most 60 lines)."""

from __future__ import annotations

import ast
from pathlib import Path

from app.core.config import PROJECT_ROOT

MAX_FUNCTION_LINES = 60
APP = PROJECT_ROOT / "app"
NOT_CHECKED: tuple[Path, ...] = ()


def long_functions(path: Path, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    """`line name (n lines)` for each function or method longer than `limit` lines, counted
    from its `def` line to its last line (decorators aside, nested functions in)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            lines = node.end_lineno - node.lineno + 1
            if lines > limit:
                found.append(f"{node.lineno} {node.name} ({lines})")
    return found


def test_no_function_in_app_is_longer_than_60_lines() -> None:
    checked = [
        path
        for path in sorted(APP.rglob("*.py"))
        if not any(path == skip or skip in path.parents for skip in NOT_CHECKED)
    ]
    assert len(checked) > 40
    too_long = [
        f"{path.relative_to(PROJECT_ROOT)}:{entry}"
        for path in checked
        for entry in long_functions(path)
    ]
    assert not too_long, "split these functions:\n" + "\n".join(too_long)


def test_the_check_measures_from_def_to_last_line(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(60))
    source = tmp_path / "sample.py"
    source.write_text(f"@decorator\ndef long():\n{body}\n\n\ndef short():\n    pass\n")
    assert long_functions(source, limit=61) == []
    assert long_functions(source, limit=60) == ["2 long (61)"]
