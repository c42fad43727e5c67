"""Roles: the title before a name and the appositive after it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.annotate.entities.lexicon import GIVEN_NAMES_F, GIVEN_NAMES_M, HONORIFICS, UNISEX_NAMES
from app.annotate.entities.result import Found
from app.annotate.entities.vocabulary import is_cap
from app.annotate.given_names import gender_of
from app.annotate.names import ROLE_NOUNS, ROLE_SUFFIXES, TITLE_WORDS, norm_token, words
from app.annotate.nlp import sentence_of
from app.annotate.types import Entity


def role_before(doc: Doc, start: int) -> str | None:
    """Title phrase just before a name: "U.S. Ambassador to Japan" Rahm Emanuel."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in ("to", "of", "for", "and"):
        return None  # "the Labour MP for Birkenhead": the name is the role's object, no holder
    sent_start = sentence_of(doc[start]).start if start < len(doc) else 0
    words: list[int] = []
    while i >= sent_start:
        t = doc[i]
        if t.is_punct and t.text not in ("-", "."):
            break
        if t.lower_ == "and" and i > sent_start and doc[i - 1].ent_type_ == "PERSON":
            break  # "Minister Yoko Kamikawa and Defence Minister X": not one title
        if (
            is_cap(t)
            or t.lower_ in ("to", "of", "for", "and", "'s", "’s", "-")
            or (t.lower_ in ("former", "then", "deputy", "acting", "interim", "vice"))
            or _lower_role_word(t, start)
        ):
            words.append(i)
            i -= 1
            continue
        break
    while words and (
        doc[words[-1]].lower_ in ("to", "of", "for", "and", "-", "'s", "’s")
        or doc[words[-1]].pos_ in ("VERB", "ADP", "SCONJ")  # "According to budget officer X"
    ):
        words.pop()
    while words and norm_token(doc[words[0]].text) in HONORIFICS:
        words.pop(0)  # "Deputy prime minister Mr Tom Pratt": the title ends before "Mr"
    if not words:
        return None
    lo, hi = words[-1], words[0] + 1
    if not any(norm_token(doc[k].text) in TITLE_WORDS or _role_noun(doc[k]) for k in range(lo, hi)):
        return None
    if all(norm_token(doc[k].text) in HONORIFICS for k in range(lo, hi)):
        return None
    # begin at the first capitalised or role word
    text = doc[lo:hi].text
    return text if len(text) < 120 else None


def _lower_role_word(t: Token, start: int) -> bool:
    """A lower-case word of a title written before a name: "London mayor", "Everton manager",
    "seventh seed", "bank economist" (modifiers that lean on the name)."""
    if t.i == start - 1 and _role_noun(t):
        return True  # "hit dairy farmer Joe Bell": the name may hang on the title
    return (
        t.is_lower
        and t.pos_ in ("NOUN", "ADJ", "NUM")
        and t.dep_ in ("compound", "amod", "nummod", "nmod")
        and t.i < t.head.i <= start + 3
    )


def _role_noun(t: Token) -> bool:
    """A lower-case noun naming what a person does: "economist", "defender", "seed"."""
    return (
        t.is_lower
        and t.pos_ == "NOUN"
        and (t.lower_.endswith(ROLE_SUFFIXES) or t.lower_ in ROLE_NOUNS)
    )


def appositive_role(doc: Doc, start: int, end: int) -> str | None:
    head = doc[start:end].root
    spoken = end < len(doc) and doc[end].text == ":"  # "Wirth: “Simple stuff.”": their words
    for child in head.children:
        if child.dep_ == "appos" and child.i >= end and child.pos_ in ("NOUN", "PROPN"):
            if spoken:
                break
            sub = list(child.subtree)
            lo, hi = sub[0].i, sub[-1].i + 1
            while lo < hi and doc[lo].lower_ in ("a", "an", "the", ","):
                lo += 1
            while hi > lo and doc[hi - 1].is_punct:
                hi -= 1
            if child.ent_type_ in ("PERSON", "GPE", "ORG") and child.pos_ == "PROPN":
                continue
            text = doc[lo:hi].text
            if 0 < len(text) < 160:
                return text
    # "the ambassador, Rahm Emanuel": the name is the appositive
    if head.dep_ == "appos" and head.head.i < start and head.head.pos_ == "NOUN":
        h = head.head
        sub = [t for t in h.subtree if t.i < start]
        if sub:
            lo, hi = sub[0].i, h.i + 1
            while lo < hi and (doc[lo].lower_ in ("a", "an", "the") or doc[lo].is_punct):
                lo += 1
            text = doc[lo:hi].text
            if 0 < len(text) < 120:
                return text
    return None


_MALE = frozenset({"mr", "sir", "lord", "mister", "king", "prince", "father"})
_FEMALE = frozenset({"ms", "mrs", "miss", "madam", "dame", "lady", "queen", "princess"})


# Nouns for a person of one gender, before a name ("actress X") or heading its appositive
# ("X, the widow of ..."); nouns that English uses for either ("actor", "chairman") are left out.
_ROLE_F = words(
    """woman girl lady daughter wife mother mum mom sister widow girlfriend fiancee grandmother
    granddaughter aunt niece actress waitress hostess heiress businesswoman spokeswoman
    chairwoman congresswoman councilwoman policewoman sportswoman stepmother stepdaughter
    duchess countess baroness empress princess queen nun schoolgirl"""
)
_ROLE_M = words(
    """man boy son husband father dad brother widower boyfriend grandfather grandson uncle
    nephew businessman spokesman congressman councilman policeman sportsman stepfather stepson
    duke earl baron emperor prince king monk schoolboy"""
)


def _role_gender(words: list[str]) -> str | None:
    """ "m" or "f" when the words hold nouns of one gender only."""
    low = {norm_token(w) for w in words}
    f, m = bool(low & _ROLE_F), bool(low & _ROLE_M)
    return "f" if f and not m else "m" if m and not f else None


_ROLE_HEAD_END = words("of at for in to with from on by who whose which that ,")


def noun_gender(word: str) -> str | None:
    """ "f" for "woman", "mother"; "m" for "man", "father"; None for other words."""
    return _role_gender([word])


def _own_possessive(doc: Doc, f: Found) -> str | None:
    """ "X said in his decision", "X raised her concerns": the gender of the possessive in
    a phrase of the verb the mention is the subject of, when no one else is named there."""
    root = doc[f.start : f.end].root
    if root.dep_ != "nsubj":
        return None
    found = None
    for t in root.head.subtree:
        if t.ent_type_ == "PERSON" and not f.start <= t.i < f.end:
            return None
        if (
            t.tag_ == "PRP$"
            and t.lower_ in ("his", "her")
            and t.i > root.head.i  # (not "Given his views, X is hopeful": someone else's)
            and t.head.head.head.i == root.head.i
        ):
            found = found or ("m" if t.lower_ == "his" else "f")
    return found


def _listed_gender(first: str) -> str | None:
    """The gender of a first name in the small lists of one gender's names."""
    if first in UNISEX_NAMES:
        return None
    if first in GIVEN_NAMES_M and first not in GIVEN_NAMES_F:
        return "m"
    if first in GIVEN_NAMES_F and first not in GIVEN_NAMES_M:
        return "f"
    return None


def _told_by_the_text(doc: Doc, found: list[Found], entities: list[Entity]) -> dict[int, list[str]]:
    """A person's gender from their own pronouns, each time the text tells it ("X said in
    his decision", "X said she had ..."), where it always tells the same."""
    seen: dict[int, list[str]] = {}
    for f in found:
        if f.entity is None or entities[f.entity].kind != "person":
            continue
        for g in (_own_possessive(doc, f), _reported_self(doc, f)):
            if g is not None:
                seen.setdefault(f.entity, []).append(g)
    return {k: gs for k, gs in seen.items() if len(set(gs)) == 1}


_SELF_REPORTING = frozenset({"say", "tell", "add", "explain", "insist", "admit", "recall"})


def _reported_self(doc: Doc, f: Found) -> str | None:
    """ "X said she and her colleagues ...": X's gender from ``self_pronoun``."""
    root = doc[f.start : f.end].root
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in _SELF_REPORTING:
        return None
    pron = self_pronoun(root)
    return None if pron is None else "m" if pron == "he" else "f"


def self_pronoun(subj: Token) -> str | None:
    """ "the labourer says he ...": the he/she subject of the clause the subject's verb
    reports, which in indirect speech is (nearly always) the speaker."""
    for clause in subj.head.children:
        if clause.dep_ == "ccomp" and clause.i > subj.head.i:
            for c in clause.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she"):
                    return c.lower_
    return None


def _role_head(role: str) -> list[str]:
    """The words of a role before its first preposition or clause ("program director" of
    "program director at the Duke Foundation"): what the person is, not whom they serve."""
    head: list[str] = []
    for w in role.replace(",", " , ").split():
        if w.lower() in _ROLE_HEAD_END:
            break
        head.append(w)
    return head


def _add_role(entity: Entity, role: str | None) -> None:
    if role and role not in entity.roles:
        entity.roles.append(role)


def roles_and_gender(doc: Doc, found: list[Found], entities: list[Entity]) -> dict[int, str]:
    """Appositive roles onto the entities; people's gender ("m"/"f") from an honorific
    before a mention, else a gendered role, a first name in the small lists of one
    gender's names or in the given-name dictionary, and last the person's own pronouns in
    the text."""
    gender: dict[int, str] = {}
    for f in found:
        assert f.entity is not None
        if not f.party:  # "Labour, the old maxim goes, ...": a party's appositives mislead
            _add_role(entities[f.entity], appositive_role(doc, f.start, f.end))
        if entities[f.entity].kind == "person" and f.start > 0:
            prev = norm_token(doc[f.start - 1].text)
            if prev in _MALE:
                gender.setdefault(f.entity, "m")
            elif prev in _FEMALE:
                gender.setdefault(f.entity, "f")
            elif (by_title := _role_gender([prev])) is not None:
                gender.setdefault(f.entity, by_title)  # "actress X"
    told = _told_by_the_text(doc, found, entities)
    for i, e in enumerate(entities):
        if e.kind != "person" or i in gender:
            continue
        by_role = _role_gender([w for r in e.roles for w in _role_head(r)])
        first = norm_token(e.name.split()[0])
        listed = _listed_gender(first)
        dictionary = gender_of(first) if " " in e.name and first not in UNISEX_NAMES else None
        own = told.get(i, [])
        # the person's own pronouns outweigh the dictionary when they tell it twice (once,
        # "X said he was lovely", may be of someone else)
        by_text = own[0] if own else None
        if len(own) >= 2:
            dictionary = None
        found_gender = by_role or listed or dictionary or by_text
        if found_gender is not None:
            gender[i] = found_gender
    return gender
