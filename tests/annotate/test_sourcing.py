"""Whether a speaker is named: unnamed sources are a share newsrooms track (sentences and
labels written for these tests)."""

import pytest

from app.annotate import annotate
from app.annotate.sourcing import label_named


def _named(text: str) -> list[tuple[str | None, bool | None]]:
    art = annotate(text)
    return [
        (
            art.entities[q.speaker_entity].name
            if q.speaker_entity is not None
            else q.speaker_label,
            q.speaker_named,
        )
        for q in art.quotations
    ]


def test_a_named_person_an_unnamed_official_and_a_report() -> None:
    text = (
        "Port traffic fell by a third in March, Harbour master Ines Kalder said on Monday.\n\n"
        "Officials familiar with the talks said the ferry contract would be cancelled.\n\n"
        "A report by the Coastal Freight Council said that costs had doubled."
    )
    assert _named(text) == [
        ("Ines Kalder", True),
        ("Officials familiar with the talks", False),
        ("Coastal Freight Council", True),
    ]


def test_a_bare_spokesman_is_unnamed_and_a_party_spokesman_is_not() -> None:
    text = (
        "“We will not comment on rumours,” a spokesman said.\n\n"
        "“The figures speak for themselves,” a Green Party spokeswoman said."
    )
    assert [named for _, named in _named(text)] == [False, True]


@pytest.mark.parametrize(
    "label",
    [
        "analysts",
        "Some economists",
        "a senior diplomat",
        "sources close to the minister",
        "A Department for Transport source",
        "UKIP officials",
        "one Leeds-based trader",
        "Witnesses",
    ],
)
def test_people_the_text_does_not_name_are_unnamed(label: str) -> None:
    assert label_named(label) is False


@pytest.mark.parametrize(
    "label",
    [
        "a report",
        "new research",
        "the government",
        "Police",
        "The Tory spokesman",
        "a spokesman for the airline",
        "her spokesman",
        "Dr Ann Roe, design director at a games firm",
        "Labour and the Liberal Democrats",
        "BT",
    ],
)
def test_names_documents_and_institutions_are_named(label: str) -> None:
    assert label_named(label) is True


@pytest.mark.parametrize(
    "label",
    ["the spokesman", "his lawyer", "the chairman", "92%", "Others", "The pair", ""],
)
def test_what_may_stand_for_someone_named_is_undecided(label: str) -> None:
    assert label_named(label) is None


def test_the_ministers_may_be_the_ones_named_before() -> None:
    text = (
        "Defence ministers Ola Brandt and Kai Moreno met in Oslo on Friday.\n\n"
        "The ministers said that the exercise would go ahead in May."
    )
    assert _named(text)[-1][1] is not False


@pytest.mark.parametrize(
    ("label", "named"),
    [
        ("Norway and its closest ally, Denmark", True),
        ("Greenpeace and several economists", True),
        ("traders and some analysts", False),
        ("Oxfam, Save the Children and other charities", True),
    ],
)
def test_a_group_is_named_when_one_of_its_members_is(label: str, named: bool) -> None:
    assert label_named(label) is named


def test_and_inside_a_name_joins_no_group() -> None:
    assert label_named("A Department for Farming and Fisheries source") is False
