"""Attributions inserted in the sentence they report, and who they can stand for (sentences
written for these tests)."""

from app.annotate import annotate
from app.annotate.cue_syntax import content_range, is_cue
from tests.annotate.parsing import hand_parsed


def _quotes(text: str) -> list[tuple[str, str | None]]:
    art = annotate(text)
    out = []
    for q in art.quotations:
        ent = q.speaker_entity
        out.append((q.text, art.entities[ent].name if ent is not None else q.speaker_label))
    return out


def test_an_attribution_after_a_short_lead_in_reports_the_whole_sentence() -> None:
    text = (
        "Harriet Vale opened the new depot on Monday.\n\n"
        "The drivers, she said, will start their routes an hour later from next week."
    )
    assert _quotes(text) == [
        ("The drivers will start their routes an hour later from next week", "Harriet Vale")
    ]


def test_an_inverted_subject_is_not_part_of_what_it_reports() -> None:
    text = (
        "Oskar Lind designs engines for ferries.\n\n"
        "By comparison, says Mr Lind, the older engine is almost silent."
    )
    assert _quotes(text) == [("By comparison the older engine is almost silent", "Oskar Lind")]


def test_the_subject_the_parser_gave_to_an_inverted_attribution_is_reported() -> None:
    # the parse hangs both "part" and "Okafor" on "said"; "part" starts what is reported
    text = (
        "Repair shop waits for parts\n\nGrace Okafor runs the repair shop.\n\n"
        "The worst part of the winter, said Ms Okafor, was the long wait for spare parts.\n\n"
        "The only shops that stayed open, said Dr Lund, were two bakeries near the station."
    )
    assert _quotes(text) == [
        ("The worst part of the winter was the long wait for spare parts", "Grace Okafor"),
        ("The only shops that stayed open were two bakeries near the station", "Lund"),
    ]


def test_a_participle_without_a_subject_of_its_own_is_no_attribution() -> None:
    text = (
        "Later, writing in a local paper, the mayor conceded that the new bridge had cost too much."
    )
    assert [q for q, _ in _quotes(text)] == ["the new bridge had cost too much"]


def test_a_verb_with_its_own_object_in_an_adjunct_is_no_attribution() -> None:
    text = (
        "However, when it reported the figures, the bakery chain was cheerful about the "
        "coming winter season."
    )
    assert _quotes(text) == []


def test_what_we_are_told_has_no_speaker_to_quote() -> None:
    text = "The old lighthouse, we're told, is the tallest on this stretch of the coast."
    assert _quotes(text) == []


def test_the_subject_of_the_host_clause_is_not_the_speaker() -> None:
    text = (
        "A late tackle, this time from Dan Royce in time added on, stopped Pell from "
        "getting in a shot."
    )
    assert _quotes(text) == []


def test_a_pronoun_is_none_of_the_people_named_in_what_it_reports() -> None:
    text = (
        "Tom Okafor spoke to party members in Hull.\n\n"
        "Mr Piers Danton has let the town down, he claimed, and Mr Danton should go."
    )
    assert [speaker for _, speaker in _quotes(text)] == ["Tom Okafor"]


def test_a_one_word_opening_does_not_hide_the_rest_of_a_split_quote() -> None:
    text = (
        "Gwen Albright runs the studio.\n\n"
        "“Still,” she said, “we have to make the app simple enough for anyone to use.”"
    )
    assert _quotes(text) == [
        ("we have to make the app simple enough for anyone to use.", "Gwen Albright")
    ]


def test_a_subject_the_parser_gave_to_the_cue_starts_the_reported_clause() -> None:
    text = "Ms Joan Pike said the fire earlier this week in Carlisle was shocking."
    assert [q for q, _ in _quotes(text)] == ["the fire earlier this week in Carlisle was shocking"]


def test_the_addressee_is_not_the_subject_of_what_was_told() -> None:
    text = "Mr Hale told the BBC pupils had been waiting for a proper course on the subject."
    assert [q for q, _ in _quotes(text)] == [
        "pupils had been waiting for a proper course on the subject"
    ]


def test_a_clause_without_that_hung_on_the_addressee_is_what_was_told() -> None:
    # "Hale told the programme there was a risk ." with "was" hung on "programme"
    doc = hand_parsed(
        [
            ("Hale", "NNP", "PROPN", "nsubj", 1),
            ("told", "VBD", "VERB", "ROOT", 1),
            ("the", "DT", "DET", "det", 3),
            ("programme", "NN", "NOUN", "dobj", 1),
            ("there", "EX", "PRON", "expl", 5),
            ("was", "VBD", "AUX", "acl", 3),
            ("a", "DT", "DET", "det", 7),
            ("risk", "NN", "NOUN", "attr", 5),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    doc[1].lemma_ = "tell"
    assert content_range(doc, doc[1]) == (4, 8)


def test_a_clause_read_as_an_adverbial_of_the_cue_is_its_complement() -> None:
    # "She said after nine years the club had grown ." with "grown" read as an adverbial
    doc = hand_parsed(
        [
            ("She", "PRP", "PRON", "nsubj", 1),
            ("said", "VBD", "VERB", "ROOT", 1),
            ("after", "IN", "ADP", "prep", 8),
            ("nine", "CD", "NUM", "nummod", 4),
            ("years", "NNS", "NOUN", "pobj", 2),
            ("the", "DT", "DET", "det", 6),
            ("club", "NN", "NOUN", "nsubj", 8),
            ("had", "VBD", "AUX", "aux", 8),
            ("grown", "VBN", "VERB", "advcl", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert content_range(doc, doc[1]) == (2, 9)
    doc[8].dep_ = "advcl"
    doc[2].dep_, doc[2].lemma_ = "mark", "after"  # "said after the club had grown": a time
    assert content_range(doc, doc[1]) is None


def test_that_if_is_a_condition_in_what_is_said_not_a_question() -> None:
    text = "Mr Ravi Menon said that if the critics were to watch the play they would not object."
    assert [q for q, _ in _quotes(text)] == [
        "if the critics were to watch the play they would not object"
    ]
    assert _quotes("Mr Ravi Menon asked if the critics had watched the play.") == []


def test_a_clause_before_the_cue_that_lost_its_subject_to_the_parse_is_reported() -> None:
    text = (
        "As a consequence, hopes that the merger may be approved quickly have faded, "
        "the paper said."
    )
    assert [q for q, _ in _quotes(text)] == [
        "As a consequence, hopes that the merger may be approved quickly have faded"
    ]


def test_a_record_that_was_released_is_no_statement() -> None:
    doc = hand_parsed(
        [
            ("The", "DT", "DET", "det", 1),
            ("album", "NN", "NOUN", "nsubjpass", 3),
            ("was", "VBD", "AUX", "auxpass", 3),
            ("released", "VBN", "VERB", "ROOT", 3),
            ("in", "IN", "ADP", "prep", 3),
            ("May", "NNP", "PROPN", "pobj", 4),
        ]
    )
    doc[3].lemma_ = "release"
    assert not is_cue(doc[3])


def test_a_clause_read_as_a_second_verb_of_the_cue_is_its_complement() -> None:
    # "Ms Roe insisted tighter checks did not mean delays ." with "checks" read as the cue's
    # object and "mean" as a second verb of "insisted"
    doc = hand_parsed(
        [
            ("Roe", "NNP", "PROPN", "nsubj", 1),
            ("insisted", "VBD", "VERB", "ROOT", 1),
            ("tighter", "JJR", "ADV", "advmod", 1),
            ("checks", "NNS", "NOUN", "dobj", 1),
            ("did", "VBD", "AUX", "aux", 6),
            ("not", "RB", "PART", "neg", 6),
            ("mean", "VB", "VERB", "conj", 1),
            ("delays", "NNS", "NOUN", "dobj", 6),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert content_range(doc, doc[1]) is None  # "mean" has no subject of its own here
    doc = hand_parsed(
        [
            ("Roe", "NNP", "PROPN", "nsubj", 1),
            ("insisted", "VBD", "VERB", "ROOT", 1),
            ("tighter", "JJR", "ADV", "advmod", 1),
            ("checks", "NNS", "NOUN", "nsubj", 6),
            ("did", "VBD", "AUX", "aux", 6),
            ("not", "RB", "PART", "neg", 6),
            ("mean", "VB", "VERB", "conj", 1),
            ("delays", "NNS", "NOUN", "dobj", 6),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert content_range(doc, doc[1]) == (2, 8)


def test_a_second_reporting_act_joined_by_and_is_a_quotation_of_its_own() -> None:
    text = (
        "The mayor said the closure would not delay the festival and added that the new "
        "stage would open in June."
    )
    assert [q for q, _ in _quotes(text)] == [
        "the closure would not delay the festival",
        "the new stage would open in June",
    ]


def test_an_inserted_says_and_name_leave_the_rest_of_the_sentence_reported() -> None:
    text = (
        "Lately, says Dr Mira Holt, chief engineer at Ovum, the blogging world found out "
        "about the scheme."
    )
    assert _quotes(text) == [("Lately the blogging world found out about the scheme", "Mira Holt")]


def test_the_writer_in_the_first_person_is_nobody_quoted() -> None:
    text = (
        "Readers wrote in about the awards.\n\n"
        "If I say folk music here, I might add that most people have no idea what I mean."
    )
    assert _quotes(text) == []


def test_a_quoted_clause_joined_after_the_quotation_is_reported_in_it() -> None:
    text = (
        "Moreno, the city's chess club founder, said \"it's not fair to ever ban them,\" and "
        'the members\' anger "falls upon the council."'
    )
    assert _quotes(text) == [
        ("it's not fair to ever ban them the members' anger \"falls upon the council.\"", "Moreno")
    ]
    one = "“We saw the plans, but nobody asked us,” said Nadia Berg."
    assert [q for q, _ in _quotes(one)] == ["We saw the plans, but nobody asked us"]


def test_a_name_the_parser_gave_to_the_reported_clause_still_speaks() -> None:
    # "said" keeps "risk" as its subject, and "Mehta" becomes the subject of "losing"
    text = (
        "Phone firms lose customers\n\n"
        "The risk they run, said Anil Mehta, head of phone firm Zentel, is losing customers "
        "to rivals.\n\n"
        "A majority, 52%, said Chancellor Tom Brand had done a good job."
    )
    assert _quotes(text) == [
        ("The risk they run is losing customers to rivals", "Anil Mehta"),
        ("Chancellor Tom Brand had done a good job", "A majority"),
    ]
