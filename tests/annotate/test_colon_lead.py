"""A quotation after a colon whose clause announces its speaker without a reporting verb
(``colon_lead``; sentences written for these tests)."""

from tests.annotate.parsing import attributed


def test_a_copula_and_adjective_announce_the_subject() -> None:
    got = attributed("Union president Mara Delacroix was blunt: “This is a betrayal of workers.”")
    assert got == [("Mara Delacroix", "This is a betrayal of workers.")]


def test_the_possessor_of_an_utterance_speaks() -> None:
    text = (
        "Health Minister Jana Pilsudski met the nurses on Monday.\n\n"
        "Her message was simple: “We will not leave anyone behind.”"
    )
    assert attributed(text) == [("Jana Pilsudski", "We will not leave anyone behind.")]


def test_giving_an_utterance_announces_the_subject() -> None:
    got = attributed(
        "Councillor Tobias Wren had a warning for the board: “Do not underestimate the anger.”"
    )
    assert got == [("Tobias Wren", "Do not underestimate the anger.")]


def test_a_human_noun_subject_is_a_label() -> None:
    got = attributed("Residents were furious: “Nobody asked us about any of this.”")
    assert got == [("Residents", "Nobody asked us about any of this.")]


def test_the_colon_lead_outranks_the_speaker_before_it() -> None:
    text = (
        "“We are pleased with the vote,” said Mayor Ilse Brandt. "
        "Opposition leader Piet Kramer was unmoved: “The vote settles nothing at all.”"
    )
    assert attributed(text)[-1] == ("Piet Kramer", "The vote settles nothing at all.")


def test_a_document_or_a_thing_before_the_colon_is_no_speaker() -> None:
    assert attributed("The sign on the door was faded: “Closed until further notice.”") == []
    assert attributed("Police found a note: “I am sorry for everything I have done.”") == []


def test_a_speech_act_done_to_the_subject_announces_someone_else() -> None:
    text = "Councillor Tobias Wren was asked: “Will the pool close this winter?”"
    assert all(sp != "Tobias Wren" for sp, _ in attributed(text))


def test_the_message_from_someone_is_theirs() -> None:
    got = attributed(
        "That was the message from Dr. Ilka Varga on Monday: “Stay home if you are sick.”"
    )
    assert got == [("Ilka Varga", "Stay home if you are sick.")]
