"""Names of bodies that the model missed (a club: ``recover_clubs``) or cut short, run on
to their real end (``body_name_end``): a department named after its portfolios
("Department for Roads, Rail and Ports", cut at the comma or "and") and an office's name
the model ended early ("[Office of the] Chief Coroner", "[Office of the Deputy] Chief
Minister")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.annotate.entities.lexicon import CLUB_ONLY_HEADS
from app.annotate.entities.vocabulary import adjectives, common_noun_or_plural, is_cap
from app.annotate.given_names import is_given_name
from app.annotate.names import is_title_word

_DANGLING = frozenset({"of", "the", "for"})
_MAX_RUN = 5  # capitalised words one name runs on through, at most


def body_name_end(doc: Doc, s: int, e: int) -> int:
    """The real end of the body's name the model labelled ``doc[s:e]``."""
    e = _after_an_office(doc, s, _after_a_dangling_word(doc, s, e))
    return _after_portfolios(doc, s, e)


def _after_a_dangling_word(doc: Doc, s: int, e: int) -> int:
    """ "[the Office of the] Chief Coroner": a name that ends on "of", "the" or "for" runs on
    through the capitalised words after it, up to a person's or place's name; one that
    begins with a given name is a person's, the preposition cut off ("[Jo Roe for]")."""
    if e - s < 2 or doc[e - 1].lower_ not in _DANGLING:
        return e
    if doc[s].pos_ == "PROPN" and is_given_name(doc[s].text):
        while e - s > 1 and doc[e - 1].lower_ in _DANGLING:
            e -= 1
        return e
    k = e
    while k < len(doc) and k - e < _MAX_RUN and is_cap(doc[k]) and _inside_a_body(doc[k]):
        k += 1
    return k if k > e else e


def names_an_office(doc: Doc, s: int, e: int) -> bool:
    """ "Office of the Deputy Chief Minister": the name ends on titles after "of the"."""
    k = e
    while k > s and is_title_word(doc[k - 1].text):
        k -= 1
    return s + 1 < k < e and doc[k - 1].lower_ == "the" and doc[k - 2].lower_ == "of"


def _after_an_office(doc: Doc, s: int, e: int) -> int:
    """ "[Office of the Deputy] Chief Minister": the office's titles the model left out."""
    if not names_an_office(doc, s, e):
        return e
    while e < len(doc) and is_cap(doc[e]) and is_title_word(doc[e].text):
        e += 1
    return e


def _after_portfolios(doc: Doc, s: int, e: int) -> int:
    """ "Department for Roads, Rail and Ports": a name "X for/of Y" whose Y is a portfolio
    runs on through a list of portfolios that "and" completes, each made of capitalised
    common nouns (and adjectives before them: "Rural Affairs"), none of them a name the
    text also uses alone ("the Department of Health and Labour MPs" stays apart)."""
    run_start = _portfolio_start(doc, s, e)
    if run_start is None:
        return e
    alone = _words_used_alone(doc)
    k = e
    while k + 1 < len(doc) and doc[k].lower_ in (",", "and", "&"):
        j = k + 1
        while j < len(doc) and j - k <= 3 and _portfolio_word(doc[j]):
            j += 1
        last = doc[j - 1]
        elsewhere = alone.get(last.lower_, set()) - set(range(e, j))
        if j == k + 1 or not last.tag_.startswith("NN") or elsewhere:
            return e
        if doc[k].lower_ != ",":
            return j  # "and" ends the list
        k = j
    return e


def _portfolio_start(doc: Doc, s: int, e: int) -> int | None:
    """Where the portfolios after "for" or "of" begin in the name ``doc[s:e]``, if the name
    ends on one (or on a list of them the model cut before its "and")."""
    k = e
    while k > s and (_portfolio_word(doc[k - 1]) or doc[k - 1].text == ","):
        k -= 1
    if k == e or k - 1 <= s or doc[k - 1].lower_ not in ("for", "of"):
        return None
    return k


def _portfolio_word(t: Token) -> bool:
    """A capitalised common noun or adjective the model labelled nothing or a body's word
    ("Media", "Skills", "Rural"), not a given name."""
    low = t.lower_
    return (
        is_cap(t)
        and t.ent_type_ in ("", "ORG")
        and (common_noun_or_plural(low) or low in adjectives())
        and not is_given_name(t.text)
    )


def _inside_a_body(t: Token) -> bool:
    return t.ent_type_ in ("", "ORG") and t.tag_ != "POS"


def _words_used_alone(doc: Doc) -> dict[str, set[int]]:
    """Where the model labels a word a name of its own: word -> token indices."""
    out: dict[str, set[int]] = {}
    for ent in doc.ents:
        if len(ent) == 1:
            out.setdefault(ent.text.lower(), set()).add(ent.start)
    return out


def recover_clubs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Clubs the model left unlabelled ("beat Kilby Wanderers 2-1"): a word no one has for
    a surname ("Rovers", "Athletic") after one or two capitalised words."""
    out = []
    for t in doc:
        if t.i in taken or not is_cap(t) or t.lower_ not in CLUB_ONLY_HEADS:
            continue
        if t.i + 1 < len(doc) and is_cap(doc[t.i + 1]):
            continue  # inside a longer name ("X United Supporters' Trust")
        k = t.i
        while k > 0 and t.i - k < 2 and _town_word(doc[k - 1], taken):
            k -= 1
        if k < t.i:
            out.append((k, t.i + 1))
    return out


def _town_word(t: Token, taken: set[int]) -> bool:
    return t.i not in taken and is_cap(t) and t.pos_ == "PROPN" and t.ent_type_ in ("", "GPE")
