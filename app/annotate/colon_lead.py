"""A direct quotation introduced by a colon after a clause that names its speaker with no
reporting verb: "Ms Horwath was blunt: “...”", "Her message was simple: “...”", "He had a
warning for the council: “...”", "Their reply: “...”".

The clause before the colon must say that its subject is about to speak: a copula with an
adjective ("was blunt"), a verb of giving with an utterance for object ("had a warning",
"offered this advice", "put it this way"), or an utterance of the subject's ("her message
was simple", "Smith's answer"). The speaker is that subject, or the utterance's possessor,
when it names a person or an organisation or is a pronoun standing for one. Anything else
("The sign read:", "The question is:", "Police found a note:") gives no speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.annotate.cues import SPEECH_VERBS
from app.annotate.names import words
from app.annotate.nlp import token_at
from app.annotate.speakers import (
    SPOKES,
    Context,
    Speaker,
    human_word,
    resolve_pronoun,
    resolve_subject,
)

UTTERANCE_NOUNS = words(
    """message warning word words advice answer response reply reaction plea verdict view
    take prediction explanation question assessment retort comment remark point promise
    vow request demand appeal instruction instructions suggestion"""
)
_GIVING_VERBS = words("""have offer give issue deliver send add put sum""")
_NO_REFERENT = words("""it this that there what""")


def colon_lead_speaker(
    ctx: Context, doc: Doc, text: str, open_at: int, para: int
) -> Speaker | None:
    """The speaker named by the clause that a colon right before the quotation mark at
    ``open_at`` ends, or None."""
    colon = _colon_before(doc, text, open_at)
    if colon is None:
        return None
    top = _fragment_top(colon)
    subj = _announced_speaker(top)
    if subj is None or subj.lower_ in _NO_REFERENT:
        return None
    if subj.tag_ == "PRP$" or (subj.pos_ == "PRON" and subj.dep_ != "poss"):
        found = resolve_pronoun(ctx, subj, para)
    elif subj.pos_ == "PROPN" or _human_noun(subj):
        found = resolve_subject(ctx, subj, para)
    else:
        return None  # "The result was clear:"
    if found.entity is None and not (subj.pos_ != "PROPN" and found.label):
        return None
    return found


def _human_noun(tok: Token) -> bool:
    """A noun for people: "the minister", "residents", "a spokesman"."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in SPOKES or human_word(lemma))


def _colon_before(doc: Doc, text: str, open_at: int) -> Token | None:
    """The colon token right before the quotation mark (only space between them)."""
    k = open_at - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    tok = token_at(doc, k)
    return tok if tok is not None and tok.text == ":" else None


def _fragment_top(colon: Token) -> Token:
    """The head of the words before the colon, within its sentence."""
    sent_start = colon.sent.start
    t = colon.nbor(-1) if colon.i > sent_start else colon
    while t.head.i != t.i and sent_start <= t.head.i < colon.i:
        t = t.head
    return t


def _announced_speaker(top: Token) -> Token | None:
    """The subject (or possessor) that the fragment headed by ``top`` announces as the
    speaker of what follows the colon, or None."""
    if top.pos_ == "NOUN" and top.lemma_.lower() in UTTERANCE_NOUNS:
        return _possessor(top)  # "Their reply:", "The message from X:"
    attr = next((c for c in top.children if c.dep_ == "attr"), None)
    if top.lemma_ == "be" and attr is not None and attr.lemma_.lower() in UTTERANCE_NOUNS:
        return _possessor(attr)  # "That was the message from X on Monday:"
    if _state_participle(top):
        return next((c for c in top.children if c.dep_ == "nsubjpass"), None)  # "was unmoved:"
    subj = next((c for c in top.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    lemma = top.lemma_.lower()
    if lemma == "be" and any(c.dep_ == "acomp" for c in top.children):
        if subj.pos_ == "NOUN" and subj.lemma_.lower() in UTTERANCE_NOUNS:
            return _possessor(subj)  # "Her message was simple:"
        return subj  # "Horwath was blunt:", "Residents were furious:"
    if lemma in _GIVING_VERBS and _gives_an_utterance(top):
        return subj  # "He had a warning for the council:"
    return None


def _state_participle(verb: Token) -> bool:
    """ "was unmoved", "is convinced": a participle for the subject's state, which the parser
    reads as a passive; not a speech act done to the subject ("was asked:", "was told:")."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() not in SPEECH_VERBS
        and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _gives_an_utterance(verb: Token) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if verb.lemma_.lower() == "put":
        return obj.lower_ == "it"  # "she put it this way:"
    return obj.lemma_.lower() in UTTERANCE_NOUNS


def _possessor(noun: Token) -> Token | None:
    """ "her" in "her message", "Smith" in "Smith's answer", "X" in "the message from X"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ == "from":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None
