"""Names that are things, not bodies: a style listed with common nouns, a ground where a
match is played, a league named as its competition, a show with a cast and a film up for
a prize (sentences written for these tests). Each has a counterpart the rule leaves alone."""

from app.annotate.entities.gazetteer import activity_body
from tests.annotate.shown import shown_kinds


def test_a_style_listed_with_common_nouns_is_no_organisation() -> None:
    kinds = shown_kinds(
        "Her third record mixes bluegrass, R&B, gospel and soul, said producer Tomas Erling."
    )
    assert "R&B" not in kinds
    assert kinds.get("Tomas Erling") == "person"
    kinds = shown_kinds(
        "The single went to the top of the country and R&B charts within a week, said Tomas Erling."
    )
    assert "R&B" not in kinds


def test_a_body_listed_with_people_or_described_next_to_another_stays() -> None:
    kinds = shown_kinds("Talks between management and Unison officials broke down, Unison said.")
    assert kinds.get("Unison") == "organisation"
    kinds = shown_kinds(
        "In the photograph, the coach stands with Mira, centre, Talinde, left, and Oksana "
        "beside the boat."
    )
    assert "Talinde" in kinds  # names, each with its place in the picture: not hidden
    kinds = shown_kinds(
        "After months of work, planning and rest, Velmora said its plant would reopen."
    )
    assert kinds.get("Velmora") == "organisation"  # a list that ends before the name


def test_the_ground_a_match_is_played_at_is_no_organisation() -> None:
    kinds = shown_kinds("The sides meet at Haverleigh in Tuesday's cup match.")
    assert "Haverleigh" not in kinds


def test_a_club_named_by_where_someone_works_stays_an_organisation() -> None:
    kinds = shown_kinds("Midfielder Ian Roe said his future at Haverleigh was safe.")
    assert kinds.get("Haverleigh") == "organisation"
    kinds = shown_kinds("Everyone at Haverleigh has waited for this game, said Ian Roe.")
    assert kinds.get("Haverleigh") == "organisation"


def test_a_league_named_as_its_competition_is_no_organisation() -> None:
    kinds = shown_kinds("Porto won the Champions League tie in Lisbon, said coach Ian Roe.")
    assert "Champions League" not in kinds
    assert kinds.get("Ian Roe") == "person"


def test_a_league_that_acts_as_a_body_stays_an_organisation() -> None:
    kinds = shown_kinds(
        "The Atlantic League said it would fine the club. Atlantic League president Mara "
        "Quist agreed."
    )
    assert kinds.get("Atlantic League") == "organisation"
    kinds = shown_kinds("A spokesperson for the Atlantic League said the report would be reviewed.")
    assert kinds.get("Atlantic League") == "organisation"


def test_a_show_with_a_cast_and_a_storyline_is_no_organisation() -> None:
    kinds = shown_kinds(
        "Viewers of Harbourside will see a new family next month. Harbourside's actress "
        "Nina Holt said the storyline of Harbourside would surprise them."
    )
    assert "Harbourside" not in kinds
    assert kinds.get("Nina Holt") == "person"


def test_what_a_prize_is_for_and_what_was_screened_are_works() -> None:
    assert "Ledger Lines" not in shown_kinds(
        "Other nominees included Ledger Lines and two French films."
    )
    assert "Winter Kings" not in shown_kinds(
        "Fans queued outside the screening of Winter Kings in Leeds."
    )


def test_a_name_set_off_after_a_work_is_the_work() -> None:
    kinds = shown_kinds(
        "Lena Marsh plans a fifth album in ten years, Iron Gate Sessions, for the autumn."
    )
    assert "Iron Gate Sessions" not in kinds
    assert kinds.get("Lena Marsh") == "person"
    kinds = shown_kinds(
        "Jo Roe thanked the documentary's funders, Westgate Pictures, and the crew."
    )
    assert kinds.get("Westgate Pictures") == "organisation"


def test_an_actors_character_and_a_bodys_role_leave_them_as_they_are() -> None:
    kinds = shown_kinds(
        "Nina Holt's character returns in May, and Nina Holt said she was delighted.\n\n"
        "The people have a right to know, and the Harwick Trust's role is to tell them."
    )
    assert kinds.get("Nina Holt") == "person"
    assert kinds.get("Harwick Trust") == "organisation"


def test_an_adjective_before_a_place_names_no_body_that_runs_an_activity() -> None:
    assert activity_body(["Rowing", "Devon"])
    assert activity_body(["Curling", "Ontario"])
    assert not activity_body(["Old", "Devon"])
    assert not activity_body(["North", "Devon"])
