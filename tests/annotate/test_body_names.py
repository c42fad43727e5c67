"""Names of bodies the model cuts short: a department named after its portfolios, an
office named after the titles of its holder (sentences written for these tests)."""

import pytest

from app.annotate import annotate
from app.annotate.entities.body_names import body_name_end, names_an_office, recover_clubs
from app.annotate.entities.grouping import short_org_forms
from app.annotate.entities.result import Found
from app.annotate.nlp import get_nlp
from app.annotate.types import Entity
from tests.annotate.shown import shown_kinds, speakers


@pytest.mark.parametrize(
    "name",
    [
        "Department for Fisheries, Harbours and Skills",
        "Department for Housing, Roads and Transport",
        "Office of the Deputy Chief Minister",
        "Office of the Deputy Prime Minister",
    ],
)
def test_a_body_is_named_to_its_end(name: str) -> None:
    kinds = shown_kinds(f"Rents rose last year, a spokesperson for the {name} said on Friday.")
    assert kinds == {name: "organisation"}


def test_a_portfolio_list_runs_on_only_through_plain_nouns() -> None:
    doc = get_nlp()("Officials at the Department for Ports and Labour met. Labour said no.")
    start = next(t.i for t in doc if t.text == "Department")
    assert body_name_end(doc, start, start + 3) == start + 3  # "Labour" is named alone
    doc = get_nlp()("Officials at the Department for Ports and Canals met on Monday.")
    assert body_name_end(doc, start, start + 3) == start + 5


def test_a_name_cut_after_a_preposition() -> None:
    doc = get_nlp()(
        "Figures from the Office of the Chief Minister showed a rise, Tom Reddy of Leeds said."
    )
    office = next(t.i for t in doc if t.text == "Office")
    assert body_name_end(doc, office, office + 3) == office + 5
    assert names_an_office(doc, office, office + 5)
    tom = next(t.i for t in doc if t.text == "Tom")
    assert body_name_end(doc, tom, tom + 3) == tom + 2  # a person's name, "of" cut off


def test_clubs_named_with_a_word_no_one_has_for_a_surname() -> None:
    kinds = shown_kinds(
        "On Saturday, Florence Athletic beat Kilby Wanderers 2-1, while Deportivo Alcora lost "
        "to Olympique Tessane. Wanderers manager Tom Reddy said his side were unlucky."
    )
    assert kinds == {
        "Florence Athletic": "organisation",
        "Kilby Wanderers": "organisation",
        "Deportivo Alcora": "organisation",
        "Olympique Tessane": "organisation",
        "Tom Reddy": "person",
    }


def test_a_club_word_inside_a_longer_name_is_no_club() -> None:
    doc = get_nlp()("She spoke for the Kilby Rovers Supporters Trust on Monday.")
    assert recover_clubs(doc, set()) == []


def test_a_short_form_joins_the_club_however_its_name_is_clipped() -> None:
    names = ["Kilbride United", "Kil United", "United"]
    entities = [Entity("organisation", n, n.lower()) for n in names]
    found = [Found("organisation", k, k + 1, n, entity=k) for k, n in enumerate(names)]
    assert short_org_forms(entities, found) == {2: 0}


def _short_forms(names: list[str], uses: list[int], parties: tuple[int, ...] = ()) -> dict:
    entities = [Entity("organisation", n, n.lower()) for n in names]
    found = [
        Found("organisation", k, k + 1, n, entity=i, party=i in parties)
        for i, (n, times) in enumerate(zip(names, uses, strict=True))
        for k in range(times)
    ]
    return short_org_forms(entities, found)


def test_a_town_named_alone_is_its_club_however_often() -> None:
    assert _short_forms(["Kilby Rovers", "Kilby"], [1, 4]) == {1: 0}
    assert _short_forms(["Kilby Town", "Kilby"], [1, 4]) == {1: 0}
    assert _short_forms(["Kilby Research", "Kilby"], [1, 4]) == {}  # a unit of the firm


def test_a_firm_named_without_its_head_nouns() -> None:
    names = ["Norvex Capital Partners", "Norvex Capital Partners Group", "Norvex"]
    assert _short_forms(names, [1, 1, 3]) == {2: 0}


def test_the_plural_of_a_bodys_first_word_names_its_members() -> None:
    assert _short_forms(["Reform Alliance", "Reforms"], [1, 2]) == {1: 0}
    assert _short_forms(["Reform Alliance", "Reform Union", "Reforms"], [1, 1, 2]) == {}
    assert _short_forms(["Liberal Party Rally", "Liberals"], [1, 2], parties=(1,)) == {}


@pytest.mark.parametrize(
    "name",
    ["Kilby Coaches' Guild", "School Caretakers' Review Body", "Eastfield Tenants' Association"],
)
def test_a_plurals_possessive_stays_inside_a_bodys_name(name: str) -> None:
    kinds = shown_kinds(f"The {name} said on Monday that it would appeal against the ruling.")
    assert kinds == {name: "organisation"}


def test_a_division_played_in_and_a_tournament_are_no_bodies() -> None:
    kinds = shown_kinds(
        "Kilby Rovers moved up to fourth in the Northern Premier Division after a 2-0 win. "
        "Their striker will miss the Tessane Open and two Coastal Trophy matches."
    )
    assert kinds == {"Kilby Rovers": "organisation"}
    kinds = shown_kinds("The sale of the Norvex Gaming Division is not complete, the firm said.")
    assert kinds == {"Norvex Gaming Division": "organisation"}


def test_a_department_named_after_its_portfolios_speaks_for_itself() -> None:
    art = annotate(
        "Stand approved\n\n"
        "A spokesperson for the Department for Heritage, Media and Sport said the new stand "
        "had been approved."
    )
    assert speakers(art) == ["Department for Heritage, Media and Sport"]
