"""Pronouns across paragraph breaks (sentences written for these tests)."""

from spacy.tokens import Token

from app.annotate import annotate
from app.annotate.speakers import (
    Context,
    Speaker,
    _label_head,
    _named_label_speaker,
    resolve_pronoun,
)
from tests.annotate.parsing import parse
from tests.annotate.shown import speakers


def test_pronoun_in_the_next_paragraph_keeps_the_previous_speaker() -> None:
    text = (
        "Mr Felix Grant said the harbour would be dredged in the spring.\n\n"
        "“It has taken far too long,” he said."
    )
    assert speakers(annotate(text)) == ["Felix Grant", "Felix Grant"]


def _he_after_label(text: str, label: str) -> tuple[Context, Token]:
    """The context after a cue "told" whose speaker is the free label ``label``, and the
    "he" before "spoke" in the second paragraph."""
    p = parse(text)
    cue = p.tok("told")
    p.ctx.previous.append((cue.i, Speaker(None, label, "other", label), 1))
    return p.ctx, p.doc[p.tok("spoke").i - 1]


def test_a_name_label_speaker_is_kept_for_he() -> None:
    ctx, he = _he_after_label("Brennan told the panel he would stay.\n\nLater he spoke.", "Brennan")
    found = _named_label_speaker(ctx, he, 2)
    assert found is not None and found.label == "Brennan"


def test_a_common_noun_label_is_not_a_name() -> None:
    text = "Officials told the panel the dam would hold.\n\nLater he spoke."
    ctx, he = _he_after_label(text, "Officials")
    assert _named_label_speaker(ctx, he, 2) is None


def test_a_speaker_in_a_concessive_clause_is_background() -> None:
    text = (
        "Club secretary Alan Pryce said the vote had been close. Although Mayor Dora Keel "
        "has said that the ground must close, the members were not worried.\n\n"
        "“We will fight for it,” he said."
    )
    art = annotate(text)
    assert speakers(art)[-1] == "Alan Pryce"


def test_backgrounded() -> None:
    from app.annotate.speakers import backgrounded

    p = parse("Although Ms Ruth Cole said it was safe, the bridge was closed.")
    assert backgrounded(p.tok("said"))
    assert not backgrounded(p.tok("closed"))


def test_pronoun_for_a_person_the_entity_step_left_out() -> None:
    text = (
        "President Joko Anwar visited the coast on Monday.\n\n"
        "Sari was cooking at home when she heard the water.\n\n"
        "“It came so fast that we could not take anything with us,” she said."
    )
    art = annotate(text)
    q = art.quotations[-1]
    assert q.speaker_entity is None
    assert q.speaker_label == "Sari"


def test_pronoun_for_a_one_word_person_brought_in_as_someone() -> None:
    text = (
        "President Joko Anwar visited the coast on Monday.\n\n"
        "Sari, a resident of the village, was cooking when she heard the water.\n\n"
        "“It came so fast that we could not take anything with us,” she said."
    )
    assert speakers(annotate(text))[-1] == "Sari"


def test_a_description_label_is_not_a_name() -> None:
    ctx, he = _he_after_label("The MEP told the panel he would stay.\n\nLater he spoke.", "The MEP")
    assert _named_label_speaker(ctx, he, 2) is None


def test_a_party_or_country_label_is_not_a_person_for_he() -> None:
    from app.annotate.speakers import _person_like

    p = parse("The Labour Party met in Leeds. Labour said it would win. England lost in Rome.")
    assert not _person_like(p.doc, "Labour")
    assert not _person_like(p.doc, "England")
    assert _person_like(p.doc, "Brennan")


def test_a_name_modifying_a_noun_is_not_a_salient_subject() -> None:
    from app.annotate.speakers import _subject_like

    p = parse("Nick Dorn, the Harlow Academy student seen in the video, said nothing.")
    assert not _subject_like(p.tok("Academy"))
    assert _subject_like(p.tok("Dorn"))


def test_a_person_brought_in_by_full_name_takes_the_next_pronoun() -> None:
    text = (
        "The swimming club has grown quickly.\n\n"
        "The club had forty members in May, according to its coach, Dan Whitcombe.\n\n"
        "The early sessions also helped retired welder Tomas Ferreira-Lind, 67. "
        "“I can swim a mile now,” he says."
    )
    assert speakers(annotate(text)) == ["Dan Whitcombe", "Tomas Ferreira-Lind"]


def test_a_short_name_in_passing_does_not_take_the_pronoun() -> None:
    text = (
        "“We had forty members in May,” coach Dana Whitcombe says.\n\n"
        "The club hired Ferreira-Lind's old trainer. “Now we have ninety,” she says."
    )
    assert speakers(annotate(text))[-1] == "Dana Whitcombe"


def test_mrs_roe_is_not_tom_roe_and_a_first_names_gender_guides_the_pronoun() -> None:
    text = (
        "A headline for the test\n\n"
        "Opposition leader Graham Tolliver launched the campaign on Monday. Mr Tolliver "
        "said the party was ready.\n\n"
        "Mrs Tolliver, a former nurse, joined him on the bus. Speaking on breakfast "
        "television, she said she often teased her husband about his ties."
    )
    art = annotate(text)
    people = [e for e in art.entities if e.kind == "person"]
    assert len(people) == 2  # the leader, and Mrs Tolliver apart from him
    assert speakers(art)[0] == "Graham Tolliver"
    assert "Graham Tolliver" not in speakers(art)[1:]


def test_he_after_an_unnamed_spokesman_is_the_spokesman() -> None:
    text = (
        "A headline for the test\n\n"
        "Councillor Amos Breck called the poster offensive, Mr Breck added.\n\n"
        "A Labour spokesman denied the poster was offensive. “It was a joke about "
        "budgets and nothing else,” he said."
    )
    assert speakers(annotate(text))[-1] == "A Labour spokesman"


def test_he_after_one_unnamed_person_is_that_person() -> None:
    text = (
        "Mr Omar Siddiq manages a fund in Lahore.\n\n"
        "One senior dealer said the rally had political roots. Much of the new money, he "
        "says, has come from the Gulf."
    )
    assert speakers(annotate(text)) == ["One senior dealer", "One senior dealer"]


def test_a_photo_caption_between_paragraphs_is_no_antecedent() -> None:
    text = (
        "Lawyer Maria Gonzales said the rules are too strict for newcomers.\n\n"
        "“We need more support for families who arrive with nothing,” she said.\n\n"
        "Omar Haddad watches as his daughters Leila Haddad, centre, Noor Haddad, left, and "
        "Yasmin Haddad play at their home in Hamilton, Ont.\n\n"
        "Passing the test can be nearly impossible for some refugees, she said."
    )
    art = annotate(text)
    assert speakers(art) == ["Maria Gonzales"] * 3
    # the caption stays a paragraph, and its people are still named in the article
    assert len(art.paragraphs) == 4 and "Yasmin Haddad" in {e.name for e in art.entities}


def test_she_after_an_organisation_spokeswoman_is_that_organisation() -> None:
    text = (
        "Tanks found leaking\n\n"
        "A spokeswoman for the Harbour Safety Board said inspectors found two tanks leaking.\n\n"
        "She said the owners had been using the yard to store waste."
    )
    assert speakers(annotate(text)) == ["Harbour Safety Board"] * 2


def test_he_after_a_described_person_with_a_post_modifier_is_that_person() -> None:
    # the description's head is "user", not the last word "scheme"
    text = (
        "Cyclist sues council\n\n"
        "A user of the city bike scheme is suing the council, saying it is unfair that he "
        "has to pay twice.\n\n"
        "He says the council is breaking consumer law by charging for the app."
    )
    assert speakers(annotate(text)) == ["A user of the city bike scheme"] * 2


def test_he_after_a_chief_executive_described_is_that_person() -> None:
    text = (
        "Bank warns on prices\n\n"
        "“Prices will rise,” the chief executive of a large Dutch bank told reporters.\n\n"
        "The trend was worrying, he said."
    )
    assert speakers(annotate(text)) == ["the chief executive of a large Dutch bank"] * 2


def test_the_head_of_a_description() -> None:
    assert _label_head("a user of the city bike scheme") == "user"
    assert _label_head("the spokeswoman who answered") == "spokeswoman"
    assert _label_head("the chief executive of a bank") == "executive"
    assert _label_head("the Island Executive") == "Executive"  # a name, not a role


def test_a_person_named_only_as_an_object_does_not_take_over_he() -> None:
    # "Rui" is no entity; "Ollie Brand" is named after him, but only as an object
    text = (
        "Derby row\n\n"
        "Rui tried to calm things down, adding: “There was nothing new.” But Rui was highly "
        "critical of some of the challenges, particularly on Ollie Brand. “I think we were "
        "fairer in the tackles,” he said."
    )
    assert speakers(annotate(text)) == ["Rui", "Rui"]


def test_it_after_a_firm_taken_for_a_person_on_no_evidence() -> None:
    # the entity step took "Crunchy Kreme" for a person, with no given name, gender or role
    p = parse(
        "Doughnut firm restates\n\n"
        "Crunchy Kreme said the changes involved its shops. It added it would review its leases."
    )
    firm = next(i for i, e in enumerate(p.ents.entities) if e.name == "Crunchy Kreme")
    p.ents.entities[firm].kind = "person"
    p.ctx.previous.append((p.tok("said").i, Speaker(firm, None, "person", "Crunchy Kreme"), 1))
    assert resolve_pronoun(p.ctx, p.tok("It"), 1).entity == firm
    p.ents.gender[firm] = "m"  # a person the article shows to be one is no "it"
    assert resolve_pronoun(p.ctx, p.tok("It"), 1).entity is None


def test_a_people_talked_about_is_not_the_one_left_out() -> None:
    text = (
        "“It is never easy to go there,” said Thomas Vallon.\n\n"
        "Despite praising the Irish he claimed the Welsh had the upper hand. “Wales are "
        "something else on the break,” he added."
    )
    assert speakers(annotate(text)) == ["Thomas Vallon"] * 3


def test_spokeswoman_of_a_long_name_is_kept_for_she() -> None:
    text = (
        "A Ministry of Roads and Rail spokeswoman confirmed the work would start in May.\n\n"
        "“No date was ever given for the end,” she said."
    )
    assert "Ministry of Roads and Rail" in (speakers(annotate(text))[-1] or "")


def test_a_person_talked_about_does_not_take_over_from_a_spokeswoman() -> None:
    text = (
        "A council spokeswoman confirmed Mr Dorran was still in post.\n\n"
        "“No date was ever given for his departure,” she said."
    )
    assert speakers(annotate(text)) == ["A council spokeswoman"] * 2


def test_it_is_not_a_plural_speaker_just_before() -> None:
    text = (
        "A headline for the test\n\n"
        "The watchdog published its review on Thursday.\n\n"
        "The review said councils should be fined, but accepted many experts said it "
        "would be costly. It said the rules were likely to be seen as a gimmick."
    )
    assert speakers(annotate(text)) == ["The review", "many experts", "The review"]


def test_it_in_the_next_paragraph_is_a_speaker_named_like_a_firm() -> None:
    text = (
        "A headline for the test\n\n"
        "In its quarterly review, Dunmore said the economy had enjoyed a golden decade.\n\n"
        "But it warned that this growth had been achieved at a cost."
    )
    assert speakers(annotate(text)) == ["Dunmore", "Dunmore"]


def test_who_is_quoted_by_a_paper_speaks_not_the_paper() -> None:
    text = (
        "A headline for the test\n\n"
        'Fund manager Ed Pike said he would invest more. "I demand better transparency," '
        "he is quoted as saying by the Daily Courier.\n\n"
        "Jo Roe was quoted by the Evening Post as saying the plan had failed."
    )
    assert speakers(annotate(text)) == ["Ed Pike", "Ed Pike", "Jo Roe"]


def test_a_name_inside_a_quotation_does_not_take_over_from_a_spokeswoman() -> None:
    text = (
        "A headline for the test\n\n"
        "A Harbour Board spokeswoman confirmed Mr Oduya was still in post. "
        "“No date was ever set for Tom Oduya’s departure,” she said."
    )
    assert speakers(annotate(text)) == ["Harbour Board"] * 2  # she speaks for the board


def test_he_is_the_main_clause_subject_not_one_in_a_clause_inside_it() -> None:
    text = (
        "A headline for the test\n\n"
        "On the radio Mr Pellow was asked why Mr Danvers had been allowed to resign. "
        "He replied: “The director decided it was time to move on.”\n\n"
        "Councillor Ruth Amis said the board knew Mr Danvers was leaving. "
        "“We were told nothing,” she said."
    )
    assert speakers(annotate(text)) == ["Pellow", "Ruth Amis", "Ruth Amis"]


def test_a_subject_of_a_second_main_clause_is_a_main_clause_subject() -> None:
    text = (
        "A headline for the test\n\n"
        "Mr Hale said the pitch was too slow, but the club's Tom Brandt rejected his "
        "complaint. “We relaid it in the summer,” he said."
    )
    assert speakers(annotate(text))[-1] == "Tom Brandt"


def test_a_new_subject_upstages_the_last_speaker_named_after_it() -> None:
    text = (
        "A headline for the test\n\n"
        "Marta Kovacs won her first match easily. “I was nervous at the start,” she said. "
        "But Lena Brandt is confident before her meeting with the older Kovacs sister. "
        "“I have played here twice already,” she said."
    )
    assert speakers(annotate(text)) == ["Marta Kovacs", "Lena Brandt"]


def test_the_last_speaker_as_the_subject_still_keeps_she() -> None:
    text = (
        "A headline for the test\n\n"
        "Marta Kovacs won her first match easily. “I was nervous at the start,” she said. "
        "Kovacs now meets Lena Brandt in the semi-final. “She is the favourite,” she said."
    )
    assert speakers(annotate(text)) == ["Marta Kovacs", "Marta Kovacs"]


def test_a_description_is_not_upstaged_like_a_pronoun() -> None:
    text = (
        "A headline for the test\n\n"
        "“It is a fine job for anybody,” Gordon Pask told the BBC. Club director Terry Hale "
        "held initial talks with Pask on Saturday. The former Scotland international added "
        "that joining the club would not be wise."
    )
    assert speakers(annotate(text)) == ["Gordon Pask", "Gordon Pask"]


def test_a_gendered_role_noun_tells_the_gender_of_the_person() -> None:
    text = (
        "A headline for the test\n\n"
        "Kim Rowe opened the new library on Monday. Casey Ellis, a local businessman, thanked "
        "the volunteers. “We could not have done it without them,” she said. "
        "Robin Hale, program director at the Duke Trust, also spoke. “It is a fine building,” "
        "she added."
    )
    assert speakers(annotate(text)) == ["Kim Rowe", "Robin Hale"]  # not the Duke's "man"


def test_he_who_was_asked_answers_next() -> None:
    text = (
        "A headline for the test\n\n"
        "Tom Grady said: “I do not expect Luis Ferro to apologise.”\n\n"
        "The claims were put to Ferro after the game. At first he said only: “I have "
        "always been consistent.” Reporters then asked Ann Cole about the row, and she "
        "replied: “It is over.”"
    )
    assert speakers(annotate(text)) == ["Tom Grady", "Luis Ferro", "Ann Cole"]


def test_it_is_the_organisation_that_is_the_subject_since_the_last_speaker() -> None:
    text = (
        "A headline for the test\n\n"
        "Shop owners opposed the scheme as they said it would push up rents. The Harbour "
        "Chamber of Commerce welcomed the new proposal. “It strikes the right balance,” it "
        "said.\n\n"
        "Delmar Bank has challenged the right of Norvik Oil to seek protection in the US. In "
        "a filing, it said the oil firm had few ties to Texas.\n\n"
        "The Financial Gazette said Norvik Oil was about to restructure. Steps include selling "
        "its refinery, it said."
    )
    assert speakers(annotate(text))[1:] == [
        "Harbour Chamber of Commerce",
        "Delmar Bank",
        "Financial Gazette",
        "Financial Gazette",  # not the firm inside what the paper said
    ]


def test_a_subject_before_the_last_speakers_description_does_not_upstage_them() -> None:
    # The minister spoke last (resolved from "The minister"); the opposition leader was a
    # subject before that cue, not since, so "she" is still the minister.
    text = (
        "A headline for the test\n\n"
        "Transport Minister Helen Vasquez opened the new line on Monday.\n\n"
        "Opposition leader Maria Lund said the line had cost twice its budget.\n\n"
        "The minister said ridership would justify the cost within a decade.\n\n"
        "“People will wonder how the city managed without it,” she said."
    )
    assert speakers(annotate(text))[-2:] == ["Helen Vasquez", "Helen Vasquez"]


def test_a_persons_own_pronoun_tells_a_gender_no_list_knows() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Dr. Anil Shah runs the emergency department.\n\n"
        "Nalani Ocampo, a nurse, said she starts most shifts with six patients in the hall."
        " “We are short every night,” he said."
    )
    assert speakers(art) == ["Nalani Ocampo", "Anil Shah"]


def test_a_person_set_up_as_the_topic_is_the_she_after() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "“When a patient is in a hallway, there is no privacy,” said nurse Rhonda Castell.\n\n"
        "For Rania Haddad, the numbers have a face. Her father, 71, spent four days on a"
        " stretcher last month, she said."
    )
    assert speakers(art) == ["Rhonda Castell", "Rania Haddad"]


def test_singular_they_is_the_person_the_text_gives_no_gender() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Robin Aalto, a graduate student, said trans students are being asked to debate their"
        " own existence.\n\n"
        "“I would love this to be an abstract question,” they said."
    )
    assert speakers(art) == ["Robin Aalto", "Robin Aalto"]


def test_a_floating_quotation_looks_back_not_to_a_later_speaker() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Lawyer Tara Lindqvist said the band will now negotiate for Crown land.\n\n"
        "Agnes Moosehide, 83, still lives within sight of the river. Speaking in Cree, she"
        " remembered her grandfather talking about the surrender.\n\n"
        "“He would point across the river and say, ‘That was ours.’ He said it until the day"
        " he died.”\n\n"
        "Paul Girard, a historian, said the ruling is one of the strongest in years."
    )
    assert speakers(art) == ["Tara Lindqvist", "Agnes Moosehide", "Paul Girard"]


def test_an_unnamed_youth_who_spoke_last_takes_the_next_she() -> None:
    text = (
        "Pool reopens\n\n"
        "Councillor Dana Whitcombe said the pool would stay open all summer.\n\n"
        "One youth at the reopening, a Grade 11 swimmer, told reporters she had waited two "
        "years for it.\n\n"
        "“It felt like a holiday,” she said."
    )
    said = {q.text: q.speaker_label for q in annotate(text).quotations}
    assert said["It felt like a holiday"] == "One youth at the reopening"


def test_a_given_name_the_lists_lack_is_looked_for_alone_once_the_text_uses_it() -> None:
    from app.annotate.entities.mentions import _first_names_used
    from app.annotate.types import Entity

    # "Tesfalem" is in no list of given names; the text used it alone for a person
    used = Entity("person", "Tesfalem Gebru", "p:gebru", ["Tesfalem Gebru", "Tesfalem"])
    unused = Entity("person", "Rahwa Kidane", "p:kidane", ["Rahwa Kidane"])
    assert _first_names_used([used, unused]) == [("Tesfalem", 0)]


def test_it_in_a_relative_report_is_the_subject_of_the_clause_that_holds_it() -> None:
    text = (
        "Budget gap\n\n"
        "The Greens won two seats in the spring.\n\n"
        "Transit fares will rise while the city copes with what it says is "
        "a record shortfall."
    )
    art = annotate(text)
    said = {q.text: (q.speaker_label, q.speaker_text) for q in art.quotations}
    assert said == {"is a record shortfall": ("the city", "it")}


def _said_by(text: str) -> dict[str, str | None]:
    """Each quotation's text -> its speaker's name (or label)."""
    art = annotate(text)
    return dict(zip((q.text for q in art.quotations), speakers(art), strict=True))


def test_he_after_a_sentence_that_brings_in_a_new_person_is_that_person() -> None:
    text = (
        "Garden plots\n\n"
        "Pensioner Walt Okoro says the allotment gave him a reason to get up. “I dig most "
        "mornings,” he says. Okoro, 71, grows leeks and beans. “The beans never fail,” he "
        "adds. The scheme has also worked out for Sudbury welder Ravi Mehta, 39. “I came for "
        "the tomatoes and stayed for the company,” he says."
    )
    names = _said_by(text)
    assert names["I came for the tomatoes and stayed for the company"] == "Ravi Mehta"
    assert names["The beans never fail"] == "Walt Okoro"


def test_she_goes_on_when_the_sentence_before_has_her_as_its_subject() -> None:
    text = (
        "Stage award\n\n"
        "Actor Lena Marsh won the prize for her turn in the revival. She thanked the "
        "playwright she portrayed, Dora Quint, for the role. “I only borrowed her words,” "
        "she said."
    )
    names = _said_by(text)
    assert names == {"I only borrowed her words": "Lena Marsh"}


def test_a_person_named_in_passing_before_he_is_not_brought_in() -> None:
    text = (
        "Cup tie\n\n"
        "Coach Brendan Foyle was pleased with the replay. The tie turned on a Tomas Kerr "
        "penalty in the last minute. “We defended well,” he said."
    )
    names = _said_by(text)
    assert names == {"We defended well": "Brendan Foyle"}
