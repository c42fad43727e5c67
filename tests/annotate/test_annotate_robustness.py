"""annotate never crashes and stays fast on hostile input."""

import pytest

from app.annotate import annotate, annotate_many, get_nlp
from app.annotate.types import AnnotatedArticle


def _valid(text: str, art: AnnotatedArticle) -> None:
    for p in art.paragraphs:
        assert text[p.start : p.end] == p.text
    for m in art.mentions:
        assert text[m.start : m.end] == m.text
        assert 0 <= m.entity < len(art.entities)
    for q in art.quotations:
        assert " ".join(text[s:e] for s, e in q.spans) == q.text
        assert 1 <= q.paragraph <= max(1, len(art.paragraphs))
        if q.speaker_entity is not None:
            assert 0 <= q.speaker_entity < len(art.entities)


CASES = {
    "empty": "",
    "whitespace": " \n\n\t \n",
    "no_letters": "12345 !!! ??? 67.89 --- ///",
    "quote_marks": '"' * 10_000,
    "curly_marks": "“”‘’" * 2_500,
    "control_chars": "Hello\x00\x01\x02 world\x1b[31m said \x7f Bob.\x0c\x0b",
    "rtl_combining": "قال الوزير إن المحادثات مثمرة. e\u0301\u0301\u0301 \u202eevil\u202c text.",
    "html": "<html><body><p>Mayor <b>Ann Lee</b> said &quot;hi&quot;.</p><script>x()</script>",
    "nfc_changes_length": "Cafe\u0301 owner Jose\u0301 Nu\u0301n\u0303ez said “we are open”.",
    "emoji": "🔥🔥 Officials said 🚀 the launch “went well” 🎉.",
    "crlf": "Title line\r\n\r\nFirst paragraph said.\r\n\r\nSecond one.\r\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_inputs(name: str) -> None:
    text = CASES[name]
    art = annotate(text)
    _valid(text, art)


def test_empty_text_gives_empty_results() -> None:
    art = annotate("")
    assert art.paragraphs == [] and art.entities == [] and art.quotations == []
    assert art.metadata.title is None


def test_large_single_paragraph_is_annotated() -> None:
    sentence = "The committee said that the new rules would take effect in March. "
    text = sentence * (100_000 // len(sentence))
    art = annotate(text)
    assert len(art.paragraphs) == 1
    _valid(text, art)


def test_annotate_many_matches_annotate() -> None:
    texts = [
        "Mayor Ann Lee said the bridge would open in May.",
        "",
        "“We are ready,” said coach Pablo Ruiz.",
    ]
    many = list(annotate_many(texts, batch_size=2))
    assert len(many) == 3
    for text, art in zip(texts, many, strict=True):
        single = annotate(text)
        assert [q.text for q in art.quotations] == [q.text for q in single.quotations]
        assert [e.name for e in art.entities] == [e.name for e in single.entities]
        _valid(text, art)


def test_nlp_is_shared() -> None:
    assert get_nlp() is get_nlp()
