"""`python -m app report`: the corpus view a user meets, printed for a person to read.

Over any database: the top people and organisations by articles and by mentions, the people
who share a surname (or whose one-word name is another person's surname), and the names
stored under both kinds. Read-only; run it after every change to the annotator.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlmodel import Session, col

from app.annotate.names import norm_name
from app.models import Entity


@dataclass(frozen=True, slots=True)
class Row:
    id: int
    kind: str
    name: str
    articles: int
    mentions: int
    quotations: int


def _rows(session: Session) -> list[Row]:
    columns = (
        col(Entity.id),
        col(Entity.kind),
        col(Entity.name),
        col(Entity.article_count),
        col(Entity.mention_count),
        col(Entity.quotation_count),
    )
    return [Row(*r) for r in session.execute(select(*columns))]


def _top(rows: list[Row], kind: str, by: str, n: int) -> list[str]:
    chosen = sorted((r for r in rows if r.kind == kind), key=lambda r: (-getattr(r, by), r.id))
    return [
        f"{i:4d}. {r.name} ({r.articles} articles, {r.mentions} mentions,"
        f" {r.quotations} quotations) #{r.id}"
        for i, r in enumerate(chosen[:n], 1)
    ]


def _shared_surnames(rows: list[Row], n: int) -> list[str]:
    """People grouped by last name token, where more than one entity carries it."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        if r.kind == "person" and norm_name(r.name):
            groups[norm_name(r.name).split()[-1]].append(r)
    shared = [g for g in groups.values() if len(g) > 1]
    shared.sort(key=lambda g: -sum(r.articles for r in g))
    return [
        ", ".join(f"{r.name} ({r.articles})" for r in sorted(g, key=lambda r: -r.articles))
        for g in shared[:n]
    ]


def _kind_conflicts(rows: list[Row]) -> list[str]:
    kinds: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        kinds[norm_name(r.name)].append(r)
    conflicts = [g for g in kinds.values() if len({r.kind for r in g}) > 1]
    conflicts.sort(key=lambda g: -sum(r.articles for r in g))
    return [", ".join(f"{r.name}: {r.kind} ({r.articles})" for r in g) for g in conflicts]


def corpus_report(engine: Engine, *, top: int = 50) -> str:
    """The whole report as text."""
    with Session(engine) as session:
        rows = _rows(session)
    out: list[str] = []
    for kind in ("person", "organisation"):
        for by, label in (("articles", "articles"), ("mentions", "mentions")):
            out.append(f"== top {top} {kind} entities by {label} ==")
            out.extend(_top(rows, kind, by, top))
            out.append("")
    out.append("== people sharing a surname (most articles first) ==")
    out.extend(_shared_surnames(rows, top))
    out.append("")
    conflicts = _kind_conflicts(rows)
    out.append(f"== names stored as both a person and an organisation: {len(conflicts)} ==")
    out.extend(conflicts[:top])
    return "\n".join(out)
