"""An acronym and its expansion are one speaker: "the Canada Revenue Agency (CRA)" ... "CRA said".

Entities are decided elsewhere (``entities``); this step only chooses which of an article's
entities a quotation's speaker is: an acronym speaker becomes the entity whose name it
abbreviates, when exactly one entity of the article does.
"""

from __future__ import annotations

from app.annotate.entities import EntityResult
from app.annotate.names import initials, is_acronym

__all__ = ["abbreviated", "expansion_in_text", "expansion_of", "initials", "is_acronym"]


def expansion_of(ents: EntityResult, ent: int) -> int | None:
    """The one other entity of the article whose name the acronym entity ``ent`` abbreviates."""
    name = ents.entities[ent].name
    return abbreviated(ents, name, besides=ent) if is_acronym(name) else None


def abbreviated(ents: EntityResult, acronym: str, besides: int = -1) -> int | None:
    """The one entity of the article (but ``besides``) whose name ``acronym`` abbreviates:
    "the FT said" beside "the Financial Times"."""
    short = acronym.replace(".", "").upper()
    found = [
        i
        for i, e in enumerate(ents.entities)
        if i != besides and not is_acronym(e.name) and short in initials(e.name)
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
