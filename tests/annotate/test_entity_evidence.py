"""Evidence in the text that a name is no one: places before a place's noun, market
indices that move by a percentage, characters with their actors, plurals of a name; and
evidence that it is an organisation or the same person spelt twice (sentences written for
these tests)."""

from app.annotate import annotate
from app.annotate.entities.grouping import _misspelt
from app.annotate.given_names import is_given_name
from app.annotate.names import edit_distance
from tests.annotate.shown import shown_kinds


def test_a_name_before_a_place_noun_is_a_place() -> None:
    kinds = shown_kinds(
        "Ash fell on fishing villages after the Gunung Batari volcano erupted on Sunday.\n\n"
        "Residents near Gunung Batari were told to leave, said Nadia Prasetyo, a local "
        "official."
    )
    assert "Gunung Batari" not in kinds
    assert kinds.get("Nadia Prasetyo") == "person"


def test_an_index_that_moves_by_a_percentage_is_no_one() -> None:
    kinds = shown_kinds(
        "Asian shares were mixed on Tuesday. Seoul's Jin Hwa rose 0.6 per cent "
        "to 3,120.45, while Tokyo's benchmark slipped.\n\n"
        "Trader Ellen Marsh said investors were waiting for the central bank."
    )
    assert "Jin Hwa" not in kinds
    assert kinds.get("Ellen Marsh") == "person"


def test_characters_with_their_actors_are_not_people() -> None:
    kinds = shown_kinds(
        "The new comedy follows two cousins. Harriet Vale plays the older one, with Omar "
        "Quist as the reluctant hero, Danny.\n\n"
        "Their rival, Maddie (a scene-stealing Priya Moss), wants the treasure too. Danny and "
        "Maddie never agree."
    )
    assert "Danny" not in kinds and "Maddie" not in kinds
    assert {"Harriet Vale", "Omar Quist", "Priya Moss"} <= kinds.keys()


def test_the_plural_of_a_persons_name_is_no_one() -> None:
    kinds = shown_kinds(
        "Marla Quince, a nurse from Moncton, died in March.\n\n"
        '"Do we want more Marla Quinces?" asked the campaign\'s director, Ivo Brandt.'
    )
    assert kinds.get("Marla Quince") == "person"
    assert "Marla Quinces" not in kinds


def test_a_unit_and_an_employer_are_organisations() -> None:
    kinds = shown_kinds(
        "Brightwall's Talvex research unit published the warning on Friday.\n\n"
        "Jonas Pirk, a researcher at Talvex, said the attacks had grown."
    )
    assert kinds.get("Talvex") == "organisation"
    assert kinds.get("Jonas Pirk") == "person"


def test_a_misspelt_first_name_is_the_same_person() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Health Minister Jody Farrant-Lowe said the bill would pass.\n\n"
        "Minister Jodie Farrant-Lowe spoke to reporters on Monday.\n\n"
        "Farrant-Lowe has said so before, and Jody Farrant-Lowe said it again."
    )
    people = [e for e in art.entities if e.kind == "person"]
    assert [e.name for e in people] == ["Jody Farrant-Lowe"]
    assert "Jodie Farrant-Lowe" in people[0].aliases


def test_names_of_different_genders_are_never_one_misspelling() -> None:
    assert _misspelt(["jodie", "roe"], ["jody", "roe"])
    assert not _misspelt(["joan", "roe"], ["john", "roe"])  # a woman and a man
    assert not _misspelt(["anna", "roe"], ["anna", "rose"])  # another surname
    assert not _misspelt(["al", "roe"], ["ali", "roe"])  # too short to tell
    assert not _misspelt(["jody", "roe"], ["cody", "roe"])  # another first letter
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "abc") == 3


def test_a_number_word_is_no_ones_first_name() -> None:
    assert not is_given_name("Five")
    assert is_given_name("Josh") and is_given_name("Art")  # rare in the list, still names


def test_a_band_named_like_a_person_is_an_organisation() -> None:
    kinds = shown_kinds(
        "Glasgow group Otto Brennan won two prizes at the awards on Tuesday.\n\n"
        "Otto Brennan also played a short set, and singer Mara Quill joined them."
    )
    assert kinds.get("Otto Brennan") == "organisation"
    assert kinds.get("Mara Quill") == "person"


def test_words_that_decide_a_kind_outweigh_ordinary_evidence_in_the_corpus() -> None:
    """An article saying "the band X" votes for an organisation with the weight of three
    articles of ordinary evidence (the model's labels, a speech verb), so a corpus where a
    few articles say what the name is and many only guess does not make one person of it."""
    said = annotate(
        "A headline for the test\n\n"
        "The band Otto Brennan played in Leeds on Friday, and Otto Brennan sold out."
    )
    guessed = annotate("A headline for the test\n\nOtto Brennan said the tour would end in June.")
    band = next(e for e in said.entities if e.name == "Otto Brennan").votes
    guess = next(e for e in guessed.entities if e.name == "Otto Brennan").votes
    assert band.organisation == 30 and band.person < 10
    assert band.organisation > 3 * guess.person
    mister = annotate("A headline for the test\n\nMr Brennan said the tour would end.")
    assert next(e for e in mister.entities if e.name == "Brennan").votes.person == 30


def test_a_peers_title_decides_its_article_but_not_the_corpus() -> None:
    """ "Lord Falworth" is a person here, but a peer's title takes a place's name as often as
    a surname, so the article's votes carry no more weight than ordinary evidence."""
    art = annotate(
        "A headline for the test\n\nLord Falworth, the former minister, said the bridge would open."
    )
    peer = next(e for e in art.entities if e.name == "Falworth")
    assert peer.kind == "person" and peer.votes.person <= 10


def test_a_one_word_name_brought_in_as_someones_is_a_person() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "A rescue official in the province named Bayu told reporters the road was closed.\n\n"
        "Another official said more boats were coming."
    )
    people = [e.name for e in art.entities if e.kind == "person"]
    assert "Bayu" in people
    assert art.entities[art.quotations[0].speaker_entity].name == "Bayu"


def test_a_speaking_surname_the_model_missed_joins_its_full_name() -> None:
    from app.annotate.entities.spans import _full_names_of
    from app.annotate.nlp import get_nlp

    doc = get_nlp()("Part of Ian Thackeray's plan was simple. “We won,” Thackeray said.")
    surname = next(t for t in doc if t.text == "Thackeray" and t.dep_ == "nsubj")
    assert [doc[a:b].text for a, b in _full_names_of(doc, surname)] == ["Ian Thackeray"]


def test_what_is_held_is_a_company_wherever_the_text_says_so() -> None:
    """ "Shares in X" counts for X as an organisation, also where the model gave that use no
    label at all."""
    art = annotate(
        "A headline for the test\n\n"
        "Shares in Velmora Kade fell 9% on Tuesday after a profit warning.\n\n"
        "Velmora Kade said sales of its frozen desserts had slumped."
    )
    ents = [e for e in art.entities if e.name == "Velmora Kade"]
    assert ents and ents[0].votes.organisation >= 2


def test_a_firm_before_its_goods_and_its_spokesman_is_an_organisation() -> None:
    # a number before a name that modifies a noun is no unit ("35 Dunmore goods"); "an X
    # spokesman" is staff, not a thing owned; "the X spokesman said" speaks for a body
    for name in ("Dunmore", "Ralcorp"):
        kinds = shown_kinds(
            f"A basket of 35 {name} goods is now 24% cheaper than in May, a survey found.\n\n"
            f"An {name} spokesman said the cuts had been planned for months. "
            f"“We are clearing stock,” the {name} spokesman said."
        )
        assert kinds.get(name) == "organisation"


def test_a_number_before_a_nationality_still_votes_against_an_organisation() -> None:
    kinds = shown_kinds(
        "Ministers said that three Welsh quangos would be merged next year.\n\n"
        "Culture minister Alun Pryce said the change would save money."
    )
    assert "Welsh" not in kinds


def test_an_organisation_noun_ending_a_name_is_no_descriptor_of_the_next() -> None:
    from app.annotate.entities.kinds import looks_org_person
    from app.annotate.entities.result import Found
    from app.annotate.entities.votes import members_of_collective, org_descriptor_before
    from app.annotate.nlp import get_nlp

    def found(text: str, name: str) -> tuple[object, Found]:
        doc = get_nlp()(text)
        start = next(t.i for t in doc if t.text == name.split()[0])
        return doc, Found("person", start, start + len(name.split()), name)

    for text, name, org in (
        ("The head of the Harbour Support Agency Doug Pellow won an honour.", "Doug Pellow", False),
        ("The defence contractors Lockheed Martin won the order.", "Lockheed Martin", True),
    ):
        doc, f = found(text, name)
        described = org_descriptor_before(doc, f) and not members_of_collective(doc, f)  # type: ignore[arg-type]
        assert described is org
        assert looks_org_person(doc, f) is org  # type: ignore[arg-type]


def test_shows_marathons_and_their_acronyms_are_events_not_organisations() -> None:
    from app.annotate.entities.kinds import correct_kinds
    from app.annotate.entities.result import Found
    from app.annotate.nlp import get_nlp

    doc = get_nlp()(
        "Makers showed phones at the Portable Devices Show (PDS) in Las Vegas, said Gartner. "
        "The PDS was busy. Runners in the Dunmore Marathon raised money for the EU."
    )
    at = {t.text: t.i for t in doc}
    cands = [
        Found("organisation", at["Portable"], at["Show"] + 1, "Portable Devices Show"),
        Found("organisation", at["PDS"], at["PDS"] + 1, "PDS"),
        Found("organisation", at["Gartner"], at["Gartner"] + 1, "Gartner"),
        Found("organisation", at["Dunmore"], at["Marathon"] + 1, "Dunmore Marathon"),
        Found("organisation", at["EU"], at["EU"] + 1, "EU"),
    ]
    assert {f.name for f in correct_kinds(doc, cands) if not f.hidden} == {"Gartner", "EU"}


def test_a_name_after_as_that_opens_a_clause_is_no_character() -> None:
    kinds = shown_kinds(
        "Tomas Berdan reached his first final on Friday night.\n\n"
        "A tired Ivan Kocher faded in the last set as Berdan raced to victory.\n\n"
        '"It is a dream," said Berdan.'
    )
    assert kinds.get("Tomas Berdan") == "person"


def test_a_portfolio_before_an_office_is_no_organisation() -> None:
    kinds = shown_kinds(
        "Alberta Energy Minister Sonya Petrakis was less patient on Monday.\n\n"
        "British Energy said its plants were safe, and the Department of Energy agreed."
    )
    assert "Alberta Energy" not in kinds
    assert kinds.get("Sonya Petrakis") == "person"
    assert kinds.get("British Energy") == "organisation"


def test_a_labels_and_a_studios_names_end_in_their_trade() -> None:
    kinds = shown_kinds(
        "Saltmarsh Records, her label since 2019, said it would stand by her.\n\n"
        "The film was made with Halverton Pictures and Greywell Films, producer Jo Roe said."
    )
    assert kinds.get("Saltmarsh Records") == "organisation"
    assert kinds.get("Greywell Films") == "organisation"
    assert kinds.get("Jo Roe") == "person"


def test_words_joined_by_and_before_someones_job_are_one_body() -> None:
    kinds = shown_kinds(
        '"The creek is drying up," said Lorne Pike, who spent 30 years as an Alberta Fish '
        "and Wildlife officer.\n\nThe deal between Ford and Chrysler workers was signed on "
        "Monday."
    )
    assert kinds.get("Alberta Fish and Wildlife") == "organisation"
    assert "Alberta Fish" not in kinds
    assert kinds.get("Ford") == "organisation" and kinds.get("Chrysler") == "organisation"


def test_a_body_written_with_clipped_words_is_the_body() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "The Federal Reserve left rates alone on Tuesday.\n\n"
        "The Fed said prices were stable, and the EU Commission agreed with the European "
        "Commission's own forecast.\n\n"
        "The Congress voted on Friday. Congress had asked the Congressional Budget Office for "
        "an estimate."
    )
    aliases = {e.name: set(e.aliases) for e in art.entities}
    assert {"Federal Reserve", "Fed"} <= aliases["Federal Reserve"]
    assert {"European Commission", "EU Commission"} <= aliases["European Commission"]
    assert "Congress" not in aliases["Congressional Budget Office"]  # a noun, its adjective
