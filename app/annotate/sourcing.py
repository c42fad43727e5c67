"""Whether a quotation's speaker is named: the share of unnamed sourcing newsrooms track.

- **named** (True): a person or organisation entity; a label the speaker step typed as one (a
  name the entity step left out); a label holding a name ("Labour and the Liberal Democrats",
  "Dr Ann Roe, games director at ..."); a document ("a report", "the statement"); the
  spokesperson of someone the label names ("a Labour spokesman", "her spokesman", "a
  spokesman for the airline"); an institution the text points at ("the government").
- **unnamed** (False): people the text leaves unnamed: "officials", "a spokesman", "sources
  familiar with the matter", "some analysts", "a senior diplomat", "UKIP officials".
- **undecided** (None): no speaker; a definite description that may stand for a named person
  ("the chairman", "his lawyer"); a share of those polled ("92%"); "others", "many".

Pure: the label's words only (the speaker step has already read the sentence).
"""

from __future__ import annotations

from app.annotate.documents import DOCUMENT_NOUNS
from app.annotate.entities.lexicon import HONORIFICS
from app.annotate.names import norm_token, words
from app.annotate.offices import ROLE_END
from app.annotate.speakers import ORG_DESCRIPTION_HEADS, SPOKES
from app.annotate.types import Quotation

# Heads of the classic unnamed source, singular (plurals are found by their "s").
UNNAMED_HEADS = words(
    """official source analyst expert economist observer insider diplomat aide critic
    commentator trader dealer banker broker witness resident person people mp minister
    colleague ally adviser advisor campaigner activist strategist investor officer worker
    employee staff negotiator"""
)
# Words that end the head phrase: "sources familiar with ...", "people close to ...".
_HEAD_END = ROLE_END | words("familiar close who that which , involved")
_DEFINITE = words("the this that his her their its our your my")
_QUANTIFIERS = words(
    """a an one another some many several other others few most all two three four five six
    seven eight nine ten dozens hundreds thousands more less half"""
)
# Words a spokesperson's label may add without naming whom they speak for.
_BARE_SPOKES = words("a an the one another official senior chief")
_INDEFINITE = words("a an one another")
_MORE_DOCUMENTS = words("reports lawsuit suit")  # beside the document nouns


def speaker_named(q: Quotation) -> bool | None:
    """Whether ``q``'s speaker is named (see the module's docstring)."""
    if q.speaker_entity is not None or q.speaker_type in ("person", "organisation"):
        return True
    if not q.speaker_label:
        return None
    return label_named(q.speaker_label)


def label_named(label: str) -> bool | None:
    """Whether a free speaker label names its speaker: True, False, or None (undecided)."""
    toks = label.replace(",", " , ").split()
    if not toks:
        return None
    if norm_token(toks[0]) in HONORIFICS:
        return True  # "Dr Ann Roe, director at ..."
    if _between_phrases(toks) is not None:
        return _group_named(toks)
    pre, head = _head(toks)
    if head in SPOKES:
        return _spokesperson_named(toks, pre)
    if _singular(head) in UNNAMED_HEADS:
        return _unnamed_people(pre, plural=head != _singular(head))
    if head in DOCUMENT_NOUNS or head in _MORE_DOCUMENTS:
        return True
    if _has_name(toks):
        return True
    if head in ORG_DESCRIPTION_HEADS and (not pre or norm_token(pre[0]) in _DEFINITE):
        return True  # "the government", "police": an institution the reader can tell
    return None


def _between_phrases(toks: list[str]) -> int | None:
    """The first "and" that joins two phrases, not two words of one name ("the Department
    for Work and Pensions")."""
    for i in range(1, len(toks) - 1):
        if toks[i] == "and" and not (toks[i - 1][:1].isupper() and toks[i + 1][:1].isupper()):
            return i
    return None


def _group_named(toks: list[str]) -> bool | None:
    """A group is named when one of its members is ("Japan and its ally"), unnamed when
    all are ("traders and some analysts")."""
    i = _between_phrases(toks) or 0
    parts = [label_named(" ".join(toks[:i])), label_named(" ".join(toks[i + 1 :]))]
    if True in parts:
        return True
    return False if parts == [False, False] else None


def _spokesperson_named(toks: list[str], pre: list[str]) -> bool | None:
    """Named when the label says whom they speak for ("a Labour spokesman", "her
    spokesman", "a spokesman for the airline"); "a spokesman" is unnamed, and "the
    spokesman" undecided (the one named before, or not)."""
    after = toks[len(pre) + 1 :]
    if any(norm_token(w) not in _BARE_SPOKES for w in pre):
        return True
    if after and norm_token(after[0]) in ROLE_END:
        return True
    return False if _indefinite(pre) else None


def _unnamed_people(pre: list[str], *, plural: bool) -> bool | None:
    """ "officials", "some analysts", "a senior diplomat" are unnamed; "the ministers", "his
    aide" may be people named before (undecided); so may "Arsenal's vice-chairman"."""
    if pre and (norm_token(pre[0]) in _DEFINITE or pre[0].endswith(("'s", "'"))):
        return None
    return False if plural or _indefinite(pre) else None


def _indefinite(pre: list[str]) -> bool:
    return bool(pre) and norm_token(pre[0]) in _INDEFINITE


def _phrase(toks: list[str]) -> list[str]:
    """The words before the first post-modifier ("sources" of "sources familiar with")."""
    for i, w in enumerate(toks):
        if i and norm_token(w) in _HEAD_END | {""}:
            return toks[:i]
    return toks


def _head(toks: list[str]) -> tuple[list[str], str]:
    """The head phrase's modifiers and its head noun, lower case; a source or spokesperson
    at the end is the head ("A Department for Transport source")."""
    phrase = _phrase(toks)
    rest = toks[len(phrase) :]
    in_a_name = len(rest) > 1 and rest[1][:1].isupper()  # "for Transport"
    if in_a_name and _singular(norm_token(toks[-1])) in UNNAMED_HEADS | SPOKES:
        phrase = toks
    return phrase[:-1], norm_token(phrase[-1])


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _has_name(toks: list[str]) -> bool:
    """A capitalised word that is not just the sentence's first: "The US", "BT", "Edu"."""
    first, rest = toks[0], toks[1:]
    if any(w[:1].isupper() for w in rest):
        return True
    common = _QUANTIFIERS | _DEFINITE | ORG_DESCRIPTION_HEADS
    if not first[:1].isupper() or norm_token(first) in common:
        return False
    inner_capital = any(c.isupper() for c in first[1:])  # "BT", "eBay"-like, "McCain"
    return inner_capital or (not rest and not first.endswith("s"))
