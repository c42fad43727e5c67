"""Step 1 of quotation extraction: reported speech hung on a cue verb.

For every reporting verb outside quotation marks ("said", "told", "warned", "described ... as"),
in text order:

1. find its subject (``cue_syntax.subject_of``, else the name next to the verb);
2. find what it reports: its complement clause (``X said that ...``), else a quotation right
   next to it (``"...," X said``), else the sentence it is inserted in (``Police, X says,
   have``; ``inserted``);
3. classify the content: ``direct`` (wholly inside quotation marks), ``mixed`` (partly quoted)
   or ``indirect``;
4. resolve the subject to a speaker (``speakers.resolve_subject``); a cue without a speaker of
   its own that shares a clause with an earlier cue ("..., adding that") takes that one's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.annotate.cue_syntax import (
    SUBJ,
    addressed,
    content_range,
    cut_nested,
    hearsay,
    is_cue,
    nearby_subject,
    no_comment,
    relative_report_inside,
    reported_clause,
    subject_of,
    unrealised,
)
from app.annotate.cues import DIRECT_ONLY, OBJECT_PREDICATE, SPEECH_VERBS
from app.annotate.documents import clause_source, is_document, own_source
from app.annotate.entities.vocabulary import role_noun
from app.annotate.given_names import is_given_name
from app.annotate.inserted import host_clause, inverted_insert
from app.annotate.names import words
from app.annotate.nlp import doc_text, sentence_of, tokens_where
from app.annotate.quote_index import Candidate, QuoteIndex, trim, trim_direct, within
from app.annotate.quotemarks import QuoteSpan
from app.annotate.speakers import (
    Context,
    Speaker,
    human_word,
    last_act,
    named_in,
    resolve_subject,
)
from app.annotate.types import QuotationKind

_SHARED_SUBJECT = ("advcl", "conj", "xcomp", "pcomp")
Content = tuple[list[tuple[int, int]], QuotationKind, set[int]]  # spans, kind, quoted spans used


# Lemmas of cues besides the speech verbs': "read" (a statement read), and "said" and
# "says" when the tagger took them for nouns.
_ALSO = frozenset({"read", "said", "says"})


def cue_candidates(text: str, doc: Doc, index: QuoteIndex, ctx: Context) -> list[Candidate]:
    """One candidate per reporting verb that reports something, with its speaker, in text
    order (``CueReader`` one cue at a time)."""
    reader = CueReader(text, doc, index, ctx)
    cands = []
    for ti in sorted(reader.cues):
        c = reader.candidate(ti)
        if c is not None:
            cands.append(c)
            remember(ctx, c)
    return cands


def remember(ctx: Context, c: Candidate) -> None:
    """Record a candidate's speaker and content, for the pronouns and descriptions after it."""
    ctx.previous.append((c.cue_tok, c.speaker, c.para))
    ctx.reported.extend(c.spans)


class CueReader:
    """Reads the reporting act of one cue verb at a time (cues in text order, so that each
    speaker can lean on the ones before it, recorded with ``remember``)."""

    def __init__(self, text: str, doc: Doc, index: QuoteIndex, ctx: Context) -> None:
        self.text, self.doc, self.index, self.ctx = text, doc, index, ctx
        verbs = tokens_where(doc, "LEMMA", lambda w: w.lower() in SPEECH_VERBS or w in _ALSO)
        self.cues = {i for i in verbs if is_cue(doc[i]) and not index.inside(doc[i].idx)}
        self.cue_speaker: dict[int, Speaker] = {}

    def candidate(self, ti: int) -> Candidate | None:
        """The quotation reported by the cue at token ``ti``, or None."""
        doc, index, ctx = self.doc, self.index, self.ctx
        tok = doc[ti]
        if (
            no_comment(doc, tok)
            or unrealised(tok)
            or writers_idiom(tok)
            or _put_to(tok)
            or _said_so_when(tok)
        ):
            return None
        para = index.para_of(tok.idx)
        subj = cue_subject(doc, tok, index, ctx.ents.token_entity)
        if subj is not None and (
            inference_only(tok, subj, ctx.ents.token_entity)
            or _generic_you(tok, subj)
            or hearsay(tok, subj)
            or _writer(subj, index)
        ):
            return None
        content = reported_content(self.text, doc, tok, subj, self.cues, index, para)
        if content is None or _not_beside(self.text, tok, content, index):
            return None
        spans, kind, quote_ids = content
        if not spans or spans[0][1] <= spans[0][0]:
            return None
        if subj is not None and index.inside(subj.idx) and kind != "direct":
            return None
        named = named_in(ctx, spans)
        speaker = resolve_subject(ctx, subj, para, named) if subj is not None else Speaker()
        speaker = _shared_speaker(tok, speaker, self.cue_speaker)
        if subj is None and speaker == Speaker() and _subject_left_out(tok):
            speaker = _last_speaker_of(ctx, para) or speaker
        self.cue_speaker[ti] = speaker
        return Candidate(ti, spans, kind, tok.text, speaker, para, quote_ids)

    def second_complements(self, c: Candidate) -> list[Candidate]:
        """ "X said A, and that B": each further "that" clause joined to the cue is reported
        too, by the same speaker (and in the same quotation: ``quotes._join``)."""
        out = []
        tok = self.doc[c.cue_tok]
        for conj in tok.rights:
            if conj.dep_ != "conj" or not self._reports_more(conj, c):
                continue
            lo = conj.left_edge.i
            while lo < conj.i and self.doc[lo].pos_ in ("CCONJ", "PUNCT"):
                lo += 1  # (not the "and" that joins it)
            rng = (lo, conj.right_edge.i + 1)
            content = complement_content(self.text, self.doc, tok, rng, self.cues, self.index)
            if content is None and _backshifted(tok, conj):
                content = self._words_of(rng)  # ("but is looking at ...": no subject of its own)
            if content is not None and content[0] and content[0][0][1] > content[0][0][0]:
                spans, kind, ks = content
                out.append(Candidate(c.cue_tok, spans, kind, c.cue, c.speaker, c.para, ks))
        return out

    def _words_of(self, rng: tuple[int, int]) -> Content | None:
        """The tokens ``rng`` as indirect content, when no quotation lies in them."""
        end = self.doc[rng[1] - 1]
        s_char, e_char = self.doc[rng[0]].idx, end.idx + len(end)
        if self.index.overlapping(s_char, e_char):
            return None
        return [trim(doc_text(self.doc), s_char, e_char)], "indirect", set()

    def _reports_more(self, conj: Token, c: Candidate) -> bool:
        """A clause joined to the cue that it reports too: "that B", or a quoted clause with a
        subject of its own after a quotation ("said “A,” and the actions “fall on us.”")."""
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in conj.children):
            return True
        if c.kind == "indirect" and _backshifted(self.doc[c.cue_tok], conj):
            return True
        start = conj.left_edge.idx
        if c.kind == "indirect" or conj.i in self.cues or start < c.spans[-1][1]:
            return False
        if self.index.inside(start):
            return False  # "“A, but B,” she said": one quotation
        if not any(x.dep_ in SUBJ for x in conj.children):
            return False
        end = conj.right_edge
        return bool(self.index.overlapping(start, end.idx + len(end)))


_BACKSHIFT = words("should would could might must")


def _backshifted(cue: Token, conj: Token) -> bool:
    """ "X said A, but people should not go": a clause joined to a past cue, with a subject
    of its own and a modal of reported speech, goes on with what was said."""
    if cue.tag_ != "VBD" or conj.i in (c.i for c in cue.children if c.dep_ == "ccomp"):
        return False
    subject = any(x.dep_ in SUBJ for x in conj.children)
    modal = any(x.dep_ == "aux" and x.lower_ in _BACKSHIFT for x in conj.children)
    # ("said the city has little power but is looking at a bylaw": the clause's subject)
    present = not subject and any(x.dep_ == "aux" and x.tag_ == "VBZ" for x in conj.children)
    return ((subject and modal) or present) and not is_cue(conj)


INFERENCE_VERBS = words("suggest indicate show signal imply hint")
DATA_NOUNS = words(
    """data figures numbers statistics review analysis findings results evidence chart graph
    survey poll trend trends report reports"""
)
PAPER_NOUNS = words("document documents record records filing filings")


_DEMONSTRATIVE = ("that", "this", "it")


def writers_idiom(tok: Token) -> bool:
    """ "That is not to say ...", "suffice to say", "needless to say": the writer's own
    turns of phrase, which report no one."""
    doc, i = tok.doc, tok.i
    if tok.lemma_.lower() != "say" or i < 2 or doc[i - 1].lower_ != "to":
        return False
    words = [t.lower_ for t in doc[max(0, i - 5) : i - 1]]
    if words[-1:] in (["suffice"], ["needless"]):
        return True
    if words[-1:] == ["not"]:
        words = words[:-1]
    return len(words) >= 2 and words[-1] in ("is", "'s", "was") and words[-2] in _DEMONSTRATIVE


def _put_to(tok: Token) -> bool:
    """ "Asked whether she was nervous, she said ...": the question put to the speaker, and
    "Call it a tax, if you like": the writer's imperative; neither is anyone's statement."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return False
    sent_start = tok.i == tok.sent.start or tok.doc[tok.i - 1].is_space
    asked = tok.lemma_.lower() in ("ask", "question") and tok.tag_ in ("VBN", "VBD")
    return sent_start and (asked or tok.tag_ in ("VB", "VBP"))  # (no subject: imperative)


_SUBORDINATORS = frozenset({"when", "after", "before", "once", "as", "while", "until", "since"})


def _said_so_when(tok: Token) -> bool:
    """ "When Kenney said that, the room went quiet": the cue reports its "that" (said
    before), and the clause after the comma is the writer's (whatever the parser made of
    "that"; not "He said that, if elected, ...", which has no subordinator)."""
    doc, i = tok.doc, tok.i
    if i + 2 >= len(doc) or doc[i + 1].lower_ not in ("that", "this", "so", "it"):
        return False
    return doc[i + 2].text == "," and any(
        c.lower_ in _SUBORDINATORS and c.i < i for c in tok.children
    )


def inference_only(tok: Token, subj: Token, te: dict[int, int]) -> bool:
    """ "The data suggests ...", "This suggests ...", "a tie with X, which suggests ...":
    numbers and facts imply, nobody states (not a quotation)."""
    if subj.lemma_.lower() in PAPER_NOUNS or subj.lower_ in PAPER_NOUNS:
        return True
    if tok.lemma_.lower() not in INFERENCE_VERBS:
        return False
    return subj.lemma_.lower() in DATA_NOUNS or subj.lower_ in DATA_NOUNS or _a_fact(subj, te)


def _a_fact(subj: Token, te: dict[int, int]) -> bool:
    """A demonstrative standing for what was just said ("This suggests"), or a relative
    pronoun whose antecedent is no name, document or people ("a tie with X, which
    suggests")."""
    if subj.lower_ in ("this", "that", "these", "those") and subj.tag_ == "DT":
        return True  # "This suggested he ...": the determiner alone as the subject
    if subj.tag_ != "WDT" or subj.head.dep_ != "relcl":
        return False
    ante = subj.head.head
    if ante.i in te or ante.pos_ == "PROPN" or is_document(ante):
        return False  # "research from X, which suggested": X's, or the research's
    return not human_word(ante.lower_)


def _generic_you(tok: Token, subj: Token) -> bool:
    """ "how do you say X?", "what do you tell a child?": anyone, in a question, reports
    nothing."""
    if subj.lower_ != "you":
        return False
    bounds = sentence_of(tok)
    sent = tok.doc[bounds.start : bounds.end]
    return sent.text.rstrip().rstrip("\"'”’").endswith("?") and not any(
        t.text in ("“", '"') for t in sent if t.i < tok.i
    )


def _writer(subj: Token, index: QuoteIndex) -> bool:
    """ "I say hip hop and people stare", "I might add that ...": outside quotation marks the
    first person is the writer (a columnist, a reader's letter), whom nobody quotes."""
    return subj.lower_ in ("i", "we") and subj.pos_ == "PRON" and not index.inside(subj.idx)


def cue_subject(doc: Doc, tok: Token, index: QuoteIndex, te: dict[int, int]) -> Token | None:
    """Who performs the reporting act: the parse's subject, else a name next to the verb.

    A subject inside quotation marks belongs to the quoted words, not to the attribution;
    the subject of "was told" or "was asked" is who was spoken to: no speaker."""
    if addressed(tok):
        return None
    subj = subject_of(tok)
    if subj is not None and index.inside(subj.idx):
        # ("“Finally someone with guts,” wrote one user": the parse gave the verb both)
        outside = [c for c in subj.head.children if c.dep_ in SUBJ and not index.inside(c.idx)]
        subj = outside[0] if outside else None
    if subj is None:
        subj = _issuer(tok) or nearby_subject(doc, tok, te)
        if subj is not None and index.inside(subj.idx):
            subj = None
    elif subj.pos_ == "NOUN" and subj.i not in te:
        named = _name_set_off_before(doc, tok, te)
        if named is not None and named.i > subj.i:
            subj = named  # "The buyer behind the bid, a banker who ..., Jo Roe, said"
    return subj


def _name_set_off_before(doc: Doc, tok: Token, te: dict[int, int]) -> Token | None:
    """A name between commas right before the cue (", Jo Roe, said"): the appositive
    that names a described subject, wherever the parser hung it."""
    i = tok.i - 1
    if i < 2 or doc[i].text != "," or i - 1 not in te:
        return None
    k = i - 1
    while k - 1 >= 0 and te.get(k - 1) == te[i - 1]:
        k -= 1
    # a person's name ("analysts at the bank, RBC, said" are the analysts)
    person = doc[i - 1].ent_type_ == "PERSON" or (k < i - 1 and is_given_name(doc[k].text))
    return doc[i - 1] if person and k > 0 and doc[k - 1].text == "," else None


def _subject_left_out(tok: Token) -> bool:
    """A sentence that opens on its cue, or on "and"/"but" and its cue, with no subject:
    "And continued: “...”", "But added that ...": the writer left out who speaks."""
    if tok.tag_ not in ("VBD", "VBZ") or tok.dep_ != "ROOT":
        return False
    sent = sentence_of(tok)
    first = next((t for t in tok.doc[sent.start : tok.i] if not t.is_punct), tok)
    return first.i == tok.i or (first.lower_ in ("and", "but") and first.i == tok.i - 1)


def _last_speaker_of(ctx: Context, para: int) -> Speaker | None:
    """The speaker of the last reporting act, in this paragraph or the one before."""
    act = last_act(ctx)
    return act[1] if act is not None and act[2] >= para - 1 else None


def _issuer(tok: Token) -> Token | None:
    """ "X issued a statement saying ...": who issued the document the cue hangs on."""
    head = tok.head
    if tok.dep_ != "acl" or not is_document(head):
        return None
    return own_source(head) or clause_source(head)


def _shared_speaker(tok: Token, speaker: Speaker, cue_speaker: dict[int, Speaker]) -> Speaker:
    """ "X said ..., noting that ...": a cue with no speaker of its own shares its governor's."""
    if speaker.entity is not None or speaker.label or tok.dep_ not in _SHARED_SUBJECT:
        return speaker
    gov = tok.head
    for _ in range(4):
        if gov.i in cue_speaker or gov.head.i == gov.i:
            break
        gov = gov.head
    return cue_speaker.get(gov.i, speaker)


def reported_content(
    text: str,
    doc: Doc,
    tok: Token,
    subj: Token | None,
    cues: set[int],
    index: QuoteIndex,
    para: int,
) -> Content | None:
    """What the cue ``tok`` reports, or None when it reports nothing here."""
    rng = content_range(doc, tok)
    if rng is not None and subj is not None and rng[0] <= subj.i < rng[1]:
        spans = inverted_insert(text, doc, tok, subj)  # "X, said Y, head of Z, is ..."
        if spans:
            return _around(spans, index)
        start = _subject_start(subj)
        if rng[0] < start and _set_off_before(doc, start, tok):
            rng = (rng[0], start)  # "A, her lawyer, Jo Roe, said": the parser put her in A
    if rng is not None and subj is not None:
        rng = _title_left_out(doc, rng, subj)
    if rng is not None:
        content = complement_content(text, doc, tok, rng, cues, index)
        return _with_quote_before(text, doc, tok, rng, cues, index, content)
    # no complement: a quotation next to the cue in the same paragraph
    k = adjacent_quote(text, doc, tok, subj, index.spans, index.in_para(para))
    if k is not None and not _naming(text, tok, index.spans[k]):
        ks = [k, *coordinated_quotes(text, index, k)]
        spans = [trim_direct(text, index.spans[j].start, index.spans[j].end) for j in ks]
        return spans, "direct", set(ks)
    k = quote_after_colon(text, tok, index, para)
    if k is not None:
        q = index.spans[k]
        return [trim_direct(text, q.start, q.end)], "direct", {k}
    # inserted or trailing attribution: "Police, Sinclair says, have ...",
    # "That is a problem, argued Palvetzian."
    spans = host_clause(text, doc, tok, cues, subj) or inverted_insert(text, doc, tok, subj)
    return _around(spans, index) if spans else None


def _not_beside(text: str, tok: Token, content: Content, index: QuoteIndex) -> bool:
    """A verb that reports only quotations beside it ("she appealed: “...”") reports no
    clause and no quoted words that finish the writer's sentence ("appealed “to all
    sides”")."""
    if tok.lemma_.lower() not in DIRECT_ONLY:
        return False
    _spans, kind, ks = content
    return kind != "direct" or any(_runs_on(text, tok, index.spans[k]) for k in ks)


def _runs_on(text: str, tok: Token, quote: QuoteSpan) -> bool:
    """A quotation right after the cue with no comma or colon between them."""
    between = text[tok.idx + len(tok.text) : quote.open]
    return quote.open > tok.idx and not any(ch in between for ch in ",:")


def _with_quote_before(
    text: str,
    doc: Doc,
    tok: Token,
    rng: tuple[int, int],
    cues: set[int],
    index: QuoteIndex,
    content: Content | None,
) -> Content | None:
    """ "“A,” Jo Roe said, “B.”": the parser makes both quoted clauses the cue's complements;
    the one after is ``content``, the quoted one before it is reported too."""
    before = [c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i < rng[0]]
    if content is None or len(before) != 1 or not index.inside(before[0].idx):
        return content
    c = before[0]
    first = complement_content(text, doc, tok, (c.left_edge.i, c.right_edge.i + 1), cues, index)
    if first is None or first[1] != "direct" or content[1] != "direct":
        return content
    return first[0] + content[0], "direct", first[2] | content[2]


def _title_left_out(doc: Doc, rng: tuple[int, int], subj: Token) -> tuple[int, int]:
    """The complement up to its closing quotation mark, when the words after the mark are
    the title of the name that speaks ("“...,” president and chief executive Jo Roe said":
    the parser joined the title to the quoted clause)."""
    if rng[1] != _name_start(subj).i:
        return rng
    close = next((t.i for t in reversed(doc[rng[0] : rng[1]]) if t.tag_ == "''"), None)
    if close is None or close + 1 == rng[1]:
        return rng
    title = doc[close + 1 : rng[1]]
    if any(t.pos_ in ("VERB", "AUX", "PRON") or t.is_punct for t in title):
        return rng
    return rng[0], close + 1


def _subject_start(subj: Token) -> int:
    """Where a subject's phrase starts: at the noun a named appositive stands beside ("her
    lawyer, Jo Roe")."""
    head = subj.head if subj.dep_ == "appos" and subj.head.i < subj.i else subj
    return head.left_edge.i


def _set_off_before(doc: Doc, start: int, tok: Token) -> bool:
    """Whether the subject phrase from ``start`` stands between a comma and the cue, with
    nothing but its own words and commas between ("..., her lawyer, Jo Roe, said")."""
    if start == 0 or doc[start - 1].text != "," or start >= tok.i:
        return False
    return all(t.dep_ != "ROOT" and t.pos_ not in ("VERB", "AUX") for t in doc[start : tok.i])


def _around(spans: list[tuple[int, int]], index: QuoteIndex) -> Content:
    """The sentence around an attribution as content: mixed when it holds quotation marks."""
    ks = sorted({k for s0, e0 in spans for k in index.overlapping(s0, e0)})
    return spans, ("mixed" if ks else "indirect"), set(ks)


def _naming(text: str, tok: Token, q: QuoteSpan) -> bool:
    """ "what the minister calls “a disgrace”": a short quoted name for something, not a
    statement."""
    return tok.lemma_.lower() in OBJECT_PREDICATE and len(text[q.start : q.end].split()) <= 3


_COORDINATION = frozenset(("and", "or", ",", ", and", ", or"))


def coordinated_quotes(text: str, index: QuoteIndex, k: int) -> list[int]:
    """The quotations listed after quotation ``k`` in the same paragraph ("shouted “A” and
    “B”", "“A”, “B” or “C”"): the same act of speech."""
    out: list[int] = []
    para = index.span_para[k]
    for j in range(k + 1, len(index.spans)):
        prev, q = index.spans[j - 1], index.spans[j]
        if prev.close is None or index.span_para[j] != para or not q.has_open:
            break
        if text[prev.close + 1 : q.open].strip() not in _COORDINATION:
            break
        out.append(j)
    return out


def complement_content(
    text: str,
    doc: Doc,
    tok: Token,
    rng: tuple[int, int],
    cues: set[int],
    index: QuoteIndex,
) -> Content | None:
    """The cue's complement clause as content: direct, mixed or indirect."""
    lo, hi = cut_nested(doc, rng[0], rng[1], tok, cues)
    # drop a leading complementiser
    while lo < hi and (doc[lo].dep_ == "mark" and doc[lo].lower_ == "that"):
        lo += 1
    lo = _after_the_day(doc, tok, lo)
    if lo >= hi or relative_report_inside(doc, lo, cues):
        return None
    s_char, e_char = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    ks = index.overlapping(s_char, e_char)
    if not reported_clause(doc, tok, lo, hi, bool(ks)):
        return None
    e_char = _close_open_quote(index, ks, s_char, e_char)
    ks, e_char = _with_listed_quotes(text, index, ks, e_char)
    spans: list[tuple[int, int]] = []
    kind: QuotationKind = "indirect"
    quote_ids: set[int] = set()
    if ks:
        inside = [k for k in ks if within(index.spans[k], s_char, e_char, text)]
        if len(ks) == 1 and inside:
            q = index.spans[ks[0]]
            kind = "direct"
            spans = [trim_direct(text, q.start, q.end)]
            quote_ids = {ks[0]}
        else:
            kind = "mixed"
            quote_ids = set(ks)
    if not spans:
        spans = [trim(doc_text(doc), s_char, e_char)]
    if kind == "indirect" and _description_only(tok):
        return None
    return spans, kind, quote_ids


def _after_the_day(doc: Doc, tok: Token, lo: int) -> int:
    """ "said Monday the bridge would open", "told a jury Tuesday she saw ...": the day right
    after the cue (or its addressee) is when it was said, even when the parser hung it on the
    reported clause."""
    day = doc[lo]
    told = [c for c in tok.rights if c.dep_ in ("dobj", "dative") and c.right_edge.i == lo - 1]
    if lo != tok.i + 1 and not told:  # (or right after who was told: "told a jury Tuesday")
        return lo
    if day.dep_ != "npadvmod" or day.ent_type_ not in ("DATE", "TIME"):
        return lo
    return day.right_edge.i + 1 if day.left_edge.i == lo else lo


def _with_listed_quotes(
    text: str, index: QuoteIndex, ks: list[int], e_char: int
) -> tuple[list[int], int]:
    """A clause ending with a quotation runs on through the quotations listed after it
    ("heard them shout, “A” and “B”")."""
    last = index.spans[ks[-1]].close if ks else None
    more = coordinated_quotes(text, index, ks[-1]) if last is not None and last < e_char else []
    if not more:
        return ks, e_char
    end = index.spans[more[-1]].close
    return [*ks, *more], max(e_char, end + 1 if end is not None else e_char)


def _close_open_quote(index: QuoteIndex, ks: list[int], s_char: int, e_char: int) -> int:
    """A quotation opened inside the reported clause ends with its closing mark, even when the
    parser cut the clause at a sentence boundary inside the quote."""
    for k in ks:
        q = index.spans[k]
        if (
            s_char <= q.open < e_char
            and q.close is not None
            and q.close >= e_char
            and index.para_of(q.close) == index.para_of(s_char)
        ):
            e_char = q.close + 1
    return e_char


def _description_only(tok: Token) -> bool:
    """ "called X Y" or "accused X of Y" without any quotation is description, not speech."""
    return (
        tok.lemma_.lower() in OBJECT_PREDICATE
        and "ccomp" not in {c.dep_ for c in tok.children}
        and tok.lemma_.lower() not in ("criticise", "criticize", "warn")
    )


def adjacent_quote(
    text: str,
    doc: Doc,
    tok: Token,
    subj: Token | None,
    qspans: list[QuoteSpan],
    in_para: list[int],
) -> int | None:
    """Index of a long quotation right before or after the cue clause (same paragraph)."""
    sent = sentence_of(tok)
    lo_char = min([tok.idx] + ([_phrase_start(subj).idx] if subj is not None else []))
    hi_char = tok.idx + len(tok)
    best = None
    for k in in_para:
        q = qspans[k]
        end = q.close if q.close is not None else q.end
        if end <= lo_char:
            gap = text[end + 1 : lo_char]
            # a quotation that ends its own sentence is not attributed by the next one
            ended = text[q.start : q.end].rstrip().endswith(".") or gap.lstrip().startswith(
                (".", "!", "?")
            )
            closed = ended and sent.start_char > end
            if (
                len(gap) < 40
                and not closed
                and not any(c.isalpha() for c in gap.replace("according", ""))
            ) or (sent.start_char <= q.open and len(gap) < 60 and gap.strip(" ,") == ""):
                best = k if _statement(text, q) else None
        elif q.open >= hi_char:
            gap = text[hi_char : q.open].strip()
            # "told a French magazine: “...”": only the addressee between cue and quote; a
            # colon introduces this quotation even after another one
            after = text[_object_end(tok, q.open) : q.open].strip()
            colon = gap in (":", ":,") or after == ":"
            if colon or (best is None and (gap in ("", ",") or after == ",")):
                return k
            break
    return best


def _statement(text: str, q: QuoteSpan) -> bool:
    """A quotation long enough to be what a cue after it reports (not the “Also,” that opens
    a quotation the cue splits, nor a quoted word; but a one-word question or exclamation,
    “Usually?”, is said whole)."""
    content = text[q.start : q.end].rstrip()
    n = len(content.split())
    if n == 1 and content[-1:] in "?!":
        return True
    return not (n < 2 or (n < 3 and content[-1:] not in ".!?,"))


def quote_after_colon(text: str, tok: Token, index: QuoteIndex, para: int) -> int | None:
    """Index of the quotation that opens the next paragraph when the cue's paragraph ends
    with a colon ("Ms Vance told the BBC:" / "“It will be built.”")."""
    if para >= len(index.paragraphs):
        return None
    rest = text[tok.idx + len(tok) : index.paragraphs[para - 1].end].rstrip()
    if not rest.endswith(":") or len(rest) > 80 or any(ch in rest for ch in '"“”.!?'):
        return None
    nxt = index.paragraphs[para]
    ks = index.in_para(nxt.number)
    if ks and index.spans[ks[0]].has_open and not text[nxt.start : index.spans[ks[0]].open].strip():
        return ks[0]
    return None


def _name_start(subj: Token) -> Token:
    """The first word of the subject's name ("John" of "John Horgan told ...", "Chung" of
    "Chung Mong-koo said": a hyphen inside the name is part of it)."""
    doc = subj.doc
    first = subj
    while first.i > 0 and (
        (
            doc[first.i - 1].dep_ in ("compound", "flat")
            and first.i <= doc[first.i - 1].head.i <= subj.i
        )
        or (doc[first.i - 1].text == "-" and not doc[first.i - 1].whitespace_ and first.i > 1)
    ):
        first = doc[first.i - 1]
    return first


def _phrase_start(subj: Token) -> Token:
    """The first word of the subject's phrase: its name's, its left modifiers' and its article's
    ("the" of "“...,” the 42-year-old said", where the parser hung "the" on the cue)."""
    first = _title_start(min(_name_start(subj), subj.left_edge, key=lambda t: t.i))
    before = subj.doc[first.i - 1] if first.i > 0 else first
    return before if before.lower_ in ("the", "a", "an") else first


def _title_start(first: Token) -> Token:
    """The first word of a lower-case title right before a name ("president and chief
    executive" of "..., president and chief executive Jo Roe said"), or the name's."""
    doc, k = first.doc, first.i
    while k > 0 and doc[k - 1].is_lower and doc[k - 1].pos_ in ("NOUN", "ADJ", "CCONJ"):
        k -= 1
    titled = any(role_noun(t) for t in doc[k : first.i])
    return doc[k] if titled and doc[k].pos_ != "CCONJ" else first


def _object_end(tok: Token, limit: int) -> int:
    """Character end of the cue's object or prepositional phrase before ``limit`` (the cue's
    own end when it has none)."""
    end = tok.idx + len(tok)
    for c in tok.rights:
        if c.dep_ in ("dobj", "dative", "prep", "npadvmod", "advmod"):
            # (the parser may hang the quotation itself on the object: "told X show: “...”";
            # "posted online late on Friday: “...”")
            ends = [t.idx + len(t) for t in c.subtree if t.idx + len(t) <= limit and not t.is_punct]
            end = max([end, *ends])
    return end
