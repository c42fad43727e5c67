"""Which full-name person a one-word name stands for, by the company it keeps.

When no full-name person dominates a surname ("Owen": Clive Owen in 14 articles, Michael
Owen in 14), or when the articles took the one-word name for an organisation ("Federer
beat ..." read as a firm), the names around it decide among the people with that surname
(`_candidates`): each article of the one-word name
votes for the candidate whose own articles name the most of the same people and
organisations (at least `MIN_SHARED`, and `MARGIN` times the runner-up). The name joins a
candidate only when `DOMINANCE` of its articles vote for it; otherwise it stays apart. Where
the names as written decide nothing, their last words are compared instead ("Rijkaard" in one
article, "Frank Rijkaard" in the candidate's).

The evidence is the names each article uses (fixed once the article is stored) and which
articles use the candidates' full names, so a decision changes only when the one-word
name's articles or a candidate's articles change, and both re-decide it
(identity.affected_keys). It never depends on the order articles came in.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import Connection, bindparam, func, select

from app.annotate.given_names import is_given_name
from app.models import ArticleName, EntityName
from app.store.evidence import NameRow

MIN_SHARED = 2
MARGIN = 2
DOMINANCE = 0.75
MAX_ARTICLES = 40  # of the one-word name, the most recent first; enough to decide

_an = ArticleName.__table__  # type: ignore[attr-defined]
_names = EntityName.__table__  # type: ignore[attr-defined]
_PERSON_VOTES = (
    _names.c.person_votes > _names.c.org_votes,
    _names.c.person_votes > _names.c.other_votes,
)
_SURNAMES = select(
    _names.c.surname, _names.c.key, _names.c.person_votes, _names.c.article_count
).where(_names.c.surname.in_(bindparam("words", expanding=True)), *_PERSON_VOTES)
_GIVEN = (
    select(_names.c.given, func.sum(_names.c.article_count))
    .where(_names.c.given.in_(bindparam("words", expanding=True)), *_PERSON_VOTES)
    .group_by(_names.c.given)
)
_ARTICLES_OF = (
    select(_names.c.key, _an.c.article_id)
    .join(_names, _names.c.id == _an.c.name_id)
    .where(_names.c.key.in_(bindparam("keys", expanding=True)))
)
_KEYS_IN = (
    select(_an.c.article_id, _names.c.key)
    .join(_names, _names.c.id == _an.c.name_id)
    .where(_an.c.article_id.in_(bindparam("ids", expanding=True)))
)


def company_roots(connection: Connection, names: list[NameRow]) -> dict[str, str]:
    """The candidate each one-word name joins, for those the company they keep decides."""
    wanted = _candidates(connection, names)
    if not wanted:
        return {}
    articles = _articles_of(connection, [*wanted, *{k for c in wanted.values() for k in c}])
    keys = _keys_in(connection, {a for ids in articles.values() for a in ids})
    out = {}
    for word, cands in wanted.items():
        own = sorted(articles.get(word, set()), reverse=True)[:MAX_ARTICLES]
        company = {c: _company(keys, articles.get(c, set()), word) for c in cands}
        winner = _winner([_vote(keys.get(a, set()) - {word}, company) for a in own])
        if winner is None:  # the same people, each named in full or by surname alone
            by_surname = {c: _surnames(names) for c, names in company.items()}
            votes = [_vote(_surnames(keys.get(a, set()) - {word}), by_surname) for a in own]
            winner = _winner(votes)
        if winner is not None:
            out[word] = winner
    return out


def _candidates(connection: Connection, names: list[NameRow]) -> dict[str, list[str]]:
    """{one-word key: the full names that may own it}: people by their own votes, with a
    given name first, whose surname the word is, more often than the word is a given name;
    for a word taken for an organisation's name, only people with more evidence of being a
    person than the word has of being something else. Every figure is the names' own
    (never their entity's, which the word itself changes by joining one)."""
    by_key = {n.key: n for n in names}
    if not by_key:
        return {}
    found: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for word, key, votes, articles in connection.execute(_SURNAMES, {"words": sorted(by_key)}):
        if is_given_name(key.split()[0]):
            found[word].append((key, int(votes), int(articles)))
    given: dict[str, int] = (
        dict(connection.execute(_GIVEN, {"words": sorted(found)}).all()) if found else {}
    )
    out = {}
    for word, people in found.items():
        name = by_key[word]
        floor = 0 if name.is_person_mononym else name.org_votes + name.other_votes
        fitting = sorted(key for key, votes, _n in people if votes > floor)
        if fitting and sum(n for *_k, n in people) >= int(given.get(word) or 0):
            out[word] = fitting
    return out


def _articles_of(connection: Connection, keys: list[str]) -> dict[str, set[int]]:
    found: dict[str, set[int]] = defaultdict(set)
    for key, article_id in connection.execute(_ARTICLES_OF, {"keys": sorted(set(keys))}):
        found[key].add(int(article_id))
    return found


def _keys_in(connection: Connection, article_ids: set[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    ids = sorted(article_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for article_id, key in connection.execute(_KEYS_IN, {"ids": chunk}):
            found[int(article_id)].add(key)
    return found


def _company(keys: dict[int, set[str]], article_ids: set[int], word: str) -> set[str]:
    """The names a candidate's articles use, without the surname's own forms."""
    names = set().union(*(keys.get(a, set()) for a in article_ids)) if article_ids else set()
    return {k for k in names if k != word and k.split()[-1] != word}


def _surnames(keys: set[str]) -> set[str]:
    """Each name's last word ("frank rijkaard" and "rijkaard" are one "rijkaard")."""
    return {k.split()[-1] for k in keys}


def _vote(around: set[str], company: dict[str, set[str]]) -> str | None:
    """The candidate one article's names point to, if they clearly point to one."""
    scores = sorted(((len(around & names), key) for key, names in company.items()), reverse=True)
    if not scores or scores[0][0] < MIN_SHARED:
        return None
    runner_up = scores[1][0] if len(scores) > 1 else 0
    return scores[0][1] if scores[0][0] >= MARGIN * runner_up else None


def _winner(votes: list[str | None]) -> str | None:
    counted = Counter(v for v in votes if v is not None)
    if not votes or not counted:
        return None
    best, n = counted.most_common(1)[0]
    return best if n >= DOMINANCE * len(votes) else None
