"""The subject of "was told", "was asked", "was warned" is who was spoken to, not the speaker
(``cue_syntax.addressed``; sentences written for these tests)."""

from app.annotate.cue_syntax import addressed
from tests.annotate.parsing import attributed, parse


def test_addressed_passives() -> None:
    assert addressed(parse("Mr Wren was told that the pool would close.").tok("told"))
    assert addressed(parse("The minister was warned that it was unsafe.").tok("warned"))
    assert not addressed(parse("Mr Wren was told by engineers that it would close.").tok("told"))
    assert not addressed(parse("Mr Wren told engineers that it would close.").tok("told"))
    assert not addressed(parse("We are told the pool will close.").tok("told"))


def test_who_was_told_is_not_the_speaker() -> None:
    # told by no one the text names: no quotation at all (there is no one to quote)
    got = attributed("Councillor Tobias Wren was told that the pool would close in May.")
    assert got == []


def test_the_question_put_to_someone_is_not_theirs() -> None:
    got = attributed("Councillor Tobias Wren was asked: “Will the pool close this winter?”")
    assert [sp for sp, _ in got] == [None]


def test_the_agent_of_the_passive_speaks() -> None:
    got = attributed("Councillor Tobias Wren was told by engineers that the pool would close.")
    assert [sp for sp, _ in got] == ["engineers"]


def test_a_pronoun_after_an_addressed_subject_finds_the_speaker() -> None:
    text = (
        "Mr Dunmore's mother, Alva, said she had been told she could visit him for an hour "
        "and would tell him he was “a hero”."
    )
    got = dict((t, sp) for sp, t in attributed(text))
    assert got.get("she could visit him for an hour") is None
