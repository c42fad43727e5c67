"""Layout: the raw text cut into units (candidate paragraphs), as offsets into it.

Nothing is rewritten: a unit is a span ``(start, end)`` of the original text, trimmed of
white space, and may hold line breaks.  The layout of the whole text decides where units end:

- **hard-wrapped**: fixed-width lines (a width of 30-120 characters; most lines are followed
  by another line of their paragraph, are full, and end mid-sentence).  Lines are re-joined
  into paragraphs; a paragraph ends at a blank line, at an indented line, or after a line on
  which the next line's first word would have fitted (the next line then starts a new
  paragraph unless it starts in lower case);
- **blank-line**: blank lines separate paragraphs (at least half the text sits in blocks of
  one line, or the lines of the longer blocks mostly end mid-sentence).  A block of several
  lines is one unit (a list, an exchange of questions and answers, a paragraph broken by
  hand), except for lines that stand alone (a byline, a date line, page furniture: the
  caller says which) and a first line that does not end a sentence (a headline), which are
  cut off as units of their own;
- **one paragraph per line**: anything else; every line is a unit, except that a list (a
  block whose lines all start with a bullet) stays one unit when the text has blank lines.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

Span = tuple[int, int]
SENTENCE_END = ".?!:\"'”’»)…"
BULLETS = "-•*·–—"
_SLACK = 4  # characters by which a line wrapped by hand may fall short of the width
_ROOM = 10  # room left on a line that no wrapping, even by hand, would have left


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # first visible character
    end: int  # after the last visible character
    block: int  # blank-line block number
    indent: int  # white space before ``start`` on its line


def _invisible(ch: str) -> bool:
    return ch.isspace() or (unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\n\t")


def trimmed(text: str, start: int, end: int) -> Span:
    """``(start, end)`` without white space or invisible characters at either end."""
    while start < end and _invisible(text[start]):
        start += 1
    while end > start and _invisible(text[end - 1]):
        end -= 1
    return start, end


def text_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, with their blank-line block numbers."""
    lines: list[Line] = []
    block, pos, blank = 0, 0, False
    while pos <= len(text):
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        s, e = trimmed(text, pos, stop)
        if e > s:
            if blank and lines:
                block += 1
            lines.append(Line(s, e, block, s - pos))
            blank = False
        else:
            blank = True
        if nl < 0:
            break
        pos = nl + 1
    return lines


def _first_word(text: str, line: Line) -> int:
    sp = text.find(" ", line.start, line.end)
    return (line.end if sp < 0 else sp) - line.start


def _fits(text: str, line: Line, nxt: Line, width: int) -> bool:
    """The next line's first word would have fitted at the end of ``line``."""
    return (line.end - line.start) + 1 + _first_word(text, nxt) <= width


@dataclass(frozen=True, slots=True)
class Wrap:
    width: int  # line width
    indent: int  # the usual indent of a line
    indented_from: int | None  # offset of the first indented line, when indents mark paragraphs


def _list_item(text: str, line: Line, nxt: Line, width: int) -> bool:
    """``nxt`` starts a list item (a bullet after a line with room), not a dash that goes on."""
    return text[nxt.start] in BULLETS and _fits(text, line, nxt, width)


def wrap_width(text: str, lines: list[Line]) -> int | None:
    """The line width of a hard-wrapped text, or None when the text is not hard-wrapped.

    Most lines that have a next line in their paragraph (same block, not indented, not a
    list item) must be full (the next line's first word would not have fitted, within a few
    characters for wrapping by hand) and end mid-sentence."""
    usual = Counter(line.indent for line in lines).most_common(1)[0][0]
    pairs = [
        (a, b)
        for a, b in itertools.pairwise(lines)
        if a.block == b.block and b.indent <= usual  # not before a paragraph's indent
    ]
    inner = [(a, b) for a, b in pairs if text[b.start] not in BULLETS]
    if len(inner) < 5 or len(inner) < 0.4 * len(lines):
        return None  # a few lists or addresses in a text of one-line paragraphs
    lengths = sorted(a.end - a.start for a, _ in inner)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 30 <= width <= 120:
        return None
    inner = [(a, b) for a, b in pairs if not _list_item(text, a, b, width)]
    full = sum(1 for a, b in inner if not _fits(text, a, b, width - _SLACK))
    open_ended = sum(1 for a, _ in inner if text[a.end - 1] not in SENTENCE_END)
    if full < 0.6 * len(inner) or open_ended < 0.6 * len(inner):
        return None
    return width


def _ends_paragraph(text: str, line: Line, nxt: Line, wrap: Wrap) -> bool:
    """Whether a paragraph of a hard-wrapped text ends after ``line``: at a blank line, before
    an indented line or a list item; or (where indents do not mark paragraphs) where the
    next line's first word would have fitted and the line ends a sentence or leaves plenty
    of room (a headline, a byline), unless the next line goes on in lower case."""
    if nxt.block != line.block or nxt.indent > wrap.indent:
        return True
    if _list_item(text, line, nxt, wrap.width):
        return True
    if text[nxt.start].islower() or not _fits(text, line, nxt, wrap.width):
        return False
    if wrap.indented_from is not None and nxt.start > wrap.indented_from:
        return False
    return text[line.end - 1] in SENTENCE_END or _fits(text, line, nxt, wrap.width - _ROOM)


def _rejoined(text: str, lines: list[Line], width: int, alone: Callable[[str], bool]) -> list[Span]:
    """Hard-wrapped lines joined into paragraphs; a line that stands alone (a byline, a date
    line in the header's block) is a unit of its own."""
    usual = Counter(line.indent for line in lines).most_common(1)[0][0]
    indented = [line.start for line in lines if line.indent > usual]
    wrap = Wrap(width, usual, indented[0] if len(indented) >= 2 else None)
    spans = [(lines[0].start, lines[0].end)]
    prev_alone = alone(text[lines[0].start : lines[0].end])
    for prev, line in itertools.pairwise(lines):
        this_alone = alone(text[line.start : line.end])
        if prev_alone or this_alone or _ends_paragraph(text, prev, line, wrap):
            spans.append((line.start, line.end))
        else:
            spans[-1] = (spans[-1][0], line.end)
        prev_alone = this_alone
    return spans


def _blank_line_layout(lines: list[Line]) -> bool:
    """At least half the text sits in one-line blocks."""
    size = Counter(line.block for line in lines)
    single = sum(ln.end - ln.start for ln in lines if size[ln.block] == 1)
    return single * 2 >= sum(ln.end - ln.start for ln in lines)


def _broken_blocks(text: str, lines: list[Line], alone: Callable[[str], bool]) -> bool:
    """Blank lines between blocks whose lines mostly end mid-sentence: paragraphs broken
    into lines too few or too loose to measure a width."""
    if lines[-1].block < 2:
        return False
    inner = [a for a, b in itertools.pairwise(lines) if a.block == b.block]
    if sum(1 for a in inner if text[a.end - 1] not in SENTENCE_END) * 2 <= len(inner):
        return False  # (lines that stand alone mostly end without a full stop)
    inner = [a for a in inner if not alone(text[a.start : a.end])]
    return sum(1 for a in inner if text[a.end - 1] not in SENTENCE_END) * 2 > len(inner) > 0


def _by_block(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and blocks[-1][0].block == line.block:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _blocks(text: str, lines: list[Line], alone: Callable[[str], bool]) -> list[Span]:
    """One unit per block; lines that stand alone are cut off as units of their own (unless
    the whole block stands alone: a trailer broken over two lines), and so is the text's
    first line when it does not end a sentence (a headline)."""
    spans: list[Span] = []
    first = lines[0]
    if text[first.end - 1] not in SENTENCE_END and first.end - first.start < 150:
        spans.append((first.start, first.end))  # a headline over the lead in one block
        lines = lines[1:]
    for block in _by_block(lines):
        whole = (block[0].start, block[-1].end)
        if len(block) == 1 or alone(text[whole[0] : whole[1]]):
            spans.append(whole)
            continue
        prev_alone = True
        for line in block:
            this_alone = alone(text[line.start : line.end])
            if this_alone or prev_alone:
                spans.append((line.start, line.end))
            else:
                spans[-1] = (spans[-1][0], line.end)
            prev_alone = this_alone
    return spans


def split_units(text: str, alone: Callable[[str], bool]) -> list[Span]:
    """Units of ``text`` in order (see the module docstring for the layouts); ``alone(line)``
    says that a line is a unit of its own in a text of blocks."""
    lines = text_lines(text)
    if not lines:
        return []
    width = wrap_width(text, lines)
    if width is not None:
        return _rejoined(text, lines, width, alone)
    if _blank_line_layout(lines) or _broken_blocks(text, lines, alone):
        return _blocks(text, lines, alone)
    return _one_per_line(text, lines)


def _one_per_line(text: str, lines: list[Line]) -> list[Span]:
    """A unit per line, except that a list (a block of lines that all start with a bullet)
    stays one unit in a text that separates blocks with blank lines."""
    blocks = _by_block(lines)
    spans: list[Span] = []
    for block in blocks:
        if len(blocks) >= 3 and len(block) > 1 and all(text[ln.start] in BULLETS for ln in block):
            spans.append((block[0].start, block[-1].end))
        else:
            spans.extend((ln.start, ln.end) for ln in block)
    return spans
