"""Datelines: the place (and wire service) that open a news story.

"TOKYO –", "LONDON (Reuters) -", "WASHINGTON (AP) —", "NEW YORK, March 3 (Reuters) -",
"PARIS, France (CNN) --", "Paris (AFP) -", "(Reuters) -".

A dateline stays inside the first paragraph (it is part of the lead as printed); alone on its
line it is joined to the paragraph it opens.  The service in brackets is the article's source
when nothing else names one; a service known by its initials is given its name
(``SERVICE_NAMES``: "AP" is the Associated Press), other names are kept as written.  The
parser never sees a dateline (``blank_dateline``): "LONDON" is not the subject of the lead.
"""

from __future__ import annotations

import re

from app.annotate.dates import MONTH_ALT
from app.annotate.names import words

# Services a dateline names without a dash after it ("WASHINGTON (AP)" alone on its line).
KNOWN_SERVICES = words(
    """AP AFP CP UPI PTI IANS ANI Reuters CNN Xinhua dpa DPA Bloomberg Kyodo Yonhap TASS EFE
    ANSA"""
)
SERVICE_NAMES = {
    "AP": "Associated Press",
    "CP": "The Canadian Press",
    "UPI": "United Press International",
    "PTI": "Press Trust of India",
}

_PLACE_UPPER = r"[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}"
_PLACE_MIXED = r"[A-Z][a-z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}"
_MONTH = rf"(?i:{MONTH_ALT})\.?"
_DAY = rf"(?:,\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?)"
_SERVICE = r"\(\s*(?P<service>[A-Z][A-Za-z&.'’ -]{0,38}[A-Za-z.])\s*\)"
_DASH = r"\s*[–—-]{1,3}"
# A place in capitals, a place in mixed case (only before a service), or a service alone.
_DATELINE = re.compile(
    rf"^(?:(?P<upper>{_PLACE_UPPER}){_DAY}?|{_PLACE_MIXED}{_DAY}?(?=\s*\()|(?=\())"
    rf"(?:\s*{_SERVICE})?{_DASH}"
)
_ALONE_SERVICE = re.compile(rf"^{_PLACE_UPPER}{_DAY}?\s*{_SERVICE}$")


def _match(par: str) -> re.Match[str] | None:
    m = _DATELINE.match(par[:160])
    if m is None:
        return None
    upper, service = m.group("upper"), m.group("service")
    if upper is not None and not upper.split()[0].strip(",").isupper():
        return None
    if (upper is None and service is None) or (service and not _is_service(service)):
        return None
    return m


def _is_service(s: str) -> bool:
    words = s.split()
    return len(words) <= 4 and not any(
        w.lower() in {"photo", "file", "video", "pictured"} for w in words
    )


def dateline_end(par: str) -> int:
    """Length of the dateline that opens ``par`` (with the space after it), 0 when none."""
    m = _match(par)
    if m is None or (m.end() < len(par) and not par[m.end()].isspace()):
        return 0
    end = m.end()
    while end < len(par) and par[end].isspace():
        end += 1
    return end


def blank_dateline(par: str) -> str:
    """``par`` with its opening dateline replaced by spaces (same length), for the parser."""
    end = dateline_end(par)
    return " " * end + par[end:] if end else par


def is_dateline_alone(line: str) -> bool:
    """A line holding only a dateline ("LONDON (Reuters) -", "WASHINGTON (AP)")."""
    line = line.strip()
    if len(line) > 80:
        return False
    m = _match(line)
    if m is not None and m.end() == len(line):
        return True
    m2 = _ALONE_SERVICE.match(line)
    return (
        m2 is not None
        and line.split()[0].strip(",").isupper()
        and m2.group("service") in KNOWN_SERVICES
    )


def dateline_source(par: str) -> str | None:
    """The wire service named in the dateline that opens ``par`` ("Reuters", "Associated
    Press" for "AP"), else None."""
    m = _match(par)
    if m is None or not m.group("service") or not dateline_end(par):
        return None
    service = " ".join(m.group("service").split())
    return SERVICE_NAMES.get(service, service)
