"""Text normalisation shared by ingest (stored search columns) and queries (user input)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")


def strip_control(value: str) -> str:
    """Drop NUL and other control characters (PostgreSQL rejects NUL in text)."""
    return _CONTROL.sub("", value)


def fold(value: str) -> str:
    """Case- and accent-insensitive form: NFKD, combining marks dropped, casefolded, spaces
    collapsed. `fold("Émile  Zola") == "emile zola"`."""
    decomposed = unicodedata.normalize("NFKD", strip_control(value))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", bare.casefold()).strip()


def entity_search_text(name: str, aliases: list[str]) -> str:
    """The stored `entities.search_text`: folded name and aliases, one per line."""
    return "\n".join(dict.fromkeys(f for f in (fold(s) for s in [name, *aliases]) if f))


def like_pattern(value: str) -> str:
    """A LIKE pattern matching `value` anywhere, with %, _ and the escape char escaped ('\\')."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True, slots=True)
class TextProblem:
    """Why a text cannot be stored: an HTTP status, a problem-type slug and a message."""

    status: int
    slug: str
    message: str


def text_problem(text: str, *, max_bytes: int, field: str = "text") -> TextProblem | None:
    """The one rule for what may be stored as an article text (API and bulk ingest alike).

    NUL and unpaired surrogates cannot be stored faithfully on every backend; everything else,
    control characters included, is kept exactly as sent.
    """
    if "\x00" in text:
        return TextProblem(
            422,
            "invalid-characters",
            f"The {field} contains a NUL character (U+0000), which cannot be stored.",
        )
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        return TextProblem(
            422,
            "invalid-characters",
            f"The {field} contains an unpaired surrogate (character {exc.start});"
            " it is not valid Unicode.",
        )
    if field != "text":
        return None
    if size > max_bytes:
        return TextProblem(
            413, "too-large", f"The text is larger than the limit of {max_bytes} bytes."
        )
    if not text.strip():
        return TextProblem(422, "empty-text", "The text is empty.")
    if not any(ch.isalpha() for ch in text):
        return TextProblem(422, "no-letters", "The text has no letters; it is not an article.")
    return None
