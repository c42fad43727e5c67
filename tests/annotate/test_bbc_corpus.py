"""Annotate the whole BBC corpus from ../shared: no exception, valid offsets.

Skipped when the shared folder is not beside the repository.
"""

from pathlib import Path

import pytest

from app.annotate import annotate_many

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpus" / "bbc-news-2225" / "articles"


@pytest.mark.slow  # about 4.5 minutes for 2,225 articles
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/bbc-news-2225 not available")
def test_bbc_corpus_annotates_cleanly() -> None:
    files = sorted(CORPUS.glob("**/*.txt"))
    assert files
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    n_quotes = 0
    for text, art in zip(texts, annotate_many(texts, batch_size=32), strict=True):
        for p in art.paragraphs:
            assert text[p.start : p.end] == p.text
        for m in art.mentions:
            assert text[m.start : m.end] == m.text
        for q in art.quotations:
            assert " ".join(text[s:e] for s, e in q.spans) == q.text
            assert q.text
        n_quotes += len(art.quotations)
    assert n_quotes > 1000
