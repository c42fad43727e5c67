"""Step 1: candidate spans. The model's PERSON and ORG spans with their boundaries
corrected (titles, possessives, credits, particles), plus names the model missed."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from spacy.tokens import Doc, Span, Token

from app.annotate.entities.body_names import body_name_end, names_an_office, recover_clubs
from app.annotate.entities.lexicon import (
    AGENCIES,
    CONNECT,
    GIVEN_NAMES_F,
    GIVEN_NAMES_M,
    HONORIFICS,
    INNER_TITLES,
    KIN_NOUNS,
    NAME_PARTICLES,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    PAPER_HEADS,
    PARTY_WORDS,
    PEER_TITLES,
    POST_NOMINALS,
    ROLE_AFTER_ORG,
    ROLE_LIKE,
    SAINT_WORDS,
)
from app.annotate.entities.parties import (
    is_party_word,
    names_a_member,
    names_a_portfolio,
    party_name,
    party_spans,
)
from app.annotate.entities.result import Found
from app.annotate.entities.roles import role_before
from app.annotate.entities.vocabulary import (
    adjectives,
    club_like,
    common_noun_or_plural,
    common_nouns,
    english_word,
    follows_a_full_name,
    inside_a_name,
    is_cap,
    modifier_left_out,
    name_token,
    names_a_body,
    org_like,
    plural_of_a_noun,
    role_noun,
    span_text,
    verbs,
)
from app.annotate.given_names import gender_of, is_given_name
from app.annotate.names import (
    DEMONYM_NOUNS,
    ROLE_MODIFIERS,
    TITLE_WORDS,
    is_title_word,
    norm_name,
    norm_token,
    strip_possessive,
    words,
)
from app.annotate.nlp import tokens_where


def hyphen_start(doc: Doc, start: int) -> int:
    """The start of a name whose given name is hyphenated, from its last part: "Jean-" of
    "Jean-François Roberge" (the tokenizer splits the hyphen off)."""
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and is_given_name(doc[start - 2].text + "-" + doc[start].text)
    ):
        start -= 2
    return start


def extend_person(doc: Doc, start: int, end: int) -> tuple[int, int]:
    start = hyphen_start(doc, start)
    # hyphenated tails: "Shin Won-sik"
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        if doc[end + 1].is_alpha and not doc[end].whitespace_:
            end += 2
        else:
            break
    while start > 0 and name_token(doc[start - 1]) and doc[start - 1].whitespace_:
        if start - 1 < len(doc) and doc[start - 1].ent_iob_ == "B" and doc[start - 1].ent_type_:
            break
        start -= 1
    # lowercase particles inside a name: "Erik ten Hag", "Ursula von der Leyen"
    while (
        end + 1 < len(doc)
        and doc[end].lower_ in NAME_PARTICLES
        and doc[end].text.islower()
        and is_cap(doc[end + 1])
        and doc[end + 1].pos_ == "PROPN"
    ):
        end += 2
        while end < len(doc) and doc[end - 1].lower_ in ("der", "den") and is_cap(doc[end]):
            end += 1
    # a capitalised particle the model ended the name on: "[Joop Ter] Braak" (whatever the
    # model labelled the surname)
    if start < end - 1 < len(doc) - 1 and doc[end - 1].lower_ in NAME_PARTICLES:
        end += int(is_cap(doc[end]) and doc[end].pos_ == "PROPN" and doc[end - 1].whitespace_ != "")
    while end < len(doc) and doc[end - 1].whitespace_:
        given_alone = _given_alone(doc, start, end)
        if not name_token(doc[end], any_label=given_alone):
            break
        if doc[end].ent_type_ and doc[end].ent_type_ != "PERSON" and not given_alone:
            break
        if doc[end - 1].tag_ == "POS" and doc[start].lower_ not in ("st", "st.", "saint"):
            break  # "Andrea Horwath's [New Democrats]" (not "St Fintian's High School")
        end += 1
    return start, end


def _given_alone(doc: Doc, start: int, end: int) -> bool:
    """The name so far is one hyphenated given name ("Hyun-woo", "Mei-lin"): the capitalised
    word after it is the surname, whatever the model labelled it."""
    parts = doc[start:end]
    return (
        len(parts) == 3
        and parts[1].text == "-"
        and not parts[0].whitespace_
        and not parts[1].whitespace_
        and parts[2].is_lower
        and parts[2].pos_ in ("NOUN", "PROPN")  # (not "Oscar-nominated")
        and doc[end].pos_ == "PROPN"
    )


_STYLE = re.compile(r"-(?:style|esque|like|era|inspired|type)$")
DEMONYM_NOUN = re.compile(r"[A-Z][a-z]+(?:man|woman)")


def _leading_descriptor(doc: Doc, start: int, end: int) -> bool:
    """A sentence's first word that describes the organisation named after it."""
    first = doc[start]
    if end - start < 2 or not first.is_sent_start or first.lower_ not in ORG_DESCRIPTORS:
        return False
    nxt = doc[start + 1]
    return nxt.text[:1].isupper() and nxt.is_alpha


def strip_span(doc: Doc, start: int, end: int, person: bool) -> tuple[int, int, list[str]]:
    """Drop leading "the"/titles and a trailing possessive; return dropped title tokens."""
    titles: list[str] = []
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    if end - start > 2 and doc[start].lower_ in ("ex", "former") and doc[start + 1].text == "-":
        start += 2  # "ex-Yukos boss": the firm is Yukos
    if person and end - start > 2 and DEMONYM_NOUN.fullmatch(doc[start].text):
        start += 1  # "Dutchman Arnoud Okken": a nationality's noun, not part of the name
    if not person and _leading_descriptor(doc, start, end):
        start += 1  # "Bookmakers Ladbrokes said": the firm is Ladbrokes
    if person:
        last_title = -1
        for i in range(start, end - 1):
            low = norm_token(doc[i].text)
            if low in TITLE_WORDS or (low in PARTY_WORDS and is_party_word(doc[i].text)):
                last_title = i  # "Tory MP Liam Fox", "Labour's Jane Roe"
            elif (
                low not in ROLE_MODIFIERS
                and doc[i].ent_type_ not in ("GPE", "NORP")
                and (last_title >= 0 or i > start)
            ):
                break
        if last_title >= 0:
            titles = [t.text for t in doc[start : last_title + 1]]
            start = last_title + 1
    while (end > start and doc[end - 1].tag_ == "POS") or (
        end > start and doc[end - 1].text in ("'", "’", "'s", "’s")
    ):
        end -= 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in (".",):
        end -= 1
    return start, end, titles


_DAYS = words("monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday")


def _dated(doc: Doc, i: int, e: int) -> bool:
    """A day after a preposition: "on Monday" ends a name the model ran on."""
    return i < e and (doc[i].lower_ in _DAYS or doc[i].ent_type_ in ("DATE", "TIME"))


def cut_span(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Cut a span at a line break, a slash (photo credits), a comma or a spaced dash (two
    names in a list: "Blur, Oasis", "Buzzcocks - Ever Fallen"; not in a name ending in an
    organisation's head or holding a list: "Acquisition, Technology and Logistics Agency",
    "Department for Culture, Media and Sport") or an inner possessive."""
    listed = not org_like([doc[e - 1].text]) and not any(
        t.lower_ in ("and", "&") for t in doc[s:e]
    )  # "Culture, Media and Sport": the comma of a list inside the name
    for i in range(s, e):
        t = doc[i]
        if "\n" in t.text or t.is_space or t.text in ("/", "|", "(", ")"):
            return s, i
        if i > s and t.is_lower and t.pos_ == "ADP" and _dated(doc, i + 1, e):
            return s, i  # "the Commons on Monday"
        if t.text == "," and listed:
            return s, i
        if i > s and t.text in ("-", "–", "—") and doc[i - 1].whitespace_:
            return s, i
        if "/" in t.text:
            return s, i + (1 if t.text.split("/")[0] else 0)
        if i + 1 < e and ("\n" in t.whitespace_):
            return s, i + 1
        if t.tag_ == "POS" and i + 1 < e and not _in_an_org_name(doc, i, e):
            # "Vancouver's Bo Horvat": the name follows the possessive
            return cut_span(doc, i + 1, e)
    return s, e


def _not_a_first_word(t: Token) -> bool:
    """A capitalised word before a name that is no part of it: a verb or function word
    ("Vote Blair", "Without Charles"), or, at a sentence start, as a nationality or
    hyphenated, an English noun or adjective ("Comedian Harry Hill", "Australian
    Johnson", "Oscar-nominated Owen"). Never a first name."""
    if is_given_name(t.text) or t.lower_ in GIVEN_NAMES_M | GIVEN_NAMES_F:
        return False
    low = t.lower_
    if t.is_stop or t.tag_ in ("IN", "DT", "RB", "MD") or low in verbs():
        return True
    if "-" in t.text and t.text.split("-")[-1][:1].islower():
        return True  # "Oscar-nominated", "Glasgow-based": names capitalise every part
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if nxt is not None and nxt.is_lower and nxt.lower_ not in NAME_PARTICLES:
        return True  # "Wales physio Mark Davies": a role phrase, not a name
    # at a sentence start only before a full name: "Tiger Woods" keeps its first word
    long_name = t.i + 2 < len(t.doc) and t.doc[t.i + 2].text[:1].isupper()
    placed = (t.is_sent_start and long_name) or t.ent_type_ == "NORP" or "-" in t.text
    lemma = low.removesuffix("s")
    return placed and (low in common_nouns() or low in adjectives() or lemma in common_nouns())


def trim_person(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Drop leading words that are not part of a name ("Organizer Dwayne Croteau") and
    letters after it ("Philippe Sands QC")."""
    nouns = common_nouns()
    while e - s >= 2:
        t = doc[s]
        low = t.lower_
        if e - s >= 4 and doc[s + 1].text == "-" and _participle(doc[s + 2]):
            s += 3  # "Oscar-nominated Owen", "Paris-based Jo Roe": a description
            continue
        if _demonym(t) and (e - s >= 3 or not is_given_name(t.text)):
            s += 1  # "Scot Nick Smith", "Australian Johnson" (not "Dane Cook")
            continue
        if (
            (t.tag_ not in ("NNP", "NNPS") and not t.text[:1].isupper())
            or (t.tag_ in ("VBG", "VBD", "VBN", "VBZ", "VB", "JJ", "RB") and e - s >= 2)
            or (_not_a_first_word(t) and not any(x.is_lower for x in doc[s:e]))
            or (
                len(doc[s:e].text.split()) >= 3
                and low not in GIVEN_NAMES_M | GIVEN_NAMES_F
                and not doc[s + 1].text.islower()
                and (low in adjectives() or low.endswith(("er", "or", "ist", "yst")))
            )
            or (
                len(doc[s:e].text.split()) >= 3
                and low in nouns
                and low not in GIVEN_NAMES_M | GIVEN_NAMES_F
                and not doc[s + 1].text.islower()
                and (
                    low in ROLE_LIKE
                    or low.endswith(("er", "or", "ist", "yst", "ion", "ions", "ent", "ant"))
                )
            )
        ):
            s += 1
        else:
            break
    while e - s > 2 and doc[e - 1].text.upper() in POST_NOMINALS:
        e -= 1  # "Philippe Sands QC", "Jane Roe OBE": letters after the name
    return s, e


_PARTICIPLE = ("ed", "ing", "born", "based")


def _participle(t: Token) -> bool:
    """The lower-case participle of a hyphened description ("-nominated", "-based"; not the
    "Ling" of "Mei-Ling")."""
    return t.text.islower() and t.lower_.endswith(_PARTICIPLE)


def _demonym(t: Token) -> bool:
    """A nationality or a following before a name ("Scot", "Australian", "Blairite")."""
    low = t.lower_
    if not t.text[:1].isupper():
        return False
    demonym = low in DEMONYM_NOUNS and low != "brit"  # (not "Brit Award")
    return t.ent_type_ == "NORP" or demonym or (low.endswith("ite") and len(low) > 5)


def clean_person_name(name: str) -> str:
    # nicknames in quotes: Riefian "Ifan" Fajarsyah
    name = re.sub(r"\s*[\"“”‘’'][^\"“”‘’']{1,20}[\"“”‘’']\s*", " ", name).strip()
    name = re.sub(r"[\"“”‘’]", "", name)
    return " ".join(name.split())


def _names_something(span: Span) -> bool:
    """Words that can name an organisation alone: not only the modifiers of a title."""
    return any(t.text[:1].isupper() and t.lower_ not in ROLE_MODIFIERS for t in span)


def cut_org(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Cut credits glued to a name ("Canadian Press Thunder Bay Police"), trailing people
    ("Huawei CFO Meng") and a trailing member's title ("UK Independence Party MEP": the
    party, not "Home Secretary"); the titles after "of the" name an office ("the Office of
    the Chief Minister") and stay."""
    while (
        not names_an_office(doc, s, e)
        and e - s > 1
        and is_title_word(doc[e - 1].text)
        and _names_something(doc[s : e - 1])
        and doc[e - 2].text[:1].isupper()  # not "the Office of the Deputy": cut mid-name
    ):
        e -= 1
    e -= _score_at_end(doc, s, e)  # "beat the Halifax Rovers 4-2": no part of the name
    text = doc[s:e].text
    for agency in AGENCIES:
        if text.startswith(agency) and len(text) > len(agency) + 1:
            k = s
            while k < e and doc[k].idx < doc[s].idx + len(agency):
                k += 1
            return s, k
    for i in range(s + 1, e - 1):
        if (
            norm_token(doc[i].text) in INNER_TITLES
            and doc[i].text[:1].isupper()
            and doc[i + 1].ent_type_ in ("PERSON", "ORG")
            and doc[i + 1].pos_ == "PROPN"
            and doc[i + 1].lower_ not in ORG_HEADS
        ):
            return s, i
    return s, e


_SCORE = re.compile(r"\d+[-–]\d+")


def _score_at_end(doc: Doc, s: int, e: int) -> int:
    """How many tokens at the end of a name are a result ("4-2", as one token or three)."""
    if e - s > 1 and _SCORE.fullmatch(doc[e - 1].text):
        return 1
    if e - s > 3 and _SCORE.fullmatch(doc[e - 3 : e].text.replace(" ", "")):
        return 3
    return 0


def split_possessive_org(doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
    for i in range(s + 1, e - 1):
        if doc[i].tag_ == "POS" and doc[i - 1].lower_ in ORG_HEADS:
            left = (s, i)
            right = (i + 1, e)
            if org_like([t.text for t in doc[right[0] : right[1]]]) or any(
                doc[k].lower_ in ORG_HEADS for k in range(*right)
            ):
                return [left, right]
    return [(s, e)]


def recover_orgs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Capitalised multi-word phrases ending in an organisation head word."""
    out: list[tuple[int, int]] = []
    i = 0
    n = len(doc)
    while i < n:
        t = doc[i]
        if (t.lower_ in ORG_HEADS or t.lower_ in PAPER_HEADS) and is_cap(t) and i not in taken:
            j = i
            while j - 1 >= 0:
                p = doc[j - 1]
                if is_cap(p) and not p.is_sent_start and p.ent_type_ not in ("DATE", "PERSON"):
                    j -= 1
                elif (
                    p.lower_ in CONNECT
                    or p.text in (",", "-")
                    or _plural_possessive(doc, j - 1)
                    or _saints_possessive(doc, j - 1)
                ):
                    # connectors only between capitalised words
                    if j - 2 >= 0 and is_cap(doc[j - 2]) and p.lower_ != "the":
                        j -= 1
                    else:
                        break
                elif is_cap(p) and p.is_sent_start:
                    j -= 1
                    break
                else:
                    break
            while j < i and (doc[j].lower_ in CONNECT or doc[j].is_punct):
                j += 1
            # "of X" tails: "Institute of Japan Studies"
            k = i + 1
            if k + 1 < n and doc[k].lower_ == "of" and is_cap(doc[k + 1]):
                k += 1
                while k < n and (
                    is_cap(doc[k])
                    or (doc[k].lower_ == "and" and is_cap(doc[k + 1] if k + 1 < n else doc[k]))
                    or (_saints_possessive(doc, k) and k + 1 < n and is_cap(doc[k + 1]))
                ):
                    place_ends = doc[k].ent_type_ == "GPE" and doc[k].ent_iob_ == "B"
                    if place_ends and k + 1 < n and not is_cap(doc[k + 1]):
                        break  # (a place's first word only: not "Guild of Great [Britain]")
                    if _title_or_name(doc, k):
                        break  # "Court of Queen's Bench Justice Vic Toews": a title, a name
                    k += 1
            else:
                k = i + 1
            multi = i > j or (doc[i].text[0].isupper() and i == j and k > i + 1)
            if multi and all(x not in taken for x in range(j, k)):
                out.append((j, k))
            i = k
            continue
        i += 1
    return out


def _title_or_name(doc: Doc, k: int) -> bool:
    """A person's name, or a title just before one, where an organisation's name ends (not
    "Queen" of "Queen's Bench")."""
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    if nxt is not None and _saints_possessive(doc, k + 1):
        return False
    titled = (
        norm_token(doc[k].text) in TITLE_WORDS and nxt is not None and nxt.ent_type_ == "PERSON"
    )
    return titled or doc[k].ent_type_ == "PERSON"


def _plural_possessive(doc: Doc, i: int) -> bool:
    """The possessive of a plural inside a name: "Nurses' Association", "Women's Institute",
    "Children's Aid Society" (not "Ontario's", which puts the name in a place)."""
    t = doc[i]
    if t.tag_ != "POS" or i == 0:
        return False
    before = doc[i - 1].lower_
    if before in _PLURALS_WITHOUT_S:
        return True
    # a common noun's plural ("Nurses'"), not a name ending in s ("Williams'", "Dickens'")
    return t.text in ("'", "’") and plural_of_a_noun(before)


def _saints_possessive(doc: Doc, i: int) -> bool:
    """The possessive of a saint's name, or of a sovereign's title, inside a name: "St.
    Michael's Hospital", "St Mary's College", "Court of Queen's Bench", "King's College"."""
    if doc[i].tag_ != "POS" or i < 1 or not is_cap(doc[i - 1]):
        return False
    return doc[i - 1].lower_ in _SOVEREIGNS or (i >= 2 and doc[i - 2].lower_ in SAINT_WORDS)


_SOVEREIGNS = frozenset({"queen", "king"})


def _in_an_org_name(doc: Doc, i: int, e: int) -> bool:
    """A plural's or a saint's possessive at ``i`` inside an organisation's name that goes on
    to its head word before ``e`` ("Ontario Nurses' Association", "St. Paul's Hospital"); or
    one after "of" ("Court of King's Bench")."""
    if i >= 3 and doc[i - 2].lower_ == "of" and is_cap(doc[i - 3]) and is_cap(doc[i - 1]):
        # (not "president of Climax's studio", nor a body of the first's own: "Bank of
        # Utopia's Rates Committee")
        return i + 1 < e and not any(doc[k].lower_ in ORG_HEADS for k in range(i + 1, e))
    plural = doc[i - 1].tag_ in ("NNS", "NNPS") and _plural_possessive(doc, i)  # not "Dubs'"
    if plural and i + 1 < e and all(is_cap(t) for t in doc[i + 1 : e]):
        # "Users' Forum" (not a band's "X' Emotional", cut from a work's title)
        named = not any(t.ent_type_ == "PERSON" for t in doc[i + 1 : e])
        if named and doc[e - 1].lower_ not in adjectives():
            return True
    inner = _plural_possessive(doc, i) or _saints_possessive(doc, i)
    return inner and any(doc[k].lower_ in ORG_HEADS for k in range(i + 1, e))


_PLURALS_WITHOUT_S = frozenset({"women", "men", "children", "people"})


# Descriptors that only ever stand before a firm's or an agency's name ("research firm X",
# "media buying company Y"); never a person's ("broadcaster", "publisher" can be).
_FIRM_WORDS = frozenset(
    (
        *("company", "firm", "group", "agency", "bank", "retailer", "carrier", "airline"),
        *("insurer", "lender", "maker", "manufacturer", "chain", "conglomerate", "consultancy"),
        "startup",
    )
)


_HOLDINGS = frozenset({"shares", "stake", "stock", "shareholders", "shareholder"})


def recover_described_orgs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names the model missed after a firm's descriptor: "according to media buying company
    GroupM", "research firm Gartner said", "shares of Shopify", "a stake in Ocado",
    "managing director of Petromatrix"."""
    firms = tokens_where(doc, "ORTH", lambda w: w in _FIRM_WORDS)  # lower case only
    held = [
        i
        for i in tokens_where(doc, "ORTH", lambda w: w in ("of", "in"))
        if i > 0 and (doc[i - 1].lower_ in _HOLDINGS or _post_of(doc, i))
    ]
    out: list[tuple[int, int]] = []
    for start in sorted(i + 1 for i in {*firms, *held}):
        k = start
        while (
            k < len(doc)
            and k - start < 3
            and k not in taken
            and doc[k].pos_ == "PROPN"
            and is_cap(doc[k])
            and not is_title_word(doc[k].text)
            and doc[k].ent_type_ not in ("PERSON", "GPE", "NORP", "DATE", "LOC")
        ):
            k += 1
        if k > start and not (_post_of(doc, start - 1) and _modifies_a_noun(doc, k)):
            out.append((start, k))
            taken.update(range(start, k))
    return out


def recover_place_named_bodies(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """A body named by a capitalised common noun before a place's name, which the model
    labels the place alone: "Statistics Norway", "Elections Ontario", "Transport Quebec"
    (not "Northern Ontario", "Mainland China": an adjective or a part of a place)."""
    out: list[tuple[int, int]] = []
    for ent in doc.ents:
        s, e = ent.start, ent.end
        if ent.label_ != "GPE" or len(ent) > 3 or s == 0 or any(i in taken for i in range(s, e)):
            continue
        mod = doc[s - 1]
        if (
            mod.dep_ == "compound"
            and s <= mod.head.i < e  # "Efficiency Nova Scotia"
            and (s - 1) not in taken
            and names_a_body(mod)
        ):
            out.append((s - 1, e))
    return out


def _modifies_a_noun(doc: Doc, k: int) -> bool:
    """The name before ``k`` qualifies a common noun or runs on ("chairman of P2P network
    X", "head of HIV/Aids"): a description, not the employer's name."""
    return k < len(doc) and (doc[k].text == "/" or (doc[k].pos_ == "NOUN" and doc[k].is_lower))


def _post_of(doc: Doc, i: int) -> bool:
    """ "managing director of X", "chief economist of X": a post in lower case before "of"
    (not before a department: "director of Finance")."""
    return (
        i > 0
        and doc[i].lower_ == "of"
        and doc[i - 1].text in ROLE_AFTER_ORG
        and i + 1 < len(doc)
        and doc[i + 1].lower_ not in ROLE_MODIFIERS
    )


def recover_employers(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names the model missed before a member's noun: "Arsenal manager Arsene Wenger", "a
    Fabrikam spokeswoman said" (the noun in lower case, the name not a title or a word)."""
    out: list[tuple[int, int]] = []
    names: set[str] | None = None
    for r in tokens_where(doc, "ORTH", lambda w: w in ROLE_AFTER_ORG):  # lower case only
        names = _mid_sentence_capitals(doc) if names is None else names
        k = r
        while k - 1 >= 0 and r - k < 3 and k - 1 not in taken and _employer_word(doc[k - 1], names):
            k -= 1
        if k == r or (r - k == 1 and is_given_name(doc[k].text)):
            continue
        if k > 0 and inside_a_name(doc[k - 1]):
            continue  # the end of a longer name ("Commission for Racial Equality chairman")
        out.append((k, r))
        taken.update(range(k, r))
    return out


def recover_employers_of(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names of two words or more the model missed after "<a person's full name> of": "Erin
    Roe of HUB Cycling" (where the person works; not "X of Italy" or a first name)."""
    out: list[tuple[int, int]] = []
    for i in tokens_where(doc, "ORTH", lambda w: w == "of"):
        if not follows_a_full_name(doc, i):
            continue
        k = i + 1
        while k < len(doc) and k - i <= 4 and k not in taken and _unlabelled_name(doc[k]):
            k += 1
        if k - i > 2 and not is_given_name(doc[i + 1].text):  # two words at least
            out.append((i + 1, k))
            taken.update(range(i + 1, k))
    return out


def _unlabelled_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and is_cap(tok) and not tok.ent_type_ and not is_title_word(tok.text)


def _mid_sentence_capitals(doc: Doc) -> set[str]:
    """Capitalised words used somewhere inside a sentence: names, not words a sentence's
    start happens to capitalise."""
    return {t.text for t in doc if not t.is_sent_start and is_cap(t)}


_TITLES_AND_MODIFIERS = TITLE_WORDS | ROLE_MODIFIERS


def _employer_word(tok: Token, names: set[str]) -> bool:
    """A capitalised word the model gave no label that is no title, adjective or short
    abbreviation ("PR", "IT") and, at a sentence's start, no common noun unless the text
    capitalises it elsewhere ("Spurs boss" beside "... against Spurs")."""
    low = tok.lower_
    return (
        is_cap(tok)
        and not tok.ent_type_
        and tok.pos_ in ("PROPN", "ADJ", "NOUN")
        and low not in _TITLES_AND_MODIFIERS
        and low not in adjectives()
        and not (tok.text.isupper() and len(tok.text) <= 2)
        and not (tok.is_sent_start and common_noun_or_plural(low) and tok.text not in names)
    )


def _bare_participle(verb: Token) -> bool:
    """ "Salt Year, released last October, was ...": a participle with no auxiliary is no
    verb its subject did, whatever the parser hung on it."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def recover_speaker_names(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names the model missed that speak ("..., Guenther Schuh, e.GO's founder, said"), or
    full names said to hold a role ("Piers Hale is senior officer at ...")."""
    from app.annotate.cues import SPEECH_VERBS

    out = []
    honoured = _honoured(doc)
    for i in tokens_where(doc, "DEP", lambda d: d == "nsubj"):
        t = doc[i]
        if t.pos_ != "PROPN" or t.i in taken:
            continue
        speaks = t.head.lemma_.lower() in SPEECH_VERBS and not _bare_participle(t.head)
        if not (speaks or _holds_a_role(t.head)):
            continue
        lo = t.i
        while lo - 1 >= 0 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].head.i == t.i:
            if not _name_word_shape(doc[lo - 1]) and role_noun(doc[lo - 1]):
                break  # ("spokesperson Ana Pike said": the role before the name)
            lo -= 1
        lo = hyphen_start(doc, lo)
        toks = doc[lo : t.i + 1]
        if len(toks) - 2 * _hyphens(toks) > 3 or any(x.i in taken for x in toks):
            continue
        first = toks[0]  # (a first name the model may take for a noun: "Piers")
        given = (
            len(toks) > 1
            and first.text[:1].isupper()
            and is_given_name(first.text)
            and first.lower_ not in TITLE_WORDS
        )
        titled = any(x.lower_ in TITLE_WORDS | ROLE_MODIFIERS for x in toks)
        if not speaks and (not given or titled):
            continue  # a role: only for a full name, not "General X", "the X Executive"
        if not (_plain_name_word(first, honoured) or given):
            if speaks and len(toks) == 1 and (full := _full_names_of(doc, t, loose=True)):
                out.extend([*full, (t.i, t.i + 1)])  # "Singh [GPE] said" beside "Jagmeet Singh"
                taken.update(i for a, b in full for i in range(a, b))
            continue
        if not all(_plain_name_word(x, honoured) or x.text == "-" for x in toks[1:]):
            continue
        if len(toks) > 1:
            out.append((lo, t.i + 1))
        elif full := _full_names_of(doc, t):  # "Poulter said" beside "Ian Poulter"
            new = [(a, b) for a, b in full if a not in taken and b - 1 not in taken]
            out.extend([*new, (t.i, t.i + 1)])
            taken.update(i for a, b in new for i in range(a, b))
    return out


def _name_word_shape(t: Token) -> bool:
    """Capitalised, a hyphen or a particle ("de", "van"): may be part of a name."""
    return t.text[:1].isupper() or t.text == "-" or t.lower_ in NAME_PARTICLES


def _hyphens(toks: Span) -> int:
    return sum(x.text == "-" for x in toks)


def _holds_a_role(verb: Token) -> bool:
    """ "is senior benefit officer", "was chairman": a copula with a role noun."""
    return verb.lemma_ == "be" and any(c.dep_ == "attr" and role_noun(c) for c in verb.children)


def _honoured(doc: Doc) -> set[str]:
    """Words that follow an honorific somewhere in the text ("Mr Katwala"): surnames."""
    found = tokens_where(doc, "ORTH", lambda w: w[:1].isupper() and norm_token(w) in HONORIFICS)
    return {doc[i + 1].text for i in found if i + 1 < len(doc)}


def _plain_name_word(x: Token, honoured: Collection[str] = ()) -> bool:
    """A capitalised proper noun the model took for no place or organisation (or, for a
    name whose words follow an honorific elsewhere in the text, whatever it took it for)."""
    labelled = x.ent_type_ in ("GPE", "NORP", "LOC", "ORG", "FAC")
    sibling = x.head if x.dep_ == "compound" else x
    return (
        x.pos_ == "PROPN"
        and x.text[:1].isupper()
        and x.text[1:].islower()
        and (not labelled or sibling.text in honoured)
        and not is_title_word(x.text)
        and x.lower_ not in ORG_HEADS
        and x.lower_ not in PAPER_HEADS
    )


def _full_names_of(doc: Doc, surname: Token, loose: bool = False) -> list[tuple[int, int]]:
    """Where the text gives a speaking surname its first name ("Ian Poulter's"); ``loose``
    (for a surname the model labels a place): a first name in the dictionary or not, but a
    capitalised word the model labels nothing and that is no common word ("Jagmeet Singh";
    not "Statistics Canada", "Hong Kong", "London Irish")."""
    out = []
    for i in tokens_where(doc, "ORTH", lambda w: w == surname.text):
        first = doc[i - 1] if i > 0 else None
        if first is None or first.pos_ != "PROPN" or not first.text[:1].isupper():
            continue
        if _unknown_first_name(first, doc[i]) if loose else _first_name(first.text):
            out.append((i - 1, i + 1))
    return out


_INITIALS = re.compile(r"(?:[A-Z]\.?){1,3}")


def _first_name(word: str) -> bool:
    """A given name in the dictionary, or initials ("JK", "J.K.") before a surname."""
    return is_given_name(word) or bool(_INITIALS.fullmatch(word))


def _unknown_first_name(first: Token, surname: Token) -> bool:
    low = first.lower_
    return (
        first.dep_ == "compound"
        and first.head.i == surname.i
        and first.ent_type_ in ("", "PERSON")
        and first.text[1:].islower()
        and not is_title_word(first.text)
        and low not in common_nouns()
        and low not in adjectives()
        and low not in ORG_HEADS
    )


_NON_NAME_LABELS = ("LAW", "FAC", "PRODUCT", "GPE", "LOC", "NORP", "EVENT", "WORK_OF_ART")


def _model_label(doc: Doc, ent: Span, surnames: Collection[str] = ()) -> str | None:
    """PERSON or ORG for a model span; other labels only when the words are an
    organisation's ("... Institute") or the Pentagon, or a given name and a surname that the
    model calls a person elsewhere (``surnames``)."""
    label = ent.label_
    words = [w for w in ent.text.split() if w.lower() != "the"]
    if (
        len(words) == 1
        and is_title_word(words[0])
        and ((words[0].isupper() and words[0].isalpha()) or _before_a_name(doc, ent.end))
    ):
        return None  # "no MLA should", "the CEO", "Coun. Jo Roe": an office, not a body
    if label in ("NORP", "PERSON", "ORG") and party_name(words):
        return "ORG"  # a party, whatever the model called it
    if label in ("GPE", "LOC", "FAC") and _given_and_known_surname(ent, surnames):
        return "PERSON"  # "over seventh seed Ines Moreau [LOC]. Moreau [PERSON] had ..."
    if label in ("GPE", "LOC", "FAC", "ORG") and (
        _named_after_a_role(doc, ent) or _set_beside_a_person(ent)
    ):
        return "PERSON"  # "told Day 6 host Brent Bambury [FAC]", "her sister, Nadia Ferrante,"
    if label in _NON_NAME_LABELS:
        if (org_like(ent.text.split()) and label != "NORP") or (
            label == "FAC" and norm_name(ent.text) in ("pentagon", "the pentagon")
        ):
            return "ORG"
        return None
    return label if label in ("PERSON", "ORG") else None


# Titles that only a person bears, whatever follows ("Cardinal X", "Rabbi X"): the
# honorifics but a peer's (which takes a place's name as often), clergy, professors, and
# police ranks and a councillor's title written short ("DCI X", "Sgt X", "Cllr X"; not "PC"
# or "DC": "PC World", "DC Comics").
_PERSON_TITLES = (HONORIFICS - PEER_TITLES) | words(
    """rev reverend fr father pastor rabbi imam bishop archbishop cardinal pope prof professor
    dci dcs wpc pcso sgt insp supt cllr"""
)


def _titled_person_start(doc: Doc, ent: Span) -> int | None:
    """Where a person's name starts that the model labelled an organisation after a title,
    with the given name it left out: "Cardinal [Cormac] Murphy-O'Connor", "Rabbi Ann Roe",
    "Const. Ann Roe"."""
    if len(ent.text.split()) > 4 or org_like(ent.text.split()):
        return None
    start = ent.start + int(_person_title(ent[0]))
    if start > ent.start:
        return start if start < ent.end else None
    k = ent.start - 1
    if k > 0 and is_cap(doc[k]) and not doc[k].ent_type_ and is_given_name(doc[k].text):
        k -= 1
    if k >= 0 and _person_title(doc[k]):
        return k + 1 if k + 1 < ent.start else ent.start
    return None


# Ranks written short with a dot ("Const.", "Sgt.", "Insp."), which no place or body takes.
_RANKS = words("const cst cpl det lt capt col maj gen cmdr")  # (sgt, insp, supt: above)


def _person_title(tok: Token) -> bool:
    word = norm_token(tok.text)
    return word in _PERSON_TITLES or (tok.text.endswith(".") and word in _RANKS)


# Offices a place or a body gives a person ("Brandon Mayor", "B.C. Premier", "Union President").
OFFICES = words(
    """mayor premier minister president senator governor councillor councilor chair chairman
    chairwoman chairperson ceo commissioner chief leader mp mpp mla mna mha mep msp td justice
    judge coroner"""
)


def _name_after_an_office(doc: Doc, ent: Span) -> int | None:
    """Where a person's name starts in a span the model labelled one place or body: after an
    office, a given name and a surname ("Brandon Mayor Lise Vandermeer"), not a body's name
    ("Premier League", "President Hotel")."""
    for k in range(ent.start, ent.end - 2):
        if not (is_cap(doc[k]) and norm_token(doc[k].text) in OFFICES):
            continue
        name = doc[k + 1 : ent.end]
        if _given_name_and_surname(name) and not _body_like(name):
            return k + 1
    return None


def _given_name_and_surname(span: Span) -> bool:
    """Two or three capitalised words (a hyphenated one counts once), a given name first."""
    return (
        2 <= len(span.text.split()) <= 3
        and is_given_name(span[0].text)
        and all(is_cap(t) or t.text == "-" for t in span)
    )


def _body_like(span: Span) -> bool:
    words = span.text.split()
    return org_like(words) or club_like(words)


def _named_after_a_role(doc: Doc, ent: Span) -> bool:
    """A given name and a surname right after a lower-case noun for what a person does
    ("host Brent Bambury", "coach Ana Ruiz"), whatever the model labelled them."""
    if ent.start == 0 or not _given_name_and_surname(ent):  # ("Dubé-Caron" is one word)
        return False
    before = doc[ent.start - 1]
    # (the tagger may take the noun for an adjective: "found receiver Ana Ruiz")
    role = role_noun(before, ("NOUN", "ADJ")) or before.lower_ in ROLE_AFTER_ORG | _HOSTS
    return before.is_lower and role and not _body_like(ent)


_HOSTS = frozenset({"host", "co-host", "anchor"})


def _set_beside_a_person(ent: Span) -> bool:
    """A given name and a surname in apposition to a lower-case noun for a person or a
    relative ("His sister and co-writer, Nadia Ferrante, said")."""
    head = ent.root.head
    return (
        ent.root.dep_ == "appos"
        and head.pos_ == "NOUN"
        and head.is_lower
        and (role_noun(head) or head.lower_ in KIN_NOUNS)
        and head.lower_ not in ORG_DESCRIPTORS  # "the carmaker, General Motors,"
        and _given_name_and_surname(ent)
        and not is_title_word(ent[0].text)
    )


def _given_and_known_surname(ent: Span, surnames: Collection[str]) -> bool:
    """Two name words, a given name then a word the model takes alone for a person."""
    return (
        len(ent) == 2 and ent[1].text in surnames and is_cap(ent[0]) and is_given_name(ent[0].text)
    )


def _unlabelled_subjects(doc: Doc) -> set[str]:
    """Capitalised words the model labels nothing that act alone as a verb's subject
    ("Mourinho has won"): a surname, when a given name comes before it elsewhere."""
    if not any(len(e) == 2 and e.label_ in ("GPE", "LOC", "FAC") for e in doc.ents):
        return set()  # (only a two-word place's last word is looked up)
    subjects = (doc[i] for i in tokens_where(doc, "DEP", lambda d: d == "nsubj"))
    return {
        t.text
        for t in subjects
        if t.pos_ == "PROPN"
        and not t.ent_type_
        and t.text[:1].isupper()
        and t.text[1:].islower()
        and not any(c.dep_ == "compound" for c in t.children)
        and (t.i == 0 or doc[t.i - 1].pos_ != "PROPN")
    }


def _cut_at_and(doc: Doc, s: int, e: int) -> bool:
    """A name of two words or more, no body's of its own, ending on a common noun before
    "and": "Canada Mortgage" (not "Ford", "the IMF", "Credit Suisse Group")."""
    words = doc[s:e]
    return (
        e < len(doc)
        and doc[e].lower_ in ("and", "&")
        and len(words) > 1
        and all(t.text[:1].isupper() and norm_token(t.text) not in ORG_HEADS for t in words)
        and doc[e - 1].lower_ in common_nouns()
        and not is_given_name(doc[s].text)
    )


def model_spans(doc: Doc, char_ok: Callable[[int], bool]) -> list[tuple[str, int, int]]:
    """The model's PERSON and ORG spans in the body, ORG fragments split by the model
    ("... Acquisition and" + "Sustainment Forum", "X" "of" "Y") joined."""
    merged: list[tuple[str, int, int]] = []
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1}
    surnames |= _unlabelled_subjects(doc)
    family = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    for ent in doc.ents:
        if not char_ok(ent.start_char) or (merged and ent.end <= merged[-1][2]):
            continue  # (or inside a name already run on: "Skills" of "... and Skills")
        office = _name_after_an_office(doc, ent) if ent.label_ != "PERSON" else None
        label = "PERSON" if office is not None else _model_label(doc, ent, surnames)
        opening = _opening_words(doc, ent) if label == "PERSON" else None
        if opening is not None:
            merged.append(("ORG", opening, ent.end))  # "Football Coaches' [Guild]"
            continue
        if label is None and _surname_cut_off(doc, ent, family):
            merged.append(("PERSON", ent.start - 1, ent.end))  # "Harjit [Singh: GPE] said"
        if label is None:
            continue
        titled = office or (_titled_person_start(doc, ent) if label == "ORG" else None)
        if titled is not None:
            merged.append(("PERSON", titled, ent.end))
            continue
        if merged and merged[-1][0] == "ORG" == label:
            last_end = merged[-1][2]
            if last_end + 1 == ent.start and _person_of(doc, merged[-1][1], last_end):
                merged[-1] = ("PERSON", merged[-1][1], last_end)  # "Jo Lavallée of X Bank"
            elif last_end == ent.start or (
                last_end + 1 == ent.start and doc[ent.start - 1].lower_ == "of"
            ):
                merged[-1] = ("ORG", merged[-1][1], ent.end)
                continue
        if label == "ORG" and _given_name_cut_off(doc, ent):
            merged.append(("PERSON", ent.start, ent.end + 1))  # "[Sophie] Lavallée said"
            continue
        start = ent.start - int(label == "ORG" and modifier_left_out(doc, ent.start, ent.end))
        end = _rest_after_and(doc, start, ent.end) if label == "ORG" else ent.end
        end = body_name_end(doc, start, end) if label == "ORG" else end
        if label == "ORG" and doc[end - 1].text == "Local" and end < len(doc):
            end += int(doc[end].like_num)  # "Amalgamated Transit Union Local 113"
        end += int(label == "ORG" and _cut_at_a_possessive(doc, start, end))
        merged.append((label, start, end))
    return merged


def _opening_words(doc: Doc, ent: Span) -> int | None:
    """Where a body's name starts whose head word alone the model took for a person's name,
    after a plural's possessive ("the Football Coaches' [Guild]")."""
    if (
        len(ent) != 1
        or ent[0].lower_ not in ORG_HEADS
        or not _plural_possessive(doc, ent.start - 1)
    ):
        return None
    k = ent.start - 1
    while k > 0 and is_cap(doc[k - 1]) and doc[k - 1].lower_ != "the" and ent.start - k < 4:
        k -= 1
    return k if k < ent.start - 1 else None


def _rest_after_and(doc: Doc, s: int, e: int) -> int:
    """The end of a body's name the model cut at "and", with the rest unlabelled: "[Canada
    Mortgage] and Housing Corporation"."""
    k = e + 1
    while k < len(doc) and doc[k].text[:1].isupper() and not doc[k].ent_type_ and k - e < 5:
        k += 1
    rest = doc[e + 1 : k]
    if k == e + 1 or not _cut_at_and(doc, s, e):
        return e
    body = norm_token(rest[-1].text) in ORG_HEADS and rest[0].lower_ in common_nouns()
    return k if body else e


def _cut_at_a_possessive(doc: Doc, s: int, e: int) -> bool:
    """ "[Court of King's] Bench": a body's name "X of Y's" that the model ended on the
    possessive, before the capitalised noun that ends it, when the possessive is one that
    stays inside a name (``_in_an_org_name``); not a title ("... 's Justice")."""
    if (
        e - s < 4
        or e >= len(doc)
        or doc[e - 1].tag_ != "POS"
        or not _in_an_org_name(doc, e - 1, e + 1)
    ):
        return False
    nxt = doc[e]
    if nxt.ent_type_:  # (labelled with the title and name after it: "[Bench Justice X Y]")
        after = next((x for x in doc.ents if x.start == e), None)
        if after is None or _name_after_an_office(doc, after) is None:
            return False
    return nxt.pos_ == "PROPN" and is_cap(nxt) and not is_title_word(nxt.text)


def _before_a_name(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a capitalised proper noun."""
    return i < len(doc) and doc[i].pos_ == "PROPN" and is_cap(doc[i])


def _surname_cut_off(doc: Doc, ent: Span, family: Collection[str]) -> bool:
    """A surname that ends a person's full name elsewhere in the text ("Nadia Singh"),
    labelled a place here, after a capitalised word the model labelled nothing and that is
    no English word or title: the given name of another of that family ("Harjit Singh")."""
    if len(ent) != 1 or ent.label_ not in ("GPE", "LOC", "FAC", "NORP") or ent.start == 0:
        return False
    first = doc[ent.start - 1]
    unknown = first.pos_ == "PROPN" and not first.ent_type_ and not english_word(first.lower_)
    return ent.text in family and unknown and is_cap(first) and not is_title_word(first.text)


def _given_name_cut_off(doc: Doc, ent: Span) -> bool:
    """A given name alone labelled an organisation, before a surname the model labelled
    nothing (``_given_then_surname``): a person's name cut in two."""
    if len(ent) != 1 or ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    return _given_then_surname(ent[0], nxt) and not nxt.ent_type_ and nxt.is_alpha


def _person_of(doc: Doc, s: int, e: int) -> bool:
    """A given name and a surname that is no given name or organisation's word either,
    before "of" and an organisation ("Sophie Lavallée of National Bank Financial"): a
    person and her employer, which the model may label one organisation."""
    if e - s != 2 or doc[e].lower_ != "of":
        return False
    surname = doc[s + 1]
    return (
        _given_then_surname(doc[s], surname)
        and not is_given_name(surname.text)
        and not org_like([surname.text])
    )


def _given_then_surname(given: Token, surname: Token) -> bool:
    """A given name of one gender, then a capitalised word no English word spells."""
    return (
        gender_of(given.text) is not None and is_cap(surname) and not english_word(surname.lower_)
    )


def _person_found(doc: Doc, s: int, e: int) -> list[Found]:
    paper = _paper_start(doc, s) if doc[e - 1].lower_ in PAPER_HEADS else e
    if paper < e - 1:
        return _org_found(doc, paper, e)  # "the Sunday Gazette [PERSON]"
    s, e = extend_person(doc, s, e)
    s, e = cut_span(doc, s, e)
    e -= _score_at_end(doc, s, e)  # "beat Joel Hartsell 8-7"
    s2, e2, titles = strip_span(doc, s, e, person=True)
    s2, e2 = trim_person(doc, s2, e2)
    name = clean_person_name(span_text(doc, s2, e2)) if s2 < e2 else ""
    if not name or not any(c.isupper() for c in name):
        return []  # "plasma screens": a name has a capital
    if len(name.split()) > 5 or any(c.isdigit() for c in name) or _STYLE.search(name):
        return []  # "a Janet Jackson-style stunt" names a manner, not the person
    role = " ".join(titles) if titles else None
    if role and all(norm_token(w) in HONORIFICS for w in titles):
        role = None
    return [Found("person", s2, e2, name, role_before(doc, s2) or role)]


def _paper_start(doc: Doc, s: int) -> int:
    """A newspaper's name goes back over the capitalised words before its head word, which
    the model may label a date ("the Sunday Gazette")."""
    while s > 0 and is_cap(doc[s - 1]) and doc[s - 1].lower_ != "the":
        s -= 1
    return s


def _org_found(doc: Doc, s: int, e: int) -> list[Found]:
    s, e = cut_span(doc, s, e)
    if _person_shaped(doc, s, e) or (e - s > 2 and doc[e - 1].text.upper() in POST_NOMINALS):
        # "B Cohen, C Sweeney": a team sheet, cut at the comma; "Philippe Sands QC"
        return _person_found(doc, s, e)
    s2, e2, titles = strip_span(doc, s, e, person=False)
    if s2 >= e2 or not any(c.isalpha() for c in span_text(doc, s2, e2)):
        return []
    role = " ".join(titles) if titles else None
    end = e2
    s2, e2 = cut_org(doc, s2, e2)
    if s2 >= e2:
        return []
    # "Huawei CFO Meng Wanzhou": the person after the title is a candidate of its own
    tail = _person_found(doc, e2 + 1, end) if e2 + 1 < end else []
    for f in tail:
        f.role = f.role or doc[e2].text
    parts = split_possessive_org(doc, s2, e2)  # "X University's Institute of Y": two
    if len(parts) > 1:
        return [Found("organisation", ps, pe, span_text(doc, ps, pe)) for ps, pe in parts] + tail
    return [Found("organisation", s2, e2, span_text(doc, s2, e2), role), *tail]


def _describes_a_person(doc: Doc, s: int, e: int) -> bool:
    """Party words that describe a person, not the party: a member ("the Kentucky
    Republican") or a portfolio ("Labour Minister X")."""
    return names_a_member(doc, s, e) or names_a_portfolio(doc, s, e)


def _party_found(doc: Doc, s: int, e: int) -> Found | None:
    """A model span in party words: the party, with its canonical name; a member word
    ("the Kentucky Republican") is no mention at all (an empty name)."""
    while s < e and doc[s].lower_ == "the":
        s += 1
    if s >= e:
        return None
    words = [strip_possessive(t.text) for t in doc[s:e] if t.tag_ != "POS"]
    name = party_name(words)
    if name is None:
        return None
    if _describes_a_person(doc, s, e):
        return Found("person", s, e, "")  # a description of a person, left to the speakers
    return Found("organisation", s, e, name, party=True)


def _split(doc: Doc, label: str, s: int, e: int) -> list[tuple[str, int, int]]:
    """A span that runs over a verb or an "or" or "v" is two names ("Bolton v Derby",
    "Henry joined Arsenal"); one that runs over a role is an organisation and a person
    ("Balco boss Victor Conte"); an organisation's that runs on into an honorific and a
    name is two ("GDC Mr Allard").  Pieces with no capital name nothing."""
    for k in range(s + 1, e - 1):
        if _separator(doc[k]):
            return [*_split(doc, label, s, k), *_split(doc, label, k + 1, e)]
        if _role_before_name(doc, k):
            first = _run_start(doc, k)
            return [*_split(doc, "ORG", s, first), *_split(doc, "PERSON", k + 1, e)]
    if not any(c.isupper() or c.isdigit() for c in doc[s:e].text):
        return []
    if label != "ORG" or e - s < 3:
        return [(label, s, e)]
    for k in range(s + 1, e - 1):
        named = doc[k + 1].text[:1].isupper() or _particle_before_name(doc, k + 1)
        if norm_token(doc[k].text) in HONORIFICS and named:
            return [("ORG", s, k), ("PERSON", k, e)]
    return [(label, s, e)]


_SEPARATORS = frozenset({"v", "v.", "vs", "vs.", "versus", "or"})


def _separator(t: Token) -> bool:
    """A word no name holds: an English verb or conjunction in lower case ("Henry joined
    X"); not a particle ("di", "et")."""
    if not (t.is_lower and t.is_alpha) or t.lower_ in NAME_PARTICLES | CONNECT:
        return False
    verb = t.pos_ in ("VERB", "AUX") and t.lemma_ in verbs()
    return verb or t.pos_ == "SCONJ" or t.lower_ in _SEPARATORS


def _role_before_name(doc: Doc, k: int) -> bool:
    """A lower-case noun between a capitalised word and a proper noun: "X boss Y"."""
    t, nxt = doc[k], doc[k + 1]
    return (
        t.is_lower
        and t.pos_ == "NOUN"
        and len(t) > 2  # not "et", "y"
        and t.lower_ not in NAME_PARTICLES | CONNECT
        and nxt.pos_ == "PROPN"
        and nxt.text[:1].isupper()
        and doc[_run_start(doc, k) - 1].text[:1].isupper()
    )


def _run_start(doc: Doc, k: int) -> int:
    """The first of the lower-case words that end at ``k`` ("chief executive")."""
    while k - 1 > 0 and doc[k - 1].is_lower and doc[k - 1].pos_ in ("ADJ", "NOUN"):
        k -= 1
    return k


def _person_shaped(doc: Doc, s: int, e: int) -> bool:
    """An honorific then a name ("Mr Ebbers"), an initial then a surname ("G Lamboley"), or
    one word after a given name the model left out ("Ann [Lindqvist]")."""
    if _given_name_before(doc, s, e):
        return True
    words = [t.text for t in doc[s:e] if t.text.lower() != "the" and not t.is_quote]
    if len(words) < 2:
        return False
    if norm_token(words[0]) in HONORIFICS:
        return True
    initial = len(words[0].rstrip(".")) == 1 and words[0][:1].isupper()
    return len(words) == 2 and initial and words[1][:1].isupper() and words[1][1:].islower()


def _given_name_before(doc: Doc, s: int, e: int) -> bool:
    """One capitalised word right after a given name that modifies it and has no label of
    its own: the surname of a person, whatever the model's label of the word alone."""
    if e - s != 1 or s == 0 or not doc[s].text[1:].islower():
        return False
    given = doc[s - 1]
    return (
        not given.ent_type_
        and given.is_title
        and bool(given.whitespace_)
        and given.dep_ == "compound"
        and given.head.i == s
        and given.pos_ == "PROPN"
        and not given.is_stop
        and is_given_name(given.text)
    )


def candidates(doc: Doc, char_ok: Callable[[int], bool]) -> list[Found]:
    """Every candidate mention in the body, in text order: the model's spans corrected,
    then party names, speaking names and organisation names the model missed."""
    found: list[Found] = []
    taken: set[int] = set()

    def add(f: Found) -> None:
        found.append(f)
        taken.update(range(f.start, f.end))

    pieces = [piece for span in model_spans(doc, char_ok) for piece in _split(doc, *span)]
    for label, s, e in pieces:
        if label == "ORG" and _person_shaped(doc, s, e):
            label = "PERSON"  # "Mr Ebbers", "G Lamboley": a person whatever the label
        party = _party_found(doc, s, e)
        if party is not None:
            if party.name:
                add(party)
            continue
        for f in (_person_found if label == "PERSON" else _org_found)(doc, s, e):
            add(f)
    for s, e, name in party_spans(doc, taken):
        if char_ok(doc[s].idx) and not _describes_a_person(doc, s, e):
            add(Found("organisation", s, e, name, party=True))
    for s, e in [*honorific_names(doc, taken), *given_and_surname(doc, taken)]:
        if char_ok(doc[s].idx):
            add(Found("person", s, e, span_text(doc, s, e)))
    for s, e in recover_speaker_names(doc, taken):
        s, e = trim_person(doc, s, e)
        if char_ok(doc[s].idx):
            add(Found("person", s, e, span_text(doc, s, e)))
    recovered = [*recover_orgs(doc, taken), *recover_described_orgs(doc, taken)]
    recovered += [*recover_employers(doc, taken), *recover_employers_of(doc, taken)]
    recovered += [*recover_place_named_bodies(doc, taken), *recover_clubs(doc, taken)]
    for s, e in recovered:
        if not char_ok(doc[s].idx):
            continue
        s2, e2, _ = strip_span(doc, s, e, person=False)
        if s2 < e2:
            add(Found("organisation", s2, e2, span_text(doc, s2, e2)))
    found.sort(key=lambda f: f.start)
    whole = _coordinated_bodies(doc, _bodies_named_whole(doc, found, taken))
    return _surname_not_party(doc, _joined_parties(doc, whole))


def _bodies_named_whole(doc: Doc, found: list[Found], taken: set[int]) -> list[Found]:
    """A name taken for a person's that a capitalised word before it makes the start of an
    organisation's name found elsewhere is that organisation ("High Plains Foods said"
    beside "High Plains Foods Ltd."; the first word read as an adjective at a sentence
    start)."""
    orgs = [f.name + " " for f in found if f.kind == "organisation"]
    out: list[Found] = []
    for f in found:
        prev = doc[f.start - 1] if f.start > 0 and f.kind == "person" else None
        if prev is not None and prev.i not in taken and prev.is_title and prev.whitespace_:
            whole = f"{prev.text} {f.name}"
            if any(name.startswith(whole + " ") for name in orgs):
                f = Found("organisation", f.start - 1, f.end, whole)
        out.append(f)
    return out


def _coordinated_bodies(doc: Doc, found: list[Found]) -> list[Found]:
    """ "an X Fish and Wildlife officer": capitalised words joined by "and" before a noun for
    someone's job are one body's name, however the model split it."""
    out: list[Found] = []
    joined_to = -1
    for f in found:
        if f.start < joined_to:
            continue  # a piece of the body just joined ("Wildlife")
        end = _joined_body_end(doc, f)
        if end is not None:
            f, joined_to = Found("organisation", f.start, end, doc[f.start : end].text), end
        out.append(f)
    return out


def _joined_body_end(doc: Doc, f: Found) -> int | None:
    """Where "X and Y job" ends Y, for a first part the model labelled a body."""
    k = f.end
    if k + 1 >= len(doc) or doc[k].lower_ != "and":
        return None
    end = k + 1
    while end < len(doc) and is_cap(doc[end]) and _plain_noun_in_a_name(doc[end]):
        end += 1
    job = k + 1 < end <= k + 4 and end < len(doc) and role_noun(doc[end])
    body = doc[f.start].ent_type_ == "ORG"  # the model saw a body in the first part
    return end if job and body and f.start > 0 and doc[f.start - 1].is_lower else None


def _plain_noun_in_a_name(t: Token) -> bool:
    """A capitalised common noun the model labelled nothing, or a body's word."""
    return t.pos_ != "ADJ" and t.ent_type_ in ("", "ORG") and english_word(t.lower_)


def _joined_parties(doc: Doc, found: list[Found]) -> list[Found]:
    """Adjacent party spans are one party ("Liberal" + "Democrat" spokeswoman)."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and prev.party and f.party and prev.end == f.start:
            name = party_name([t.text for t in doc[prev.start : f.end]])
            if name:
                out[-1] = Found("organisation", prev.start, f.end, name, party=True)
                continue
        out.append(f)
    return out


def _surname_not_party(doc: Doc, found: list[Found]) -> list[Found]:
    """A one-word party name that is a person's surname here is that person ("Damon
    Green" ... "Green said"), not the Greens."""
    surnames = {
        norm_name(f.name.split()[-1])
        for f in found
        if " " in f.name and (f.kind == "person" or is_given_name(f.name.split()[0]))
    }
    for k, f in enumerate(found):
        word = strip_possessive(doc[f.start].text)
        if f.party and f.end - f.start == 1 and norm_name(word) in surnames and party_name([word]):
            found[k] = Found("person", f.start, f.end, word)
    return found


def _particle_before_name(doc: Doc, i: int) -> bool:
    """ "de Vabres", "van Gaal": a name's particle, then a word of the name."""
    return (
        doc[i].lower_ in NAME_PARTICLES
        and i + 1 < len(doc)
        and name_token(doc[i + 1], any_label=True)
    )


def given_and_surname(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Two capitalised proper nouns the model labelled nothing, the first a given name and
    the second no English word ("Brad Marchand scored"): a person the model missed."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    for i in tokens_where(doc, "ORTH", lambda w: w[:1].isupper() and is_given_name(w)):
        if i + 1 >= n or i in taken or i + 1 in taken:
            continue
        first, last = doc[i], doc[i + 1]
        labelled = (first.ent_type_ or last.ent_type_) and not _person_set_off(doc, i)
        if labelled or first.pos_ != "PROPN" or last.pos_ != "PROPN":
            continue
        if not (is_cap(last) and last.is_alpha) or english_word(last.lower_):
            continue
        if first.text.isupper() or is_title_word(first.text) or first.lower_ in _NOT_GIVEN:
            continue  # "GO Werk", "Prince Edward", "San Andreas", "Van Persie"
        named_before = i > 0 and inside_a_name(doc[i - 1]) and not _role_word(doc[i - 1])
        if named_before or (i + 2 < n and inside_a_name(doc[i + 2])):
            continue  # part of a longer name (not "Boss Graeme Souness": a role before it)
        if english_word(first.lower_) and not _surname_alone(doc, last):
            continue  # "Save Betamax", "Man Utd": a word first needs the surname as a person
        out.append((i, i + 2))
    return out


def _person_set_off(doc: Doc, i: int) -> bool:
    """ "the party's chief whip, [Jo Roe]," that the model labelled one place: a given name
    and a surname set off after a common noun are a person's."""
    pair = doc[i : i + 2]
    one_place = pair[0].ent_iob_ == "B" and pair[1].ent_iob_ == "I" and pair.label_ == ""
    one_place = one_place and pair[0].ent_type_ in ("GPE", "LOC", "NORP")
    after = doc[i + 2] if i + 2 < len(doc) else None
    if not one_place or (after is not None and after.ent_iob_ == "I"):
        return False
    head = pair[1].head
    return pair[1].dep_ == "appos" and head.pos_ == "NOUN" and head.i < i


def _role_word(tok: Token) -> bool:
    """A capitalised role before a name ("Boss", "Coach", "President")."""
    return tok.lower_ in ROLE_AFTER_ORG or is_title_word(tok.text)


def _surname_alone(doc: Doc, surname: Token) -> bool:
    """The surname elsewhere on its own, labelled a person by the model."""
    return any(
        doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "B" and doc[k + 1].ent_iob_ != "I"
        for k in tokens_where(doc, "ORTH", surname.text.__eq__)
        if k != surname.i and k + 1 < len(doc)
    )


_NOT_GIVEN = NAME_PARTICLES | {"san", "santa", "santo", "st", "saint"}


def honorific_names(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names after an honorific that the model missed ("Mr Fennimore"): up to three
    capitalised words, always a person."""
    out: list[tuple[int, int]] = []
    for i in tokens_where(doc, "ORTH", lambda w: w[:1].isupper() and norm_token(w) in HONORIFICS):
        if i >= len(doc) - 1:
            break
        t = doc[i]
        end = t.i + 1
        while end < len(doc) and end - t.i <= 3 and end not in taken:
            if name_token(doc[end], any_label=True):
                end += 1
            elif _particle_before_name(doc, end):
                end += 2  # "Mr de Vabres", "Mr van Gaal"
            else:
                break
        if end > t.i + 1:
            out.append((t.i + 1, end))
            taken.update(range(t.i + 1, end))
    return out
