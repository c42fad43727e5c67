"""People and organisations in a parsed article: a pipeline of small steps.

1. **spans** (``spans``): the model's PERSON and ORG spans with corrected boundaries, plus
   speaking names and organisation names the model missed.
2. **kinds** (``kinds``): each candidate kept as a person or an organisation, switched, or
   dropped as neither (a place, a product, a document, a title alone).
3. **grouping** (``grouping``): one entity per name; short forms join their full names.
4. **mentions** (``mentions``): later uses of a known name the model missed.
5. **roles** (``roles``): titles, appositive roles and gender.

``lexicon`` holds the word lists (evidence, never a decision alone) and ``vocabulary`` the
token tests the steps share.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Token

from app.annotate.entities.grouping import (
    acronym_forms,
    clipped_forms,
    group,
    merged,
    short_forms_read_as_people,
    short_org_forms,
    spelling_variants,
)
from app.annotate.entities.kinds import correct_kinds
from app.annotate.entities.lexicon import WORK_DESCRIPTORS
from app.annotate.entities.mentions import more_mentions
from app.annotate.entities.result import EntityResult, Found
from app.annotate.entities.roles import roles_and_gender
from app.annotate.entities.spans import candidates
from app.annotate.names import TITLE_WORDS, norm_token
from app.annotate.nlp import doc_text
from app.annotate.offices import ROLE_END, head_word
from app.annotate.types import Entity, KindVotes

__all__ = ["EntityResult", "Found", "find_entities"]


def find_entities(doc: Doc, char_ok: Callable[[int], bool]) -> EntityResult:
    """Find people and organisations in ``doc`` (only spans where ``char_ok(char)`` holds)."""
    found = correct_kinds(doc, candidates(doc, char_ok))  # 1-2. spans, kinds
    entities, found = group(doc, found)  # 3. grouping
    shown = {f.entity for f in found if not f.hidden}
    for f in more_mentions(doc, found, entities, char_ok):  # 4. mentions
        f.hidden = f.entity not in shown
        found.append(f)
    found.sort(key=lambda f: f.start)
    uses = Counter((f.entity, f.name) for f in found)
    for i, e in enumerate(entities):
        if e.kind == "person":  # the longest form used; of equal length, the most used
            e.name = max(e.aliases, key=lambda a: (len(a.split()), uses[i, a], -e.aliases.index(a)))
    remap = spelling_variants(entities, found)
    clipped = clipped_forms(entities)
    short = short_org_forms(entities, found, clipped)
    remap.update({i: remap.get(j, j) for i, j in short.items()})
    remap.update({i: remap.get(j, j) for i, j in short_forms_read_as_people(entities).items()})
    for i, j in clipped.items():  # (never onto itself, never a chain)
        if i not in remap and remap.get(j, j) != i and i not in remap.values():
            remap[i] = remap.get(j, j)
    remap.update(acronym_forms(entities, remap))
    for f in found:
        f.entity = remap.get(f.entity, f.entity)  # type: ignore[arg-type]
    gender = roles_and_gender(doc, found, entities)  # 5. roles
    _hide_works(found, entities)
    _set_votes(found, entities)
    final, new_index = merged(entities, remap)
    return _result(doc, found, final, new_index, gender)


_MAX_VOTES = 10  # one article's votes for a kind, at most...
# ...unless its words decide the kind ("Mr X", "the band X"): then that kind counts as much
# as three articles of the strongest ordinary evidence, so that across a corpus a few
# articles that say what a name is outweigh many where the model only guessed.
_DECISIVE_VOTES = 3 * _MAX_VOTES


def _set_votes(found: list[Found], entities: list[Entity]) -> None:
    """Each entity's kind votes: the pooled votes of the names it was found under, the
    kind this article decided always ahead (the corpus sums them over its articles)."""
    pooled: dict[int, dict[int, Counter[str]]] = {}
    decisive: dict[int, set[str]] = {}
    shown = {f.entity for f in found if not f.hidden}
    hidden = {f.entity for f in found if f.hidden} - shown
    for f in found:
        if f.entity is not None and f.votes:
            pooled.setdefault(f.entity, {})[id(f.votes)] = f.votes
        if f.entity is not None and f.decisive:
            decisive.setdefault(f.entity, set()).add(f.decisive)
    for idx, groups in pooled.items():
        total: Counter[str] = Counter()
        for votes in groups.values():  # an honorific's decisive weight counts once
            total.update({k: min(v, _MAX_VOTES) for k, v in votes.items()})
        entity = entities[idx]
        kind = "other" if idx in hidden else entity.kind
        if decisive.get(idx) == {kind}:
            total[kind] = _DECISIVE_VOTES
        others = max(total[k] for k in ("person", "organisation", "other") if k != kind)
        total[kind] = max(total[kind], others + 1)
        entity.votes = KindVotes(total["person"], total["organisation"], total["other"])


def _hide_works(found: list[Found], entities: list[Entity]) -> None:
    """A name whose appositive says it is a work ("X, the Oscar-nominated movie", "X, a
    film biography of ...") is neither a person nor an organisation: hidden, the text's
    words deciding its kind."""
    titled = {f.entity for f in found if f.decisive == "person"}  # "Mr X" is no work
    for i, e in enumerate(entities):
        own = {w.lower() for w in e.name.split()}
        works = [r for r in e.roles if _work_role(r) and not own & set(r.lower().split())]
        if not works or i in titled:
            continue
        e.roles = [r for r in e.roles if r not in works]
        for f in found:
            if f.entity == i:
                f.hidden, f.decisive = True, "other"


def _work_role(role: str) -> bool:
    """A role whose head is a work's noun, in lower case ("Oscar-nominated movie"; not a
    title such as "Total Film")."""
    head = head_word(role, ROLE_END | _CLAUSE_STARTS)
    return head.islower() and head in _WORK_HEADS


_CLAUSE_STARTS = frozenset({"who", "which", "that", "behind", "about", "by", "starring"})


_WORK_HEADS = WORK_DESCRIPTORS | {"biography", "biopic", "epic"}


def _member_noun(tok: Token) -> bool:
    """A noun after a party's name: its members ("MPs", "leader"), not the party."""
    return tok.pos_ == "NOUN" or norm_token(tok.text) in TITLE_WORDS


def _result(
    doc: Doc, found: list[Found], entities: list, new_index: list[int], gender: dict[int, str]
) -> EntityResult:
    """Mentions as character spans, tokens mapped to entities, indices renumbered."""
    result = EntityResult(entities, [])
    result.gender = {new_index[k]: v for k, v in gender.items()}
    text = doc_text(doc)
    for f in found:
        assert f.entity is not None
        if f.hidden:
            continue  # neither kind here: the entity carries votes, not mentions
        idx = new_index[f.entity]
        span = doc[f.start : f.end]
        s_char = span.start_char
        e_char = s_char + len(f.name) if text.startswith(f.name, s_char) else span.end_char
        result.mentions.append((idx, s_char, e_char))
        result.first_pos.setdefault(idx, f.start)
        if f.party and f.end < len(doc) and _member_noun(doc[f.end]):
            continue  # "Tory MPs said", "the Conservative MP": the MPs speak, not the party
        for k in range(f.start, f.end):
            result.token_entity[k] = idx
    return result
