"""Text normalisation shared by ingest (stored search columns) and queries (user input)."""

from __future__ import annotations

import re
import unicodedata

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
