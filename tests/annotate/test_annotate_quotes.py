"""Quotations: direct, indirect, mixed, split, continued (sentences written for these tests)."""

from app.annotate import annotate


def _check_offsets(text, art) -> None:
    for q in art.quotations:
        assert " ".join(text[s:e] for s, e in q.spans) == q.text


def _speaker(art, q) -> str | None:
    if q.speaker_entity is not None:
        return art.entities[q.speaker_entity].name
    return q.speaker_label


def test_direct_after_and_before() -> None:
    text = (
        "“The bridge will be finished by spring,” said Laura Chen, the project manager.\n\n"
        "Mayor Tom Baxter said: “We are proud of this city.”"
    )
    art = annotate(text)
    _check_offsets(text, art)
    qs = art.quotations
    assert [(q.kind, q.text) for q in qs] == [
        ("direct", "The bridge will be finished by spring"),
        ("direct", "We are proud of this city."),
    ]
    assert _speaker(art, qs[0]) == "Laura Chen"
    assert _speaker(art, qs[1]) == "Tom Baxter"
    assert qs[0].speaker_type == "person"


def test_split_quote_is_one_quotation_with_two_spans() -> None:
    text = "“The water is safe,” Nadia Pereira said. “We test it every hour.”"
    art = annotate(text)
    _check_offsets(text, art)
    assert len(art.quotations) == 1
    q = art.quotations[0]
    assert len(q.spans) == 2
    assert q.text == "The water is safe We test it every hour."
    assert _speaker(art, q) == "Nadia Pereira"


def test_indirect_with_and_without_that() -> None:
    text = (
        "Economist Rafael Soto said that inflation would ease next year.\n\n"
        "Soto added the central bank had acted too slowly."
    )
    art = annotate(text)
    qs = art.quotations
    assert [(q.kind, q.text) for q in qs] == [
        ("indirect", "inflation would ease next year"),
        ("indirect", "the central bank had acted too slowly"),
    ]
    assert {_speaker(art, q) for q in qs} == {"Rafael Soto"}


def test_mixed_quote() -> None:
    text = "Coach Elena Duarte said the team had played “without fear” in the final."
    art = annotate(text)
    assert len(art.quotations) == 1
    q = art.quotations[0]
    assert q.kind == "mixed"
    assert q.text.startswith("the team had played")
    assert _speaker(art, q) == "Elena Duarte"


def test_embedded_clause_entirely_quoted_is_direct() -> None:
    text = "The minister, Omar Haddad, admitted that “the plan has failed”."
    art = annotate(text)
    assert [(q.kind, q.text) for q in art.quotations] == [("direct", "the plan has failed")]


def test_two_reporting_verbs_give_two_quotations() -> None:
    text = (
        "Union leader Greta Holm said the offer was too low, adding that members "
        "would vote next week."
    )
    art = annotate(text)
    texts = [q.text for q in art.quotations]
    assert texts == ["the offer was too low", "members would vote next week"]


def test_according_to() -> None:
    text = "According to the Harbour Authority, the port will reopen on Friday."
    art = annotate(text)
    assert len(art.quotations) == 1
    q = art.quotations[0]
    assert q.cue == "according to"
    assert q.text == "the port will reopen on Friday"
    assert _speaker(art, q) == "Harbour Authority"


def test_cue_verbs_warned_insisted_told() -> None:
    text = (
        "Doctors warned that the clinic was overcrowded.\n\n"
        "Ivan Petrov insisted the vote was fair.\n\n"
        "Kate Moreno told reporters that she would run again."
    )
    art = annotate(text)
    assert [q.cue for q in art.quotations] == ["warned", "insisted", "told"]
    assert [_speaker(art, q) for q in art.quotations] == ["Doctors", "Ivan Petrov", "Kate Moreno"]


def test_quote_continuing_across_paragraphs() -> None:
    text = (
        "“We lost everything in the flood. The house, the car, the photographs.\n\n"
        "“Now we are starting again from nothing,” said farmer Jonas Berg."
    )
    art = annotate(text)
    assert len(art.quotations) == 2
    assert {_speaker(art, q) for q in art.quotations} == {"Jonas Berg"}


def test_unattributed_paragraph_continues_previous_speaker() -> None:
    text = (
        "“The school needs a new roof,” said headteacher Maria Lopez.\n\n"
        "“Every winter the rain comes through the ceiling of the library and we lose books.”"
    )
    art = annotate(text)
    assert len(art.quotations) == 2
    assert _speaker(art, art.quotations[1]) == "Maria Lopez"
    assert art.quotations[1].paragraph == 2


def test_not_quotations() -> None:
    text = (
        "The so-called “green corridor” opened in May. Officials declined to comment on "
        "the cost. The film “Blue Harbour” won two prizes."
    )
    assert annotate(text).quotations == []


def test_quotes_in_captions_and_headers_are_ignored() -> None:
    text = (
        "“We will rebuild,” says mayor\n\n"
        "Anna Kowalski\n\n"
        "flood.jpg\n\n"
        "“We will rebuild,” the mayor said at the scene. PHOTO: CITY HALL\n\n"
        "May 2, 2020\n\n"
        "The town was flooded on Friday."
    )
    art = annotate(text)
    assert art.quotations == []


def test_wire_dateline_not_in_quote_and_uk_single_quotes() -> None:
    text = (
        "OSLO (Reuters) - Norway's central bank kept rates on hold, the bank said on Thursday."
        "\n\n‘We are not in a hurry,’ said governor Ida Wolden. ‘Inflation is still high.’"
    )
    art = annotate(text)
    _check_offsets(text, art)
    assert art.quotations[0].text == "Norway's central bank kept rates on hold"
    q = art.quotations[1]
    assert q.kind == "direct" and len(q.spans) == 2
    assert q.text == "We are not in a hurry Inflation is still high."
    assert _speaker(art, q) == "Ida Wolden"


def test_club_before_role_and_nationality_description() -> None:
    text = (
        "Rovers manager Jan van Dijkstra said his side were “unlucky”. "
        "“We created chances,” the Dutchman said."
    )
    art = annotate(text)
    people = [e.name for e in art.entities if e.kind == "person"]
    assert people == ["Jan van Dijkstra"]
    assert [_speaker(art, q) for q in art.quotations] == ["Jan van Dijkstra", "Jan van Dijkstra"]


def test_opinions_and_findings_are_not_reported_speech() -> None:
    text = (
        "Many residents think the tram is too slow. The survey found that fares had doubled. "
        "Lena Voss believes the city will act."
    )
    assert annotate(text).quotations == []


def test_according_to_after_a_comma_clause() -> None:
    text = "The plant will close in May, according to a memo seen by staff."
    art = annotate(text)
    _check_offsets(text, art)
    assert [q.cue for q in art.quotations] == ["according to"]
    assert art.quotations[0].text == "The plant will close in May"


def test_mixed_quote_runs_to_the_closing_mark() -> None:
    text = (
        "Ava Klein said the club was “delighted with the result. It gives every junior "
        "player a place to train.”"
    )
    art = annotate(text)
    _check_offsets(text, art)
    assert len(art.quotations) == 1
    q = art.quotations[0]
    assert q.kind == "mixed"
    assert q.text.endswith("a place to train.”")


def test_a_title_between_the_quotation_and_the_name_is_not_quoted() -> None:
    text = (
        "Northgate Foods Ltd. said quarterly profit rose 9 per cent.\n\n"
        "“Shoppers want value, and they are showing us that with every visit,” president "
        "and chief executive Marta Lindqvist said on a call with analysts.\n\n"
        "“We cut prices on the basics,” founder and chair Tomas Ek said."
    )
    art = annotate(text)
    _check_offsets(text, art)
    assert [(q.kind, q.text, _speaker(art, q)) for q in art.quotations[1:]] == [
        (
            "direct",
            "Shoppers want value, and they are showing us that with every visit",
            "Marta Lindqvist",
        ),
        ("direct", "We cut prices on the basics", "Tomas Ek"),
    ]
