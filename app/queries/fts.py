"""Full-text search over paragraphs and quotations on SQLite (FTS5) and PostgreSQL (tsvector).

User input never reaches either engine's query syntax: `parse` reads a small, forgiving
language (words, "quoted phrases", a trailing * for prefixes, OR between alternatives) and
keeps only word characters, then each backend gets a query built from those words alone.
Anything else (stray quotes, parentheses, NEAR(, emoji, control characters) is ignored; a query
left with no words matches nothing (an empty page), so every string a client may send is a
valid query.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, Select, column, func, literal_column, select, table
from sqlmodel import Session

from app.core.search_terms import term_of
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


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # one word, or several for a phrase
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class SearchQuery:
    groups: tuple[tuple[Term, ...], ...]  # alternatives (OR) of terms that must all match

    @property
    def matches_nothing(self) -> bool:
        """No words at all (only punctuation, operators or over-long words): no match."""
        return not self.groups

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
    """Read a user query (one with no word to search for has no groups: it matches nothing)."""
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
    PostgreSQL (ts_headline). On SQLite `Highlighter` marks the page's texts in Python."""
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


class Highlighter:
    """Marks what FTS5 would mark in a matching text (as its highlight() does), in Python.

    highlight() re-reads and re-tokenizes every text with the porter stemmer, a large part
    of a search's SQL time. Here each query word is turned into its FTS5 term once
    (`term_of`, FTS5's own tokenizer), and a text is scanned only for the words that could
    stem to it: porter keeps all of a word but its last few letters, so a word whose term is
    T starts with T minus its last letter (after case folding and diacritic removal, which
    unicode61 applies first). Each such candidate is confirmed with `term_of` (cached), so
    marks are FTS5's own: the same words, a phrase as one span, a prefix term marking every
    word whose term starts with it. A query word FTS5 splits into several terms marks nothing.
    """

    __slots__ = ("_phrases", "_prefixes", "_starts", "_words")

    def __init__(self, query: SearchQuery) -> None:
        self._words: set[str] = set()  # one-word terms
        prefixes: set[str] = set()  # one-word prefix terms
        self._phrases: list[tuple[tuple[str, ...], bool]] = []  # the rest
        starts: set[str] = set()
        for group in query.groups:
            for t in group:
                terms = tuple(term for w in t.words if (term := term_of(w)))
                if len(terms) < len(t.words):  # a word with no FTS5 term of its own
                    continue
                first = terms[0]
                if len(terms) > 1:
                    self._phrases.append((terms, t.prefix))
                else:
                    (prefixes if t.prefix else self._words).add(first)
                starts.add(first[: max(1, len(first) - 1)])
        self._prefixes = tuple(prefixes)
        # no regular expression: compiling one per search (every query differs) costs more
        # than all the str.find calls that replace it
        self._starts = sorted(starts)

    def mark(self, text: str) -> str:
        """`text` with every match between HIGHLIGHT_START and HIGHLIGHT_STOP."""
        if not self._starts:
            return text
        scan = _folded(text)
        spans: list[tuple[int, int]] = []
        for begin in self._starts:
            start = scan.find(begin)
            while start != -1:
                word = _WORD.match(scan, start)
                end = word.end() if word else start + len(begin)
                if not (start and scan[start - 1].isalnum()):  # not inside a word
                    self._match(text, start, end, spans)
                start = scan.find(begin, end)
        if not spans:
            return text
        if len(spans) > 1:
            spans.sort()
            merged = [spans[0]]
            for start, end in spans[1:]:
                if start <= merged[-1][1]:  # overlapping matches make one mark, as in FTS5
                    merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
                else:
                    merged.append((start, end))
            spans = merged
        out = []
        at = 0
        for start, end in spans:
            out += [text[at:start], HIGHLIGHT_START, text[start:end], HIGHLIGHT_STOP]
            at = end
        out.append(text[at:])
        return "".join(out)

    def _match(self, text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
        """Add the spans of the matches that start with the word text[start:end]."""
        term = _term(text[start:end])
        if term is None:
            return
        if term in self._words or (self._prefixes and term.startswith(self._prefixes)):
            spans.append((start, end))
        for terms, prefix in self._phrases:
            stop = self._phrase_end(text, terms, prefix, term, end)
            if stop is not None:
                spans.append((start, stop))

    @staticmethod
    def _phrase_end(
        text: str, terms: tuple[str, ...], prefix: bool, first: str, end: int
    ) -> int | None:
        """Where the phrase `terms` ends when it starts with the word whose term is `first`
        (ending at `end`), or None when it does not start there."""
        last = len(terms) - 1
        for k, want in enumerate(terms):
            if k:
                m = _WORD.search(text, end)
                if m is None:
                    return None
                end = m.end()
                got = _term(m.group())
            else:
                got = first
            if got is None or not (got == want or (prefix and k == last and got.startswith(want))):
                return None
        return end


def _term(word: str) -> str | None:
    """`term_of(word)`; a very long "word" (scraped junk) is not kept in its cache."""
    return term_of(word) if len(word) <= 2 * MAX_WORD_LENGTH else term_of.__wrapped__(word)


# Text outside ASCII needs folding only if it holds word characters beyond ASCII (the usual
# non-ASCII in news, typographic quotes, dashes and currency signs, are not).
_NON_ASCII_LETTER = re.compile(r"[^\W\x00-\x7f]")


def _folded(text: str) -> str:
    """`text` lower-cased with diacritics removed, character for character (same offsets)."""
    lower = text.lower()
    if text.isascii() or not _NON_ASCII_LETTER.search(text):
        return lower if len(lower) == len(text) else text
    folded = text.translate(_fold_table()).lower()
    return folded if len(folded) == len(text) else text


@functools.cache
def _fold_table() -> dict[int, str]:
    """Each accented Latin letter to its base letter, as unicode61's remove_diacritics folds
    them; it leaves other scripts' accents alone. Folding a letter FTS5 does not fold only
    costs a candidate check; missing one would lose marks (tests/test_highlighter.py)."""
    table = {0x17F: "s", 0x1E9B: "s"}  # long s, which has no decomposition to s
    for code in range(0xC0, 0x3000):
        parts = unicodedata.normalize("NFD", chr(code))
        base, marks = parts[0], parts[1:]
        accents = [unicodedata.category(c) for c in marks]
        if accents and base.isascii() and base.isalpha() and set(accents) == {"Mn"}:
            table[code] = base
    return table


SNIPPET_CHARS = 200  # an excerpt's length before widening to whole words and marks
SNIPPET_LEAD = 60  # how much text an excerpt shows before its first match


def excerpt(marked: str, *, chars: int = SNIPPET_CHARS, lead: int = SNIPPET_LEAD) -> str:
    """The part of a whole highlighted text (matches between HIGHLIGHT_START/STOP) worth
    showing: about `chars` characters in whole words, starting about `lead` before the match
    whose neighbourhood holds the most matches, with "…" where text was cut off.

    FTS5's snippet() does the same job in C but tokenizes and scores the text once more per
    row; this costs a few string searches on what `Highlighter` marked.
    """
    if len(marked) <= chars + lead:
        return marked
    starts: list[int] = []
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
