"""Step 2b: pooled kind votes. Every mention of a name casts votes from what surrounds it,
and the model's label at every occurrence of the same words casts one more; the name
takes the kind with the most votes, or is dropped as neither (a work, a product, a time
zone, a place). A tie keeps the kind step 2 gave.

Evidence for a person: an honorific ("Mr X" is always a person), a title before the name,
a first name from the given-name dictionary, the subject of a speech verb. For an
organisation: a descriptor ("the band X", "rivals X"), a member's role after the name
("X frontman Y"), a plural verb or a plural with "the". For neither: a work's noun after
the name ("the X films", "X author Y"), a product's ("X console", "Y's X"), a number or
time before it ("1500 GMT")."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc

from app.annotate.cues import SPEECH_VERBS
from app.annotate.entities.lexicon import (
    CLUB_HEADS,
    HONORIFICS,
    ORG_DESCRIPTORS,
    PRODUCT_AFTER,
    ROLE_AFTER_ORG,
    WORK_NOUNS,
)
from app.annotate.entities.result import Found
from app.annotate.entities.vocabulary import org_like
from app.annotate.given_names import is_given_name
from app.annotate.names import TITLE_WORDS, norm_name, norm_token

_LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "other",
    "LOC": "other",
    "PRODUCT": "other",
    "WORK_OF_ART": "other",
    "EVENT": "other",
    "FAC": "other",
}
_DECISIVE = 100  # "Mr X": no other evidence outweighs an honorific


def _label_votes(doc: Doc) -> dict[str, Counter[str]]:
    """The model's label at every occurrence of a name: name -> kind -> count."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in doc.ents:
        kind = _LABEL_KIND.get(ent.label_)
        if kind:
            text = ent.text.removeprefix("the ").removeprefix("The ")
            votes[norm_name(text)][kind] += 1
    return votes


def _before(doc: Doc, f: Found) -> str:
    return norm_token(doc[f.start - 1].text) if f.start > 0 else ""


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
    root = doc[f.start : f.end].root
    speaks = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS
    return int(before in TITLE_WORDS) + int(speaks)


def _org_votes(doc: Doc, f: Found) -> int:
    after, named = _after(doc, f)
    root = doc[f.start : f.end].root
    plural_verb = root.dep_ == "nsubj" and root.head.tag_ in ("VBP",) and f.end - f.start > 1
    words = f.name.split()
    club = len(words) > 1 and norm_token(words[-1]) in CLUB_HEADS
    return (
        int(_before(doc, f) in ORG_DESCRIPTORS)
        + int(after in ROLE_AFTER_ORG and named)
        + int(plural_verb)
        + int(club)
    )


def _other_votes(doc: Doc, f: Found) -> int:
    after, _ = _after(doc, f)
    prev = doc[f.start - 1] if f.start > 0 else None
    numbered = prev is not None and (prev.like_num or prev.ent_type_ == "TIME")
    owned = f.start > 1 and doc[f.start - 1].tag_ == "POS" and f.end - f.start == 1
    next_num = f.end < len(doc) and doc[f.end].like_num and doc[f.end].is_digit
    return (
        int(after in WORK_NOUNS)
        + int(after in PRODUCT_AFTER)
        + 2 * int(numbered)  # a time zone or a unit: nearly decisive
        + int(owned and f.kind == "organisation")
        + int(next_num)
    )


def _name_votes(
    doc: Doc, mentions: list[Found], labels: Counter[str], person_words: set[str]
) -> Counter[str]:
    votes: Counter[str] = Counter(labels)
    first = mentions[0].name.split()
    if len(first) > 1 and is_given_name(first[0]) and mentions[0].kind == "person":
        votes["person"] += 1  # supports a person; never makes one of an organisation
    if len(first) == 1 and norm_name(first[0]) in person_words:
        votes["person"] += len(mentions)  # a full name's surname or first name
    if len(first) == 1 and first[0][:1].islower() and any(c.isupper() for c in first[0]):
        votes["other"] += 1  # "iPhone": a product's spelling
    for f in mentions:
        votes["person"] += _person_votes(doc, f)
        votes["organisation"] += _org_votes(doc, f)
        votes["other"] += _other_votes(doc, f)
    return votes


def pool_kinds(doc: Doc, found: list[Found]) -> list[Found]:
    """Each name's mentions take the kind its pooled votes give; 'other' names dropped."""
    labels = _label_votes(doc)
    by_name: dict[str, list[Found]] = defaultdict(list)
    for f in found:
        by_name[norm_name(f.name)].append(f)
    person_words = {
        norm_name(w) for f in found if f.kind == "person" and " " in f.name for w in f.name.split()
    }
    drop: set[str] = set()
    for name, mentions in by_name.items():
        words = mentions[0].name.split()
        if org_like(words) or mentions[0].party:
            continue  # "... GmbH", "... Motors", "Tories": the words decide
        votes = _name_votes(doc, mentions, labels.get(name, Counter()), person_words)
        if name + "s" in by_name or (name.endswith("s") and name[:-1] in by_name):
            votes["other"] += len(mentions)  # "iPhones": a name in the plural is a thing
        current = mentions[0].kind
        best = max(votes, key=lambda k: (votes[k], k == current), default=current)
        if votes[best] <= votes[current]:
            continue
        if best == "other":
            drop.add(name)
        for f in mentions:
            f.kind = best
    return [f for f in found if norm_name(f.name) not in drop]
