"""Name normalisation: titles, possessives, identity keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def words(s: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(s.split())


# Honorifics and offices that precede a person's name (lower case, without dots).
TITLE_WORDS = words(
    """mr mrs ms miss mx mister madam madame dr doctor prof professor sir dame lord lady rev
    reverend fr father pastor rabbi imam bishop archbishop cardinal pope sister brother
    president vice prime minister ambassador secretary chancellor premier governor gov mayor
    senator sen rep representative congressman congresswoman commissioner deputy director
    chief general gen lt lieutenant col colonel maj major capt captain admiral adm cmdr
    commander sgt sergeant cpl corporal pte private const constable det detective ds insp
    inspector dci dcs wpc pcso supt superintendent officer judge justice chair chairman chairwoman
    chairperson councillor councilor coun cllr alderman reeve warden king queen prince princess
    sheikh emir president-elect minister-designate mp mpp mla mna mha mep msp td taoiseach
    tanaiste attorney solicitor
    speaker leader coach manager ceo cfo coo founder spokesman spokeswoman spokesperson former
    then late acting interim"""
)
# Words that may precede a title inside a role ("U.S. Defence Secretary", "Foreign Minister").
ROLE_MODIFIERS = words(
    """foreign defence defense finance trade health interior home justice state treasury
    economy education environment energy transport labour labor agriculture immigration
    public security national deputy vice assistant associate senior junior chief general
    executive managing federal provincial regional opposition party senate house state"""
)
# Endings of nouns that name what a person does ("economist", "defender", "chairman").
ROLE_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman")
# Nouns for what a person does that end otherwise ("the NDP critic", "seventh seed").
ROLE_NOUNS = words("critic advocate aide candidate delegate envoy surgeon seed")
# Nouns for a person of a nation ("the Dane", "Scot Nick Smith").
DEMONYM_NOUNS = words(
    """briton brit scot scotsman scotswoman welshman englishman irishman frenchman dutchman
    spaniard dane swede pole finn turk kiwi aussie"""
)
NAME_SUFFIXES = words("""jr sr ii iii iv""")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_PUNCT = re.compile(r"[^\w\s]")


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def norm_token(tok: str) -> str:
    return _PUNCT.sub("", strip_accents(tok).casefold())


def strip_possessive(s: str) -> str:
    m = _POSSESSIVE.search(s)
    if not m:
        return s
    if m.group(0)[0] == "s":  # "Jones'" style plural possessive: keep the s
        return s[:-1]
    return s[: m.start()]


@lru_cache(maxsize=65536)
def norm_name(s: str) -> str:
    """Casefolded, accent-free, punctuation-free form; ``U.S.`` becomes ``us``."""
    s = strip_accents(unicodedata.normalize("NFKC", s)).casefold()
    s = s.replace("’", "'")
    s = re.sub(r"(?<=\w)\.(?=\w)", "", s)
    s = s.replace("'s ", " ").removesuffix("'s")
    s = re.sub(r"(?<=\w)'(?=\w)", "", s)  # "O'Driscoll" is one word: "odriscoll"
    s = _PUNCT.sub(" ", s)
    return " ".join(s.split())


def is_title_word(tok: str) -> bool:
    return norm_token(tok) in TITLE_WORDS


def person_key(name: str) -> str:
    toks = norm_name(name).split()
    while len(toks) > 1 and toks[0] in TITLE_WORDS:
        toks = toks[1:]
    if len(toks) == 1:
        # A one-word name is kept apart from every full name.
        return "person:" + toks[0] + ":mononym"
    return "person:" + " ".join(toks)


def identity_key(kind: str, name: str) -> str:
    """The kind-free identity of an entity name: the same key in two articles is the same
    entity, whichever kind each article gave it. Titles are dropped from people's names and a
    leading "the" from organisations' ("Mr Blair" -> "blair", "The BBC" -> "bbc")."""
    toks = norm_name(name).split()
    if kind == "person":
        while len(toks) > 1 and toks[0] in TITLE_WORDS:
            toks = toks[1:]
    elif len(toks) > 1 and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


def org_key(name: str) -> str:
    toks = norm_name(name).split()
    if toks and toks[0] == "the" and len(toks) > 1:
        toks = toks[1:]
    return "organisation:" + " ".join(toks)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions (short words only)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


_FUNCTION_WORDS = words("of the and for on in to at de du des la le el &")


def is_acronym(name: str) -> bool:
    """ "CRA", "U.N.", "NHS": two to eight capital letters (dots allowed)."""
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def initials(name: str) -> set[str]:
    """The acronyms a name can have: with and without its function words ("DOJ" and "DJ" for
    "Department of Justice"), with an acronym inside kept whole ("UKIP" for "UK
    Independence Party"), and without a leading one ("FBI" for "US Federal Bureau of
    Investigation")."""
    parts = [w for w in name.replace("-", " ").split() if w]
    content = [w for w in parts if w.lower() not in _FUNCTION_WORDS]
    out = {"".join(w[0] for w in content).upper(), "".join(w[0] for w in parts).upper()}
    out.add("".join(w if is_acronym(w) else w[0] for w in content).upper())
    if len(content) > 3 and is_acronym(content[0]):  # "US Federal Bureau of Investigation"
        out.add("".join(w[0] for w in content[1:]).upper())
    return {a for a in out if len(a) >= 2}


def initial_of(toks: list[str], other: list[str]) -> bool:
    """One of two names of the same surname is the other's first name by its initial."""
    if len(toks) != 2 or len(other) != 2 or toks[-1] != other[-1] or toks[0] == other[0]:
        return False
    short, long = sorted((toks[0], other[0]), key=len)
    return len(short) == 1 and long.startswith(short)
