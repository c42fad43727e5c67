"""An acronym and its expansion are one speaker (sentences written for these tests)."""

from app.annotate import annotate
from app.annotate.acronyms import expansion_in_text, initials, is_acronym


def test_is_acronym() -> None:
    assert is_acronym("CRA") and is_acronym("U.N.")
    assert not is_acronym("Canada") and not is_acronym("A") and not is_acronym("NASA2")


def test_initials_with_and_without_function_words() -> None:
    assert initials("Department of Justice") == {"DJ", "DOJ"}
    assert "NWA" in initials("Northern Water Authority")


def test_expansion_in_text() -> None:
    text = "Fees set by the Tidal Energy Board (TEB) rose. The Port Office, or PO, agreed."
    assert expansion_in_text(text, "TEB") == "Tidal Energy Board"
    assert expansion_in_text(text, "PO") == "Port Office"
    assert expansion_in_text(text, "XYZ") is None


def test_acronym_speaker_is_the_expanded_entity() -> None:
    text = (
        "The Canada Revenue Agency (CRA) sent letters to thousands of families last week.\n\n"
        "The CRA said the letters were genuine and asked people to reply."
    )
    art = annotate(text)
    q = art.quotations[0]
    assert art.entities[q.speaker_entity].name == "Canada Revenue Agency"
    assert q.speaker_text == "The CRA"


def test_acronym_introduced_without_brackets() -> None:
    text = (
        "The Federal Aviation Administration grounded the jets on Monday.\n\n"
        "The FAA said the planes would stay on the ground until the checks were done."
    )
    art = annotate(text)
    q = art.quotations[0]
    assert art.entities[q.speaker_entity].name == "Federal Aviation Administration"


def test_an_acronym_and_its_expansion_are_one_entity() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "The International Monetary Fund (IMF) cut its forecast on Tuesday.\n\n"
        "The IMF said growth would slow, and IMF economists agreed."
    )
    orgs = [e for e in art.entities if e.kind == "organisation"]
    assert [e.name for e in orgs] == ["International Monetary Fund"]
    assert "IMF" in orgs[0].aliases and "IMF" not in orgs[0].roles
    assert sum(1 for m in art.mentions if m.entity == art.entities.index(orgs[0])) == 4


def test_an_acronym_in_brackets_is_no_role_even_when_never_used_again() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "The International Monetary Fund (IMF) cut its forecast on Tuesday."
    )
    fund = next(e for e in art.entities if e.name == "International Monetary Fund")
    assert "IMF" not in fund.roles


def test_an_acronym_label_is_the_entity_it_abbreviates_without_brackets() -> None:
    # the text never writes "(FT)": the initials alone tie the label to the entity
    text = (
        "A headline for the test\n\n"
        "The Financial Tribune reported the deal first.\n\n"
        "The FT said the bank had approached three buyers."
    )
    art = annotate(text)
    q = art.quotations[-1]
    assert q.speaker_entity is not None
    assert art.entities[q.speaker_entity].name == "Financial Tribune"
