"""People and organisations: spaCy NER plus boundary, type and linking corrections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from app.annotate.names import (
    ROLE_MODIFIERS,
    TITLE_WORDS,
    is_title_word,
    norm_name,
    norm_token,
    org_key,
    person_key,
    strip_possessive,
    words,
)
from app.annotate.nlp import sentence_of
from app.annotate.types import Entity

# Last words that make a capitalised phrase an organisation name.
ORG_HEADS = words(
    """gmbh ag sa nv bv spa srl llp lp limited brewery winery
    agency ministry department university institute institution command council committee
    commission corporation corp company co inc ltd llc plc group bank association party
    court forum foundation authority office service services board academy college school
    hospital police force forces army navy bureau union federation organisation organization
    industries technologies systems airlines airways motors holdings partners society centre
    center league club network trust fund laboratory laboratories lab labs studios
    enterprises parliament congress senate assembly diet cabinet secretariat directorate
    administration commissariat tribunal inquiry coalition alliance movement front church
    mission clinic institutes universities ministries"""
)
# Phrases that look like organisations but name documents, events, products or places.
NON_ORG_HEADS = words(
    """strategy act law bill treaty agreement accord constitution charter declaration report
    plan doctrine protocol resolution code summit games olympics cup championship
    championships talks war election elections festival award awards prize missile missiles
    system region area island islands sea ocean river street road avenue square station
    airport bridge park day week month year budget index initiative program programme
    project scheme framework policy"""
)
PRODUCT_NOUNS = words(
    """missile missiles system systems rocket rockets jet jets fighter fighters aircraft plane
    planes helicopter helicopters tank tanks drone drones rifle rifles gun guns launcher
    launchers interceptor interceptors battery batteries vehicle vehicles car cars phone
    phones smartphone device devices app software console vaccine vaccines drug drugs pill
    tablet laptop chip chips engine engines"""
)
# Place names used as metonyms for governments; never organisations.
PLACE_METONYMS = words(
    """washington tokyo beijing moscow london paris brussels pyongyang seoul taipei ottawa
    canberra delhi berlin kyiv kiev tehran jerusalem ankara manila rome madrid hanoi bangkok
    jakarta islamabad kabul baghdad damascus cairo riyadh doha beirut havana caracas
    brasilia nairobi pretoria prc dprk rok usa us uk west"""
)
# Nouns naming a company/organisation in apposition ("contractors Lockheed Martin").
ORG_DESCRIPTORS = words(
    """company companies firm firms contractor contractors maker makers manufacturer
    manufacturers giant giants group groups retailer retailers bank banks carrier carriers
    airline airlines broadcaster broadcasters publisher publishers insurer insurers brand
    brands startup start-up developer developers supplier suppliers operator operators
    agency agencies newspaper newspapers network networks chain chains club clubs team teams
    lender lenders automaker automakers outlet outlets organization organisation"""
)
GIVEN_NAMES_M = words(
    """james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas doug zachary peter kyle ethan walter noah
    jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
    jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
    randy roy vincent ralph eugene russell bobby mason philip phil louis bill jim tom mike
    dave steve chris dan matt tony ben sam rob bob ted ian neil craig graham colin malcolm
    nigel trevor stuart derek barry gordon murray hamish ross liam connor owen luke lucas
    leo max oliver harry charlie jake alex justin pierre jean francois jacques michel andre
    luc marc mohammed mohammad muhammad ahmed ali omar hassan hussein ibrahim yusuf abdul
    rahm hiroshi takeshi kenji satoru akira xi li wang vladimir sergei dmitri ivan boris
    emmanuel angela"""
)
GIVEN_NAMES_F = words(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
    betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda
    pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
    catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
    christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa
    ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise
    amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
    marie kayla alexis lori jody jodie chrystia kathleen caroline claire fiona alison alyson
    allison jane jenny kate katie kathy cathy sue liz beth meg molly nadia yuni yoko theresa
    hillary melania nancy elena olga natasha tatiana svetlana anne sophie isabelle chloe zoe
    lucy ellie mia ava leah erin cindy wendy tina tanya sheila moyra dorie fouzia megan
    darian"""
)
ROLE_AFTER_ORG = words(
    """manager coach boss chief chairman chairwoman president ceo spokesman spokeswoman
    spokesperson striker captain owner director executive head founder analyst economist
    goalkeeper midfielder defender forward winger"""
)
NOT_PERSON_LAST = words(
    """square station bay street avenue road boulevard lane bridge harbour harbor island
    islands mountain lake river valley county township district centre center mall arena
    stadium field plaza hat falls heights invitational open classic championship tournament
    trophy series marathon foto photo photos images pictures story"""
)
LEGISLATURES = words("diet parliament congress senate assembly cabinet knesset duma bundestag")
ROLE_LIKE = words("press relations affairs media news staff")
PARTY_WORDS = words(
    """liberal liberals conservative conservatives tory tories democrat democrats democratic
    republican republicans labour green greens ndp socialist independent"""
)
HONORIFICS = words("""mr mrs ms miss mx mister dr sir dame madam""")
_CONNECT = frozenset({"of", "and", "for", "on", "the", "&", "de", "du", "des", "in"})


@dataclass(slots=True)
class Found:
    kind: str  # person / organisation
    start: int  # token indices, end exclusive
    end: int
    name: str  # surface text without titles / possessive / leading "the"
    role: str | None = None
    entity: int | None = None


@dataclass(slots=True)
class EntityResult:
    entities: list[Entity]
    mentions: list[tuple[int, int, int]]  # (entity index, char start, char end)
    token_entity: dict[int, int] = field(default_factory=dict)  # token index -> entity
    gender: dict[int, str] = field(default_factory=dict)  # entity -> "m"/"f"
    first_pos: dict[int, int] = field(default_factory=dict)


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def _name_token(tok: Token) -> bool:
    """A token that can be part of a person's name."""
    if not _is_cap(tok) or is_title_word(tok.text) or (tok.is_sent_start and tok.pos_ != "PROPN"):
        return False
    if tok.ent_type_ in ("GPE", "NORP", "LOC", "DATE", "ORG", "FAC", "TIME", "CARDINAL"):
        return False
    return (tok.pos_ == "PROPN" and not tok.text.isupper()) or (tok.text.isupper() and len(tok) > 1)


def _extend_person(doc: Doc, start: int, end: int) -> tuple[int, int]:
    # hyphenated tails: "Shin Won-sik"
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        if doc[end + 1].is_alpha and not doc[end].whitespace_:
            end += 2
        else:
            break
    while start > 0 and _name_token(doc[start - 1]) and doc[start - 1].whitespace_:
        if start - 1 < len(doc) and doc[start - 1].ent_iob_ == "B" and doc[start - 1].ent_type_:
            break
        start -= 1
    # lowercase particles inside a name: "Erik ten Hag", "Ursula von der Leyen"
    while (
        end + 1 < len(doc)
        and doc[end].lower_ in ("ten", "van", "von", "der", "de", "da", "di", "le", "la", "bin")
        and doc[end].text.islower()
        and _is_cap(doc[end + 1])
        and doc[end + 1].pos_ == "PROPN"
    ):
        end += 2
        while end < len(doc) and doc[end - 1].lower_ in ("der", "den") and _is_cap(doc[end]):
            end += 1
    while end < len(doc) and _name_token(doc[end]) and doc[end - 1].whitespace_:
        if doc[end].ent_type_ and doc[end].ent_type_ != "PERSON":
            break
        end += 1
    return start, end


def _strip_span(doc: Doc, start: int, end: int, person: bool) -> tuple[int, int, list[str]]:
    """Drop leading "the"/titles and a trailing possessive; return dropped title tokens."""
    titles: list[str] = []
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    if person:
        last_title = -1
        for i in range(start, end - 1):
            low = norm_token(doc[i].text)
            if low in TITLE_WORDS:
                last_title = i
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


def _cut_span(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Cut a span at a line break, a slash (photo credits) or an inner possessive."""
    for i in range(s, e):
        t = doc[i]
        if "\n" in t.text or t.is_space or t.text in ("/", "|", "(", ")"):
            return s, i
        if "/" in t.text:
            return s, i + (1 if t.text.split("/")[0] else 0)
        if i + 1 < e and ("\n" in t.whitespace_):
            return s, i + 1
        if t.tag_ == "POS" and i + 1 < e:
            # "Vancouver's Bo Horvat": the name follows the possessive
            return _cut_span(doc, i + 1, e)
    return s, e


_NOUN_INDEX: set[str] | None = None


def _common_nouns(doc: Doc) -> set[str]:
    global _NOUN_INDEX
    if _NOUN_INDEX is None:
        words: set[str] = set()
        try:
            from app.annotate.nlp import get_nlp

            lem = get_nlp().get_pipe("lemmatizer")
            idx = lem.lookups.get_table("lemma_index")
            words = set(idx["noun"])
        except Exception:  # pragma: no cover - model without lookups
            words = set()
        _NOUN_INDEX = words - GIVEN_NAMES_M - GIVEN_NAMES_F
    return _NOUN_INDEX


_ADJ_INDEX: set[str] | None = None


def _adjectives() -> set[str]:
    global _ADJ_INDEX
    if _ADJ_INDEX is None:
        try:
            from app.annotate.nlp import get_nlp

            idx = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
            _ADJ_INDEX = set(idx["adj"]) - GIVEN_NAMES_M - GIVEN_NAMES_F
        except Exception:  # pragma: no cover - model without lookups
            _ADJ_INDEX = set()
    return _ADJ_INDEX


def _trim_person(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Drop leading words that are not part of a name ("Organizer Dwayne Croteau")."""
    nouns = _common_nouns(doc)
    while e - s >= 2:
        t = doc[s]
        low = t.lower_
        if (
            (t.tag_ not in ("NNP", "NNPS") and not t.text[:1].isupper())
            or (t.tag_ in ("VBG", "VBD", "VBN", "VBZ", "VB", "JJ", "RB") and e - s >= 2)
            or (
                len(doc[s:e].text.split()) >= 3
                and low not in GIVEN_NAMES_M | GIVEN_NAMES_F
                and not doc[s + 1].text.islower()
                and (low in _adjectives() or low.endswith(("er", "or", "ist", "yst")))
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
    return s, e


def _clean_person_name(name: str) -> str:
    # nicknames in quotes: Riefian "Ifan" Fajarsyah
    name = re.sub(r"\s*[\"“”‘’'][^\"“”‘’']{1,20}[\"“”‘’']\s*", " ", name).strip()
    name = re.sub(r"[\"“”‘’]", "", name)
    return " ".join(name.split())


def _span_text(doc: Doc, start: int, end: int) -> str:
    if start >= end:
        return ""
    return strip_possessive(doc[start:end].text)


def _role_before(doc: Doc, start: int) -> str | None:
    """Title phrase just before a name: "U.S. Ambassador to Japan" Rahm Emanuel."""
    i = start - 1
    sent_start = sentence_of(doc[start]).start if start < len(doc) else 0
    words: list[int] = []
    while i >= sent_start:
        t = doc[i]
        if t.is_punct and t.text not in ("-", "."):
            break
        if t.lower_ == "and" and i > sent_start and doc[i - 1].ent_type_ == "PERSON":
            break  # "Minister Yoko Kamikawa and Defence Minister X": not one title
        if (
            _is_cap(t)
            or t.lower_ in ("to", "of", "for", "and", "'s", "’s", "-")
            or (t.lower_ in ("former", "then", "deputy", "acting", "interim", "vice"))
        ):
            words.append(i)
            i -= 1
            continue
        break
    while words and doc[words[-1]].lower_ in ("to", "of", "for", "and", "-", "'s", "’s"):
        words.pop()
    if not words:
        return None
    lo, hi = words[-1], words[0] + 1
    if not any(norm_token(doc[k].text) in TITLE_WORDS for k in range(lo, hi)):
        return None
    if all(norm_token(doc[k].text) in HONORIFICS for k in range(lo, hi)):
        return None
    # begin at the first capitalised or role word
    text = doc[lo:hi].text
    return text if len(text) < 120 else None


def _appositive_role(doc: Doc, start: int, end: int) -> str | None:
    head = doc[start:end].root
    for child in head.children:
        if child.dep_ == "appos" and child.i >= end and child.pos_ in ("NOUN", "PROPN"):
            sub = list(child.subtree)
            lo, hi = sub[0].i, sub[-1].i + 1
            while lo < hi and doc[lo].lower_ in ("a", "an", "the", ","):
                lo += 1
            while hi > lo and doc[hi - 1].is_punct:
                hi -= 1
            if child.ent_type_ in ("PERSON", "GPE", "ORG") and child.pos_ == "PROPN":
                continue
            text = doc[lo:hi].text
            if 0 < len(text) < 160:
                return text
    # "the ambassador, Rahm Emanuel": the name is the appositive
    if head.dep_ == "appos" and head.head.i < start and head.head.pos_ == "NOUN":
        h = head.head
        sub = [t for t in h.subtree if t.i < start]
        if sub:
            lo, hi = sub[0].i, h.i + 1
            while lo < hi and doc[lo].lower_ in ("a", "an", "the"):
                lo += 1
            text = doc[lo:hi].text
            if 0 < len(text) < 120:
                return text
    return None


def _is_product(doc: Doc, start: int, end: int) -> bool:
    if end < len(doc) and doc[end].lower_ in PRODUCT_NOUNS:
        return True
    text = doc[start:end].text
    if any(c.isdigit() for c in text) and re.search(r"[A-Z]{2,}-?\d", text):
        return True
    head = doc[start:end].root
    for child in head.children:
        if (
            child.dep_ == "appos"
            and child.i >= end
            and (child.lemma_.lower() in PRODUCT_NOUNS or child.lower_ in PRODUCT_NOUNS)
        ):
            return True
    return False


def _org_like(words: list[str]) -> bool:
    return bool(words) and words[-1].lower().strip(".") in ORG_HEADS


def _recover_orgs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Capitalised multi-word phrases ending in an organisation head word."""
    out: list[tuple[int, int]] = []
    i = 0
    n = len(doc)
    while i < n:
        t = doc[i]
        if t.lower_ in ORG_HEADS and _is_cap(t) and i not in taken:
            j = i
            while j - 1 >= 0:
                p = doc[j - 1]
                if _is_cap(p) and not p.is_sent_start and p.ent_type_ not in ("DATE", "PERSON"):
                    j -= 1
                elif p.lower_ in _CONNECT or p.text in (",", "-"):
                    # connectors only between capitalised words
                    if j - 2 >= 0 and _is_cap(doc[j - 2]) and p.lower_ != "the":
                        j -= 1
                    else:
                        break
                elif _is_cap(p) and p.is_sent_start:
                    j -= 1
                    break
                else:
                    break
            while j < i and (doc[j].lower_ in _CONNECT or doc[j].is_punct):
                j += 1
            # "of X" tails: "Institute of Japan Studies"
            k = i + 1
            if k + 1 < n and doc[k].lower_ == "of" and _is_cap(doc[k + 1]):
                k += 1
                while k < n and (
                    _is_cap(doc[k])
                    or (doc[k].lower_ == "and" and _is_cap(doc[k + 1] if k + 1 < n else doc[k]))
                ):
                    if doc[k].ent_type_ == "GPE" and k + 1 < n and not _is_cap(doc[k + 1]):
                        break
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


def _is_place(text: str, places: set[str]) -> bool:
    key = norm_name(text)
    if key in PLACE_METONYMS or key in places:
        return True
    parts = [norm_name(p) for p in re.split(r"[-–/]", text) if p.strip()]
    return len(parts) > 1 and all(p in places or p in PLACE_METONYMS for p in parts)


def find_entities(doc: Doc, char_ok: callable) -> EntityResult:
    """Find people and organisations in ``doc`` (only spans where ``char_ok(char)`` holds)."""
    places = {norm_name(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP")} | {
        norm_name(e.text.removeprefix("the ").removeprefix("The "))
        for e in doc.ents
        if e.label_ == "GPE"
    }
    found: list[Found] = []
    taken: set[int] = set()
    ents = list(doc.ents)
    # merge ORG fragments split by the model ("... Acquisition and" + "Sustainment Forum")
    merged: list[tuple[str, int, int]] = []
    for e in ents:
        if not char_ok(e.start_char):
            continue
        label = e.label_
        if label in ("LAW", "FAC", "PRODUCT", "GPE", "LOC", "NORP", "EVENT", "WORK_OF_ART"):
            words = e.text.split()
            if (_org_like(words) and label != "NORP") or (
                label == "FAC" and norm_name(e.text) in ("pentagon", "the pentagon")
            ):
                label = "ORG"
            else:
                continue
        if label not in ("PERSON", "ORG"):
            continue
        if (
            merged
            and merged[-1][0] == "ORG" == label
            and (
                merged[-1][2] == e.start
                or (merged[-1][2] + 1 == e.start and doc[e.start - 1].lower_ == "of")
            )
        ):
            merged[-1] = ("ORG", merged[-1][1], e.end)
            continue
        merged.append((label, e.start, e.end))

    for label, s, e in merged:
        if label == "PERSON":
            s, e = _extend_person(doc, s, e)
        s, e = _cut_span(doc, s, e)
        s2, e2, titles = _strip_span(doc, s, e, person=label == "PERSON")
        if label == "PERSON":
            s2, e2 = _trim_person(doc, s2, e2)
        if s2 >= e2:
            continue
        name = _span_text(doc, s2, e2)
        if label == "PERSON":
            name = _clean_person_name(name)
        if not name or not any(c.isalpha() for c in name):
            continue
        kind = "person" if label == "PERSON" else "organisation"
        role = " ".join(titles) if titles else None
        if role and all(norm_token(w) in HONORIFICS for w in titles):
            role = None
        if kind == "person":
            role = _role_before(doc, s2) or role
            if len(name.split()) > 5 or any(c.isdigit() for c in name):
                continue
        else:
            s2, e2 = _cut_org(doc, s2, e2)
            if s2 >= e2:
                continue
            name = _span_text(doc, s2, e2)
            # split "X University's Institute of Y" in two organisations
            parts = _split_possessive_org(doc, s2, e2)
            if len(parts) > 1:
                for ps, pe in parts:
                    found.append(Found("organisation", ps, pe, _span_text(doc, ps, pe)))
                    taken.update(range(ps, pe))
                continue
        found.append(Found(kind, s2, e2, name, role))
        taken.update(range(s2, e2))

    for s, e in _recover_speaker_names(doc, taken):
        if char_ok(doc[s].idx):
            found.append(Found("person", s, e, _span_text(doc, s, e)))
            taken.update(range(s, e))

    for s, e in _recover_orgs(doc, taken):
        if not char_ok(doc[s].idx):
            continue
        s2, e2, _ = _strip_span(doc, s, e, person=False)
        if s2 < e2:
            found.append(Found("organisation", s2, e2, _span_text(doc, s2, e2)))
            taken.update(range(s2, e2))
    found.sort(key=lambda f: f.start)
    return _resolve(doc, found, places, char_ok)


def _recover_speaker_names(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names the model missed that speak: "..., Guenther Schuh, e.GO's founder, said"."""
    from app.annotate.cues import SPEECH_VERBS

    out = []
    for t in doc:
        if t.dep_ not in ("nsubj",) or t.pos_ != "PROPN" or t.i in taken:
            continue
        if t.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        lo = t.i
        while lo - 1 >= 0 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].head.i == t.i:
            lo -= 1
        toks = doc[lo : t.i + 1]
        if not 2 <= len(toks) <= 3 or any(x.i in taken for x in toks):
            continue
        if all(
            x.pos_ == "PROPN"
            and x.text[:1].isupper()
            and x.text[1:].islower()
            and x.ent_type_ not in ("GPE", "NORP", "LOC", "ORG", "FAC")
            and not is_title_word(x.text)
            and x.lower_ not in ORG_HEADS
            for x in toks
        ):
            out.append((lo, t.i + 1))
    return out


_INNER_TITLES = words(
    "ceo cfo coo cto chairman chairwoman founder president minister secretary spokesman "
    "spokeswoman spokesperson"
)
_AGENCIES = ("Canadian Press", "Associated Press", "Getty Images", "Press Association")


def _cut_org(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Cut credits glued to a name ("Canadian Press Thunder Bay Police") and trailing people
    ("Huawei CFO Meng")."""
    text = doc[s:e].text
    for agency in _AGENCIES:
        if text.startswith(agency) and len(text) > len(agency) + 1:
            k = s
            while k < e and doc[k].idx < doc[s].idx + len(agency):
                k += 1
            return s, k
    for i in range(s + 1, e - 1):
        if (
            norm_token(doc[i].text) in _INNER_TITLES
            and doc[i].text[:1].isupper()
            and doc[i + 1].ent_type_ in ("PERSON", "ORG")
            and doc[i + 1].pos_ == "PROPN"
            and doc[i + 1].lower_ not in ORG_HEADS
        ):
            return s, i
    return s, e


def _split_possessive_org(doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
    for i in range(s + 1, e - 1):
        if doc[i].tag_ == "POS" and doc[i - 1].lower_ in ORG_HEADS:
            left = (s, i)
            right = (i + 1, e)
            if _org_like([t.text for t in doc[right[0] : right[1]]]) or any(
                doc[k].lower_ in ORG_HEADS for k in range(*right)
            ):
                return [left, right]
    return [(s, e)]


def _resolve(doc: Doc, found: list[Found], places: set[str], char_ok) -> EntityResult:
    # --- type corrections ---
    person_tokens: dict[str, int] = {}
    for f in found:
        if f.kind == "person":
            for w in f.name.split():
                person_tokens.setdefault(norm_name(w), 0)
                person_tokens[norm_name(w)] += 1
    products = {norm_name(f.name) for f in found if _is_product(doc, f.start, f.end)}
    keep: list[Found] = []
    for f in found:
        if norm_name(f.name) in products:
            continue
        words = f.name.split()
        low = norm_name(f.name)
        if f.kind == "organisation":
            if len(words) == 1 and re.search(r"(?:man|woman|men|women)$", f.name):
                continue  # "the Dutchman"
            if low in person_tokens and len(words) == 1:
                f.kind = "person"
            elif len(words) == 1 and (
                (low in ORG_HEADS and low not in LEGISLATURES) or f.name.islower()
            ):
                continue  # "Council", "tsunamis": a common noun, not a name
            elif (
                len(words) == 2
                and norm_token(words[0]) in GIVEN_NAMES_M | GIVEN_NAMES_F
                and words[1][:1].isupper()
                and norm_token(words[1]) not in ORG_HEADS
            ):
                f.kind = "person"  # "Muriel Draaisma" mislabelled as an organisation
            elif (
                _is_place(f.name, places)
                or words[-1].lower() in NON_ORG_HEADS
                or _is_product(doc, f.start, f.end)
                or all(w.lower() in TITLE_WORDS or w.lower() in ROLE_MODIFIERS for w in words)
            ):
                continue
        elif f.kind == "person":
            root = doc[f.start : f.end].root
            if (
                root.dep_ == "compound"
                and root.head.lower_ in ROLE_AFTER_ORG
                and root.head.i + 1 < len(doc)
                and doc[root.head.i + 1].pos_ == "PROPN"
            ):
                f.kind = "organisation"  # "Manchester United manager Erik ten Hag"
            elif all(
                norm_token(w) in TITLE_WORDS | ROLE_MODIFIERS | PARTY_WORDS
                or (w.isupper() and len(w) <= 4)
                for w in words
            ) or (words[-1].isupper() and len(words[-1]) <= 4 and len(words) <= 2):
                continue
            last = norm_token(words[-1])
            if len(words) > 1 and (
                last in NOT_PERSON_LAST
                or last in PARTY_WORDS
                or last in NON_ORG_HEADS
                or any(w in ("of", "for", "the") for w in words)
            ):
                continue  # "Medicine Hat", "Arnold Palmer Invitational", "Birth of Modern Canada"
            if _looks_org_person(doc, f) or _org_like(words):
                f.kind = "organisation"
            elif _is_place(f.name, places) and len(words) == 1:
                continue
        keep.append(f)
    found = keep

    # --- grouping ---
    entities: list[Entity] = []
    by_key: dict[str, int] = {}
    fulls: list[tuple[list[str], int]] = []  # (normalised tokens, entity) of multi-word people
    result = EntityResult(entities, [])
    singles: list[Found] = []

    def add_alias(idx: int, alias: str) -> None:
        ent = entities[idx]
        if alias and alias not in ent.aliases:
            ent.aliases.append(alias)

    def add_role(idx: int, role: str | None) -> None:
        if role and role not in entities[idx].roles:
            entities[idx].roles.append(role)

    for f in found:
        if f.kind == "person" and len(f.name.split()) == 1:
            singles.append(f)
            continue
        if f.kind == "person":
            key = person_key(f.name)
            toks = key.split(":", 1)[1].split()
            idx = by_key.get(key)
            if idx is None:
                # a shorter full name inside a longer one ("Ann Lee" / "Ann B. Lee")
                for ftoks, fidx in fulls:
                    if toks[-1] == ftoks[-1] and set(toks) <= set(ftoks):
                        idx = fidx
                        break
            if idx is None:
                idx = len(entities)
                entities.append(Entity("person", f.name, key))
                by_key[key] = idx
                fulls.append((toks, idx))
        else:
            key = org_key(f.name)
            idx = by_key.get(key)
            if idx is None:
                idx = len(entities)
                name = f.name
                entities.append(Entity("organisation", name, key))
                by_key[key] = idx
        f.entity = idx
        add_alias(idx, f.name)
        add_role(idx, f.role)

    # single-token people: link to a full name sharing the token (surname or first name)
    for f in singles:
        tok = norm_name(f.name)
        cands = [idx for ftoks, idx in fulls if ftoks[-1] == tok]
        if not cands:
            cands = [idx for ftoks, idx in fulls if ftoks[0] == tok]
        if not cands:
            cands = [idx for ftoks, idx in fulls if tok in ftoks]
        idx = None
        if len(cands) == 1:
            idx = cands[0]
        elif cands:
            # most recent full mention before this one
            best = -1
            for g in found:
                if g.start >= f.start:
                    break
                if g.entity in cands and len(g.name.split()) > 1:
                    best = g.entity
            idx = best if best >= 0 else cands[0]
        if idx is None:
            # an organisation with this name already?
            okey = org_key(f.name)
            if okey in by_key:
                idx = by_key[okey]
            else:
                key = person_key(f.name)
                idx = by_key.get(key)
                if idx is None and not _mononym_ok(doc, f, singles):
                    f.entity = None
                    continue
                if idx is None:
                    idx = len(entities)
                    entities.append(Entity("person", f.name, key))
                    by_key[key] = idx
        f.entity = idx
        add_alias(idx, f.name)
        add_role(idx, f.role)

    found = [f for f in found if f.entity is not None]
    found.extend(_more_mentions(doc, found, entities, char_ok))
    found.sort(key=lambda f: f.start)

    # single-word organisations that begin a longer organisation name are its aliases
    org_names = [
        (norm_name(e.name).split(), i) for i, e in enumerate(entities) if e.kind == "organisation"
    ]
    remap: dict[int, int] = {}
    for i, e in enumerate(entities):
        if e.kind != "organisation":
            continue
        toks = norm_name(e.name).split()
        if len(toks) != 1:
            continue
        for otoks, oi in org_names:
            if oi != i and len(otoks) > 1 and otoks[0] == toks[0]:
                remap[i] = oi
                break
    # people: canonical name = longest alias
    for e in entities:
        if e.kind == "person":
            e.name = max(e.aliases, key=lambda a: (len(a.split()), len(a)))

    # roles from appositives and gender from honorifics
    for f in found:
        idx = remap.get(f.entity, f.entity)
        if entities[idx].kind == "person":
            role = _appositive_role(doc, f.start, f.end)
            add_role(idx, role)
            if f.start > 0:
                prev = norm_token(doc[f.start - 1].text)
                if prev in ("mr", "sir", "lord", "mister", "king", "prince", "father"):
                    result.gender.setdefault(idx, "m")
                elif prev in ("ms", "mrs", "miss", "madam", "dame", "lady", "queen", "princess"):
                    result.gender.setdefault(idx, "f")
        else:
            role = _appositive_role(doc, f.start, f.end)
            add_role(idx, role)

    for i, e in enumerate(entities):
        if e.kind == "person" and i not in result.gender:
            first = norm_token(e.name.split()[0])
            if first in GIVEN_NAMES_M and first not in GIVEN_NAMES_F:
                result.gender[i] = "m"
            elif first in GIVEN_NAMES_F and first not in GIVEN_NAMES_M:
                result.gender[i] = "f"

    # drop remapped entities and renumber
    final: list[Entity] = []
    new_index: dict[int, int] = {}
    for i, e in enumerate(entities):
        if i in remap:
            continue
        new_index[i] = len(final)
        final.append(e)
    for i, tgt in remap.items():
        new_index[i] = new_index[tgt]
        add = entities[i].aliases
        for a in add:
            if a not in entities[tgt].aliases:
                entities[tgt].aliases.append(a)
    result.entities = final
    result.gender = {new_index[k]: v for k, v in result.gender.items()}
    text = doc.text
    for f in found:
        idx = new_index[f.entity]
        span = doc[f.start : f.end]
        s_char = span.start_char
        e_char = s_char + len(f.name) if text.startswith(f.name, s_char) else span.end_char
        result.mentions.append((idx, s_char, e_char))
        result.first_pos.setdefault(idx, f.start)
        for k in range(f.start, f.end):
            result.token_entity[k] = idx
    return result


def _looks_org_person(doc: Doc, f: Found) -> bool:
    """A PERSON span that is really a company ("contractors Lockheed Martin and ...")."""
    span = doc[f.start : f.end]
    root = span.root
    # preceded by a descriptor noun: "contractors Lockheed Martin"
    if f.start > 0 and doc[f.start - 1].lower_ in ORG_DESCRIPTORS:
        return True
    # coordinated with an organisation
    for other in (root.head, *root.children):
        if ((root.dep_ == "conj" and other is root.head) or other.dep_ == "conj") and (
            other.ent_type_ == "ORG"
        ):
            return True
    head = root.head
    return bool(root.dep_ == "appos" and head.lower_ in ORG_DESCRIPTORS)


def _more_mentions(doc: Doc, found: list[Found], entities: list[Entity], char_ok) -> list[Found]:
    """Mentions the model missed: later uses of a known name or of a unique surname."""
    text = doc.text
    covered = bytearray(len(text) + 1)
    for f in found:
        span = doc[f.start : f.end]
        covered[span.start_char : span.end_char] = b"\x01" * (span.end_char - span.start_char)
    surnames: dict[str, list[int]] = {}
    for i, e in enumerate(entities):
        if e.kind == "person" and len(e.name.split()) > 1:
            surnames.setdefault(e.name.split()[-1], []).append(i)
    forms: list[tuple[str, int]] = []
    for i, e in enumerate(entities):
        for a in e.aliases:
            if len(a) >= 3 and (len(a.split()) > 1 or e.kind == "organisation"):
                forms.append((a, i))
    ambiguous: dict[str, list[int]] = {}
    for sn, idxs in surnames.items():
        if len(sn) >= 3 and sn[0].isupper():
            if len(idxs) == 1:
                forms.append((sn, idxs[0]))
            else:
                ambiguous[sn] = idxs
                forms.append((sn, idxs[0]))
    if not forms:
        return []
    forms.sort(key=lambda x: -len(x[0]))
    alt = "|".join(re.escape(f) for f, _ in forms)
    lookup = {f: i for f, i in forms}
    firsts = sorted((f.start, f.entity) for f in found if f.entity is not None)
    out: list[Found] = []
    for m in re.finditer(rf"(?<![\w-])(?:{alt})(?![\w-])", text):
        s, e = m.start(), m.end()
        if any(covered[s:e]) or not char_ok(s):
            continue
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is None or not len(span):
            continue
        if len(span) == 1 and span[0].pos_ not in ("PROPN", "NOUN", "ADJ"):
            continue
        form = m.group(0)
        idx = lookup[form]
        if form in ambiguous:
            # the bearer of this surname mentioned last
            best = None
            for pos, ent in firsts:
                if pos >= span.start:
                    break
                if ent in ambiguous[form]:
                    best = ent
            if best is None:
                continue
            idx = best
        out.append(Found(entities[idx].kind, span.start, span.end, form, entity=idx))
        if form not in entities[idx].aliases:
            entities[idx].aliases.append(form)
        covered[s:e] = b"\x01" * (e - s)
    return out


_SPEECH_LEMMAS: frozenset[str] | None = None


def _mononym_ok(doc: Doc, f: Found, singles: list[Found]) -> bool:
    """Keep a one-word person only with an honorific or when it speaks."""
    from app.annotate.cues import SPEECH_VERBS

    if not f.name[:1].isupper() or (f.name.isupper() and len(f.name) > 3):
        return False
    key = norm_name(f.name)
    if key in GIVEN_NAMES_M or key in GIVEN_NAMES_F:
        return True  # a first name used alone ("Judy", "Joseph")
    for g in singles:
        if norm_name(g.name) != key:
            continue
        if g.start > 0 and norm_token(doc[g.start - 1].text) in HONORIFICS:
            return True
        tok = doc[g.start : g.end].root
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in SPEECH_VERBS:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            return True
    return False
