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
