"""Full-text search over paragraphs and quotations on SQLite (FTS5) and PostgreSQL (tsvector).

User input never reaches either engine's query syntax: `parse` reads a small, forgiving
language (words, "quoted phrases", a trailing * for prefixes, OR between alternatives) and
keeps only word characters, then each backend gets a query built from those words alone.
Anything else (stray quotes, parentheses, NEAR(, emoji, control characters) is ignored; a query
left with no words raises `SearchSyntaxError`, which the API answers with a 400 problem.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, Select, column, func, literal_column, select, table
from sqlmodel import Session

from app.core.text import strip_control

Target = Literal["paragraphs", "quotations"]

MAX_WORDS = 32
MAX_WORD_LENGTH = 100  # longer "words" are noise (and PostgreSQL rejects them)
PG_CONFIG = "english"  # must match migrations/versions/0002_search.py
HIGHLIGHT_START, HIGHLIGHT_STOP = "\ue000", "\ue001"  # private-use sentinels, escaped later
# PostgreSQL's parser drops "<...>" as markup; it sees these stand-ins instead (restored after).
PG_LT, PG_GT = "\ue002", "\ue003"

_TOKEN = re.compile(r'"([^"]*)"(\*?)|(\S+)')
_WORD = re.compile(r"[^\W_]+")


class SearchSyntaxError(ValueError):
    """The query has nothing to search for."""


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # one word, or several for a phrase
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class SearchQuery:
    groups: tuple[tuple[Term, ...], ...]  # alternatives (OR) of terms that must all match

    def single_word(self) -> str | None:
        """The word, when the query is one word (no phrase, prefix or alternative)."""
        if len(self.groups) == 1 and len(self.groups[0]) == 1:
            only = self.groups[0][0]
            if len(only.words) == 1 and not only.prefix:
                return only.words[0]
        return None

    def sqlite(self) -> str:
        def term(t: Term) -> str:
            return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")

        return " OR ".join("(" + " ".join(term(t) for t in g) + ")" for g in self.groups)

    def postgresql(self) -> str:
        def term(t: Term) -> str:
            body = " <-> ".join(t.words) + (":*" if t.prefix else "")
            return f"({body})" if len(t.words) > 1 else body

        return " | ".join("(" + " & ".join(term(t) for t in g) + ")" for g in self.groups)


def parse(raw: str) -> SearchQuery:
    """Read a user query; raises SearchSyntaxError when it holds no word to search for."""
    groups: list[tuple[Term, ...]] = []
    current: list[Term] = []
    budget = MAX_WORDS
    for m in _TOKEN.finditer(strip_control(raw)):
        phrase, phrase_star, bare = m.groups()
        if bare in ("OR", "|"):
            if current:
                groups.append(tuple(current))
                current = []
            continue
        if bare == "AND":
            continue
        source = phrase if phrase is not None else bare
        words = tuple(w.lower() for w in _WORD.findall(source) if len(w) <= MAX_WORD_LENGTH)[
            :budget
        ]
        if not words:
            continue
        prefix = bool(phrase_star) if phrase is not None else bare.endswith("*")
        current.append(Term(words, prefix and len(words) == len(_WORD.findall(source))))
        budget -= len(words)
        if budget <= 0:
            break
    if current:
        groups.append(tuple(current))
    if not groups:
        raise SearchSyntaxError("The search query has no words to search for.")
    return SearchQuery(tuple(groups))


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _pg_tsquery(query: SearchQuery) -> ColumnElement:
    return func.to_tsquery(literal_column(f"'{PG_CONFIG}'::regconfig"), query.postgresql())


def count_matches(session: Session, *, target: Target, query: SearchQuery) -> int:
    """How many rows of `target` match on PostgreSQL (no ranking: an index-only count).
    SQLite search counts inside its one statement (app.queries.search)."""
    rows = table(target, column("search_vector"))
    stmt = (
        select(func.count())
        .select_from(rows)
        .where(rows.c.search_vector.op("@@")(_pg_tsquery(query)))
    )
    return session.execute(stmt).scalar_one()


def newest_matches(session: Session, *, target: Target, query: SearchQuery, window: int) -> Select:
    """Like `matches`, but only the `window` most recently stored matching rows (PostgreSQL).

    Ranking (ts_rank) costs microseconds per matching row; a common word matches tens of
    thousands of rows in a large archive. Ranking a bounded window keeps search time flat.
    """
    rows = matches(session, target=target, query=query)
    return rows.order_by(rows.selected_columns[0].desc()).limit(window)


def latest_matches(session: Session, *, target: Target, query: SearchQuery, window: int) -> Select:
    """SELECT id, article_id, number of the `window` matching rows of `target` in reverse
    stored order (the last article's last paragraph first), on PostgreSQL."""
    number = "number" if target == "paragraphs" else "paragraph_number"
    rows = table(
        target, column("id"), column("article_id"), column(number), column("search_vector")
    )
    return (
        select(rows.c.id, rows.c.article_id, rows.c[number].label("number"))
        .where(rows.c.search_vector.op("@@")(_pg_tsquery(query)))
        .order_by(rows.c.article_id.desc(), rows.c[number].desc(), rows.c.id.desc())
        .limit(window)
    )


def matches(session: Session, *, target: Target, query: SearchQuery, ranked: bool = True) -> Select:
    """SELECT id, rank of the rows of `target` matching `query` (lower rank = better); only
    SELECT id when not `ranked` (filters need no rank)."""
    if _dialect(session) == "sqlite":
        fts = table(f"{target}_fts", column("rowid"), column("rank"))
        columns = [fts.c.rowid.label("id")] + ([fts.c.rank.label("rank")] if ranked else [])
        return select(*columns).where(literal_column(f"{target}_fts").op("MATCH")(query.sqlite()))
    rows = table(target, column("id"), column("search_vector"))
    tsquery = _pg_tsquery(query)
    rank = (-func.ts_rank(rows.c.search_vector, tsquery)).label("rank")
    columns = [rows.c.id.label("id")] + ([rank] if ranked else [])
    return select(*columns).where(rows.c.search_vector.op("@@")(tsquery))


def snippets(
    session: Session, *, target: Target, query: SearchQuery, ids: list[int]
) -> dict[int, str]:
    """Highlighted, HTML-escaped snippets (matches in <mark>) for the given matching rows on
    PostgreSQL (ts_headline). SQLite makes them with FTS5's snippet() in its one statement."""
    if not ids:
        return {}
    rows = table(target, column("id"), column("text"))
    options = (
        f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_STOP}, MaxWords=32, MinWords=12,"
        ' MaxFragments=2, FragmentDelimiter=" … "'
    )
    stmt = select(
        rows.c.id,
        func.ts_headline(
            literal_column(f"'{PG_CONFIG}'::regconfig"),
            func.translate(rows.c.text, "<>", PG_LT + PG_GT),
            _pg_tsquery(query),
            options,
        ),
    ).where(rows.c.id.in_(ids))
    return {row_id: render_snippet(raw) for row_id, raw in session.execute(stmt).all()}


SNIPPET_CHARS = 200  # an excerpt's length before widening to whole words and marks
SNIPPET_LEAD = 60  # how much text an excerpt shows before its first match


def excerpt(marked: str, *, chars: int = SNIPPET_CHARS, lead: int = SNIPPET_LEAD) -> str:
    """The part of a whole highlighted text (matches between HIGHLIGHT_START/STOP) worth
    showing: about `chars` characters in whole words, starting about `lead` before the match
    whose neighbourhood holds the most matches, with "…" where text was cut off.

    SQLite's snippet() does the same job in C but tokenizes and scores the text once more per
    row; this costs a few string searches, and highlight() (which it trims) half of snippet().
    """
    if len(marked) <= chars + lead:
        return marked
    starts = []
    at = marked.find(HIGHLIGHT_START)
    while at != -1 and len(starts) < MAX_WORDS:
        starts.append(at)
        at = marked.find(HIGHLIGHT_START, at + 1)
    if not starts:
        return marked[:chars].rsplit(" ", 1)[0] + " …"
    best = starts[0]
    if len(starts) > 1:
        reach = chars - lead
        best = max(starts, key=lambda s: sum(s <= t < s + reach for t in starts))
    begin = max(0, best - lead)
    if begin:
        space = marked.find(" ", begin, best)
        begin = space + 1 if space != -1 else best
    end = begin + chars
    if end >= len(marked):
        end = len(marked)
    else:
        opened = marked.rfind(HIGHLIGHT_START, begin, end)
        if opened > marked.rfind(HIGHLIGHT_STOP, begin, end):  # never cut inside a match
            end = marked.find(HIGHLIGHT_STOP, end) + 1
        space = marked.find(" ", end)
        end = len(marked) if space == -1 else space
    return ("… " if begin else "") + marked[begin:end] + (" …" if end < len(marked) else "")


def render_snippet(raw: str) -> str:
    escaped = html.escape(raw.replace(PG_LT, "<").replace(PG_GT, ">"), quote=False)
    return escaped.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
