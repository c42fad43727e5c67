"""Page furniture: text on a scraped page that is not the article.

Whole lines only (a line is judged by itself, never a phrase inside a paragraph):
advertising, sharing and social buttons with their counts, "Read more:" links, newsletter and
cookie notices, navigation crumbs ("Home > News > UK"), "Scroll to top", image credits and
captions ("Image copyright ...", "Photo: ...", "... PHOTO: AGENCY", "REUTERS/Jane Roe"),
and the wire trailer ("(Reporting by Jane Roe; Editing by John Doe)").
"""

from __future__ import annotations

import re

from app.annotate.given_names import is_given_name
from app.annotate.names import words

JUNK = re.compile(
    r"""^(?:
        scroll\s+(?:to|back\s+to)\s+top | back\s+to\s+top | go\s+to\s+top | top\s+of\s+page
      | share(?:\s+(?:this|the|on|via|or|with)\b.*)? | share\s*:.* | shares?
      | advertisement(?:\s*[-–—:|]\s*.{0,40})? | advertisment | advert | ad
      | sponsored(?:\s+content)? | promoted | popular(?:\s+now)? | open\s+in\s+app
      | .{0,40}\benable\s+javascript\b.* | your\s+browser\s+does\s+not\s+support\b.*
      | listen(?:\s+now)? | gift\s+(?:this\s+)?article | have\s+your\s+say | follow\s+@\w+.*
      | supported\s+by | paid\s+(?:post|content).*
      | read\s+more\b.* | read\s+next\b.* | read\s+also\b.* | also\s+read\b.* | see\s+also\b.*
      | more\s+on\s+this\s+story.* | related(?:\s+(?:articles?|stories|topics|content|news|
        coverage|links|reading))?\s*:?.*
      | recommended(?:\s+for\s+you)?\s*:?.* | most\s+(?:read|popular|viewed|shared)\s*:?.*
      | you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in).* | trending(?:\s+now)?
      | click\s+here\b.* | tap\s+here\b.* | sign\s+up\b.* | subscribe\b.* | follow\s+us\b.*
      | (?:get|receive)\s+(?:our|the)\b.{0,80}\bnewsletters?\b.* | newsletters?
      | enter\s+your\s+e-?mail.* | thank\s+you\s+for\s+(?:subscribing|signing\s+up).*
      | sign\s+in | log\s+in | register | menu | search | close | home
      | copy\s+(?:this\s+)?link | these\s+are\s+external\s+links\b.* | link\s+copied | copied
      | print(?:\s+this(?:\s+article|\s+page)?)? | email
      | e-mail | facebook | twitter | x | whatsapp | linkedin | reddit | telegram | pinterest
      | flipboard | messenger | comments?(?:\s*\(?\d+\)?)? | \d+\s+comments? | view\s+comments
      | show\s+comments | (?:like|follow)\s+us\s+on\b.* | posted\s+in\s*:.* | filed\s+under\s*:?.*
      | skip\s+to\s+(?:main\s+)?content | skip\s+navigation | social\s+sharing
      | listen\s+to\s+(?:this\s+)?article.*
      | topics?(?:\s*:.*)? | tags?\s*:.* | image\s+source\b.* | image\s+caption\b.*
      | image\s+copyright\b.* | \(?getty\s+images\)? | (?:photo|image|picture)\s*:.*
      | pictured\s*:.* | file\s+photo | click\s+to\s+(?:enlarge|expand|play|view)\b.*
      | watch\s+(?:the\s+video\s+)?above.*
      | (?:photo|image|picture|video)\s+credit\s*:?.* | photograph\s*:.* | credit\s*:.*
      | (?:photo|photograph|picture)s?\s+by\s.* | caption\s*:.*
      | ©.* | \(c\)\s.* | copyright\b.* | all\s+rights\s+reserved\.? | loading\.*
      | play\s+video | watch(?:\s+(?:below|here|now|live|more))?\s*:.* | video\s*:.*
      | listen\s*:.* | audio\s*:.*
      | media\s+playback\s+is\s+(?:not\s+)?(?:un)?supported.*
      | this\s+video\s+can\s*not\s+be\s+played.*
      | join\s+(?:our|the)\s+\w+\s+channel.* | download\s+(?:our|the)\s+app.*
      | (?:previous|next)\s+(?:article|story|post) | about\s+the\s+author
      | we\s+use\s+cookies.* | this\s+(?:web)?site\s+uses\s+cookies.*
      | (?:the\s+)?(?:article|story)\s+continue[sd]?\s+(?:below|after)\b.*
      | .{0,80}\bdelivered\s+(?:straight\s+)?to\s+your\s+inbox.*
      | continue\s+reading.* | open\s+this\s+photo\s+in\s+gallery.{0,400}
      | accept\s+(?:all\s+)?cookies | cookie\s+(?:policy|settings|preferences)
      | \d+\s+min(?:ute)?s?\s+read | (?:last\s+)?updated\s*:?\s*\d+\s+\w+\s+ago
      | \d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago
      | follow\s+[\w.]+(?:\s+[\w.]+){0,3}\s+on\s+(?:twitter|x|facebook|instagram|threads|bluesky).*
      | this\s+article\s+(?:is\s+more\s+than|was\s+(?:originally|first)\s+published).*
      | this\s+(?:report|story|article)\s+by\s+.{1,60}?\s+was\s+(?:originally\s+|first\s+)?
        published.* | (?:[—–-]+\s*)?with\s+files\s+from\s+.{1,80}
    )[\s.!:]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A heading over a list of links ("Related stories", "More on this story"): the short
# headline-like lines after it are links too.
RELATED_HEADING = re.compile(
    r"^(?:related(?:\s+\w+){0,2}|more\s+on\s+this\s+story|more\s+from\s+[\w ]{1,30}|read\s+more|"
    r"you\s+(?:may|might)\s+also\s+like|most\s+(?:read|popular|viewed)|recommended(?:\s+for\s+you)?|"
    r"trending(?:\s+now)?|top\s+stories|latest\s+(?:news|stories)|see\s+also)\s*:?$",
    re.IGNORECASE,
)
IMAGE_FILE = re.compile(
    r"^[\w\-.%()+~]+\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|avif|heic)(?:\?\S*)?$", re.IGNORECASE
)
# A photo credit that ends a caption ("... PHOTO: AGENCY", "(AP Photo/Jane Roe)",
# "Photograph: Jane Roe/Reuters", "REUTERS/Jane Roe").
CREDIT = re.compile(
    r"(?:\b(?:PHOTO|PHOTOS|Photo|Photos|PICTURE|Picture|IMAGE|Image|Photograph|PHOTOGRAPH)"
    r"\s*(?:credit)?\s*:\s*\S"
    r"|\((?:Photo|Image|Picture)[^)]*\)\s*$"
    r"|\b(?:Getty Images|AFP/Getty|Reuters/|REUTERS/|AP Photo|Shutterstock|EPA-EFE)\b[^.]*$)"
)
_AGENCIES = words(
    """getty afp reuters ap epa efe pa shutterstock alamy bloomberg xinhua anadolu sipa rex
    press handout"""
)
_CRUMB_SEPARATORS = re.compile(r"\s*(?:>|›|»|/|\|)\s*")
_NAV_WORDS = words(
    """home news sport sports weather business politics world uk us u.s. opinion culture
    lifestyle life style entertainment tech technology science health travel video videos
    podcasts podcast menu search local more sections live latest markets money economy arts
    books music film tv food edition subscribe login account newsletters games puzzles
    signin register profile"""
)
# "Sign in", "Log out", "My account" are one navigation item each.
_NAV_PAIRS = re.compile(r"\b(?:(?:sign|log)\s*(?:in|out|on)|my\s+account)\b", re.IGNORECASE)
_SOCIAL_WORDS = words(
    """share shares shared tweet tweets pin pins email e-mail print comments comment facebook
    twitter linkedin whatsapp reddit pinterest messenger telegram flipboard copy link save
    saved like likes views reactions x"""
)
_COUNT = re.compile(r"^\d[\d.,]*[kKmM]?$")
# One credit of a wire trailer: "Reporting by Jane Roe in London", "Editing by John Doe".
_TRAILER_PART = re.compile(
    r"^\s*(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|compiling|"
    r"production|graphics|fact-checking|translation)\s+by\s+([^.;]+?)\.?\s*$",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"^(?:contact|reach|e-?mail)\b.*(?:@|\d{3}[-.\s]\d{4})|can\s+be\s+reached\s+at", re.I
)


# A radio page's credits: "Written by Jo Roe. Interview produced by Sam Ortiz. Q&A edited
# for length and clarity." (names capitalised: "Produced by the ministry, ..." is a sentence)
_NAME = r"[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:de|van|von|da|le)?\s*[A-ZÀ-Þ][\w'’.-]*){0,3}"
_CREDITS = re.compile(
    rf"^(?:(?:Written|(?:Interview\s+|Segment\s+)?[Pp]roduced|Edited)\s+by\s+{_NAME}"
    rf"(?:\s+and\s+{_NAME})?\.\s*)+"
    r"(?:(?:This\s+)?(?:Q\s*&\s*A|[Ii]nterview|[Cc]onversation)\s+(?:has\s+been\s+)?"
    r"(?:edited|condensed)\b[^.]*\.?)?\s*$"
)


# A video's caption, however long: "WATCH BELOW: Crews cleared the pass. As Jo Roe reports, ..."
_VIDEO_CAPTION = re.compile(r"^watch(?:\s+(?:below|above|here|now|live|more))?\s*:\s*\S", re.I)


def is_junk(s: str) -> bool:
    """A line of page furniture."""
    if _VIDEO_CAPTION.match(s) and len(s) < 600:
        return True
    if len(s) >= 200:
        return False
    furniture = JUNK.match(s) or _CREDITS.match(s)
    return bool(furniture) or _is_crumbs(s) or _is_social(s) or _is_contact(s)


def _is_crumbs(s: str) -> bool:
    """Navigation: "Home > News > UK", "News | Sport | Weather", "Home News Sport Weather"."""
    if len(s) > 150 or any(c.isdigit() for c in s):
        return False
    s = _NAV_PAIRS.sub("signin", s)
    if not _CRUMB_SEPARATORS.search(s):
        toks = s.lower().replace(",", " ").split()
        return len(toks) >= 2 and all(t in _NAV_WORDS for t in toks)
    parts = [p for p in _CRUMB_SEPARATORS.split(s) if p]
    if len(parts) >= 3 and all(len(p.split()) <= 4 and p[:1].isupper() for p in parts):
        return not re.match(r"^by\s", s, re.I)
    toks = _CRUMB_SEPARATORS.sub(" ", s.lower().replace(",", " ")).split()
    return len(toks) >= 2 and all(t in _NAV_WORDS for t in toks)


def _is_social(s: str) -> bool:
    """Share buttons and their counts: "Share 12 Tweet 3", "1.2K shares", "Facebook Twitter"."""
    toks = s.replace("|", " ").split()
    if not toks or len(toks) > 12:
        return False
    known = [t for t in toks if t.lower().strip(":") in _SOCIAL_WORDS]
    return len(known) >= 1 and all(
        t.lower().strip(":") in _SOCIAL_WORDS or _COUNT.match(t) for t in toks
    )


def _is_contact(s: str) -> bool:
    return len(s) < 200 and bool(_CONTACT.search(s))


# A photo credit in brackets inside a caption that stays in the body: "(Jane Roe/CBC)",
# "( Jane Roe / Toronto Star )", "(Submitted by Jane Roe)", "(Instagram/Jane Roe)"; and, at
# the end of a line, a news organisation's own "(CBC)" or "(The Canadian Press)".
_BRACKET_CREDIT = re.compile(
    r"\(\s*(?:(?:Submitted|Supplied|Courtesy|Contributed|Handout)\b[^()\n]{0,80}"
    r"|(?P<parts>[A-Z][^()/,\n]{0,59}(?:\s*/\s*[A-Z][^()/,\n]{0,59})+))\s*\)"
    r"|\(\s*(?:CBC|CBC News|CTV|CTV News|Global News|(?:The )?Canadian Press|Reuters|AP|AFP"
    r"|(?:The )?Associated Press|Getty Images)(?: File(?: Photo)?)?\s*\)(?=[^\S\n]*(?:\n|$))",
    re.IGNORECASE,
)
_MEDIA_WORDS = _AGENCIES | words(
    """cbc ctv images star news instagram twitter facebook photo file postmedia sun times
    globe mail telegram herald"""
)


# What follows the name in an embedded post's signature: "(@janeroe) October 23, 2018",
# "(@janeroe) on Oct 23, 2018 at 4:15pm PDT".
POST_STAMP = (
    r"\(@[\w.]{1,30}\)\s*(?:on\s+)?[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}"
    r"(?:\s+at\s+\d{1,2}:\d{2}\s*[ap]m(?:\s+[A-Z]{2,4})?)?"
)
_POST_TAIL = re.compile(POST_STAMP + r"|pic\.twitter\.com/\w+")  # and a post's media link


def blank_credits(par: str) -> str:
    """``par`` with bracketed photo credits and the handles, dates and links of embedded
    posts replaced by spaces (same length): a photographer is no one in the story, and a
    post's date no role of its author."""
    par = _POST_TAIL.sub(lambda m: " " * len(m.group(0)), par)
    return _BRACKET_CREDIT.sub(_blanked_credit, par)


def _blanked_credit(m: re.Match[str]) -> str:
    parts = m.group("parts")
    if parts is not None and not _credit_parts(parts.split("/")):
        return m.group(0)  # "(Sale/ENG)", "(BBC One/BBC Two)": a club, channels
    return " " * len(m.group(0))


def _credit_parts(parts: list[str]) -> bool:
    """Slash-separated parts that name a photographer or a news organisation: one begins
    with a given name, or holds a word of the media."""
    toks = [p.split() for p in parts]
    return any(
        (len(t) > 1 and is_given_name(t[0].lower())) or any(w.lower() in _MEDIA_WORDS for w in t)
        for t in toks
    )


def is_credit_line(s: str) -> bool:
    """A photo credit on its own: "REUTERS/Jane Roe", "Jane Roe/The Canadian Press",
    "Jane Roe / AFP via Getty Images"."""
    if len(s) > 80 or ("/" not in s and " via " not in s):
        return False
    if any(c in s for c in "?!") or ". " in s or s.endswith("."):
        return False
    toks = re.findall(r"[A-Za-z]+", s.lower())
    return len(toks) <= 10 and any(t in _AGENCIES for t in toks)


def has_credit(s: str) -> bool:
    """A caption: text that ends with a photo credit."""
    return len(s) < 600 and bool(CREDIT.search(s))


# Where a person stands in a photo, set off after a name: "Jane Roe, left,", "Ann Lee (centre)",
# "John Doe, second right, and ...".
_IN_PHOTO = re.compile(
    r"\b(?!(?:Left|Right|Centre|Center|Top|Bottom)\b)[A-Z][\w'’-]+(?:,\s+|\s+\()"
    r"(?:(?:far|second|third|back|front)\s+)?(?:left|right|centre|center|top|bottom)"
    r"(?:\s+(?:left|right))?(?:,|\)|\s+and\b)"
)


def is_photo_caption(s: str) -> bool:
    """A caption that places the people in a photo: "Jane Roe, left, and her sister sit at
    their home".  Short, unquoted and with at least one position set off after a name."""
    if len(s) > 400 or any(c in s for c in '"“”'):
        return False
    return _IN_PHOTO.search(s) is not None


_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:(?:©|\(c\))\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:provided\s+by\s+)?"
    r"([^.©]{2,60}?)\s*(?:\.|,|$)",
    re.IGNORECASE,
)


def copyright_holder(s: str) -> str | None:
    """The holder in a copyright line ("© 2021 The Northern Gazette. All rights reserved")."""
    m = _COPYRIGHT.match(s) if len(s) < 300 else None
    return m.group(1).strip() if m else None


def is_trailer(s: str) -> bool:
    """The wire trailer: "(Reporting by Jane Roe in London; Editing by John Doe)"."""
    if len(s) >= 400:
        return False
    parts = s.strip().strip("()").split(";")
    return all(
        (m := _TRAILER_PART.match(p)) is not None and len(m.group(1).split()) <= 16 for p in parts
    )


def is_rule(s: str) -> bool:
    """A rule, an ornament or a stray mark without letters or digits ("___", "* * *", ".")."""
    return bool(s.strip()) and not any(c.isalnum() for c in s)
