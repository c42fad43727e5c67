"""Interview and transcript layouts (texts written for these tests)."""

from app.annotate import annotate

QA = """Lena Fischer has coached the national team for six years. We spoke to her before the final.

Q: How do you feel before the big game?

A: Honestly, I feel calm. The players have worked hard all season and they know what to do.

Q: What about the injuries?

A: We have a deep squad, so I said to the doctors that I am not worried about that at all.

Fischer leaves for Madrid on Friday."""

TRANSCRIPT = """The debate between Tom Okafor and Rita Lindqvist was broadcast on Sunday.

OKAFOR: The budget is too small for the schools in the north.

LINDQVIST: That is simply not true, and the numbers show it.

MODERATOR: Thank you both."""


def _quotes(art) -> list[tuple[int, str, str | None]]:
    return [
        (
            q.paragraph,
            q.text,
            art.entities[q.speaker_entity].name if q.speaker_entity is not None else None,
        )
        for q in art.quotations
    ]


def test_answers_are_the_interviewees_direct_quotations() -> None:
    art = annotate(QA)
    assert _quotes(art) == [
        (3, QA.split("\n\n")[2][3:], "Lena Fischer"),
        (5, QA.split("\n\n")[4][3:], "Lena Fischer"),
    ]
    assert all(q.kind == "direct" for q in art.quotations)


def test_questions_alone_make_no_interview() -> None:
    text = (
        "Q: Who will pay for the new bridge over the river?\n\nNobody knows yet, Ms Ann Lee said."
    )
    art = annotate(text)
    assert all(not q.text.startswith("Who will pay") for q in art.quotations)


def test_transcript_turns_of_named_people() -> None:
    art = annotate(TRANSCRIPT)
    assert _quotes(art) == [
        (2, "The budget is too small for the schools in the north.", "Tom Okafor"),
        (3, "That is simply not true, and the numbers show it.", "Rita Lindqvist"),
    ]


def test_a_single_label_line_is_no_transcript() -> None:
    text = "Tom Okafor spoke first.\n\nOKAFOR: The budget is too small for the schools."
    art = annotate(text)
    assert art.quotations == []


BARE_QA = """Interview: the minister

We spoke with Finance Minister Ravi Sandhu before the budget.

What is the biggest risk to the economy?

Trade. If the talks fail, we will all feel it.

Will there be a deficit next year?

Yes, but a smaller one. I am confident of that.

What about housing?

We are watching it closely."""


def test_questions_as_paragraphs_of_their_own_make_an_interview() -> None:
    art = annotate(BARE_QA)
    assert [(p, sp) for p, _t, sp in _quotes(art)] == [
        (3, "Ravi Sandhu"),
        (5, "Ravi Sandhu"),
        (7, "Ravi Sandhu"),
    ]


def test_a_readers_question_among_comments_is_no_interview() -> None:
    text = (
        "Headline\n\nThe minimum wage will rise, Minister Ravi Sandhu said.\n\n"
        "Is it enough? I doubt it.\n\nIs it fair?\n\nMy wages have not risen in years.\n\n"
        "Prices keep going up and nobody in power seems to notice.\n\n"
        "It is a good start, but more is needed.\n\nWho pays for it?\n\n"
        "We all do, in the end."
    )
    art = annotate(text)
    assert all(sp != "Ravi Sandhu" or p == 1 for p, _t, sp in _quotes(art))


def test_transcript_answers_in_quotation_marks_lose_the_marks() -> None:
    text = (
        "Late goal lifts Riverhawks\n\n"
        "Coach Dale Wirth was blunt after the game in Kelowna on Saturday.\n\n"
        "Q: What was the message between periods?\n\n"
        'Wirth: "Simple stuff. Get pucks deep and stop trying to be cute."\n\n'
        "Q: Is your captain healthy?\n\n"
        "Wirth: “He's fine. He took a hit in the second but he finished the game.”"
    )
    art = annotate(text)
    answers = [q.text for q in art.quotations]
    assert answers == [
        "Simple stuff. Get pucks deep and stop trying to be cute.",
        "He's fine. He took a hit in the second but he finished the game.",
    ]
    wirth = next(e for e in art.entities if e.name == "Dale Wirth")
    assert "Simple stuff" not in wirth.roles


RADIO_QA = """Orchard loses its bees

Ilse Marchetti has kept bees near Nelson, B.C., for 30 years. She says this was the worst.

Here is part of their conversation.

Ilse Marchetti, what did you find when you opened the hives?

“Silence. Usually you hear them before you see them.

“I sat down on the grass and I just looked at the boxes for a long time.”

What about the government's relief fund? Would a cheque help?

“A cheque is a cheque. I won't say no to it. But I want healthy bees.”

What will you do this spring?

“I will buy new queens and start again, like my mother did in 1987.”

Written by Jo Roe. Produced by Sam Ortiz."""


def test_radio_answers_in_quotation_marks_over_paragraphs() -> None:
    art = annotate(RADIO_QA)
    answers = [(p, t[:20], sp) for p, t, sp in _quotes(art) if p > 2]
    assert answers == [
        (4, "Silence. Usually you", "Ilse Marchetti"),
        (5, "I sat down on the gr", "Ilse Marchetti"),
        (7, "A cheque is a cheque", "Ilse Marchetti"),
        (9, "I will buy new queen", "Ilse Marchetti"),
    ]


def test_readers_exclamations_and_questions_are_no_interview() -> None:
    text = (
        "Headline\n\nThe puppet show returns to cinemas, director Ravi Sandhu said.\n\n"
        "Bring back the Flumps! Is nothing sacred?\n\n"
        "Make a film of the Herbs!\n\n"
        "What about a remake with real actors? Or perhaps Ravi Sandhu could do a sequel?\n\n"
        "I loved it as a child.\n\n"
        "You forgot the best one! But then again, nothing beats the original, does it?\n\n"
        "My kids watch it every day."
    )
    art = annotate(text)
    assert all(p == 1 for p, _t, _sp in _quotes(art))
