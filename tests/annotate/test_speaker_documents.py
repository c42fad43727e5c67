"""A statement, report or study speaks for whoever issued it (sentences written for these tests)."""

from app.annotate import annotate
from app.annotate.documents import clause_source, own_source
from tests.annotate.parsing import parse


def _speakers(art) -> list[str | None]:
    return [
        art.entities[q.speaker_entity].name if q.speaker_entity is not None else q.speaker_label
        for q in art.quotations
    ]


def test_own_source_by_and_possessive() -> None:
    p = parse("A study by the Harbour Trust found gaps. Mira Vance's survey found more.")
    assert own_source(p.tok("study")).text == "Trust"
    assert own_source(p.tok("survey")).text == "Vance"


def test_clause_source() -> None:
    p = parse("The Delmar Water Board released a report on Monday.")
    assert clause_source(p.tok("report")).text == "Board"


def test_document_by_a_named_source_speaks_for_it() -> None:
    art = annotate("A study by the Harbour Trust said the river was cleaner than in 2010.")
    assert _speakers(art) == ["Harbour Trust"]


def test_the_statement_speaks_for_whoever_issued_it() -> None:
    text = (
        "Mayor Ida Kern said in a statement on Friday that the bridge would reopen next week.\n\n"
        "The statement said repairs would cost less than expected."
    )
    art = annotate(text)
    assert _speakers(art) == ["Ida Kern", "Ida Kern"]


def test_the_report_refers_back_to_the_released_report() -> None:
    text = (
        "The Delmar Water Board released a report on Monday.\n\n"
        "The report said leaks had doubled since last year."
    )
    art = annotate(text)
    assert _speakers(art) == ["Delmar Water Board"]


def test_a_document_with_no_known_source_names_no_entity() -> None:
    art = annotate("A report said leaks had doubled since last year.")
    assert art.quotations[0].speaker_entity is None


def test_an_authored_work_speaks_for_its_author() -> None:
    text = (
        "Ruth Okafor, a historian, has written about the railway for years.\n\n"
        "Okafor's book argues that the line was built too quickly."
    )
    art = annotate(text)
    assert _speakers(art) == ["Ruth Okafor"]


def test_a_source_that_names_nobody_leaves_the_document() -> None:
    art = annotate("Reports from the region say the dam burst early on Sunday.")
    q = art.quotations[0]
    assert q.speaker_entity is None
    assert q.speaker_label == "Reports from the region"


def test_the_post_is_the_one_who_wrote_in_it() -> None:
    text = (
        "Karl Vine, a researcher at Delmar Labs, stated in the company's blog post that the "
        "attacks came from the same servers.\n\n"
        "According to the post, the attackers had changed their methods by Friday."
    )
    art = annotate(text)
    assert _speakers(art) == ["Karl Vine", "Karl Vine"]


def test_a_document_that_reads_speaks_for_its_source() -> None:
    art = annotate(
        "Headline\n\n“We take these claims seriously,” reads a statement from the Harbour "
        "Trust. The statement read: “We are working with police.”"
    )
    assert _speakers(art) == ["Harbour Trust", "Harbour Trust"]


def test_a_person_reading_is_no_cue() -> None:
    assert (
        annotate("Headline\n\nMayor Ida Kern read the letter aloud to the council.").quotations
        == []
    )


def test_her_statement_is_hers() -> None:
    text = (
        "Headline\n\nMinister Ida Kern met the farmers on Friday.\n\n"
        "“I have heard their worries and I will act on them,” her statement read."
    )
    assert _speakers(annotate(text)) == ["Ida Kern"]


def test_a_statement_that_read_after_the_quotation_speaks() -> None:
    text = (
        "A headline for the test\n\n"
        "Twelve viewers complained about the show. “The presenter was asked to tone his act "
        "down,” a Harbour Radio statement read."
    )
    assert _speakers(annotate(text))[-1] == "Harbour Radio"


def test_a_document_signed_by_a_person_speaks_for_them() -> None:
    p = parse("The letter, signed by council leader Mira Vance, reads: “We will not pay.”")
    assert own_source(p.tok("letter")).text == "Vance"
    text = (
        "A headline for the test\n\n"
        "A Harbour Radio statement said the show would go on. The letter, signed by council "
        "leader Mira Vance, reads: “We will not accept these cuts.”"
    )
    assert _speakers(annotate(text)) == ["Harbour Radio", "Mira Vance"]


def test_figures_and_research_from_a_named_source_speak_for_it() -> None:
    art = annotate(
        "Jobs report\n\n"
        "Unemployment fell to 4% in March, according to figures from the Delmar Statistics"
        " Office.\n\n"
        "Phone sales rose by a third, according to research from analysts Finwick.\n\n"
        "Finwick is based in Leeds."
    )
    assert _speakers(art) == ["Delmar Statistics Office", "Finwick"]


def test_the_statement_is_the_one_the_last_speaker_spoke_in() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "In a statement to CBC News, the guild's chair, Ines Varro, said members are facing"
        " higher fees for studio space.\n\n"
        "“If fees can't be kept down, fewer artists will stay,” the statement said."
    )
    assert [art.entities[q.speaker_entity].name for q in art.quotations] == ["Ines Varro"] * 2


def test_a_paper_that_quoted_someone_as_saying_is_not_the_speaker() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "The Harbour Courier quoted Mr Tallis as saying the merger was off.\n\n"
        "Ferries are “a lifeline”, the paper quoted Mr Tallis as saying.\n\n"
        "Another paper cited a senior aide as saying that talks had stalled."
    )
    assert _speakers(art) == ["Tallis", "Tallis", "a senior aide"]


def test_figures_obtained_by_a_paper_are_not_the_papers_words() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "“The ward is full every night,” said Maricel Ocampo, a nurse.\n\n"
        "Occupancy has averaged 118 per cent since January, according to internal figures"
        " obtained by the Star."
    )
    assert _speakers(art) == ["Maricel Ocampo", "internal figures"]


def test_the_statement_is_the_one_issued_after_the_cue() -> None:
    from app.annotate.speakers import Speaker, _speaker_of_the_same_document

    p = parse(
        "Headline\n\n"
        "Gray Fir Milling said in a statement it was weighing its options.\n\n"
        "“Our crews come first,” the statement said."
    )
    said = next(t for t in p.doc if t.text == "said")
    p.ctx.previous.append((said.i, Speaker(None, "Gray Fir Milling", "organisation", "X"), 1))
    subject = [t for t in p.doc if t.text == "statement"][-1]
    found = _speaker_of_the_same_document(p.ctx, subject, 2, "the statement")
    assert found is not None and found.label == "Gray Fir Milling"
