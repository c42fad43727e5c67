"""Quotation-mark pairing."""

from app.annotate.quotemarks import find_quotes


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, 0, len(text))]


def test_curly_and_straight_doubles() -> None:
    assert _texts('He said “we will win” and "we will" again.') == ["we will win", "we will"]


def test_apostrophes_and_possessives_are_not_quotes() -> None:
    text = "The U.S.' plan and Kihara’s view don't change the students' ‘core’ demand."
    assert _texts(text) == ["core"]


def test_nested_single_inside_double() -> None:
    text = "“They told me ‘wait here’ and left,” she said."
    assert _texts(text) == ["They told me ‘wait here’ and left,"]


def test_uk_single_quotes() -> None:
    assert _texts("'We will fight on,' the leader said.") == ["We will fight on,"]


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    qs = find_quotes("“It was a long night. We waited", 0, 31)
    assert len(qs) == 1 and qs[0].close is None and qs[0].end == 31


def test_odd_count_does_not_crash() -> None:
    text = "“a” “b “c”"
    assert _texts(text)[0] == "a"


def test_many_marks_are_linear() -> None:
    text = '"' * 10_000
    assert isinstance(find_quotes(text, 0, len(text)), list)
