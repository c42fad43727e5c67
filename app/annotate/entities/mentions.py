"""Later mentions the model missed, and whether a one-word name is a person at all."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from app.annotate.entities.lexicon import GIVEN_NAMES_F, GIVEN_NAMES_M, HONORIFICS
from app.annotate.entities.result import Found
from app.annotate.names import norm_name, norm_token
from app.annotate.types import Entity


def more_mentions(doc: Doc, found: list[Found], entities: list[Entity], char_ok) -> list[Found]:
    """Mentions the model missed: later uses of a known name or of a unique surname."""
    text = doc.text
    covered = bytearray(len(text) + 1)
    for f in found:
        span = doc[f.start : f.end]
        covered[span.start_char : span.end_char] = b"\x01" * (span.end_char - span.start_char)
    surnames: dict[str, list[int]] = {}
    for i, e in enumerate(entities):
        if e.kind == "person" and len(e.name.split()) > 1:
            surnames.setdefault(e.name.split()[-1], []).append(i)
    forms: list[tuple[str, int]] = []
    for i, e in enumerate(entities):
        for a in e.aliases:
            if len(a) >= 3 and (len(a.split()) > 1 or e.kind == "organisation"):
                forms.append((a, i))
    ambiguous: dict[str, list[int]] = {}
    for sn, idxs in surnames.items():
        if len(sn) >= 3 and sn[0].isupper():
            if len(idxs) == 1:
                forms.append((sn, idxs[0]))
            else:
                ambiguous[sn] = idxs
                forms.append((sn, idxs[0]))
    if not forms:
        return []
    forms.sort(key=lambda x: -len(x[0]))
    alt = "|".join(re.escape(f) for f, _ in forms)
    lookup = {f: i for f, i in forms}
    firsts = sorted((f.start, f.entity) for f in found if f.entity is not None)
    out: list[Found] = []
    for m in re.finditer(rf"(?<![\w-])(?:{alt})(?![\w-])", text):
        s, e = m.start(), m.end()
        if any(covered[s:e]) or not char_ok(s):
            continue
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is None or not len(span):
            continue
        if len(span) == 1 and span[0].pos_ not in ("PROPN", "NOUN", "ADJ"):
            continue
        form = m.group(0)
        idx = lookup[form]
        if form in ambiguous:
            # the bearer of this surname mentioned last
            best = None
            for pos, ent in firsts:
                if pos >= span.start:
                    break
                if ent in ambiguous[form]:
                    best = ent
            if best is None:
                continue
            idx = best
        out.append(Found(entities[idx].kind, span.start, span.end, form, entity=idx))
        if form not in entities[idx].aliases:
            entities[idx].aliases.append(form)
        covered[s:e] = b"\x01" * (e - s)
    return out


def _after_honorific(doc: Doc, word: str) -> bool:
    """Whether some use of `word` in the text follows an honorific ("Mr Fennimore")."""
    return any(
        t.text == word and t.i > 0 and norm_token(doc[t.i - 1].text) in HONORIFICS for t in doc
    )


def _speaks(doc: Doc, g: Found) -> bool:
    from app.annotate.cues import SPEECH_VERBS

    tok = doc[g.start : g.end].root
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in SPEECH_VERBS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def mononym_ok(doc: Doc, f: Found, singles: list[Found]) -> bool:
    """Keep a one-word person only with an honorific, when it speaks, or when it is a
    first name used alone ("Judy") without an article before it ("the Bill" is a law)."""
    if not f.name[:1].isupper() or (f.name.isupper() and len(f.name) > 3):
        return False
    key = norm_name(f.name)
    same = [g for g in singles if norm_name(g.name) == key]
    if _after_honorific(doc, f.name) or any(_speaks(doc, g) for g in same):
        return True
    if key in GIVEN_NAMES_M or key in GIVEN_NAMES_F:
        return not any(g.start > 0 and doc[g.start - 1].lower_ in ("the", "a", "an") for g in same)
    return False
