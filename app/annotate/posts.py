"""Step 3 of quotation extraction (with interviews): embedded social-media posts.

A page that embeds a post shows its words, then a signature line: "— Jane Roe (@janeroe)
October 23, 2018", "A post shared by Jane Roe (@janeroe) on Oct 23, 2018 at 4:15pm PDT" (in
a paragraph of its own or at the end of the post's). The words are a direct quotation of
whoever signs: the person or organisation the signature names when the article knows them,
else the name as written.
"""

from __future__ import annotations

import re

from app.annotate.entities import EntityResult
from app.annotate.furniture import POST_STAMP
from app.annotate.quote_index import Candidate, QuoteIndex, trim_direct
from app.annotate.speakers import Speaker
from app.annotate.types import Paragraph

# "— Jane Roe (@janeroe) October 23, 2018", "- City of Halifax (@hfxgov) Oct. 2, 2019",
# "A post shared by Jane Roe (@janeroe) on Oct 23, 2018 at 4:15pm PDT"
SIGNATURE = re.compile(
    r"(?:^|\s)(?:[—–-]{1,2}\s*|A post shared by\s+)(?P<name>[^\s()@—–-][^\n()@—–]{0,59}?)"
    rf"\s*{POST_STAMP}\s*$"
)
# The media link a post ends with: "pic.twitter.com/Ab12Cd", "https://t.co/Ab12Cd".
_LINK_AT_END = re.compile(r"(?:\s+(?:pic\.twitter\.com/\w+|https?://\S+))+\s*$")


def embedded_posts(
    text: str, index: QuoteIndex, ents: EntityResult, cands: list[Candidate]
) -> list[Candidate]:
    """``cands`` with each signed post's words, as its signer's direct quotation, in place of
    what the other steps found in the post."""
    posts = (_post(text, index.paragraphs, i, ents) for i in _signed(index))
    found = [c for c in posts if c is not None]
    if not found:
        return cands
    taken = {c.para for c in found}
    for c in found:
        c.quote_ids = set(index.in_para(c.para))
    return [c for c in cands if c.para not in taken] + found


def _signed(index: QuoteIndex) -> list[int]:
    """Positions (in ``index.paragraphs``) of the paragraphs that end with a signature."""
    return [i for i, p in enumerate(index.paragraphs) if SIGNATURE.search(p.text)]


def _post(text: str, paragraphs: list[Paragraph], i: int, ents: EntityResult) -> Candidate | None:
    """The post signed at the end of paragraph ``i``: the words before the signature, or
    the whole paragraph before when the signature stands alone."""
    p = paragraphs[i]
    m = SIGNATURE.search(p.text)
    assert m is not None
    body = paragraphs[i] if m.start() > 0 else (paragraphs[i - 1] if i > 0 else None)
    if body is None:
        return None
    end = p.start + m.start() if body is p else body.end
    words = text[body.start : end]
    cut = _LINK_AT_END.search(words)
    s, e = trim_direct(text, body.start, body.start + (cut.start() if cut else len(words)))
    if e - s < 2:
        return None
    name_at = (p.start + m.start("name"), p.start + m.end("name"))
    return Candidate(-1, [(s, e)], "direct", None, _signer(ents, m["name"], name_at), body.number)


def _signer(ents: EntityResult, name: str, at: tuple[int, int]) -> Speaker:
    """The entity named in the signature, else the name as a label."""
    for ent, s, e in ents.mentions:
        if at[0] <= s and e <= at[1]:
            entity = ents.entities[ent]
            return Speaker(ent, entity.name, entity.kind, name)
    return Speaker(None, name, "other", name)
