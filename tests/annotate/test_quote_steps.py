"""The quotation pipeline step by step (sentences written for these tests, real spaCy)."""

from __future__ import annotations

from app.annotate import annotate
from app.annotate.according import according_candidates, according_source
from app.annotate.continuation import attach_unattributed, standalone_quote
from app.annotate.cue_syntax import content_range, cut_nested, is_cue, no_comment, subject_of
from app.annotate.quote_index import Candidate, trim, trim_direct
from app.annotate.reported import cue_candidates, cue_subject
from app.annotate.speakers import _introduced, resolve_subject
from tests.annotate.parsing import hand_parsed, parse

# -- quote_index ---------------------------------------------------------------------------


def test_index_finds_quotes_per_paragraph() -> None:
    p = parse("Nobody spoke.\n\n“We will open on Monday,” the owner said.")
    assert len(p.index.spans) == 1
    k = p.index.in_para(2)[0]
    q = p.index.spans[k]
    assert p.text[q.start : q.end] == "We will open on Monday,"
    assert p.index.inside(q.start + 3)
    assert not p.index.inside(0)
    assert p.index.para_of(q.start) == 2
    assert p.index.overlapping(q.start, q.start + 5) == [k]


def test_trims() -> None:
    text = "  the river rose, "
    assert text[slice(*trim_direct(text, 0, len(text)))] == "the river rose"
    text = ", the river rose. "
    assert text[slice(*trim(text, 0, len(text)))] == "the river rose"


# -- cue_syntax ----------------------------------------------------------------------------


def test_cue_verbs_and_refusals() -> None:
    p = parse("The so-called expert said little. The mayor declined to comment on the plan.")
    assert is_cue(p.tok("said"))
    assert not is_cue(p.tok("called"))
    assert no_comment(p.doc, p.tok("comment"))


def test_subject_and_complement_of_a_cue() -> None:
    p = parse("Inspector Maria Olsen said the bridge was unsafe.")
    said = p.tok("said")
    assert subject_of(said).text == "Olsen"
    lo, hi = content_range(p.doc, said)
    assert p.doc[lo:hi].text == "the bridge was unsafe"


# -- reported ------------------------------------------------------------------------------


def test_cue_candidates_indirect_and_direct() -> None:
    p = parse(
        "Bruno Adler said the menu would change in spring.\n\n"
        "“We cook what the farmers bring us,” Adler told reporters."
    )
    cands = cue_candidates(p.text, p.doc, p.index, p.ctx)
    assert [(c.kind, p.name(c.speaker.entity)) for c in cands] == [
        ("indirect", "Bruno Adler"),
        ("direct", "Bruno Adler"),
    ]
    s, e = cands[1].spans[0]
    assert p.text[s:e] == "We cook what the farmers bring us"
    assert len(p.ctx.previous) == 2


def test_cue_subject_inside_quotes_is_not_the_speaker() -> None:
    p = parse("“Nobody said it would be easy,” the coach admitted.")
    said = p.tok("said")
    assert cue_subject(p.doc, said, p.index, p.ents.token_entity) is None


def test_shared_subject_cue_takes_the_first_speaker() -> None:
    p = parse("Governor Lena Ruiz said taxes would fall, adding that schools would get more.")
    cands = cue_candidates(p.text, p.doc, p.index, p.ctx)
    assert [p.name(c.speaker.entity) for c in cands] == ["Lena Ruiz", "Lena Ruiz"]


# -- according -----------------------------------------------------------------------------


def test_according_to_source_and_clause() -> None:
    p = parse("According to the Weather Office, the storm will reach the coast tonight.")
    source = according_source(p.doc, p.tok("According"))
    assert source is not None and source.text == "Office"
    cands = according_candidates(p.doc, p.index, p.ctx)
    assert len(cands) == 1
    s, e = cands[0].spans[0]
    assert p.text[s:e] == "the storm will reach the coast tonight"
    assert cands[0].cue == "according to"


def test_according_to_inside_what_a_subject_said_is_part_of_their_words() -> None:
    p = parse("The Harbour Board said that, according to figures from the ports, trade rose.")
    assert according_candidates(p.doc, p.index, p.ctx) == []  # the board's quotation
    for text in (
        "He was told that, according to the board's lawyers, the walk was legal.",
        "It is predicted that trade will rise, according to the Harbour Board.",
    ):
        p = parse(text)
        assert len(according_candidates(p.doc, p.index, p.ctx)) == 1  # no one else speaks


# -- continuation --------------------------------------------------------------------------


def test_standalone_quote_needs_a_sentence_of_its_own() -> None:
    p = parse("He called it “a fine day for a walk.” Then: “We should go now, all of us.”")
    para = p.paragraphs[0]
    first, second = (p.index.spans[k] for k in p.index.in_para(1))
    assert not standalone_quote(p.text, para, first, [])
    assert standalone_quote(p.text, para, second, [])


def test_continued_paragraph_keeps_the_speaker() -> None:
    p = parse(
        "Ivo Petrov said the harvest was the worst in a decade.\n\n"
        "“The rain came at exactly the wrong time for the wheat.”"
    )
    cands = cue_candidates(p.text, p.doc, p.index, p.ctx)
    out = attach_unattributed(p.text, p.doc, p.index, cands, p.ctx)
    assert len(out) == 2
    assert out[1].cue is None and out[1].para == 2
    assert p.name(out[1].speaker.entity) == "Ivo Petrov"


def test_split_quote_joins_the_first_part() -> None:
    p = parse("“The pool is closed,” Nora Quill said. “It will reopen in May.”")
    cands = cue_candidates(p.text, p.doc, p.index, p.ctx)
    out = attach_unattributed(p.text, p.doc, p.index, cands, p.ctx)
    assert len(out) == 1
    assert [p.text[s:e] for s, e in out[0].spans] == [
        "The pool is closed",
        "It will reopen in May.",
    ]


def test_candidate_defaults() -> None:
    from app.annotate.speakers import Speaker

    c = Candidate(-1, [(0, 3)], "direct", None, Speaker(), 1)
    assert c.quote_ids == set()


# -- speakers ------------------------------------------------------------------------------


def test_resolve_subject_spokesperson_speaks_for_the_organisation() -> None:
    p = parse("A spokeswoman for Harlow Energy said the plant was safe.")
    sp = resolve_subject(p.ctx, p.tok("spokeswoman"), 1)
    assert p.name(sp.entity) == "Harlow Energy"
    assert sp.type == "organisation"


def test_resolve_subject_two_people_are_a_group() -> None:
    p = parse("Anna Berg and Tomas Lind said the deal was fair.")
    sp = resolve_subject(p.ctx, subject_of(p.tok("said")), 1)
    assert sp.entity is None and sp.label == "Anna Berg and Tomas Lind"


def test_resolve_subject_unnamed_label() -> None:
    p = parse("Analysts said the shares were overvalued.")
    sp = resolve_subject(p.ctx, p.tok("Analysts"), 1)
    assert (sp.entity, sp.label, sp.type) == (None, "Analysts", "other")


def test_quote_before_a_two_word_name_and_its_cue() -> None:
    p = parse(
        "Ada Moss has said the tunnel could be built for less.\n\n"
        "“I do not mind how it is built. If the town wants a tunnel, fine, but it will cost "
        "twice as much,” Victor Lund told reporters on Monday."
    )
    cands = cue_candidates(p.text, p.doc, p.index, p.ctx)
    assert [(c.kind, p.name(c.speaker.entity)) for c in cands] == [
        ("indirect", "Ada Moss"),
        ("direct", "Victor Lund"),
    ]


def test_two_cues_for_one_split_quote_keep_both_parts() -> None:
    text = (
        "“We were shocked to see how much the city owes,” she was quoted as saying in the "
        "release. “The debt is simply too high.”"
    )
    art = annotate(text)
    assert len(art.quotations) == 1
    assert art.quotations[0].text == (
        "We were shocked to see how much the city owes The debt is simply too high."
    )


def test_quote_after_the_addressee_and_a_colon() -> None:
    for text, speaker in (
        ("Ms Nora Quill once advised him: “Always remember who pays the bills.”", "Nora Quill"),
        (
            "Mayor Ivo Brandt spoke on Monday. As he told journalists: “I am not interested "
            "in what the papers say.”",
            "Ivo Brandt",
        ),
    ):
        art = annotate(text)
        assert [q.kind for q in art.quotations] == ["direct"]
        assert art.entities[art.quotations[0].speaker_entity].name == speaker


def test_one_per_quotation_keeps_the_nearest_cue() -> None:
    from app.annotate.quotes import one_per_quotation
    from app.annotate.speakers import Speaker

    p = parse("The paper reports that Ivo Brandt told a radio station: “I will stay.”")
    q = p.index.spans[0]
    far = Candidate(p.tok("reports").i, [(q.start, q.end)], "direct", "reports", Speaker(), 1)
    near = Candidate(p.tok("told").i, [(q.start, q.end)], "direct", "told", Speaker(), 1)
    assert one_per_quotation(p.doc, [far, near]) == [near]
    assert one_per_quotation(p.doc, [near, far]) == [near]


def test_a_quote_that_ends_its_sentence_is_not_given_to_the_next_one() -> None:
    text = (
        "Ms Ada Moss said the hunt had been legal. “We saw nothing wrong at all. We went home "
        "early.” Mr Karl Vine echoed her comments but said the day had been hard."
    )
    art = annotate(text)
    direct = [q for q in art.quotations if q.text.startswith("We saw nothing")]
    assert len(direct) == 1
    assert art.entities[direct[0].speaker_entity].name == "Ada Moss"


def test_data_that_suggests_is_no_quotation() -> None:
    text = (
        "The latest figures suggest that fewer people are buying new cars this year. "
        "Ms Ada Moss said that dealers were worried about the spring."
    )
    art = annotate(text)
    assert [q.cue for q in art.quotations] == ["said"]


def test_content_starts_at_the_first_complement_clause() -> None:
    p = parse(
        "Ms Ada Moss said she has met many other farmers who have been forced to sell their "
        "herds or who have cut their feed for fear it will ruin them by spring."
    )
    lo, hi = content_range(p.doc, p.tok("said"))
    assert p.doc[lo:hi].text.startswith("she has met many other farmers")
    assert p.doc[lo:hi].text.endswith("ruin them by spring")


def test_a_pull_quote_is_not_a_second_quotation() -> None:
    text = (
        "Ida Kern, the mayor, wrote to the council on Monday about the budget for next year.\n\n"
        '"I was not able to support the plan in good conscience"\n\n'
        '"As a lawyer for 20 years, I worry about the plan. On these grounds, I was not able '
        'to support the plan in good conscience," she wrote.'
    )
    art = annotate(text)
    assert [q.paragraph for q in art.quotations] == [3]


def test_told_the_addressee_after_a_phrase_that() -> None:
    text = "Tom Brennan told reporters after the game that the referee had made three mistakes."
    art = annotate(text)
    assert [q.text for q in art.quotations] == ["the referee had made three mistakes"]
    assert art.entities[art.quotations[0].speaker_entity].name == "Tom Brennan"


def test_a_quote_resumes_after_the_cue_in_mid_sentence() -> None:
    text = (
        "Tom Brennan lost the final.\n\n"
        "“I don't know what happened,” the coach admitted, “but we will be back.”"
    )
    art = annotate(text)
    assert len(art.quotations) == 1
    assert [text[s:e] for s, e in art.quotations[0].spans] == [
        "I don't know what happened",
        "but we will be back.",
    ]


def test_said_in_a_release_that() -> None:
    art = annotate("Harbor Mills said in a release that sales had risen sharply in May.")
    assert [q.text for q in art.quotations] == ["sales had risen sharply in May"]


def test_a_denied_suggestion_is_not_the_speakers_words() -> None:
    text = "Mr Ivo Brandt denied suggestions that the club was up for sale this summer."
    art = annotate(text)
    assert all("up for sale" not in q.text for q in art.quotations)


def test_a_reporting_verb_in_a_because_clause_does_not_cut_the_content() -> None:
    p = parse("Ms Ada Moss said the delay matters because the council publishes its budget in May.")
    said = p.tok("said")
    cues = {said.i, p.tok("publishes").i}
    lo, hi = content_range(p.doc, said)
    lo, hi = cut_nested(p.doc, lo, hi, said, cues)
    assert p.doc[lo:hi].text.endswith("publishes its budget in May")


def test_a_hyphenated_subject_stays_whole() -> None:
    from app.annotate.speakers import np_text

    p = parse("The Tory co-chairman said the party was ready for the election.")
    lo, hi = np_text(p.tok("co"))
    assert p.doc[lo:hi].text == "The Tory co-chairman"


def test_a_subject_hung_on_the_auxiliary_still_makes_a_clause() -> None:
    from app.annotate.cue_syntax import reported_clause

    p = parse(
        "Ola Berg, the Harbor Union’s director of research, said his union is absorbing some "
        "hard lessons from the vote."
    )
    said = p.tok("said")
    lo, hi = content_range(p.doc, said)
    assert reported_clause(p.doc, said, lo, hi, False)


def test_a_subject_hung_on_the_adjunct_after_it_still_makes_a_clause() -> None:
    from app.annotate.cue_syntax import reported_clause

    # "Pilots said small airlines , eager to grow , were cutting fares ." with "airlines"
    # the subject of "eager", and "cutting" without a subject of its own
    doc = hand_parsed(
        [
            ("Pilots", "NNS", "NOUN", "nsubj", 1),
            ("said", "VBD", "VERB", "ROOT", 1),
            ("small", "JJ", "ADJ", "amod", 3),
            ("airlines", "NNS", "NOUN", "nsubj", 5),
            (",", ",", "PUNCT", "punct", 3),
            ("eager", "JJ", "ADJ", "advcl", 10),
            ("to", "TO", "PART", "aux", 7),
            ("grow", "VB", "VERB", "xcomp", 5),
            (",", ",", "PUNCT", "punct", 10),
            ("were", "VBD", "AUX", "aux", 10),
            ("cutting", "VBG", "VERB", "ccomp", 1),
            ("fares", "NNS", "NOUN", "dobj", 10),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    said = doc[1]
    lo, hi = content_range(doc, said)
    assert (lo, hi) == (2, 12) and reported_clause(doc, said, lo, hi, False)


def test_a_paragraph_of_quotes_reopened_at_lost_breaks_continues_the_speaker() -> None:
    from app.annotate import annotate

    text = (
        "Coach backs keeper\n\n"
        "Lena Marsh has pledged to keep faith with her keeper.\n\n"
        'Marsh said: "I will not drop her for one game. "She needs a run."\n\n'
        '"If you look at my record, I have left many players out. "It is the same here, '
        'for any player in any position. "Keepers are not robots, and they have bad weeks."'
    )
    art = annotate(text)
    last = [q for q in art.quotations if q.paragraph == 3]
    assert last and all(art.entities[q.speaker_entity].name == "Lena Marsh" for q in last)
    assert "Keepers are not robots, and they have bad weeks." in " ".join(q.text for q in last)


def test_a_generic_you_in_a_question_reports_nothing() -> None:
    from app.annotate import annotate

    art = annotate(
        "Odd questions\n\n"
        "But there were many odd questions, including: what is a cat?, how do you say "
        "football? and what is the tallest tree?\n\n"
        "The editor said most questions were about sport."
    )
    assert [q.text for q in art.quotations] == ["most questions were about sport"]


def test_who_was_made_to_speak_is_the_speaker() -> None:
    # "prompted a donor to say": the donor speaks, not the row
    p = parse(
        "The row between Anna Holt and Peter Marsh prompted a party donor to say he would stop."
    )
    assert subject_of(p.tok("say")).text == "donor"
    p = parse("The vote led a senior councillor to say the plan was dead.")
    assert subject_of(p.tok("say")).text == "councillor"
    # a verb that only asks for speech leaves its own subject
    p = parse("The charity urged ministers to admit that the scheme had failed.")
    assert subject_of(p.tok("admit")).text == "charity"


def test_a_predicate_and_the_clause_it_judges_are_reported_together() -> None:
    # "called it X for Y to Z": not the infinitive alone
    art = annotate(
        "Tenants evicted\n\n"
        "Mary Cole, a local councillor, called it “deeply unfair” for the tenants “to be "
        "pushed out like this.” But she said it was a lesson."
    )
    assert [q.text for q in art.quotations] == [
        "it “deeply unfair” for the tenants “to be pushed out like this.”",
        "it was a lesson",
    ]


def test_a_name_given_by_no_one_is_no_quotation() -> None:
    art = annotate(
        "Ferry pass\n\n"
        "The pass, launched in May and dubbed “Saver” or “bargain”, has sold well.\n\n"
        "The deal will create what are called “enterprise zones” in the north.\n\n"
        "The plan was called “a disgrace” by the mayor.\n\n"
        "The mayor has called it “a waste”."
    )
    assert [q.text for q in art.quotations] == ["“a disgrace” by the mayor", "it “a waste”"]


def test_a_statement_issued_saying_speaks_for_its_issuer() -> None:
    art = annotate(
        "Investors stay\n\n"
        "Mr Hale and Mr Dunn issued a statement on Friday saying that they remained "
        "“long-term investors” in the club."
    )
    assert [q.speaker_label for q in art.quotations] == ["Mr Hale and Mr Dunn"]


def test_clause_joined_to_the_cue_by_a_connective_is_not_reported() -> None:
    from app.annotate import annotate

    art = annotate(
        "A headline\n\nTom Vale is not a computer programmer, so he asked others to write "
        "the code for him. The plant will close, the firm said."
    )
    assert [q.text for q in art.quotations] == ["The plant will close"]


def test_writers_idioms_with_say_report_no_one() -> None:
    from app.annotate import annotate

    art = annotate(
        "A headline\n\nThat is not to say the game is anything but a fine adventure. "
        "Needless to say, fans were upset. Suffice to say the club will appeal. "
        "The aim is to say sorry to the fans, the club said."
    )
    assert [q.text for q in art.quotations] == ["The aim is to say sorry to the fans"]


def test_a_condition_put_by_inversion_reports_nothing() -> None:
    from app.annotate import annotate

    art = annotate(
        "A headline\n\nTom Vale pleaded guilty and was jailed for ten years. It would have "
        "been longer had he denied the charge."
    )
    assert art.quotations == []


def test_a_set_off_subject_before_the_cue_is_not_reported() -> None:
    from app.annotate import annotate

    art = annotate(
        "Headline\n\nThe woman waited two years to sue because she was trying to negotiate a "
        "settlement, her lawyer, Perry Wander, said."
    )
    assert [q.text for q in art.quotations] == [
        "The woman waited two years to sue because she was trying to negotiate a settlement"
    ]


def test_the_question_put_and_the_writers_imperative_report_nothing() -> None:
    from app.annotate import annotate

    art = annotate(
        "Headline\n\nAsked whether she was nervous about her first nomination she said: "
        "“It is out of my hands now.”\n\nCall it a tax on music “pollution”, if you like."
    )
    assert [q.text for q in art.quotations] == ["It is out of my hands now."]


def test_a_question_opened_by_a_wh_phrase_reports_nothing() -> None:
    for text in (
        "Headline\n\nThe firm did not specify how many pumps might fail.",
        "Headline\n\nThe studio has not said which format it will back.",
        "Headline\n\nThe firm did not reveal how much it paid.",
    ):
        assert annotate(text).quotations == [], text
    kept = (
        "Headline\n\nMr Roe said which bidder won was not important. Ms Hale told them "
        "what a great man he was."
    )
    assert len(annotate(kept).quotations) == 2  # a wh-clause as subject; an exclamation


def test_a_by_phrase_inside_the_reported_clause_is_no_agent() -> None:
    for text in (
        "It is predicted that the new single will top 200,000 sales by the time the chart "
        "is out on Sunday.",
        "It was claimed the mayor felt shown up by the fact that Ivo Brandt acted first.",
    ):
        art = annotate(text)
        labels = {q.speaker_label for q in art.quotations}
        assert not labels & {"the time", "the fact"}
        assert all(q.speaker_entity is None for q in art.quotations)


def test_a_fact_that_suggests_is_no_quotation() -> None:
    text = (
        "A spokeswoman for the network said the host would stay. The show will keep a close "
        "tie with the radio chart show, which suggests the new show may air on Sundays. "
        "“We think the later time will bring a new audience to the show.”\n\n"
        "This suggested the deal was close. Research from Milltown Data, which suggested "
        "sales would fall, was published on Monday."
    )
    art = annotate(text)
    got = {q.text: q for q in art.quotations}
    assert "the new show may air on Sundays" not in got
    assert "the deal was close" not in got
    assert "sales would fall" in got
    floating = got["We think the later time will bring a new audience to the show."]
    assert floating.speaker_text == "A spokeswoman for the network"


def test_an_appeal_reports_only_a_quotation_beside_it() -> None:
    text = (
        "Ana Salas lost her son in 2019. The family appealed against a ruling that the police "
        "had acted lawfully.\n\n"
        "“Please come home,” she appealed.\n\n"
        "Her campaign appealed “to all sides of the argument”, Salas insisted."
    )
    got = {q.text: q.cue for q in annotate(text).quotations}
    assert "the police had acted lawfully" not in got
    assert "to all sides of the argument" not in got
    assert got.get("Please come home") == "appealed"


def test_a_person_the_sentence_between_is_about_speaks_the_next_quotation() -> None:
    text = (
        "“What a way to end the season,” said Tomas Berdan afterwards. Team captain Ivo "
        "Kessler wants his players to train more on clay. “I think it will help them on slow "
        "courts.”\n\n"
        "“We can win the group,” said Dara Finch. Manager Lou Pratt praised Finch on the "
        "wing. Finch's usual place is at the back, but he looked assured. “As a full-back at "
        "home, I know that wing well.”\n\n"
        "“We were lucky,” said Ana Roe.\n\n"
        "Coach Jo Lee wants a longer pre-season. “It would help the younger players most of "
        "all, and we need them.”"
    )
    art = annotate(text)
    got = {q.text[:12]: art.entities[q.speaker_entity].name for q in art.quotations}
    assert got["I think it w"] == "Ivo Kessler"
    assert got["As a full-ba"] == "Dara Finch"  # the sentence right before is about Finch
    assert got["It would hel"] == "Jo Lee"


def test_a_clause_with_no_that_on_a_statement_or_a_programme_is_reported() -> None:
    text = (
        "The Lakeshore Grain Board, which buys from 900 growers, said in a statement it was "
        "talking to mills in Ohio about new contracts.\n\n"
        "Its chair, Rosa Vint, told the morning programme she hoped prices would recover.\n\n"
        "The board said in a letter it sent on Friday that the silos were full.\n\n"
        "Critics say the board is promising something it cannot deliver."
    )
    got = {q.text: q.cue for q in annotate(text).quotations}
    assert got.get("it was talking to mills in Ohio about new contracts") == "said"
    assert got.get("she hoped prices would recover") == "told"
    assert got.get("the silos were full") == "said"  # not "it sent on Friday"
    assert not any(t.startswith("it cannot") for t in got)


def test_a_comment_after_the_cue_and_a_comma_is_not_what_was_said() -> None:
    # "Fares will rise , Ines Garrow said , a move that critics warned could hurt trade ."
    doc = hand_parsed(
        [
            ("Fares", "NNS", "NOUN", "nsubj", 2),
            ("will", "MD", "AUX", "aux", 2),
            ("rise", "VB", "VERB", "ccomp", 6),
            (",", ",", "PUNCT", "punct", 6),
            ("Ines", "NNP", "PROPN", "compound", 5),
            ("Garrow", "NNP", "PROPN", "nsubj", 6),
            ("said", "VBD", "VERB", "ROOT", 6),
            (",", ",", "PUNCT", "punct", 6),
            ("a", "DT", "DET", "det", 9),
            ("move", "NN", "NOUN", "nsubj", 14),
            ("that", "IN", "SCONJ", "mark", 12),
            ("critics", "NNS", "NOUN", "nsubj", 12),
            ("warned", "VBD", "VERB", "relcl", 9),
            ("could", "MD", "AUX", "aux", 14),
            ("hurt", "VB", "VERB", "ccomp", 6),
            ("trade", "NN", "NOUN", "dobj", 14),
            (".", ".", "PUNCT", "punct", 6),
        ]
    )
    doc[6].lemma_ = "say"
    assert content_range(doc, doc[6]) == (0, 3)


def test_a_name_right_after_its_description_is_the_subject() -> None:
    # "Norway 's energy regulator Fjordkraft told reporters ." with two subjects
    doc = hand_parsed(
        [
            ("Norway", "NNP", "PROPN", "poss", 3),
            ("'s", "POS", "PART", "case", 0),
            ("energy", "NN", "NOUN", "compound", 3),
            ("regulator", "NN", "NOUN", "nsubj", 5),
            ("Fjordkraft", "NNP", "PROPN", "nsubj", 5),
            ("told", "VBD", "VERB", "ROOT", 5),
            ("reporters", "NNS", "NOUN", "dobj", 5),
            (".", ".", "PUNCT", "punct", 5),
        ]
    )
    doc[5].lemma_ = "tell"
    assert subject_of(doc[5]).i == 4


def test_a_past_verb_hung_on_the_object_of_say_is_what_was_said() -> None:
    # "Jo said seats for the final sold out ." with "sold" hung on "final" as a participle
    doc = hand_parsed(
        [
            ("Jo", "NNP", "PROPN", "nsubj", 1),
            ("said", "VBD", "VERB", "ROOT", 1),
            ("seats", "NNS", "NOUN", "dobj", 1),
            ("for", "IN", "ADP", "prep", 2),
            ("the", "DT", "DET", "det", 5),
            ("final", "NN", "NOUN", "pobj", 3),
            ("sold", "VBN", "VERB", "acl", 5),
            ("out", "RP", "ADP", "prt", 6),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    doc[1].lemma_ = "say"
    assert content_range(doc, doc[1]) == (2, 8)


def test_a_hyphenated_surname_alone_is_no_newcomer() -> None:
    p = parse(
        "A headline for the test\n\n"
        "Coach Lars Brannagh praised Tomas Riedl-Okoye. Riedl-Okoye will start on Sunday."
    )
    starts = [(s, ent) for s, _e, ent in p.ctx.mention_tokens if p.name(ent) == "Tomas Riedl-Okoye"]
    assert [_introduced(p.ctx, s, ent) for s, ent in starts] == [True, False]


def test_a_denied_act_of_speech_reports_nothing() -> None:
    text = (
        "A tenant, who spoke on condition he not be named since he had not told his boss he "
        "was moving, said he left with his dog.\n\n"
        "Disney did not disclose that the firm paid for his office."
    )
    got = [q.text for q in annotate(text).quotations]
    assert got == ["he left with his dog"]


def test_a_second_that_clause_is_more_of_what_was_said() -> None:
    text = (
        "The clinic said the ward will stay open by day, and that patients who need care at "
        "night should call 911."
    )
    got = [q.text for q in annotate(text).quotations]
    assert got == [
        "the ward will stay open by day, and that patients who need care at night should call 911"
    ]


def test_a_participle_the_parser_made_a_complement_is_a_second_act() -> None:
    text = (
        "Justice Anil Varga certified the class action. The company had argued that riders "
        "set their own hours. The judge dismissed that, writing that the freedom the firm "
        "described was “largely theoretical” for riders."
    )
    art = annotate(text)
    got = {q.cue: q.text for q in art.quotations}
    assert got["writing"] == "the freedom the firm described was “largely theoretical” for riders"
    assert "dismissed" not in got
    writing = next(q for q in art.quotations if q.cue == "writing")
    assert art.entities[writing.speaker_entity].name == "Anil Varga"  # the judge writes


def test_being_told_by_no_one_named_reports_nothing() -> None:
    text = (
        "Trustee Ola Brink said she raised the budget three times and had been assured each "
        "time that it was balanced."
    )
    got = [q.text for q in annotate(text).quotations]
    assert got == [
        "she raised the budget three times and had been assured each time that it was balanced"
    ]


def test_a_sentence_before_a_trailing_cue_read_as_an_adverbial_is_its_complement() -> None:
    # "Many had hearing loss, the study reported.": the parser may take "hearing" for a verb
    # and hang it, with the whole sentence, on the cue as an adverbial
    rows = [
        ("Many", "NNS", "NOUN", "nsubj", 1),
        ("had", "VBD", "AUX", "aux", 2),
        ("hearing", "VBG", "VERB", "advcl", 7),
        ("loss", "NN", "NOUN", "dobj", 2),
        (",", ",", "PUNCT", "punct", 7),
        ("the", "DT", "DET", "det", 6),
        ("study", "NN", "NOUN", "nsubj", 7),
        ("reported", "VBD", "VERB", "ROOT", 7),
        (".", ".", "PUNCT", "punct", 7),
    ]
    doc = hand_parsed(rows)
    assert content_range(doc, doc[7]) == (0, 4)
    # "As many had hearing loss, the study reported ...": an adverbial indeed
    marked = hand_parsed(
        [("As", "IN", "SCONJ", "mark", 3), *((w, t, p, d, h + 1) for w, t, p, d, h in rows)]
    )
    assert content_range(marked, marked[8]) is None


def _reported(text: str) -> dict[str, str | None]:
    art = annotate("Headline\n\n" + text)
    return {q.text: q.speaker_text for q in art.quotations}


def test_a_directive_to_an_addressee_is_what_was_asked() -> None:
    said = _reported(
        "The nurses' union urged its members to reject the offer. The head coach told his "
        "players not to panic."
    )
    assert said == {
        "to reject the offer": "The nurses' union",
        "not to panic": "The head coach",
    }
    # asked of no one named, or only imagined: nothing reported
    assert _reported("Drivers were urged to slow down near the school.") == {}
    assert _reported("One day your fridge could be telling you to buy more milk.") == {}


def test_an_aside_and_a_setting_before_the_subject_keep_the_reported_clause_whole() -> None:
    # the parser hangs the aside (", to widen the road,") and the day on the cue
    said = _reported(
        "Councillor Mira Dahl said Thursday one of the options, to widen the road, would cost "
        "too much.\n\nJo Pike, the council chair, said on Friday the second option, to build a "
        "tunnel, was out of reach."
    )
    assert said == {
        "one of the options, to widen the road, would cost too much": "Councillor Mira Dahl",
        "the second option, to build a tunnel, was out of reach": "Jo Pike",
    }


def test_the_day_after_the_cue_is_not_what_was_said() -> None:
    said = _reported("The mayor said Monday the new bridge, built to last a century, would open.")
    assert said == {"the new bridge, built to last a century, would open": "The mayor"}


def test_a_cue_in_a_relative_clause_reports_the_predicate_after_it() -> None:
    said = _reported(
        "The city is short of what it says is a fair share of the gas tax.\n\nThe plan includes "
        "new routes, which the transit agency said in a 2021 review would “cut waits in "
        "half.”\n\nSales of the games which it releases each spring are falling."
    )
    assert said == {
        "is a fair share of the gas tax": "it",
        "would “cut waits in half.”": "the transit agency",
    }


def test_a_relative_report_is_not_a_verdict_a_topic_or_a_second_quotation() -> None:
    assert _reported("What the witness said was untrue.") == {}
    assert _reported("Few read what the columnists are writing about can be proven.") == {}
    # one quotation: the posting reports no more than what was said
    said = _reported("The band posted what it said were the dates of its last tour.")
    assert list(said) == ["were the dates of its last tour"]


def test_a_while_clause_after_the_cues_own_words_is_a_second_act() -> None:
    # the parser makes "would be enough" the first cue's clause and "argued" an adverbial
    said = _reported(
        "The Crown had asked for a ten-year term, while defence counsel Omar Reyes argued six "
        "years would be enough."
    )
    assert said == {"six years would be enough": "defence counsel Omar Reyes"}


def test_what_was_told_after_the_addressee_read_as_a_second_object() -> None:
    # "told CTV News the noise ... carried": the parser makes "the noise" a second object
    # and "carried" a participle on the noun before it
    said = _reported(
        "One neighbour of the arena told CTV News the noise from the big speakers carried well "
        "past midnight."
    )
    assert said == {
        "the noise from the big speakers carried well past midnight": "One neighbour of the arena"
    }


def test_a_clause_joined_to_a_past_cue_with_a_modal_goes_on_with_what_was_said() -> None:
    said = _reported(
        "Sgt. Ola Brandt said volunteers had helped, but people should stay off the ice."
    )
    assert said == {"volunteers had helped, but people should stay off the ice": "Sgt. Ola Brandt"}
    # (a clause of the writer's, in the past, is not)
    assert list(_reported("She said the hall was full, but the vote failed.")) == [
        "the hall was full"
    ]


def test_settings_and_days_between_the_cue_and_its_clause() -> None:
    from spacy.tokens import Doc

    from app.annotate.nlp import get_nlp
    from app.annotate.reported import _after_the_day

    # "said outside the court that ...", the clause hung on the setting's noun
    rows = [
        ("She", "PRP", "PRON", "nsubj", 1),
        ("said", "VBD", "VERB", "ROOT", 1),
        ("outside", "IN", "ADP", "prep", 1),
        ("the", "DT", "DET", "det", 4),
        ("court", "NN", "NOUN", "pobj", 2),
        ("that", "IN", "SCONJ", "mark", 7),
        ("they", "PRP", "PRON", "nsubj", 7),
        ("waited", "VBD", "VERB", "acl", 4),
    ]
    doc = hand_parsed(rows)
    assert content_range(doc, doc[1]) == (5, 8)
    # "told a jury Monday she heard shots": the day after who was told is when it was said
    words = ["A", "witness", "told", "a", "jury", "Monday", "she", "heard", "shots"]
    doc = Doc(
        get_nlp().vocab,
        words=words,
        deps=["det", "nsubj", "ROOT", "det", "dobj", "npadvmod", "nsubj", "ccomp", "dobj"],
        heads=[1, 2, 2, 4, 2, 7, 7, 2, 7],
        ents=["O", "O", "O", "O", "O", "B-DATE", "O", "O", "O"],
    )
    assert _after_the_day(doc, doc[2], 5) == 6


def test_no_second_act_in_a_comparison_or_a_passive_and_a_noun_read_as_a_verb() -> None:
    said = _reported(
        "Dina Falk said the verdict felt like the town was being asked to forget.\n\n"
        "Omar Haddad, a tax lawyer who has no part in the case, said audits for fraud remain "
        "rare."
    )
    assert said == {
        "the verdict felt like the town was being asked to forget": "Dina Falk",
        "audits for fraud remain rare": "Omar Haddad",
    }


def test_a_present_clause_joined_to_a_past_cue_without_a_subject_goes_on() -> None:
    from app.annotate.reported import _backshifted

    # "Ann said fares rose but is asking for a review": the parser joins the second verb
    # to "said"; its present tense is the reported clause's, not the writer's
    rows = [
        ("Ann", "NNP", "PROPN", "nsubj", 1),
        ("said", "VBD", "VERB", "ROOT", 1),
        ("fares", "NNS", "NOUN", "nsubj", 3),
        ("rose", "VBD", "VERB", "ccomp", 1),
        ("but", "CC", "CCONJ", "cc", 1),
        ("is", "VBZ", "AUX", "aux", 6),
        ("asking", "VBG", "VERB", "conj", 1),
    ]
    doc = hand_parsed(rows)
    assert _backshifted(doc[1], doc[6])
    past = hand_parsed([*rows[:5], ("was", "VBD", "AUX", "aux", 6), rows[6]])
    assert not _backshifted(past[1], past[6])


def test_a_colon_quote_after_the_cues_settings_and_an_adverb() -> None:
    from app.annotate.reported import _object_end

    rows = [
        ("She", "PRP", "PRON", "nsubj", 1),
        ("wrote", "VBD", "VERB", "ROOT", 1),
        ("online", "RB", "ADV", "advmod", 1),
        ("late", "RB", "ADV", "advmod", 1),
        ("on", "IN", "ADP", "prep", 3),
        ("Friday", "NNP", "PROPN", "pobj", 4),
        (":", ":", "PUNCT", "punct", 1),
    ]
    doc = hand_parsed(rows)
    friday = doc[5]
    assert _object_end(doc[1], doc[6].idx) == friday.idx + len(friday)


def test_an_auxiliary_on_a_modifier_of_say_s_object_makes_it_a_clause() -> None:
    from spacy.tokens import Doc

    from app.annotate.nlp import get_nlp

    # "She said the city has limited power": read as "said [the city has limited] power"
    doc = Doc(
        get_nlp().vocab,
        words=["She", "said", "the", "city", "has", "limited", "power"],
        tags=["PRP", "VBD", "DT", "NN", "VBZ", "VBN", "NN"],
        pos=["PRON", "VERB", "DET", "NOUN", "AUX", "VERB", "NOUN"],
        deps=["nsubj", "ROOT", "det", "nsubj", "aux", "amod", "dobj"],
        heads=[1, 1, 3, 4, 5, 6, 1],
        lemmas=["she", "say", "the", "city", "have", "limit", "power"],
    )
    assert content_range(doc, doc[1]) == (2, 7)
