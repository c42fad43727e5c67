"""Political parties: names made of political-family words ("Labour", "the Tories", "Lib
Dems", "Liberal Democrat Party", "Republicans") are organisations, whatever label the model
gave them, and every form of one name gets one canonical name ("Lib Dem", "Liberal
Democrats" and "Liberal Democrat Party" are all "Liberal Democrats").

The word list names political families, not parties: the next country's parties are built
from the same words."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

from app.annotate.entities.lexicon import PARTY_FAMILIES, PARTY_FORMS, PARTY_MEMBERS
from app.annotate.names import ROLE_MODIFIERS, TITLE_WORDS, norm_token
from app.annotate.nlp import tokens_where

_PARTY_HEADS = frozenset({"party"})


@lru_cache(maxsize=16384)
def _family(word: str) -> str | None:
    """The political family a word names, by itself or as a short form ("Dems")."""
    low = norm_token(word)
    if low in TITLE_WORDS:  # "Rep" is a title, not a Republican
        return None
    if low in PARTY_FORMS:
        return PARTY_FORMS[low]
    if low in PARTY_FAMILIES:
        return low
    if 3 <= len(low) <= 4:  # a short form: "Lib", "Dem", "Dems" (not "National")
        stem = low[:-1] if low.endswith("s") and len(low) > 3 else low
        found = {f for f in PARTY_FAMILIES if f.startswith(stem)}
        if len(found) == 1:
            return found.pop()
    return None


def _short_form(word: str) -> bool:
    low = norm_token(word)
    return low not in PARTY_FAMILIES and low not in PARTY_FORMS


def party_name(words: Sequence[str]) -> str | None:
    """The canonical name when `words` name a party, else None. Capitalised words only."""
    words = [w for w in words if w]
    if words and norm_token(words[-1]) in _PARTY_HEADS and len(words) > 1:
        words = words[:-1]
    if not words or not all(w[:1].isupper() for w in words):
        return None
    families = [_family(w) for w in words]
    if any(f is None for f in families):
        return None
    if len(words) == 1 and _short_form(words[0]) and not words[0].endswith("s"):
        return None  # "Lab" alone is a laboratory ("Bay Area Lab"), "Lib Dem" a party
    parts = [f.capitalize() for f in families if f]
    last = families[-1]
    if last in PARTY_MEMBERS:
        parts[-1] = PARTY_MEMBERS[last]
    return " ".join(parts)


def is_party_word(word: str) -> bool:
    """A capitalised word of a party name ("Tory" in "Tory MP Liam Fox")."""
    return word[:1].isupper() and _family(word) is not None


def party_spans(doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """Party names the model left unlabelled: runs of capitalised party words (not at a
    sentence start unless the model calls the first a proper noun)."""
    out: list[tuple[int, int, str]] = []
    party_words = tokens_where(doc, "ORTH", is_party_word)
    at = set(party_words)
    i = 0
    for start in party_words:  # nothing starts at any other token
        if start < i:
            continue
        i = j = start
        while j < len(doc) and j not in taken and j in at:
            j += 1
        if j < len(doc) and j > i and norm_token(doc[j].text) in _PARTY_HEADS:
            j += 1
        name = party_name([t.text for t in doc[i:j]]) if j > i else None
        if name and (not doc[i].is_sent_start or doc[i].pos_ == "PROPN"):
            out.append((i, j, name))
        i = max(j, i + 1)
    return out


# Capitalised office words after which a party's word names a portfolio instead.
_OFFICES = frozenset({"Minister", "Ministry", "Secretary", "Department", "Critic"})


def names_a_portfolio(doc: Doc, start: int, end: int) -> bool:
    """A party's word that is also a portfolio's, before a capitalised office: "Labour
    Minister Patty Hajdu" is the minister for labour, not a member of the Labour party."""
    return (
        end - start == 1
        and doc[start].lower_ in ROLE_MODIFIERS
        and end < len(doc)
        and doc[end].text in _OFFICES
    )


def names_a_member(doc: Doc, start: int, end: int) -> bool:
    """A singular member word heading its own noun phrase names a person, not the party:
    "the Kentucky Republican said", "a Lib Dem". As a modifier ("a Republican senator",
    "Tory MPs") or in the plural ("the Republicans") it names the party."""
    last = doc[end - 1]
    family = _family(last.text)
    if family is None or family not in PARTY_MEMBERS or norm_token(last.text).endswith("s"):
        return False
    modifies = end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and doc[end].is_alpha
    if modifies:
        return False
    return start > 0 and doc[start - 1].pos_ in ("DET", "ADJ", "PROPN", "NUM")
