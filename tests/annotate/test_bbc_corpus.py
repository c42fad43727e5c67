"""The whole BBC corpus from ../shared: it annotates without an exception and with valid
offsets, and it cleans into exactly its layout (the title on the first line, then one
paragraph per blank-line block).

Skipped when the shared folder is not beside the repository.
"""

import re
from pathlib import Path

import pytest

from app.annotate import annotate_many
from app.annotate.clean import clean

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


def _worded(block: str) -> bool:
    """A block with a letter or digit (one stray "." is no paragraph)."""
    return any(c.isalnum() for c in block)


@pytest.mark.slow  # a few seconds: cleaning only, no parser
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/bbc-news-2225 not available")
def test_bbc_corpus_cleans_into_title_and_blank_line_paragraphs() -> None:
    files = sorted(CORPUS.glob("**/*.txt"))
    assert files
    wrong = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        blocks = [b.strip() for b in re.split(r"\n[^\S\n]*\n", text) if _worded(b)]
        meta, paragraphs = clean(text)
        if meta.title != blocks[0] or [p.text for p in paragraphs] != blocks[1:]:
            wrong.append(f.relative_to(CORPUS).as_posix())
    assert not wrong, f"{len(wrong)} articles, e.g. {wrong[:5]}"
