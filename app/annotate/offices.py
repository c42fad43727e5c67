"""Offices and roles: whether a description ("the prime minister", "the top seed") can be a
person given their stated roles ("Home Secretary", "seventh seed").  Words only: no parse."""

from __future__ import annotations

from collections.abc import Iterable

from app.annotate.names import ROLE_MODIFIERS, TITLE_WORDS, norm_token, words

ROLE_END = words("of to for at in with from on")

RANK_WORDS = words(
    """top first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    last bottom"""
)
# Words that make another office of the one they qualify ("deputy prime minister").
OFFICE_QUALIFIERS = words("deputy vice shadow assistant associate junior under")
# Words that say which office of its kind a role is (not its level: "federal", "senior").
PORTFOLIO_WORDS = words(
    """prime foreign defence defense finance trade health interior home justice treasury
    economy education environment energy transport labour labor agriculture immigration
    security"""
)
# Offices of public life: a description by one of these ("the chancellor", "the mayor")
# is none of the people stated to hold another of them, or a public job ("Tory MP",
# "journalist").  (Not "leader": a party's leader holds other offices too.)
OFFICES = words(
    """president minister ambassador secretary chancellor premier governor mayor senator
    congressman congresswoman commissioner chairman chairwoman chairperson councillor judge
    attorney treasurer"""
)
_PUBLIC_JOBS = OFFICES | words(
    "mp journalist editor correspondent reporter spokesman spokeswoman spokesperson"
)
# A description's head that names the kind of office of these roles ("the minister" is the
# Education Secretary too).
_OFFICE_KIN = {"minister": words("secretary minister"), "premier": words("premier minister")}


# A title before a name, as the noun a description of its holder uses ("Justice X": "the
# judge"; "Sgt. X": "the sergeant").
_TITLE_NOUNS = {
    "justice": "judge",
    "prof": "professor",
    "sen": "senator",
    "gov": "governor",
    "const": "constable",
    "cst": "constable",
    "sgt": "sergeant",
    "det": "detective",
    "insp": "inspector",
    "supt": "superintendent",
    "capt": "captain",
    "lt": "lieutenant",
    "cmdr": "commander",
}


def role_head(role: str) -> str:
    """The head noun of a role phrase: "ambassador" of "British Ambassador to Chile", "judge"
    of the title "Justice"."""
    head = norm_token(head_word(role, ROLE_END))
    return _TITLE_NOUNS.get(head, head)


def head_word(phrase: str, ends: frozenset[str]) -> str:
    """The last word before the phrase's first post-modifier (a word of ``ends``, a comma)."""
    head = ""
    for w in phrase.replace(",", " , ").split():
        if w.lower() in ends or w == ",":
            break
        head = w
    return head


def _role_words(role: str) -> set[str]:
    return {norm_token(w) for w in role.replace("-", " ").split()}


def same_rank(mine: set[str], role: str) -> bool:
    """Whether a description and a role do not name different ranks ("top" / "seventh")."""
    ours, theirs = mine & RANK_WORDS, _role_words(role) & RANK_WORDS
    return not (ours and theirs) or bool(ours & theirs)


def same_portfolio(mine: set[str], role: str) -> bool:
    """Whether every word of a description that says which office it is ("prime", "finance")
    is in the role: "the prime minister" is not the "Finance Minister"."""
    return mine & PORTFOLIO_WORDS <= _role_words(role)


def same_office(mine: set[str], role: str) -> bool:
    """Whether a role has no qualifier that the description lacks."""
    return _role_words(role) & OFFICE_QUALIFIERS <= mine


def is_office(head: str) -> bool:
    """Whether a description's head noun names an office ("chancellor", "minister")."""
    return head in OFFICES


def fits_office(mine: set[str], head: str, role: str) -> bool:
    """Whether a role is the office a description names: the same head noun, with every
    word that says which office ("prime", "foreign") and the same rank and qualifiers."""
    if role_head(role) not in _OFFICE_KIN.get(head, {head}):
        return False
    which = mine & (ROLE_MODIFIERS | TITLE_WORDS) - {head}
    return which <= _role_words(role) and same_rank(mine, role) and same_office(mine, role)


def holds_other_office(mine: set[str], head: str, roles: Iterable[str]) -> bool:
    """Whether stated roles say a person holds some office but not the one described: the
    Home Secretary is not "the prime minister", a "Tory MP" not "the chancellor"."""
    roles = list(roles)
    if any(fits_office(mine, head, r) for r in roles):
        return False
    return any(role_head(r) in _PUBLIC_JOBS for r in roles)


def other_office_named(mine: str, theirs: str) -> bool:
    """Whether two descriptions name different offices ("the chancellor", "the prime
    minister"); not "the premier" and "the prime minister", "the minister" and "the
    education secretary"."""
    heads = role_head(mine), role_head(theirs)
    if not (is_office(heads[0]) and is_office(heads[1])):
        return False
    ours, others = _role_words(mine), _role_words(theirs)
    return not (fits_office(ours, heads[0], theirs) or fits_office(others, heads[1], mine))
