"""What the entity steps pass along: candidate mentions (`Found`) and the result."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from app.annotate.types import Entity


@dataclass(slots=True)
class Found:
    kind: str  # person / organisation
    start: int  # token indices, end exclusive
    end: int
    name: str  # surface text without titles / possessive / leading "the"
    role: str | None = None
    entity: int | None = None
    party: bool = False  # a political party: its words decide its kind and name
    # the pooled kind votes of this mention's name (votes step)
    votes: Counter[str] = field(default_factory=Counter)
    # the article takes the name for neither kind: its entity only carries the votes
    hidden: bool = False
    # the kind the text's own words decide for this name ("Mr X", "the band X"), if any
    decisive: str | None = None


@dataclass(slots=True)
class EntityResult:
    entities: list[Entity]
    mentions: list[tuple[int, int, int]]  # (entity index, char start, char end)
    token_entity: dict[int, int] = field(default_factory=dict)  # token index -> entity
    gender: dict[int, str] = field(default_factory=dict)  # entity -> "m"/"f"
    first_pos: dict[int, int] = field(default_factory=dict)
