"""Token tests shared by the entity steps: capitalised words, name tokens, English nouns
and adjectives from the model's lemma tables."""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Token

from app.annotate.entities.lexicon import (
    CLUB_FIRST_WORDS,
    CLUB_HEADS,
    CLUB_ONLY_HEADS,
    CONNECT,
    GIVEN_NAMES_F,
    GIVEN_NAMES_M,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    PAPER_HEADS,
)
from app.annotate.given_names import is_given_name
from app.annotate.names import (
    ROLE_NOUNS,
    ROLE_SUFFIXES,
    TITLE_WORDS,
    is_title_word,
    strip_possessive,
)


def is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def name_token(tok: Token, *, any_label: bool = False) -> bool:
    """A token that can be part of a person's name (`any_label`: whatever the model labelled
    it, as after an honorific: "Mr Katwala" read as a place is a person)."""
    if not is_cap(tok) or is_title_word(tok.text) or (tok.is_sent_start and tok.pos_ != "PROPN"):
        return False
    named = ("GPE", "NORP", "LOC", "ORG", "FAC")
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL") or (tok.ent_type_ in named and not any_label):
        return False
    return (tok.pos_ == "PROPN" and not tok.text.isupper()) or (tok.text.isupper() and len(tok) > 1)


@cache
def _lemma_words(pos: str) -> frozenset[str]:
    """English words of one part of speech ("noun", "verb", "adj") from the model's lemma
    table, less the first names the small lists know ("Will", "Mark")."""
    from app.annotate.nlp import get_nlp

    try:
        table = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
        found = frozenset(table[pos])
    except Exception:  # pragma: no cover - a model without lookups
        found = frozenset()
    return found - GIVEN_NAMES_M - GIVEN_NAMES_F


def common_nouns() -> frozenset[str]:
    return _lemma_words("noun")


def adjectives() -> frozenset[str]:
    return _lemma_words("adj")


def verbs() -> frozenset[str]:
    return _lemma_words("verb")


def english_word(low: str) -> bool:
    """A lower-cased word that is an English noun, adjective, verb or title."""
    return low in common_nouns() or low in adjectives() or low in verbs() or is_title_word(low)


def common_noun_or_plural(low: str) -> bool:
    """A lower-case common noun or its plural ("statistics", "buses", "ferries")."""
    nouns = common_nouns()
    if low in nouns:
        return True
    if low.endswith("a"):  # a Latin plural: "media", "data", "curricula"
        return low[:-1] + "um" in nouns
    return plural_of_a_noun(low)


def plural_of_a_noun(low: str) -> bool:
    """A lower-case word ending in "s" whose singular is a common noun ("buses", "ferries")."""
    singular = {low[:-1], low.removesuffix("es"), low.removesuffix("ies") + "y"}
    return low.endswith("s") and bool(singular & common_nouns())


def org_like(words: list[str]) -> bool:
    """An organisation's head noun ends the name ("Acme Holdings"; a newspaper's after another
    word: "Chronicle Herald"), or heads it before "of" or "for" ("Institute for Fiscal
    Studies", "Bank of England"), a branch's number aside ("X Union Local 113")."""
    low = [w.lower().strip(".") for w in words]
    if len(low) > 2 and low[-2] == "local" and low[-1].isdigit():
        low = low[:-2]  # a union's branch: "... Workers Union Local 113"
    if low and (low[-1] in ORG_HEADS or (len(low) > 1 and low[-1] in PAPER_HEADS)):
        return True
    return any(w in ORG_HEADS and nxt in _HEAD_LINKS for w, nxt in pairwise(low))


_HEAD_LINKS = frozenset({"of", "for"})


def span_text(doc: Doc, start: int, end: int) -> str:
    if start >= end:
        return ""
    return strip_possessive(doc[start:end].text)


def club_like(words: list[str]) -> bool:
    """A club named after its town ("Manchester United", "Bristol Rovers"): a club's last
    word after a first word that is nobody's first name (or a word no one has for a
    surname: "Florence Athletic"), or a club's first word abroad ("Deportivo X")."""
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    last = words[-1].lower()
    if words[0].lower() in CLUB_FIRST_WORDS and words[1][:1].isupper():
        return True
    return last in CLUB_ONLY_HEADS or (last in CLUB_HEADS and not is_given_name(words[0]))


def role_noun(tok: Token, tagged: tuple[str, ...] = ("NOUN",)) -> bool:
    """A common noun for what a person is or does: "chairman", "spokesperson", "officer"
    (tagged as one of ``tagged``)."""
    low = tok.lower_
    return tok.pos_ in tagged and (
        low in TITLE_WORDS or low in ROLE_NOUNS or low.endswith(ROLE_SUFFIXES)
    )


def follows_a_full_name(doc: Doc, i: int) -> bool:
    """Token ``i`` comes right after a full name the model labelled a person (two proper
    nouns): the "of" of "analyst Tom Forte of D.A. Davidson"."""
    return i >= 2 and all(t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in doc[i - 2 : i])


def inside_a_name(before: Token) -> bool:
    """The word before a candidate continues a name: a capitalised word, a connector or a
    hyphen ("West Ham", "Department for Sport", "Anglo-Dutch"), not "The" or a comma."""
    low = before.lower_
    if low in ("the", "a", "an"):
        return False
    return is_cap(before) or low in CONNECT or before.text in ("-", "–", "&", "/")


# Common nouns that name a part of a place, not a body ("Mainland China").
_PLACE_PARTS = frozenset({"mainland", "province", "city", "region", "county", "state", "coast"})


def names_a_body(word: Token) -> bool:
    """A capitalised common noun that, before a place's name, names a body ("Statistics",
    "Elections"): no adjective, no given name, no part of a place."""
    low = word.lower_
    return (
        is_cap(word)
        and len(low) > 2
        and low.isalpha()
        and not word.text.isupper()  # "MM": an acronym, or initials
        and not low.endswith("ish")  # "Kentish": of a place
        and common_noun_or_plural(low)
        and low not in adjectives()
        and low not in _PLACE_PARTS
        and not is_given_name(low)
        and not (word.i > 0 and inside_a_name(word.doc[word.i - 1]))  # "Investors in People UK"
    )


def modifier_left_out(doc: Doc, s: int, e: int) -> bool:
    """ "[Dairy] Farmers of Canada", "the [Kilby] Tenants' Association": the model left out
    the capitalised noun that opens the sentence or follows "the" and modifies the plural
    noun the name starts with."""
    plural = doc[s].tag_ in ("NNS", "NNPS") or doc[s].text.endswith("s")
    if s == 0 or not plural or not is_cap(doc[s]):
        return False
    word = doc[s - 1]
    after_the = s >= 2 and doc[s - 2].lower_ == "the" and word.ent_type_ in ("", "ORG")
    opens = bool(word.is_sent_start) or after_the  # (not a place: "the US [Congress]")
    return (
        opens
        and is_cap(word)
        and word.pos_ in ("NOUN", "PROPN")
        and word.dep_ == "compound"
        and s <= word.head.i < e
        and word.lower_ not in ORG_DESCRIPTORS
    )
