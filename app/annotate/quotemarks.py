"""Quotation-mark pairing by character: curly and straight, doubles and singles.

Apostrophes (``don't``, ``Kihara’s``, ``U.S.'``) are told apart from single quotes, odd counts
are tolerated (an unclosed quote runs to the end of its paragraph), and singles nested inside
doubles are part of the double quote.  Runs in linear time.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = "“„‟«〝"
DOUBLE_CLOSE = "”»〞"
DOUBLE_ANY = DOUBLE_OPEN + DOUBLE_CLOSE + '"'
SINGLE_OPEN = "‘‚‛‹"
SINGLE_CLOSE = "’›"
SINGLE_ANY = SINGLE_OPEN + SINGLE_CLOSE + "'"
_OPEN_CONTEXT = "([{—–-/:;"
_CLOSE_FOLLOW = ".,;:!?)]}—–-…"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    open: int  # index of the opening mark (or the paragraph start when it has none)
    close: int | None  # index of the closing mark; None when unclosed
    start: int  # content start
    end: int  # content end (exclusive)
    double: bool
    has_open: bool = True


def _space(c: str) -> bool:
    """White space, or no character at all (the paragraph's edge)."""
    return c.isspace() or c == ""


def _orientation(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or '?' for the mark at ``i`` judged by its neighbours."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    left_ok = _space(prev) or prev in _OPEN_CONTEXT or prev in DOUBLE_ANY + SINGLE_ANY
    right_ok = _space(nxt) or nxt in _CLOSE_FOLLOW or nxt in DOUBLE_ANY + SINGLE_ANY
    if left_ok and not _space(nxt) and not right_ok:
        return "open"
    if right_ok and not _space(prev) and not left_ok:
        return "close"
    if left_ok and not _space(nxt):
        return "open"
    if right_ok and not _space(prev):
        return "close"
    return "?"


def find_quotes(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    """Top-level quotations in ``text[lo:hi]`` (one paragraph)."""
    pairer = _Pairer(text, lo, hi)
    for i in range(lo, hi):
        c = text[i]
        if c in DOUBLE_ANY:
            pairer.double(i, c)
        elif c in SINGLE_ANY:
            pairer.single(i, c)
    # unclosed marks: a double runs to the end of the paragraph
    if pairer.stack:
        oi, double = pairer.stack[0]
        if double:
            pairer.emit(oi, None, True)
    return pairer.out


class _Pairer:
    """A left-to-right scan of one paragraph with a stack of open marks (index, double?)."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text = text
        self.lo = lo
        self.hi = hi
        self.out: list[QuoteSpan] = []
        self.stack: list[tuple[int, bool]] = []

    def emit(self, open_i: int, close_i: int | None, double: bool) -> None:
        """A top-level quotation from the mark at ``open_i`` to ``close_i`` (None: unclosed)."""
        text = self.text
        s = open_i + 1
        e = close_i if close_i is not None else self.hi
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            self.out.append(QuoteSpan(open_i, close_i, s, e, double))

    def _double_orientation(self, i: int, c: str) -> str:
        """'open' or 'close' for a double mark: by its neighbours, then by its shape, then by
        whether a double is open."""
        stack = self.stack
        o = _orientation(self.text, i, self.lo, self.hi)
        if o == "?":
            if c in DOUBLE_OPEN:
                o = "open"
            elif c in DOUBLE_CLOSE:
                o = "close"
            else:
                o = "close" if any(d for _, d in stack) else "open"
        if o == "open" and c in DOUBLE_CLOSE and any(d for _, d in stack):
            o = "close"
        return o

    def double(self, i: int, c: str) -> None:
        """A double mark: closes the innermost open double, or opens one."""
        stack = self.stack
        if self._double_orientation(i, c) == "close":
            while stack and not stack[-1][1]:
                stack.pop()
            if stack:
                oi, _ = stack.pop()
                if not stack:
                    self.emit(oi, i, True)
            return
        if stack and stack[0][1] and all(d for _, d in stack):
            # a double already open: the earlier one was never closed
            oi, _ = stack[0]
            stack.clear()
            self.emit(oi, i, True)
        stack.append((i, True))  # (inside a single quote, UK style: nested)

    def single(self, i: int, c: str) -> None:
        """A single mark: an apostrophe (skipped), a closing single or an opening one."""
        text, lo, hi, stack = self.text, self.lo, self.hi, self.stack
        prev = text[i - 1] if i > lo else ""
        nxt = text[i + 1] if i + 1 < hi else ""
        if prev.isalnum() and nxt.isalnum():
            return  # don't, Kihara’s
        single_open = bool(stack) and not stack[-1][1]
        if prev and (prev.isalnum() or prev in ".,!?)"):
            # closing a single, or a possessive/elision apostrophe (U.S.', students')
            if single_open and (_space(nxt) or nxt in _CLOSE_FOLLOW or nxt in DOUBLE_ANY):
                oi, _ = stack.pop()
                if not stack:
                    self.emit(oi, i, False)
            return
        if _space(prev) or prev in _OPEN_CONTEXT or prev in DOUBLE_ANY:
            if nxt.isdigit() or _space(nxt):
                return  # '90s, or a stray mark
            if nxt.isalpha() and text[i + 1 : i + 4].lower() in ("em ", "tis", "twa", "n' "):
                return
            if c == "’" and not nxt.isalpha():
                return
            stack.append((i, False))
