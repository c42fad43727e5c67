"""The analysis text: what the parser sees, a copy of the article of the same length.

Same length, so an offset in the analysis text is an offset in the original and no mapping
is needed.  Everything outside the body paragraphs (title, byline, furniture) becomes spaces
(line breaks kept); inside a paragraph:

- curly quotes and odd spaces are replaced one character for one (NFC normalisation would
  change the length);
- a dateline ("LONDON (Reuters) -") is blanked: the place is not the subject of the lead;
- a photo credit in brackets ("(Jane Roe/CBC)", "(Submitted by Jane Roe)") is blanked: the
  photographer is no one in the story; so are an embedded post's handle, date and link;
- a line break inside a sentence (a hard-wrapped paragraph) becomes a space, so the parser
  reads one sentence; a break after a sentence end or before a list bullet stays;
- long runs of symbols without letters (ASCII art, 10,000 quote marks) are blanked: they
  carry no language and make the parser slow.
"""

from __future__ import annotations

import re

from app.annotate.datelines import blank_dateline
from app.annotate.furniture import blank_credits
from app.annotate.nlp import MAX_CHARS
from app.annotate.types import Paragraph

_SAME_LENGTH = {
    **{c: " " for c in range(0x20) if chr(c) not in "\n\t"},
    **{c: " " for c in range(0x7F, 0xA1)},
    **{ord(c): "'" for c in "‘’‚‛′‹›"},
    **{ord(c): '"' for c in "“”„‟″«»〝〞"},
    **{ord(c): " " for c in "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"},
    **{ord(c): " " for c in "\u200a\u202f\u205f\u3000\ufeff\u200b"},
    ord("\u2028"): "\n",
    ord("\u2029"): "\n",
}
_JUNK_RUN = re.compile(r"[^\w\s]{12,}(?:\s+[^\w\s]+)*")
# A line break inside a sentence: not after a sentence end, not before a list bullet.
_WRAPPED_BREAK = re.compile(r"(?<=[^\s.?!:;\"'])([^\S\n]*)\n(?=[^\S\n]*[^\s•·*\-–—])")


def _paragraph_text(par: str) -> str:
    par = blank_credits(blank_dateline(par.translate(_SAME_LENGTH)))
    par = _WRAPPED_BREAK.sub(lambda m: m.group(1) + " ", par)
    return _JUNK_RUN.sub(lambda m: " " * len(m.group(0)), par)


def analysis_text(text: str, paragraphs: list[Paragraph]) -> str:
    """The text the parser sees: body paragraphs only, same length as ``text`` (cut at
    ``nlp.MAX_CHARS``)."""
    parts: list[str] = []
    pos = 0
    for p in paragraphs:
        gap = text[pos : p.start]
        blank = "".join("\n" if c == "\n" else " " for c in gap)
        if blank and "\n" not in blank:
            blank = "\n" + blank[1:]  # paragraphs never run together
        parts.append(blank)
        parts.append(_paragraph_text(text[p.start : p.end]))
        pos = p.end
    parts.append(" " * (len(text) - pos))
    return "".join(parts)[:MAX_CHARS]
