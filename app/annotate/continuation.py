"""Step 4 of quotation extraction: quotations without a cue of their own.

After the cue verbs (``reported``) and "according to" (``according``) have claimed their quoted
spans, every quoted span left over that stands as a sentence of its own is attached, in order:

0. a quotation after a colon whose clause names its speaker without a cue verb ("X was
   blunt: “...”", ``colon_lead``) is theirs;
1. the second part of a split quotation (``"A," she said. "B."``) joins the first one;
2. a later quotation in the same paragraph as an attributed one takes its speaker, unless a
   sentence between them is about another person ("Coach Jo Lee wants ... “B.”"), who
   speaks it;
3. a paragraph that is (mostly) a quotation, right after a paragraph with a speaker,
   continues that speaker (the same exception);
4. a paragraph that is a quotation, after a paragraph that names a salient person, is theirs;
5. a quotation left open at the end of a paragraph and re-opened in the next one takes the
   speaker named in the next paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.annotate.colon_lead import colon_lead_speaker
from app.annotate.names import words
from app.annotate.nlp import token_at
from app.annotate.quote_index import Candidate, QuoteIndex, trim_direct
from app.annotate.quotemarks import QuoteSpan
from app.annotate.speakers import PRONOUNS, Context, Speaker, salient_person, sentence_subject
from app.annotate.types import Paragraph

MIN_DIRECT_WORDS = 4
# A direct quote interrupted by its attribution ("A," he said. "B.") is one quotation with two
# spans (the contract); False emits the second part as its own quotation.
JOIN_SPLIT_QUOTES = True


@dataclass(slots=True)
class _Walk:
    """What the paragraph-by-paragraph walk remembers."""

    text: str
    doc: Doc
    index: QuoteIndex
    ctx: Context
    used: set[int]
    last_speaker: Speaker | None = None
    last_para: int = -10
    prev_unclosed: bool = False


def attach_unattributed(
    text: str, doc: Doc, index: QuoteIndex, cands: list[Candidate], ctx: Context
) -> list[Candidate]:
    """``cands`` plus a candidate for every leftover quotation that can be attributed."""
    walk = _Walk(text, doc, index, ctx, set().union(*(c.quote_ids for c in cands)))
    by_para: dict[int, list[Candidate]] = {}
    for c in cands:
        by_para.setdefault(c.para, []).append(c)
    out = list(cands)
    acts = list(ctx.previous)
    for p in index.paragraphs:
        # what the pronouns and descriptions here may look back to: the acts so far
        ctx.previous[:] = [a for a in acts if a[2] <= p.number]
        pc = sorted(by_para.get(p.number, []), key=lambda c: c.spans[0][0])
        ks = index.in_para(p.number)
        for k in ks:
            q = index.spans[k]
            if k in walk.used:
                continue
            if not standalone_quote(text, p, q, pc) and not resumes_after_cue(text, doc, q, pc):
                continue
            n = _attach(walk, p, k, pc)
            if n is not None:
                out.append(n)
                pc.append(n)
                walk.used.add(k)
        if pc:
            sp = pc[-1].speaker
            if sp.entity is not None or sp.label:
                walk.last_speaker = sp
                walk.last_para = p.number
        walk.prev_unclosed = bool(ks) and index.spans[ks[-1]].close is None
    ctx.previous[:] = acts
    return reopened_quotes(text, index, out, walk.used)


def standalone_quote(text: str, p: Paragraph, q: QuoteSpan, pc: list[Candidate]) -> bool:
    """A quotation long enough to be speech that stands as its own sentence."""
    words = text[q.start : q.end].split()
    follows_direct = any(
        c.kind == "direct" and c.spans[-1][1] <= q.open and c.para == p.number for c in pc
    )
    min_words = 2 if follows_direct else MIN_DIRECT_WORDS
    sentence_like = len(words) >= min_words and (
        text[q.start : q.end].rstrip()[-1:] in ".?!,…-–—" or q.close is None or len(words) >= 8
    )
    if not sentence_like:
        return False
    # nothing but space (or the end of a sentence) before its mark
    before = text[p.start : q.open]
    last_stop = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    lead = before[last_stop + 1 :] if last_stop >= 0 else before
    return not lead.strip() or lead.strip().endswith((":", ".", "?", "!", ".”", '."'))


def resumes_after_cue(text: str, doc: Doc, q: QuoteSpan, pc: list[Candidate]) -> bool:
    """ "“A,” the coach admitted, “but B.”": the quotation resumes right after the cue clause
    that interrupts a direct quotation, within the sentence."""
    before = [c for c in pc if c.kind == "direct" and c.spans[-1][1] <= q.open]
    if not before:
        return False
    c = max(before, key=lambda c: c.spans[-1][1])
    if c.cue_tok < 0 or len(c.spans) != 1 or c.spans[0][1] > doc[c.cue_tok].idx:
        return False
    gap = text[c.spans[0][1] : q.open]
    inner = gap.strip().strip("”\"’'").strip()
    return (
        len(gap) < 80
        and inner.endswith((",", ":"))
        and not any(stop in inner for stop in (". ", "? ", "! "))
    )


def _attach(walk: _Walk, p: Paragraph, k: int, pc: list[Candidate]) -> Candidate | None:
    """A new candidate for quote ``k``; None when it joined another one or stays unattributed
    (``k`` is then in ``walk.used`` only when it joined)."""
    q = walk.index.spans[k]
    s, e = trim_direct(walk.text, q.start, q.end)
    led = colon_lead_speaker(walk.ctx, walk.doc, walk.text, q.open, p.number)
    if led is not None:
        return Candidate(-1, [(s, e)], "direct", None, led, p.number, {k})
    prev = [c for c in pc if c.spans[-1][1] <= q.open]
    named_next = _named_next(walk, p, q) if not prev else None
    if named_next is not None:
        return Candidate(-1, [(s, e)], "direct", None, named_next, p.number, {k})
    if prev:
        c = max(prev, key=lambda c: c.spans[-1][1])  # the one ending last before it
        if join_split(walk.text, walk.doc, c, q, (s, e)):
            walk.used.add(k)
            return None
        if c.speaker.entity is not None or c.speaker.label:
            sp = _new_subject(walk, c.spans[-1][1], q.open, c.speaker) or c.speaker
            return Candidate(c.cue_tok, [(s, e)], "direct", None, sp, p.number, {k})
    if pc:
        return None
    # how much of the paragraph is quotation: all its quoted spans, as a quotation carried on
    # from paragraph to paragraph re-opens at each (lost) break without closing
    quoted = sum(
        walk.index.spans[j].end - walk.index.spans[j].start for j in walk.index.in_para(p.number)
    )
    cover = quoted / max(1, p.end - p.start)
    if walk.last_speaker is not None and p.number - walk.last_para <= 1:
        if cover >= 0.5 or walk.prev_unclosed:
            sp = _new_subject(walk, p.start, q.open, walk.last_speaker) or walk.last_speaker
            return Candidate(-1, [(s, e)], "direct", None, sp, p.number, {k})
        return None
    words = walk.text[q.start : q.end].split()
    if cover >= 0.8 and q.open == p.start and len(words) >= MIN_DIRECT_WORDS:
        floating = floating_speaker(walk.ctx, walk.doc, walk.index.paragraphs, p, q.start)
        if floating is not None:
            return Candidate(-1, [(s, e)], "direct", None, floating, p.number, {k})
    return None


def _new_subject(walk: _Walk, start: int, end: int, speaker: Speaker) -> Speaker | None:
    """ "“A,” said Ana Roe. Coach Jo Lee wants them to rest. “B.”": the person a whole
    sentence between two quotations is about (its subject, or its subject's owner: "Lee's
    plan is ..."), the last such sentence deciding, speaks the second, if not the last
    speaker."""
    ctx, doc = walk.ctx, walk.doc
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    sents = []
    i = span.start
    while i < span.end:  # the sentences the span touches
        sents.append(doc[i].sent)
        i = sents[-1].end
    for sent in reversed([x for x in sents if x.start_char >= start and x.end_char <= end]):
        if any(ctx.in_quote(t.idx) for t in sent):
            continue
        ent = sentence_subject(ctx, sent.root, ("nsubj",), "person")
        if ent is None:
            continue
        if ent == speaker.entity:
            return None
        return Speaker(ent, ctx.ents.entities[ent].name, "person", None)
    return None


def _named_next(walk: _Walk, p: Paragraph, q: QuoteSpan) -> Speaker | None:
    """ "“A.” Jo Roe delivered the line to a crowd in Truro.": a paragraph that opens on a
    quoted sentence, then names the person the next sentence is about, is theirs."""
    text, doc, ctx = walk.text, walk.doc, walk.ctx
    if q.open != p.start or q.close is None or text[q.start : q.end].rstrip()[-1:] not in ".?!":
        return None
    after = token_at(doc, q.close)  # (the closing mark, then the next word)
    while after is not None and after.i < len(doc) - 1 and (after.is_space or after.is_punct):
        after = doc[after.i + 1]
    if after is None or after.idx >= p.end or ctx.in_quote(after.idx):
        return None
    if not after.text[:1].isupper() or after.lower_ in PRONOUNS:
        return None  # (the quotation's own sentence goes on, or a pronoun: a cue's place)
    te = ctx.ents.token_entity
    for t in doc[after.i : min(after.i + 12, len(doc))]:
        if t.dep_ == "nsubj" and t.head.idx > q.close:
            if t.lower_ in ("that", "this"):
                continue  # "That was how X reacted": the subject of the clause after it
            ent = te.get(t.i)
            if ent is None or ctx.ents.entities[ent].kind != "person":
                return None
            if not _points_back(t.head):
                return None  # ("“A.” Jo Roe was at a loss": A is the last speaker's)
            return Speaker(ent, ctx.ents.entities[ent].name, "person", None)
    return None


# What a sentence after a quotation calls it, or does with it, when it names who said it:
# "delivered the line", "made the remark", "opened with that warning", "reacted".
_UTTERANCE_NOUNS = words(
    "line lines remark remarks words warning message comment comments quip plea verdict submissions"
)
_REACTING_VERBS = frozenset(("react", "respond"))


def _points_back(verb: Token) -> bool:
    """The verb of the sentence after a quotation refers back to it as an utterance."""
    if verb.lemma_.lower() in _REACTING_VERBS:
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children]
    return any(o.lower_ in _UTTERANCE_NOUNS and o.dep_ in ("dobj", "pobj") for o in objects)


def join_split(text: str, doc: Doc, c: Candidate, q: QuoteSpan, span: tuple[int, int]) -> bool:
    """ "A," she said. "B.": append B to the direct quotation A before its cue (in place)."""
    gap = text[c.spans[-1][1] : q.open]
    if (
        JOIN_SPLIT_QUOTES
        and c.kind == "direct"
        and len(gap) < 80
        and len(c.spans) == 1
        and (c.spans[0][1] <= doc[c.cue_tok].idx)
    ):
        c.spans.append(span)
        return True
    return False


def floating_speaker(
    ctx: Context, doc: Doc, paragraphs: list[Paragraph], p: Paragraph, start: int
) -> Speaker | None:
    """The salient person of a paragraph that is one quotation, when the paragraph before it
    names them."""
    tok = token_at(doc, start)
    ent = salient_person(ctx, tok, p.number) if tok is not None else None
    if ent is not None and _mentioned_in(ctx, ent, paragraphs, p.number - 1):
        e_ = ctx.ents.entities[ent]
        return Speaker(ent, e_.name, e_.kind, None)
    return None


def reopened_quotes(
    text: str, index: QuoteIndex, out: list[Candidate], used: set[int]
) -> list[Candidate]:
    """A quotation left open at the end of a paragraph and re-opened in the next one belongs
    to the speaker named in the next paragraph."""
    paragraphs = index.paragraphs
    first_cand: dict[int, Candidate] = {}
    for c in sorted(out, key=lambda c: c.spans[0][0], reverse=True):
        first_cand[c.para] = c
    for p in reversed(paragraphs):
        ks = index.in_para(p.number)
        if not ks:
            continue
        k = ks[-1]
        q = index.spans[k]
        nxt = first_cand.get(p.number + 1)
        if q.close is not None or k in used or nxt is None:
            continue
        if nxt.speaker.entity is None and not nxt.speaker.label:
            continue
        nstart = paragraphs[p.number].start if p.number < len(paragraphs) else None
        if nstart is None or text[nstart] not in "“\"‘'«":
            continue
        if len(text[q.start : q.end].split()) < MIN_DIRECT_WORDS:
            continue
        s, e = trim_direct(text, q.start, q.end)
        n = Candidate(nxt.cue_tok, [(s, e)], "direct", None, nxt.speaker, p.number, {k})
        out.append(n)
        used.add(k)
        first_cand[p.number] = n
    return out


def _mentioned_in(ctx: Context, ent: int, paragraphs: list[Paragraph], number: int) -> bool:
    """Whether entity ``ent`` is mentioned in paragraph ``number``."""
    if number < 1:
        return False
    p = paragraphs[number - 1]
    doc = ctx.doc
    return any(e == ent and p.start <= doc[s].idx < p.end for s, _e, e in ctx.mention_tokens)
