"""Quotation detection: what is and is not reported speech (sentences written for these
tests)."""

from app.annotate import annotate


def _texts(text: str) -> list[str]:
    return [q.text for q in annotate(text).quotations]


def test_comparison_with_what_someone_says_is_not_a_quotation() -> None:
    text = (
        "Rhoda Vance runs the harbour board.\n\n"
        "A claim the harbour's debt is higher than board papers say it is could justify "
        "$20 million in cuts to the old board's projects."
    )
    assert _texts(text) == []


def test_an_attempt_to_confirm_is_not_a_quotation() -> None:
    text = (
        "Efforts by the newspaper to confirm with the ministry that the tunnel had flooded "
        "twice were blocked by the spring recess."
    )
    assert _texts(text) == []


def test_a_plain_report_still_counts() -> None:
    text = "Officials confirmed that the tunnel had flooded twice, the ministry said."
    assert _texts(text)


def test_papers_and_reports_state_no_quotation() -> None:
    text = (
        "The first budget for the pool was $12 million, council records say. Last year, "
        "reports indicated the roof leaked and the budget was raised to $15 million."
    )
    assert _texts(text) == []


def test_a_person_reporting_figures_still_counts() -> None:
    text = "The first budget for the pool was $12 million, councillor Ada Moss said."
    assert len(_texts(text)) == 1


def test_signed_pull_quote_is_a_quotation_of_its_speaker() -> None:
    text = (
        "The ferry service will end in March, the operator said on Tuesday.\n\n"
        "The island has 300 residents and a school with two classrooms.\n\n"
        "Most of them work on the mainland and cross twice a day.\n\n"
        "A bridge was proposed in 1998 but never built.\n\n"
        "We cannot keep a boat running for six passengers a day. Nora Whitfield, Blue Tide\n\n"
        "Nora Whitfield, the operator's chief executive, spoke to islanders at the pier.\n\n"
        "“We cannot keep a boat running for six passengers a day,” Whitfield said."
    )
    art = annotate(text)
    qs = [q for q in art.quotations if q.text.startswith("We cannot keep")]
    assert [q.paragraph for q in qs] == [5, 7]
    assert qs[0].speaker_entity == qs[1].speaker_entity is not None


def test_unrepeated_sentence_ending_in_a_name_is_no_pull_quote() -> None:
    text = (
        "The ferry service will end in March after a vote of the board. "
        "The new timetable was drawn up by Nora Whitfield\n\n"
        "Islanders met at the pier on Tuesday."
    )
    assert _texts(text) == []


def test_an_accusation_without_quoted_words_is_no_quotation() -> None:
    text = "Senator Ruth Okafor accused the council of ignoring the flood warnings for years."
    assert _texts(text) == []


def test_an_accusation_with_quoted_words_still_counts() -> None:
    text = "Senator Ruth Okafor accused the council of “sleeping through every warning.”"
    assert len(_texts(text)) == 1


def test_listed_quotations_are_one_act_of_speech() -> None:
    text = "Protesters chanted “Open the books!” and “No more cuts!” outside the town hall."
    qs = annotate(text).quotations
    assert [q.text for q in qs] == ["Open the books! No more cuts!"]
    assert len(qs[0].spans) == 2


def test_reported_listing_runs_to_the_last_quotation() -> None:
    text = (
        "Councillor Ivo Marsh said he heard protesters chant, “Open the books!” and "
        "“No more cuts!” Some carried signs."
    )
    texts = _texts(text)
    assert texts[0].endswith("“No more cuts!”")


def test_a_trailing_adverbial_clause_is_not_what_was_said() -> None:
    text = (
        "The death toll from a flood that hit the northern towns of Arlo and Bexley after the "
        "old dam burst rose to at least 80 on Monday, officials said, as rescuers using boats "
        "and their bare hands searched for more victims."
    )
    qs = annotate(text).quotations
    assert [q.text[:20] for q in qs] == ["The death toll from "]


def test_a_comparison_with_what_others_say_stays_in_the_quotation() -> None:
    text = (
        "Nurses say the shortage is deeper than hospital figures suggest, because shifts go "
        "unfilled."
    )
    assert _texts(text) == [
        "the shortage is deeper than hospital figures suggest, because shifts go unfilled"
    ]


def test_a_second_that_clause_is_in_the_same_quotation() -> None:
    text = (
        "A 2017 review by the audit committee said it was “worried by the fact that no one "
        "office is accountable for this $20 million fund,” and that it was “hard to see” why "
        "so many units would fail to file their reports."
    )
    qs = annotate(text).quotations
    assert len(qs) == 1  # one reporting act, one quotation
    assert qs[0].text.startswith("it was “worried by the fact")
    assert qs[0].text.endswith(
        "fund,” and that it was “hard to see” why so many units would fail to file their reports"
    )
    assert qs[0].speaker_text == "A 2017 review"


def test_a_second_that_clause_after_a_comma_joins_the_first_in_one_stretch() -> None:
    text = (
        "The transit agency said in a notice that the Elm Street station would reopen on "
        "Monday, and that buses would replace trains until then."
    )
    [q] = annotate(text).quotations
    assert q.text == (
        "the Elm Street station would reopen on Monday, and that buses would replace trains "
        "until then"
    )
    assert q.kind == "indirect" and len(q.spans) == 1


def test_a_modal_clause_that_lost_its_subject_to_the_parse_is_reported() -> None:
    text = (
        "The town's chief engineer Mona Kask said Thursday one of the mayor's ideas, to find "
        "places where the road could be narrowed, could save money."
    )
    assert _texts(text) == [
        "one of the mayor's ideas, to find places where the road could be narrowed, could save "
        "money"
    ]


def test_a_short_quoted_name_after_call_is_no_quotation() -> None:
    text = (
        "The province is cancelling its sessions on the new park following what the minister "
        "is calling “inflamed rhetoric.” More meetings are planned."
    )
    assert _texts(text) == []


def test_a_long_quotation_after_call_still_counts() -> None:
    text = (
        "The minister is calling for calm: “We will listen to every family before a single "
        "tree is cut.”"
    )
    assert len(_texts(text)) == 1


def test_a_thing_called_by_a_quoted_name_is_no_quotation() -> None:
    text = (
        "The firm withdrew a shopping app called “Basket Buddy” that had been sent to "
        "customers, although not to children."
    )
    assert _texts(text) == []


def test_according_to_inside_the_clause_keeps_both_sides() -> None:
    text = (
        "Some of those worries, according to flood experts, include the dam’s weak link to "
        "the old canal. Once the town builds its new road, there is a risk."
    )
    qs = annotate(text).quotations
    assert [q.text for q in qs] == [
        "Some of those worries include the dam’s weak link to the old canal"
    ]
    assert len(qs[0].spans) == 2


def test_a_cue_ending_its_paragraph_with_a_colon_reports_the_next_quotation() -> None:
    text = (
        "The council will vote on the plan next week.\n\n"
        "Ms Rhoda Vance, the council leader, said:\n\n"
        "“We have waited long enough for this road. It is time.”\n\n"
        "Speaking on Monday, Ms Vance told the BBC:\n\n"
        "“It will be built.”"
    )
    art = annotate(text)
    qs = [(q.paragraph, q.text, q.cue) for q in art.quotations]
    assert qs == [
        (3, "We have waited long enough for this road. It is time.", "said"),
        (5, "It will be built.", "told"),
    ]
    assert all(q.speaker_entity is not None for q in art.quotations)


def test_a_colon_after_the_cue_introduces_the_quotation_after_it() -> None:
    # a short quotation ends the sentence before the cue; the cue's colon points forward
    text = (
        "Council row\n\n"
        'Jane Doe had called the plan a "national disgrace". Mr Smith told a local radio '
        'show: "Let\'s just apologise and move on." Later he said the row would pass.'
    )
    art = annotate(text)
    smith = [q for q in art.quotations if q.cue == "told"]
    assert [q.text for q in smith] == ["Let's just apologise and move on."]
    assert smith[0].speaker_label == "Smith"
    assert not [q for q in art.quotations if q.text == "national disgrace"]


def test_a_two_word_clause_is_reported_and_its_subject_is_talked_about() -> None:
    # "saying Baker overreacted": a whole clause; Baker is talked about, so "He" is the coach
    text = (
        "Coach's U-turn\n\n"
        "Rovers coach Peter Lund will fine striker Sam Reid for his clash with defender "
        "Tom Baker.\n\n"
        "The Dane first backed Reid, saying Baker overreacted. But he has changed his mind "
        'since. He said: "I should set the record straight."'
    )
    art = annotate(text)
    said = {q.text: q.speaker_label for q in art.quotations}
    assert said == {
        "Baker overreacted": "Peter Lund",
        "I should set the record straight.": "Peter Lund",
    }


def test_set_phrases_and_impersonal_passives_report_no_speech() -> None:
    for sentence in (
        "It has to be said that if the game were dull, it would not sell.",
        "That said, the new levels are still great fun to play.",
        "It must be said that the film runs far too long.",
        "Needless to say, the fans in the stadium were upset.",
    ):
        assert _texts("A review\n\n" + sentence) == [], sentence
    assert _texts("A review\n\nThe makers said that the game would sell well.")


def test_what_follows_a_subordinate_said_that_is_the_writers() -> None:
    text = (
        "A headline for the test\n\n"
        "When Mayor Ida Quist said that, the council chamber went quiet. After she said "
        "this, the mood in the room changed for good.\n\n"
        "Quist said that, if re-elected, she would cut the tax on small shops."
    )
    assert _texts(text) == ["if re-elected, she would cut the tax on small shops"]


def test_a_quoted_predicate_read_as_an_adverbial_is_still_reported() -> None:
    text = (
        "A headline for the test\n\n"
        'Interim leader Ida Quist called it "a shameful day." Tom Hale called it a day '
        "on Tuesday."
    )
    assert _texts(text) == ['it "a shameful day."']


def test_agreement_and_signs_report_no_words_unless_they_quote() -> None:
    from tests.annotate.parsing import attributed

    body = (
        "Analyst Ruth Amis said the shop had lost its way. Many retail experts agree the "
        "chain has opened too many stores. The latest figures signal that demand is "
        "picking up.\n\n"
        "“We agree with the board,” said Tom Hale. He agreed the plan was “long overdue”.\n\n"
        "“Sales will recover,” she added."
    )
    found = attributed(body)
    assert [text for _, text in found] == [
        "the shop had lost its way",
        "We agree with the board",
        "the plan was “long overdue”",
        "Sales will recover",
    ]
    assert found[-1][0] == "Ruth Amis"


def test_who_agreed_still_leads_the_quotations_after() -> None:
    from tests.annotate.parsing import attributed

    body = (
        "A group of nurses from Leeds agreed that the ward was short of staff. The cuts, they "
        "insisted, would hurt patients."
    )
    assert attributed(body) == [("A group of nurses from Leeds", "The cuts would hurt patients")]


def test_a_clause_the_parser_split_from_its_subject_or_hung_on_a_setting_is_reported() -> None:
    text = (
        "Rhoda Vance, 40, was charged on Monday. Her lawyer spoke to reporters.\n\n"
        "He said the 40-year-old intends to contest every one of the counts.\n\n"
        "Dock officers said at the time of the raid that the three men were cousins."
    )
    assert _texts(text) == [
        "the 40-year-old intends to contest every one of the counts",
        "the three men were cousins",
    ]


def test_what_someone_told_a_crowd_is_reported_though_read_as_a_relative_clause() -> None:
    text = (
        "Awards night\n\nThe lifetime award went to piper Angus Rourke, 79. The veteran "
        "piper, who played two reels with his nephews, told the crowd he had “not once "
        "played to win.” He told the story he had told for years."
    )
    assert _texts(text) == ["he had “not once played to win.”"]


def test_a_place_name_after_ste_stays_in_its_sentence() -> None:
    art = annotate(
        "Headline\n\n"
        "Residents of Ste. Adele du Lac say the ferry should run all winter.\n\n"
        "Dr. Ines Baptiste, a hydrologist at the college, said the water in Ste. Adele is "
        "rising every spring."
    )
    said = {q.text: q.speaker_label for q in art.quotations}
    assert said["the ferry should run all winter"] == "Residents of Ste. Adele du Lac"
    assert "the water in Ste. Adele is rising every spring" in said


def test_a_request_in_the_subjunctive_is_not_a_quotation() -> None:
    text = (
        "Headline\n\n"
        "One tenant, who asked that his name not be used because he fears eviction, said "
        "rents had doubled.\n\n"
        "The mayor asked that council be patient."
    )
    assert _texts(text) == ["rents had doubled"]


def test_a_subject_whose_verb_was_read_as_a_noun_still_reports() -> None:
    text = (
        "Headline\n\n"
        "In a statement, Metro Bus said the changes target routes where ridership is low."
    )
    assert _texts(text) == ["the changes target routes where ridership is low"]


def test_a_one_word_question_before_its_cue_is_a_quotation() -> None:
    text = (
        "Headline\n\n"
        "The old skip smiled when he heard the remark. “Sometimes?” he said. “I can live "
        "with that.”"
    )
    assert _texts(text) == ["Sometimes? I can live with that."]
