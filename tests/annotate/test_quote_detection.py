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
