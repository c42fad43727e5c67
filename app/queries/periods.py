"""Periods of a timeline (day, week, month, year) and the ranges of days they cover."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from app.analytics_schemas import Interval
from app.core.analytics_counts import next_start, period_start

MAX_BUCKETS = 10_000  # e.g. 27 years of days; more is an error (422), not a huge response


class RangeError(ValueError):
    """The requested range and interval cannot be answered (the message says why)."""


@dataclass(frozen=True, slots=True)
class Span:
    """Days `first`..`last` (inclusive) in periods of `interval`."""

    first: date
    last: date
    interval: Interval

    def starts(self) -> Iterator[date]:
        start = period_start(self.first, self.interval)
        while start <= self.last:
            yield start
            start = next_start(start, self.interval)


def label(start: date, interval: Interval) -> str:
    """How a period is named: 2005-01-03, 2005-W01 (ISO week), 2005-01 or 2005."""
    if interval == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if interval == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if interval == "year":
        return f"{start.year:04d}"
    return start.isoformat()


def periods_between(first: date, last: date, interval: Interval) -> int:
    """How many periods the days first..last touch (without listing them)."""
    a, b = period_start(first, interval), period_start(last, interval)
    if interval == "day":
        return (b - a).days + 1
    if interval == "week":
        return (b - a).days // 7 + 1
    if interval == "month":
        return (b.year - a.year) * 12 + b.month - a.month + 1
    return b.year - a.year + 1


def resolve_span(
    start: date | None,
    end: date | None,
    default: tuple[date | None, date | None],
    interval: Interval,
) -> Span | None:
    """The days to count: the bounds given, else the data's own first and last day. None
    when nothing is left to count; RangeError for from > to or too many periods."""
    if start is not None and end is not None and start > end:
        raise RangeError(f"`from` ({start}) is after `to` ({end}).")
    first = start if start is not None else default[0]
    last = end if end is not None else default[1]
    if first is None or last is None or first > last:
        return None
    count = periods_between(first, last, interval)
    if count > MAX_BUCKETS:
        raise RangeError(
            f"{count} {interval} periods from {first} to {last}: at most {MAX_BUCKETS};"
            " narrow the range (`from`, `to`) or choose a longer interval."
        )
    return Span(first, last, interval)
