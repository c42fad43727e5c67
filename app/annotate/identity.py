"""Identity step: one entity per identity key in an article, each with its kind votes.

Runs last. Sets every entity's `key` (names.identity_key), gives entities without evidence
one vote for their kind per mention (at least one), and merges entities of one article that
share a key ("Kate Bush" the person and "Kate Bush" the organisation are one name: the votes
are summed and decide the kind), remapping mentions and quotations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from app.annotate.names import identity_key
from app.annotate.types import AnnotatedArticle, Entity, KindVotes


def _default_votes(entity: Entity, mentions: int) -> KindVotes:
    votes = entity.votes
    if votes.person or votes.organisation or votes.other:
        return votes
    weight = max(1, mentions)
    if entity.kind == "person":
        return KindVotes(person=weight)
    return KindVotes(organisation=weight)


def _absorb(target: Entity, other: Entity) -> None:
    target.votes = KindVotes(
        target.votes.person + other.votes.person,
        target.votes.organisation + other.votes.organisation,
        target.votes.other + other.votes.other,
    )
    target.aliases.extend(a for a in other.aliases if a not in target.aliases)
    target.roles.extend(r for r in other.roles if r not in target.roles)
    if len(other.name) > len(target.name) and other.kind == target.kind:
        target.name = other.name


def identify(article: AnnotatedArticle) -> AnnotatedArticle:
    """Keys and votes set, same-key entities merged (indices remapped)."""
    counts = Counter(m.entity for m in article.mentions)
    kept: list[Entity] = []
    by_key: dict[str, int] = {}
    new_index: list[int] = []
    merged_kinds: dict[str, bool] = {}  # key -> an organisation was among the merged
    for i, entity in enumerate(article.entities):
        entity.key = identity_key(entity.kind, entity.name)
        entity.votes = _default_votes(entity, counts[i])
        found = by_key.get(entity.key)
        if entity.kind == "organisation":
            merged_kinds[entity.key] = True
        merged_kinds.setdefault(entity.key, False)
        if found is None:
            by_key[entity.key] = len(kept)
            new_index.append(len(kept))
            kept.append(entity)
        else:
            _absorb(kept[found], entity)
            new_index.append(found)
    if len(kept) == len(article.entities):
        return article
    for entity in kept:
        # a tie between an article's two decisions goes to the organisation: the annotator
        # calls a name an organisation for a reason (a head noun, a descriptor), while a
        # person is the model's default for a capitalised name
        tied = entity.votes.person == entity.votes.organisation
        entity.kind = "organisation" if tied and merged_kinds[entity.key] else entity.kind
        entity.kind = entity.votes.winner(entity.kind)
    mentions = [replace(m, entity=new_index[m.entity]) for m in article.mentions]
    quotations = [
        replace(q, speaker_entity=new_index[q.speaker_entity])
        if q.speaker_entity is not None
        else q
        for q in article.quotations
    ]
    return replace(article, entities=kept, mentions=mentions, quotations=quotations)
