"""Cleaning: metadata, page furniture and paragraphs (texts written for these tests)."""

from datetime import date

from app.annotate import annotate
from app.annotate.bylines import names_line
from app.annotate.clean import clean, parse_date

SCRAPED = """Harbour council approves new ferry terminal

The city council on Monday approved a new ferry terminal for the east harbour.

Jane Okafor

Jane Okafor

The Coastal Herald

terminal_plan.jpg

An artist's impression of the planned terminal. PHOTO: CITY OF PORTSMOUTH

March 4, 2023

PORTSMOUTH – The city council on Monday approved a new ferry terminal for the east harbour,
ending a decade of debate.

The terminal will open in 2026, the harbour master said.

Share this article

Advertisement

scroll to top
"""


def test_scraped_page_metadata() -> None:
    meta, paras = clean(SCRAPED)
    assert meta.title == "Harbour council approves new ferry terminal"
    assert meta.authors == ["Jane Okafor"]
    assert meta.source == "The Coastal Herald"
    assert meta.published == date(2023, 3, 4)
    assert [i.file for i in meta.images] == ["terminal_plan.jpg"]
    assert meta.images[0].caption.startswith("An artist's impression")
    assert [p.text[:20] for p in paras] == ["PORTSMOUTH – The cit", "The terminal will op"]


def test_paragraph_offsets_index_the_original() -> None:
    _, paras = clean(SCRAPED)
    for n, p in enumerate(paras, start=1):
        assert p.number == n
        assert SCRAPED[p.start : p.end] == p.text


def test_no_metadata_one_paragraph_per_line() -> None:
    text = (
        "The river rose by two metres overnight, officials said.\n"
        "Residents were told to move to higher ground.\n"
        "Schools in the valley will stay closed on Friday.\n"
    )
    meta, paras = clean(text)
    assert meta.title is None
    assert meta.authors == []
    assert meta.source is None
    assert meta.published is None
    assert len(paras) == 3
    assert paras[1].text == "Residents were told to move to higher ground."


def test_byline_with_two_authors_and_published_line() -> None:
    text = (
        "Rail strike called off after late deal\n\n"
        "By Tom Reyes and Ana Lind\n\n"
        "Published: 12 June 2021 10:45 BST\n\n"
        "Updated: 13 June 2021\n\n"
        "A planned rail strike was called off late on Friday.\n\n"
        "READ MORE: Unions warn of further action\n\n"
        "The deal covers pay for the next two years.\n"
    )
    meta, paras = clean(text)
    assert meta.title == "Rail strike called off after late deal"
    assert meta.authors == ["Tom Reyes", "Ana Lind"]
    assert meta.published == date(2021, 6, 12)
    assert [p.text for p in paras] == [
        "A planned rail strike was called off late on Friday.",
        "The deal covers pay for the next two years.",
    ]


def test_duplicated_standfirst_is_dropped() -> None:
    text = (
        "Storm cuts power to thousands\n\n"
        "A winter storm cut power to thousands of homes in the north on Sunday.\n\n"
        "By Mia Grant\n\n"
        "2022-01-16\n\n"
        "OSLO – A winter storm cut power to thousands of homes in the north of the country "
        "on Sunday.\n\n"
        "Crews worked through the night.\n"
    )
    meta, paras = clean(text)
    assert meta.published == date(2022, 1, 16)
    assert len(paras) == 2
    assert paras[0].text.startswith("OSLO – A winter storm")


def test_dates() -> None:
    assert parse_date("July 29, 2024") == date(2024, 7, 29)
    assert parse_date("29 July 2024") == date(2024, 7, 29)
    assert parse_date("2024-07-29T08:00:00Z") == date(2024, 7, 29)
    assert parse_date("Sept 3 2020") == date(2020, 9, 3)
    assert parse_date("no date here") is None


def test_dateline_stays_in_first_paragraph() -> None:
    art = annotate("Headline about a port\n\nTOKYO – The port reopened on Monday.\n")
    assert art.paragraphs[0].text == "TOKYO – The port reopened on Monday."


def test_byline_and_date_on_one_line() -> None:
    text = (
        "Markets slide as rate fears return\n\n"
        "By Jane Doe and John Roe | Published 3:45 PM ET, Mon July 29, 2024\n\n"
        "Share this article\n\n"
        "Stocks fell sharply on Monday as investors worried about rates.\n"
    )
    meta, paras = clean(text)
    assert meta.authors == ["Jane Doe", "John Roe"]
    assert meta.published == date(2024, 7, 29)
    assert [p.text[:12] for p in paras] == ["Stocks fell "]


def test_posted_by_line_and_author_with_job_title() -> None:
    meta, _ = clean(
        "Local council votes on budget\n\nPosted on 5 March 2023 by Tom Smith\n\n"
        "The council approved its budget on Tuesday night.\n"
    )
    assert (meta.title, meta.authors, meta.published) == (
        "Local council votes on budget",
        ["Tom Smith"],
        date(2023, 3, 5),
    )
    meta, paras = clean(
        "Flood warning issued\nRuth Park, Asia Correspondent\n2024-07-29T08:00:00+08:00\n"
        "Heavy rain is expected across the region on Tuesday.\n"
        "Officials urged residents to stay indoors.\n"
    )
    assert meta.authors == ["Ruth Park"]
    assert meta.published == date(2024, 7, 29)
    assert len(paras) == 2


def test_headline_with_quotes_or_question_mark() -> None:
    meta, paras = clean(
        "Rail fares 'to rise again'\n\nCommuters face another rise in fares next year, "
        "the operators said on Monday.\n"
    )
    assert meta.title == "Rail fares 'to rise again'"
    assert len(paras) == 1
    meta, _ = clean(
        "Is the high street finished?\n\nShop closures hit a record last year as more "
        "people bought online, figures showed.\n"
    )
    assert meta.title == "Is the high street finished?"
    meta, _ = clean(
        "What do you think of the new bridge, and should the city pay for it?\n\n"
        "Residents were asked.\n"
    )
    assert meta.title is None


def test_wire_sign_off_names_the_source() -> None:
    meta, paras = clean(
        "Rates held steady\n\nThe central bank kept rates on hold on Thursday.\n\n"
        "Most economists expected it.\n\n— Reuters\n"
    )
    assert meta.source == "Reuters"
    assert [p.text for p in paras][-1] == "Most economists expected it."


def test_page_title_with_the_site_name_and_the_headline_again() -> None:
    meta, paras = clean(
        "Ferry fares to rise in May | The Island Echo\n\nFerry fares to rise in May\n\n"
        "Author: Mia Lund\n\nFares on the island ferry will rise by 5% in May, the operator "
        "said on Friday.\n\nThe operator blamed fuel costs.\n"
    )
    assert (meta.title, meta.authors, meta.source) == (
        "Ferry fares to rise in May",
        ["Mia Lund"],
        "The Island Echo",
    )
    assert len(paras) == 2


def test_label_and_site_name_before_the_headline() -> None:
    meta, _ = clean(
        "ANALYSIS\n\nWhy the ferry fares keep rising\n\nFares rose again this spring, and the "
        "operator says fuel is to blame.\n\nOthers disagree.\n"
    )
    assert meta.title == "Why the ferry fares keep rising"
    meta, _ = clean(
        "The Island Echo\n\nFerry fares to rise again in May\n\nFares rose again this "
        "spring, and the operator says fuel is to blame.\n\nOthers disagree.\n"
    )
    assert (meta.title, meta.source) == ("Ferry fares to rise again in May", "The Island Echo")


def test_more_date_formats() -> None:
    assert parse_date("3-Mar-2005") == date(2005, 3, 3)
    assert parse_date("2005.03.03") == date(2005, 3, 3)
    assert parse_date("Thursday, 3rd of March 2005") == date(2005, 3, 3)


def test_repeats_and_pull_quotes() -> None:
    caption = "Crowds gather on the quay for the regatta on Saturday afternoon in the sun."
    text = (
        "Regatta draws record crowds\n\n"
        "More than 20,000 people watched the regatta on Saturday, the organisers said.\n\n"
        f"{caption}\n\nThe race was won by a crew from the north shore.\n\n{caption}\n\n"
        "Sponsors said they would return next year.\n\n"
        f"{caption}\n\nFinal: North Shore v Harbour\n\nFinal: North Shore v Harbour\n"
    )
    _, paras = clean(text)
    texts = [p.text for p in paras]
    assert caption not in texts  # a gallery caption printed three times: furniture
    assert texts.count("Final: North Shore v Harbour") == 2  # the article's own lines stay


def test_pull_quote_near_the_top_is_not_a_paragraph() -> None:
    quote = "We have never seen crowds like this on the quay before. Mia Lund"
    text = (
        f"Regatta draws record crowds\n\n{quote}\n\n"
        "More than 20,000 people watched the regatta on Saturday, the organisers said.\n\n"
        '"We have never seen crowds like this on the quay before," said Mia Lund, who chairs '
        "the regatta committee.\n"
    )
    _, paras = clean(text)
    assert quote not in [p.text for p in paras]
    assert len(paras) == 2


def test_a_bare_date_inside_the_story_is_not_the_published_date() -> None:
    text = "Cup fixtures announced\n\n" + "\n\n".join(
        [f"Round {n} will be played over the weekend, the league said." for n in range(1, 9)]
        + ["Saturday 3 March 2005", "Rovers v City, Town v United.", "The final is in May."]
        + ["Managers welcomed the dates.", "Tickets go on sale next week.", "Prices are unchanged."]
    )
    meta, paras = clean(text)
    assert meta.published is None
    assert "Saturday 3 March 2005" in [p.text for p in paras]


def test_names_line() -> None:
    assert names_line("Maryse Tellier and Graham Osei") == ["Maryse Tellier", "Graham Osei"]
    assert names_line("JANE ROE, JOHN DOE") == ["Jane Roe", "John Doe"]
    assert names_line("Jane Roe") is None  # one name is name_line's
    assert names_line("Tony Blair and the Treasury") is None
