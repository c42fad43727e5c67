"""Layout: how a text is cut into units (texts written for these tests)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from app.annotate.layout import split_units, text_lines, wrap_width


def _never(_line: str) -> bool:
    return False


def _texts(text: str, alone: Callable[[str], bool] = _never) -> list[str]:
    return [text[s:e] for s, e in split_units(text, alone)]


PARAGRAPHS = [
    "The council said on Monday that it would spend more on road repairs this year, after a "
    "winter of heavy frost left hundreds of potholes in the county's minor roads.",
    "The money will come from reserves, the finance director told members at a meeting that "
    "lasted almost four hours and ended shortly before midnight.",
    "Opposition members said the plan was too little and came too late for drivers who had "
    "already paid for damage to their cars.",
]
# wrapped by hand: the widths vary by a few characters
BY_HAND = """The council said on Monday that it would spend more on road repairs
this year, after a winter of heavy frost left hundreds of potholes in the
county's minor roads.
The money will come from reserves, the finance director told members
at a meeting that lasted almost four hours and ended shortly before
midnight.
Opposition members said the plan was too little and came too late for
drivers who had already paid for damage to their cars.
"""


def test_lines_keep_offsets_and_blocks() -> None:
    text = "  First line \n\n\nSecond\r\nThird\n"
    lines = text_lines(text)
    assert [text[ln.start : ln.end] for ln in lines] == ["First line", "Second", "Third"]
    assert [ln.block for ln in lines] == [0, 1, 1]
    assert lines[0].indent == 2


def test_one_paragraph_per_line() -> None:
    text = "The river rose overnight.\nResidents moved to higher ground.\nSchools closed.\n"
    assert _texts(text) == [
        "The river rose overnight.",
        "Residents moved to higher ground.",
        "Schools closed.",
    ]


def test_blank_line_blocks_keep_their_lists_whole() -> None:
    text = (
        "Title of the piece\n\n"
        "The report made three proposals for the county, all of them costly ones.\n\n"
        "- more buses on rural routes\n- cheaper fares for students\n- a new depot\n\n"
        "The council will vote on the proposals next month after a consultation.\n"
    )
    units = _texts(text)
    assert len(units) == 4
    assert units[2].count("\n") == 2


def _flat(units: list[str]) -> list[str]:
    return [" ".join(u.split()) for u in units]


def test_hard_wrapped_lines_are_rejoined_where_a_word_would_not_fit() -> None:
    # Without blank lines or indents a paragraph ends where its last line has room for the
    # next word: so at these widths, not at every width (at 80 the second paragraph's last
    # line is full, and the third is taken as its continuation).
    for width in (50, 64, 72):
        text = "\n".join(textwrap.fill(p, width) for p in PARAGRAPHS)
        assert wrap_width(text, text_lines(text)) is not None
        assert _flat(_texts(text)) == PARAGRAPHS, width


def test_hard_wrapped_with_blank_lines_and_header() -> None:
    for width in (66, 80):
        text = "Council to spend more on repairs to minor roads\nBy Ann Lee\n\n" + "\n\n".join(
            textwrap.fill(p, width) for p in PARAGRAPHS
        )
        head = ["Council to spend more on repairs to minor roads", "By Ann Lee"]
        assert _flat(_texts(text)) == [*head, *PARAGRAPHS]


def test_wrapped_by_hand() -> None:
    assert _flat(_texts(BY_HAND)) == PARAGRAPHS


def test_indented_paragraphs_of_wrapped_text() -> None:
    text = "\n".join(textwrap.fill(p, 70, initial_indent="    ") for p in PARAGRAPHS)
    assert _flat(_texts(text)) == PARAGRAPHS


def test_one_paragraph_per_line_is_not_mistaken_for_wrapping() -> None:
    text = "\n".join(
        f"Sentence number {n} of the report says something about the county roads."
        for n in range(8)
    )
    assert wrap_width(text, text_lines(text)) is None
    assert len(_texts(text)) == 8


def test_lines_that_stand_alone_are_cut_from_their_block() -> None:
    text = (
        "Road repairs\n\nBy Ann Lee\nPublished 3 March 2005\n\n"
        "The lead paragraph of the story is here.\n\nMore.\n"
    )
    alone = {"By Ann Lee", "Published 3 March 2005"}.__contains__
    assert _texts(text, alone)[1:3] == ["By Ann Lee", "Published 3 March 2005"]
    assert _texts(text)[1] == "By Ann Lee\nPublished 3 March 2005"


def test_a_headline_over_the_lead_in_one_block() -> None:
    text = "Harbour wall to be rebuilt\nThe wall will be rebuilt next year.\n\nWork starts soon.\n"
    assert _texts(text) == [
        "Harbour wall to be rebuilt",
        "The wall will be rebuilt next year.",
        "Work starts soon.",
    ]


def test_empty_and_blank_texts() -> None:
    assert _texts("") == []
    assert _texts(" \n\n\t\n") == []
