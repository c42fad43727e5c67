"""People and organisations (sentences written for these tests)."""

from spacy.tokens import Doc, Span

from app.annotate import annotate
from app.annotate.entities.result import Found
from app.annotate.entities.spans import _person_found, extend_person, model_spans
from app.annotate.entities.votes import _name_groups
from app.annotate.names import norm_name, person_key, strip_possessive
from app.annotate.nlp import get_nlp


def _people(art):
    return {e.name: e for e in art.entities if e.kind == "person"}


def _orgs(art):
    return {e.name: e for e in art.entities if e.kind == "organisation"}


def test_titles_stripped_and_surname_linked() -> None:
    art = annotate(
        "Foreign Minister Helena Marsh met President Daniel Okoro in Lagos on Monday.\n\n"
        "Ms Marsh said the talks were useful. Okoro did not speak to reporters."
    )
    people = _people(art)
    assert set(people) == {"Helena Marsh", "Daniel Okoro"}
    assert people["Helena Marsh"].aliases == ["Helena Marsh", "Marsh"]
    assert "Foreign Minister" in people["Helena Marsh"].roles
    assert "Okoro" in people["Daniel Okoro"].aliases


def test_possessive_and_leading_the() -> None:
    art = annotate(
        "Analyst Peter Vance said the Federal Reserve's decision was expected. "
        "Vance's view is shared by the International Monetary Fund."
    )
    assert "Peter Vance" in _people(art)
    orgs = _orgs(art)
    assert "Federal Reserve" in orgs
    assert "International Monetary Fund" in orgs
    assert all(not a.endswith("'s") for e in art.entities for a in e.aliases)


def test_mentions_index_original_text() -> None:
    text = "Dr Amara Singh leads the Royal Botanic Institute. Singh joined in 2010."
    art = annotate(text)
    assert art.mentions
    for m in art.mentions:
        assert text[m.start : m.end] == m.text


def test_places_products_and_documents_are_not_organisations() -> None:
    art = annotate(
        "Washington and Beijing traded accusations on Tuesday. The army will buy more "
        "Patriot missiles, the defence ministry said, under the National Defence Strategy. "
        "The Patriot, a guided missile system, is made by Northbridge Dynamics Corporation."
    )
    orgs = _orgs(art)
    assert "Washington" not in orgs and "Beijing" not in orgs
    assert "Patriot" not in orgs and "Patriot" not in _people(art)
    assert "National Defence Strategy" not in orgs


def test_org_surname_confusion_becomes_person() -> None:
    art = annotate(
        "Hiroshi Tanabe, a professor at Kobe University, said exports would fall. "
        "Tanabe added that the yen was weak."
    )
    people = _people(art)
    assert "Hiroshi Tanabe" in people
    assert "Tanabe" not in _orgs(art)
    assert "Kobe University" in _orgs(art)


def test_multiword_organisations_recovered() -> None:
    art = annotate(
        "The deal was signed by Westfield Heavy Industries and the Office of Naval "
        "Research, and it will be reviewed by the Transport Safety Agency."
    )
    orgs = _orgs(art)
    assert "Westfield Heavy Industries" in orgs
    assert "Transport Safety Agency" in orgs


def test_keys_do_not_merge_different_people() -> None:
    assert person_key("Mr John Smith") == person_key("John Smith")
    assert person_key("Smith") != person_key("John Smith")
    assert person_key("Smith") != person_key("Anna Smith")
    assert norm_name("U.S. President José Núñez") == "us president jose nunez"
    assert strip_possessive("Kihara’s") == "Kihara"


def test_two_people_sharing_a_surname_stay_apart() -> None:
    art = annotate(
        "Mark Fielding and Sarah Fielding run the farm together. "
        "Sarah Fielding said the harvest was late."
    )
    people = _people(art)
    assert {"Mark Fielding", "Sarah Fielding"} <= set(people)
    keys = {e.key for e in art.entities if e.kind == "person"}
    assert len(keys) == len([e for e in art.entities if e.kind == "person"])


def test_generic_heads_dropped_legislatures_and_blocs_kept() -> None:
    art = annotate(
        "The bill will be debated in the next Diet session. The EU said it would respond. "
        "The Council met on Friday, and the Ministry of State Security said nothing."
    )
    orgs = _orgs(art)
    assert "Diet" in orgs
    assert "EU" in orgs
    assert "Council" not in orgs
    assert "Ministry of State Security" in orgs


def test_roles_do_not_run_across_coordinated_names() -> None:
    art = annotate(
        "Trade Minister Jane Smith and Finance Minister John Brown met on Monday. "
        "Ms Smith and Mr Brown said the deal was close."
    )
    people = _people(art)
    assert people["Jane Smith"].roles == ["Trade Minister"]
    assert people["John Brown"].roles == ["Finance Minister"]


def test_a_role_before_a_named_appositive_starts_at_its_first_word() -> None:
    art = annotate(
        "“Every one of these deaths is preventable,” the group's B.C. chapter president, Tom"
        " Reyes, said in a statement."
    )
    assert _people(art)["Tom Reyes"].roles == ["group's B.C. chapter president"]


def test_a_name_after_a_preposition_holds_no_role_before_it() -> None:
    art = annotate(
        "Priya Lal spoke at the hall. “Who asked the town?” the Liberal MP for Dunmore asked."
    )
    assert [e.roles for e in art.entities if e.name == "Dunmore"] in ([], [[]])
    assert [q.speaker_label for q in art.quotations] == ["the Liberal MP for Dunmore"]


def test_apostrophe_names_are_one_word() -> None:
    assert norm_name("O'Driscoll") == "odriscoll" == norm_name("O’Driscoll's")
    assert person_key("Mr O'Driscoll") == "person:odriscoll:mononym"


def test_a_description_before_a_name_is_not_part_of_it() -> None:
    # a nationality, a following, or a hyphenated "X-nominated" / "X-based" before the name
    cases = {
        "Scot Nick Rowe said the course was tough.": "Nick Rowe",
        "Blairite Alan Pell said the party was united.": "Alan Pell",
        "Oscar-nominated Clive Dorn said the film was good.": "Clive Dorn",
        "Actor Christian Bale said the film was good.": "Christian Bale",  # a given name
        "Dane Cook said the show was good.": "Dane Cook",  # a given name, then a surname
        "Dane Erik Holm won the final.": "Erik Holm",  # a nationality, then a full name
    }
    for sentence, name in cases.items():
        art = annotate(f"Title\n\n{sentence}")
        assert [e.name for e in art.entities if e.kind == "person"] == [name], sentence


def test_initials_are_a_first_name_for_a_speaking_surname() -> None:
    from app.annotate.entities.spans import _full_names_of

    doc = get_nlp()("JK Quinlan's new book is out. Quinlan said she wrote it in a year.")
    said = next(t for t in doc if t.text == "Quinlan" and t.i > 2)
    assert [doc[a:b].text for a, b in _full_names_of(doc, said)] == ["JK Quinlan"]


def test_a_given_name_used_alone_as_a_subject_is_that_person() -> None:
    art = annotate(
        "Final day\n\n"
        "Marta Kovacs and her sister Lena reached the doubles final in Paris on Sunday.\n\n"
        "Marta also said the family had been through a difficult year.\n\n"
        "The crowd in Paris cheered for Marta."
    )
    speakers = [art.entities[q.speaker_entity].name for q in art.quotations[:1]]
    assert speakers == ["Marta Kovacs"]
    marta = next(e for e in art.entities if e.name == "Marta Kovacs")
    mentions = [m.text for m in art.mentions if art.entities[m.entity] is marta]
    assert mentions == ["Marta Kovacs", "Marta"]  # a subject only: not "cheered for Marta"


def test_a_full_name_the_model_calls_a_place_is_a_person_whose_surname_acts() -> None:
    art = annotate(
        "Cup preview\n\n"
        "The club have a young coach in Rui Santinho and a new stadium. Santinho has won"
        " the league twice.\n\n"
        "Santinho gave his view on the match, grumbling: “Six-five is a tennis score.”"
    )
    assert [(e.name, e.kind) for e in art.entities] == [("Rui Santinho", "person")]
    assert art.quotations[0].speaker_entity == 0


def test_a_hyphenated_surname_alone_is_the_person_named_in_full() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Alberta Energy Minister Solène Gagnon-Roy said a mediator will meet both sides. "
        "Gagnon-Roy told reporters she was hopeful.\n\n"
        "At a briefing, Const. Idris Okafor said the road would stay closed."
    )
    people = {e.name: e.aliases for e in art.entities if e.kind == "person"}
    assert set(people) == {"Solène Gagnon-Roy", "Idris Okafor"}
    assert "Gagnon-Roy" in people["Solène Gagnon-Roy"]
    speakers = [art.entities[q.speaker_entity].name for q in art.quotations]
    assert speakers == ["Solène Gagnon-Roy", "Solène Gagnon-Roy", "Idris Okafor"]


def test_a_surname_alone_pools_with_the_one_name_it_ends_not_a_relatives_hyphenated_one() -> None:
    found = [
        Found("person", 0, 2, "Norah Pellerin"),
        Found("person", 3, 4, "Pellerin"),
        Found("person", 5, 9, "Ada Pellerin-Hart"),
        Found("person", 10, 13, "Pellerin-Hart"),
    ]
    groups = {name: [f.name for f in fs] for name, fs in _name_groups(found).items()}
    assert groups == {
        "norah pellerin": ["Norah Pellerin", "Pellerin"],
        "ada pellerin hart": ["Ada Pellerin-Hart", "Pellerin-Hart"],
    }


def test_a_street_with_its_compass_word_and_an_album_are_no_people() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "The old mill on Albert Street North reopened on Friday with a new play.\n\n"
        "Her second album, Paper Year, won the prize.\n\n"
        "“I am barefoot,” Ruiz said.\n\n"
        "Paper Year, released quietly last spring, was written after her father died."
    )
    names = {e.name for e in art.entities}
    assert not names & {"Albert Street North", "Paper Year", "Year"}


def test_a_body_name_cut_at_and_or_at_its_branch_number_is_whole() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "OTTAWA — Rents climbed 9 per cent last year, according to figures published Tuesday "
        "by Canada Mortgage and Housing Corporation.\n\n"
        "Tenants were angry. The Amalgamated Bus Workers Union Local 204 said it had raised "
        "the issue."
    )
    assert set(_orgs(art)) >= {
        "Canada Mortgage and Housing Corporation",
        "Amalgamated Bus Workers Union Local 204",
    }


def _labelled(words: list[str], ents: list[str], **parse: list) -> Doc:
    """Words with the labels (and parse) a model gives them in some contexts only."""
    return Doc(get_nlp().vocab, words=words, ents=ents, **parse)


def _model_names(doc: Doc) -> list[tuple[str, str]]:
    return [(label, doc[s:e].text) for label, s, e in model_spans(doc, lambda _c: True)]


def test_a_person_after_an_office_in_a_span_labelled_a_body_or_a_work() -> None:
    body = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
    words = ["Its", "president", ",", "Brandon", "Mayor", "Lise", "Vandermeer", ",", "said"]
    assert _model_names(_labelled(words, body)) == [("PERSON", "Lise Vandermeer")]
    work = ["B-WORK_OF_ART", *["I-WORK_OF_ART"] * 3, "O", "O", "O"]
    words = ["Conservative", "Leader", "Glen", "Petrakis", "wrote", "on", "X"]
    assert _model_names(_labelled(words, work)) == [("PERSON", "Glen Petrakis")]
    assert _model_names(_labelled(["no", "MLA", "should"], ["O", "B-ORG", "O"])) == []


def test_a_hyphenated_surname_after_a_role_labelled_a_place_is_a_person() -> None:
    words = ["budget", "officer", "Mireille", "Dubé", "-", "Caron", "said"]
    doc = _labelled(
        words,
        ["O", "O", "B-FAC", "I-FAC", "I-FAC", "I-FAC", "O"],
        spaces=[True, True, True, False, False, True, False],
        pos=["NOUN", "NOUN", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB"],
    )
    assert _model_names(doc) == [("PERSON", "Mireille Dubé-Caron")]


def test_a_name_in_apposition_to_a_relative_is_a_person_but_one_after_a_firm_noun_is_not() -> None:
    parse = {
        "pos": ["PRON", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB"],
        "deps": ["poss", "nsubj", "punct", "compound", "appos", "punct", "ROOT"],
        "heads": [1, 6, 1, 4, 1, 1, 6],
    }
    words = ["His", "sister", ",", "Nadia", "Ferrante", ",", "said"]
    doc = _labelled(words, ["O", "O", "O", "B-GPE", "I-GPE", "O", "O"], **parse)
    assert _model_names(doc) == [("PERSON", "Nadia Ferrante")]
    words = ["The", "carmaker", ",", "General", "Motors", ",", "said"]
    doc = _labelled(words, ["O", "O", "O", "B-ORG", "I-ORG", "O", "O"], **parse)
    assert _model_names(doc) == [("ORG", "General Motors")]


def test_a_result_after_a_name_is_no_part_of_it() -> None:
    doc = _labelled(
        ["to", "beat", "Joel", "Hartsell", "8", "-", "7", "."],
        ["O", "O", "B-PERSON", *["I-PERSON"] * 4, "O"],
        pos=["PART", "VERB", "PROPN", "PROPN", "NUM", "PUNCT", "NUM", "PUNCT"],
        spaces=[True, True, True, True, False, False, False, False],
        sent_starts=[True] + [False] * 7,
    )
    assert [f.name for f in _person_found(doc, 2, 7)] == ["Joel Hartsell"]


def test_a_hyphenated_given_name_takes_the_surname_after_it_and_a_street_is_nobody() -> None:
    art = annotate(
        "Two people carried a till out of a shop on Fennick Place.\n\n“We swept up the "
        "glass again,” said Seung-woo Baek, who runs the shop.\n\nBaek said the thieves took "
        "a laptop. Liberal health critic Obiageli Nnaji said the province should act."
    )
    people = _people(art)
    assert set(people) == {"Seung-woo Baek", "Obiageli Nnaji"}
    assert people["Seung-woo Baek"].aliases == ["Seung-woo Baek", "Baek"]


def test_a_role_before_a_name_starts_after_according_to() -> None:
    art = annotate(
        "Fund too small\n\nAccording to parliamentary budget officer Mireille Dubé-Caron, the "
        "fund is too small. M&S said it agreed."
    )
    assert _people(art)["Mireille Dubé-Caron"].roles == ["parliamentary budget officer"]
    assert set(_orgs(art)) == {"M&S"}


def test_a_speaker_named_after_a_lower_case_role_is_found_without_a_model_label() -> None:
    from app.annotate.entities.spans import recover_speaker_names

    # "Brook" is an English word too, and the model labelled nothing here
    words = ["Acme", "spokesperson", "Lena", "Brook", "said", "it", "was", "over", "."]
    doc = _labelled(
        words,
        ["O"] * 9,
        pos=["PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PRON", "AUX", "ADV", "PUNCT"],
        deps=[
            "compound",
            "compound",
            "compound",
            "nsubj",
            "ROOT",
            "nsubj",
            "ccomp",
            "acomp",
            "punct",
        ],
        heads=[1, 3, 3, 4, 4, 6, 4, 6, 4],
        lemmas=["Acme", "spokesperson", "Lena", "Brook", "say", "it", "be", "over", "."],
    )
    assert recover_speaker_names(doc, set()) == [(2, 4)]
    # a publication's name after its noun stays out: "magazine New Media Week reported"
    words = ["magazine", "New", "Media", "Week", "reported"]
    doc = _labelled(
        words,
        ["O"] * 5,
        pos=["NOUN", "PROPN", "PROPN", "PROPN", "VERB"],
        deps=["compound", "compound", "compound", "nsubj", "ROOT"],
        heads=[3, 3, 3, 4, 4],
        lemmas=["magazine", "New", "Media", "Week", "report"],
    )
    assert recover_speaker_names(doc, set()) == []


def test_a_unit_or_a_division_ends_a_body_name() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "The Serious Collisions Unit said two drivers were hurt. The band Quiet Division "
        "cancelled its tour."
    )
    assert {"Serious Collisions Unit", "Quiet Division"} <= set(_orgs(art))


def test_a_title_labelled_a_body_before_a_name_and_a_surname_labelled_a_place() -> None:
    # "Coun." is an office, and "Singh" [GPE] after an unknown given name ends the name of
    # another of the family the model named in full elsewhere
    words = ["Coun.", "Amrit", "Singh", "voted", "no", ",", "as", "did", "Priya", "Singh", "."]
    ents = ["B-ORG", "O", "B-GPE", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT", "SCONJ", "VERB", "PROPN", "PROPN"]
    doc = _labelled(words, ents, pos=[*pos, "PUNCT"])
    assert _model_names(doc) == [("PERSON", "Amrit Singh"), ("PERSON", "Priya Singh")]


def test_a_role_the_tagger_took_for_an_adjective_still_names_a_person() -> None:
    words = ["found", "receiver", "Cole", "Ambrose", "open"]
    pos = ["VERB", "ADJ", "PROPN", "PROPN", "ADJ"]
    doc = _labelled(words, ["O", "O", "B-ORG", "I-ORG", "O"], pos=pos)
    assert _model_names(doc) == [("PERSON", "Cole Ambrose")]


def test_a_body_name_the_model_ended_on_a_possessive_after_of_takes_its_last_word() -> None:
    words = ["the", "Court", "of", "King", "'s", "Bench", "ruled"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
    tags = ["DT", "NNP", "IN", "NNP", "POS", "NNP", "VBD"]
    pos = ["DET", "PROPN", "ADP", "PROPN", "PART", "PROPN", "VERB"]
    doc = _labelled(words, ents, tags=tags, pos=pos, spaces=[True] * 3 + [False] + [True] * 3)
    assert _model_names(doc) == [("ORG", "Court of King's Bench")]


def _entities(body: str) -> list[tuple[str, str, list[str]]]:
    return [(e.kind, e.name, e.aliases) for e in annotate("Headline\n\n" + body).entities]


def test_a_company_with_and_without_its_legal_suffix_is_one() -> None:
    found = _entities(
        "Workers at Norland Foods Inc. walked out on Friday.\n\n"
        "Norland Foods said in a statement that its offer was fair."
    )
    assert found == [
        ("organisation", "Norland Foods Inc.", ["Norland Foods Inc.", "Norland Foods"])
    ]


def test_a_body_name_whose_first_word_was_read_as_an_adjective_is_whole() -> None:
    found = _entities(
        "The ruling orders Tall Pines Lumber Ltd. to pay the crews.\n\n"
        "Tall Pines Lumber said in a statement it would study the decision."
    )
    assert [name for _kind, name, _aliases in found] == ["Tall Pines Lumber Ltd."]


def test_a_short_form_taken_for_a_person_joins_the_body_it_begins() -> None:
    from app.annotate.entities.grouping import short_forms_read_as_people
    from app.annotate.types import Entity

    body = Entity("organisation", "Granite Ridge Property Management", "o:grpm", [])
    short = Entity("person", "Granite Ridge", "p:ridge", ["Granite Ridge"])
    named = Entity("person", "Paula Ridge", "p:ridge2", ["Paula Ridge"])  # a given name first
    assert short_forms_read_as_people([body, short, named]) == {1: 0}


def test_the_elder_of_a_family_is_the_one_named_as_the_parent() -> None:
    art = annotate(
        "Headline\n\n"
        "Mara Lindgren's father, Olaf Lindgren, drove a logging truck for 30 years.\n\n"
        "“Nobody slowed down back then,” the elder Lindgren said.\n\n"
        "Mara Lindgren said the mill should slow down now."
    )
    said = {q.text: art.entities[q.speaker_entity].name for q in art.quotations}
    assert said["Nobody slowed down back then"] == "Olaf Lindgren"
    assert said["the mill should slow down now"] == "Mara Lindgren"


def test_a_name_set_off_after_a_common_noun_is_a_person_whatever_the_label() -> None:
    # the model labels some given names and surnames set off by commas as a place
    art = annotate(
        "Claims denied\n\n"
        "The league's chief executive, Yvonne Okafor, said the fixture would be replayed."
    )
    assert [(e.kind, e.name) for e in art.entities] == [("person", "Yvonne Okafor")]


def test_a_name_the_model_ended_on_a_capitalised_particle_runs_on() -> None:
    doc = get_nlp()("Kilby assistant coach Wim Ten Brink branded the complaint pathetic.")
    wim = next(t.i for t in doc if t.text == "Wim")
    doc.ents = [Span(doc, wim, wim + 2, "PERSON"), Span(doc, wim + 2, wim + 3, "ORG")]
    assert extend_person(doc, wim, wim + 2) == (wim, wim + 3)
