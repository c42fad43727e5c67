"""Documents as speakers: a statement, report, study or post speaks for whoever issued it.

``document_source`` finds the token naming the source of a document noun:

1. in the document's own phrase: "a study *by X*", "a statement *from X*", "*X*'s database",
   "the *X* report";
2. for a definite document ("the report", "this study") with no source of its own: the most
   recent document mentioned shortly before it, and that document's source (its own phrase, or
   the clause it sits in: "*X* said in a statement", "*X* released a report").

It only reads the parse; ``speakers`` turns the source token into a speaker.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from app.annotate.names import words
from app.annotate.nlp import sentence_of

DOCUMENT_NOUNS = words(
    """study report statement survey memo database data figures numbers analysis findings
    release post tweet letter filing document documents website blog poll review audit
    book article column essay editorial speech memoir manifesto thesis research estimate
    estimates forecast forecasts projections statistics"""
)
# Verbs whose subject issues the document that is their object: "X released a report".
ISSUING_VERBS = words(
    """release publish issue produce write send post file prepare present submit table
    tweet unveil"""
)
# a compound that dates, counts or places a document does not issue it ("a US report")
_NOT_SOURCE_ENTS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "GPE", "NORP", "LOC"}
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})
_WINDOW_TOKENS = 250  # how far back a definite document looks for the one it refers to


def is_document(tok: Token) -> bool:
    """A common noun naming a document or a piece of published data."""
    # the word as written too: "figures", "findings", "data" (whose lemmas are other words)
    return tok.pos_ == "NOUN" and (
        tok.lower_ in DOCUMENT_NOUNS or tok.lemma_.lower() in DOCUMENT_NOUNS
    )


def own_source(tok: Token) -> Token | None:
    """The source named inside the document's phrase: "by/from X", "X's", "the X study"."""
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
        if child.dep_ == "acl" and child.tag_ == "VBN" and not _came_by(child):
            agent = _agent_of(child)  # "a letter signed by X" (not "figures obtained by X")
            if agent is not None:
                return agent
    for child in tok.lefts:
        if (
            child.dep_ == "compound"
            and child.pos_ == "PROPN"
            and child.ent_type_ not in _NOT_SOURCE_ENTS
        ):
            return child
    return None


# Participles of who came by a document, not who wrote it ("figures obtained by the Star").
_CAME_BY = frozenset({"obtain", "see", "receive", "review", "acquire", "get"})


def _came_by(verb: Token) -> bool:
    return verb.lemma_.lower() in _CAME_BY


def _agent_of(verb: Token) -> Token | None:
    """X of a passive participle's "by X"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def issuing_verb(tok: Token) -> Token | None:
    """The verb a document noun is issued by: "said in a statement", "released a report"."""
    verb = None
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "through", "via", "on"):
        verb = tok.head.head
    elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in ISSUING_VERBS:
        verb = tok.head
    return verb if verb is not None and verb.pos_ in ("VERB", "AUX") else None


def clause_source(tok: Token) -> Token | None:
    """The issuer of a document from its clause: "X said in a statement", "X released a
    report" (the subject of the verb the document attaches to)."""
    verb = issuing_verb(tok)
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    return None


def document_source(tok: Token, in_quote: Callable[[int], bool]) -> Token | None:
    """The token naming who the document noun ``tok`` speaks for, or None."""
    source = own_source(tok)
    if source is not None:
        return source
    if not _definite(tok):
        return None
    earlier = earlier_document(tok, in_quote)
    if earlier is None:
        return None
    own = own_source(earlier)
    if own is not None and own.pos_ == "PROPN":
        return own
    # "X stated in the company's blog post": X, rather than "the company"
    return clause_source(earlier) or own


def earlier_document(tok: Token, in_quote: Callable[[int], bool]) -> Token | None:
    """The most recent document noun before ``tok`` (outside quotation marks, in the
    preceding stretch of text) that has a source; stops at a sourceless indefinite one."""
    doc = tok.doc
    lo = max(0, sentence_of(tok).start - _WINDOW_TOKENS)
    for i in range(tok.i - 1, lo - 1, -1):
        t = doc[i]
        if not is_document(t) or in_quote(t.idx):
            continue
        if own_source(t) is not None or clause_source(t) is not None:
            return t
        if not _definite(t):
            return None  # a new document with no known source
    return None


def _definite(tok: Token) -> bool:
    """ "the report", "this study", "its statement"."""
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in _DEFINITE:
        return True  # (also when the parse lost the determiner: "the post read")
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in tok.children)
