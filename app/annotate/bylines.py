"""Bylines: who wrote an article, and for which publication.

"By Jane Roe", "By Jane Roe and John Doe", "By Jane Roe, Associated Press",
"By JANE ROE / Staff Reporter", "By JANE ROE and JOHN DOE Associated Press",
"Jane Roe | Reuters", "Jane Roe, Staff Writer", "Jane Roe Transport correspondent",
"By Jane Roe in Paris", "By Jane Roe for The Daily Courier", "Jane Roe @janeroe".
Names written in capitals are given in title case.  Job titles, places and e-mail addresses
are dropped; a publication named in the byline is the article's source.

The wire trailer "(Reporting by Jane Roe; Writing by Ann Lee; Editing by John Doe)" names
the reporters and writers; its editors are not authors (``trailer_authors``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.annotate.given_names import is_given_name
from app.annotate.names import words

BY = re.compile(
    r"^(?:(?:by|written\s+by|words\s+by|story\s+by|text\s+by|reporting\s+by)\s*[:\-]?\s+"
    r"|(?:authors?|reporters?|writers?|by)\s*:\s*)(.+)$",
    re.I,
)
PUB_WORDS = words(
    """times post news herald journal daily guardian telegraph tribune gazette press mail star
    globe chronicle observer independent express mirror sun standard reuters bloomberg afp
    ap bbc cnn npr cbc ctv abc nbc cbs fox sky itv agency wire today weekly magazine review
    record courier inquirer shimbun nikkei xinhua insider monitor economist bulletin
    sentinel examiner dispatch register advertiser broadcasting radio tv television network
    online media yomiuri asahi mainichi kyodo yonhap tass ria nation straits telegram
    mailonline upi pti ians echo argus advocate clarion enquirer courant ledger mercury bugle
    despatch gleaner recorder statesman spectator"""
)
PLACE_WORDS = words(
    """park street road stadium arena avenue square hall ground centre center bridge lane
    field gardens court house station"""
)
_NOT_IN_NAMES = words("""of the and for in on at to a an v vs""")
_NAME_PARTICLES = words("""van von de der den da di du del la le bin binti al el ibn st""")
JOBS = re.compile(
    r"\b(?:correspondents?|reporters?|editors?|writers?|columnist|staff|contributors?|"
    r"journalists?|bureau|chief|senior|political|business|sports?|news|desk|producer|anchor|"
    r"host|photographer|videographer|analyst|intern|freelance)\b",
    re.I,
)
# Words of a job title that may come between a name and its job ("Transport correspondent").
_JOB_WORDS = words(
    """correspondent correspondents reporter reporters editor editors writer writers columnist
    staff contributor contributors journalist journalists bureau chief senior political
    business sport sports news desk producer anchor host photographer videographer analyst
    intern freelance deputy associate assistant executive managing special transport crime
    legal home affairs foreign diplomatic defence defense security economics economy economic
    health science technology tech education environment environmental climate energy
    consumer personal finance financial arts culture music film media entertainment social
    community city local regional state national international world global europe europe's
    asia africa americas america north south east west middle investigations investigative
    data digital video audio weekend night football cricket rugby tennis golf motoring
    travel food property markets industry industrial royal religious religion affairs
    general metro breaking and of for the"""
)
_JOB_NOUNS = re.compile(
    r"\b(?:correspondents?|reporters?|editors?|writers?|columnist|contributors?|journalists?|"
    r"producer|anchor|photographer|videographer|analyst|intern)\b",
    re.I,
)
_SERVICE_INITIALS = words("""AP AFP UPI CP PA PTI""")
_CONTACT = re.compile(r"\S+@\S+|https?://\S+|\bwww\.\S+")
_SEPARATORS = re.compile(r"\s*(?:,|;|\||/|&|•|·|\band\b|\s[-–—]\s)\s*")
# " in Paris", " at Ewood Park", " in Nashville, Tennessee": capitalised words to the end
_PLACE_TAIL = re.compile(
    r"\s+(?:in|at|from|reporting\s+from)\s+[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*|of|de|la))*$"
)
_FOR_PUB = re.compile(r"^(.*?)\s+(?i:for)\s+((?:(?i:the)\s+)?[A-Z].*)$")
_CAPS_THEN_REST = re.compile(r"^([A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)+)\s+([A-Z][a-z].*)$")


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...]
    source: str | None
    unknown: int = 0  # parts that are neither a name, a publication nor a job


def is_name(s: str) -> bool:
    """A person's name on its own: 2-5 capitalised words, no digits, no sentence punctuation."""
    s = s.strip().rstrip(",")
    bad = not s or len(s) > 60 or any(c.isdigit() for c in s) or s[-1] in ".?!:;"
    if bad and not (s.endswith(".") and len(s.split()[-1]) <= 3):
        return False
    parts = s.split()
    if not 2 <= len(parts) <= 5 or s.isupper():
        return False
    for w in parts:
        if w.lower() in _NOT_IN_NAMES:
            return False
        if w.lower() in _NAME_PARTICLES:
            continue
        core = w.strip(".'’-")
        if not core or not core[0].isupper() or not all(c.isalpha() or c in ".'’-" for c in w):
            return False
    return not looks_publication(s)


def looks_publication(s: str) -> bool:
    """A publication's name: "The Straits Times", "Associated Press", "BBC News"."""
    parts = s.split()
    if not 1 <= len(parts) <= 7 or (any(c in s for c in ".?!;:") and not s.endswith(".com")):
        return False
    if any(w[:1].islower() and w.lower() not in {"of", "the", "and", "de", "for"} for w in parts):
        return False
    if parts[0] == "The" and len(parts) >= 2:
        return True
    return any(w.lower().strip("'’") in PUB_WORDS for w in parts)


def name_line(s: str) -> str | None:
    """The name on a line holding only a name, maybe with a place ("Jack Moran at Riverside
    Stadium"), or in capitals with a given name first ("MARIE TREMBLAY"; not "TOP
    STORIES"): not a place ("Ewood Park") or a job ("Staff Writer")."""
    parts = s.split()
    if s.isupper() and 2 <= len(parts) <= 4 and is_given_name(parts[0].title()):
        s = s.title()
    name = _PLACE_TAIL.sub("", s.strip().rstrip(",")).strip()
    if not is_name(name) or JOBS.search(name) or name.split()[-1].lower() in PLACE_WORDS:
        return None
    return name


def names_line(s: str) -> list[str] | None:
    """The names on a line holding only two to four names ("Jane Roe and John Doe", "JANE
    ROE, JOHN DOE"): the authors, in a header."""
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b|\bAND\b)\s*", s.strip()) if p]
    if not 2 <= len(parts) <= 4:
        return None
    names = [name_line(p) for p in parts]
    return None if None in names else [n for n in names if n is not None]


def is_job_title(s: str) -> bool:
    """A job title on its own: "Staff Reporter", "Political Editor"."""
    toks = s.lower().split()
    return bool(toks) and all(t in _JOB_WORDS for t in toks) and bool(JOBS.search(s))


def _without_job(s: str) -> str:
    """ "Jane Roe Transport correspondent" -> "Jane Roe" (a job title after the name)."""
    parts = s.split()
    cut = len(parts)
    while cut > 2 and parts[cut - 1].lower() in _JOB_WORDS:
        cut -= 1
    if cut < len(parts) and JOBS.search(" ".join(parts[cut:])):
        return " ".join(parts[:cut])
    return s


def _read_part(p: str, first: bool) -> tuple[str, str]:
    """("name" | "source" | "job" | "", text) for one part of a byline; only the first part
    may be a name followed by its job ("Jane Roe Transport correspondent", but "Jane Roe,
    Power Play producer")."""
    p = _PLACE_TAIL.sub("", p.strip(" .-–—:()")).strip()
    if not p:
        return "job", p
    if looks_publication(p) and not is_name(p) and not _JOB_NOUNS.search(p):
        return "source", p
    name = _without_job(p) if first else p
    if name != p and is_name(name):
        return "name", name  # "Jane Roe Transport correspondent"
    if is_name(p) and not JOBS.search(p):
        return "name", p
    if JOBS.search(p) and len(p.split()) <= 5:
        return "job", p  # "Staff Reporter", "Asia Correspondent"
    if p.isupper() and len(p.split()) <= 4 and is_name(p.title()):
        return "name", p.title()  # "JANE ROE"
    return "", p


def _pieces(raw: str) -> list[str]:
    """A byline part cut where a name in capitals or "for" meets a publication:
    "JANE ROE Associated Press", "JANE ROE AP Business Writer", "Jane Roe for The Sun"."""
    raw = raw.strip()
    caps = _CAPS_THEN_REST.match(raw)
    if caps:
        name, rest = caps.group(1).split(), caps.group(2)
        while len(name) > 2 and name[-1] in _SERVICE_INITIALS:
            rest = name.pop() + " " + rest
        return [" ".join(name), rest]
    m = _FOR_PUB.match(raw)
    if m and looks_publication(m.group(2)):
        return [m.group(1), m.group(2)]
    return [raw]


def _is_place(s: str) -> bool:
    """One to three capitalised words: a place after a publication ("Reuters, London")."""
    parts = s.split()
    return 1 <= len(parts) <= 3 and all(w[:1].isupper() and w.isalpha() for w in parts)


def read_byline(s: str) -> Byline:
    """Authors and publication in a byline without its "By" ("Jane Roe and John Doe, Reuters")."""
    s = _CONTACT.sub(" ", s)
    s = re.sub(r"(?<!\w)@\w+", " ", s)
    authors: list[str] = []
    source = None
    unknown = 0
    for n, raw in enumerate(_SEPARATORS.split(s)):
        for piece in _pieces(raw):
            kind, text = _read_part(piece, n == 0)
            if kind == "name" and text not in authors:
                authors.append(text)
            elif kind == "source":
                source = source or text
            elif kind == "" and not (source and _is_place(text)):  # "BBC News, Cumbria"
                unknown += 1
    return Byline(tuple(authors), source, unknown)


def by_line(s: str) -> Byline | None:
    """A byline opened by "By" ("By Jane Roe, Reuters"), with at least one name or source."""
    if len(s) >= 200:
        return None
    m = BY.match(s)
    if not m:
        return None
    b = read_byline(m.group(1))
    if b.authors or b.source:
        return b
    rest = m.group(1).strip()
    if is_name(rest) and rest.split()[0].lower() not in _JOB_WORDS:
        return Byline((rest,), None)  # "By Jane Writer": a name after "By", not a job
    return None


def credit_line(s: str) -> Byline | None:
    """A byline without "By", every part read, with a publication or a job: "Jane Roe |
    Reuters", "Jane Roe, Staff Writer", "JANE ROE Associated Press", "Jane Roe Transport
    correspondent"."""
    if len(s) >= 120 or BY.match(s) or any(c in s for c in '?!"“”'):
        return None
    b = read_byline(s)
    if not b.authors or b.unknown:
        return None
    if b.source is None and not JOBS.search(s) and "|" not in s:
        return None  # names only: a list of names is not a byline
    return b


def trailer_authors(s: str) -> list[str]:
    """Reporters and writers named in a wire trailer (not its editors or extra reporters)."""
    names: list[str] = []
    for seg in re.split(r"[;\n]", s.strip("() \n")):
        m = re.match(r"^\s*(?:reporting|writing)\s+by\s+(.+)$", seg, re.I)
        if m:
            names.extend(n for n in read_byline(m.group(1)).authors if n not in names)
    return names
