"""Given names, from the dictionary that the `gender-guesser` package ships (Jörg
Michael's nam_dict, about 40,000 first names of many countries, with their gender).

Read as data, once: a given name is evidence that a capitalised phrase names a person,
never the decision by itself."""

from __future__ import annotations

from functools import cache
from importlib import resources

from app.annotate.names import norm_token

_COMMON = frozenset("23456789ABCD")  # frequencies above "rare" (1) in a country's column
_MALE = frozenset({"M", "1M", "?M"})
_FEMALE = frozenset({"F", "1F", "?F"})


@cache
def _names() -> dict[str, str]:
    """Lower-cased given name -> "m", "f" or "?" (either)."""
    return _read()[0]


@cache
def _rare() -> frozenset[str]:
    """Names the dictionary rates rare (1 on its 1-13 scale) in every country it covers."""
    return _read()[1]


@cache
def _read() -> tuple[dict[str, str], frozenset[str]]:
    out: dict[str, str] = {}
    common: set[str] = set()
    try:
        data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
        lines = data.read_bytes().decode("utf-8", "replace").splitlines()
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - not installed
        return out, frozenset()
    for line in lines:
        code, name = line[:2].strip(), line[3:29].strip()
        if not name or code.startswith(("#", "=")) or "+" in name:
            continue
        gender = "m" if code in _MALE else "f" if code in _FEMALE else "?"
        key = norm_token(name)
        out[key] = gender if out.get(key, gender) == gender else "?"
        if not _COMMON.isdisjoint(line[30:86]):
            common.add(key)
    return out, frozenset(out.keys() - common)


def is_given_name(word: str) -> bool:
    """Whether `word` is somebody's first name in the dictionary; a number word the
    dictionary rates rare everywhere is not ("Five"). (Other rare names that are English
    words stay: "Josh", "Art" and "Chance" are names too.)"""
    key = norm_token(word)
    if key not in _names() and _hyphenated(word):
        # "Jean-François", "Marie-Claude": every part a given name
        return all(is_given_name(part) for part in word.split("-"))
    return key in _names() and not (key in _rare() and key in _NUMBERS)


def _hyphenated(word: str) -> bool:
    """Capitalised parts joined by hyphens ("Marie-Claude"; not "non-Roma")."""
    parts = word.split("-")
    return len(parts) > 1 and all(part[:1].isupper() for part in parts)


_NUMBERS = frozenset(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve")
)


def gender_of(word: str) -> str | None:
    """ "m" or "f" when the dictionary gives the first name one gender only."""
    key = norm_token(word)
    if key not in _names() and _hyphenated(word) and is_given_name(word):
        key = norm_token(word.split("-")[0])  # the first part's ("Marie-Claude")
    gender = _names().get(key)
    return gender if gender in ("m", "f") else None
