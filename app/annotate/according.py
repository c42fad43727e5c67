"""Step 2 of quotation extraction: "according to X, ...".

The source X is the speaker; the clause that "according to X" is attached to, without the
phrase itself, is the (indirect or mixed) content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.annotate.cue_syntax import is_cue
from app.annotate.nlp import doc_text, sentence_of, tokens_where
from app.annotate.quote_index import Candidate, QuoteIndex, trim_tokens
from app.annotate.speakers import Context, named_in, resolve_subject
from app.annotate.types import QuotationKind


def according_tokens(doc: Doc, index: QuoteIndex) -> list[int]:
    """Indices of the "according" of every "according to" outside quotation marks."""
    return [
        i
        for i in tokens_where(doc, "LOWER", lambda w: w == "according")
        if i + 1 < len(doc) and doc[i + 1].lower_ == "to" and not index.inside(doc[i].idx)
    ]


def according_candidates(doc: Doc, index: QuoteIndex, ctx: Context) -> list[Candidate]:
    """One candidate per "according to" outside quotation marks that attributes a clause."""
    out = []
    for i in according_tokens(doc, index):
        c = according(doc, doc[i], index, ctx)
        if c:
            out.append(c)
    return out


def according_source(doc: Doc, t: Token) -> Token | None:
    """The head of X in "according to X" (``t`` is "according")."""
    to = doc[t.i + 1]
    src = None
    for c in to.children:
        if c.dep_ == "pobj":
            src = c
    if src is None:
        for c in t.children:
            if c.dep_ == "pobj":
                src = c
        if src is None and t.i + 2 < len(doc):
            src = doc[t.i + 2]
            while src.dep_ == "compound" and src.head.i > src.i:
                src = src.head
    return src


def _reported_by_a_subject(verb: Token) -> bool:
    """An active cue with a subject of its own ("The central bank said that ..."; not "he was told
    that ...", "it is predicted that ...", where "according to X" names the source)."""
    return is_cue(verb) and any(c.dep_ == "nsubj" and c.lower_ != "it" for c in verb.children)


def according(doc: Doc, t: Token, index: QuoteIndex, ctx: Context) -> Candidate | None:
    """The quotation attributed by the "according to" at ``t``, or None."""
    src = according_source(doc, t)
    if src is None:
        return None
    to = doc[t.i + 1]
    head = t.head
    while head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    sent = sentence_of(t)
    if head.i == t.i or head.dep_ in ("pobj",):
        head = doc[sent.start : sent.end].root
    elif head.dep_ in ("nsubj", "nsubjpass") and head.i < t.i < head.head.i:
        head = head.head  # "Some of the worries, according to X, include ...": the clause
    if head.dep_ == "ccomp" and _reported_by_a_subject(head.head):
        return None  # "The bank said that, according to its data, output rose": its words
    # the clause: the head's subtree without the "according to X" phrase
    src_tokens = set(x.i for x in t.subtree) | {t.i, to.i} | {x.i for x in src.subtree}
    toks = [x for x in head.subtree if x.i not in src_tokens]
    if not toks:
        return None
    lo = toks[0].i
    hi = toks[-1].i + 1
    a_lo = min(src_tokens)
    a_hi = max(src_tokens) + 1
    pieces = [(lo, hi)]
    if a_lo > lo and a_hi < hi:
        # attribution in the middle ("Some of the worries, according to X, include ..."):
        # the clause around it, in two parts
        pieces = [(lo, a_lo), (a_hi, hi)]
    elif a_lo <= lo:
        pieces = [(max(lo, a_hi), hi)]
    text = doc_text(doc)
    spans = [trim_tokens(text, doc, a, b) for a, b in pieces]
    spans = [(s, e) for s, e in spans if e > s and any(c.isalnum() for c in text[s:e])]
    if sum(e - s for s, e in spans) < 10:
        return None
    s, e = spans[0][0], spans[-1][1]
    ks = index.overlapping(s, e)
    kind: QuotationKind = "mixed" if ks else "indirect"
    para = index.para_of(s)
    # the source is none of those its clause talks about ("X is in talks, according to the
    # Hollywood reporter": not X)
    speaker = resolve_subject(ctx, src, para, named_in(ctx, spans))
    return Candidate(t.i, spans, kind, "according to", speaker, para, set(ks))
