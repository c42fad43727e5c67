"""Cleaning: raw article text -> metadata (title, authors, source, date, images) and body
paragraphs.  No NLP; every paragraph keeps its exact offsets in the original string.

The steps of ``clean``, in order:

1. ``_units``: the text cut into units (``layout``: blank-line, hard-wrapped or one paragraph
   per line); a dateline alone on its line ("LONDON (Reuters) -") joins the paragraph it
   opens (``datelines``).
2. ``_mark_furniture``, anywhere: image file names, page junk, photo credits and captions,
   wire trailers, lists of links under "Related stories" (``furniture``).
3. ``_mark_lines``: lines that are only a date (``dates``; near the top or the end, or
   anywhere with "Published"/"Updated"), "By ..." bylines and bylines with a date
   (``bylines``); ``_mark_sign_off``: "— Reuters" on the last lines.
4. ``_mark_header``, near the top until the body has begun: names alone, "Name, Job",
   "Name | Publication", a publication's name, a job title under a byline.
5. ``_mark_title``: the first unit when it reads as a headline (a one- or two-word label or
   the site's name before a headline is not the title; " | Site" after it is the source;
   the headline printed again is not a paragraph).
6. ``_mark_standfirst``: a paragraph near the top that a later one repeats (a standfirst, a
   pull quote).
7. ``_mark_repeats``: repeated furniture (a gallery caption printed three times, a short
   line printed twice).
8. ``_metadata`` (source: header, page title, dateline, sign-off, copyright line, in that
   order) and the body units, numbered, as ``Paragraph``s.

Decisions (the gold guideline leaves them open): a wire service known by its initials is
named ("AP" -> "Associated Press", ``datelines.SERVICE_NAMES``); a trailer's reporters and
writers are the authors when there is no byline, its editors never; a standfirst that does
not repeat the lead stays a paragraph; "Associated Press writer X contributed to this
report." is a paragraph of the story.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.annotate.bylines import (
    JOBS,
    PUB_WORDS,
    Byline,
    by_line,
    credit_line,
    is_job_title,
    is_name,
    looks_publication,
    name_line,
    names_line,
    read_byline,
    trailer_authors,
)
from app.annotate.datelines import (
    KNOWN_SERVICES,
    SERVICE_NAMES,
    dateline_source,
    is_dateline_alone,
)
from app.annotate.dates import DATE_WORD, DateKind, date_line, parse_date, split_byline_date
from app.annotate.furniture import (
    IMAGE_FILE,
    RELATED_HEADING,
    copyright_holder,
    has_credit,
    is_credit_line,
    is_junk,
    is_rule,
    is_trailer,
)
from app.annotate.layout import SENTENCE_END, split_units
from app.annotate.types import Image, Metadata, Paragraph

__all__ = ["Unit", "clean", "parse_date"]

HEAD_LIMIT = 20  # units looked at for the header


UnitKind = Literal[
    "body", "title", "junk", "image", "caption", "date", "byline", "source", "standfirst", "trailer"
]


@dataclass(slots=True)
class Unit:
    """A candidate paragraph and what the steps decided it is."""

    start: int
    end: int
    text: str
    kind: UnitKind = "body"
    authors: tuple[str, ...] = ()
    source: str | None = None
    date: date | None = None
    date_kind: DateKind = "published"


def clean(text: str) -> tuple[Metadata, list[Paragraph]]:
    """Split ``text`` into metadata and numbered body paragraphs (offsets into ``text``)."""
    units = _units(text)
    if not units:
        return Metadata(), []
    _mark_furniture(units)
    _mark_lines(units)
    _mark_sign_off(units)
    header_end = _mark_header(units)
    _mark_title(units)
    _mark_standfirst(units, header_end)
    _mark_repeats(units)
    body = [u for u in units if u.kind == "body"]
    paragraphs = [Paragraph(n, u.start, u.end, u.text) for n, u in enumerate(body, start=1)]
    return _metadata(units), paragraphs


# --- 1. units ----------------------------------------------------------------------------


def _stands_alone(line: str) -> bool:
    """A line that is a unit of its own even inside a block of lines."""
    if len(line) >= 200:
        return False
    return bool(
        IMAGE_FILE.match(line)
        or is_junk(line)
        or is_trailer(line)
        or is_credit_line(line)
        or date_line(line)
        or by_line(line)
        or _byline_and_date(line)
    )


def _units(text: str) -> list[Unit]:
    spans = split_units(text, _stands_alone)
    joined: list[tuple[int, int]] = []
    for s, e in spans:
        if joined and is_dateline_alone(text[joined[-1][0] : joined[-1][1]]):
            joined[-1] = (joined[-1][0], e)  # "LONDON (Reuters) -" + the lead
        else:
            joined.append((s, e))
    return [Unit(s, e, text[s:e]) for s, e in joined]


# --- 2. furniture ------------------------------------------------------------------------


def _link_like(s: str) -> bool:
    """Lines of a list of links: short headlines, maybe with bullets."""
    for line in s.split("\n"):
        line = line.strip().lstrip("•·*-–— ")
        if not line or len(line.split()) > 18:
            return False
        if line[-1] in '.!"”' and not line.endswith("..."):
            return False
    return True


def _mark_furniture(units: list[Unit]) -> None:
    in_links = False
    for i, u in enumerate(units):
        t = u.text
        if IMAGE_FILE.match(t):
            u.kind = "image"
        elif is_trailer(t):
            u.kind, u.authors = "trailer", tuple(trailer_authors(t))
        elif is_junk(t) or is_rule(t) or is_credit_line(t):
            u.kind = "junk"
        elif has_credit(t) or (i > 0 and units[i - 1].kind == "image" and len(t) < 600):
            u.kind = "caption"
        heading = len(t) < 60 and bool(RELATED_HEADING.match(t))
        if u.kind == "body" and (heading or (in_links and _link_like(t))):
            u.kind = "junk"
        in_links = heading or (in_links and u.kind == "junk")


# --- 3. date lines and bylines -----------------------------------------------------------


def _byline_and_date(s: str) -> tuple[Byline, tuple[date, DateKind]] | None:
    """A byline and a date on one line: "By Jane Roe | Published 3 March 2005"."""
    parts = split_byline_date(s)
    if parts is None:
        return None
    b = by_line(parts[0]) or credit_line(parts[0])
    d = date_line(parts[1])
    return (b, d) if b and d else None


def _set_byline(u: Unit, b: Byline) -> None:
    u.kind, u.authors, u.source = "byline", b.authors, b.source


def _mark_lines(units: list[Unit]) -> None:
    content = 0  # units so far that are not furniture
    for i, u in enumerate(units):
        content += u.kind not in ("junk", "image")
        if u.kind != "body" or len(u.text) >= 200:
            continue
        both = _byline_and_date(u.text)
        if both is not None:
            _set_byline(u, both[0])
            u.date, u.date_kind = both[1]
            continue
        d = date_line(u.text)
        b = by_line(u.text) if d is None else None
        if d is not None and (content <= 8 or i >= len(units) - 3 or DATE_WORD.search(u.text)):
            u.kind, (u.date, u.date_kind) = "date", d  # (a bare date mid-story is the story's)
            u.source = _publication_before(u.text)
        elif b is not None and (i < HEAD_LIMIT or not b.unknown):
            _set_byline(u, b)


_PUBLICATION_FIRST = re.compile(r"^([A-Z][\w&.' -]{1,40}?)\s*[·•|]\s*\S")


def _publication_before(line: str) -> str | None:
    """ "CBC News · Posted: Jan 05, 2025": the publication a date line starts with."""
    m = _PUBLICATION_FIRST.match(line)
    return m.group(1) if m and looks_publication(m.group(1)) else None


_SIGN_OFF = re.compile(r"^[-–—(\s]*([A-Z][\w&.' -]{1,40}?)\s*\)?\.?$")


def _mark_sign_off(units: list[Unit]) -> None:
    """A wire service signing off on the last lines: "— Reuters", "(AP)", "AFP"."""
    for u in units[-3:]:
        m = _SIGN_OFF.match(u.text) if u.kind == "body" and len(u.text) < 50 else None
        marked = u.text[0] in "-–—("  # "— The Star" is a sign-off, "News Letter" alone is not
        if m and (m.group(1) in KNOWN_SERVICES or (marked and looks_publication(m.group(1)))):
            service = m.group(1)
            u.kind, u.source = "source", SERVICE_NAMES.get(service, service)


# --- 4. header ---------------------------------------------------------------------------


def _header_kind(units: list[Unit], i: int) -> None:
    """Mark ``units[i]`` when it is a header line."""
    u, t = units[i], units[i].text
    if len(t) >= 120:
        return
    b = credit_line(t) or _byline_block(t)
    if b is not None:
        _set_byline(u, b)
    elif is_job_title(t) and units[i - 1].kind == "byline":
        u.kind = "junk"  # "Staff Reporter" under a byline
    elif (name := name_line(t)) is not None:
        _set_byline(u, Byline((name,), None))
    elif (names := names_line(t)) is not None:
        _set_byline(u, Byline(tuple(names), None))  # "Jane Roe and John Doe"
    elif (b := read_byline(t)).source and not b.authors and not b.unknown:
        u.kind, u.source = "source", b.source  # "BBC News, Cumbria", "Health reporter, BBC News"
    elif looks_publication(t) and len(t) < 60:
        u.kind, u.source = "source", t.strip()
    elif re.match(r"^source\s*:\s*\S", t, re.I) and len(t) < 80:
        u.kind, u.source = "source", t.split(":", 1)[1].strip()


_HANDLE = re.compile(r"@\w{2,30}")


def _byline_block(t: str) -> Byline | None:
    """A block of header lines that together make a byline: a name, then a job, a
    publication or a social handle on lines of their own ("Jane Roe / Gazette Reporter /
    @janeroe")."""
    lines = [line.strip() for line in t.splitlines() if line.strip()]
    name = name_line(lines[0]) if len(lines) > 1 else None
    if name is None:
        return None
    source = None
    for line in lines[1:]:
        read = read_byline(line)
        if read.authors or read.unknown or name_line(line):
            return None  # a second name, or a line that is no job nor publication
        if not (_HANDLE.fullmatch(line) or is_job_title(line) or JOBS.search(line)):
            source = source or read.source  # "The Gazette"
    return Byline((name,), source)


def _mark_header(units: list[Unit]) -> int:
    """Header lines before the body has begun; returns the index of the last one (or -1).

    The body has begun after the third body unit (a long one counts twice), so a title, a
    standfirst and a lead paragraph are allowed before the header's last line.  The first
    body unit is the title or the lead unless it is a full byline."""
    last, seen = -1, 0
    for i, u in enumerate(units[:HEAD_LIMIT]):
        if u.kind == "body" and seen > 0:
            _header_kind(units, i)
        elif u.kind == "body" and "|" not in u.text and (b := credit_line(u.text)):
            _set_byline(u, b)  # "Jane Roe, The Canadian Press" before the lead (but a page
            # title "Jane Roe | The Gazette" names its subject)
        if u.kind == "body":
            seen += 2 if len(u.text) >= 250 else 1
            if seen >= 4:
                break
        elif u.kind != "junk":
            last = i
    return last


# --- 5-7. title, standfirst, repeats -----------------------------------------------------


def _title_like(s: str) -> bool:
    core = s.rstrip("\"'”’»")
    if core != s and not any(c in s[: len(core)] for c in "\"'“‘«"):
        return False  # a closing mark without an opening one
    ellipsis = core.endswith(("...", "…")) and len(s.split()) <= 12
    return (
        0 < len(s) <= 250
        and len(s.split()) <= 30
        and bool(core)
        and (core[-1] not in ".:;,!?…" or ellipsis)
        and any(c.isalpha() for c in s)
        and "\n" not in s
    )


def _question_title(u: Unit, nxt: Unit) -> bool:
    """ "Could Yukos be a blessing in disguise?" before a longer paragraph."""
    return (
        u.text.rstrip("\"'”’").endswith(("?", "!"))
        and len(u.text.split()) <= 12
        and len(nxt.text) > 2 * len(u.text)
    )


def _mark_title(units: list[Unit]) -> None:
    body = [u for u in units if u.kind == "body"]
    if len(body) < 2 or units.index(body[0]) != _first_content(units):
        return
    if len(body) > 2 and _is_label(body[0], body[1]):
        body[0].kind = "junk"  # "ANALYSIS", "World news" over the headline
        body = body[1:]
    elif len(body) > 2 and _is_site_name(body[0], body[1]):
        body[0].kind, body[0].source = "source", body[0].text  # "The Northern Gazette"
        body = body[1:]
    first, i = body[0], units.index(body[0])
    header_next = i + 1 < len(units) and units[i + 1].kind in ("byline", "date", "source")
    if (
        _title_like(first.text)
        or _question_title(first, body[1])
        or (header_next and _title_like(first.text.rstrip(".")))
    ):
        first.kind = "title"
        _split_title(first)
        again = (_tokens(first.text), _tokens(_title_text(first)))
        for u in body[1:]:
            if len(u.text) < 300 and _tokens(u.text) in again:
                u.kind = "junk"  # the headline again (page title, then the article's)
        _mark_under_title(units, units.index(first))


def _mark_under_title(units: list[Unit], title: int) -> None:
    """A section label between the headline and the byline or date ("Health") is furniture
    (a standfirst there is kept, unless it repeats the lead)."""
    for i in range(title + 1, min(title + 3, len(units))):
        u = units[i]
        if u.kind != "body" or not _title_like(u.text) or len(u.text.split()) > 2:
            continue
        after = next((v for v in units[i + 1 :] if v.kind not in ("junk", "image")), None)
        if after is not None and after.kind in ("byline", "date", "source"):
            u.kind = "junk"


def _is_label(u: Unit, nxt: Unit) -> bool:
    words = len(u.text.split())
    return words <= 2 and _title_like(nxt.text) and len(nxt.text.split()) >= 3


def _is_site_name(u: Unit, nxt: Unit) -> bool:
    return (
        len(u.text.split()) <= 4
        and any(w.lower() in PUB_WORDS for w in u.text.split())
        and looks_publication(u.text)
        and _title_like(nxt.text)
        and len(nxt.text.split()) > len(u.text.split())
    )


_TITLE_SUFFIX = re.compile(r"^(.{10,}?)\s+(?:\||-|–|—|::)\s+([^|–—]{2,60})$")


def _split_title(u: Unit) -> None:
    """ "Headline | The Northern Gazette": the publication is the source."""
    m = _TITLE_SUFFIX.match(u.text)
    if m and looks_publication(m.group(2)) and len(m.group(2).split()) <= 5:
        u.source = m.group(2).strip()


def _title_text(u: Unit) -> str:
    if u.source and u.text.endswith(u.source):
        return _TITLE_SUFFIX.sub(r"\1", u.text)
    return u.text


def _first_content(units: list[Unit]) -> int:
    """Index of the first unit that is not furniture, an image or a date."""
    for i, u in enumerate(units):
        if u.kind not in ("junk", "image", "caption", "date"):
            return i
    return len(units)


def _tokens(s: str) -> list[str]:
    return re.findall(r"\w+", s.casefold())


def _pairs(tokens: list[str]) -> list[str]:
    return [a + " " + b for a, b in itertools.pairwise(tokens)]


def _similar(a: list[str], b: list[str]) -> float:
    """Token F1 of two token lists."""
    ta, tb = Counter(a), Counter(b)
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def _mark_standfirst(units: list[Unit], header_end: int) -> None:
    """A paragraph near the top that a later body paragraph nearly repeats, words and word
    order, is a standfirst (or a pull quote).  An exact copy counts only across the header (a
    paragraph printed twice in a row is the article's own)."""
    body_idx = [i for i, u in enumerate(units) if u.kind == "body"]
    for k, i in enumerate(body_idx):
        if i > max(header_end, 3):
            break
        for j in body_idx[k + 1 : k + 13]:
            a, b = _tokens(units[i].text), _tokens(units[j].text)
            if (
                _similar(a, b) >= 0.75
                and _similar(_pairs(a), _pairs(b)) >= 0.6
                and (a != b or i <= header_end < j)
            ):
                units[i].kind = "standfirst"
                break


def _mark_repeats(units: list[Unit]) -> None:
    """Furniture repeated: a unit of eight words or more seen three times or more (every
    copy: a caption of a gallery), or a line of three words or fewer that is not a sentence,
    seen before (the later copies)."""
    keys = [" ".join(_tokens(u.text)) if u.kind == "body" else "" for u in units]
    counts = Counter(keys)
    seen: set[str] = set()
    for u, key in zip(units, keys, strict=True):
        if not key:
            continue
        short = len(key.split()) <= 3 and u.text[-1] not in SENTENCE_END
        if (counts[key] >= 3 and len(key.split()) >= 8) or (key in seen and short):
            u.kind = "junk"
        seen.add(key)


# --- 8. metadata -------------------------------------------------------------------------


def _metadata(units: list[Unit]) -> Metadata:
    meta = Metadata()
    titles = [_title_text(u) for u in units if u.kind == "title"]
    meta.title = titles[0] if titles else None
    for u in units:
        if u.kind == "byline":
            meta.authors.extend(a for a in u.authors if a not in meta.authors)
    if not meta.authors:
        for u in units:
            if u.kind == "trailer":
                meta.authors.extend(a for a in u.authors if a not in meta.authors)
    meta.source = _source(units)
    meta.published = _published(units)
    meta.images = _images(units)
    return meta


def _source(units: list[Unit]) -> str | None:
    """The publication named in the header, else the wire service of the dateline, else the
    publication that holds the copyright."""
    for u in units:
        if u.kind in ("byline", "source", "title", "date") and u.source:
            return u.source
    body = [u for u in units if u.kind == "body"][:2]
    for u in body:
        service = dateline_source(u.text)
        if service:
            return service
    for u in units:
        holder = copyright_holder(u.text) if u.kind == "junk" else None
        if holder and looks_publication(holder) and not is_name(holder):
            return holder
    return None


def _published(units: list[Unit]) -> date | None:
    """The first publication date of a date line, else the first date of an update."""
    dated = [u for u in units if u.date is not None and u.kind in ("date", "byline")]
    for u in dated:
        if u.date_kind == "published":
            return u.date
    return dated[0].date if dated else None


def _images(units: list[Unit]) -> list[Image]:
    images: list[Image] = []
    for i, u in enumerate(units):
        if u.kind == "image":
            nxt = units[i + 1] if i + 1 < len(units) else None
            images.append(Image(u.text, nxt.text if nxt and nxt.kind == "caption" else None))
        elif u.kind == "caption" and (i == 0 or units[i - 1].kind != "image"):
            images.append(Image(None, u.text))
    return images
