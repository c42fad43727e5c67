"""Step 3: grouping. Candidates with the same name become one entity; a shorter full name
joins a longer one ("Ann Lee" / "Ann B. Lee"), a one-word name joins the full name it
belongs to, and a one-word organisation joins the longer name it begins."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from app.annotate.entities.lexicon import COMPANY_SUFFIXES, LEGAL_SUFFIXES
from app.annotate.entities.mentions import mononym_ok, named_relative
from app.annotate.entities.result import Found
from app.annotate.entities.vocabulary import adjectives, club_like
from app.annotate.given_names import gender_of, is_given_name
from app.annotate.names import (
    edit_distance,
    initial_of,
    initials,
    is_acronym,
    norm_name,
    org_key,
    person_key,
)
from app.annotate.types import Entity


@dataclass(slots=True)
class Grouping:
    """Entities being built: by key, and the word lists of multi-word people."""

    entities: list[Entity] = field(default_factory=list)
    by_key: dict[str, int] = field(default_factory=dict)
    fulls: list[tuple[list[str], int]] = field(default_factory=list)

    def new(self, kind: str, name: str, key: str) -> int:
        self.by_key[key] = len(self.entities)
        self.entities.append(Entity(kind, name, key))  # type: ignore[arg-type]
        return len(self.entities) - 1

    def attach(self, f: Found, idx: int) -> None:
        f.entity = idx
        ent = self.entities[idx]
        if f.name and f.name not in ent.aliases:
            ent.aliases.append(f.name)
        if f.role and f.role not in ent.roles:
            ent.roles.append(f.role)


def _full_person(g: Grouping, f: Found) -> int:
    key = person_key(f.name)
    idx = g.by_key.get(key)
    if idx is not None:
        return idx
    toks = key.split(":", 1)[1].split()
    for ftoks, fidx in g.fulls:  # a shorter full name inside a longer one, or a misspelling
        if toks[-1] == ftoks[-1] and (set(toks) <= set(ftoks) or _misspelt(toks, ftoks)):
            return fidx
    initialled = [fidx for ftoks, fidx in g.fulls if initial_of(toks, ftoks)]
    if len(initialled) == 1:
        return initialled[0]  # "C Hodgson" in the team sheet is Charlie Hodgson
    idx = g.new("person", f.name, key)
    g.fulls.append((toks, idx))
    return idx


def _misspelt(toks: list[str], other: list[str]) -> bool:
    """ "Jodie Roe" beside "Jody Roe": the same surname and first names one or two letters
    apart; two first names the dictionary knows must share one gender ("Joan", a woman's
    or a man's name, and "John" are two people)."""
    if len(toks) != len(other) or toks[:-1] == other[:-1]:
        return False
    a, b = toks[0], other[0]
    if toks[1:] != other[1:] or a[:1] != b[:1] or min(len(a), len(b)) < 3:
        return False
    if is_given_name(a) and is_given_name(b) and (gender_of(a) or "?") != (gender_of(b) or "-"):
        return False
    return edit_distance(a, b) <= 2


def _named_before(doc: Doc, found: list[Found], f: Found, cands: list[int]) -> int:
    """Of several full names, the one mentioned last before `f` (else the first), passing
    over one brought in as another's relative ("Jo Roe ... her son, Sam Roe, 10. “...,” Roe
    said": the surname alone is Jo's, the family's first-named)."""
    relatives = {g.entity for g in found if g.entity in cands and named_relative(doc, g)}
    if relatives and set(cands) - relatives:
        elder = [g.entity for g in found if g.entity in relatives and _a_parent(doc, g)]
        said_elder = f.start > 0 and doc[f.start - 1].lower_ in ("elder", "older")
        if said_elder and len(set(elder)) == 1:
            return elder[0]  # "the elder Roe" beside "Al Roe's father, Jo Roe": Jo
        cands = [c for c in cands if c not in relatives]
    best = -1
    for g in found:
        if g.start >= f.start:
            break
        if g.entity in cands and len(g.name.split()) > 1:
            best = g.entity
    return best if best >= 0 else cands[0]


def _a_parent(doc: Doc, g: Found) -> bool:
    """A relative named as someone's father, mother or grandparent."""
    root = doc[g.start : g.end].root
    return root.head.lemma_.lower() in ("father", "mother", "grandfather", "grandmother")


_TITLE_GENDER = {
    **dict.fromkeys(("mr", "sir", "lord", "baron"), "m"),
    **dict.fromkeys(("mrs", "ms", "miss", "dame", "lady", "baroness"), "f"),
}


def _title_gender(doc: Doc, f: Found) -> str | None:
    """ "m" after "Mr", "f" after "Mrs": "Mrs Roe" is not "Tom Roe" (his wife, say)."""
    return _TITLE_GENDER.get(norm_name(doc[f.start - 1].text)) if f.start > 0 else None


def _single_person(
    doc: Doc, g: Grouping, f: Found, found: list[Found], singles: list[Found]
) -> int | None:
    """A one-word person: the full name with this surname (else first name, else any
    word), an organisation of that name, or a person of its own when it may stand alone."""
    toks = norm_name(f.name).split()  # ("Tremblay-Roux": two)
    titled = _title_gender(doc, f)
    for position in (-1, 0, None):
        cands = [
            idx
            for ftoks, idx in g.fulls
            if _words_at(toks, ftoks, position)
            and not (titled and gender_of(ftoks[0]) not in (None, titled))
        ]
        if cands:
            return cands[0] if len(cands) == 1 else _named_before(doc, found, f, cands)
    okey = org_key(f.name)
    if okey in g.by_key:
        return g.by_key[okey]
    key = person_key(f.name)
    if key in g.by_key:
        return g.by_key[key]
    if not mononym_ok(doc, f, singles):
        return None
    return g.new("person", f.name, key)


def _words_at(toks: list[str], ftoks: list[str], position: int | None) -> bool:
    """``toks`` are the last (-1), the first (0) or any (None) words of the name ``ftoks``."""
    n = len(toks)
    if position == -1:
        return ftoks[-n:] == toks
    if position == 0:
        return ftoks[:n] == toks
    return any(ftoks[i : i + n] == toks for i in range(len(ftoks) - n + 1))


def group(doc: Doc, found: list[Found]) -> tuple[list[Entity], list[Found]]:
    """Entities and the candidates linked to them (a lone word that is no one dropped)."""
    g = Grouping()
    singles: list[Found] = []
    for f in found:
        if f.kind == "person" and len(f.name.split()) == 1:
            singles.append(f)
        elif f.kind == "person":
            g.attach(f, _full_person(g, f))
        else:
            key = org_key(f.name)
            g.attach(f, g.by_key[key] if key in g.by_key else g.new("organisation", f.name, key))
    for f in singles:
        idx = _single_person(doc, g, f, found, singles)
        if idx is not None:
            g.attach(f, idx)
    return g.entities, [f for f in found if f.entity is not None]


def _suffixed(words: list[str]) -> bool:
    """A name and a company's head nouns ("Cairn Energy", "Acme Capital Partners") or a
    club's ("Kilby Rovers")."""
    rest = words[1:]
    named = [w.title() for w in words]  # (the words come normalised, in lower case)
    return bool(rest) and (all(w in COMPANY_SUFFIXES for w in rest) or club_like(named))


def _nested(names: list[list[str]]) -> list[str] | None:
    """The shortest of names that each begin with it ("X Energy", "X Energy Group")."""
    if not names:
        return None
    short = min(names, key=len)
    return short if all(n[: len(short)] == short for n in names) else None


def _members_of(word: str, longer: list[tuple[list[str], int]]) -> list[int]:
    """ "the Progressives" beside the "Progressive Alliance": a plural of the first word of
    one longer name names its members, that body."""
    found = [oi for otoks, oi in longer if word.endswith("s") and otoks[0] == word[:-1]]
    return found if len(found) == 1 else []


def short_org_forms(
    entities: list[Entity], found: list[Found], clipped: dict[int, int] | None = None
) -> dict[int, int]:
    """One-word organisations that are a longer organisation's short form: its first word
    when the longer name is used at least as often ("Deutsche" -> "Deutsche Bank", not
    "Facebook" -> "Facebook Research") or is that word and a head noun ("Cairn" -> "Cairn
    Energy"), or its last word when only one longer name ends
    so ("United" -> "Manchester United"): index -> longer."""
    uses = Counter(f.entity for f in found)
    # "Democrats" is not the end of "Liberal Democrats": a party's names are its own
    parties = {f.entity for f in found if f.party}
    longer = [
        (norm_name(e.name).split(), i)
        for i, e in enumerate(entities)
        if e.kind == "organisation" and len(norm_name(e.name).split()) > 1
    ]
    remap: dict[int, int] = {}
    if clipped is None:  # ("Man Utd" and "Manchester Utd" end one name)
        clipped = clipped_forms(entities)
    for i, e in enumerate(entities):
        toks = norm_name(e.name).split()
        if e.kind != "organisation" or len(toks) != 1:
            continue
        begins = [oi for otoks, oi in longer if otoks[0] == toks[0] and uses[oi] >= uses[i]]
        ends = [oi for otoks, oi in longer if otoks[-1] == toks[0] and oi not in parties]
        ends = sorted({clipped.get(oi, oi) for oi in ends})
        suffixed = _nested(
            [otoks for otoks, _oi in longer if otoks[:1] == toks and _suffixed(otoks)]
        )
        if not ends:  # "Telegraph" beside "Daily Telegraph" is not "Telegraph Group"
            begins = begins or [oi for otoks, oi in longer if otoks == suffixed]
            if i not in parties:  # (not "Conservatives" to "Conservative Party Conference")
                begins = begins or _members_of(toks[0], longer)
        if begins:
            remap[i] = begins[0]
        elif len(ends) == 1 and i not in parties:
            remap[i] = ends[0]
    return remap


def clipped_forms(entities: list[Entity]) -> dict[int, int]:
    """Organisations written with clipped words: each word of "Man Utd" begins with, and
    keeps in order the letters of, the word of one longer name of as many words
    ("Manchester United"); one word clipped from an adjective that begins one longer name
    ("Fed": "Federal Reserve"): index -> longer."""
    orgs = [
        (norm_name(e.name).split(), i) for i, e in enumerate(entities) if e.kind == "organisation"
    ]
    remap: dict[int, int] = {}
    for toks, i in orgs:
        found = [j for otoks, j in orgs if j != i and _clipped(toks, otoks)]
        if len(found) == 1:
            remap[i] = found[0]
    return remap


def _clipped(short: list[str], long: list[str]) -> bool:
    if len(short) == 1 < len(long):
        word, first = short[0], long[0]
        clipped = first != word and first.startswith(word) and _letters_kept(word, first)
        return len(word) >= 3 and clipped and first in adjectives()
    if len(short) < 2 or len(short) != len(long) or short == long:
        return False  # (one word against one: a plural or a misspelling, spelling_variants)
    return all(_letters_kept(s, w) for s, w in zip(short, long, strict=True))


def _letters_kept(short: str, word: str) -> bool:
    """ "utd" of "united": the same first letter, then the rest in order (not a word and its
    derived adjective: "America", "American")."""
    if not short or not word or short[0] != word[0] or len(short) > len(word):
        return False
    if word != short and word.startswith(short) and word[len(short) :] in _DERIVING:
        return False
    rest = iter(word[1:])
    return all(c in rest for c in short[1:])


_DERIVING = frozenset({"n", "an", "ian", "ic", "al", "ial", "ional", "ish", "ese", "i", "s"})


def short_forms_read_as_people(entities: list[Entity]) -> dict[int, int]:
    """A name of two words or more taken for a person, with no given name first, that
    begins the name of one longer organisation of the article ("Northfield Ridge said"
    beside "Northfield Ridge Property Management") is that organisation's short form:
    index -> organisation."""
    orgs = [
        (norm_name(e.name).split(), i) for i, e in enumerate(entities) if e.kind == "organisation"
    ]
    remap: dict[int, int] = {}
    for i, e in enumerate(entities):
        toks = norm_name(e.name).split()
        if e.kind != "person" or len(toks) < 2 or is_given_name(e.name.split()[0]):
            continue
        longer = [j for otoks, j in orgs if len(otoks) > len(toks) and otoks[: len(toks)] == toks]
        if len(longer) == 1:
            remap[i] = longer[0]
    return remap


def spelling_variants(entities: list[Entity], found: list[Found]) -> dict[int, int]:
    """Two organisations of several words whose names differ only by a plural "s" on one
    word ("Disaster Emergency Committee" beside "Disasters Emergency Committee") or by a
    legal suffix ("Norland Foods Inc." beside "Norland Foods") are one: the less used joins
    the more used (ties: the first named)."""
    uses = Counter(f.entity for f in found)
    by_form: dict[tuple[str, ...], list[int]] = {}
    for i, e in enumerate(entities):
        toks = norm_name(e.name).split()
        if len(toks) > 2 and toks[-1] in LEGAL_SUFFIXES:
            toks = toks[:-1]
        if e.kind == "organisation" and len(toks) > 1:
            by_form.setdefault(tuple(t.removesuffix("s") for t in toks), []).append(i)
    remap: dict[int, int] = {}
    for same in by_form.values():
        keep = max(same, key=lambda i: (uses[i], -i))
        remap.update({i: keep for i in same if i != keep})
    return remap


def _titled_acronym(name: str) -> bool:
    """An acronym written as a word ("Nato", "Sepa"): one capital, then lower case; it only
    joins a name of three words or more whose initials it spells."""
    return " " not in name and 3 <= len(name) <= 6 and name.isalpha() and name.istitle()


def acronym_forms(entities: list[Entity], remap: dict[int, int]) -> dict[int, int]:
    """An organisation named by its acronym joins the one organisation of the article whose
    name it abbreviates ("IMF" -> "International Monetary Fund", "Sepa" -> "Scottish
    Environment Protection Agency"): index -> full name."""
    orgs = [i for i, e in enumerate(entities) if e.kind == "organisation" and i not in remap]
    out: dict[int, int] = {}
    for i in orgs:
        name = entities[i].name
        if not (is_acronym(name) or _titled_acronym(name)):
            continue
        short = name.replace(".", "").upper()
        full = [
            j
            for j in orgs
            if j != i
            and not is_acronym(entities[j].name)
            and short in initials(entities[j].name)
            and (is_acronym(name) or len(entities[j].name.split()) >= 3)
        ]
        if len(full) == 1:
            out[i] = full[0]
    return out


def merged(entities: list[Entity], remap: dict[int, int]) -> tuple[list[Entity], list[int]]:
    """The entities left after `remap` and every old index's new index."""
    final: list[Entity] = []
    new_index: dict[int, int] = {}
    for i, e in enumerate(entities):
        if i not in remap:
            new_index[i] = len(final)
            final.append(e)
    for i, tgt in remap.items():
        new_index[i] = new_index[tgt]
        target = entities[tgt]
        target.aliases.extend(a for a in entities[i].aliases if a not in target.aliases)
    for e in final:  # "the International Monetary Fund (IMF)": its acronym is no role
        e.roles = [r for r in e.roles if r not in e.aliases and not _abbreviates(r, e.name)]
    return final, [new_index[i] for i in range(len(entities))]


def _abbreviates(short: str, name: str) -> bool:
    return is_acronym(short) and short.replace(".", "").upper() in initials(name)
