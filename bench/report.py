"""Printing figures, and running two measurements side by side."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from bench import load

T = TypeVar("T")


def say(*args: object) -> None:
    print(*args, flush=True)


def fmt(r: load.Result | None) -> str:
    if r is None:
        return f"{'-':>9} {'-':>8} {'-':>8}"
    errors = f"  ({r.errors} errors)" if r.errors else ""
    return f"{r.rps:9.0f} {r.p50:8.2f} {r.p99:8.2f}{errors}"


def best(results: list[load.Result]) -> load.Result:
    """The run with the highest throughput (least disturbed by other load on the machine)."""
    return max(results, key=lambda r: r.rps)


def alternate(
    repeats: int, first: Callable[[], T], second: Callable[[], T], *, best: Callable[[list[T]], T]
) -> tuple[T, T]:
    """Run `first` and `second` in turn `repeats` times (so a burst of outside load hits
    both) and keep the best run of each."""
    a: list[T] = []
    b: list[T] = []
    for _ in range(repeats):
        a.append(first())
        b.append(second())
    return best(a), best(b)
