"""The line classifiers that cleaning uses: page furniture, bylines, dates and datelines
(lines written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from app.annotate.bylines import by_line, credit_line, name_line, trailer_authors
from app.annotate.clean import clean
from app.annotate.datelines import (
    blank_dateline,
    dateline_end,
    dateline_source,
    is_dateline_alone,
)
from app.annotate.dates import date_line, parse_date, split_byline_date
from app.annotate.furniture import (
    copyright_holder,
    has_credit,
    is_credit_line,
    is_junk,
    is_photo_caption,
    is_rule,
    is_trailer,
)

# --- furniture ---------------------------------------------------------------------------

JUNK = [
    "Advertisement",
    "ADVERTISEMENT",
    "Share this article",
    "Share or comment on this article",
    "Read more: Council approves new library",
    "Sign up for our newsletter",
    "Get the best stories delivered to your inbox every morning",
    "Image copyright Getty Images",
    "Image caption The new bridge at dusk",
    "Photo: Anders Holm",
    "We use cookies to improve your experience on our site.",
    "This site uses cookies. Find out more.",
    "Accept all cookies",
    "Home > News > Environment",
    "News | Sport | Weather | Business",
    "Home News Sport Weather",
    "Scroll to top",
    "Facebook Twitter Email",
    "Share 12 Tweet 3",
    "1.2K shares",
    "Comments (34)",
    "Story continues below advertisement",
    "Article continues after advertisement",
    "4 min read",
    "Updated 3 hours ago",
    "Follow Ama Boateng on Twitter: @amaboateng",
    "Contact Jane Roe at jroe@example.com or 555-0142.",
    "Media playback is unsupported on your device",
    "© 2021 The Northern Gazette. All rights reserved.",
    "Advertisement - Scroll to continue",
    "Please enable JavaScript to view the comments.",
    "Your browser does not support the video tag.",
    "Have your say",
    "Copy this link",
    "These are external links and will open in a new window",
    "WATCH BELOW: Crews spent the night clearing the pass after a slide buried two trucks. As "
    "Jo Roe reports, drivers who waited for hours say the detour signs came far too late, and "
    "the ministry says a review will look at how the warning system failed. (Tue, Mar 3)",
    "Watch: The mayor answers questions from residents",
]
BODY = [
    "The council approved the plan on Monday.",
    "By the end of the year, the council said, the library would reopen.",
    "Residents can comment by emailing the planning office before March 5.",
    "Share prices fell sharply in early trading.",
    "Cookies and cakes were sold at the fair to raise money for the school.",
    "Soon you could go hunting via the net.",
    "78,000",
    "Winners meet in final match",
    "Watchdog groups said the fee was too high.",
]


@pytest.mark.parametrize("line", JUNK)
def test_junk(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize("line", BODY)
def test_not_junk(line: str) -> None:
    assert not is_junk(line) and not is_credit_line(line) and not has_credit(line)


def test_link_lists_under_a_heading() -> None:
    _, paras = clean(
        "Ferry fares to rise in May\n\nFares on the island ferry will rise by 5% in May, the "
        "operator said.\n\nTop stories\n\nHarbour wall repaired\n\nNew bakery opens on the "
        "quay\n\nThe operator blamed fuel costs for the rise.\n"
    )
    assert [p.text[:12] for p in paras] == ["Fares on the", "The operator"]


def test_credits_and_captions() -> None:
    assert is_credit_line("REUTERS/Jane Roe")
    assert is_credit_line("Jane Roe/The Canadian Press")
    assert has_credit("Volunteers count birds at the marsh. PHOTO: ANDERS HOLM")
    assert has_credit("Patients at the ceremony. (Photo: Lena Park/The Daily Ledger)")
    assert has_credit("The minister arrives. Photograph: Kate Linden/PA")


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Ann Lee, left, and her sister Bo Lee, centre, sit at their home in Leeds.", True),
        ("The new coach Tom Reyes (second right) at the club's training ground.", True),
        ("Ruth Ames, far left, listens as the council votes.", True),
        ("Left, right and centre, the opposition attacked the budget.", False),
        ("He moved to Paris, right after the war ended.", False),
        ("Mr Cole (pictured) said he would stand down.", False),
        ('Ann Lee, left, said: "We were never asked."', False),
    ],
)
def test_photo_captions_by_position(line: str, caption: bool) -> None:
    assert is_photo_caption(line) is caption


def test_rules_trailers_and_copyright() -> None:
    assert is_rule("___") and is_rule("* * *") and is_rule(".") and not is_rule("A.")
    assert is_trailer("(Reporting by Jane Roe; Editing by John Doe)")
    assert is_trailer("Reporting by Ann Lee and Bo Li in Oslo; Writing by Ian Shaw")
    assert not is_trailer("Research by the university shows that more people work from home.")
    assert copyright_holder("Copyright (c) 2005 Western Daily Press") == "Western Daily Press"


# --- bylines -----------------------------------------------------------------------------

BYLINES = {
    "By Jane Roe": (["Jane Roe"], None),
    "By Jane Roe and John Doe": (["Jane Roe", "John Doe"], None),
    "By Jane Roe, Associated Press": (["Jane Roe"], "Associated Press"),
    "By JANE ROE / Staff Reporter": (["Jane Roe"], None),
    "By JANE ROE and JOHN DOE Associated Press": (["Jane Roe", "John Doe"], "Associated Press"),
    "By JOHN DOE AP Business Writer": (["John Doe"], None),
    "By Jane Roe in Paris": (["Jane Roe"], None),
    "By Jane Roe for The Daily Courier": (["Jane Roe"], "The Daily Courier"),
    "By JANE ROE FOR MAILONLINE": (["Jane Roe"], "MAILONLINE"),
    "By Jane Roe, Business Editor, The Guardian": (["Jane Roe"], "The Guardian"),
    "By Jane Roe @janeroe": (["Jane Roe"], None),
    "By Jane Roe jroe@example.com": (["Jane Roe"], None),
}


@pytest.mark.parametrize("line", sorted(BYLINES))
def test_by_lines(line: str) -> None:
    b = by_line(line)
    assert b is not None
    assert (list(b.authors), b.source) == BYLINES[line]


def test_a_name_after_by_even_with_a_job_word_in_it() -> None:
    b = by_line("By Jane Writer")
    assert b is not None and b.authors == ("Jane Writer",)
    assert by_line("By Staff Reporter") is None


def test_sentences_starting_with_by_are_not_bylines() -> None:
    assert by_line("By the end of the year, the council said") is None
    assert by_line("By March, Smith and Jones had left") is None


def test_bylines_without_by() -> None:
    cases = {
        "Jane Roe | Reuters": (["Jane Roe"], "Reuters"),
        "Jane Roe, Staff Writer": (["Jane Roe"], None),
        "Jane Roe Transport correspondent": (["Jane Roe"], None),
        "Walter Lim, Asia Correspondent": (["Walter Lim"], None),
        "Adam Lowe, The Canadian Press": (["Adam Lowe"], "The Canadian Press"),
        "Rachel Moss, Power Play producer": (["Rachel Moss"], None),
    }
    for line, want in cases.items():
        b = credit_line(line)
        assert b is not None, line
        assert (list(b.authors), b.source) == want, line
    # names only, a headline, a fixture
    for line in ("Jane Roe", "Michael Owen, Steven Gerrard", "Seychelles v South Africa"):
        assert credit_line(line) is None, line


def test_name_lines() -> None:
    assert name_line("Jack Moran at Riverside Stadium") == "Jack Moran"
    assert name_line("Ewood Park") is None
    assert name_line("Staff Writer") is None
    assert name_line("WORLD OF WARCRAFT") is None


def test_trailer_names_reporters_and_writers_not_editors() -> None:
    trailer = (
        "(Reporting by Jane Roe in London and Bob Smith in Paris; Additional reporting by "
        "Ann Lee; Writing by Tom Hale; Editing by John Doe)"
    )
    assert trailer_authors(trailer) == ["Jane Roe", "Bob Smith", "Tom Hale"]


# --- dates -------------------------------------------------------------------------------

DATE_LINES = {
    "Published: 3 March 2005": (date(2005, 3, 3), "published"),
    "March 3, 2005 10:14 AM EST": (date(2005, 3, 3), "published"),
    "Updated 2019-01-04": (date(2019, 1, 4), "updated"),
    "Mon 4 Feb 2019 06.00 GMT": (date(2019, 2, 4), "published"),
    "Last modified on Mon 4 Feb 2019 08.12 GMT": (date(2019, 2, 4), "updated"),
    "2019-01-04T09:30:00Z": (date(2019, 1, 4), "published"),
    "Updated 2019-01-04T09:30:00Z | 3 min read": (date(2019, 1, 4), "updated"),
    "Published: 10:14 EST, 3 March 2005 | Updated: 11:20 EST, 4 March 2005": (
        date(2005, 3, 3),
        "published",
    ),
    "Updated: 11:20, 4 March 2005 | Published: 3 March 2005": (date(2005, 3, 3), "published"),
    "Mar 3, 2005 Updated Mar 4, 2005": (date(2005, 3, 3), "published"),
    "Thursday 3 March 2005 10.14 GMT": (date(2005, 3, 3), "published"),
    "03/04/2005 10:14 EST": (date(2005, 3, 4), "published"),
    "03/04/2005 10:14 GMT": (date(2005, 4, 3), "published"),
    "25/12/2004": (date(2004, 12, 25), "published"),
}


@pytest.mark.parametrize("line", sorted(DATE_LINES))
def test_date_lines(line: str) -> None:
    assert date_line(line) == DATE_LINES[line]


def test_no_date_is_guessed() -> None:
    assert date_line("03/04/2005") is None  # day and month cannot be told apart
    assert date_line("Tuesday, 1 March") is None  # no year
    assert date_line("Last week the council met on March 3, 2005 to vote.") is None
    assert parse_date("the council met last week") is None
    assert date_line("Updated 3 hours ago") is None


def test_byline_and_date_on_one_line() -> None:
    assert split_byline_date("By Ann Lee | March 3, 2005 | 10:14 AM EST") == (
        "By Ann Lee",
        "March 3, 2005 10:14 AM EST",
    )
    assert split_byline_date("Posted on 5 March 2023 by Tom Hale") == (
        "By Tom Hale",
        "Posted on 5 March 2023",
    )
    assert split_byline_date("By Ann Lee") is None


# --- datelines ---------------------------------------------------------------------------

DATELINES = {
    "LONDON (Reuters) - Oil rose.": ("LONDON (Reuters) - ", "Reuters"),
    "WASHINGTON (AP) — The vote": ("WASHINGTON (AP) — ", "Associated Press"),
    "NEW YORK, March 3 (Reuters) - Shares": ("NEW YORK, March 3 (Reuters) - ", "Reuters"),
    "PARIS, France (CNN) -- A strike": ("PARIS, France (CNN) -- ", "CNN"),
    "Paris (AFP) - Talks": ("Paris (AFP) - ", "AFP"),
    "(Reuters) - Talks": ("(Reuters) - ", "Reuters"),
    "TOKYO – The port": ("TOKYO – ", None),
    "ST. JOHN'S, N.L. — The ferry": ("ST. JOHN'S, N.L. — ", None),
}


@pytest.mark.parametrize("par", sorted(DATELINES))
def test_datelines(par: str) -> None:
    prefix, source = DATELINES[par]
    assert par[: dateline_end(par)] == prefix
    assert dateline_source(par) == source
    blanked = blank_dateline(par)
    assert len(blanked) == len(par) and blanked == " " * len(prefix) + par[len(prefix) :]


def test_not_datelines() -> None:
    for par in (
        "Jane Roe - the mayor",
        "WASHINGTON (AP Photo) - x",
        "UPDATE 2-Oil prices rise",
        "The mayor - who spoke - said",
    ):
        assert dateline_end(par) == 0, par


def test_datelines_alone() -> None:
    assert is_dateline_alone("LONDON (Reuters) -")
    assert is_dateline_alone("WASHINGTON (AP)")
    assert is_dateline_alone("NEW YORK, March 3 (Reuters) -")
    assert not is_dateline_alone("WINNERS (six times)")
    assert not is_dateline_alone("TOO FAST TOO FURIOUS (DIGITAL BRIDGES)")


def test_sign_in_is_one_navigation_item_and_in_alone_is_none() -> None:
    from app.annotate.furniture import is_junk

    assert is_junk("Menu  Search  Sign in")
    assert is_junk("My account | Sign out")
    assert not is_junk("Money in sport")  # a headline of navigation-like words


def test_a_line_of_a_stray_mark_is_no_paragraph() -> None:
    _meta, paragraphs = clean("Ferry fares rise\n\nFares rise in May.\n\n.\n\nThe board met.\n\n—")
    assert [p.text for p in paragraphs] == ["Fares rise in May.", "The board met."]


def test_a_with_files_from_line_is_no_paragraph_even_after_a_dash() -> None:
    _meta, paragraphs = clean(
        "Ferry fares rise\n\nFares rise in May, the board said.\n\n"
        "– With files from Ana Ruiz, Tom Ek and Bo Lind\n\n— With files from The Wire Service"
    )
    assert [p.text for p in paragraphs] == ["Fares rise in May, the board said."]


def test_a_radio_pages_credits_are_furniture() -> None:
    text = (
        "Orchard keeper loses her bees\n\n"
        "Ilse Marchetti has kept bees near Nelson for 30 years.\n\n"
        "“I will buy new queens and start again,” she said.\n\n"
        "Written by Émile Roy. Interview produced by Sam Ortiz. Q&A edited for length and"
        " clarity.\n\n"
        "Produced by the ministry, the report says prices rose."
    )
    _meta, paragraphs = clean(text)
    assert [p.text[:20] for p in paragraphs] == [
        "Ilse Marchetti has k",
        "“I will buy new quee",
        "Produced by the mini",
    ]
