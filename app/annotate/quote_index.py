"""Shared ground for the quotation steps: where the quotation marks are, and the candidates.

``QuoteIndex`` finds every quoted span of every paragraph once (``quotemarks.find_quotes``) and
answers the questions the steps keep asking: is this character inside quotation marks, which
paragraph holds it, which quoted spans overlap a range.  ``Candidate`` is a quotation being
built: its spans, kind, cue and speaker, and the quoted spans it has used up.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc

from app.annotate.entities import EntityResult
from app.annotate.quotemarks import QuoteSpan, find_quotes
from app.annotate.speakers import Speaker
from app.annotate.types import Paragraph, QuotationKind

TRIM = " \t\n,;:.–—-"
QUOTE_CHARS = "\"'“”‘’"


@dataclass(slots=True)
class Candidate:
    """A quotation under construction (``cue_tok`` is -1 when it has no cue of its own)."""

    cue_tok: int
    spans: list[tuple[int, int]]
    kind: QuotationKind
    cue: str | None
    speaker: Speaker
    para: int
    quote_ids: set[int] = field(default_factory=set)  # indices of quote spans used


@dataclass(slots=True)
class QuoteIndex:
    """The quoted spans of an article, by paragraph, with lookups by character offset."""

    paragraphs: list[Paragraph]
    spans: list[QuoteSpan]
    span_para: list[int]  # paragraph number of each span
    by_para: dict[int, list[int]]  # paragraph number -> indices into ``spans``
    _para_starts: list[int]
    _span_starts: list[int]

    @classmethod
    def build(cls, text: str, paragraphs: list[Paragraph]) -> QuoteIndex:
        """Pair the quotation marks of every paragraph of ``text``."""
        spans: list[QuoteSpan] = []
        span_para: list[int] = []
        for p in paragraphs:
            for q in find_quotes(text, p.start, p.end):
                spans.append(q)
                span_para.append(p.number)
        by_para: dict[int, list[int]] = {}
        for k, pn in enumerate(span_para):
            by_para.setdefault(pn, []).append(k)
        para_starts = [p.start for p in paragraphs]
        return cls(paragraphs, spans, span_para, by_para, para_starts, [q.open for q in spans])

    def at(self, ch: int) -> int | None:
        """Index of the quoted span (marks included) holding character ``ch``."""
        k = bisect.bisect_right(self._span_starts, ch) - 1
        if k >= 0:
            q = self.spans[k]
            end = q.close if q.close is not None else self.paragraphs[self.span_para[k] - 1].end
            if q.open <= ch <= end:
                return k
        return None

    def inside(self, ch: int) -> bool:
        """Whether character ``ch`` lies inside quotation marks."""
        return self.at(ch) is not None

    def para_of(self, ch: int) -> int:
        """Number of the paragraph holding character ``ch`` (1 before the first)."""
        return max(1, bisect.bisect_right(self._para_starts, ch))

    def in_para(self, number: int) -> list[int]:
        """Indices of the quoted spans of paragraph ``number``, in text order."""
        return self.by_para.get(number, [])

    def overlapping(self, s: int, e: int) -> list[int]:
        """Indices of the quoted spans whose content overlaps ``[s, e)``."""
        out: list[int] = []
        for pn in range(self.para_of(s), self.para_of(max(s, e - 1)) + 1):
            out.extend(k for k in self.in_para(pn) if _overlaps(self.spans[k], s, e))
        return out


def _overlaps(q: QuoteSpan, s: int, e: int) -> bool:
    """The quoted content overlaps [s, e)."""
    return q.start < e and s < q.end


def within(q: QuoteSpan, s: int, e: int, text: str) -> bool:
    """The content [s, e) lies inside the quotation marks (give or take punctuation)."""
    lo = q.open
    hi = (q.close + 1) if q.close is not None else q.end
    if s >= lo and e <= hi + 1:
        return True
    before = text[s : q.open] if s < q.open else ""
    after = text[hi:e] if e > hi else ""
    return not before.strip(TRIM + QUOTE_CHARS) and not after.strip(TRIM + QUOTE_CHARS)


def trim_direct(text: str, s: int, e: int) -> tuple[int, int]:
    """Words inside the marks: no surrounding space, no trailing comma."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:–—-"):
        e -= 1
    return s, e


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without surrounding space and punctuation."""
    while s < e and (text[s] in TRIM or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in TRIM or text[e - 1].isspace()):
        e -= 1
    return s, e


def trim_tokens(text: str, doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """The characters of tokens ``[lo, hi)``, trimmed as by ``trim``."""
    return trim(text, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))


def mention_tokens(doc: Doc, ents: EntityResult) -> list[tuple[int, int, int]]:
    """Entity mentions as sorted (token start, token end, entity) triples."""
    out = []
    tok_starts = doc.to_array("IDX").tolist() if len(doc) else []
    for ent, s, e in ents.mentions:
        ts = bisect.bisect_left(tok_starts, s)
        te = bisect.bisect_left(tok_starts, e)
        out.append((ts, max(te, ts + 1), ent))
    out.sort()
    return out
