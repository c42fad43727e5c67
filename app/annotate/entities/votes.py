"""Step 2b: pooled kind votes. Every mention of a name casts votes from what surrounds it,
and the model's label at every occurrence of the same words casts one more; the name
takes the kind with the most votes, or is dropped as neither (a work, a product, a time
zone, a place). A tie keeps the kind step 2 gave.

Evidence for a person: an honorific ("Mr X" is always a person), a title before the name,
a first name from the given-name dictionary, the subject of a speech verb. For an
organisation: a descriptor ("the band X", "rivals X"), a member's role after the name
("X frontman Y"), a plural verb or a plural with "the". For neither: a work's noun after
the name ("the X films", "X author Y"), a product's ("X console", "Y's X"), a number or
time before it ("1500 GMT"), and the uses of ``things``: a style listed with common nouns,
a ground, a league as its competition, a show with a cast, a film up for a prize."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc

from app.annotate.cues import SPEECH_VERBS
from app.annotate.entities.gazetteer import activity_body
from app.annotate.entities.lexicon import (
    HOLDING_NOUNS,
    HONORIFICS,
    KIN_NOUNS,
    LEGISLATOR_AFTER,
    LEGISLATURES,
    MARKET_VERBS,
    NAME_PARTICLES,
    ORG_AFTER,
    ORG_DESCRIPTORS,
    PEER_TITLES,
    PLACE_AFTER,
    POST_NOMINALS,
    PRODUCT_AFTER,
    ROLE_AFTER_ORG,
    STAFF_NOUNS,
    VENUE_AFTER,
    WORK_DESCRIPTORS,
    WORK_NOUNS,
    WORK_PLURALS,
)
from app.annotate.entities.mentions import followed_by_age, named_relative
from app.annotate.entities.result import Found
from app.annotate.entities.things import (
    competition_use,
    contender_for_an_award,
    ground_of_a_match,
    listed_with_common_nouns,
    part_of_a_work,
)
from app.annotate.entities.vocabulary import (
    adjectives,
    club_like,
    common_nouns,
    follows_a_full_name,
    modifier_left_out,
    names_a_body,
    org_like,
)
from app.annotate.given_names import is_given_name
from app.annotate.names import (
    ROLE_NOUNS,
    TITLE_WORDS,
    initial_of,
    is_acronym,
    norm_name,
    norm_token,
    words,
)
from app.annotate.nlp import tokens_where
from app.annotate.offices import OFFICES, PORTFOLIO_WORDS

_LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "other",
    "LOC": "other",
    "PRODUCT": "other",
    "WORK_OF_ART": "other",
    "EVENT": "other",
    "FAC": "other",
    "NORP": "other",  # a nationality (parties are decided by their words first)
}
# the text's demonyms, names before a place's noun, and names of what is held ("shares in X")
_Places = tuple[list[str], set[str], set[str]]
_DECISIVE = 100  # "Mr X": no other evidence outweighs an honorific
# Descriptors of a group of people ("the band X", "pop group Y") or of a newspaper ("Spanish
# daily X"): X is no one person, even when named like one.
COLLECTIVES = frozenset(
    {"band", "bands", "group", "duo", "trio", "quartet", "orchestra", "choir"}
    | {"newspaper", "daily", "tabloid", "broadsheet"}
)
LABEL_CAP = 2  # the model's labels of one name count at most this often
SPOKES_AFTER = words("spokesman spokeswoman spokesperson")  # "the X spokesman said"


def _label_votes(doc: Doc) -> dict[str, Counter[str]]:
    """The model's label at every occurrence of a name: name -> kind -> count."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in doc.ents:
        kind = _LABEL_KIND.get(ent.label_)
        if kind:
            left_out = kind == "organisation" and modifier_left_out(doc, ent.start, ent.end)
            span = doc[ent.start - 1 : ent.end] if left_out else ent  # "[Dairy] Farmers of X"
            text = span.text.removeprefix("the ").removeprefix("The ")
            votes[norm_name(text)][kind] += 1
    return votes


def _before(doc: Doc, f: Found) -> str:
    return norm_token(doc[f.start - 1].text) if f.start > 0 else ""


def _described_as_work(doc: Doc, f: Found) -> bool:
    """ "the film X", "movie The X", "X, a film biography of ...": a work's noun before the
    name (past a "the") or as its appositive."""
    k = f.start - 1
    if k >= 0 and doc[k].lower_ in ("the", ","):  # "movie The X", "her cookbook, X"
        k -= 1
    if k >= 0 and doc[k].lemma_.lower() in WORK_DESCRIPTORS:
        return True
    root = doc[f.start : f.end].root
    if any(c.dep_ == "appos" and c.lemma_.lower() in WORK_DESCRIPTORS for c in root.children):
        return True
    return _set_off_after_a_work(doc, f)


def _set_off_after_a_work(doc: Doc, f: Found) -> bool:
    """ "a fifth album in ten years, X, for the autumn": a name between commas right after
    a phrase whose noun is a work's, however it was parsed."""
    k = f.start - 1
    if k < 1 or doc[k].text != "," or f.end >= len(doc) or doc[f.end].text != ",":
        return False
    for t in reversed(doc[max(0, k - 5) : k]):
        if t.pos_ in ("VERB", "AUX", "PROPN") or t.text in ",;:" or t.tag_ == "POS":
            return False  # (not "the film's backers, X,": the film's, not the film)
        if t.tag_ == "NN" and t.is_lower and t.lemma_.lower() in WORK_DESCRIPTORS:
            return True
    return False


def _named_as_work(doc: Doc, f: Found) -> bool:
    """ "the film X", "British movie X": a work's noun (a noun, not "play" or "single" of a
    match) right before the name."""
    k = f.start - 1
    return k >= 0 and doc[k].tag_ == "NN" and doc[k].lower_ in WORK_DESCRIPTORS


def _after(doc: Doc, f: Found) -> tuple[str, bool]:
    """The word after the mention, and whether a proper noun follows that word."""
    if f.end >= len(doc):
        return "", False
    nxt = doc[f.end]
    named = f.end + 1 < len(doc) and doc[f.end + 1].pos_ == "PROPN"
    return nxt.lower_, named


def _person_votes(doc: Doc, f: Found) -> int:
    before = _before(doc, f)
    if before in HONORIFICS:
        return _DECISIVE
    speaks = _speaks(doc, f) and not is_acronym(f.name)  # "the FBI said": it speaks too
    lettered = f.end < len(doc) and doc[f.end].text.upper() in POST_NOMINALS  # "X QC"
    kin = before in KIN_NOUNS or named_relative(doc, f)  # "sister X": family are people
    aged = followed_by_age(doc, f)  # "Jo Roe, 61,": a name given an age is a person's
    return (
        int(before in TITLE_WORDS or _role_noun_before(doc, f))
        + int(speaks)
        + 2 * int(lettered or kin or aged)
        + _self_reference(doc, f)
    )


def _role_noun_before(doc: Doc, f: Found) -> bool:
    """ "critic Obiageli Nnaji": a lower-case noun for what a person does (not the verb of
    "Bolton host Arsenal")."""
    before = doc[f.start - 1] if f.start > 0 else None
    return before is not None and before.pos_ == "NOUN" and before.text in ROLE_NOUNS


def _self_reference(doc: Doc, f: Found) -> int:
    """ "X admitted he was ...", "X said: “I ...”": a speaker who is "he", "she" or "I" in
    what they say is one person (an organisation is "it" or "we")."""
    words = f.name.split()
    if not _speaks(doc, f) or not _name_like_a_person(words):
        return 0
    verb = doc[f.start : f.end].root.head
    for t in doc[verb.i + 1 : verb.sent.end]:
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "PRP":
            return int(t.lower_ in ("he", "she", "i"))
    return 0


def _name_like_a_person(words: list[str]) -> bool:
    """No connecting word ("News of the World") and no adjective first ("Catholic Herald"),
    unless it is a given name too."""
    first = words[0].lower()
    return not any(w in ("of", "the", "for", "and") for w in words) and (
        first not in adjectives() or is_given_name(first)
    )


def _speaks(doc: Doc, f: Found) -> bool:
    root = doc[f.start : f.end].root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS


_LISTED_OR_COUNTED = frozenset({"conj", "cc", "amod", "det", "nummod", "quantmod", "predet"})


def _plural_subject(doc: Doc, f: Found) -> bool:
    """ "X have", "X were": a name taking a plural verb is a group. One word alone counts
    only with a present-tense plural verb ("X have"; "if X were" may be a wish), and
    neither listed ("X and Y have") nor counted ("41 X are")."""
    root = doc[f.start : f.end].root
    if root.dep_ != "nsubj":
        return False
    verbs = [root.head, *(c for c in root.head.children if c.dep_ == "aux")]
    if f.end - f.start < 2:  # not "many X are" either: a people's plural noun
        modified = any(c.dep_ in _LISTED_OR_COUNTED for c in root.children)
        return not modified and any(v.tag_ == "VBP" and v.lower_ != "'m" for v in verbs)
    return any(v.tag_ == "VBP" or v.lower_ in ("were", "are", "have") for v in verbs)


def _next_possessive(doc: Doc, f: Found) -> str:
    """The first possessive pronoun after the mention in its sentence ("its", "his")."""
    sent_end = doc[f.start].sent.end
    for t in doc[f.end : sent_end]:
        if t.lower_ in ("its", "his", "her", "their"):
            return t.lower_
    return ""


def _subject_of_its(doc: Doc, f: Found) -> bool:
    root = doc[f.start : f.end].root
    return root.dep_ == "nsubj" and _next_possessive(doc, f) == "its"


def acts_as_firm(doc: Doc, f: Found) -> bool:
    """The mention speaks, has "its" things, staff or a role held at it, or a firm's noun
    before it ("X said", "X sued to protect its products", "an X spokesman", "the chief
    executive of X", "brewer X")."""
    return (
        _speaks(doc, f)
        or _subject_of_its(doc, f)
        or _role_of(doc, f)
        or _staff_after(doc, f)
        or org_descriptor_before(doc, f)
    )


def _role_of(doc: Doc, f: Found) -> bool:
    """ "chief executive of X", "a spokesman for X", "a researcher at X": X has staff, an
    organisation."""
    if f.start < 2 or doc[f.start - 1].lower_ not in ("of", "for", "at"):
        return False
    head = norm_token(doc[f.start - 2].text)
    if doc[f.start - 1].lower_ == "at" and doc[f.start - 2].lemma_.lower() in STAFF_NOUNS:
        return True
    return head in TITLE_WORDS or head in ROLE_AFTER_ORG


def _org_compound(doc: Doc, f: Found) -> bool:
    """ "the X cybersecurity unit", "the X group": the name modifies an organisation's
    noun."""
    root = doc[f.start : f.end].root
    head = root.head
    return root.dep_ == "compound" and head.i >= f.end and head.lemma_.lower() in ORG_AFTER


def _org_votes(doc: Doc, f: Found) -> int:
    after, named = _after(doc, f)
    plural_the = (
        f.kind == "person" and _before(doc, f) == "the" and doc[f.end - 1].tag_ == "NNPS"
    )  # "the Scissor Sisters"
    return (
        int(_role_of(doc, f))  # "the chief executive of X"
        + int(_subject_of_its(doc, f))  # "Yukos is confident of its right"
        + int(org_descriptor_before(doc, f) and not members_of_collective(doc, f))
        + _DECISIVE * int(_after_collective(doc, f))  # "the band X": never one person
        + int(after in ROLE_AFTER_ORG and named)
        + 3 * int(after in LEGISLATOR_AFTER and named)  # "Bloc Québécois MP Jo Roe"
        + int(after in SPOKES_AFTER and not named)  # "the Acme spokesman said"
        + int(_plural_subject(doc, f))
        + int(plural_the)
        + int(_org_compound(doc, f))
        + 3 * int(_of_a_person(doc, f))
        + 2 * int(_named_for_a_place(doc, f))
    )


def _named_for_a_place(doc: Doc, f: Found) -> bool:
    """ "Statistics Norway", "Elections Ontario": a common noun before a place's name is a
    body's name, never a person's."""
    return (
        2 <= f.end - f.start <= 4
        and all(t.ent_type_ == "GPE" for t in doc[f.start + 1 : f.end])
        and doc[f.start].ent_type_ in ("", "ORG")
        and names_a_body(doc[f.start])
    )


def org_descriptor_before(doc: Doc, f: Found) -> bool:
    """A common noun for an organisation right before the name ("contractors X", "the agency
    X"), not the capitalised last word of a name before it ("the Child Support Agency X")."""
    return (
        f.start > 0
        and (doc[f.start - 1].text.islower() or bool(doc[f.start - 1].is_sent_start))
        and _before(doc, f) in ORG_DESCRIPTORS
    )


def _modifies_next_noun(doc: Doc, f: Found) -> bool:
    """The name is a modifier of the common noun right after it ("35 Acme goods"; not a
    nationality's, "three Welsh quangos")."""
    last = doc[f.end - 1]
    return (
        f.end < len(doc)
        and doc[f.end].pos_ == "NOUN"
        and last.head.i >= f.end
        and last.lower_ not in adjectives()
    )


def _staff_after(doc: Doc, f: Found) -> bool:
    """A member's or spokesperson's noun right after the name ("an Acme spokesman")."""
    after, _named = _after(doc, f)
    return after in ROLE_AFTER_ORG or after in STAFF_NOUNS


def _of_a_person(doc: Doc, f: Found) -> bool:
    """A name after "<a person's full name> of": where the person works ("analyst Tom Forte
    of D.A. Davidson"), never another person (unless it starts with a first name)."""
    return (
        f.start >= 1
        and doc[f.start - 1].lower_ == "of"
        and follows_a_full_name(doc, f.start - 1)
        and not _first_name_first(f.name)
    )


def _first_name_first(name: str) -> bool:
    first = name.split()[0]
    return first.isalpha() and is_given_name(first)  # (not initials: "D.A.")


def _after_collective(doc: Doc, f: Found) -> bool:
    """ "the band X", "pop duo X"; not the members of one (``members_of_collective``)."""
    return _before(doc, f) in COLLECTIVES and not members_of_collective(doc, f)


def members_of_collective(doc: Doc, f: Found) -> bool:
    """ "Scotland duo X Y and Z W": a full name joined to another name after a collective
    noun names one of its members, a person."""
    return (
        _before(doc, f) in COLLECTIVES
        and f.end - f.start > 1
        and f.end + 1 < len(doc)
        and doc[f.end].lower_ in ("and", "&")
        and doc[f.end + 1].pos_ == "PROPN"
    )


def places_named(doc: Doc) -> set[str]:
    """Names used before a place's noun anywhere in the text, whatever the model labelled
    them: "the X volcano", "X district", "the X index"."""
    out = set()
    for i in tokens_where(doc, "ORTH", lambda w: w in PLACE_AFTER):  # lower case only
        t = doc[i]
        k = t.i
        while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].text[:1].isupper():
            k -= 1
        if k < t.i:
            out.add(norm_name(doc[k : t.i].text))
    return out


def held(doc: Doc) -> set[str]:
    """Names of what is held anywhere in the text, whatever the model labelled them: "shares
    in X", "a stake in X Y" (X and X Y), "shareholders of X"."""
    out = set()
    for i in tokens_where(doc, "LEMMA", lambda w: w.lower() in HOLDING_NOUNS):
        if i + 2 >= len(doc) or doc[i + 1].lower_ not in ("in", "of"):
            continue
        k = i + 2
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
            out.add(norm_name(doc[i + 2 : k].text))
    return out


def _market_figure(doc: Doc, f: Found) -> bool:
    """ "X rose 0.3 per cent to 26,902": an index or a share price moves, no one does."""
    root = doc[f.start : f.end].root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() not in MARKET_VERBS:
        return False
    tail = doc[verb.i + 1 : min(verb.sent.end, verb.i + 8)]
    return any(t.lower_ in ("per", "percent", "%", "points") for t in tail)


def _played_by(doc: Doc, f: Found) -> bool:
    """ "Lance (Tom Taylor)", "Bedders (a wonderful Jo Roe)": a character, with the actor
    who plays them ending the brackets after the name."""
    k = f.end
    if f.kind != "person" or k >= len(doc) or doc[k].text != "(":
        return False
    close = next((t.i for t in doc[k + 1 : k + 14] if t.text == ")"), None)
    if close is None or close - k < 3:
        return False
    actor = doc[close - 1]
    return actor.ent_type_ == "PERSON" and doc[close - 2].ent_type_ == "PERSON"


def _cast_as(doc: Doc, f: Found) -> bool:
    """ "Jane Roe as Alex", "Jane Roe, his sister, as the would-be queen, Alex": an actor
    cast as a character (the name after "as", past a described role)."""
    k = f.start - 1
    if k >= 0 and doc[k].text == ",":  # "as the would-be queen, Alex"
        k -= 1
        stop = max(0, k - 6)
        while k > stop and doc[k].text != "," and doc[k].pos_ != "VERB" and doc[k].lower_ != "as":
            k -= 1
    if k < 1 or doc[k].lower_ != "as" or doc[k].dep_ == "mark":
        return False  # (not "as X raced to victory": a clause's subject)
    return any(t.ent_type_ == "PERSON" for t in doc[max(0, k - 12) : k])


def _other_votes(doc: Doc, f: Found) -> int:
    after, _ = _after(doc, f)
    prev = doc[f.start - 1] if f.start > 0 else None
    # "1900 GMT", "two iPods" (not "35 Acme goods": the name modifies a noun)
    numbered = prev is not None and (prev.like_num or prev.ent_type_ == "TIME")
    numbered = numbered and not _modifies_next_noun(doc, f)
    owned = f.start > 1 and doc[f.start - 1].tag_ == "POS" and f.end - f.start == 1
    next_num = f.end < len(doc) and doc[f.end].like_num and doc[f.end].is_digit
    # "its iPod", "an iPod" (not "an Acme spokesman": staff, so an organisation)
    owned_by = _before(doc, f) in ("its", "their", "an", "a") and not _staff_after(doc, f)
    titled = (  # "X and the Prisoner of Azkaban": part of a title
        f.end + 2 < len(doc)
        and doc[f.end].lower_ == "and"
        and doc[f.end + 1].lower_ == "the"
        and doc[f.end + 2].text[:1].isupper()
    )
    modifier = (  # "the X games": a name as a modifier after "the"
        f.kind == "person" and _before(doc, f) == "the" and f.end < len(doc)
    ) and doc[f.end].pos_ == "NOUN"
    # "an Atomic Bomb", "a Royal Marine": no one is "a" full name (but "a Luciano Orquera
    # penalty", "a Bob Deans try" are a person's: not one with a given name or modifying the
    # noun after it)
    indefinite = f.kind == "person" and _before(doc, f) in ("a", "an") and f.end - f.start > 1
    indefinite = indefinite and not (
        is_given_name(f.name.split()[0]) or _modifies_next_noun(doc, f)
    )
    return (
        2 * int(after in WORK_NOUNS or _described_as_work(doc, f))
        + 2 * int(_named_as_work(doc, f))  # "the film X": the text says what it is
        + 2 * int(titled or _listed_as_work(doc, f) or _listed_with_a_work(doc, f))
        + int(_owned_by_person(doc, f))
        + int(after in PRODUCT_AFTER)
        + 2 * int(after in VENUE_AFTER)
        + 2 * int(numbered)  # a time zone or a unit: nearly decisive
        + 2 * int(_in_one_word(doc, f) or _where_something_happens(doc, f))
        + int(owned and f.kind == "organisation")
        + int(next_num)
        + int(modifier)
        + 2 * int(indefinite)
        + int(owned_by and f.end - f.start == 1 and f.kind == "organisation")
        # nearly decisive: no one rises 0.6 per cent; an actor's part is no one either
        + 4 * int(_market_figure(doc, f) or _played_by(doc, f) or _cast_as(doc, f))
        + 10 * int(_portfolio(doc, f))  # outweighs the label and the title after it
        + 2 * int(_home_of(doc, f) or _region_after_place(doc, f))
        + 2 * int(listed_with_common_nouns(doc, f))  # "the folk and X charts": a style
        + 2 * int(ground_of_a_match(doc, f))  # "lost 2-0 at X": a ground
        + 2 * int(competition_use(doc, f) and not acts_as_firm(doc, f))  # "the X League tie"
        + 2 * int(part_of_a_work(doc, f) or contender_for_an_award(doc, f))  # a work
    )


# Nouns for a person by where they live: "a Kelowna man", "a Halifax resident" (a company
# has staff, not men or residents).
_RESIDENT_NOUNS = frozenset({"man", "woman", "teen", "teenager", "resident", "native"})


def _home_of(doc: Doc, f: Found) -> bool:
    """ "a Kelowna man", "an Ottawa resident": a name between "a" and a noun for one of its
    residents."""
    return _before(doc, f) in ("a", "an") and _after(doc, f)[0] in _RESIDENT_NOUNS


def _region_after_place(doc: Doc, f: Found) -> bool:
    """ "in Arviat, Nunavut,": one word after a place and a comma is the place's region."""
    k = f.start
    return (
        f.end - k == 1
        and k >= 3
        and doc[k - 1].text == ","
        and doc[k - 2].ent_type_ == "GPE"
        and doc[k - 3].lower_ in ("in", "near", "outside")
        and (f.end >= len(doc) or doc[f.end].text in (",", "."))
    )


def _portfolio(doc: Doc, f: Found) -> bool:
    """ "Alberta Energy Minister Jo Roe": a portfolio in an office's title, not a body."""
    last = doc[f.end - 1].lower_
    after = doc[f.end].lower_ if f.end < len(doc) else ""
    return last in PORTFOLIO_WORDS and (after in OFFICES or after == "critic")


def _in_one_word(doc: Doc, f: Found) -> bool:
    """ "a clinic in Hamilton": one word taken for an organisation after "in" is where (not "a
    stake in X", "investors in X", "in X's shares", "in Parliament", "in NATO")."""
    if f.kind != "organisation" or f.end - f.start != 1 or f.start < 2:
        return False
    if doc[f.start - 1].text != "in":
        return False
    word, before = doc[f.start].text, doc[f.start - 2]
    owner = f.end < len(doc) and doc[f.end].tag_ == "POS"  # "a fall in Sony's shares"
    return (
        not owner
        and not word.isupper()
        and word.lower() not in LEGISLATURES
        and before.lemma_.lower() not in HOLDING_NOUNS | _INVESTING
    )


_INVESTING = frozenset({"invest", "investment", "investor", "interest"})


def _where_something_happens(doc: Doc, f: Found) -> bool:
    """ "In Sri Lanka, ...", "the worst-hit areas were in X", "she starred in X": a name
    after an "in" that opens the sentence or modifies a verb is where (or a work), not who
    ("confidence in X" and "in X's Britain" stay)."""
    if f.start < 1 or doc[f.start - 1].lower_ != "in" or f.end - f.start > 3:
        return False
    prep = doc[f.start - 1]
    owner = f.end < len(doc) and doc[f.end].tag_ == "POS"
    verb = prep.head if prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX") else None
    if verb is not None and verb.lemma_.lower() in _NOT_WHERE_VERBS:
        return False  # "quoted in X" (a paper), "invested in X" (a firm), "drafted in X"
    where = prep.is_sent_start or verb is not None
    return where and not owner and not doc[f.start].text.isupper()


# Verbs whose "in X" names a publication, a firm or a person brought into a side.
_NOT_WHERE_VERBS = words(
    """quote publish report write say tell print invest draft bring call believe trust
    interest"""
)


def _listed_as_work(doc: Doc, f: Found) -> bool:
    """ "films like X", "movies such as X and Y": a name in a list of works."""
    window = doc[max(0, f.start - 6) : f.start]
    for k, t in enumerate(window):
        if t.lemma_.lower() not in WORK_PLURALS:
            continue
        if window[k + 1 :].text.lower().startswith(("like", "such as", "including")):
            return True
    return False


def _listed_with_a_work(doc: Doc, f: Found) -> bool:
    """ "Finding Neverland, The X and British film Vera Drake": a name that is no given name
    and a surname, in a list with a work the text calls one."""
    if is_given_name(f.name.split()[0]):
        return False
    first = doc[f.start : f.end].root
    while first.dep_ == "conj" and first.head.i < first.i and first.head.pos_ == "PROPN":
        first = first.head
    listed = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.head.pos_ == "PROPN")]
    if len(listed) < 2:
        return False
    for t in listed:
        if f.start <= t.i < f.end:
            continue
        if any(c.lower_ in WORK_DESCRIPTORS and c.text.islower() for c in t.lefts):
            return True  # "British film Vera Drake" (not the name "X Films")
    return False


def _owned_by_person(doc: Doc, f: Found) -> bool:
    """ "Mike Leigh's Vera Drake": a person's possession is not a person (a work)."""
    if f.start < 2 or doc[f.start - 1].tag_ != "POS":
        return False
    return doc[f.start - 2].ent_type_ == "PERSON"


def _name_votes(
    doc: Doc, mentions: list[Found], labels: Counter[str], places: _Places
) -> Counter[str]:
    """The votes of one name: each label the model gave it once, the evidence per use."""
    words = max((f.name.split() for f in mentions), key=len)
    cap = 1 if len(words) == 1 and not is_given_name(words[0]) else LABEL_CAP
    votes: Counter[str] = Counter({kind: min(n, cap) for kind, n in labels.items()})
    demonyms, named, held = places
    if _has_demonym(demonyms, " ".join(words)):
        votes["other"] += 2  # "Sri Lanka" beside "Sri Lankan": a place
    if norm_name(" ".join(words)) in named:
        votes["other"] += 2  # "the X volcano" somewhere in the text
    if norm_name(" ".join(words)) in held:
        votes["organisation"] += 2  # "shares in X" somewhere in the text
    if len(words) > 1 and is_given_name(words[0]) and mentions[0].kind == "person":
        # supports a person (never makes one of an organisation); only one vote, as many
        # works and places begin with a first name ("Harry Potter", "Sri Lanka")
        votes["person"] += 1
    if _initial_and_surname(words):
        votes["person"] += 2  # "C Hodgson": an initial and a surname, as in a team sheet
    if len(words) == 1 and words[0][:1].islower() and any(c.isupper() for c in words[0]):
        votes["other"] += 1  # "iPhone": a product's spelling
    for f in mentions:
        votes["person"] += _person_votes(doc, f)
        votes["organisation"] += _org_votes(doc, f)
        votes["other"] += _other_votes(doc, f)
    return votes


def _initial_and_surname(words: list[str]) -> bool:
    """ "C Hodgson", "P de Villiers"."""
    return (
        len(words) >= 2
        and len(words[0].rstrip(".")) == 1
        and words[0][:1].isupper()
        and all(w in NAME_PARTICLES for w in words[1:-1])
        and words[-1][:1].isupper()
    )


def _has_demonym(demonyms: list[str], name: str) -> bool:
    """Whether the text uses an adjective of people made from this name ("Sri Lankan")."""
    return any(d.startswith(name) and 0 < len(d) - len(name) <= 3 for d in demonyms)


def _name_groups(found: list[Found]) -> dict[str, list[Found]]:
    """Mentions by name; a one-word person's name joins the only longer name it ends or
    begins ("Eastwood" pools with "Clint Eastwood"; the firm "Norvex" stays apart from
    "Norvex Talon")."""
    groups: dict[str, list[Found]] = defaultdict(list)
    longer: dict[str, set[str]] = defaultdict(set)
    spelt = [[w for w in map(norm_name, f.name.split()) if w] for f in found]
    # a hyphenated surname alone is one word ("Arsenault-Dunn" of "Claire Arsenault-Dunn")
    surnames = {
        ws[-1] for f, ws in zip(found, spelt, strict=True) if f.kind == "person" and len(ws) > 1
    }
    words_of = [
        ws if len(ws) > 1 or (ws and ws[0] in surnames) else norm_name(f.name).split()
        for f, ws in zip(found, spelt, strict=True)
    ]
    for ws in words_of:
        if len(ws) > 1:
            longer[ws[-1]].add(" ".join(ws))
            longer[ws[0]].add(" ".join(ws))
    for f, ws in zip(found, words_of, strict=True):
        name = norm_name(f.name)
        owners = _one_person(longer.get(name, set())) if f.kind == "person" else set()
        one_word = len(ws) == 1
        groups[next(iter(owners)) if len(owners) == 1 and one_word else name].append(f)
    return groups


def _one_person(owners: set[str]) -> set[str]:
    """ "charlie hodgson" and "c hodgson" are one owner: the name written out in full."""
    if len(owners) < 2:
        return owners
    full = max(owners, key=lambda o: (len(o.split()[0]), o))
    same = all(o == full or initial_of(o.split(), full.split()) for o in owners)
    return {full} if same else owners


def _decided(doc: Doc, words: list[str], f: Found) -> bool:
    """Names whose own words decide their kind ("... GmbH", "Manchester United", a party),
    unless they are an office's portfolio ("Alberta Energy Minister") or a league named as
    the competition ("in the X League")."""
    named = org_like(words) or club_like(words) or activity_body(words) or f.party
    return named and not _portfolio(doc, f) and not competition_use(doc, f)


def _no_first_name(name: str) -> bool:
    return not is_given_name(name.split()[0])


def _named_after_an_organisation(name: str, groups: dict[str, list[Found]]) -> bool:
    """A longer name whose first word is an organisation named alone in this text."""
    first = name.split()[0]
    if " " not in name or first not in groups or is_given_name(first):
        return False
    return any(f.kind == "organisation" for f in groups[first])


def _bare_adjective(name: str, groups: dict[str, list[Found]]) -> bool:
    """An English adjective (never a noun) standing alone, not the short form of a longer
    name in this text ("Continental" beside "Continental Airlines" is)."""
    if " " in name or name not in adjectives() or name in common_nouns():
        return False
    return not any(name in longer.split() for longer in groups if " " in longer)


def _plural_of_another(name: str, names: set[str]) -> bool:
    """ "iPhones" beside "iPhone": a name used in the plural is a thing."""
    return name + "s" in names or (name.endswith("s") and name[:-1] in names)


def decisive_kind(doc: Doc, mentions: list[Found]) -> str | None:
    """The kind the text's own words give a name, for the whole corpus: a person after an
    honorific that is no peer's title ("Mr X"), a group after a collective ("the band X")."""
    before = {_before(doc, f) for f in mentions}
    person = bool(before & (HONORIFICS - PEER_TITLES))
    group = any(_after_collective(doc, f) for f in mentions)
    if person == group:
        return None
    return "person" if person else "organisation"


def _said_again(doc: Doc, name: str, mentions: list[Found], surnames: set[str]) -> int:
    """The person votes to take back from a one-word name that speaks more than once: a
    firm says things as often as a person does ("Nestle said ... Nestle added"), unless the
    word is a given name or ends a longer name in the article ("Eriksson")."""
    if " " in name or name in surnames or is_given_name(name):
        return 0
    speaking = sum(_speaks(doc, f) and not is_acronym(f.name) for f in mentions)
    return max(0, speaking - 1)


def _family_name(name: str, groups: dict[str, list[Found]], labels: Counter[str]) -> bool:
    """A word alone that ends two full names of the article, and that the model takes for
    a body at most once: the family's name ("Ford" that the model calls a firm again and
    again is the firm, beside "Bill Ford" and "Henry Ford")."""
    if " " in name or labels["organisation"] > 1:
        return False
    return sum(n.split()[-1] == name for n in groups if " " in n) > 1


def pool_kinds(doc: Doc, found: list[Found]) -> list[Found]:
    """Each name's mentions take the kind its pooled votes give; a name voted neither is
    hidden (its entity carries the votes to the corpus, with no mentions). Every mention
    keeps its name's votes (`Found.votes`) for the entity's kind votes."""
    labels = _label_votes(doc)
    places = ([e.text for e in doc.ents if e.label_ == "NORP"], places_named(doc), held(doc))
    groups = _name_groups(found)
    surnames = {n.split()[-1] for n in groups if " " in n}  # "Eriksson" of "Sven-Goran Eriksson"
    for name, mentions in groups.items():
        first = max(mentions, key=lambda f: len(f.name.split()))
        votes = _name_votes(doc, mentions, labels.get(name, Counter()), places)
        votes["person"] -= _said_again(doc, name, mentions, surnames)
        if _family_name(name, groups, labels.get(name, Counter())):
            votes["person"] += 2  # "the elder Roe" beside "Jo Roe" and "Al Roe": family
        current = first.kind
        if current == "person" and _named_after_an_organisation(name, groups):
            votes["organisation"] += 3  # "Cisco Talos" beside "Cisco": a unit of the firm
        if _bare_adjective(name, groups):
            votes["other"] += 2  # "Digital": an English adjective alone names nothing
        if (
            current == "person"
            and _no_first_name(name)
            and votes["organisation"] >= votes["person"]
        ):
            current = "organisation"  # no first name: a firm more often than a person
        plural = name.endswith("s") and name[:-1] in groups  # "the Audrey Parkers"
        if plural and " " in name:
            votes["other"] += votes["person"] + 1
        elif (
            _plural_of_another(name, set(groups))
            and (current != "person" or " " not in name)
            and not any(_speaks(doc, f) for f in mentions)  # a product never speaks
        ):
            votes["other"] += len(mentions)  # not "the Audrey Parkers of this world"
        best = max(votes, key=lambda k: (votes[k], k == current), default=current)
        if _decided(doc, first.name.split(), first) or votes[best] <= votes[current]:
            best = current
        decisive = decisive_kind(doc, mentions)
        for f in mentions:
            f.votes, f.decisive = votes, decisive
            f.hidden = best == "other"
            if best != "other" and not _decided(doc, f.name.split(), f):
                f.kind = best
    return found
