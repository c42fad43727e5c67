"""Step 2: kinds. Each candidate is kept as a person or an organisation, switched, or
dropped as neither (a place, a product, a document, a title alone), from what the text
around it says."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from app.annotate.cues import SPEECH_VERBS
from app.annotate.entities.gazetteer import activity_body, is_known_place
from app.annotate.entities.lexicon import (
    GIVEN_NAMES_F,
    GIVEN_NAMES_M,
    HONORIFICS,
    LEGISLATURES,
    NAME_PARTICLES,
    NON_ORG_HEADS,
    NOT_PERSON_LAST,
    NUMBER_WORDS,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    PARTY_WORDS,
    PLACE_METONYMS,
    PRODUCT_NOUNS,
    ROLE_AFTER_ORG,
    SAINT_WORDS,
)
from app.annotate.entities.parties import party_name
from app.annotate.entities.result import Found
from app.annotate.entities.vocabulary import (
    adjectives,
    club_like,
    common_noun_or_plural,
    common_nouns,
    is_cap,
    org_like,
    role_noun,
)
from app.annotate.entities.votes import (
    acts_as_firm,
    members_of_collective,
    org_descriptor_before,
    pool_kinds,
)
from app.annotate.given_names import is_given_name
from app.annotate.names import (
    DEMONYM_NOUNS,
    ROLE_MODIFIERS,
    TITLE_WORDS,
    initials,
    is_acronym,
    norm_name,
    norm_token,
    words,
)
from app.annotate.nlp import tokens_where


def is_place(text: str, places: set[str]) -> bool:
    key = norm_name(text)
    if key in PLACE_METONYMS or key in places:
        return True
    parts = [norm_name(p) for p in re.split(r"[-–/]", text) if p.strip()]
    return len(parts) > 1 and all(p in places or p in PLACE_METONYMS for p in parts)


# A model's code or a version after a maker's name: "E200", "A380s", "8.0", "6600" (not
# "Radio 4" or "Channel 5": one or two digits alone are a number in a name).
_MODEL_CODE = re.compile(r"(?:[A-Z]{1,3}\d{1,4}[a-z]?s?|\d+\.\d+|\d{3,})")


def is_product(doc: Doc, start: int, end: int) -> bool:
    if end < len(doc) and doc[end].lower_ in PRODUCT_NOUNS:
        return True
    text = doc[start:end].text
    if any(c.isdigit() for c in text) and re.search(r"[A-Z]{2,}-?\d", text):
        return True
    if end - start > 1 and _MODEL_CODE.fullmatch(doc[end - 1].text):
        # "Nokia 6600", "BMW X5", "Firefox 1.0": a model or a version (not a union's
        # "Local 113")
        return doc[end - 2].text != "Local"
    head = doc[start:end].root
    for child in head.children:
        if (
            child.dep_ == "appos"
            and child.i >= end
            and (child.lemma_.lower() in PRODUCT_NOUNS or child.lower_ in PRODUCT_NOUNS)
        ):
            return True
    return False


def looks_org_person(doc: Doc, f: Found) -> bool:
    """A PERSON span that is really a company ("contractors Lockheed Martin and ...")."""
    span = doc[f.start : f.end]
    root = span.root
    if org_descriptor_before(doc, f):  # "contractors Lockheed Martin"
        return not members_of_collective(doc, f)
    # coordinated with an organisation
    for other in (root.head, *root.children):
        if ((root.dep_ == "conj" and other is root.head) or other.dep_ == "conj") and (
            other.ent_type_ == "ORG"
        ):
            return True
    head = root.head
    return bool(root.dep_ == "appos" and head.lower_ in ORG_DESCRIPTORS)


def places_of(doc: Doc) -> set[str]:
    """Names the model labels as places or nationalities anywhere in the text; not one it
    labels an organisation more often ("Nestle" [ORG] 8 times, [GPE] 4 times)."""
    placed: Counter[str] = Counter()
    as_org: Counter[str] = Counter()
    for e in doc.ents:
        if e.label_ not in ("ORG", "GPE", "LOC", "NORP") or party_name(e.text.split()):
            continue
        name = norm_name(e.text)
        bare = norm_name(e.text.removeprefix("the ").removeprefix("The "))
        if e.label_ == "ORG":
            as_org[bare] += 1
            continue
        placed[name] += 1
        if e.label_ == "GPE" and bare != name:
            placed[bare] += 1  # "the Gambia" is a place as "Gambia" too
    return {name for name, n in placed.items() if n >= as_org[name]}


def _org_kind(doc: Doc, f: Found, places: set[str], person_tokens: set[str]) -> str | None:
    """An ORG candidate: organisation, person (a known person's word, a given name and a
    surname) or None (a common noun, a place, a document, a product, a title)."""
    words = f.name.split()
    low = norm_name(f.name)
    if len(words) == 1 and re.search(r"(?:man|woman|men|women)$", f.name):
        return None  # "the Dutchman"
    if len(words) == 1 and (low in DEMONYM_NOUNS or low.removesuffix("s") in DEMONYM_NOUNS):
        return None  # "the Scots", "Brits": a nationality, not an organisation
    if low in person_tokens and len(words) == 1:
        return "person"
    if len(words) == 1 and ((low in ORG_HEADS and low not in LEGISLATURES) or f.name.islower()):
        return None  # "Council", "tsunamis": a common noun, not a name
    if len(words) == 1 and (_sentence_initial_word(doc, f) or _inside_a_title(doc, f)):
        return None
    if _given_then_surname(words, places) and not club_like(words):
        return "person"  # "Muriel Draaisma", "Luigi del Neri" mislabelled as organisations
    if (
        is_place(f.name, places)
        or words[-1].lower() in NON_ORG_HEADS
        or _an_office(words)
        or _portfolio_of_an_office(doc, f)
        or is_product(doc, f.start, f.end)
        or (
            all(_title_word(w) or w.lower() in ROLE_MODIFIERS for w in words)
            and not _acting_as_a_body(doc, f)
        )
    ):
        return None
    return "organisation"


_OFFICE_HOLDERS = frozenset(
    {"minister", "secretary", "commissioner", "director", "chancellor", "president"}
    | {"governor", "speaker", "leader", "mayor", "registrar", "chief"}
)


def _an_office(words: list[str]) -> bool:
    """ "Minister for Health", "Director of Public Prosecutions": the title of an office's
    holder, no body (a ministry's or a department's name is one)."""
    return len(words) > 2 and words[0].lower() in _OFFICE_HOLDERS and words[1] in ("for", "of")


def _portfolio_of_an_office(doc: Doc, f: Found) -> bool:
    """ "the Minister for [Ports]": nouns after a capitalised office's "for" or "of" are its
    portfolio, no body (unlike "president of X Video", "Director of X Bank")."""
    if f.start < 2 or doc[f.start - 1].lower_ not in ("for", "of"):
        return False
    words = f.name.split()
    plain = all(common_noun_or_plural(w.lower()) and not w.isupper() for w in words)
    plain = plain and not org_like(words)  # (nor an acronym: "President of AMBO")
    holder = doc[f.start - 2]
    return plain and holder.is_title and holder.lower_ in _OFFICE_HOLDERS


def _acting_as_a_body(doc: Doc, f: Found) -> bool:
    """A name of two words or more, each of which could be a portfolio ("Northern Health",
    "Public Safety"), that no title follows and that acts on its own: the subject or object
    of a verb or after a preposition ("officer with Northern Health"), a body, not the start
    of an office ("Public Safety Minister")."""
    if f.end - f.start < 2:
        return False
    after = doc[f.end] if f.end < len(doc) else None
    if after is not None and (after.text[:1].isupper() or _title_word(after.text)):
        return False
    return doc[f.start : f.end].root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


# Last words of events, never of a person's name.
EVENT_HEADS = frozenset(
    {
        "championship",
        "championships",
        "cup",
        "games",
        "olympics",
        "festival",
        "award",
        "awards",
        "prize",
        "election",
        "elections",
        "talks",
        "war",
        "summit",
        "open",
    }
)


def _given_then_surname(words: list[str], places: set[str]) -> bool:
    """A given name, any particles, then one capitalised word that heads no organisation."""
    if len(words) < 2 or any(w not in NAME_PARTICLES for w in words[1:-1]):
        return False
    first, last = words[0], words[-1]
    if norm_token(last) in EVENT_HEADS:
        return False  # "Argentine Championship"
    return (
        (norm_token(first) in GIVEN_NAMES_M | GIVEN_NAMES_F or is_given_name(first))
        and norm_name(first) not in places
        and last[:1].isupper()
        and not (len(last) > 2 and last.isupper())  # "London UKIP": an acronym
        and norm_token(last) not in ORG_HEADS
    )


def _coordinated_with_place(doc: Doc, f: Found) -> bool:
    """A name joined by "and"/"or" to a place the model recognised, after a preposition of
    place ("races in Erfurt and Stuttgart"; not "Chelsea and Barcelona drew")."""
    root = doc[f.start : f.end].root
    first = root.head if root.dep_ == "conj" else root
    if first.dep_ != "pobj" or first.head.lower_ not in _PLACE_PREPOSITIONS:
        return False
    linked = [c for c in first.children if c.dep_ == "conj"] + [first]
    return any(t.ent_type_ in ("GPE", "LOC") for t in linked if t.i != root.i)


_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "around", "across"})


def _title_word(word: str) -> bool:
    """A title, also in the plural ("MPs", "Ministers")."""
    low = word.lower()
    return low in TITLE_WORDS or (low.endswith("s") and low[:-1] in TITLE_WORDS)


def _sentence_initial_word(doc: Doc, f: Found) -> bool:
    """An English word capitalised only because it starts a sentence ("Digital sales
    rose"): no use of it in the text is capitalised elsewhere."""
    tok = doc[f.start]
    if not tok.is_sent_start or tok.text.isupper():
        return False
    low = tok.lower_
    if not common_noun_or_plural(low) and low not in adjectives():  # "Buses", "Tariffs"
        return False
    nxt = doc[f.end] if f.end < len(doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.is_lower:
        return True  # "Digital sales rose": an adjective before its noun
    same = tokens_where(doc, "ORTH", lambda w: w == tok.text)
    return not any(not doc[i].is_sent_start for i in same)


def _inside_a_title(doc: Doc, f: Found) -> bool:
    """The last word of a longer title ("Lord of the Rings"): "of the" before it, after a
    capitalised word."""
    k = f.start
    return (
        k >= 3
        and doc[k - 1].lower_ == "the"
        and doc[k - 2].lower_ == "of"
        and doc[k - 3].text[:1].isupper()
    )


# Place and party words that are common surnames after a first name ("Mike Lake", "Sally
# Field", "Andrew Green").
SURNAME_WORDS = frozenset({"lake", "field", "lane", "green"})


def _surname_word(given: str, last: str) -> bool:
    """After a first name, a place or party word that is a surname ("Mike Lake", "John
    Tory"): a party's singular word only after a first name that is no common word ("Young
    Conservative", "Will Labour ..." are none)."""
    if last in SURNAME_WORDS:
        return True
    first = norm_token(given)
    return (
        last in PARTY_WORDS
        and not last.endswith("s")
        and last not in _PARTY_SHORT
        and first not in common_nouns()
        and first not in adjectives()
    )


_PARTY_SHORT = frozenset({"ndp", "lib", "dem", "democratic"})


_COMPASS = words("north south east west northeast northwest southeast southwest")


def _not_a_person_name(words: list[str], honoured: bool = False, acting: bool = False) -> bool:
    """Titles, parties and short acronyms alone; places, events and works by their last
    word ("Medicine Hat", "Arnold Palmer Invitational", "Birth of Modern Canada").  After an
    honorific, a party's word is a surname ("Mr Green"); so is any such word after a first
    name, for a name ``acting`` as a person's ("spokesperson Wendy Park wrote")."""
    if not honoured and (
        all(
            norm_token(w) in TITLE_WORDS | ROLE_MODIFIERS | PARTY_WORDS
            or (w.isupper() and len(w) <= 4)
            for w in words
        )
        or (words[-1].isupper() and len(words[-1]) <= 4 and len(words) <= 2)
    ):
        return True
    if norm_token(words[0]) in NUMBER_WORDS:
        return True  # "Five Eyes", "Three Kings": no one's name begins with a number
    last = norm_token(words[-1])
    if len(words) > 2 and last in _COMPASS:
        last = norm_token(words[-2])  # "James Street North": a street
    surname = (
        len(words) == 2 and is_given_name(words[0]) and (acting or _surname_word(words[0], last))
    )
    return len(words) > 1 and (
        (last in NOT_PERSON_LAST and not surname)  # "Mike Lake" is a person
        or (last in PARTY_WORDS and not (surname or honoured))
        or (last in NON_ORG_HEADS and not (surname and acting))
        or any(w in ("of", "for", "the") for w in words)
    )


def _person_kind(doc: Doc, f: Found, places: set[str]) -> str | None:
    """A PERSON candidate: person, organisation ("Manchester United manager X", a firm
    coordinated with organisations) or None."""
    words = f.name.split()
    root = doc[f.start : f.end].root
    if (
        root.dep_ == "compound"
        and root.head.lower_ in ROLE_AFTER_ORG
        and root.head.i + 1 < len(doc)
        and doc[root.head.i + 1].pos_ == "PROPN"
    ):
        return "organisation"  # "Manchester United manager Erik ten Hag"
    before = doc[f.start - 1] if f.start > 0 else None
    honoured = before is not None and before.text[:1].isupper() and before.lower_ in HONORIFICS
    if _not_a_person_name(words, honoured, _acting_as_a_person(doc, f)):
        return None
    if honoured:
        return "person"  # "Mr Green", "Sir Andrew Green": whatever the model says
    if club_like(words) or activity_body(words, lambda n: is_place(n, places) or is_known_place(n)):
        return "organisation"  # "Manchester United", "Curling Manitoba", whatever the model says
    if looks_org_person(doc, f) or org_like(words):
        return "organisation"
    if is_place(f.name, places) and len(words) == 1:
        return None
    if len(words) > 1 and (words[0].lower() in SAINT_WORDS or is_known_place(f.name)):
        return None  # "Ste. Adele", "New Brunswick": a place (or a church), no one
    return "person"


def _acting_as_a_person(doc: Doc, f: Found) -> bool:
    """A name after a person's role noun ("spokesperson Wendy Park", "teacher Jude Law") or
    the subject of a reporting verb: no place, event or law does that."""
    root = doc[f.start : f.end].root
    if _speaking(root) or (f.end - f.start == 2 and _speaks_alone(doc, doc[f.end - 1])):
        return True
    before = doc[f.start - 1] if f.start > 0 else None
    return before is not None and before.is_lower and role_noun(before)


def _speaking(tok: Token) -> bool:
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS


def _speaks_alone(doc: Doc, surname: Token) -> bool:
    """The last word of a two-word name speaks on its own elsewhere ("Lena Park runs a
    daycare ... Park said"): it is a surname."""
    return any(
        _speaking(doc[i]) and (i == 0 or not is_cap(doc[i - 1]))
        for i in tokens_where(doc, "ORTH", surname.text.__eq__)
        if i != surname.i
    )


def correct_kinds(doc: Doc, found: list[Found]) -> list[Found]:
    """The candidates that name a person or an organisation, each with its kind."""
    places = places_of(doc) | {
        norm_name(f.name)
        for f in found
        if f.kind == "organisation" and " " not in f.name and _coordinated_with_place(doc, f)
    }  # "races in Erfurt and Stuttgart": Erfurt is a place wherever it is named
    person_tokens = {norm_name(w) for f in found if f.kind == "person" for w in f.name.split()}
    products = _products(doc, found)
    keep: list[Found] = []
    for f in found:
        if norm_name(f.name) in products:
            continue
        if f.party:
            kind: str | None = "organisation"
        elif f.kind == "organisation":
            kind = _org_kind(doc, f, places, person_tokens)
        else:
            kind = _person_kind(doc, f, places)
        if kind is not None:
            f.kind = kind
            keep.append(f)
    events = {
        f.name
        for f in found
        if f not in keep and len(f.name.split()) > 1 and f.name.split()[-1].lower() in NON_ORG_HEADS
    }
    return pool_kinds(doc, [f for f in keep if not _abbreviates(f.name, events)])


def _products(doc: Doc, found: list[Found]) -> set[str]:
    """Names of products ("the Patriot missile"), unless a mention acts as a firm: "Apple
    said", "an Apple spokesman", "Apple software ... Apple has sued" (the maker's name)."""
    named = {norm_name(f.name) for f in found if is_product(doc, f.start, f.end)}
    makers = {
        norm_name(f.name)
        for f in found
        if norm_name(f.name) in named
        and not is_product(doc, f.start, f.end)
        and acts_as_firm(doc, f)
    }
    return named - makers


def _abbreviates(name: str, events: set[str]) -> bool:
    """An acronym of an event's, a scheme's or a law's name ("CES" beside "Consumer
    Electronics Show"): neither a person nor an organisation either."""
    if not is_acronym(name):
        return False
    short = name.replace(".", "").upper()
    return any(short in initials(e) for e in events)
