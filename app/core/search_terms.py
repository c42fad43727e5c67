"""How many paragraphs and how many quotations hold each search term (SQLite only).

FTS5 keeps no per-term document counts: counting a word's matches walks its whole posting
list, milliseconds for a common word in a large archive, on every search that misses the
cache. Table `search_terms` (migration 0106) keeps those counts instead, so the total of a
one-word search is a primary-key read. It is updated in the write transaction of every
article insert and delete (`app.ingest`), so it always agrees with the FTS5 indexes.

Terms are what FTS5's own tokenizer makes of a text ("Elections" -> "elect"). They come from
a private in-memory FTS5 table with the same tokenizer as the real indexes and an `fts5vocab`
table over it (each term with the number of rows holding it): the rows are inserted in a
transaction, counted, and rolled back. PostgreSQL counts matches with its GIN index instead.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from typing import Literal

from sqlalchemy import Connection

Kind = Literal["paragraph", "quotation"]
TABLE = "search_terms"
# Must be the tokenizer of paragraphs_fts and quotations_fts (migrations/versions/0002).
TOKENIZER = "porter unicode61 remove_diacritics 2"
FTS_TABLES: dict[Kind, str] = {"paragraph": "paragraphs_fts", "quotation": "quotations_fts"}

_UPSERT = (
    f"INSERT INTO {TABLE} (kind, term, docs) VALUES (?, ?, ?)"
    " ON CONFLICT (kind, term) DO UPDATE SET docs = docs + excluded.docs"
)
_SUBTRACT = f"UPDATE {TABLE} SET docs = docs - ? WHERE kind = ? AND term = ?"
_DROP_EMPTY = f"DELETE FROM {TABLE} WHERE kind = ? AND term = ? AND docs <= 0"


class _Tokenizer:
    """FTS5's tokenizer, on a private in-memory database (one caller at a time)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._db.execute(f"CREATE VIRTUAL TABLE scratch USING fts5(text, tokenize='{TOKENIZER}')")
        self._db.execute("CREATE VIRTUAL TABLE scratch_terms USING fts5vocab(scratch, row)")

    def doc_counts(self, texts: Iterable[str]) -> list[tuple[str, int]]:
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.executemany("INSERT INTO scratch (text) VALUES (?)", ((t,) for t in texts))
                return self._db.execute("SELECT term, doc FROM scratch_terms").fetchall()
            finally:
                self._db.execute("ROLLBACK")


_tokenizer = _Tokenizer()


def doc_counts(texts: Iterable[str]) -> list[tuple[str, int]]:
    """Each term of `texts` (as FTS5 indexes them) with the number of texts holding it."""
    return _tokenizer.doc_counts(texts)


@functools.lru_cache(maxsize=65536)  # search words, and the words highlighting checks
def term_of(word: str) -> str | None:
    """The one term FTS5 makes of `word`, or None when it makes none or several."""
    terms = doc_counts([word])
    return terms[0][0] if len(terms) == 1 else None


def add(connection: Connection, *, kind: Kind, texts: Sequence[str]) -> None:
    """Count newly stored rows of `kind` (inside their write transaction)."""
    if texts:
        rows = [(kind, term, docs) for term, docs in doc_counts(texts)]
        connection.exec_driver_sql(_UPSERT, rows)


def remove(connection: Connection, *, kind: Kind, texts: Sequence[str]) -> None:
    """Uncount rows of `kind` about to be deleted (inside their write transaction)."""
    if texts:
        counts = doc_counts(texts)
        connection.exec_driver_sql(_SUBTRACT, [(docs, kind, term) for term, docs in counts])
        connection.exec_driver_sql(_DROP_EMPTY, [(kind, term) for term, _ in counts])


def rebuild_sql() -> list[str]:
    """Statements that recount the whole table from the FTS5 indexes (after bulk loads that
    bypass `app.ingest`, such as the bench's scale builder; also what migration 0106 runs)."""
    statements = [f"DELETE FROM {TABLE}"]
    for kind, fts in FTS_TABLES.items():
        statements += [
            f"CREATE VIRTUAL TABLE temp.{fts}_terms USING fts5vocab(main, {fts}, row)",
            f"INSERT INTO {TABLE} (kind, term, docs) SELECT '{kind}', term, doc"
            f" FROM temp.{fts}_terms",
            f"DROP TABLE temp.{fts}_terms",
        ]
    return statements
