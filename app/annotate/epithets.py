"""Age epithets that stand for a person named earlier: "the 38-year-old (defender)".

``person_of_age`` matches an age epithet to the person the article gave that age
("Maria Lopez, 38," or "38-year-old Maria Lopez"); ``known_ages`` lists the ages given, so that a
salient person with another age is not taken for the epithet.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from app.annotate.entities import EntityResult

_AGE = re.compile(r"\b(\d{1,3})\s*-\s*year\s*-\s*old\b", re.IGNORECASE)


def epithet_age(text: str) -> int | None:
    """The age in "the 38-year-old (defender)", or None."""
    m = _AGE.search(text)
    return int(m.group(1)) if m else None


def known_ages(
    doc: Doc, ents: EntityResult, mentions: list[tuple[int, int, int]]
) -> dict[int, int]:
    """Person entity -> the age the text gives them next to a mention."""
    out: dict[int, int] = {}
    for s, e, ent in mentions:
        if ents.entities[ent].kind != "person":
            continue
        after = doc[e : e + 3]
        comma_age = len(after) == 3 and after[0].text == "," and after[2].is_punct
        if comma_age and after[1].text.isdigit():
            out.setdefault(ent, int(after[1].text))
            continue
        m = _AGE.search(doc[max(0, s - 6) : s].text + " ")
        if m and doc[max(0, s - 6) : s].text.rstrip().endswith(("old", "old,")):
            out.setdefault(ent, int(m.group(1)))
    return out


def person_of_age(ages: dict[int, int], age: int, seen: set[int]) -> int | None:
    """The one person already mentioned (``seen``) whom the text gave this age."""
    found = [ent for ent, a in ages.items() if a == age and ent in seen]
    return found[0] if len(found) == 1 else None
