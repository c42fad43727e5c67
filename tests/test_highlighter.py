"""fts.Highlighter marks exactly what FTS5's own highlight() marks, on real text."""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.search_terms import TOKENIZER, term_of
from app.queries.fts import (
    HIGHLIGHT_START,
    HIGHLIGHT_STOP,
    MAX_WORD_LENGTH,
    Highlighter,
    _fold_table,
    parse,
)

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
CRAFTED = [
    "Élection à Über: the naïve café's résumé, ÉLECTIONS and elections in São Paulo.",
    "Running runs the runner; happily happy happiness, re-elected reelect foo_elect.",
    "Costs rose 5% to £1.2bn (€1.4bn) — “record” levels, said the ‘chief’ executive…",
    "Prime Minister prime ministers; minister prime; PRIME MINISTER.",
    "Greek ά and Cyrillic ё, digits 2024 and x2024y, ﬁnance (ligature) and finance.",
    "Øslo and Oslo, Łódź and Lodz, straße and strasse, Æsir, ŞİŞLİ and Şişli, Ǆ.",
    'İstanbul\'s mayor Said: "Istanbul" said it; SAID so.',
    "A " + "said" * 60 + " token, and said again.",
]


def _texts() -> list[str]:
    texts = list(CRAFTED)
    for seed in SEEDS:
        texts += [p.strip() for p in seed.read_text(encoding="utf-8").split("\n") if p.strip()]
    return texts


def _queries(texts: list[str]) -> Iterator[str]:
    words = []
    for t in texts:
        words += re.findall(r"[^\W_]+", t)
    seen = list(dict.fromkeys(w.lower() for w in words if len(w) <= MAX_WORD_LENGTH))
    yield from seen[:400]  # single words
    yield from (f"{w[:4]}*" for w in seen[:120] if len(w) > 4)  # prefixes
    for t in texts[:40]:  # phrases of neighbouring words, and a phrase with a prefix
        ws = re.findall(r"[^\W_]+", t)
        yield from (f'"{a} {b}"' for a, b in itertools.pairwise(ws[:9]))
        if len(ws) > 2:
            yield f'"{ws[0]} {ws[1][:3]}"*'
    yield from ("minister OR prime", "prime minister", "elections OR café", "2024", "finance")
    yield from ("oslo", "lodz", "łódź", "strasse", "sisli", "şişli", "α", "е", "ά", "ё")
    yield from ("istanbul said", "said*", '"mayor said"', "saidsaid*")


@pytest.fixture(scope="module")
def fts5() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(text, tokenize='{TOKENIZER}')")
    db.executemany("INSERT INTO t (text) VALUES (?)", [(t,) for t in _texts()])
    yield db
    db.close()


def test_marks_are_fts5s_own(fts5: sqlite3.Connection) -> None:
    texts = _texts()
    checked = 0
    for raw in _queries(texts):
        query = parse(raw)
        highlighter = Highlighter(query)
        rows = fts5.execute(
            "SELECT text, highlight(t, 0, ?, ?) FROM t WHERE t MATCH ?",
            (HIGHLIGHT_START, HIGHLIGHT_STOP, query.sqlite()),
        ).fetchall()
        for text, expected in rows:
            assert highlighter.mark(text) == expected, (raw, text)
            checked += 1
    assert checked > 2000  # the seeds give plenty of matches


def test_the_fold_table_folds_every_letter_unicode61_folds() -> None:
    """Each letter FTS5 folds to an ASCII letter, the table folds the same way (a letter
    missing there could never be found as a candidate, so its matches would go unmarked)."""
    table = _fold_table()
    for code in range(0x80, 0x3000):
        folded = term_of(chr(code))
        if folded and folded.isascii() and folded != chr(code).lower():
            assert table.get(code, "").lower() == folded, hex(code)
    assert term_of("ά") == "ά" and term_of("ё") == "ё"  # other scripts keep their accents


def test_text_without_a_match_is_left_alone() -> None:
    assert Highlighter(parse("zebra")).mark("No such animal here.") == "No such animal here."
