"""Evidence that a capitalised name is a thing, neither a person nor an organisation,
which the model often labels a body: a style listed with common nouns ("the folk and X
charts"), the ground a match is played at ("lost 2-0 at X"), a league named as its
competition ("the X League tie"), a show with a cast ("X's actress Jo Roe") and a film up
for a prize ("the debut prize for X"). Each is one vote-worthy use (``votes``); a body that
acts as one elsewhere in the text keeps its kind."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from app.annotate.entities.lexicon import ROLE_AFTER_ORG
from app.annotate.entities.result import Found
from app.annotate.entities.vocabulary import role_noun
from app.annotate.given_names import is_given_name
from app.annotate.names import TITLE_WORDS, norm_token, words

_LINKS = frozenset({"and", "or", ",", "&"})
# Common nouns for people as a group: "talks between management and X" lists a body.
_GROUP_NOUNS = words(
    """management staff government police labour industry business public press media
    army military union unions workers employees council"""
)


def _plain(t: Token) -> bool:
    """A lower-case word of a common noun phrase ("dance", "hip", "-", "music")."""
    if t.text == "-":
        return True
    return t.is_alpha and t.text.islower() and t.pos_ in ("NOUN", "ADJ")


def _run(doc: Doc, k: int, step: int) -> list[Token]:
    """The plain words from token k on, going left (step -1) or right (step 1)."""
    out: list[Token] = []
    while 0 <= k < len(doc) and _plain(doc[k]):
        out.append(doc[k])
        k += step
    return out


def _thing_noun(t: Token) -> bool:
    """A common noun for no one and no group of people ("charts"; not "holder", "staff")."""
    return t.pos_ == "NOUN" and t.lemma_ not in _GROUP_NOUNS and not role_noun(t)


def _bare_noun(run: list[Token]) -> bool:
    """Singular nouns for things, with no article ("pop", "old soul"; not "record holder")."""
    nouns = [t for t in run if t.pos_ == "NOUN"]
    return bool(nouns) and all(t.tag_ == "NN" and _thing_noun(t) for t in nouns)


def _side(doc: Doc, k: int, step: int) -> tuple[list[list[Token]], bool]:
    """The runs of plain words listed from token k on, each after a link ("," "and"),
    going left (step -1) or right (step 1); and whether a proper noun follows the last link
    ("Jo, left, X, centre, and Al": names, each with a place in a photograph)."""
    runs: list[list[Token]] = []
    while 0 <= k < len(doc) and doc[k].lower_ in _LINKS:
        while 0 <= k < len(doc) and doc[k].lower_ in _LINKS:
            k += step
        run = _run(doc, k, step)
        if not run:
            return runs, 0 <= k < len(doc) and doc[k].pos_ == "PROPN"
        runs.append(run)
        k += step * len(run)
    return runs, False


def _modified_noun(doc: Doc, f: Found, right: list[list[Token]]) -> Token | None:
    """The noun a list ending in the name ("the folk and X charts"), or in words after it
    ("X and dance music fans"), modifies."""
    if not right:
        return doc[f.end] if f.end < len(doc) and doc[f.end].pos_ == "NOUN" else None
    last = right[-1]
    if last[-1].i + 1 < len(doc) and doc[last[-1].i + 1].pos_ == "PROPN":
        return None  # "X and chip firm Y": the words describe the next name
    nouns = [t for t in last if t.pos_ == "NOUN"]
    return nouns[-1] if len(nouns) > 1 else None


def listed_with_common_nouns(doc: Doc, f: Found) -> bool:
    """ "the folk and X charts", "X and dance music fans", "jazz, X, rap and gospel": one word
    listed beside a bare common noun, the list three long or modifying a noun, is a common
    noun written with capitals (a style, a field), not a body's name."""
    if f.end - f.start != 1 or is_given_name(f.name) or doc[f.start].ent_type_ == "PERSON":
        return False
    left, names_left = _side(doc, f.start - 1, -1)
    right, names_right = _side(doc, f.end, 1)
    beside = left[:1] + right[:1]
    if names_left or names_right or not any(_bare_noun(run) for run in beside):
        return False
    if left and not right and doc[f.start - 1].text == ",":
        return False  # "work and rest, X said", "its department, X correspondent": no list
    if len(left) + len(right) >= 2:
        return True
    head = _modified_noun(doc, f, right)
    return head is not None and head.is_lower and _thing_noun(head)


# Words of a match being played, by lemma: where a sentence holds one, "at X" is a ground.
_MATCH_NOUNS = words(
    """match game tie clash fixture derby semi-final quarter-final defeat victory"""
)
_SCORE = re.compile(r"(?<![\d.,])\d{1,2} ?- ?\d{1,2}(?![\d.,%])")  # "2-0", "24-18"
_TRAVEL_VERBS = words("travel return go head come")


def ground_of_a_match(doc: Doc, f: Found) -> bool:
    """ "lost 2-0 at X", "the sides' game at X", "travel to X for the tie": a name after
    "at", or after "to" a verb of travel, in a sentence with a match's noun or a score is
    the ground it is played on. A club named as the ground ("won 2-1 at X") has votes of
    its own elsewhere."""
    if f.start < 1 or f.end - f.start > 2:
        return False
    prep = doc[f.start - 1]
    travel = prep.lower_ == "to" and prep.head.lemma_.lower() in _TRAVEL_VERBS
    if prep.lower_ != "at" and not travel:
        return False
    if f.end < len(doc) and (doc[f.end].tag_ == "POS" or doc[f.end].pos_ == "NOUN"):
        return False  # "at X's ground", "at the X club"
    head = prep.head  # a verb ("lost 2-0 at X") or a match ("the game at X")
    if head.pos_ not in ("VERB", "AUX") and head.lemma_.lower() not in _MATCH_NOUNS:
        return False  # "his future at X", "everyone at X": the club
    sentence = doc[f.start].sent
    match = any(t.pos_ == "NOUN" and t.lemma_.lower() in _MATCH_NOUNS for t in sentence)
    return match or _SCORE.search(sentence.text) is not None


# Nouns after a league's name when it is the competition, not the body that runs it.
_COMPETITION_AFTER = words(
    """match matches game games tie ties final finals clash fixture fixtures qualification
    qualifier football place places spot title trophy winners holders semi-final
    quarter-final campaign draw exit debut"""
)
_HOLDERS = TITLE_WORDS | ROLE_AFTER_ORG  # "a spokesperson for the X League": the body
# Words of a story about a league, where a division is the competition
_LEAGUE_WORDS = words("league promotion relegation relegated promoted striker goalkeeper goals")


def _about_a_league(doc: Doc) -> bool:
    return any(t.lower_ in _LEAGUE_WORDS for t in doc)


_INTO_A_COMPETITION = frozenset({"in", "into", "of", "for", "from", "win", "reach"})  # lemmas


def competition_use(doc: Doc, f: Found) -> bool:
    """ "the X League tie", "in the X League", "win the X Division": a league named as the
    competition played in it, not the body that runs it ("the X League said")."""
    last = doc[f.end - 1].lower_
    if last not in ("league", "division"):
        return False
    if last == "division" and not _about_a_league(doc):
        return False  # "the sale of the X Division": a firm's unit
    if f.end < len(doc) and doc[f.end].lower_ in _COMPETITION_AFTER:
        return True
    k = f.start - 1
    if k < 1 or doc[k].lower_ != "the" or doc[k - 1].lemma_.lower() not in _INTO_A_COMPETITION:
        return False
    holder = doc[k - 2] if k >= 2 else None  # "a spokesperson for the X League": the body
    return holder is None or not (norm_token(holder.text) in _HOLDERS or role_noun(holder))


# Nouns for a part of a film, a show or a book: "X's actress", "the storyline of X" (not
# "role": "the role of X" is as often a body's as a character's).
_PARTS_OF_A_WORK = words(
    """actor actress actors actresses cast character characters storyline plot episode
    episodes sequel remake adaptation screening premiere"""
)
# Nouns for what is awarded to a work or a person ("the debut prize for X").
_AWARD_NOUNS = words("prize prizes award awards nomination nominations oscar oscars bafta baftas")
_CONTENDERS = words("nominee nominees winner winners contender contenders")


def part_of_a_work(doc: Doc, f: Found) -> bool:
    """ "X's actress Jo Roe", "the storyline of X", "an actress in X": a name with a cast, a
    plot or episodes is a film, a show or a book (an actor's "X's character" is theirs)."""
    nxt = doc[f.end] if f.end < len(doc) else None
    if nxt is not None and nxt.tag_ == "POS":  # "X's actress" (without "'s": WORK_NOUNS)
        after = doc[f.end + 1] if f.end + 1 < len(doc) else None
        return f.kind != "person" and after is not None and after.lower_ in _PARTS_OF_A_WORK
    if f.start < 2 or doc[f.start - 1].lower_ not in ("of", "in"):
        return False
    modifier = nxt is not None and nxt.pos_ in ("NOUN", "PROPN")  # "an episode of X show Y"
    return not modifier and doc[f.start - 2].lower_ in _PARTS_OF_A_WORK


def contender_for_an_award(doc: Doc, f: Found) -> bool:
    """ "the debut prize for X", "nominees included X, Y and Z": what an award is for, and
    what is listed among its contenders, is a work (or a person, whose given name says so)."""
    k = f.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1  # "nominees included the X", "the prize for The X"
    if is_given_name(f.name.split()[0]) or k < 1:
        return False
    if doc[k].lower_ == "for" and doc[k - 1].lower_ in _AWARD_NOUNS:
        return True
    verb = doc[k]
    return verb.lemma_ == "include" and any(t.lower_ in _CONTENDERS for t in verb.lefts)
