"""The annotator's pipeline, step by step (texts written for these tests): clean -> analysis
text -> parse -> entities -> quotations -> identity."""

from __future__ import annotations

import pytest

from app.annotate import annotate, annotate_many
from app.annotate.analysis import analysis_text
from app.annotate.clean import clean

WRAPPED = """Acme Foods profit falls as grain and fuel costs rise
By Laura Chen
Published: 3 March 2005

NEW YORK (Reuters) - Acme Foods Inc said on Thursday its quarterly
profit fell 12 percent as higher costs for grain and fuel ate into
margins, and it cut its forecast for the rest of the year.

"We expect cost pressures to ease in the second half of the year,"
Chief Executive Mark Delaney said in a statement.

Share this article
"""


def test_analysis_text_keeps_length_and_shows_only_the_body() -> None:
    _, paragraphs = clean(WRAPPED)
    analysed = analysis_text(WRAPPED, paragraphs)
    assert len(analysed) == len(WRAPPED)
    assert "Acme Foods profit falls" not in analysed  # the title
    assert "Laura Chen" not in analysed and "Share this" not in analysed
    assert "NEW YORK" not in analysed  # the dateline is hidden from the parser
    first = paragraphs[0]
    assert analysed[first.start : first.end].lstrip().startswith("Acme Foods Inc said")
    # a wrapped line break inside a sentence reads as a space, a break after one stays
    assert "its quarterly profit fell" in analysed
    assert "\n" in analysed[paragraphs[0].end : paragraphs[1].start]


def test_analysis_text_replaces_quotes_one_for_one_and_keeps_list_lines() -> None:
    text = (
        "Headline here\n\nThe mayor said “yes” to it.\n- first item\n- second item\n\nEnd of it.\n"
    )
    _, paragraphs = clean(text)
    analysed = analysis_text(text, paragraphs)
    assert len(analysed) == len(text)
    assert '"yes"' in analysed
    assert "item\n- second" in analysed


def test_pipeline_on_a_hard_wrapped_article() -> None:
    art = annotate(WRAPPED)
    meta = art.metadata
    assert (meta.title, meta.authors, meta.source) == (
        "Acme Foods profit falls as grain and fuel costs rise",
        ["Laura Chen"],
        "Reuters",
    )
    assert len(art.paragraphs) == 2
    names = {e.name: e for e in art.entities}
    assert "Mark Delaney" in names and "Acme Foods Inc" in names
    assert "author" in names["Laura Chen"].roles  # step 6: the byline author is a person
    direct = [q for q in art.quotations if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "We expect cost pressures to ease in the second half of the year"
    ]
    assert direct[0].paragraph == 2
    assert art.entities[direct[0].speaker_entity].name == "Mark Delaney"
    for m in art.mentions:
        assert WRAPPED[m.start : m.end] == m.text


def test_annotate_many_runs_the_same_steps() -> None:
    texts = [WRAPPED, "", "TOKYO – The port reopened on Monday, officials said."]
    for text, art in zip(texts, annotate_many(texts, batch_size=2), strict=True):
        single = annotate(text)
        assert art.metadata == single.metadata
        assert art.paragraphs == single.paragraphs
        assert [q.text for q in art.quotations] == [q.text for q in single.quotations]


def test_text_must_be_a_string() -> None:
    with pytest.raises(TypeError):
        annotate(b"bytes")  # type: ignore[arg-type]


def test_a_full_stop_after_a_name_ending_in_a_capital_is_its_own_token() -> None:
    from app.annotate.nlp import get_nlp

    doc = get_nlp().make_doc("Sales fell, according to research firm TrendQ. Jan M. Holt agreed.")
    words = [t.text for t in doc]
    assert words[7:9] == ["TrendQ", "."]
    assert "M." in words  # an initial keeps its stop
    art = annotate(
        "A headline for the test\n\n"
        "Ad sales will fall by a fifth next year, according to media buying company TrendQ."
    )
    assert [q.speaker_text for q in art.quotations] == ["media buying company TrendQ"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("A vigil on Main Street. (Priya Nand/CBC)", "A vigil on Main Street."),
        ("A vigil. ( Tomas Reyna / Daily Star )", "A vigil."),
        ("Her garden in May. (Submitted by Ilse Varga)", "Her garden in May."),
        ("The crowd at dusk. (CBC)", "The crowd at dusk."),
        ("The Raiders (Leeds/ENG) and the Broadcasting Board (BB)", None),
        ("On air (Channel One/Channel Two, 9pm)", None),
    ],
)
def test_a_bracketed_photo_credit_is_blank_for_the_parser(text: str, kept: str | None) -> None:
    from app.annotate.furniture import blank_credits

    blanked = blank_credits(text)
    assert len(blanked) == len(text)
    assert blanked.rstrip() == (kept if kept is not None else text)


def test_a_photographer_in_a_credit_is_no_one_in_the_story() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Greta Solberg has knitted 300 hats for the ward. (Submitted by Anja Solberg)\n\n"
        "“It keeps my hands busy,” Solberg said.\n\n"
        "Her hats fill two shelves at the hospital. (Kiran Basu/CBC)"
    )
    assert sorted(e.name for e in art.entities) == ["Greta Solberg"]
    assert [art.entities[q.speaker_entity].name for q in art.quotations] == ["Greta Solberg"]


def test_an_abbreviated_title_keeps_its_stop_and_its_name() -> None:
    from app.annotate.nlp import get_nlp

    doc = get_nlp().make_doc("Thanks to Coun. Ida Marsh and Staff Insp. Tom Beck.")
    assert [t.text for t in doc][2:6] == ["Coun.", "Ida", "Marsh", "and"]
    art = annotate(
        "A headline for the test\n\n"
        "The ferry timetable is “a mess for commuters,” says Coun. Ida Marsh.\n\n"
        "Det. Const. Tom Beck said the van was found in a lane."
    )
    speakers = [art.entities[q.speaker_entity].name for q in art.quotations]
    assert speakers == ["Ida Marsh", "Tom Beck"]


def test_a_stop_before_a_word_in_lower_case_ends_no_sentence() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Retired welder Sam Doe, who shed 9 lbs. “and a belt notch” over the summer, says the"
        " walking plan worked.\n\n"
        "Doe says he has kept off 9 lbs. since he began the plan in Sask. where he lives."
    )
    assert [(q.text, art.entities[q.speaker_entity].name) for q in art.quotations] == [
        ("the walking plan worked", "Sam Doe"),
        ("he has kept off 9 lbs. since he began the plan in Sask. where he lives", "Sam Doe"),
    ]


def test_annotate_many_in_worker_processes_gives_the_same_annotations_in_order() -> None:
    texts = [WRAPPED, "", "TOKYO – The port reopened on Monday, officials said.", WRAPPED[:400]]
    texts = texts * 3  # more batches than workers hold at once
    assert list(annotate_many(texts, batch_size=2, n_process=2)) == [annotate(t) for t in texts]


def test_a_failure_in_a_worker_process_reaches_the_caller() -> None:
    with pytest.raises(TypeError):
        list(annotate_many(["A text.", b"bytes"], batch_size=1, n_process=2))  # type: ignore[list-item]
