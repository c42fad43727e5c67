"""Page structure: metadata (title, authors, source, date, images) and body paragraphs.

Works on the raw scraped text without NLP.  Every paragraph keeps its exact offsets in the
original string; nothing is rewritten.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from app.annotate.names import words
from app.annotate.types import Image, Metadata, Paragraph

# --- units: blank-line blocks, or lines ---------------------------------------------------


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    text: str
    kind: str = "body"  # body, title, junk, image, caption, date, byline, source, standfirst
    info: dict = field(default_factory=dict)


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_TERMINAL = ".?!:\"'”’»)…"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or _invisible(text[start])):
        start += 1
    while end > start and (text[end - 1].isspace() or _invisible(text[end - 1])):
        end -= 1
    return start, end


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\n\t"


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = _trimmed(text, pos, stop)
        if e > s:
            out.append((s, e))
        pos = stop + 1
    return out


def _should_split_lines(text: str, lines: list[tuple[int, int]]) -> bool:
    """A block of several lines is one paragraph per line unless it looks hard-wrapped."""
    if len(lines) < 2:
        return False
    ended = 0
    for s, e in lines[:-1]:
        seg = text[s:e]
        if seg[-1] in _TERMINAL or len(seg) < 60 or _IMAGE_RE.match(seg):
            ended += 1
    return ended * 2 >= len(lines) - 1


def split_units(text: str) -> list[Unit]:
    """Blocks separated by blank lines; a block with one paragraph per line is split in lines."""
    units: list[Unit] = []
    pos = 0
    blocks: list[tuple[int, int]] = []
    for m in _BLANK_LINE.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    for bs, be in blocks:
        s, e = _trimmed(text, bs, be)
        if e <= s:
            continue
        lines = _lines(text, s, e)
        if _should_split_lines(text, lines):
            units.extend(Unit(ls, le, text[ls:le]) for ls, le in lines)
        else:
            units.append(Unit(s, e, text[s:e]))
    return units


# --- classifiers ---------------------------------------------------------------------------

_JUNK_RE = re.compile(
    r"""^(?:
        scroll\s+(?:to|back\s+to)\s+top | back\s+to\s+top | go\s+to\s+top | top\s+of\s+page
      | share(?:\s+(?:this|the|on|via)\b.*)? | share\s*:.* | shares?
      | advertisement | advertisment | advert | ad | sponsored(?:\s+content)? | promoted
      | read\s+more\b.* | read\s+next\b.* | read\s+also\b.* | also\s+read\b.* | see\s+also\b.*
      | more\s+on\s+this\s+story.* | related(?:\s+(?:articles?|stories|topics|content|news))?\s*:?.*
      | recommended(?:\s+for\s+you)?\s*:?.* | most\s+(?:read|popular|viewed)\s*:?.*
      | click\s+here\b.* | tap\s+here\b.* | sign\s+up\b.* | subscribe\b.* | follow\s+us\b.*
      | copy\s+link | link\s+copied | copied | print(?:\s+this(?:\s+article|\s+page)?)? | email
      | e-mail | facebook | twitter | x | whatsapp | linkedin | reddit | telegram | pinterest
      | flipboard | messenger | comments? | \d+\s+comments? | view\s+comments | show\s+comments
      | skip\s+to\s+(?:main\s+)?content | skip\s+navigation | listen\s+to\s+(?:this\s+)?article.*
      | topics?\s*:.* | tags?\s*:.* | image\s+source\b.* | image\s+caption\b.*
      | image\s+copyright\b.* | getty\s+images | (?:photo|image|picture)\s*:.*
      | (?:photo|image|picture|video)\s+credit\s*:?.* | photograph\s*:.* | credit\s*:.*
      | ©.* | \(c\)\s.* | copyright\b.* | all\s+rights\s+reserved\.? | loading\.*
      | play\s+video | watch\s*:.* | video\s*:.* | listen\s*:.* | audio\s*:.*
      | join\s+(?:our|the)\s+\w+\s+channel.* | download\s+(?:our|the)\s+app.*
      | (?:previous|next)\s+(?:article|story|post) | about\s+the\s+author
      | we\s+use\s+cookies.* | article\s+continue[sd]\s+below | story\s+continues\s+below.*
      | continue\s+reading.* | open\s+this\s+photo\s+in\s+gallery.{0,400}
      | accept\s+(?:all\s+)?cookies | cookie\s+policy
    )[\s.!:]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_IMAGE_RE = re.compile(
    r"^[\w\-.%()+~]+\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|avif|heic)(?:\?\S*)?$", re.IGNORECASE
)
_CREDIT_RE = re.compile(
    r"(?:\b(?:PHOTO|PHOTOS|Photo|Photos|PICTURE|Picture|IMAGE|Image)\s*(?:credit)?\s*:\s*\S"
    r"|\((?:Photo|Image|Picture)[^)]*\)\s*$"
    r"|\b(?:Getty Images|AFP/Getty|Reuters/|AP Photo|Shutterstock|EPA-EFE)\b[^.]*$)"
)
_BY_RE = re.compile(r"^(?:by|written\s+by|words\s+by|reporting\s+by)\s*[:\-]?\s+(.+)$", re.I)
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = [
    re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b"),
    re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
    re.compile(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_ALT})\.?,?\s+(\d{{4}})\b", re.I
    ),
    re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"),
]
_DATE_NOISE = re.compile(
    rf"""(?:\b(?:published|updated|last\s+updated|first\s+published|posted|modified|date|
        dated|on|at|am|pm|a\.m\.|p\.m\.|gmt|bst|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ct|
        sgt|jst|kst|hkt|cet|cest|aest|aedt|ist|wib|
        monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|
        thurs|fri|sat|sun|today|hours?|hrs?|mins?|minutes?|ago|read|time|{_MONTH_ALT})\b
        |\d+|[^\w\s])""",
    re.I | re.VERBOSE,
)
_PUB_WORDS = words(
    """times post news herald journal daily guardian telegraph tribune gazette press mail star
    globe chronicle observer independent express mirror sun standard reuters bloomberg afp
    ap bbc cnn npr cbc ctv abc nbc cbs fox sky itv agency wire today weekly magazine review
    record courier inquirer shimbun nikkei xinhua insider monitor economist bulletin
    sentinel examiner dispatch register advertiser broadcasting radio tv television network
    online media yomiuri asahi mainichi kyodo yonhap tass ria nation straits telegram"""
)
_PLACE_WORDS = words(
    """park street road stadium arena avenue square hall ground centre center bridge lane
    field gardens court house station"""
)
_NAME_PARTICLES = words("""van von de der den da di du del la le bin binti al el ibn st""")
_AUTHOR_JOBS = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|columnist|staff|contributor|journalist|"
    r"bureau|chief|senior|political|business|sports?|news|desk|producer|anchor|host|"
    r"photographer|videographer|analyst|intern)\b",
    re.I,
)


def parse_date(s: str) -> date | None:
    """First date written out in ``s`` (ISO, "July 29, 2024", "29 July 2024", "2024/07/29")."""
    for i, pat in enumerate(_DATE_PATTERNS):
        m = pat.search(s)
        if not m:
            continue
        try:
            if i in (0, 3):
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            elif i == 1:
                mo, d, y = _MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
            else:
                d, mo, y = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
            if 1800 <= y <= 2200:
                return date(y, mo, d)
        except (ValueError, KeyError):
            continue
    return None


def _date_line(s: str) -> tuple[date, str] | None:
    """(date, "published"|"updated") when the whole line is a date line."""
    if len(s) > 120:
        return None
    d = parse_date(s)
    if d is None:
        return None
    rest = _DATE_NOISE.sub(" ", s)
    if len(rest.split()) > 2:
        return None
    low = s.lower()
    kind = "updated" if ("updated" in low or "modified" in low) and "publish" not in low else ""
    return d, kind or "published"


_DATE_WORD = r"(?:published|updated|posted|first\s+published|last\s+updated|modified)"


def _split_byline_date(s: str) -> tuple[str | None, str | None]:
    """("By X and Y", "Published ...") from one line that holds both, else (None, None)."""
    m = re.match(rf"^(.*?)\s*(?:\||•|·|—|–|-|,)?\s*({_DATE_WORD}\b.*)$", s, re.I)
    if m and m.group(1) and _BY_RE.match(m.group(1)) and parse_date(m.group(2)):
        return m.group(1), m.group(2)
    m = re.match(rf"^((?:{_DATE_WORD}\s*:?\s*)?(?:on\s+)?.*?)\s+by\s+(.+)$", s, re.I)
    if m and parse_date(m.group(1)) and _date_line(m.group(1)):
        return "By " + m.group(2), m.group(1)
    return None, None


def _is_name(s: str) -> bool:
    """A person's name on its own: 2-5 capitalised words, no digits, no sentence punctuation."""
    s = s.strip().rstrip(",")
    bad = not s or len(s) > 60 or any(c.isdigit() for c in s) or s[-1] in ".?!:;"
    if bad and not (s.endswith(".") and len(s.split()[-1]) <= 3):
        return False
    words = s.split()
    if not 2 <= len(words) <= 5 or s.isupper():
        return False
    for w in words:
        if w.lower() in _NAME_PARTICLES:
            continue
        core = w.strip(".'’-")
        if not core or not core[0].isupper() or not all(c.isalpha() or c in ".'’-" for c in w):
            return False
    return not _looks_publication(s)


def _looks_publication(s: str) -> bool:
    words = s.split()
    if not 1 <= len(words) <= 7 or (any(c in s for c in ".?!;:") and not s.endswith(".com")):
        return False
    if any(w[:1].islower() and w.lower() not in {"of", "the", "and", "de", "for"} for w in words):
        return False
    if words[0] == "The" and len(words) >= 2:
        return True
    return any(w.lower().strip("'’") in _PUB_WORDS for w in words)


def _split_authors(s: str) -> tuple[list[str], str | None]:
    """Names in a byline, and a publication named in it (if any)."""
    s = re.sub(r"\s*\|\s*", ", ", s.strip())
    parts = re.split(r"\s*(?:,|&|\band\b|/|;)\s*", s)
    names: list[str] = []
    source = None
    for p in parts:
        p = p.strip(" .-–—")
        if not p:
            continue
        if _looks_publication(p) and not _is_name(p):
            source = source or p
        elif _is_name(p) and not _AUTHOR_JOBS.search(p):
            names.append(p)
        elif _is_name(p.upper().title()) and p.isupper() and len(p.split()) <= 4:
            names.append(p.title())
    return names, source


def _tokens(s: str) -> list[str]:
    return re.findall(r"\w+", s.casefold())


def _similar(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    from collections import Counter

    ca, cb = Counter(ta), Counter(tb)
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _title_like(s: str) -> bool:
    core = s.rstrip("\"'”’»")
    if core != s and not any(c in s[: len(core)] for c in "\"'“‘«"):
        return False  # a closing mark without an opening one
    return (
        0 < len(s) <= 250
        and len(s.split()) <= 30
        and bool(core)
        and core[-1] not in ".:;,!?…"
        and any(c.isalpha() for c in s)
    )


# --- the cleaner -------------------------------------------------------------------------


def clean(text: str) -> tuple[Metadata, list[Paragraph]]:
    """Split ``text`` into metadata and numbered body paragraphs (offsets into ``text``)."""
    units = split_units(text)
    meta = Metadata()
    if not units:
        return meta, []

    # 1. Lines that are page furniture wherever they are.
    for u in units:
        t = u.text
        if _JUNK_RE.match(t) and len(t) < 200:
            u.kind = "junk"
        elif _IMAGE_RE.match(t):
            u.kind = "image"

    # 2. The header: metadata lines near the top.
    head_limit = min(len(units), 14)
    last_meta = -1
    for i in range(head_limit):
        u = units[i]
        if u.kind != "body":
            if u.kind == "image":
                last_meta = i
            continue
        t = u.text
        by_part, date_part = _split_byline_date(t) if len(t) < 200 else (None, None)
        dl = _date_line(t) if by_part is None else None
        bm = _BY_RE.match(by_part or t) if len(t) < 200 else None
        if dl:
            u.kind, u.info["date"], u.info["date_kind"] = "date", dl[0], dl[1]
            last_meta = i
        elif bm or (by_part and date_part):
            names, src = _split_authors(bm.group(1) if bm else by_part)
            d = _date_line(date_part) if date_part else None
            if names or d:
                u.kind, u.info["authors"], u.info["source"] = "byline", names, src
                if d:
                    u.info["date"], u.info["date_kind"] = d
                last_meta = i
        elif (i > 0 and units[i - 1].kind == "image" and len(t) < 600) or (
            _CREDIT_RE.search(t) and len(t) < 600
        ):
            u.kind = "caption"
            last_meta = i
        elif i > 0 and _is_name(t) and t.split()[-1].lower() not in _PLACE_WORDS:
            u.kind, u.info["authors"], u.info["source"] = "byline", [t.strip().rstrip(",")], None
        elif (
            "," in t
            and len(t) < 80
            and _is_name(t.split(",", 1)[0])
            and (
                _AUTHOR_JOBS.search(t.split(",", 1)[1])
                or _looks_publication(t.split(",", 1)[1].strip())
            )
        ):
            # "Walter Sim, Japan Correspondent", "Adam Stanley, The Canadian Press"
            name, rest = (x.strip() for x in t.split(",", 1))
            src = rest if _looks_publication(rest) and not _AUTHOR_JOBS.search(rest) else None
            u.kind, u.info["authors"], u.info["source"] = "byline", [name], src
            last_meta = i
        elif i > 0 and _looks_publication(t) and len(t) < 60:
            u.kind, u.info["source"] = "source", t.strip()
        elif i > 0 and re.match(r"^source\s*:\s*(.+)$", t, re.I) and len(t) < 80:
            u.kind, u.info["source"] = "source", t.split(":", 1)[1].strip()
    strong_or_weak = [
        i for i in range(head_limit) if units[i].kind in ("date", "byline", "source", "image")
    ]
    header_end = max([last_meta, *strong_or_weak], default=-1)
    # Unknown (body) lines before the header end: at most title + standfirst + one more.
    body_before = [i for i in range(header_end + 1) if units[i].kind == "body"]
    if len(body_before) > 3:
        header_end = -1
        for i in range(head_limit):
            u = units[i]
            if (
                u.kind in ("byline", "source")
                and u.info.get("authors") is not None
                and not _BY_RE.match(u.text)
            ):
                u.kind = "body"
            if units[i].kind == "source" and i > 1:
                units[i].kind = "body"

    # 3. Title: first line when it reads as a headline.
    first = units[0]
    if (
        first.kind == "body"
        and len(units) > 1
        and first.text.rstrip("\"'”’").endswith(("?", "!"))
        and len(first.text.split()) <= 12
        and units[1].kind == "body"
        and len(units[1].text) > 2 * len(first.text)
    ):
        first.kind = "title"  # "Could Yukos be a blessing in disguise?"
    elif first.kind == "body" and len(units) > 1 and _title_like(first.text):
        # not when the text is a list of short lines (three headline-like lines in a row)
        following = [u for u in units[1:3] if u.kind == "body"]
        if header_end >= 1 or not following or not all(_title_like(u.text) for u in following):
            first.kind = "title"

    # 4. Standfirst: a header line repeated (nearly) by a body paragraph.
    body_idx = [i for i, u in enumerate(units) if u.kind == "body"]
    for i in body_idx:
        if i > max(header_end, 3):
            break
        u = units[i]
        for j in body_idx:
            if j <= i:
                continue
            if j > i + 12:
                break
            if _similar(u.text, units[j].text) >= 0.75:
                u.kind = "standfirst"
                break

    # 5. Exact duplicate paragraphs (repeated furniture) keep their first copy only.
    seen: set[str] = set()
    for u in units:
        if u.kind == "body":
            key = " ".join(_tokens(u.text))
            if key in seen and len(key) < 200:
                u.kind = "junk"
            seen.add(key)

    # 6. Collect.
    published: date | None = None
    updated: date | None = None
    for i, u in enumerate(units):
        if u.kind == "title" and meta.title is None:
            meta.title = u.text
        elif u.kind == "byline":
            for n in u.info.get("authors", []):
                if n not in meta.authors:
                    meta.authors.append(n)
            if u.info.get("source") and meta.source is None:
                meta.source = u.info["source"]
        elif u.kind == "source" and meta.source is None:
            meta.source = u.info["source"]
        if u.kind == "byline" and "date" in u.info:
            if u.info["date_kind"] == "published" and published is None:
                published = u.info["date"]
            elif updated is None:
                updated = u.info["date"]
        if u.kind == "date":
            if u.info["date_kind"] == "published" and published is None:
                published = u.info["date"]
            elif updated is None:
                updated = u.info["date"]
        elif u.kind == "image":
            cap = None
            if i + 1 < len(units) and units[i + 1].kind == "caption":
                cap = units[i + 1].text
            meta.images.append(Image(u.text, cap))
        elif u.kind == "caption" and (i == 0 or units[i - 1].kind != "image"):
            meta.images.append(Image(None, u.text))
    meta.published = published or updated
    paragraphs = [
        Paragraph(n, u.start, u.end, u.text)
        for n, u in enumerate((u for u in units if u.kind == "body"), start=1)
    ]
    return meta, paragraphs
