"""Police ranks written short, ranks as descriptions, a relative brought in with a
description, and an age the parser hung on an adverb (sentences written for these tests)."""

from app.annotate import annotate
from tests.annotate.shown import shown_kinds, speakers


def _said(body: str) -> list[str | None]:
    return speakers(annotate("A headline for the test\n\n" + body))


def test_a_short_police_rank_makes_a_person_of_the_surname_after_it() -> None:
    body = (
        "Detective Sergeant Amira Colbeck led the search for the stolen van.\n\n"
        '"We followed every lead," DS Colbeck said.\n\n'
        '"It was patient work," DCI Colbeck added.'
    )
    assert _said(body) == ["Amira Colbeck", "Amira Colbeck"]
    assert shown_kinds(body) == {"Amira Colbeck": "person"}


def test_the_detective_is_the_one_whose_rank_says_detective() -> None:
    body = (
        "Detective Inspector Ruairi Penhale spoke outside the court on Friday.\n\n"
        "The detective said more witnesses had come forward."
    )
    assert _said(body) == ["Ruairi Penhale"]


def test_a_relative_brought_in_with_a_description_does_not_take_the_surname() -> None:
    body = (
        "Folk singer Greta Voss will put out a new record in May, her label said on Friday.\n\n"
        "The 61-year-old, whose early singles included Dry Creek and Lantern Hill, quit "
        "touring in 2015 after losing her husband, the banjo player Ansel Voss.\n\n"
        '"For years I could not even tune the thing," Voss said in a radio interview.'
    )
    assert _said(body)[-1] == "Greta Voss"


def test_an_age_the_parser_hung_on_an_adverb_still_speaks() -> None:
    body = (
        "Painter Idris Kalu won the regional prize on Saturday.\n\n"
        '"I almost missed the deadline," Kalu said.\n\n'
        "The 31-year-old later told reporters that he would spend the money on a studio."
    )
    assert _said(body) == ["Idris Kalu", "Idris Kalu"]
