"""Quotation extraction: direct, indirect and mixed reported speech with their cues."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from app.annotate.cues import CLAUSE_ONLY, NO_COMMENT, OBJECT_PREDICATE, SPEECH_VERBS
from app.annotate.entities import EntityResult
from app.annotate.nlp import sentence_of
from app.annotate.quotemarks import QuoteSpan, find_quotes
from app.annotate.speakers import Context, Speaker, resolve_subject, salient_person
from app.annotate.types import Paragraph, Quotation

_SUBJ = ("nsubj", "nsubjpass")
_SHARED_SUBJECT = ("advcl", "conj", "xcomp", "pcomp")
_TRIM = " \t\n,;:.–—-"
_OBJ_MORE = frozenset({"prep", "oprd", "xcomp", "ccomp", "acomp", "advcl_", "npadvmod_"})
MIN_DIRECT_WORDS = 4
# A direct quote interrupted by its attribution ("A," he said. "B.") is one quotation with two
# spans (the contract); False emits the second part as its own quotation.
JOIN_SPLIT_QUOTES = True


@dataclass(slots=True)
class Cand:
    cue_tok: int
    spans: list[tuple[int, int]]
    kind: str
    cue: str
    speaker: Speaker
    para: int
    quote_ids: set[int] = field(default_factory=set)  # indices of quote spans used


def _trim_direct(text: str, s: int, e: int) -> tuple[int, int]:
    """Words inside the marks: no surrounding space, no trailing comma."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:–—-"):
        e -= 1
    return s, e


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s] in _TRIM or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in _TRIM or text[e - 1].isspace()):
        e -= 1
    return s, e


def _subject_of(tok: Token) -> Token | None:
    seen = 0
    t = tok
    while t is not None and seen < 4:
        if seen and t.dep_ == "ccomp" and _is_cue(t.head):
            t = t.head  # "X said the plant would close, noting ...": X notes
        for c in t.children:
            if c.dep_ in _SUBJ:
                return c
        if t.dep_ in ("conj", "advcl", "xcomp", "ccomp", "pcomp", "prep") and t.head is not t:
            # "X said ..., adding that"; "X said and added"
            if t.dep_ == "ccomp":
                return None
            t = t.head
            seen += 1
            continue
        # passive "it was said" / agent
        break
    return None


def _nearby_subject(doc: Doc, tok: Token, te: dict[int, int]) -> Token | None:
    """When the parse gives the cue no subject: the name right before or after it."""
    sent = sentence_of(tok)
    i = tok.i - 1
    while i >= 0 and (
        doc[i].pos_ in ("ADV", "AUX", "PART") or doc[i].ent_type_ in ("DATE", "TIME")
    ):
        i -= 1
    # (a wrong sentence split may separate "Vickers | said": no punctuation between is fine)
    if (
        i >= 0
        and (i >= sent.start or (not doc[i].is_punct and not doc[i].is_space))
        and (
            i in te
            or doc[i].pos_ in ("PROPN", "NOUN")
            or doc[i].lower_ in ("he", "she", "they", "it", "we", "i")
        )
    ):
        return doc[i]
    if i >= 0 and doc[i].text == "," and i >= sent.start:
        # "..., Linda Lamoureux, executive chairwoman of the commission, said"
        for k in range(i - 1, max(sent.start, i - 16) - 1, -1):
            if k in te and doc[k].text[:1].isupper():
                head = k
                while head + 1 < tok.i and te.get(head + 1) == te[k]:
                    head += 1
                return doc[head]
            if doc[k].text in ('"', "“", "”") or doc[k].lower_ in ("said", "says"):
                break
    j = tok.i + 1
    while j < sent.end and doc[j].pos_ == "ADV":
        j += 1
    if j < sent.end and (j in te or doc[j].pos_ == "PROPN"):
        t = doc[j]
        while t.dep_ == "compound" and t.head.i > t.i:
            t = t.head
        return t
    return None


def _is_cue(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in SPEECH_VERBS:
        return False
    if tok.lemma_.lower() == "single":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    if tok.lemma_.lower() in ("add",) and tok.dep_ == "amod":
        return False
    if tok.lemma_.lower() == "call" and tok.i > 0:
        prev = tok.doc[tok.i - 1].lower_
        if prev in ("so", "so-") or (
            prev == "-" and tok.i > 1 and tok.doc[tok.i - 2].lower_ == "so"
        ):
            return False
    return True


def _no_comment(doc: Doc, tok: Token) -> bool:
    window = doc[max(0, tok.i - 3) : tok.i + 4].text.lower()
    return any(p in window for p in NO_COMMENT)


def _content_range(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """Token range of what the cue verb reports (its complement)."""
    lemma = tok.lemma_.lower()
    comp = [c for c in tok.children if c.dep_ == "ccomp"]
    if comp:
        c = comp[-1] if len(comp) > 1 and comp[-1].i > tok.i else comp[0]
        toks = list(c.subtree)
        return toks[0].i, toks[-1].i + 1
    if lemma in CLAUSE_ONLY:
        return None
    parts: list[Token] = []
    if lemma in OBJECT_PREDICATE:
        started = False
        for c in tok.rights:
            if c.dep_ in ("dobj", "oprd", "attr", "dative") or (started and c.dep_ in _OBJ_MORE):
                started = True
                if c.dep_ == "prep" and c.lower_ == "as" and not parts:
                    parts.extend(x for x in c.children if x.dep_ == "pobj")
                else:
                    parts.append(c)
            elif c.dep_ == "prep" and c.lower_ == "as" and not parts:
                # "what the ministers described as ...": the predicate alone
                parts.extend(x for x in c.children if x.dep_ == "pobj")
                started = bool(parts)
            elif started and c.dep_ == "punct" and c.text in ('"', "'"):
                continue
            elif started:
                break
    elif lemma in ("accuse",):
        parts = [c for c in tok.rights if c.dep_ in ("dobj", "prep", "xcomp")]
    if parts:
        lo = min(t.i for p in parts for t in p.subtree)
        hi = max(t.i for p in parts for t in p.subtree) + 1
        return lo, hi
    # "said: ..." or "wrote that" with a dobj clause
    if lemma in ("say", "tell", "write", "add") and parts:
        p = parts[0]
        if p.pos_ in ("NOUN", "PRON") and p.lower_ not in ("this", "that", "it", "so", "what"):
            return None
    return None


def _cut_nested(doc: Doc, lo: int, hi: int, cue: Token, cues: set[int]) -> tuple[int, int]:
    """End the content before another reporting act inside it ("..., as they criticised")."""
    for i in range(lo, hi):
        if i in cues and i != cue.i:
            t = doc[i]
            own_subject = any(c.dep_ in _SUBJ for c in t.children)
            participle = t.tag_ == "VBG" and i > 0 and doc[i - 1].text == ","
            if t.dep_ in ("advcl", "conj", "parataxis") and (own_subject or participle):
                cut = min(x.i for x in t.subtree)
                if cut > lo:
                    return lo, cut
    return lo, hi


def extract(
    text: str,
    doc: Doc,
    paragraphs: list[Paragraph],
    ents: EntityResult,
) -> list[Quotation]:
    """All quotations of the article."""
    if not paragraphs:
        return []
    atext = doc.text  # the analysed text: same offsets, datelines blanked
    para_starts = [p.start for p in paragraphs]
    # quote spans per paragraph (with multi-paragraph continuation)
    qspans: list[QuoteSpan] = []
    q_para: list[int] = []
    for p in paragraphs:
        for q in find_quotes(text, p.start, p.end):
            qspans.append(q)
            q_para.append(p.number)
    q_starts = [q.open for q in qspans]
    q_by_para: dict[int, list[int]] = {}
    for k, pn in enumerate(q_para):
        q_by_para.setdefault(pn, []).append(k)

    def quote_at(ch: int) -> int | None:
        k = bisect.bisect_right(q_starts, ch) - 1
        if k >= 0:
            q = qspans[k]
            end = q.close if q.close is not None else paragraphs[q_para[k] - 1].end
            if q.open <= ch <= end:
                return k
        return None

    def in_quote(ch: int) -> bool:
        return quote_at(ch) is not None

    def para_of(ch: int) -> int:
        return max(1, bisect.bisect_right(para_starts, ch))

    def quotes_overlapping(s: int, e: int) -> list[int]:
        out = []
        for pn in range(para_of(s), para_of(max(s, e - 1)) + 1):
            out.extend(k for k in q_by_para.get(pn, ()) if _overlaps(qspans[k], s, e))
        return out

    mention_tokens = []
    tok_starts = doc.to_array("IDX").tolist() if len(doc) else []
    for ent, s, e in ents.mentions:
        ts = bisect.bisect_left(tok_starts, s)
        te = bisect.bisect_left(tok_starts, e)
        mention_tokens.append((ts, max(te, ts + 1), ent))
    mention_tokens.sort()
    ctx = Context(doc, ents, mention_tokens, in_quote, [])

    cues = {t.i for t in doc if _is_cue(t) and not in_quote(t.idx)}
    cands: list[Cand] = []
    cue_speaker: dict[int, Speaker] = {}

    for ti in sorted(cues):
        tok = doc[ti]
        if _no_comment(doc, tok):
            continue
        para = para_of(tok.idx)
        rng = _content_range(doc, tok)
        subj = _subject_of(tok)
        if subj is not None and in_quote(subj.idx):
            subj = None  # the subject of the quoted words, not of the attribution
        if subj is None:
            subj = _nearby_subject(doc, tok, ents.token_entity)
            if subj is not None and in_quote(subj.idx):
                subj = None
        quote_ids: set[int] = set()
        spans: list[tuple[int, int]] = []
        kind = "indirect"
        if rng is not None:
            lo, hi = _cut_nested(doc, rng[0], rng[1], tok, cues)
            # drop a leading complementiser
            while lo < hi and (doc[lo].dep_ == "mark" and doc[lo].lower_ == "that"):
                lo += 1
            if lo >= hi:
                continue
            s_char, e_char = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
            ks = quotes_overlapping(s_char, e_char)
            if not _reported_clause(doc, tok, lo, hi, bool(ks)):
                continue
            # a quotation opened inside the reported clause ends with its closing mark, even
            # when the parser cut the clause at a sentence boundary inside the quote
            for k in ks:
                q = qspans[k]
                if (
                    s_char <= q.open < e_char
                    and q.close is not None
                    and q.close >= e_char
                    and para_of(q.close) == para_of(s_char)
                ):
                    e_char = q.close + 1
            # quote spans touching the content
            if ks:
                inside = [k for k in ks if _within(qspans[k], s_char, e_char, text)]
                if len(ks) == 1 and inside:
                    q = qspans[ks[0]]
                    kind = "direct"
                    spans = [_trim_direct(text, q.start, q.end)]
                    quote_ids = {ks[0]}
                else:
                    kind = "mixed"
                    quote_ids = set(ks)
            if not spans:
                s, e = _trim(atext, s_char, e_char)
                # include closing quote marks of fragments at the end
                spans = [(s, e)]
            # "called X Y" without any quotation is description, not speech
            if (
                kind == "indirect"
                and tok.lemma_.lower() in OBJECT_PREDICATE
                and "ccomp" not in {c.dep_ for c in tok.children}
                and tok.lemma_.lower() not in ("accuse", "criticise", "criticize", "warn")
            ):
                continue
        else:
            # no complement: a quotation next to the cue in the same paragraph
            k = _adjacent_quote(text, doc, tok, subj, qspans, q_by_para.get(para, []))
            if k is not None:
                q = qspans[k]
                kind = "direct"
                spans = [_trim_direct(text, q.start, q.end)]
                quote_ids = {k}
            else:
                # inserted or trailing attribution: "Police, Sinclair says, have ...",
                # "That is a problem, argued Palvetzian."
                spans = _host_clause(text, doc, tok, cues)
                if not spans:
                    continue
                ks = sorted({k for s0, e0 in spans for k in quotes_overlapping(s0, e0)})
                kind = "mixed" if ks else "indirect"
                quote_ids = set(ks)
        if not spans or spans[0][1] <= spans[0][0]:
            continue
        if subj is not None and in_quote(subj.idx) and kind != "direct":
            continue
        speaker = resolve_subject(ctx, subj, para) if subj is not None else Speaker()
        # "X said ..., noting that ...": the same speaker
        if speaker.entity is None and not speaker.label and tok.dep_ in _SHARED_SUBJECT:
            gov = tok.head
            for _ in range(4):
                if gov.i in cue_speaker or gov.head.i == gov.i:
                    break
                gov = gov.head
            if gov.i in cue_speaker:
                speaker = cue_speaker[gov.i]
        cue_speaker[ti] = speaker
        cand = Cand(ti, spans, kind, tok.text, speaker, para, quote_ids)
        cands.append(cand)
        ctx.previous.append((ti, speaker, para))
        ctx.reported.extend(spans)

    # "according to X, ..."
    for t in doc:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            if in_quote(t.idx):
                continue
            c = _according(text, doc, t, ctx, quotes_overlapping, para_of)
            if c:
                cands.append(c)
    cands.sort(key=lambda c: c.spans[0][0])

    # direct quotes with a cue in the middle: "A," he said. "B."  -> second span
    used = set()
    for c in cands:
        used |= c.quote_ids
    cands = _attach_unattributed(text, doc, paragraphs, qspans, q_para, used, cands, para_of, ctx)

    out: list[Quotation] = []
    seen: set[tuple[int, int]] = set()
    for c in sorted(cands, key=lambda c: c.spans[0][0]):
        key = c.spans[0]
        if key in seen:
            continue
        seen.add(key)
        body = " ".join(text[s:e] for s, e in c.spans)
        sp = c.speaker
        speaker_type = sp.type if (sp.entity is not None or sp.label) else None
        out.append(
            Quotation(
                paragraph=para_of(c.spans[0][0]),
                spans=c.spans,
                text=body,
                kind=c.kind,
                cue=c.cue,
                speaker_entity=sp.entity,
                speaker_label=sp.label,
                speaker_type=speaker_type,
                speaker_text=sp.text,
            )
        )
    return out


def _host_clause(text: str, doc: Doc, tok: Token, cues: set[int]) -> list[tuple[int, int]]:
    """The clause an attribution is inserted in or appended to, without the attribution."""
    if tok.dep_ not in ("parataxis", "advcl", "ccomp", "conj") or tok.head.i == tok.i:
        return []
    subj = [c for c in tok.children if c.dep_ in _SUBJ]
    inverted = bool(subj) and subj[0].i > tok.i
    bracketed = (
        tok.i > 0
        and doc[tok.left_edge.i - 1].text in (",", "—", "–")
        and (tok.right_edge.i + 1 < len(doc) and doc[tok.right_edge.i + 1].text in (",", "—", "–"))
    )
    if not (tok.dep_ == "parataxis" or inverted or bracketed):
        return []
    head = tok.head
    if head.pos_ not in ("VERB", "AUX") or (head.i in cues and head.dep_ != "ROOT"):
        return []
    if head.i > tok.i:
        return []  # the attribution must follow the start of what it reports
    if any(c.dep_ == "mark" for c in tok.children):
        return []  # "..., as she said" is an adjunct, not an attribution
    sent = sentence_of(tok)
    own = {t.i for t in tok.subtree}
    toks = [t for t in head.subtree if t.i not in own and sent.start <= t.i < sent.end]
    if not toks:
        return []
    pieces: list[tuple[int, int]] = []
    run: list[Token] = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            pieces.append((run[0].i, run[-1].i + 1))
            run = []
        run.append(t)
    if run:
        pieces.append((run[0].i, run[-1].i + 1))
    out = []
    atext = doc.text
    for lo, hi in pieces:
        s, e = _trim(atext, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
        if e > s and any(c.isalpha() for c in text[s:e]):
            out.append((s, e))
    if not out or sum(len(text[s:e].split()) for s, e in out) < 4:
        return []
    return out[:2]


WH_WORDS = frozenset(("how", "what", "whether", "why", "when", "where", "who", "which", "if"))


def _reported_clause(doc: Doc, cue: Token, lo: int, hi: int, quoted: bool) -> bool:
    """Is doc[lo:hi] a reported proposition (not a question, not a subjectless fragment)?"""
    first = doc[lo]
    root = doc[lo:hi].root
    if quoted:
        return True
    if (
        first.lower_ in WH_WORDS
        and cue.lemma_.lower() not in ("accuse",)
        and (first.head.i == root.i or first.i == root.i)
    ):
        return False
    if cue.lemma_.lower() in OBJECT_PREDICATE:
        return True
    if root.pos_ in ("VERB", "AUX"):
        has_subj = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children)
        if not has_subj:
            return False
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children):
            return False  # "urged parties to be ambitious"
    return hi - lo >= 3


def _overlaps(q: QuoteSpan, s: int, e: int) -> bool:
    return q.start < e and s < q.end


def _within(q: QuoteSpan, s: int, e: int, text: str) -> bool:
    """The content [s, e) lies inside the quotation marks (give or take punctuation)."""
    lo = q.open
    hi = (q.close + 1) if q.close is not None else q.end
    if s >= lo and e <= hi + 1:
        return True
    before = text[s : q.open] if s < q.open else ""
    after = text[hi:e] if e > hi else ""
    return not before.strip(_TRIM + "\"'“”‘’") and not after.strip(_TRIM + "\"'“”‘’")


def _adjacent_quote(
    text: str,
    doc: Doc,
    tok: Token,
    subj: Token | None,
    qspans: list[QuoteSpan],
    in_para: list[int],
) -> int | None:
    """Index of a long quotation right before or after the cue clause (same paragraph)."""
    sent = sentence_of(tok)
    lo_char = min([tok.idx] + ([subj.idx] if subj is not None else []))
    hi_char = tok.idx + len(tok)
    best = None
    for k in in_para:
        q = qspans[k]
        end = q.close if q.close is not None else q.end
        if end <= lo_char:
            gap = text[end + 1 : lo_char]
            if (len(gap) < 40 and not any(c.isalpha() for c in gap.replace("according", ""))) or (
                sent.start_char <= q.open and len(gap) < 60 and gap.strip(" ,") == ""
            ):
                best = k
        elif q.open >= hi_char:
            gap = text[hi_char : q.open]
            if len(gap.strip()) <= 2 and gap.strip() in ("", ":", ",", ":,") and best is None:
                return k
            break
    if best is not None:
        q = qspans[best]
        content = text[q.start : q.end].rstrip()
        n = len(content.split())
        if n < 2 or (n < 3 and content[-1:] not in ".!?,"):
            return None
    return best


def _according(text, doc, t, ctx, quotes_overlapping, para_of) -> Cand | None:
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
    if src is None:
        return None
    head = t.head
    while head.dep_ == "prep" and head.head is not head:
        head = head.head
    sent = sentence_of(t)
    if head.i == t.i or head.dep_ in ("pobj",):
        head = doc[sent.start : sent.end].root
    # the clause: the head's subtree without the "according to X" phrase
    src_tokens = set(x.i for x in t.subtree) | {t.i, to.i} | {x.i for x in src.subtree}
    toks = [x for x in head.subtree if x.i not in src_tokens]
    if not toks:
        return None
    lo = toks[0].i
    hi = toks[-1].i + 1
    a_lo = min(src_tokens)
    a_hi = max(src_tokens) + 1
    if a_lo > lo and a_hi < hi:
        # attribution in the middle: keep the longer side
        if a_lo - lo >= hi - a_hi:
            hi = a_lo
        else:
            lo = a_hi
    elif a_lo <= lo:
        lo = max(lo, a_hi)
    s, e = _trim(doc.text, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
    if e - s < 10:
        return None
    ks = quotes_overlapping(s, e)
    kind = "mixed" if ks else "indirect"
    para = para_of(s)
    speaker = resolve_subject(ctx, src, para)
    # "according to Emanuel, the U.S. ambassador" -> the appositive is part of the source
    return Cand(t.i, [(s, e)], kind, "according to", speaker, para, set(ks))


def _token_at(doc: Doc, ch: int) -> Token | None:
    span = doc.char_span(ch, ch + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _mentioned_in(ctx: Context, ent: int, paragraphs: list[Paragraph], number: int) -> bool:
    if number < 1:
        return False
    p = paragraphs[number - 1]
    doc = ctx.doc
    return any(e == ent and p.start <= doc[s].idx < p.end for s, _e, e in ctx.mention_tokens)


def _attach_unattributed(text, doc, paragraphs, qspans, q_para, used, cands, para_of, ctx):
    """Quotations without their own cue: split quotes, continuations, floating paragraphs."""
    q_by_para: dict[int, list[int]] = {}
    for k, pn in enumerate(q_para):
        q_by_para.setdefault(pn, []).append(k)
    by_para: dict[int, list[Cand]] = {}
    for c in cands:
        by_para.setdefault(c.para, []).append(c)
    last_speaker: Speaker | None = None
    last_para = -10
    out = list(cands)
    prev_unclosed = False
    for p in paragraphs:
        pc = sorted(by_para.get(p.number, []), key=lambda c: c.spans[0][0])
        ks = q_by_para.get(p.number, [])
        for k in ks:
            q = qspans[k]
            if k in used:
                continue
            words = text[q.start : q.end].split()
            follows_direct = any(
                c.kind == "direct" and c.spans[-1][1] <= q.open and c.para == p.number for c in pc
            )
            min_words = 2 if follows_direct else MIN_DIRECT_WORDS
            sentence_like = len(words) >= min_words and (
                text[q.start : q.end].rstrip()[-1:] in ".?!,…-–—"
                or q.close is None
                or len(words) >= 8
            )
            if not sentence_like:
                continue
            # the quote must stand as its own sentence: nothing but space before its mark
            before = text[p.start : q.open]
            last_stop = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
            lead = before[last_stop + 1 :] if last_stop >= 0 else before
            if lead.strip() and not lead.strip().endswith((":", ".", "?", "!", ".”", '."')):
                continue
            s, e = _trim_direct(text, q.start, q.end)
            prev = [c for c in pc if c.spans[-1][1] <= q.open]
            if prev:
                c = prev[-1]
                gap = text[c.spans[-1][1] : q.open]
                if (
                    JOIN_SPLIT_QUOTES
                    and c.kind == "direct"
                    and len(gap) < 80
                    and len(c.spans) == 1
                    and (c.spans[0][1] <= doc[c.cue_tok].idx)
                ):
                    c.spans.append((s, e))
                    used.add(k)
                    continue
                if c.speaker.entity is not None or c.speaker.label:
                    n = Cand(c.cue_tok, [(s, e)], "direct", None, c.speaker, p.number, {k})
                    out.append(n)
                    pc.append(n)
                    used.add(k)
                    continue
            cover = (q.end - q.start) / max(1, p.end - p.start)
            if not pc and last_speaker is not None and p.number - last_para <= 1:
                if cover >= 0.5 or prev_unclosed:
                    n = Cand(-1, [(s, e)], "direct", None, last_speaker, p.number, {k})
                    out.append(n)
                    pc.append(n)
                    used.add(k)
            elif not pc and cover >= 0.8 and q.open == p.start and len(words) >= 6:
                # a paragraph that is one quotation, after a paragraph about its speaker
                tok = _token_at(doc, q.start)
                ent = salient_person(ctx, tok, p.number) if tok is not None else None
                if ent is not None and _mentioned_in(ctx, ent, paragraphs, p.number - 1):
                    e_ = ctx.ents.entities[ent]
                    sp = Speaker(ent, e_.name, e_.kind, None)
                    n = Cand(-1, [(s, e)], "direct", None, sp, p.number, {k})
                    out.append(n)
                    pc.append(n)
                    used.add(k)
        if pc:
            sp = pc[-1].speaker
            if sp.entity is not None or sp.label:
                last_speaker = sp
                last_para = p.number
        prev_unclosed = bool(ks) and qspans[ks[-1]].close is None
    # a quotation left open at the end of a paragraph and re-opened in the next one belongs
    # to the speaker named in the next paragraph
    first_cand: dict[int, Cand] = {}
    for c in sorted(out, key=lambda c: c.spans[0][0], reverse=True):
        first_cand[c.para] = c
    for p in reversed(paragraphs):
        ks = q_by_para.get(p.number, [])
        if not ks:
            continue
        k = ks[-1]
        q = qspans[k]
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
        s, e = _trim_direct(text, q.start, q.end)
        n = Cand(nxt.cue_tok, [(s, e)], "direct", None, nxt.speaker, p.number, {k})
        out.append(n)
        used.add(k)
        first_cand[p.number] = n
    return out
