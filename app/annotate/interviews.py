"""Step 3 of quotation extraction: interview and transcript layouts.

Two layouts put speech in paragraphs without quotation marks or cue verbs:

- question and answer: paragraphs opening with "Q:" / "Question:" and "A:" / "Answer:"; each
  answer is a direct quotation of the interviewee, the person the article names most often
  before the first question;
- a transcript: paragraphs opening with a speaker's name and a colon ("FISCHER: ..."), where the
  name is a person of the article; at least two such paragraphs make a transcript.

An answer replaces whatever the other steps found inside its paragraph (an "I said" in an
answer is the interviewee's own words).
"""

from __future__ import annotations

import re
from collections import Counter

from app.annotate.entities import EntityResult
from app.annotate.names import norm_token
from app.annotate.quote_index import Candidate, QuoteIndex, trim_direct
from app.annotate.quotemarks import QuoteSpan
from app.annotate.speakers import Speaker
from app.annotate.types import Paragraph

_QUESTION = re.compile(r"(?:Q|Question)\s*[:.]\s+", re.IGNORECASE)
_ANSWER = re.compile(r"(?:A|Answer)\s*[:.]\s+", re.IGNORECASE)
_NAMED = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\s*:\s+")


def interview_answers(
    text: str, index: QuoteIndex, ents: EntityResult, cands: list[Candidate]
) -> list[Candidate]:
    """``cands`` with the answers of a Q&A or transcript layout in place of what the other
    steps found inside those paragraphs."""
    found = (
        qa_answers(text, index.paragraphs, ents)
        or transcript_turns(text, index.paragraphs, ents)
        or question_answers(text, index, ents)
    )
    if not found:
        return cands
    taken = {c.para for c in found}
    kept = [c for c in cands if c.para not in taken]
    for c in found:
        c.quote_ids = set(index.in_para(c.para))
    return kept + found


def qa_answers(text: str, paragraphs: list[Paragraph], ents: EntityResult) -> list[Candidate]:
    """The answers of a question-and-answer layout (none unless it has both Q and A)."""
    questions = [p for p in paragraphs if _QUESTION.match(p.text)]
    answers = [p for p in paragraphs if _ANSWER.match(p.text)]
    if not questions or not answers:
        return []
    speaker = _interviewee_speaker(ents, paragraphs, min(p.number for p in questions))
    if speaker is None:
        return []
    out = []
    for p in answers:
        m = _ANSWER.match(p.text)
        assert m is not None
        s, e_ = _unquoted(text, *trim_direct(text, p.start + m.end(), p.end))
        if e_ - s >= 2:
            out.append(Candidate(-1, [(s, e_)], "direct", None, speaker, p.number))
    return out


_OPENING = "\"“‘'"
_CLOSING = "\"”’'"


def _unquoted(text: str, s: int, e: int) -> tuple[int, int]:
    """An answer's words without the quotation marks around all of them ("A: “Fine.”")."""
    marked = e - s > 2 and text[s] in _OPENING and text[e - 1] in _CLOSING
    if marked and not any(c in text[s + 1 : e - 1] for c in '"“”'):
        return trim_direct(text, s + 1, e - 1)
    return s, e


def question_answers(text: str, index: QuoteIndex, ents: EntityResult) -> list[Candidate]:
    """The answers of an interview whose questions are paragraphs of their own, with no
    "Q:" ("What inspired the book?" / "My sister, mostly."): the paragraphs after each
    question up to the next (the one after the last), when at least three questions follow
    each other at most three paragraphs apart and the answers speak in the first person.
    An answer wholly in quotation marks loses them; one that only quotes inside is the
    other steps' (a reported answer)."""
    paragraphs = index.paragraphs
    asked = _question_run([i for i, p in enumerate(paragraphs) if _bare_question(p.text)])
    answers = _answers_after(index, asked)
    if len(answers) < 3 or not any(_FIRST_PERSON.search(p.text) for p in answers):
        return []
    speaker = _interviewee_speaker(ents, paragraphs, paragraphs[asked[0]].number)
    if speaker is None:
        return []
    out = []
    for p in answers:
        span = _answer_span(text, index, p)
        if span is not None:
            out.append(Candidate(-1, [span], "direct", None, speaker, p.number))
    return out


def _answers_after(index: QuoteIndex, asked: list[int]) -> list[Paragraph]:
    """The paragraphs between each question and the next; after the last, one (and those
    that carry on a quotation it leaves open)."""
    paragraphs = index.paragraphs
    out: list[Paragraph] = []
    for k, i in enumerate(asked):
        nxt = asked[k + 1] if k + 1 < len(asked) else None
        j = i + 1
        while j < len(paragraphs) and (j < nxt if nxt is not None else True):
            if nxt is None and j > i + 1 and not _left_open(index, paragraphs[j - 1]):
                break
            out.append(paragraphs[j])
            j += 1
    return out


def _left_open(index: QuoteIndex, p: Paragraph) -> bool:
    """A paragraph that opens on a quotation and leaves its last one open (the next carries
    it on)."""
    spans = _double_quotes(index, p)
    opens = bool(spans) and spans[0].has_open and spans[0].open == p.start
    return opens and spans[-1].close is None


def _answer_span(text: str, index: QuoteIndex, p: Paragraph) -> tuple[int, int] | None:
    """The answer's words, without the quotation marks it is wholly in; None when it quotes
    only inside (someone's words reported in it)."""
    s, e = trim_direct(text, p.start, p.end)
    spans = _double_quotes(index, p)
    if not spans:
        return s, e
    q = spans[0]
    if len(spans) == 1 and q.open == s and q.close in (None, e - 1):
        return trim_direct(text, q.start, q.end)
    return None


def _double_quotes(index: QuoteIndex, p: Paragraph) -> list[QuoteSpan]:
    return [index.spans[k] for k in index.in_para(p.number) if index.spans[k].double]


def _question_run(asked: list[int]) -> list[int]:
    """The longest run of question paragraphs each at most three paragraphs after the one
    before (an interview's rhythm, not a reader's question among comments)."""
    best: list[int] = []
    run: list[int] = []
    for i in asked:
        run = [*run, i] if run and i - run[-1] <= 3 else [i]
        if len(run) > len(best):
            best = run
    return best


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|We|my|My|our|Our|me)\b")
_QUOTE_MARKS = re.compile('["“”]')


def _bare_question(text: str) -> bool:
    """A short paragraph that ends on a question and says nothing else of its own: one to
    three questions ("What about compensation? Would a cheque help?"), and no exclamation
    (a reader's comment: "Get your hands off it! Is nothing sacred?")."""
    t = text.strip()
    return (
        t.endswith("?")
        and len(t.split()) <= 40
        and t.count("?") <= 3
        and "!" not in t
        and not _QUOTE_MARKS.search(t)
    )


def _interviewee_speaker(
    ents: EntityResult, paragraphs: list[Paragraph], before: int
) -> Speaker | None:
    """The interviewee (``interviewee``) as the speaker of the answers."""
    person = interviewee(ents, paragraphs, before)
    if person is None:
        return None
    e = ents.entities[person]
    return Speaker(person, e.name, e.kind, None)


def interviewee(ents: EntityResult, paragraphs: list[Paragraph], before: int) -> int | None:
    """The person named most often before paragraph ``before`` (the first one on a tie)."""
    limit = paragraphs[before - 1].start
    counts: Counter[int] = Counter()
    for ent, s, _e in ents.mentions:
        if s < limit and ents.entities[ent].kind == "person":
            counts[ent] += 1
    if not counts:
        return None
    top = max(counts.values())
    return min((s, ent) for ent, s, _e in ents.mentions if counts.get(ent) == top)[1]


def transcript_turns(text: str, paragraphs: list[Paragraph], ents: EntityResult) -> list[Candidate]:
    """Paragraphs opening with a person's name and a colon, when there are at least two."""
    by_name = _person_names(ents)
    out = []
    for p in paragraphs:
        m = _NAMED.match(p.text)
        if m is None:
            continue
        person = by_name.get(norm_token(m.group(1).split()[-1]))
        if person is None:
            continue
        e = ents.entities[person]
        s, e_ = _unquoted(text, *trim_direct(text, p.start + m.end(), p.end))
        if e_ - s >= 2:
            speaker = Speaker(person, e.name, e.kind, m.group(1))
            out.append(Candidate(-1, [(s, e_)], "direct", None, speaker, p.number))
    return out if len(out) >= 2 else []


def _person_names(ents: EntityResult) -> dict[str, int]:
    """Surname (last word of the name) -> person, for the surnames only one person has."""
    seen: dict[str, list[int]] = {}
    for i, e in enumerate(ents.entities):
        if e.kind == "person" and e.name.split():
            seen.setdefault(norm_token(e.name.split()[-1]), []).append(i)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}
