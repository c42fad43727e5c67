"""An acronym and its expansion are one speaker: "the Canada Revenue Agency (CRA)" ... "CRA said".

Entities are decided elsewhere (``entities``); this step only chooses which of an article's
entities a quotation's speaker is: an acronym speaker becomes the entity whose name it
abbreviates, when exactly one entity of the article does.
"""

from __future__ import annotations

from app.annotate.entities import EntityResult
from app.annotate.names import words

_FUNCTION_WORDS = words("of the and for on in to at de du des la le el &")


def is_acronym(name: str) -> bool:
    """ "CRA", "U.N.", "NHS": two to eight capital letters (dots allowed)."""
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def initials(name: str) -> set[str]:
    """The acronyms a name can have: with and without its function words ("DOJ" and "DJ" for
    "Department of Justice")."""
    parts = [w for w in name.replace("-", " ").split() if w]
    content = [w for w in parts if w.lower() not in _FUNCTION_WORDS]
    out = {"".join(w[0] for w in content).upper(), "".join(w[0] for w in parts).upper()}
    return {a for a in out if len(a) >= 2}


def expansion_of(ents: EntityResult, ent: int) -> int | None:
    """The one other entity of the article whose name the acronym entity ``ent`` abbreviates."""
    name = ents.entities[ent].name
    if not is_acronym(name):
        return None
    short = name.replace(".", "").upper()
    found = [
        i
        for i, e in enumerate(ents.entities)
        if i != ent and not is_acronym(e.name) and short in initials(e.name)
    ]
    return found[0] if len(found) == 1 else None


def expansion_in_text(text: str, acronym: str) -> str | None:
    """The words an acronym is introduced with: "the Canada Revenue Agency (CRA)",
    "the Northern Water Authority, or NWA," (None when the text does not spell it out)."""
    short = acronym.replace(".", "").upper()
    for marker in (f"({acronym})", f", or {acronym}"):
        at = text.find(marker)
        if at < 0:
            continue
        before = text[:at].rstrip(" ,").split()
        for n in range(len(short), min(len(before), 2 * len(short) + 2) + 1):
            candidate = before[-n:]
            if candidate[0][:1].isupper() and short in initials(" ".join(candidate)):
                return " ".join(candidate)
    return None
