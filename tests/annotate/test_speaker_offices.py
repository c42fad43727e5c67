"""An office description ("the prime minister", "the chancellor") stands for its holder, never
for someone stated to hold another office (sentences written for these tests)."""

from app.annotate import annotate
from app.annotate.offices import (
    fits_office,
    holds_other_office,
    other_office_named,
    same_portfolio,
)
from tests.annotate.shown import speakers


def _speakers(text: str) -> list[str | None]:
    art = annotate(text)
    return [
        art.entities[q.speaker_entity].name if q.speaker_entity is not None else q.speaker_label
        for q in art.quotations
    ]


def test_fits_office() -> None:
    assert fits_office({"the", "minister"}, "minister", "Justice Minister")
    assert fits_office({"the", "prime", "minister"}, "minister", "Irish Prime Minister")
    assert not fits_office({"the", "prime", "minister"}, "minister", "Aid minister")
    assert not fits_office({"the", "foreign", "secretary"}, "secretary", "Home Secretary")
    assert not fits_office({"the", "chancellor"}, "chancellor", "Tory MP")


def test_holds_other_office() -> None:
    assert holds_other_office({"the", "chancellor"}, "chancellor", ["Home Secretary"])
    assert holds_other_office({"the", "prime", "minister"}, "minister", ["Tory MP"])
    assert holds_other_office({"the", "prime", "minister"}, "minister", ["newspaper journalist"])
    # a party's leader may hold the office; a player's position is no office
    assert not holds_other_office({"the", "prime", "minister"}, "minister", ["Labour leader"])
    assert not holds_other_office({"the", "captain"}, "captain", ["Everton midfielder"])
    assert not holds_other_office({"the", "minister"}, "minister", ["Education Secretary"])


def test_other_office_named() -> None:
    assert other_office_named("the chancellor", "the prime minister")
    assert other_office_named("the home secretary", "the foreign secretary")
    assert not other_office_named("the prime minister", "the premier")
    assert not other_office_named("the minister", "the education secretary")
    assert not other_office_named("the prime minister", "Ruth Pym")


def test_office_is_not_the_holder_of_another() -> None:
    text = (
        "Home Secretary Ann Pryce spoke to reporters outside the Commons on Monday.\n\n"
        "The chancellor said the budget would cut fuel duty by two pence."
    )
    assert _speakers(text) == ["The chancellor"]


def test_office_is_not_a_journalist_or_an_mp() -> None:
    text = (
        "Tom Hale won the vote on Monday. Tory MP Dan Frost and journalist Eva Linn "
        "watched from the gallery.\n\n"
        "Later the prime minister said the result showed the plan worked."
    )
    assert _speakers(text) == ["Tom Hale"]


def test_same_office_is_the_same_person() -> None:
    text = (
        "Tom Hale met Rob Finch in Downing Street on Monday.\n\n"
        "The prime minister said the talks had gone well.\n\n"
        "Rob Finch left before the end. Later the prime minister said a deal was close."
    )
    assert _speakers(text) == ["Tom Hale", "Tom Hale"]


def test_one_office_holder_is_not_another() -> None:
    text = (
        "Tom Hale met Rob Finch in Downing Street on Monday.\n\n"
        "The prime minister said the talks had gone well.\n\n"
        "The chancellor said there would be no rise in income tax."
    )
    assert _speakers(text) == ["Tom Hale", "Rob Finch"]


def test_premier_may_be_the_prime_minister() -> None:
    text = (
        "Tom Hale met Rob Finch in Downing Street on Monday.\n\n"
        "The premier said the talks had gone well.\n\n"
        "The prime minister said a deal was close."
    )
    assert _speakers(text) == ["Tom Hale", "Tom Hale"]


def test_officer_of_a_named_body_is_someone_new() -> None:
    text = (
        "Tory leader Tom Hale set out plans for elected police chiefs on Monday.\n\n"
        "The chairman of the Police Guild of Wessex said the plans were dangerous."
    )
    assert _speakers(text) == ["The chairman of the Police Guild of Wessex"]


def test_same_portfolio() -> None:
    assert same_portfolio({"prime", "minister"}, "Prime Minister")
    assert same_portfolio({"federal", "minister"}, "Finance Minister")
    assert not same_portfolio({"prime", "minister"}, "Finance Minister")


def test_a_minister_of_another_portfolio_is_not_the_prime_minister() -> None:
    text = (
        "Finance Minister Ruth Amberley says the deficit will shrink.\n\n"
        "Osgood, speaking in Leeds, said the economy was strong. “People are working,” the "
        "prime minister said."
    )
    assert _speakers(text) == ["Ruth Amberley", "Osgood", "Osgood"]


def test_a_lead_that_names_the_office_before_its_holder() -> None:
    text = (
        "Lobster season delayed\n\n"
        "HALIFAX — Nova Scotia’s fisheries minister announced Tuesday that the lobster season "
        "will open two weeks late.\n\n"
        "“The stocks need time,” Fisheries Minister Odile Marchetti told reporters.\n\n"
        "Opposition critic Ray Dunn said the minister should have warned crews sooner."
    )
    assert _speakers(text) == ["Odile Marchetti", "Odile Marchetti", "Ray Dunn"]


def test_an_office_named_first_stays_unnamed_when_two_could_hold_it() -> None:
    text = (
        "Clinics stay open\n\n"
        "The province’s health minister said Monday that clinics would stay open.\n\n"
        "Health Minister Odile Marchetti and federal Health Minister Ray Dunn met in May."
    )
    assert _speakers(text) == ["The province's health minister"]


def test_the_office_of_a_named_minister_speaks_for_the_minister_not_as_her() -> None:
    text = (
        "Forestry Minister Odile Marchetti toured the site on Monday.\n\n"
        "In a release, the office of Forestry Minister Odile Marchetti said officials had "
        "sat down with the band council twice.\n\n"
        "Independent MLA Ray Dunn said the talks had gone nowhere. “I have heard nothing,” "
        "the MLA said."
    )
    assert _speakers(text) == [
        "the office of Forestry Minister Odile Marchetti",
        "Ray Dunn",
        "Ray Dunn",
    ]


def test_the_title_of_an_office_is_its_holder_not_a_body() -> None:
    art = annotate(
        "Ports row\n\n"
        "The Minister for Ports, Aoife Dolan, has said she will not step down over the delays.\n\n"
        "On Monday, Independent TD Niamh Roe said she would vote against the plan.\n\n"
        "The Taoiseach, Colm Hegarty, told reporters that Ms Dolan had his full support."
    )
    assert speakers(art) == ["Aoife Dolan", "Niamh Roe", "Colm Hegarty"]
    assert {e.kind for e in art.entities} == {"person"}
