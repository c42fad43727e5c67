"""Speaker resolution: pronouns, descriptions, spokespeople, groups, continuation."""

from app.annotate import annotate


def _speakers(art) -> list[str | None]:
    out = []
    for q in art.quotations:
        if q.speaker_entity is not None:
            out.append(art.entities[q.speaker_entity].name)
        else:
            out.append(q.speaker_label)
    return out


def test_pronoun_resolved_by_gender() -> None:
    text = (
        "Mr Felix Grant met Ms Irene Walsh at the embassy.\n\n"
        "She said the talks had gone well.\n\n"
        "He said that nothing had been agreed."
    )
    art = annotate(text)
    assert _speakers(art) == ["Irene Walsh", "Felix Grant"]
    assert art.quotations[0].speaker_text == "She"
    assert art.quotations[0].speaker_type == "person"


def test_pronoun_refers_to_previous_speaker() -> None:
    text = (
        "Professor Alan Whitby said the glacier was shrinking fast.\n\n"
        "It would disappear within 50 years, he said."
    )
    art = annotate(text)
    assert _speakers(art) == ["Alan Whitby", "Alan Whitby"]


def test_unresolvable_pronoun_is_left_empty() -> None:
    art = annotate("He said the road would stay closed.")
    q = art.quotations[0]
    assert q.speaker_entity is None
    assert q.speaker_label is None
    assert q.speaker_type is None


def test_it_after_a_document_that_was_the_last_subject_is_that_document() -> None:
    text = (
        "An engineering review ordered by the board projected that the bridge could last "
        "another decade. It warned, though, that salt damage would shorten that."
    )
    art = annotate(text)
    assert _speakers(art) == ["An engineering review"]
    assert art.quotations[0].speaker_text == "It"


def test_the_name_before_an_aside_speaks_not_the_body_the_aside_names() -> None:
    text = (
        "In Moncton, Anne-Marie Leclerc, executive director of the Riverview Merchants "
        "Association, said the closure would hurt shops along the river."
    )
    assert _speakers(annotate(text)) == ["Anne-Marie Leclerc"]


def test_description_matched_to_role() -> None:
    text = (
        "The British Ambassador to Chile, Rosa Kent, opened the exhibition. "
        "The ambassador said the paintings would stay until June."
    )
    art = annotate(text)
    assert _speakers(art) == ["Rosa Kent"]


def test_appositive_description() -> None:
    text = (
        "Tariq Aziz, a former engineer at Delta Aerospace, spoke first.\n\n"
        "Aziz, the former engineer, said the design was flawed."
    )
    art = annotate(text)
    assert _speakers(art) == ["Tariq Aziz"]
    people = [e for e in art.entities if e.name == "Tariq Aziz"]
    assert any("engineer" in r for r in people[0].roles)


def test_spokesperson_attributed_to_organisation() -> None:
    text = "A spokeswoman for Norland Rail said the line would reopen on Monday."
    art = annotate(text)
    assert _speakers(art) == ["Norland Rail"]
    assert art.quotations[0].speaker_type == "organisation"


def test_company_description() -> None:
    text = (
        "Brightwell Foods Inc. reported a loss on Tuesday.\n\n"
        "The company said sales would recover in the spring."
    )
    art = annotate(text)
    assert _speakers(art) == ["Brightwell Foods Inc."]


def test_groups_are_other_labels() -> None:
    text = (
        "Japanese analysts said the yen would weaken further.\n\n"
        "The joint statement said both sides would cut tariffs."
    )
    art = annotate(text)
    assert _speakers(art) == ["Japanese analysts", "The joint statement"]
    assert {q.speaker_type for q in art.quotations} == {"other"}


def test_they_refers_to_group() -> None:
    text = (
        "Local fishermen protested outside the ministry on Friday.\n\n"
        "“We cannot feed our families,” they said."
    )
    art = annotate(text)
    assert _speakers(art) == ["Local fishermen"]


def test_continuation_in_same_paragraph() -> None:
    text = (
        "Clara Nunez said that the museum would close for repairs. “It is the only way "
        "to protect the collection for the next generation.”"
    )
    art = annotate(text)
    kinds = [q.kind for q in art.quotations]
    assert kinds == ["indirect", "direct"]
    assert _speakers(art) == ["Clara Nunez", "Clara Nunez"]


def test_possessor_is_not_the_speaker() -> None:
    text = (
        "Mayor Doug Fenwick defended the budget.\n\n"
        "Fenwick's staff said the figure included pension costs."
    )
    art = annotate(text)
    assert _speakers(art) == ["Fenwick's staff"]
    assert art.quotations[0].speaker_type == "other"


def test_participial_cue_shares_the_speaker() -> None:
    text = "Grace Obi said the plant would close, noting that 300 jobs were at risk."
    art = annotate(text)
    assert [q.text for q in art.quotations] == [
        "the plant would close",
        "300 jobs were at risk",
    ]
    assert _speakers(art) == ["Grace Obi", "Grace Obi"]


def test_unnamed_official_is_not_the_organisation() -> None:
    text = "A Harbour Authority engineer said the crane had failed twice."
    art = annotate(text)
    assert art.quotations[0].speaker_entity is None
    assert art.quotations[0].speaker_label == "A Harbour Authority engineer"


def test_floating_quote_paragraph_after_speaker_introduction() -> None:
    text = (
        "Farmer Owen Pryce has worked the same fields for forty years.\n\n"
        "“Every spring the river takes a little more of the land we depend on.”"
    )
    art = annotate(text)
    assert len(art.quotations) == 1
    assert art.quotations[0].kind == "direct"
    assert _speakers(art) == ["Owen Pryce"]


def test_a_short_floating_quote_paragraph_is_a_quotation_too() -> None:
    # four words are enough for a paragraph that is one quotation, as for any other
    text = "Ferry captain Ilse Varga did not hide her anger.\n\n“This schedule is reckless.”"
    assert _speakers(annotate(text)) == ["Ilse Varga"]


def test_document_of_an_organisation_and_coordinated_people() -> None:
    text = (
        "The Harbour Trust study found that rents had doubled. The Harbour Trust study said "
        "that the waiting list was growing.\n\n"
        "Mia Lund and Omar Reyes said they had both been evicted."
    )
    art = annotate(text)
    speakers = _speakers(art)
    assert speakers[0] == "Harbour Trust"
    assert speakers[-1] == "Mia Lund and Omar Reyes"
    assert art.quotations[-1].speaker_type == "other"


def test_a_surname_the_tagger_reads_as_a_modal_still_speaks() -> None:
    text = (
        "Band back on tour\n\n"
        'Singer Ellen May has said she expects to tour from April. May said: "The band is '
        'rising again from the ashes." May performed with the drummer in London in '
        'September. "The show went so well that we decided to tour," May wrote.'
    )
    art = annotate(text)
    direct = [q for q in art.quotations if q.kind == "direct"]
    assert len(direct) == 2
    assert {q.speaker_label for q in direct} == {"Ellen May"}


def test_a_subject_before_a_dashed_aside_speaks() -> None:
    from tests.annotate.parsing import attributed

    body = (
        "Prime Minister Ann Vale said the government would review 3,000 firms.\n\n"
        "A day earlier, Mr Tom Hale - keen to reassure investors - had said only 30 to 40 "
        "top firms would be targeted."
    )
    assert [speaker for speaker, _ in attributed(body)] == ["Ann Vale", "Tom Hale"]


def test_a_participle_after_a_which_clause_has_the_main_clause_subject() -> None:
    from tests.annotate.parsing import attributed

    body = (
        "Mr Tom Hale spoke on Monday. He ruled out free parking in Leeds - which is on offer "
        'in York and Hull, saying it was "unfair".\n\n'
        "Unions attacked the planned merger - which may affect cabin and maintenance staff - "
        "saying Aeroline was profitable."
    )
    assert [speaker for speaker, _ in attributed(body)] == ["Tom Hale", "Unions"]


def test_a_firm_named_with_an_ampersand_speaks_at_the_end_of_a_sentence() -> None:
    from app.annotate.nlp import get_nlp

    assert [t.text for t in get_nlp().make_doc("said B&Q.")] == ["said", "B&Q", "."]
    art = annotate(
        "A headline for the test\n\n"
        "Retailer B&Q cut prices on Monday.\n\n"
        "“We are bringing in new ranges at lower prices,” said B&Q."
    )
    assert art.quotations[-1].speaker_text == "B&Q"


def test_a_cue_whose_subject_the_writer_left_out_is_the_last_speakers() -> None:
    text = (
        "A headline for the test\n\n"
        "Ms Ida Kern insisted: “We have a good record on housing.” And continued: “We can "
        "be proud of it.”\n\n"
        "Mr Tom Hale said the plan was sound. But added that “nothing is certain”."
    )
    assert _speakers(annotate(text)) == ["Ida Kern"] * 2 + ["Tom Hale"] * 2


def test_a_quotation_either_side_of_a_named_cue_is_one_quotation() -> None:
    text = (
        "A headline for the test\n\n"
        "The band said the split was friendly. “Leaving was the hardest call I have made,” "
        "21-year-old Tam Reid revealed, “I trust our listeners will see why.”"
    )
    art = annotate(text)
    assert _speakers(art) == ["The band", "Tam Reid"]
    assert art.quotations[-1].text == (
        "Leaving was the hardest call I have made I trust our listeners will see why."
    )


def test_a_share_of_those_polled_speaks_and_while_starts_a_second_act() -> None:
    text = (
        "A headline for the test\n\n"
        "Some 81% said ministers had broken their pledges, while 90% said they rarely "
        "answered questions directly. Mr Tom Hale said that while the minister has promised "
        "reform little has been done."
    )
    art = annotate(text)
    assert [(q.speaker_label, q.text) for q in art.quotations] == [
        ("Some 81%", "ministers had broken their pledges"),
        ("90%", "they rarely answered questions directly"),
        ("Tom Hale", "while the minister has promised reform little has been done"),
    ]


def test_a_cue_the_parser_hung_on_its_subject_as_a_participle_keeps_that_subject() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "The Maple Court daycare, which cares for about 60 children, announced last week it"
        " would close on May 31 because it can't hire staff."
    )
    assert [(q.text, q.speaker_label) for q in art.quotations] == [
        ("it would close on May 31 because it can't hire staff", "The Maple Court daycare")
    ]


def test_a_capitalised_preposition_belongs_to_the_speaker_name() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Nurses Without Frontiers said the field hospital had run out of saline.\n\n"
        "Cyclists Against Potholes said the repairs were long overdue.\n\n"
        "Officials in Kent said the road would reopen."
    )
    assert [q.speaker_label for q in art.quotations] == [
        "Nurses Without Frontiers",
        "Cyclists Against Potholes",
        "Officials",
    ]


def test_a_name_set_off_before_a_long_relative_clause_speaks() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Ilse Marchetti has kept bees since she was nine.\n\n"
        "“This winter took half my hives,” Marchetti, who keeps 40 colonies on a hillside"
        " near Nelson, B.C., with her brother, told the radio host on Monday."
    )
    assert _speakers(art) == ["Ilse Marchetti"]


def test_a_surname_the_tagger_took_for_an_adverb_still_names_the_person() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Bloc Québécois MP Simon-Pierre Gagné said Ottawa should scrap the pay system.\n\n"
        "Gagné, speaking in French, said public servants in Quebec were hit hardest."
    )
    assert _speakers(art) == ["Simon-Pierre Gagné", "Simon-Pierre Gagné"]


def test_a_that_clause_the_parser_made_an_object_is_reported() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Opposition critic Maren Holt went further, tweeting that the Liberals had “lost"
        " control” of the harbour."
    )
    assert [(q.kind, q.text) for q in art.quotations] == [
        ("mixed", "the Liberals had “lost control” of the harbour")
    ]
    assert _speakers(art) == ["Maren Holt"]


def test_the_subject_of_the_phrase_before_the_cue_speaks() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Residents opposed to the tower say they will appeal the council's vote.\n\n"
        "Party leader Roger Hale opposed the scheme for farmers saying they deserved better.\n\n"
        "Police held the clerk, after reports saying that he had taken the keys."
    )
    assert _speakers(art) == ["Residents", "Roger Hale", "reports"]


def test_an_age_epithet_opening_a_long_sentence_is_the_person() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Noor Haddad had been in the city for six hours when the shelter turned her away.\n\n"
        "The 31-year-old from Amman, who arrived by bus with her two sons in May, says she"
        " slept in a bus station that night."
    )
    assert _speakers(art) == ["Noor Haddad"]


def test_a_surname_alone_is_not_the_relative_brought_in_by_name() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Wilma Ostrander, 44, lived on the top floor with her son, Elias Ostrander, 9.\n\n"
        "“I grabbed Elias and we ran down the stairs,” Ostrander said."
    )
    assert _speakers(art) == ["Wilma Ostrander"]


def test_who_is_the_person_whose_phrase_it_closes() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Among them was Tomas Lindqvist, a first-time candidate in what used to be Ward 12, who"
        " tweeted the next morning: “Anybody need 300 lawn signs?”"
    )
    assert _speakers(art) == ["Tomas Lindqvist"]


def test_an_inverted_subject_outside_the_quotation_speaks() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "On Twitter, the reaction split along predictable lines. “Finally someone with the"
        " guts to shrink city hall,” wrote one user from Etobicoke."
    )
    assert _speakers(art) == ["one user from Etobicoke"]


def test_a_name_both_sexes_bear_tells_no_gender() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Jordan Whitecalf, an agronomist, tweeted: “Zero-till farming keeps carbon in the"
        " soil.”\n\n"
        "Whitecalf told me that farmers feel punished.\n\n"
        "“We were doing climate action before it had a name,” she said."
    )
    assert _speakers(art) == ["Jordan Whitecalf"] * 3


def test_said_taken_for_a_noun_after_an_age_still_reports() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Joy Ramos learned on Friday that she was one of the 140 laid off.\n\n"
        "“This was the good job,” the 36-year-old said, standing outside the gate."
    )
    assert [(q.text, _speakers(art)[0]) for q in art.quotations] == [
        ("This was the good job", "Joy Ramos")
    ]


def test_a_that_clause_read_as_a_documents_relative_clause_is_reported() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Elections Ontario said in a news release that advance polls will be open at more"
        " than 100 locations across Peel Region starting Saturday."
    )
    assert [q.text for q in art.quotations] == [
        "advance polls will be open at more than 100 locations across Peel Region starting Saturday"
    ]


def test_a_quotation_before_the_sentence_that_names_who_delivered_it_is_theirs() -> None:
    text = (
        "Noor Haddad chairs the board. Pat Lemieux runs the clinic.\n\n"
        "“We cannot keep a building open on goodwill alone.” Clinic director Pat Lemieux "
        "delivered that line to a packed hall on Tuesday.\n\n"
        "“It was the right call.” That was how Noor Haddad responded a day later."
    )
    assert _speakers(annotate(text)) == ["Pat Lemieux", "Noor Haddad"]


def test_a_quotation_before_a_sentence_about_someone_else_is_not_theirs() -> None:
    text = (
        "“We played well in the first half and tired late,” coach Noor Haddad said.\n\n"
        "“The second goal changed the game.” Pat Lemieux was at a loss to explain the defeat."
    )
    assert "Pat Lemieux" not in _speakers(annotate(text))


def test_a_name_set_off_before_the_cue_names_a_long_described_subject() -> None:
    text = (
        "The volunteer who has run the shelter kitchen since it opened, a retired welder who "
        "once cooked for logging camps across the north before settling in town, Ivo Brandt, "
        "said the freezers were empty by Friday."
    )
    assert _speakers(annotate(text)) == ["Ivo Brandt"]
