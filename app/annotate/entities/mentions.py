"""Later mentions the model missed, and whether a one-word name is a person at all."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from app.annotate.entities.lexicon import (
    CHILD_NOUNS,
    GIVEN_NAMES_F,
    GIVEN_NAMES_M,
    HONORIFICS,
    KIN_NOUNS,
)
from app.annotate.entities.result import Found
from app.annotate.entities.vocabulary import english_word
from app.annotate.given_names import is_given_name
from app.annotate.names import TITLE_WORDS, is_acronym, norm_name, norm_token
from app.annotate.nlp import doc_text, tokens_where
from app.annotate.types import Entity


def _forms(entities: list[Entity]) -> tuple[list[tuple[str, int]], dict[str, list[int]]]:
    """The forms to look for, longest first (each entity's aliases of two words or more,
    an organisation's short ones, people's surnames) and the surnames several share."""
    surnames: dict[str, list[int]] = {}
    forms: list[tuple[str, int]] = []
    for i, ent in enumerate(entities):
        if ent.kind == "person" and len(ent.name.split()) > 1:
            surnames.setdefault(ent.name.split()[-1], []).append(i)
        for a in ent.aliases:
            searched = len(a.split()) > 1 or ent.kind == "organisation"
            if searched and (len(a) >= 3 or is_acronym(a)):  # "BT"
                forms.append((a, i))
    ambiguous: dict[str, list[int]] = {}
    for sn, idxs in surnames.items():
        if len(sn) >= 3 and sn[0].isupper():
            forms.append((sn, idxs[0]))
            if len(idxs) > 1:
                ambiguous[sn] = idxs
    forms.sort(key=lambda x: -len(x[0]))
    return forms, ambiguous


def _first_names_used(entities: list[Entity]) -> list[tuple[str, int]]:
    """A person's given name, to find where the text uses it alone ("Serena" after "Serena
    Williams"), when it is a word of no one else's name."""
    words: dict[str, set[int]] = {}
    for i, ent in enumerate(entities):
        for a in ent.aliases:
            for w in a.split():
                words.setdefault(w, set()).add(i)
    out = []
    for i, ent in enumerate(entities):
        first = ent.name.split()[0]
        if ent.kind != "person" or len(ent.name.split()) < 2 or words.get(first) != {i}:
            continue
        # (a given name by the lists, or by this text: used alone where the model saw a person)
        if (
            len(first) >= 3
            and first[1:].islower()
            and (is_given_name(first) or first in ent.aliases)
        ):
            out.append((first, i))
    return out


def _first_name_subject(span: Span) -> bool:
    """A given name alone that does something ("Marta said"), not one inside another name
    or a title ("Doc Martin", "King Michael") or someone else's ("their son, John")."""
    tok = span[0]
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (
        len(span) == 1
        and tok.dep_ in ("nsubj", "nsubjpass")
        and (before is None or not before.text[:1].isupper() or bool(before.is_sent_start))
    )


def _last_bearer(found: list[Found], before: int, bearers: list[int]) -> int | None:
    """Of the entities sharing a surname, the one mentioned last before token `before`."""
    best = None
    for f in sorted(found, key=lambda f: f.start):
        if f.start >= before:
            break
        if f.entity in bearers:
            best = f.entity
    return best


def more_mentions(
    doc: Doc, found: list[Found], entities: list[Entity], char_ok: Callable[[int], bool]
) -> list[Found]:
    """Mentions the model missed: later uses of a known name or of a unique surname."""
    text = doc_text(doc)
    covered = bytearray(len(text) + 1)
    for f in found:
        used = doc[f.start : f.end]
        covered[used.start_char : used.end_char] = b"\x01" * (used.end_char - used.start_char)
    forms, ambiguous = _forms(entities)
    given = dict(_first_names_used(entities))
    forms = sorted(forms + list(given.items()), key=lambda x: -len(x[0]))
    if not forms:
        return []
    lookup = dict(forms)
    out: list[Found] = []
    alt = "|".join(re.escape(f) for f, _ in forms)
    for m in re.finditer(rf"(?<![\w-])(?:{alt})(?![\w-])", text):
        start, end = m.start(), m.end()
        span = doc.char_span(start, end, alignment_mode="contract")
        if any(covered[start:end]) or not char_ok(start) or span is None or not len(span):
            continue
        if (
            len(span) == 1
            and span[0].pos_ not in ("PROPN", "NOUN", "ADJ")
            and not _names_a_doer(span[0])
            and not _no_english_word(span[0])
        ):
            continue
        form = m.group(0)
        if form in given and not _first_name_subject(span):
            continue
        idx = lookup[form]
        if form in ambiguous:
            last = _last_bearer(found, span.start, ambiguous[form])
            if last is None:
                continue
            idx = last
        out.append(Found(entities[idx].kind, span.start, span.end, form, entity=idx))
        if form not in entities[idx].aliases:
            entities[idx].aliases.append(form)
        covered[start:end] = b"\x01" * (end - start)
    return out


def _names_a_doer(tok: Token) -> bool:
    """A capitalised surname the tagger took for another word ("May" as a modal) that a
    finite verb follows: "May said", "May performed" (a modal takes a bare verb)."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.text[:1].isupper() and nxt is not None and nxt.tag_ in ("VBD", "VBZ")


def _no_english_word(tok: Token) -> bool:
    """A capitalised word that no English word spells, whatever the tagger took it for
    ("Gagné, speaking in French, said": an adverb to the tagger)."""
    return tok.text[:1].isupper() and not tok.is_stop and not english_word(tok.lower_)


def _after_honorific(doc: Doc, word: str) -> bool:
    """Whether some use of `word` in the text follows an honorific ("Mr Fennimore")."""
    return any(
        i > 0 and norm_token(doc[i - 1].text) in HONORIFICS
        for i in tokens_where(doc, "ORTH", lambda w: w == word)
    )


def _speaks(doc: Doc, g: Found) -> bool:
    from app.annotate.cues import SPEECH_VERBS

    tok = doc[g.start : g.end].root
    verb = tok.head.lemma_.lower()
    if tok.dep_ == "nsubj" and verb in SPEECH_VERBS:
        return True
    if tok.dep_ == "nsubjpass" and verb in _TOLD_OR_ASKED:
        return True  # "X was told", not "X is not mentioned" (what is spoken of)
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


_TOLD_OR_ASKED = frozenset({"tell", "ask", "quote", "interview", "urge", "warn", "advise"})


def mononym_ok(doc: Doc, f: Found, singles: list[Found]) -> bool:
    """Keep a one-word person only with an honorific, or, when no use has an article
    before it ("the Bill" is a law), when it speaks or is a first name used alone."""
    if not f.name[:1].isupper() or (f.name.isupper() and len(f.name) > 3):
        return False
    key = norm_name(f.name)
    same = [g for g in singles if norm_name(g.name) == key]
    if _after_honorific(doc, f.name):
        return True
    if any(g.start > 0 and doc[g.start - 1].lower_ in ("the", "a", "an") for g in same):
        return False  # "the Bill proposes": a thing, even when it seems to speak
    if any(_speaks(doc, g) or _introduced_as_person(doc, g) for g in same):
        return True
    if key not in GIVEN_NAMES_M and key not in GIVEN_NAMES_F:
        return False
    return not any(_modified(doc, g) for g in same)  # "the Finance Bill", "a hybrid Bill"


def named_relative(doc: Doc, f: Found) -> bool:
    """ "her husband, Glen,", "their two girls, Ana and Bea": a name set beside a noun for a
    relative (or a child), or joined to one that is."""
    root = doc[f.start : f.end].root
    while root.dep_ == "conj" and root.head.pos_ == "PROPN" and root.head.i < root.i:
        root = root.head
    head = root.head.lemma_.lower()
    if root.dep_ == "appos" and (head in KIN_NOUNS or head in CHILD_NOUNS):
        return True
    return _kin_described_before(doc, f.start)


def _kin_described_before(doc: Doc, start: int) -> bool:
    """ "her husband, the fiddle player X": a relative's noun, a comma, then a description
    of no more than four lower-case words right before the name (whatever the parse)."""
    k = start - 1
    while k >= 0 and start - k <= 4 and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ", "DET"):
        k -= 1
    if k < 1 or k == start - 1 or doc[k].text != ",":
        return False
    return doc[k - 1].lemma_.lower() in KIN_NOUNS


_HUMAN_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "wife", "mother")
_NAMING = frozenset({"named", "called"})


def _introduced_as_person(doc: Doc, g: Found) -> bool:
    """A one-word name brought in as someone's: "an official named Jhony", "Yuni, a
    resident of Lampung", "Ketut, 41,"."""
    if g.start > 1 and doc[g.start - 1].lower_ in _NAMING and doc[g.start - 2].pos_ == "NOUN":
        return True
    if named_relative(doc, g):
        return True
    tok = doc[g.start]
    for c in tok.children:
        if (
            c.dep_ == "appos"
            and c.i > tok.i
            and c.pos_ == "NOUN"
            and c.lower_.endswith(_HUMAN_ENDINGS)
        ):
            return any(d.lower_ in ("a", "an") for d in c.children)
    return followed_by_age(doc, g)


def followed_by_age(doc: Doc, f: Found) -> bool:
    """ "Ketut, 41,", "against Jo Roe, 61.": a name set off with an age, a person's."""
    k = f.end
    return (
        k + 2 < len(doc)
        and doc[k].text == ","
        and doc[k + 1].text.isdigit()
        and 0 < int(doc[k + 1].text) < 120
        and doc[k + 2].text in (",", ".")
    )


def _modified(doc: Doc, g: Found) -> bool:
    """A word before the name that makes it part of a longer name or a common noun's use:
    an adjective or a capitalised word that is no title ("mother Judy" stays Judy)."""
    if g.start == 0 or doc[g.start].is_sent_start:
        return False
    prev = doc[g.start - 1]
    if norm_token(prev.text) in TITLE_WORDS:
        return False
    return prev.pos_ in ("ADJ", "PROPN") or prev.text[:1].isupper()
