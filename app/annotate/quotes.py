"""Quotation extraction: direct, indirect and mixed reported speech with their speakers.

The pipeline (``extract``), one module per step:

0. ``quote_index``: pair the quotation marks of every paragraph (``quotemarks``);
1. ``reported``: reported speech hung on a cue verb, with its speaker (``cue_syntax`` reads
   the parse around the verb, ``speakers`` resolves the subject);
2. ``according``: "according to X, ..." (1 and 2 in one text-order pass);
3. ``interviews``: answers of question-and-answer and transcript layouts;
4. ``continuation``: quotations without a cue of their own (split quotations, continued
   paragraphs, floating quotations), then without pull quotes (``drop_pull_quotes``);
5. here: one ``Quotation`` per candidate, in text order.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from app.annotate.according import according, according_tokens
from app.annotate.continuation import attach_unattributed
from app.annotate.cues import STANCE_ONLY
from app.annotate.entities import EntityResult
from app.annotate.furniture import is_photo_caption
from app.annotate.interviews import interview_answers
from app.annotate.posts import embedded_posts
from app.annotate.quote_index import Candidate, QuoteIndex, mention_tokens, trim
from app.annotate.reported import CueReader, remember
from app.annotate.sourcing import speaker_named
from app.annotate.speakers import Context
from app.annotate.types import Paragraph, Quotation


def extract(
    text: str,
    doc: Doc,
    paragraphs: list[Paragraph],
    ents: EntityResult,
) -> list[Quotation]:
    """All quotations of the article (``doc`` is the parsed analysis text: same offsets)."""
    if not paragraphs:
        return []
    index = QuoteIndex.build(text, paragraphs)  # 0.
    ctx = Context(doc, ents, _narrative_mentions(doc, ents, paragraphs), index.inside, [])
    ctx.para_starts = [p.start for p in paragraphs]
    cands = reported_speech(text, doc, index, ctx)  # 1. and 2.
    cands = interview_answers(text, index, ents, cands)  # 3.
    cands = embedded_posts(text, index, ents, cands)
    cands = one_per_quotation(doc, cands)
    cands = attach_unattributed(text, doc, index, cands, ctx)  # 4.
    cands = drop_pull_quotes(text, cands)
    cands = signed_pull_quotes(text, paragraphs, cands)
    cands = _without_stance_reports(doc, cands)
    return to_quotations(text, index, cands)  # 5.


def _without_stance_reports(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Drop "analysts agree the market has turned", "the figures signal growth": a clause
    after a verb of agreement or a sign that quotes nothing reports no one's words. Dropped
    last: the speaker it names still leads the quotations after it."""
    return [
        c
        for c in cands
        if not (
            c.kind == "indirect" and c.cue_tok >= 0 and doc[c.cue_tok].lemma_.lower() in STANCE_ONLY
        )
    ]


def _narrative_mentions(
    doc: Doc, ents: EntityResult, paragraphs: list[Paragraph]
) -> list[tuple[int, int, int]]:
    """The mentions a pronoun or a description can look back to: not those in a photo
    caption set into the text ("Ann, left, and Bo sit at home"), which interrupts it."""
    captions = [(p.start, p.end) for p in paragraphs if is_photo_caption(p.text)]
    found = mention_tokens(doc, ents)
    if not captions:
        return found
    return [m for m in found if not any(s <= doc[m[0]].idx < e for s, e in captions)]


def reported_speech(text: str, doc: Doc, index: QuoteIndex, ctx: Context) -> list[Candidate]:
    """Steps 1 and 2 together, in text order: each cue verb and each "according to" in turn,
    so that a speaker can refer back to any earlier one ("according to X ... the company
    said")."""
    reader = CueReader(text, doc, index, ctx)
    accordings = set(according_tokens(doc, index))
    cands = []
    for ti in sorted(reader.cues | accordings):
        c = according(doc, doc[ti], index, ctx) if ti in accordings else reader.candidate(ti)
        if c is not None:
            cands.append(c)
            remember(ctx, c)
            for more in reader.second_complements(c) if ti not in accordings else []:
                _join(text, c, more)
                ctx.reported.extend(more.spans)
    return cands


_JOINING = re.compile(r"[\s,;]*(?:(?:and|or|but)\s+)?(?:that\s+)?", re.IGNORECASE)


def _join(text: str, c: Candidate, more: Candidate) -> None:
    """One reporting act is one quotation: "X said A, and that B" reports A and B together,
    as one stretch of text when only the joining words lie between them."""
    (s, e), (s2, e2) = c.spans[-1], more.spans[0]
    if _JOINING.fullmatch(text[e:s2]):
        c.spans = [*c.spans[:-1], (s, e2), *more.spans[1:]]
    else:
        c.spans = sorted(c.spans + more.spans)
    c.quote_ids |= more.quote_ids
    c.kind = c.kind if c.kind == more.kind else "mixed"


def one_per_quotation(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Of candidates that claim the same words, the one whose cue is nearest to them ("X
    reports that Y told a magazine: '...'" is Y's), in text order."""

    def distance(c: Candidate) -> int:
        """Characters between the cue and the quoted words (far for no cue)."""
        if c.cue_tok < 0:
            return 1 << 30
        ch = doc[c.cue_tok].idx
        s, e = c.spans[0][0], c.spans[-1][1]
        return s - ch if ch < s else max(0, ch - e)

    best: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        key = c.spans[0]
        if key not in best or distance(c) < distance(best[key]):
            best[key] = c
    return sorted(best.values(), key=lambda c: c.spans[0][0])


def _words(s: str) -> str:
    """Lower-case words without punctuation, for comparing quotations."""
    return " ".join("".join(ch for ch in s.lower() if ch.isalnum() or ch.isspace()).split())


def drop_pull_quotes(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Without the pull quotes: a cue-less quotation that repeats words another quotation
    of the article already holds (a display quote, not a second statement)."""
    bodies = [_words(" ".join(text[s:e] for s, e in c.spans)) for c in cands]
    out = []
    for c, body in zip(cands, bodies, strict=True):
        repeated = c.cue is None and len(body.split()) >= 4
        if repeated and any(body in other and other != body for other in bodies):
            continue
        out.append(c)
    return out


_SIGNATURE = re.compile(
    r"(?<=[.!?…)]) +((?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’-]+(?:, [A-Z][\w.&'’ -]{1,40})?) *$"
)


def signed_pull_quote(text: str, p: Paragraph) -> tuple[int, int] | None:
    """The words of a paragraph laid out as a signed pull quote: unquoted sentences and then
    the speaker's name ("We will build it. Jane Roe" or "..., Jane Roe, Acme Inc.")."""
    body = text[p.start : p.end].rstrip()
    m = _SIGNATURE.search(body)
    if m is None or any(ch in body for ch in '"“”«»'):
        return None
    s, e = trim(text, p.start, p.start + m.start(1))
    return (s, e) if len(text[s:e].split()) >= 4 else None


def signed_pull_quotes(
    text: str, paragraphs: list[Paragraph], cands: list[Candidate]
) -> list[Candidate]:
    """With the signed pull quotes: a paragraph ``signed_pull_quote`` whose words another
    quotation of the article holds is that speaker's quotation too (shown twice)."""
    taken = {c.para for c in cands}
    bodies = [(_words(" ".join(text[s:e] for s, e in c.spans)), c) for c in cands]
    out = list(cands)
    for p in paragraphs:
        span = None if p.number in taken else signed_pull_quote(text, p)
        if span is None:
            continue
        words = _words(text[span[0] : span[1]])
        for body, c in bodies:
            if c.speaker.text and (words in body or body in words) and len(body.split()) >= 4:
                out.append(Candidate(-1, [span], "direct", None, c.speaker, p.number))
                break
    return sorted(out, key=lambda c: c.spans[0][0])


def to_quotations(text: str, index: QuoteIndex, cands: list[Candidate]) -> list[Quotation]:
    """One quotation per candidate in text order; of two starting at the same place, the
    first found (with the other's parts when both cues have one speaker: "he was quoted as
    saying")."""
    out: list[Quotation] = []
    best: dict[tuple[int, int], Candidate] = {}
    for c in sorted(cands, key=lambda c: c.spans[0][0]):
        key = c.spans[0]
        first = best.setdefault(key, c)
        if len(c.spans) > len(first.spans) and c.speaker == first.speaker:
            first.spans = c.spans  # the second cue took the rest of a split quotation
    for c in best.values():
        sp = c.speaker
        q = Quotation(
            paragraph=index.para_of(c.spans[0][0]),
            spans=c.spans,
            text=" ".join(text[s:e] for s, e in c.spans),
            kind=c.kind,
            cue=c.cue,
            speaker_entity=sp.entity,
            speaker_label=sp.label,
            speaker_type=sp.type if (sp.entity is not None or sp.label) else None,
            speaker_text=sp.text,
        )
        q.speaker_named = speaker_named(q)
        out.append(q)
    return out
