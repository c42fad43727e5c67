"""Attributions inserted into what they report, or appended to it: "Police, Sinclair says,
have ...", "That is a problem, argued Palvetzian.", "By contrast, says Mr Cox, the Mac mini
is ...". The content is the sentence around the attribution, without it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.annotate.cue_syntax import ADDRESSEE_VERBS, SUBJ, WH_WORDS, host_subject
from app.annotate.nlp import doc_text, sentence_of
from app.annotate.quote_index import trim_tokens


def host_clause(
    text: str, doc: Doc, tok: Token, cues: set[int], named: Token | None = None
) -> list[tuple[int, int]]:
    """The clause an attribution is inserted in or appended to, without the attribution
    (nor its subject, when the parser hung that on the clause: "By contrast, says Mr Cox,
    the Mac mini is ...")."""
    if tok.dep_ not in ("parataxis", "advcl", "ccomp", "conj") or tok.head.i == tok.i:
        return []
    stolen = host_subject(doc, tok)
    subj = [c for c in tok.children if c.dep_ in SUBJ and c != stolen]
    own = {t.i for t in tok.subtree} - ({t.i for t in stolen.subtree} if stolen else set())
    inverted = bool(subj) and subj[0].i > tok.i
    bracketed = (
        min(own) > 0
        and doc[min(own) - 1].text in (",", "—", "–")
        and (tok.right_edge.i + 1 < len(doc) and doc[tok.right_edge.i + 1].text in (",", "—", "–"))
    )
    if not (tok.dep_ == "parataxis" or inverted or bracketed):
        return []
    if not subj and not _inverted_subject(doc, tok, named):
        return []  # "Earlier, writing in a paper, the minister conceded": no attribution
    head = tok.head
    if head.pos_ not in ("VERB", "AUX") or (head.i in cues and head.dep_ != "ROOT"):
        return []
    if head.left_edge.i >= min(own):
        return []  # the attribution must follow the start of what it reports
    if any(c.dep_ == "mark" or c.lower_ in WH_WORDS for c in tok.children):
        return []  # "..., as she said", "when it reported": an adjunct, not an attribution
    if tok.lemma_.lower() not in ADDRESSEE_VERBS and any(c.dep_ == "dobj" for c in tok.children):
        return []  # "..., it reported the results, ...": the verb reports its own object
    sent = sentence_of(tok)
    if named is not None and named.i not in own and named.i > tok.i:
        own |= {t.i for t in named.subtree if tok.i < t.i <= named.i}
    toks = [t for t in head.subtree if t.i not in own and sent.start <= t.i < sent.end]
    if not toks or (named is not None and named in toks):
        return []  # (a subject inside what is reported is not its speaker)
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
    atext = doc_text(doc)
    for lo, hi in pieces:
        s, e = trim_tokens(atext, doc, lo, hi)
        if e > s and any(c.isalpha() for c in text[s:e]):
            out.append((s, e))
    if not out or sum(len(text[s:e].split()) for s, e in out) < 4:
        return []
    return out[:2]


def inverted_insert(text: str, doc: Doc, tok: Token, named: Token | None) -> list[tuple[int, int]]:
    """ "Currently, says Dr Roe, the equipment is costly.": the sentence around an inserted
    "says <name>", whatever the parser made of it (it often hangs the clause on the name)."""
    sent = sentence_of(tok)
    if named is None or not _inverted_subject(doc, tok, named) or tok.i - 1 <= sent.start:
        return []
    if doc[tok.i - 1].text != ",":
        return []
    end = sent.end - 1 if doc[sent.end - 1].is_punct else sent.end
    comma = next((t.i for t in doc[named.i : named.i + 4] if t.text == ","), None)
    edge = named.right_edge.i
    if comma is None and edge + 1 < end and "," in (doc[edge].text, doc[edge + 1].text):
        comma = edge if doc[edge].text == "," else edge + 1  # "says Jo Roe of X in Tokyo, ..."
    if comma is not None:
        comma = _after_role(doc, comma, end)
    if comma is None or end - comma < 4:
        return []
    atext = doc_text(doc)
    pieces = [(sent.start, tok.i - 1), (comma + 1, end)]
    return [trim_tokens(atext, doc, lo, hi) for lo, hi in pieces]


def _after_role(doc: Doc, comma: int, end: int) -> int:
    """The comma that ends "says Paul Roe, chief analyst at Ovum," (a role without a verb
    between two commas), else ``comma``."""
    for i in range(comma + 1, end):
        if doc[i].pos_ in ("VERB", "AUX"):
            return comma
        if doc[i].text == ",":
            return i
    return comma


def _inverted_subject(doc: Doc, tok: Token, named: Token | None) -> bool:
    """Whether ``named`` is the subject right after the cue ("..., says Mr Cox, ...")."""
    if named is None or not tok.i < named.i <= tok.i + 4:
        return False
    return not any(t.is_punct for t in doc[tok.i + 1 : named.i])
