"""Cleaning on styles of news the seeds do not show: wire copy, UK news, sports, business,
local news, scraped pages, hard-wrapped text.  Every article here is invented for this test.

Each case gives the text, its metadata and its body paragraphs as the annotation guideline
wants them (../shared/eval/README.md, "Annotation guidelines"): only what the text states;
the dateline stays in the first paragraph; title, byline, date line, captions, credits,
trailers and page furniture are not paragraphs.  Paragraphs are compared with their white
space collapsed (a re-joined hard-wrapped paragraph keeps its line breaks in the original).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from app.annotate.clean import clean


@dataclass(frozen=True)
class Case:
    text: str
    title: str | None
    authors: list[str]
    source: str | None
    published: date | None
    paragraphs: list[str] = field(default_factory=list)


def _flat(s: str) -> str:
    return " ".join(s.split())


REUTERS = Case(
    text="""Copper hits two-month high as warehouse stocks shrink

By Priya Natarajan

LONDON, March 3 (Reuters) - Copper prices climbed to a two-month high on Tuesday as stocks \
in exchange warehouses fell for a sixth straight week.

Benchmark copper rose 1.4% to $9,120 a tonne by midday.

"The market is reading the stock draws as a sign of real demand," said Tomas Berg, an \
analyst at a trading house in Geneva.

(Reporting by Priya Natarajan; Additional reporting by Lee Min-jun in Seoul; Editing by \
Rafael Ortiz)
""",
    title="Copper hits two-month high as warehouse stocks shrink",
    authors=["Priya Natarajan"],
    source="Reuters",
    published=None,  # "March 3" has no year: no date is guessed
    paragraphs=[
        "LONDON, March 3 (Reuters) - Copper prices climbed to a two-month high on Tuesday as "
        "stocks in exchange warehouses fell for a sixth straight week.",
        "Benchmark copper rose 1.4% to $9,120 a tonne by midday.",
        '"The market is reading the stock draws as a sign of real demand," said Tomas Berg, an '
        "analyst at a trading house in Geneva.",
    ],
)

AP = Case(
    text="""Storm knocks out power to thousands across three states

By MARGARET OKONKWO and DALE PRUITT Associated Press

ATLANTA (AP) — A line of severe storms knocked out power to more than 200,000 homes and \
businesses on Sunday, utilities said.

Crews from neighboring states were on their way, and officials said some customers could be \
without electricity until Wednesday.

"We are asking people to stay away from downed lines," said Carla Benton, a spokeswoman for \
the state emergency agency.

___

Associated Press writer Sam Whitfield in Nashville, Tennessee, contributed to this report.

Copyright 2019 The Associated Press. All rights reserved. This material may not be \
published, broadcast, rewritten or redistributed.
""",
    title="Storm knocks out power to thousands across three states",
    authors=["Margaret Okonkwo", "Dale Pruitt"],
    source="Associated Press",
    published=None,
    paragraphs=[
        "ATLANTA (AP) — A line of severe storms knocked out power to more than 200,000 homes "
        "and businesses on Sunday, utilities said.",
        "Crews from neighboring states were on their way, and officials said some customers "
        "could be without electricity until Wednesday.",
        '"We are asking people to stay away from downed lines," said Carla Benton, a '
        "spokeswoman for the state emergency agency.",
        # a sentence of the story as printed, not a byline
        "Associated Press writer Sam Whitfield in Nashville, Tennessee, contributed to this "
        "report.",
    ],
)

# One paragraph per line; the dateline on a line of its own belongs to the lead.
DATELINE_ALONE = Case(
    text="""Rail union announces weekend strike over rosters
PARIS, France (CNN) --
Train drivers will walk out on Saturday after talks over new rosters broke down, their \
union said.
The operator said it would run about half of its usual services.
Commuters were told to check timetables before travelling.
""",
    title="Rail union announces weekend strike over rosters",
    authors=[],
    source="CNN",
    published=None,
    paragraphs=[
        "PARIS, France (CNN) -- Train drivers will walk out on Saturday after talks over new "
        "rosters broke down, their union said.",
        "The operator said it would run about half of its usual services.",
        "Commuters were told to check timetables before travelling.",
    ],
)

GUARDIAN_STYLE = Case(
    text="""Ministers face backlash over rural bus cuts

Councils say a funding shortfall will leave dozens of villages without any service

Helen Marsh Transport correspondent

Mon 4 Feb 2019 06.00 GMT

Last modified on Mon 4 Feb 2019 08.12 GMT

Share on Facebook

Share on Twitter

Hundreds of rural bus routes could disappear this year, council leaders have warned, as \
ministers prepare to cut a subsidy that keeps them running.

The Rural Councils Network said 40% of its members expected to withdraw support for at \
least one route.

"Villages will simply be cut off," said the network's chair, Owen Pryce.

Photograph: Kate Linden/PA

Topics
""",
    title="Ministers face backlash over rural bus cuts",
    authors=["Helen Marsh"],
    source=None,  # the page does not name its publication
    published=date(2019, 2, 4),
    paragraphs=[
        # a standfirst that does not repeat the lead is kept, as the guideline says
        "Councils say a funding shortfall will leave dozens of villages without any service",
        "Hundreds of rural bus routes could disappear this year, council leaders have warned, "
        "as ministers prepare to cut a subsidy that keeps them running.",
        "The Rural Councils Network said 40% of its members expected to withdraw support for "
        "at least one route.",
        '"Villages will simply be cut off," said the network\'s chair, Owen Pryce.',
    ],
)

BBC_ONLINE_STYLE = Case(
    text="""Share this with
Email
Facebook
Copy this link
These are external links and will open in a new window

Village school saved after parents' campaign

By Tom Achebe
Education reporter, BBC News

4 February 2019

Image copyright Getty Images
Image caption The school has 42 pupils

A village primary school threatened with closure will stay open after a campaign by \
parents, the county council has said.

Councillors voted unanimously to keep the school open for at least five more years.

Media playback is unsupported on your device

Related Topics
Cumbria
Education
""",
    title="Village school saved after parents' campaign",
    authors=["Tom Achebe"],
    source="BBC News",
    published=date(2019, 2, 4),
    paragraphs=[
        "A village primary school threatened with closure will stay open after a campaign by "
        "parents, the county council has said.",
        "Councillors voted unanimously to keep the school open for at least five more years.",
    ],
)

SPORTS = Case(
    text="""Rovers snatch late winner to deepen City's slump

By Owen Gallagher, Sports Reporter
Last updated: Saturday, 2 March 2019

A stoppage-time header from Marek Novak gave Rovers a 2-1 win over City, who have now lost \
five league games in a row.

City had levelled through a penalty ten minutes from time.

"We never stop running, and that is what won it," Rovers manager Alan Reid said.

Advertisement

Novak's goal was his ninth of the season.
""",
    title="Rovers snatch late winner to deepen City's slump",
    authors=["Owen Gallagher"],
    source=None,
    published=date(2019, 3, 2),
    paragraphs=[
        "A stoppage-time header from Marek Novak gave Rovers a 2-1 win over City, who have now "
        "lost five league games in a row.",
        "City had levelled through a penalty ten minutes from time.",
        '"We never stop running, and that is what won it," Rovers manager Alan Reid said.',
        "Novak's goal was his ninth of the season.",
    ],
)

# Fixed-width lines, blank lines between paragraphs, and a header block.
BUSINESS_WRAPPED = Case(
    text="""Acme Foods profit falls as grain and fuel costs rise
By Laura Chen
Published: 3 March 2005

NEW YORK (Reuters) - Acme Foods Inc said on Thursday its quarterly
profit fell 12 percent as higher costs for grain and fuel ate into
margins, and it cut its forecast for the rest of the year.

The maker of breakfast cereals and snacks said net income fell to
$212 million, or 41 cents a share, from $241 million, or 46 cents a
share, a year earlier. Sales rose 3 percent to $1.9 billion.

"We expect cost pressures to ease in the second half," Chief
Executive Mark Delaney said in a statement, adding that the company
would raise some prices in April.

Shares of Acme fell 4 percent in early trading on the New York Stock
Exchange.
""",
    title="Acme Foods profit falls as grain and fuel costs rise",
    authors=["Laura Chen"],
    source="Reuters",
    published=date(2005, 3, 3),
    paragraphs=[
        "NEW YORK (Reuters) - Acme Foods Inc said on Thursday its quarterly profit fell 12 "
        "percent as higher costs for grain and fuel ate into margins, and it cut its forecast "
        "for the rest of the year.",
        "The maker of breakfast cereals and snacks said net income fell to $212 million, or 41 "
        "cents a share, from $241 million, or 46 cents a share, a year earlier. Sales rose 3 "
        "percent to $1.9 billion.",
        '"We expect cost pressures to ease in the second half," Chief Executive Mark Delaney '
        "said in a statement, adding that the company would raise some prices in April.",
        "Shares of Acme fell 4 percent in early trading on the New York Stock Exchange.",
    ],
)

# Fixed-width lines without blank lines: paragraphs end on a line with room to spare, or
# where the next line is indented.
WRAPPED_NO_BLANKS = Case(
    text="""Harbour dredging to begin in the spring
    The port authority said on Monday that dredging of the main channel
would begin in April and take about six months, allowing larger container
ships to reach the inner docks for the first time.
    The project will cost about 40 million dollars, most of it paid by a
federal grant, the authority said in a statement released after its
board met on Monday afternoon.
    Fishing crews have asked for a schedule so that their boats can avoid
the dredgers during the busiest weeks of the season.
""",
    title="Harbour dredging to begin in the spring",
    authors=[],
    source=None,
    published=None,
    paragraphs=[
        "The port authority said on Monday that dredging of the main channel would begin in "
        "April and take about six months, allowing larger container ships to reach the inner "
        "docks for the first time.",
        "The project will cost about 40 million dollars, most of it paid by a federal grant, "
        "the authority said in a statement released after its board met on Monday afternoon.",
        "Fishing crews have asked for a schedule so that their boats can avoid the dredgers "
        "during the busiest weeks of the season.",
    ],
)

LOCAL = Case(
    text="""Council backs plan for new skate park

Jane Roe | The Millbrook Courier

Mar 3, 2005 Updated Mar 4, 2005

The town council voted 5-2 on Tuesday night to build a skate park next to the library.

Construction could begin in the summer, the parks director said.

Contact Jane Roe at jroe@millbrookcourier.com or 555-0142.
""",
    title="Council backs plan for new skate park",
    authors=["Jane Roe"],
    source="The Millbrook Courier",
    published=date(2005, 3, 3),
    paragraphs=[
        "The town council voted 5-2 on Tuesday night to build a skate park next to the library.",
        "Construction could begin in the summer, the parks director said.",
    ],
)

SCRAPED = Case(
    text="""Skip to main content
Home > News > Environment
Menu
Search

Wetland restoration brings back rare birds

By Sofia Lindqvist

Published 12 May 2021

Share this article
Facebook Twitter Email
1.2K shares

wetland_birds.jpg
Volunteers count birds at the restored marsh. Photo: Anders Holm

A restored wetland on the edge of the city is attracting bird species not seen there for \
decades, conservationists say.

Advertisement

The marsh was drained for farming in the 1960s and flooded again three years ago.

"We counted 14 pairs of avocets this spring," said Maja Ek, who leads the count.

Read more: City plants 10,000 trees

Sign up for our newsletter

We use cookies to improve your experience. By continuing you agree to our cookie policy.
Accept all cookies

Related stories
Heron colony returns to city park
New cycle path opens along the river

© 2021 The Northern Gazette. All rights reserved.
Scroll to top
""",
    title="Wetland restoration brings back rare birds",
    authors=["Sofia Lindqvist"],
    source="The Northern Gazette",
    published=date(2021, 5, 12),
    paragraphs=[
        "A restored wetland on the edge of the city is attracting bird species not seen there "
        "for decades, conservationists say.",
        "The marsh was drained for farming in the 1960s and flooded again three years ago.",
        '"We counted 14 pairs of avocets this spring," said Maja Ek, who leads the count.',
    ],
)

BYLINE_DATE_ONE_LINE = Case(
    text="""Tech firm to hire 500 engineers in new hub

By Daniel Okafor | March 3, 2005 | 10:14 AM EST

WASHINGTON (AP) — A software company will open an engineering hub in the city next year, \
creating 500 jobs, the mayor's office said on Thursday.

The company did not say how much it would invest.
""",
    title="Tech firm to hire 500 engineers in new hub",
    authors=["Daniel Okafor"],
    source="Associated Press",
    published=date(2005, 3, 3),
    paragraphs=[
        "WASHINGTON (AP) — A software company will open an engineering hub in the city next "
        "year, creating 500 jobs, the mayor's office said on Thursday.",
        "The company did not say how much it would invest.",
    ],
)

# No byline at the top: the trailer's reporters and writers are the authors, not its editors.
TRAILER_ONLY = Case(
    text="""Central bank holds rates, signals cut later this year

FRANKFURT (Reuters) - The central bank kept interest rates unchanged on Thursday but said \
it could cut them later in the year if inflation keeps falling.

Most economists had expected the decision.

Reporting by Anna Vogel and Marc Dubois; Writing by Ian Shaw; Editing by Toby Crane
""",
    title="Central bank holds rates, signals cut later this year",
    authors=["Anna Vogel", "Marc Dubois", "Ian Shaw"],
    source="Reuters",
    published=None,
    paragraphs=[
        "FRANKFURT (Reuters) - The central bank kept interest rates unchanged on Thursday but "
        "said it could cut them later in the year if inflation keeps falling.",
        "Most economists had expected the decision.",
    ],
)

# A byline with a job on the next line, an ISO date with junk, captions with credits.
STAFF_REPORTER = Case(
    text="""Hospital opens new cancer wing

By JANE ROE / Staff Reporter

Updated 2019-01-04T09:30:00Z | 3 min read

A hospital in the north of the city opened a new cancer treatment wing on Friday.

Patients and staff at the opening ceremony. (Photo: Lena Park/The Daily Ledger)

The wing has 60 beds and two radiotherapy machines, the hospital said.

Last week, the health minister visited the site.
""",
    title="Hospital opens new cancer wing",
    authors=["Jane Roe"],
    source=None,
    published=date(2019, 1, 4),  # from the date line, never from "last week"
    paragraphs=[
        "A hospital in the north of the city opened a new cancer treatment wing on Friday.",
        "The wing has 60 beds and two radiotherapy machines, the hospital said.",
        "Last week, the health minister visited the site.",
    ],
)

# Lines broken at no fixed width, blank lines between paragraphs, a trailer over two lines.
LOOSE_WRAP = Case(
    text="""UPDATE 2-Airline cuts summer capacity as engine checks ground jets

By Karin Holt and Jorge Mendes

4 min read

STOCKHOLM, June 12 (Reuters) - A Nordic airline said on Wednesday it would cut summer
capacity by 8% because engine inspections had grounded part of its fleet.

The carrier said about a dozen jets would stay on the ground for several weeks while engines
were checked.

Shares fell 5% in Stockholm.

(Reporting by Karin Holt in Stockholm and Jorge Mendes in Lisbon; Editing by Susan Park and
Mark Potter)
""",
    title="UPDATE 2-Airline cuts summer capacity as engine checks ground jets",
    authors=["Karin Holt", "Jorge Mendes"],
    source="Reuters",
    published=None,
    paragraphs=[
        "STOCKHOLM, June 12 (Reuters) - A Nordic airline said on Wednesday it would cut summer "
        "capacity by 8% because engine inspections had grounded part of its fleet.",
        "The carrier said about a dozen jets would stay on the ground for several weeks while "
        "engines were checked.",
        "Shares fell 5% in Stockholm.",
    ],
)

# One paragraph per line, name and job on lines of their own, the site's name first.
NAME_AND_JOB_LINES = Case(
    text="""THE MILLBROOK COURIER
Bridge closure to last three weeks
Jane Roe
Staff Writer
Updated Jan 4, 2019
The main bridge into town will close for three weeks from Monday while engineers repair its \
deck, the county said.
Drivers will be diverted through the industrial estate.
""",
    title="Bridge closure to last three weeks",
    authors=["Jane Roe"],
    source="THE MILLBROOK COURIER",
    published=date(2019, 1, 4),
    paragraphs=[
        "The main bridge into town will close for three weeks from Monday while engineers "
        "repair its deck, the county said.",
        "Drivers will be diverted through the industrial estate.",
    ],
)

# A page of blank-line blocks whose body is one block of one paragraph per line.
SINGLE_NEWLINE_BODY = Case(
    text="""Menu
Sections

City unveils plan for riverside park

By Tom Hale
Posted: March 3, 2005

The city unveiled plans on Thursday for a park along the river, on land that once held \
warehouses.
The park would include a playground, a boat launch and a path linking two bridges.
"This is land the public has not been able to reach for a century," the mayor said.
Construction could start next year if the council approves the budget.

Tags: parks, river, city council
""",
    title="City unveils plan for riverside park",
    authors=["Tom Hale"],
    source=None,
    published=date(2005, 3, 3),
    paragraphs=[
        "The city unveiled plans on Thursday for a park along the river, on land that once "
        "held warehouses.",
        "The park would include a playground, a boat launch and a path linking two bridges.",
        '"This is land the public has not been able to reach for a century," the mayor said.',
        "Construction could start next year if the council approves the budget.",
    ],
)

NAV_LINES = Case(
    text="""Skip to main content
Menu  Search  Sign in
Ferry operator cuts winter routes as fuel costs climb
By Maria Delgado and Tom Ashby, Reuters
Published 6:42 AM EST, Tue March 4, 2025

OSLO (Reuters) - Norway's largest ferry operator said on Tuesday it would cut six winter
routes, blaming a sharp rise in fuel costs.

The company, which carries 12 million passengers a year, said the cuts would take effect
in November.
Share this article
""",
    title="Ferry operator cuts winter routes as fuel costs climb",
    authors=["Maria Delgado", "Tom Ashby"],
    source="Reuters",
    published=date(2025, 3, 4),
    paragraphs=[
        "OSLO (Reuters) - Norway's largest ferry operator said on Tuesday it would cut six"
        " winter routes, blaming a sharp rise in fuel costs.",
        "The company, which carries 12 million passengers a year, said the cuts would take"
        " effect in November.",
    ],
)

SECTION_LABEL_AND_DATED_SOURCE = Case(
    text="""Hospital wait times hit record in northern Ontario
Health
CBC News · Posted: Jan 05, 2025 4:30 PM EST | Last Updated: January 5
Patients at the regional hospital waited an average of 31 hours for a bed in December.
The hospital's chief of staff said the numbers were "alarming."
Social Sharing
Facebook
Email
""",
    title="Hospital wait times hit record in northern Ontario",
    authors=[],
    source="CBC News",
    published=date(2025, 1, 5),
    paragraphs=[
        "Patients at the regional hospital waited an average of 31 hours for a bed in December.",
        'The hospital\'s chief of staff said the numbers were "alarming."',
    ],
)

CAPITALS_BYLINE = Case(
    text="""Ottawa to expand dental care program to seniors
MARIE TREMBLAY
OTTAWA
PUBLISHED MARCH 4, 2025
The federal government will expand its dental care program to all seniors, the health \
minister announced Tuesday.
The program has enrolled 1.7 million people so far.
With files from The Canadian Press
""",
    title="Ottawa to expand dental care program to seniors",
    authors=["Marie Tremblay"],
    source=None,  # "with files from" a wire service does not make it the publication
    published=date(2025, 3, 4),
    paragraphs=[
        "The federal government will expand its dental care program to all seniors, the"
        " health minister announced Tuesday.",
        "The program has enrolled 1.7 million people so far.",
    ],
)

WIRE_FIRST_PUBLISHED = Case(
    text="""Storm knocks out power to 50,000 homes
The Canadian Press
Published Friday, January 10, 2025 7:14AM EST
HALIFAX -- More than 50,000 homes were without power Friday morning after a storm.
"This is a significant event," said a utility spokesperson.
This report by The Canadian Press was first published Jan. 10, 2025.
""",
    title="Storm knocks out power to 50,000 homes",
    authors=[],
    source="The Canadian Press",
    published=date(2025, 1, 10),
    paragraphs=[
        "HALIFAX -- More than 50,000 homes were without power Friday morning after a storm.",
        '"This is a significant event," said a utility spokesperson.',
    ],
)

# A header of single lines (headline, byline, publication, date) over a hard-wrapped body:
# the header's lines are no wrapped paragraph.
WRAPPED_BODY_HEADER_LINES = Case(
    text="""Ferry fares to rise for the first time in six years
By Omar Lindqvist, Municipal Affairs Reporter
The Northern Gazette
Tue., Apr. 8, 2025

The harbour commission voted 6-3 on Monday to raise ferry
fares by 15 cents, the first increase since the route
opened to year-round traffic.

"Nobody likes paying more," said commissioner Dana Fell,
who voted in favour. "But the boats are getting old."

Commuter Leo Marsh said the increase would add up over
a year of daily crossings.
""",
    title="Ferry fares to rise for the first time in six years",
    authors=["Omar Lindqvist"],
    source="The Northern Gazette",
    published=date(2025, 4, 8),
    paragraphs=[
        "The harbour commission voted 6-3 on Monday to raise ferry fares by 15 cents, the "
        "first increase since the route opened to year-round traffic.",
        '"Nobody likes paying more," said commissioner Dana Fell, who voted in favour. "But '
        'the boats are getting old."',
        "Commuter Leo Marsh said the increase would add up over a year of daily crossings.",
    ],
)

# A scraped page whose byline block holds the name, a job with the publication and a handle
# on lines of their own.
BYLINE_BLOCK_WITH_HANDLE = Case(
    text="""Skip to main content
Library branch to close for repairs | Valley Radio News

Library branch to close for repairs

Ingrid Solheim
Valley Radio News Reporter
@ingridsolheim

Published Monday, March 3, 2025 9:10AM

The east branch of the public library will close for two months while its roof is fixed.

"We know this is hard for regular visitors," said head librarian Tom Arcand.
""",
    title="Library branch to close for repairs",
    authors=["Ingrid Solheim"],
    source="Valley Radio News",
    published=date(2025, 3, 3),
    paragraphs=[
        "The east branch of the public library will close for two months while its roof is fixed.",
        '"We know this is hard for regular visitors," said head librarian Tom Arcand.',
    ],
)

# Two names on a line of their own under the headline: the authors, without "By".
TWO_NAMES_BYLINE = Case(
    text="""Province weighs new rules for wind farm reviews

Maryse Tellier and Graham Osei

REGINA

Published January 14, 2019

The provincial government is preparing to loosen parts of its review law.

"We hear the concerns," Energy Minister Dwight Halvorsen said.
""",
    title="Province weighs new rules for wind farm reviews",
    authors=["Maryse Tellier", "Graham Osei"],
    source=None,
    published=date(2019, 1, 14),
    paragraphs=[
        "The provincial government is preparing to loosen parts of its review law.",
        '"We hear the concerns," Energy Minister Dwight Halvorsen said.',
    ],
)

CASES = {
    "reuters": REUTERS,
    "ap": AP,
    "dateline_alone": DATELINE_ALONE,
    "guardian_style": GUARDIAN_STYLE,
    "bbc_online_style": BBC_ONLINE_STYLE,
    "sports": SPORTS,
    "business_wrapped": BUSINESS_WRAPPED,
    "wrapped_no_blanks": WRAPPED_NO_BLANKS,
    "local": LOCAL,
    "scraped": SCRAPED,
    "byline_date_one_line": BYLINE_DATE_ONE_LINE,
    "trailer_only": TRAILER_ONLY,
    "staff_reporter": STAFF_REPORTER,
    "loose_wrap": LOOSE_WRAP,
    "name_and_job_lines": NAME_AND_JOB_LINES,
    "single_newline_body": SINGLE_NEWLINE_BODY,
    "nav_lines": NAV_LINES,
    "section_label_and_dated_source": SECTION_LABEL_AND_DATED_SOURCE,
    "capitals_byline": CAPITALS_BYLINE,
    "wire_first_published": WIRE_FIRST_PUBLISHED,
    "wrapped_body_header_lines": WRAPPED_BODY_HEADER_LINES,
    "byline_block_with_handle": BYLINE_BLOCK_WITH_HANDLE,
    "two_names_byline": TWO_NAMES_BYLINE,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_metadata(name: str) -> None:
    case = CASES[name]
    meta, _ = clean(case.text)
    got = (meta.title, meta.authors, meta.source, meta.published)
    assert got == (case.title, case.authors, case.source, case.published)


@pytest.mark.parametrize("name", sorted(CASES))
def test_paragraphs(name: str) -> None:
    case = CASES[name]
    _, paras = clean(case.text)
    assert [_flat(p.text) for p in paras] == case.paragraphs
    for n, p in enumerate(paras, start=1):
        assert p.number == n
        assert case.text[p.start : p.end] == p.text
