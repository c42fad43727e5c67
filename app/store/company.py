"""Which full-name person a one-word name stands for, by the company it keeps.

When no full-name person dominates a surname ("Owen": Clive Owen in 14 articles, Michael
Owen in 14), or when the articles took the one-word name for an organisation ("Federer
beat ..." read as a firm), the names around it decide: each article of the one-word name
votes for the candidate whose own articles name the most of the same people and
organisations (at least `MIN_SHARED`, and `MARGIN` times the runner-up). The name joins a
candidate only when `DOMINANCE` of its articles vote for it; otherwise it stays apart.

The evidence is the names each article uses (fixed once the article is stored) and which
articles use the candidates' full names, so a decision changes only when the one-word
name's articles or a candidate's articles change, and both re-decide it
(identity.affected_keys). It never depends on the order articles came in.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import Connection, bindparam, select

from app.models import ArticleName, EntityName

MIN_SHARED = 2
MARGIN = 2
DOMINANCE = 0.75
MAX_ARTICLES = 40  # of the one-word name, the most recent first; enough to decide

_an = ArticleName.__table__  # type: ignore[attr-defined]
_names = EntityName.__table__  # type: ignore[attr-defined]
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


def company_roots(connection: Connection, candidates: dict[str, list[str]]) -> dict[str, str]:
    """{one-word key: [full-name keys sharing it as a surname]} -> the candidate each
    one-word name joins, for those the company they keep decides."""
    wanted = {w: c for w, c in candidates.items() if c}
    if not wanted:
        return {}
    articles = _articles_of(connection, [*wanted, *{k for c in wanted.values() for k in c}])
    keys = _keys_in(connection, {a for ids in articles.values() for a in ids})
    out = {}
    for word, cands in wanted.items():
        own = sorted(articles.get(word, ()), reverse=True)[:MAX_ARTICLES]
        company = {c: _company(keys, articles.get(c, ()), word) for c in cands}
        winner = _winner([_vote(keys.get(a, set()) - {word}, company) for a in own])
        if winner is not None:
            out[word] = winner
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
