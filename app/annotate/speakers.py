"""Speaker resolution: entity mentions, pronouns, descriptions, spokespeople and groups."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from app.annotate.acronyms import abbreviated, expansion_in_text, expansion_of, is_acronym
from app.annotate.cue_syntax import is_cue, relative_report
from app.annotate.documents import DOCUMENT_NOUNS, document_source, is_document, issuing_verb
from app.annotate.entities import EntityResult
from app.annotate.entities.lexicon import (
    HONORIFICS,
    KIN_NOUNS,
    LEGAL_SUFFIXES,
    ORG_HEADS,
    PAPER_HEADS,
)
from app.annotate.entities.roles import noun_gender, self_pronoun
from app.annotate.entities.spans import OFFICES
from app.annotate.epithets import epithet_age, known_ages, person_of_age
from app.annotate.given_names import is_given_name
from app.annotate.names import (
    DEMONYM_NOUNS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    ROLE_SUFFIXES,
    TITLE_WORDS,
    is_title_word,
    norm_token,
    words,
)
from app.annotate.nlp import doc_text, hyphen_tail, sentence_of, token_at, word_parts
from app.annotate.offices import (
    ROLE_END,
    head_word,
    holds_other_office,
    is_office,
    other_office_named,
    role_head,
    same_office,
    same_portfolio,
    same_rank,
)
from app.annotate.types import Entity, SpeakerType

PRONOUNS = words("""he she they it we i you him her them""")
_POSSESSIVE_OF = {"his": "he", "her": "she", "their": "they", "its": "it"}
SPOKES = words(
    """spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen representative
    representatives rep spokes"""
)
ORG_DESCRIPTION_HEADS = words(
    """company firm ministry agency department government university institute organisation
    organization group bank council committee commission board office police force service
    party union association court club network corporation authority newspaper paper
    broadcaster team league school college hospital"""
)
_DROP_DEPS = frozenset({"relcl", "acl", "punct", "advmod", "cc", "prep", "appos"})


@dataclass(slots=True)
class Speaker:
    entity: int | None = None
    label: str | None = None
    type: SpeakerType | None = None
    text: str | None = None


@dataclass(slots=True)
class Context:
    doc: Doc
    ents: EntityResult
    mention_tokens: list[tuple[int, int, int]]  # (token start, token end, entity) sorted
    in_quote: Callable[[int], bool]  # char index -> bool
    previous: list[tuple[int, Speaker, int]]  # (token index of cue, speaker, paragraph)
    reported: list[tuple[int, int]] = field(default_factory=list)  # content spans so far
    para_starts: list[int] = field(default_factory=list)  # character offset of each paragraph

    def in_reported(self, ch: int) -> bool:
        """Whether character ``ch`` lies in the content of a recent quotation."""
        return any(s <= ch < e for s, e in self.reported[-6:])


def named_in(ctx: Context, spans: list[tuple[int, int]]) -> frozenset[int]:
    """The entities named in what a cue reports: its pronoun subject is none of them
    ("Mr Blair has failed, he claimed": he is not Mr Blair)."""
    doc = ctx.doc
    return frozenset(
        ent for s, _e, ent in ctx.mention_tokens if any(lo <= doc[s].idx < hi for lo, hi in spans)
    )


def np_text(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok`` without clauses or appositives."""
    lo = tok.i
    hi = tok.i + 1
    for child in tok.lefts:
        if child.dep_ in _DROP_DEPS:
            continue
        lo = min(lo, child.left_edge.i)
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advmod"):
            break
        if (
            child.dep_ == "prep"
            and child.lower_ not in ("of", "for", "from", "at", "with")
            and not (child.is_title and tok.is_title)  # "Doctors Without Borders": a name
        ):
            break
        hi = max(hi, _phrase_end(child))
    # coordinated subjects: "Japan and the United States"
    for child in tok.rights:
        if child.dep_ == "conj":
            hi = max(hi, child.right_edge.i + 1)
    doc = tok.doc
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and hi - 1 != tok.i:
        hi -= 1  # (not the head itself: "87%")
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    # a hyphenated word the tokenizer split ("Vice-president", "co-founder")
    while lo > 0 and hyphen_tail(doc[lo]):
        lo -= 1
    while hi + 1 < len(doc) and doc[hi].text == "-" and not doc[hi - 1].whitespace_:
        if doc[hi].whitespace_ or not doc[hi + 1].is_alpha:
            break
        hi += 2
    return lo, hi


def _phrase_end(tok: Token) -> int:
    """End of a modifier's phrase without its clauses and appositives ("for Menatep" of "for
    Menatep, a group through which Mr X controls Y")."""
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "appos", "punct"):
            break
        end = max(end, _phrase_end(child))
    return end


def _entity_in(ctx: Context, lo: int, hi: int, head: Token) -> int | None:
    """The entity named in tokens [lo, hi): a person first, never a possessor, else an
    appositive name."""
    te = ctx.ents.token_entity
    if head.i in te:
        member = _member_of(ctx, lo, head)
        member = _titled_person_at_end(ctx, head, lo, hi) if member is None else member
        return te[head.i] if member is None else member
    best = _first_named(ctx, lo, hi)
    # appositive names: "the ambassador, Rahm Emanuel" (not a name in the appositive's own
    # clause: "lawyers for X, a group through which Mr Y controls Z")
    for child in (c for part in word_parts(head) for c in part.children):
        if child.dep_ == "appos":
            found = _first_named(ctx, *np_text(child))
            if found is not None and (ctx.ents.entities[found].kind == "person" or best is None):
                return found
    return best


def _titled_person_at_end(ctx: Context, head: Token, lo: int, hi: int) -> int | None:
    """ "[Court of King's Bench] Justice X said", parsed with the court as the subject: the
    person a title names at the end of an organisation's phrase speaks."""
    te, ents = ctx.ents.token_entity, ctx.ents.entities
    last = te.get(hi - 1)
    if ents[te[head.i]].kind != "organisation" or last is None or ents[last].kind != "person":
        return None
    start = hi - 1
    while start - 1 >= lo and te.get(start - 1) == last:
        start -= 1
    return last if start - 1 > lo and is_title_word(ctx.doc[start - 1].text) else None


def _first_named(ctx: Context, lo: int, hi: int) -> int | None:
    """The first person named in tokens [lo, hi), else the first entity; a possessor is not
    named there ("McCallum's staff", "Brown's Britain by X")."""
    te, doc = ctx.ents.token_entity, ctx.doc
    best = None
    for i in range(lo, hi):
        if i in te:
            e = te[i]
            k = i
            while k + 1 < hi and te.get(k + 1) == e:
                k += 1
            if doc[k].dep_ == "poss" or (k + 1 < len(doc) and doc[k + 1].tag_ == "POS"):
                continue
            if ctx.ents.entities[e].kind == "person":
                return e
            if best is None:
                best = e
    return best


def _member_of(ctx: Context, lo: int, head: Token) -> int | None:
    """ "Brett Lock of gay group OutRage said", parsed with the group as the subject: the
    person named before "of" speaks, not the organisation."""
    te, ents = ctx.ents.token_entity, ctx.ents.entities
    if ents[te[head.i]].kind != "organisation":
        return None
    for i in range(lo, head.i - 1):
        e = te.get(i)
        if e is not None and ents[e].kind == "person" and te.get(i + 1) != e:
            return e if ctx.doc[i + 1].lower_ == "of" else None
    return None


def _appositive_entity(ctx: Context, head: Token) -> int | None:
    """ "the Japanese newspaper Mainichi Shimbun": the appositive is the name itself."""
    te = ctx.ents.token_entity
    if head.i in te or head.pos_ != "NOUN":
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.i in te:
            return te[child.i]
    nxt = head.i + 1  # "X's daughter Emily said", which the parser may not join
    if head.lemma_.lower() in KIN_NOUNS and nxt in te and head.doc[nxt].dep_ != "nsubj":
        return te[nxt] if ctx.ents.entities[te[nxt]].kind == "person" else None
    return None


def _speaker_for_entity(ctx: Context, e: int, text: str) -> Speaker:
    """The speaker for entity ``e`` (an acronym speaks as the entity it abbreviates)."""
    full = expansion_of(ctx.ents, e)
    if full is not None:
        e = full
    return Speaker(e, ctx.ents.entities[e].name, ctx.ents.entities[e].kind, text)


def _recent_mentions(ctx: Context, before_tok: int, kind: str) -> list[tuple[int, int]]:
    """(token start, entity) of mentions of ``kind`` before a token, most recent first."""
    out = []
    for s, _e, ent in ctx.mention_tokens:
        if s >= before_tok:
            break
        if ctx.ents.entities[ent].kind == kind and not ctx.in_quote(ctx.doc[s].idx):
            out.append((s, ent))
    out.reverse()
    return out


def _gender_ok(ctx: Context, ent: int, pron: str) -> bool:
    """The pronoun does not contradict what the article tells of the person's gender."""
    g = ctx.ents.gender.get(ent)
    if g is None:
        return True
    return (pron in ("he", "him") and g == "m") or (pron in ("she", "her") and g == "f")


def last_act(ctx: Context) -> tuple[int, Speaker, int] | None:
    """The latest reporting act whose speaker was resolved (an entity or a label): its cue
    token, speaker and paragraph."""
    return next(
        ((i, s, p) for i, s, p in reversed(ctx.previous) if s.entity is not None or s.label), None
    )


def _named_label_speaker(ctx: Context, tok: Token, para: int) -> Speaker | None:
    """The previous speaker when it is a name the entity step did not make a person
    ("Poulter told the tour ..." then "he said"), in this or the previous paragraph, and no
    person has been named since."""
    last = last_act(ctx)
    if last is None or last[0] >= tok.i or last[2] < para - 1:
        return None
    cue, spk, _p = last
    label = spk.label or ""
    names = label.split()
    if spk.entity is not None or not 1 <= len(names) <= 3:
        return None
    if not all(w[:1].isupper() and w.isalpha() for w in names) or label.isupper():
        return None
    if names[0].lower() in ("the", "a", "an", "this", "that"):
        return None  # "The MEP": a description, not a name
    sent = sentence_of(ctx.doc[cue])
    sent_toks = ctx.doc[max(0, sent.start - 200) : sent.end]  # (it may have been a "he")
    if not any(t.text == names[-1] and t.pos_ == "PROPN" for t in sent_toks):
        return None  # "Experts", "Officials": not a name
    if not _person_like(ctx.doc, names[-1]):
        return None  # "Labour", "England"
    for s, e, ent in ctx.mention_tokens:
        if not (cue < s < tok.i) or ctx.ents.entities[ent].kind != "person":
            continue
        # (a person named since as a subject takes over; "critical of X" does not)
        if _subject_like(ctx.doc[s:e].root) or ctx.in_quote(ctx.doc[s].idx):
            return None
    return spk


_SPOKES_GENDER = {"spokesman": "he", "spokeswoman": "she"}


def _spokesperson_label(ctx: Context, tok: Token, para: int, pron: str) -> Speaker | None:
    """ "A Labour spokesman denied it. “...,” he said.": the unnamed spokesperson (or other
    single person described, "one leading broker") who spoke just before, when no person
    has been named since and the pronoun fits."""
    last = last_act(ctx)
    if last is None or last[0] >= tok.i or last[2] < para - 1:
        return None
    cue, spk, _p = last
    word = _label_head(spk.label or "")
    if spk.entity is not None:
        # "An agency spokeswoman said ... She said": the spokeswoman, for her organisation
        word = _label_head(spk.text or "")
        if ctx.ents.entities[spk.entity].kind != "organisation" or word not in SPOKES:
            return None
    one_person = word in SPOKES or word in HUMAN_NOUNS or word.endswith(HUMAN_SUFFIXES)
    one_person = one_person or word in _LOWER_CASE_ROLES  # ("the Executive" is no person)
    one_person = one_person and word not in ORG_DESCRIPTION_HEADS  # ("newspaper")
    if not one_person or word.endswith(("people", "men", "women", "s")):
        return None
    if _SPOKES_GENDER.get(word, pron) != pron:
        return None
    for s, _e, ent in ctx.mention_tokens:
        person = ctx.ents.entities[ent].kind == "person"
        # (one named since takes over, unless only talked about or quoted)
        at = ctx.doc[s].idx
        if cue < s < tok.i and person and not (ctx.in_reported(at) or ctx.in_quote(at)):
            return None
    return spk


_LOWER_CASE_ROLES = words("executive representative delegate")


def _label_head(label: str) -> str:
    """The head noun of a description: "a user of the bike scheme" -> "user" (a role that
    is also an organisation's name, "executive", only in lower case)."""
    last = label.split()[-1].lower() if label.split() else ""
    if last in SPOKES:
        return last  # "A Department for Work and Pensions spokeswoman"
    head = head_word(label, ROLE_END | _RELATIVES)
    return head if head.lower() in _LOWER_CASE_ROLES else head.lower()


def _unlisted_person(ctx: Context, tok: Token, para: int) -> str | None:
    """A person the model names but the entity step left out ("Yuni, a resident of ...,
    was watching television when she ..."), when they are the closest subject before the
    pronoun: closer than any person entity, in this or the previous paragraph."""
    doc, te = ctx.doc, ctx.ents.token_entity
    para_start = _paragraph_start(ctx, para - 1)
    for i in range(tok.i - 1, -1, -1):
        t = doc[i]
        if t.idx < para_start:
            return None
        if i in te and ctx.ents.entities[te[i]].kind == "person" and not ctx.in_quote(t.idx):
            return None
        if (
            t.dep_ in ("nsubj", "nsubjpass")
            and t.pos_ == "PROPN"
            and (t.ent_type_ == "PERSON" or (not t.ent_type_ and _human_appositive(t)))
            and i not in te
            and not ctx.in_quote(t.idx)
            and not ctx.in_reported(t.idx)  # "he claimed the Welsh had ...": talked about
        ):
            if not _person_like(doc, t.text):
                return None
            lo = i
            while lo > 0 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].ent_type_ == "PERSON":
                lo -= 1
            if lo > 0 and doc[lo - 1].lower_ == "the":
                return None  # "the Welsh": a people, not a person's name
            return doc[lo : i + 1].text
    return None


_NOT_PERSON_ENTS = frozenset(
    {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)


def _person_like(doc: Doc, word: str) -> bool:
    """No occurrence of ``word`` in the article is tagged as an organisation, place, work..."""
    return not any(t.text == word and t.ent_type_ in _NOT_PERSON_ENTS for t in doc)


def _human_appositive(tok: Token) -> bool:
    """ "Yuni, a resident of Lampung": an appositive that describes a person."""
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            return human_word(c.lower_)
    return False


def _paragraph_start(ctx: Context, number: int) -> int:
    """Character offset where paragraph ``number`` starts (0 for the first or before)."""
    starts = ctx.para_starts
    return starts[number - 1] if 1 <= number <= len(starts) else 0


def resolve_pronoun(
    ctx: Context, tok: Token, para: int, exclude: frozenset[int] = frozenset()
) -> Speaker:
    """The speaker a subject pronoun (or a possessive: "his", "her", "their") stands for:
    he/she a person (a name label kept from the previous speaker, a person the entity step
    left out, else the salient person, never one of ``exclude``); they/it a group or
    organisation that spoke just before or was just named."""
    pron = _POSSESSIVE_OF.get(tok.lower_, tok.lower_) if tok.tag_ == "PRP$" else tok.lower_
    sent = sentence_of(tok)
    if pron in ("he", "she"):
        named = _named_label_speaker(ctx, tok, para)
        if named is not None:
            return Speaker(None, named.label, "person", tok.text)
        spokes = _spokesperson_label(ctx, tok, para, pron)
        if spokes is not None:
            return Speaker(None, spokes.label, spokes.type, tok.text)
        unlisted = _unlisted_person(ctx, tok, para)
        if unlisted is not None:
            return Speaker(None, unlisted, "person", tok.text)
        found = salient_person(ctx, tok, para, pron, exclude)
        if found is not None:
            return _speaker_for_entity(ctx, found, tok.text)
        return Speaker(None, None, None, tok.text)
    if pron == "they":
        return _resolve_they(ctx, tok, para)
    if pron == "it":
        host = _host_subject(tok)
        if host is not None:  # "the agency is short of what it says is ...": the agency
            spk = resolve_subject(ctx, host, para)
            return Speaker(spk.entity, spk.label, spk.type, tok.text)
        subject = _organisation_subject_since(ctx, tok)
        if subject is not None:
            return _speaker_for_entity(ctx, subject, tok.text)
        for i, spk, p in reversed(ctx.previous):
            if spk.entity is None and _plural_subject_of(ctx.doc[i], spk):
                continue  # "many experts said ...": "it" is not them
            firm = _named_like_a_firm(ctx, spk)
            if p >= para - 1 and (spk.type in ("other", "organisation") or firm):
                return Speaker(spk.entity, spk.label, spk.type, tok.text)
            break
        document = _document_subject_before(ctx, sent.start)
        if document is not None:
            spk = resolve_subject(ctx, document, para)
            return Speaker(spk.entity, spk.label, spk.type, tok.text)
        orgs = _recent_mentions(ctx, tok.i, "organisation")
        if orgs and orgs[0][0] >= sent.start - 150:
            return _speaker_for_entity(ctx, orgs[0][1], tok.text)
        return Speaker(None, None, None, tok.text)
    return Speaker(None, None, None, tok.text)


def _host_subject(tok: Token) -> Token | None:
    """The subject, a noun, of the clause that holds the relative clause whose cue "it" is
    the subject of ("the agency is short of what it says is ...", "the firm said sales, which
    it says will rise, ..."): not the noun the relative clause is about."""
    cue = tok.head
    if tok.dep_ != "nsubj" or (cue.dep_ != "relcl" and relative_report(cue) is None):
        return None
    h = cue
    for _ in range(5):
        if h.head.i == h.i:
            return None
        h = h.head
        subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.i > tok.i or cue in subj.subtree:
            continue
        return subj if subj.tag_ in ("NN", "NNP") else None  # (one thing: "it")
    return None


def _document_subject_before(ctx: Context, start: int) -> Token | None:
    """ "A staff report projected that ... It cautioned that ...": the document that is the
    subject of the sentence before, which "it" goes on to quote."""
    if start == 0:
        return None
    before = sentence_of(ctx.doc[start - 1])
    roots = [t for t in ctx.doc[before.start : before.end] if t.dep_ == "ROOT"]
    subj = next((c for r in roots[:1] for c in r.children if c.dep_ == "nsubj"), None)
    if subj is None or not is_document(subj) or subj.i in ctx.ents.token_entity:
        return None
    return subj


def _organisation_subject_since(ctx: Context, tok: Token) -> int | None:
    """An organisation that is the subject of this or the previous sentence, after the last
    reporting act ("Business leaders said ... The Chambers of Commerce welcomed the plan.
    “...,” it said": the Chambers; "X challenged Y's claim. In a filing, it said": X)."""
    act = last_act(ctx)
    last = act[0] if act is not None else -1
    sent = sentence_of(tok)
    prev_start = sentence_of(ctx.doc[sent.start - 1]).start if sent.start > 0 else 0
    # in its own sentence only when what "it" says comes after ("although it insists
    # that ...", "which it says ..."), not in "X was imposing rules, it said"
    cue = tok.head
    ahead = cue.dep_ == "relcl" or any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)
    before = tok.i if ahead else sent.start
    for s, e, ent in reversed(ctx.mention_tokens):
        if s >= before or ctx.ents.entities[ent].kind != "organisation":
            continue
        if s < max(last, prev_start):
            return None
        root = ctx.doc[s:e].root
        if ctx.in_quote(root.idx) or ctx.in_reported(root.idx):
            continue  # (what someone said about it)
        if root.dep_ in ("nsubj", "nsubjpass"):
            return ent if _subject_like(root) else None
    return None


def _plural_subject_of(cue: Token, spk: Speaker) -> bool:
    """The speaker is the cue's subject, a plural noun ("many experts said")."""
    words = (spk.text or "").split()
    return any(
        c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") and c.text in words for c in cue.children
    )


def _named_like_a_firm(ctx: Context, spk: Speaker) -> bool:
    """A speaker the entity step took for a person on no evidence: no given name, no
    gender, no role ("Krispy Kreme said ... It added"). "it" may stand for it."""
    if spk.entity is None:
        return False
    e = ctx.ents.entities[spk.entity]
    first = e.name.split()[0]
    return not (e.roles or ctx.ents.gender.get(spk.entity) or is_given_name(first))


def _resolve_they(ctx: Context, tok: Token, para: int) -> Speaker:
    """ "they": the speaker of a reporting act earlier in the same sentence, a plural subject
    just before, else the previous collective speaker."""
    doc = ctx.doc
    sent = sentence_of(tok)
    for i, spk, p in reversed(ctx.previous):
        if i >= sent.start and (spk.label or spk.entity is not None):
            if spk.type != "person":
                return Speaker(spk.entity, spk.label, spk.type, tok.text)
        elif p >= para - 1 and spk.type in ("other", "organisation"):
            return Speaker(spk.entity, spk.label, spk.type, tok.text)
        break
    # a plural subject earlier in this sentence or paragraph
    lo = max(0, sent.start - 80)
    for i in range(tok.i - 1, lo - 1, -1):
        t = doc[i]
        if t.dep_ in ("nsubj", "nsubjpass") and (
            t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)
        ):
            if ctx.in_quote(t.idx) or ctx.in_reported(t.idx):
                continue  # (the plural the last speaker spoke of is not who speaks)
            s, e = np_text(t)
            ent = ctx.ents.token_entity.get(t.i)
            if ent is not None and ctx.ents.entities[ent].kind == "organisation":
                return _speaker_for_entity(ctx, ent, tok.text)
            return Speaker(None, doc[s:e].text, "other", tok.text)
    for _i, spk, p in reversed(ctx.previous):
        if p >= para - 1 and spk.type in ("other", "organisation"):
            return Speaker(spk.entity, spk.label, spk.type, tok.text)
        if p >= para - 1 and spk.entity is not None and _singular_they(ctx, spk.entity):
            return Speaker(spk.entity, spk.label, spk.type, tok.text)
        break
    return Speaker(None, None, None, tok.text)


def _singular_they(ctx: Context, ent: int) -> bool:
    """A person the text gives no gender, whom "they" may stand for when no group spoke or
    was the subject just before ("Sam Roe, who uses they/them pronouns, ...")."""
    return ctx.ents.entities[ent].kind == "person" and ent not in ctx.ents.gender


CONCESSIVE = words("although though whereas despite")


def backgrounded(tok: Token) -> bool:
    """A token inside a concessive clause ("Although X has said ..., Y ..."): what happens
    there is background, not the thread of the story."""
    t = tok
    for _ in range(8):
        if t.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONCESSIVE for c in t.children
        ):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


# Verbs whose object is asked to speak next ("X asked Y", "the claims were put to Y").
_ASKING = words("ask question quiz press interview challenge")
_PUTTING = words("put pose address direct")


def _asked(tok: Token) -> bool:
    """A name that was asked something: "asked Wenger", "the claims were put to Wenger"
    (who answers next, as a subject would)."""
    head = tok.head
    if tok.dep_ == "dobj":
        return head.lemma_.lower() in _ASKING
    return tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in _PUTTING


def _subject_like(tok: Token) -> bool:
    """The head of a mention that is (part of) a clause subject (not in a concessive one),
    or the one a question was put to."""
    if backgrounded(tok):
        return False
    if _asked(tok) or _topic(tok):
        return True
    t = tok
    for _ in range(6):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ == "compound" and t.head.pos_ == "NOUN":
            return False  # "the Covington Catholic student": a modifier, not the subject
        if t.dep_ in ("appos", "compound", "conj", "flat", "pobj", "prep") and t.head.i != t.i:
            t = t.head
            continue
        return False
    return False


def _topic(tok: Token) -> bool:
    """A person set up as the sentence's topic: "For Jo Roe, the numbers have a face." """
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
        return False
    sent = sentence_of(tok)
    first = next((t for t in tok.doc[sent.start : prep.i + 1] if not t.is_punct), prep)
    after = tok.right_edge.i + 1
    return first.i == prep.i and after < len(tok.doc) and tok.doc[after].text == ","


def salient_person(
    ctx: Context,
    tok: Token,
    para: int,
    pron: str | None = None,
    exclude: frozenset[int] | set[int] = frozenset(),
) -> int | None:
    """The person a pronoun or a definite description most likely refers to (never one of
    ``exclude``)."""
    doc = ctx.doc
    sent = sentence_of(tok)
    window = max(0, sent.start - 400)
    cands: list[tuple[int, int, bool]] = []  # (token start, entity, subject-like), recent first
    for s, e, ent in reversed(ctx.mention_tokens):
        if s >= tok.i:
            continue
        if s < window:
            break
        if ctx.ents.entities[ent].kind != "person" or ctx.in_quote(doc[s].idx):
            continue
        if (pron is not None and not _gender_ok(ctx, ent, pron)) or ent in exclude:
            continue
        talked_about = ctx.in_reported(doc[s].idx)
        cands.append((s, ent, _subject_like(doc[s:e].root) and not talked_about))
    if not cands:  # ("A user of X is suing. || He says ...": the user, named later)
        prev, _cue = _previous_person(ctx, para, sent.end) if tok.pos_ == "PRON" else (None, -1)
        ok = (
            prev is not None
            and prev not in exclude
            and (pron is None or _gender_ok(ctx, prev, pron))
        )
        return prev if ok else None
    # (a) a subject earlier in the same sentence
    for s, ent, subj in cands:
        if s >= sent.start and subj:
            return ent
    # (b) the previous speaker, unless another person has since been a subject or been
    # introduced ("... results for accountant Jo Roe, 50. “...,” she says.")
    prev, cue = _previous_person(ctx, para, sent.end)
    if prev is not None and prev not in exclude and (pron is None or _gender_ok(ctx, prev, pron)):
        for s, ent, subj in cands:
            if ent == prev:
                if subj or tok.pos_ != "PRON" or not _upstaged(doc, cands, s, cue):
                    return prev
                break
            if s > cue and (subj or _introduced(ctx, s, ent)):
                break
        else:
            return prev
    # (c) a person just brought in, (d) the most recent subject (of its sentence's main
    # clause, if it has one), (e) the most recent mention
    brought_in = _brought_in_just_before(ctx, cands, sent.start) if tok.pos_ == "PRON" else None
    if brought_in is not None:
        return brought_in
    subjects = [(s, ent) for s, ent, subj in cands[:8] if subj]
    if subjects:
        return _main_clause_first(doc, subjects)
    return cands[0][1]


def _brought_in_just_before(
    ctx: Context, cands: list[tuple[int, int, bool]], start: int
) -> int | None:
    """The one person the sentence before the pronoun's names, by full name and as no
    subject, when nobody is the subject there ("Walking also helped nurse Jo Roe, 47.
    “...,” she says."): a person brought in to be quoted next."""
    k = start - 1
    while k >= 0 and (ctx.in_quote(ctx.doc[k].idx) or ctx.doc[k].is_punct or ctx.doc[k].is_space):
        k -= 1
    if k < 0:
        return None
    before = sentence_of(ctx.doc[k])
    inside = [(s, ent, subj) for s, ent, subj in cands if before.start <= s < before.end]
    if len({ent for _s, ent, _subj in inside}) != 1 or any(subj for *_x, subj in inside):
        return None
    if any(_someone_as_subject(t) for t in ctx.doc[before.start : before.end]):
        return None  # "She thanked X", "the champion lost to X": she goes on
    s, ent, _subj = inside[-1]
    end = next(e for s2, e, _ent in ctx.mention_tokens if s2 == s)
    if not _described_on_arrival(ctx.doc, s, end):
        return None  # "a goal by X", "X's side": named in passing
    return ent if _introduced(ctx, s, ent) else None


def _described_on_arrival(doc: Doc, start: int, end: int) -> bool:
    """A name brought in with what the person is: a role or an age before it ("welder X",
    "83-year-old X") or after it ("X, 39,", "X, an analyst at Y")."""
    root = doc[start:end].root
    if root.dep_ in ("compound", "poss"):
        return False
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.is_lower and before.pos_ in ("NOUN", "ADJ"):
        aged = before.lower_ == "old" and doc[before.i - 1].text == "-"  # ("83-year-old")
        return before.head.i == root.i and (before.pos_ == "NOUN" or aged)
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].like_num:
        return True
    return any(c.dep_ == "appos" and c.i >= end for c in root.children)


_PERSONAL = words("he she they i we you")


def _someone_as_subject(t: Token) -> bool:
    """A pronoun, a name or a noun for a person as a subject ("she", "Roe", "the champion",
    "the 21-year-old")."""
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if t.lower_ in _PERSONAL or t.pos_ in ("PROPN", "ADJ"):  # ("the 21-year-old": "old")
        return True
    return t.pos_ == "NOUN" and (human_word(t.lemma_.lower()) or epithet_age(t.text) is not None)


def _main_clause_first(doc: Doc, subjects: list[tuple[int, int]]) -> int:
    """The most recent subject, unless it is in a clause embedded in a sentence whose main
    clause has a subject named too ("X was asked why Y had resigned. He replied": X)."""
    s, ent = subjects[0]
    if _of_main_clause(doc[s]):
        return ent
    sent = sentence_of(doc[s])
    for s2, ent2 in subjects[1:]:
        if s2 >= sent.start and _of_main_clause(doc[s2]):
            return ent2
    return ent


def _of_main_clause(tok: Token) -> bool:
    """A mention in the subject of its sentence's main verb."""
    t = tok
    while t.dep_ in ("compound", "flat", "appos", "conj") and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = t.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "X said ... but Y rejected it": both main clauses
    return verb.dep_ == "ROOT"


def _previous_person(ctx: Context, para: int, before: int) -> tuple[int | None, int]:
    """The previous speaker (its cue before token ``before``, the end of the sentence asked
    about) when a person of this or the two paragraphs before, and the token of its cue."""
    for i, spk, p in reversed(ctx.previous):
        if i >= before:
            continue  # (an act after this sentence, in its paragraph)
        if spk.entity is None and not spk.label:
            continue  # an unresolved speaker says nothing about salience
        if i >= 0 and backgrounded(ctx.doc[i]):
            continue  # "Although X has said ..., ...": X is not the one talking
        if spk.entity is not None and spk.type == "person" and p >= para - 2:
            return spk.entity, i
        break
    return None, -1


def _upstaged(doc: Doc, cands: list[tuple[int, int, bool]], start: int, cue: int) -> bool:
    """The previous speaker's mention at ``start`` is no subject, and another person is the
    subject earlier in its sentence, after the cue ("X is upbeat before her match with the
    younger Y sister. “...,” she said": X, not the last speaker Y). For pronouns only: a
    description ("the former international") has its own fit to weigh."""
    sent = sentence_of(doc[start])
    return any(subj and cue < s < start and s >= sent.start for s, _ent, subj in cands)


def _introduced(ctx: Context, start: int, ent: int) -> bool:
    """Whether the mention at token ``start`` uses the full name (a person brought in,
    not referred back to)."""
    end = next(e for s, e, _ent in ctx.mention_tokens if s == start)
    words = ctx.doc[start:end].text.split()  # ("Wright-Phillips" is one word)
    return len(words) > 1 and ctx.ents.entities[ent].kind == "person"


def _described_label(ctx: Context, head: Token, text: str) -> Speaker | None:
    """ "the company" after the speaker "a media buying company": the previous speaker, when it
    is a free label with the same head noun, in this or the previous paragraph; or the
    organisation it spoke for, described so ("the spokeswoman" after "a BaFin spokeswoman",
    "the magazine" after "X magazine")."""
    last = last_act(ctx)
    if last is None or last[0] >= head.i or last[0] < sentence_of(head).start - 400:
        return None
    if last[1].entity is not None:
        return _described_again(ctx, last[1], head, text)
    if not last[1].label:
        return None
    heads = {norm_token(last[1].label.split()[-1]), _label_head(last[1].label)}
    if not heads & {head.lemma_.lower(), norm_token(head.text)}:
        return None  # ("the employee" after "one longtime employee at the store in X")
    mine, theirs = {norm_token(w) for w in text.split()}, last[1].label
    if not (
        same_office(mine, theirs) and same_office({norm_token(w) for w in theirs.split()}, text)
    ):
        return None  # "the deputy prime minister" is not "the prime minister"
    return Speaker(None, last[1].label, last[1].type, text)


def _described_again(ctx: Context, spk: Speaker, head: Token, text: str) -> Speaker | None:
    """An organisation that last spoke as "a X spokeswoman" or "X magazine": "the
    spokeswoman", "the magazine"."""
    word = _label_head(spk.text or "")
    if spk.entity is None or ctx.ents.entities[spk.entity].kind != "organisation":
        return None
    if word not in (head.lemma_.lower(), norm_token(head.text)):
        return None
    return Speaker(spk.entity, spk.label, spk.type, text)


def _last_speaker(ctx: Context, kind: str, before: int) -> int | None:
    """The entity of the latest resolved speaker before token ``before``, if of ``kind``."""
    for i, spk, _p in reversed(ctx.previous):
        if i < before and spk.entity is not None:
            return spk.entity if spk.type == kind else None
    return None


_RELATIVES = words("who which that")


def resolve_description(ctx: Context, head: Token, lo: int, hi: int) -> Speaker | None:
    """ "the ambassador", "the former Yokohama professor", "the company": the entity named
    earlier that the description fits best (a person by the head of a stated role, an
    organisation by its name or kind), or the unnamed speaker it repeats."""
    doc = ctx.doc
    det = doc[lo].lower_
    if head.tag_ in ("NNS", "NNPS"):
        return None
    if det not in ("the", "this", "that") and not (
        head.i > lo and doc[lo].pos_ in ("ADJ", "PROPN", "NOUN")
    ):
        return None
    # "the Australian firm" may be the firm named before; "the US government" is one government
    firm = head.lemma_.lower() in _FIRM_NOUNS
    origin = firm and any(origin_word(t) for t in doc[lo:hi] if t.i != head.i)
    specific = (
        any(
            (t.pos_ == "PROPN" or origin_word(t)) and not (firm and origin_word(t))
            for t in doc[lo:hi]
            if t.i != head.i
        )
        or det not in ("the", "this", "that")  # "media buying company X": not a back-reference
        or any(c.dep_ == "poss" and c.pos_ == "NOUN" for c in head.children)  # "the mayor's office"
    )
    if not (specific or origin):
        same = _described_label(ctx, head, doc[lo:hi].text)
        if same is not None:
            return same
    introduced = None if specific or origin else _introduced_as(ctx, head)
    if introduced is not None:
        return _speaker_for_entity(ctx, introduced, doc[lo:hi].text)
    words = {norm_token(t.text) for t in doc[lo:hi] if not t.is_punct} - {"the", "a", "an"}
    last_org = _last_speaker(ctx, "organisation", head.i)
    lead_org = _lead_subject(ctx)
    # where each entity was last named outside quotation marks ("“We work with X,” the
    # company said": the company is not X)
    last_pos = {
        ent: s for s, _e, ent in ctx.mention_tokens if s < head.i and not ctx.in_quote(doc[s].idx)
    }
    fits: list[tuple[float, int]] = []
    for ent, pos in last_pos.items():
        e = ctx.ents.entities[ent]
        if e.kind == "person":
            fit = _person_fit(e, head, words)
        elif _only_as_employer(ctx, ent, head.i) and ent != last_org and not _head_in_name(e, head):
            continue  # "said Jo Roe, analyst at X. The company also said": not X
        elif head.lemma_ in _PAPER_NOUNS and ent != last_org and not _a_paper(ctx, ent):
            continue  # "the industry newspaper" is not the studio named before it
        else:
            fit = _organisation_fit(e, head, words, specific, ent == last_org, ent == lead_org)
        if fit is not None:
            fits.append((fit + pos / 1e6, ent))
    if not fits:
        later = _named_after_it(ctx, head, words)
        return None if later is None else _speaker_for_entity(ctx, later, doc[lo:hi].text)
    best = max(fits)[1]
    orgs = [ent for _f, ent in fits if ctx.ents.entities[ent].kind != "person"]
    if origin and best in orgs and len(orgs) > 1:
        return None  # "the Australian firm": no one checks where a firm is from, so the only one
    return _speaker_for_entity(ctx, best, doc[lo:hi].text)


def _named_after_it(ctx: Context, head: Token, words: set[str]) -> int | None:
    """A description with no one before it to fit: the office holder or the firm that the
    story names after it."""
    later = _office_holder_named_later(ctx, head, words)
    return _firm_named_next(ctx, head) if later is None else later


def _firm_named_next(ctx: Context, head: Token) -> int | None:
    """ "the firm that proposed the line says ..." in a story's first paragraph, before any
    firm is named: the firm that the next paragraph names first by its legal name ("X
    Corp.")."""
    if head.lemma_.lower() not in _FIRM_NOUNS or ctx.doc[head.i - 1].lower_ != "the":
        return None
    if bisect.bisect_right(ctx.para_starts, head.idx) != 1:
        return None
    for _s, _e, ent in _named_after_the_first_paragraph(ctx, 1, "organisation"):
        legal = norm_token(ctx.ents.entities[ent].name.split()[-1]) in LEGAL_SUFFIXES
        return ent if legal else None
    return None


def _named_after_the_first_paragraph(
    ctx: Context, paragraphs: int, kind: str
) -> Iterator[tuple[int, int, int]]:
    """Mentions (token start, token end, entity) of entities of ``kind`` in the
    ``paragraphs`` paragraphs after the first, in text order."""
    starts = ctx.para_starts
    if len(starts) < 2:
        return
    end = starts[paragraphs + 1] if len(starts) > paragraphs + 1 else 1 << 62
    for s, e, ent in ctx.mention_tokens:
        if ctx.ents.entities[ent].kind == kind and starts[1] <= ctx.doc[s].idx < end:
            yield s, e, ent


def _office_holder_named_later(ctx: Context, head: Token, words: set[str]) -> int | None:
    """ "Ontario's health minister announced ... || Health Minister Jo Roe said": a story that
    names the office before any person, and one person named later holds it (every word of
    the description but its owner's or a place's is in their stated role)."""
    first: dict[int, int] = {}
    for s, _e, ent in ctx.mention_tokens:
        first.setdefault(ent, s)
    people = {ent: s for ent, s in first.items() if ctx.ents.entities[ent].kind == "person"}
    if any(s < head.i for s in people.values()):
        return None  # a person named before: the description may stand for them
    # the owner ("Nova Scotia's", "the province's") and a place need not be in the role
    owner = [t for c in head.children if c.dep_ == "poss" for t in c.subtree]
    aside = [*owner, *(t for t in head.lefts if origin_word(t))]
    wanted = words - {norm_token(t.text) for t in aside}
    fits = [
        ent
        for ent in people
        if _person_fit(ctx.ents.entities[ent], head, words) is not None
        and wanted <= {norm_token(w) for r in ctx.ents.entities[ent].roles for w in r.split()}
    ]
    return fits[0] if len(fits) == 1 and len(wanted) > 1 else None


def _head_in_name(e: Entity, head: Token) -> bool:
    """The description's noun is a word of the organisation's name ("the securities
    commission" of "B.C. Securities Commission")."""
    name_words = {norm_token(w) for w in e.name.split()}
    return head.pos_ == "NOUN" and bool({head.lemma_.lower(), norm_token(head.text)} & name_words)


def origin_word(tok: Token) -> bool:
    """A nationality or place word in a description ("the Australian firm")."""
    return tok.ent_type_ in ("NORP", "GPE")


def _lead_subject(ctx: Context) -> int | None:
    """The entity the story's first sentence is about."""
    first = token_at(ctx.doc, ctx.para_starts[0]) if ctx.para_starts else None
    return None if first is None else sentence_subject(ctx, first.sent.root, ("nsubj", "nsubjpass"))


def sentence_subject(
    ctx: Context, root: Token, deps: tuple[str, ...], kind: str | None = None
) -> int | None:
    """The entity (of ``kind``, if given) that is the subject of the clause at ``root``, or
    owns the subject ("Acme's profits rose")."""
    te = ctx.ents.token_entity
    for subj in (c for c in root.children if c.dep_ in deps):
        for t in (subj, *(c for c in subj.children if c.dep_ == "poss")):
            if t.i in te and (kind is None or ctx.ents.entities[te[t.i]].kind == kind):
                return te[t.i]
    return None


def _only_as_employer(ctx: Context, ent: int, before: int) -> bool:
    """Whether every mention of organisation ``ent`` before token ``before`` names where a
    person works ("analyst at X"), not a body the story is about."""
    doc = ctx.doc
    spans = [(s, e) for s, e, x in ctx.mention_tokens if x == ent and s < before]
    return bool(spans) and all(_employer_mention(doc[s:e]) for s, e in spans)


def _employer_mention(span: Span) -> bool:
    """ "analyst at X", "an economist with X" (not "the X leader": a party's own leader)."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in ("at", "with"):
        return False
    noun = root.head.head
    return noun.pos_ == "NOUN" and human_word(noun.lower_)


def _introduced_as(ctx: Context, head: Token) -> int | None:
    """The one organisation named earlier right after the description's noun ("budget
    airline Skyjet ... the airline said")."""
    doc, lemma = ctx.doc, head.lemma_.lower()
    if head.pos_ != "NOUN" or head.text[:1].isupper():
        return None
    found = {
        ent
        for s, e, ent in ctx.mention_tokens
        if s < head.i
        and ctx.ents.entities[ent].kind == "organisation"
        and any(_modifies(doc[k], s, e, lemma) for k in range(max(0, s - 2), s))
    }
    return found.pop() if len(found) == 1 else None


def _modifies(tok: Token, start: int, end: int, lemma: str) -> bool:
    """``tok`` is the lower-case noun ``lemma`` modifying the name at tokens start-end."""
    return tok.is_lower and tok.lemma_.lower() == lemma and start <= tok.head.i < end


# Title words that can be a role's own noun ("detective" of "Detective Sergeant"), not its
# modifier ("chief", "deputy").
_RANK_WORDS = TITLE_WORDS - ROLE_MODIFIERS


def _person_fit(e: Entity, head: Token, words: set[str]) -> float | None:
    """How well a description fits a person: the head noun of one of their stated roles."""
    lemma = head.lemma_.lower()
    if lemma in ORG_DESCRIPTION_HEADS:
        return None  # "the bank" is not the bank's president
    # "the top seed" is not the "seventh seed", "the prime minister" not the deputy one
    named_by = _capitalised_modifiers(head)
    roles = [
        r
        for r in e.roles
        if same_rank(words, r)
        and same_office(words, r)
        and same_portfolio(words, r)
        and named_by <= {norm_token(w) for w in r.split()}
    ]
    role_words = {norm_token(w) for r in roles for w in r.split()}
    heads = {role_head(r) for r in roles}
    if lemma in heads or norm_token(head.text) in heads:
        return 1 + len(words & role_words) * 0.5
    if lemma in _RANK_WORDS and lemma in role_words:
        return 0.75 + len(words & role_words) * 0.5  # "the detective": a Detective Sergeant
    return None  # "the military" is not the military spokesman


def _capitalised_modifiers(head: Token) -> set[str]:
    """The capitalised words before a capitalised head ("Scottish" of "the Scottish
    Executive"): the name of a body, unless a person's role has them too ("Prime")."""
    if not (head.text[:1].isupper() and head.text[1:].islower()) or head.is_sent_start:
        return set()  # (not "MP": "the Ealing North MP" is a person)
    return {norm_token(t.text) for t in head.lefts if t.text[:1].isupper() and t.lower_ != "the"}


def _organisation_fit(
    e: Entity, head: Token, words: set[str], specific: bool, spoke_last: bool, lead: bool
) -> float | None:
    """How well a description fits an organisation: its head noun in the name ("the
    airline"), else a generic kind noun ("the company"), best for the one that spoke last,
    then for a firm by its name, then for the subject of the story's first sentence
    (``lead``)."""
    lemma = head.lemma_.lower()
    name_words = {norm_token(w) for w in e.name.split()}
    in_name = bool({lemma, lemma + "s", norm_token(head.text)} & name_words)
    if lemma not in ORG_DESCRIPTION_HEADS and not (in_name and head.pos_ == "NOUN"):
        return None
    if in_name:  # less when it only qualifies another body ("the hospital": not X Hospital Fund)
        last = norm_token(e.name.split()[-1])
        other = last in ORG_HEADS and last not in (lemma, lemma + "s", norm_token(head.text))
        return 1 + len(words & name_words) * 0.5 - (0.25 if other else 0)
    if specific or not _kind_in_name(lemma, name_words, e.name):
        return None
    if lemma in _FIRM_NOUNS and (name_words & _NOT_FIRMS or _public_office(e.name)):
        return None  # "the company" is not the police, a school board or a union
    # "the company": the organisation that spoke last, else a firm by its name, else the
    # last one named; each the more when a word of the description is in its name ("the
    # health authority": X Health)
    shared = 0.1 if (words - {lemma, "the"}) & name_words else 0.0
    if spoke_last:
        return 0.55 + shared
    if lemma in ("company", "firm", "group", "corporation") and any(
        w in name_words for w in ("inc", "corp", "ltd", "co", "group", "industries", "technologies")
    ):
        return 0.5 + shared
    return (0.4 if lead else 0.3) + shared


# Institutions named with their kind: "the government" is not the last organisation named
# (a party, a chamber, a company) but one whose name says it governs.
_NAMED_KINDS = {
    "government": words("government ministry department executive administration cabinet office"),
    "ministry": words("ministry department"),
    "department": words("department ministry"),
    "police": words("police constabulary"),
    "court": words("court tribunal"),
    "council": words("council"),
    "university": words("university"),
    "hospital": words("hospital"),
    # a union's name says it is one, or whom it unites
    "union": words(
        "union guild federation confederation brotherhood local workers employees nurses"
        " teachers teamsters steelworkers"
    ),
}


def _public_office(name: str) -> bool:
    """ "Office of Fair Trading", "Bureau of Statistics": a public office (not "Office Depot")."""
    first = name.lower().split()[:2]
    return len(first) == 2 and first[0] in ("office", "bureau") and first[1] in ("of", "for")


_FIRM_NOUNS = words("company firm business corporation")
_PAPER_NOUNS = words("newspaper paper daily tabloid")
_PAPER_INTROS = _PAPER_NOUNS | words("weekly magazine")  # "Spanish daily X", "the weekly X"


def _a_paper(ctx: Context, ent: int) -> bool:
    """An organisation named like a newspaper ("the Daily Post") or introduced as one
    ("Spanish daily ABC")."""
    e = ctx.ents.entities[ent]
    if {norm_token(w) for w in e.name.split()} & _PAPER_NAMES:
        return True
    doc = ctx.doc
    return any(
        x == ent and s > 0 and doc[s - 1].lemma_.lower() in _PAPER_INTROS
        for s, _e, x in ctx.mention_tokens
    )


# Words of newspapers' names.
_PAPER_NAMES = PAPER_HEADS | words(
    "times post news reporter guardian observer mail express star sun mirror independent"
    " standard globe record examiner"
)
# Heads of the names of bodies that are no business.
_NOT_FIRMS = words(
    """police council board ministry department party university college school hospital
    court union association federation commission committee government army church club
    league parliament senate assembly tribunal society foundation institute charity
    regulator agency authority"""
)


# Bodies often known by their initials alone ("PCS", "CUPE"), which say no kind.
_INITIALLED_KINDS = words("union")


def _kind_in_name(lemma: str, name_words: set[str], name: str) -> bool:
    kinds = _NAMED_KINDS.get(lemma)
    if lemma in _INITIALLED_KINDS and name.isupper() and len(name_words) == 1:
        return True
    return kinds is None or bool(kinds & name_words)


def resolve_subject(
    ctx: Context, subj: Token, para: int, exclude: frozenset[int] = frozenset()
) -> Speaker:
    """The speaker a reporting verb's subject stands for.

    In order: a pronoun (``resolve_pronoun``, never one of ``exclude``); a spokesperson
    for an organisation; two named people together (a group label); a named entity in the
    subject's noun phrase; a description of an entity named earlier ("the ministry", "the
    ambassador"); else the words themselves as a label ("analysts")."""
    doc = ctx.doc
    if subj.lower_ in PRONOUNS and subj.pos_ == "PRON":
        return resolve_pronoun(ctx, subj, para, exclude)
    lo, hi = np_text(subj)
    full = _subject_span(subj)
    surface = doc[lo:hi].text
    text = _BRACKETED_END.sub("", surface) or surface  # ("X Canada (XC)")
    if subj.lemma_.lower() in SPOKES or subj.lower_ in SPOKES:
        return _spokesperson(ctx, subj, full, text)
    te = ctx.ents.token_entity
    if is_document(subj) and subj.i not in te:
        found = _document_speaker(ctx, subj, para, text)
        if found is not None:
            return found
    if subj.i in te and any(c.dep_ == "conj" and c.i in te for c in subj.children):
        return Speaker(None, text, "other", text)  # "Sandmann and Phillips said"
    ent = _named_subject(ctx, subj, (lo, hi), full)
    if ent is not None:
        return _speaker_for_entity(ctx, ent, text)
    return _unnamed_subject(ctx, subj, para, (lo, hi), text, exclude)


def _subject_span(subj: Token) -> tuple[int, int]:
    """The subject's whole phrase, up to the reporting act it hosts ("leaflets condemning the
    tyranny of X": X is what is condemned) or a relative clause ("the actor, whose films
    include X,": X is someone else)."""
    lo, hi = subj.left_edge.i, subj.right_edge.i + 1
    for c in subj.rights:
        if c.dep_ == "relcl" or (c.dep_ == "acl" and is_cue(c)):
            hi = min(hi, c.left_edge.i)
    return lo, hi


def _document_speaker(ctx: Context, subj: Token, para: int, text: str) -> Speaker | None:
    """ "the report said", "a statement from X": whoever issued the document."""
    src = document_source(subj, ctx.in_quote)
    if src is None:
        poss = next((c for c in subj.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if poss is None:
            return _speaker_of_the_same_document(ctx, subj, para, text)
        found = resolve_pronoun(ctx, poss, para)  # "her statement read": hers
        if found.entity is None:
            return None
        return Speaker(found.entity, found.label, found.type, text)
    verb = src.head
    for i, spk, _p in reversed(ctx.previous):
        if i == verb.i and src.dep_ == "nsubj":
            found = spk  # "X said in a statement": the speaker already resolved for X
            break
    else:
        found = resolve_subject(ctx, src, para)
    if found.entity is None and (not found.label or src.pos_ != "PROPN"):
        return None  # "reports from the country": no named source
    return Speaker(found.entity, found.label, found.type, text)


def _speaker_of_the_same_document(
    ctx: Context, subj: Token, para: int, text: str
) -> Speaker | None:
    """ "the statement said" after "In a statement, X said" or "X said in a statement": X,
    the speaker of the latest cue (in this or the previous paragraph) that issued a document
    of the same noun, when the parse gave no source to either."""
    if len(list(subj.subtree)) != 2 or subj.doc[subj.i - 1].lower_ not in ("the", "this", "that"):
        return None  # (a document described further has its own words to go by)
    for i, spk, p in reversed(ctx.previous):
        if p < para - 1 or (spk.entity is None and not spk.label) or i >= subj.i:
            break
        sent = sentence_of(ctx.doc[i])
        for t in ctx.doc[sent.start : sent.end]:
            verb = issuing_verb(t) if t.lemma_ == subj.lemma_ else None
            if verb is not None and verb.i == i:
                return Speaker(spk.entity, spk.label, spk.type, text)
        break
    return None


def _spokesperson(ctx: Context, subj: Token, full: tuple[int, int], text: str) -> Speaker:
    """ "a spokeswoman for the ministry", "a Google spokesman": the organisation they speak
    for; a person's spokesperson ("a spokesperson for Minister X") is not that person; "the
    spokeswoman" is the one who spoke last."""
    e2 = _entity_in(ctx, full[0], full[1], subj)
    whole = ctx.doc[full[0] : full[1]].text
    if e2 is not None and ctx.ents.entities[e2].kind == "person" and _spoken_for(ctx, subj, e2):
        return Speaker(None, whole, "other", text)
    if e2 is not None and _for_an_office(subj):
        return Speaker(None, whole, "other", text)  # "for the [Treasury] minister": a person's
    if e2 is not None:
        return _speaker_for_entity(ctx, e2, whole)
    if ctx.doc[full[0]].lower_ == "the" and full[1] - full[0] == 2:
        return _described_label(ctx, subj, text) or Speaker(None, text, "other", text)
    return Speaker(None, text, "other", text)


_LINKS = words("the and of")


def _for_an_office(spokes: Token) -> bool:
    """ "a spokesperson for the federal Health minister": for a holder of an office, whom a
    body's name only describes, not for the body."""
    for c in spokes.children:
        obj = next((o for o in c.children if o.dep_ == "pobj"), None) if c.lower_ == "for" else None
        if obj is not None and c.dep_ == "prep" and obj.lower_ in OFFICES:
            return True
    return False


def _spoken_for(ctx: Context, spokes: Token, ent: int) -> bool:
    """The person is the one a spokesperson speaks for ("a spokesman for Mr X", "for
    Health Minister X", "Mr X's spokesman"), not the spokesperson named beside the noun
    ("spokeswoman, Jo Roe,", "a spokesman for the firm, Jo Roe,", "spokesman for sport
    Jo Roe")."""
    te = ctx.ents.token_entity
    for c in spokes.children:
        if c.dep_ == "poss" and te.get(c.i) == ent:
            return True
        if c.dep_ != "prep" or c.lower_ != "for":
            continue
        obj = next((o for o in c.children if o.dep_ == "pobj"), None)
        if obj is None or te.get(obj.i) != ent:
            continue
        before_name = ctx.doc[c.i + 1 : obj.i]  # (a title, not "sport", before the name)
        return all(t.text[:1].isupper() or t.is_punct or t.lower_ in _LINKS for t in before_name)
    return False


# Nouns for a body, which a name before them names ("the IEA watchdog", "the IFPI industry
# body"), unlike a person's ("a Superior Court judge") or a group of people ("the X team").
_BODY_NOUNS = (ORG_DESCRIPTION_HEADS - words("team party")) | words(
    "watchdog body regulator station magazine channel charity airline insurer"
)


def _names_the_body(ctx: Context, ent: int, subj: Token) -> bool:
    """An organisation's name modifying a noun for a body: "the Paris-based IEA watchdog"."""
    kind = ctx.ents.entities[ent].kind
    return (
        kind == "organisation"
        and subj.lemma_.lower() in _BODY_NOUNS
        and _modifier_of(ctx, ent, subj)
    )


def _named_subject(
    ctx: Context, subj: Token, np: tuple[int, int], full: tuple[int, int]
) -> int | None:
    """The entity named in the subject: in its noun phrase, its appositive, or its whole
    subtree ("the head of X" is not X; "the X study" is X's)."""
    lemma = subj.lemma_.lower()
    te = ctx.ents.token_entity
    ent = _entity_in(ctx, np[0], np[1], subj)
    appos = _appositive_entity(ctx, subj)
    if appos is not None:
        ent = appos  # "the Japanese newspaper Mainichi Shimbun"
    elif (
        ent is not None
        and ctx.ents.entities[ent].kind == "organisation"
        and lemma in DOCUMENT_NOUNS
    ):
        pass  # "the Civic Action study found": the organisation's document
    elif ent is not None and _names_the_body(ctx, ent, subj):
        pass  # "the IEA watchdog said": the body named
    elif (
        ent is not None
        and ctx.ents.entities[ent].kind == "organisation"
        and (subj.pos_ == "NOUN" or human_word(subj.lower_))
        and subj.i not in te
    ):
        ent = None  # "A Superior Court judge said", "the MP for X": a person, not the body
    elif ent is not None and _modifier_of(ctx, ent, subj):
        return None  # "Surrey staff said", "the Obama aides said": not the person named
    if ent is None:
        ent = _entity_in(ctx, full[0], full[1], subj)
        # "the head of X said": not X
        if (
            ent is not None
            and ctx.ents.entities[ent].kind != "person"
            and subj.pos_ == "NOUN"
            and subj.i not in te
        ):
            ent = None
    if ent is not None and _someone_of(ctx, ent, subj):
        return None  # "a lawyer for Jane Roe said", "the mother of X said"
    return ent


def _someone_of(ctx: Context, ent: int, subj: Token) -> bool:
    """The subject is a person known by a tie to the entity, named only after the noun: "a
    lawyer for X", "an adviser to X", "the MP for X", "the mother of X"."""
    if subj.i in ctx.ents.token_entity:
        return False
    if is_document(subj):  # "a letter sent to X said": not X, who got it
        return any(c.dep_ == "acl" and _addressed_to(ctx, ent, c) for c in subj.rights)
    lemma = subj.lemma_.lower()
    kin = (lemma in KIN_NOUNS or lemma in _SURROUNDINGS) and not _of_a_number(subj)
    if not (kin or human_word(lemma) or human_word(subj.lower_)):
        return False
    ties = ("of", "for", "to") if kin else ("for", "to")
    return any(
        c.dep_ == "prep" and c.lower_ in ties and _named_right_after(ctx, ent, c)
        for c in subj.rights
    )


# Those around a person who speak for them: "the office of X", "the family of X".
_SURROUNDINGS = words("office family campaign staff estate entourage")


def _addressed_to(ctx: Context, ent: int, participle: Token) -> bool:
    return any(
        c.dep_ in ("prep", "dative") and c.lower_ == "to" and _named_right_after(ctx, ent, c)
        for c in participle.children
    )


def _named_right_after(ctx: Context, ent: int, prep: Token) -> bool:
    """The entity is what the preposition governs: named right after it, or after an article
    or a title ("for Mr X"; not "minister for civil aviation X", where X holds the office)."""
    doc, te = ctx.doc, ctx.ents.token_entity
    first = next((t for t in prep.subtree if te.get(t.i) == ent), None)
    if first is None:
        return False
    between = doc[prep.i + 1 : first.i]
    listed = any(t.lower_ == "and" for t in between)  # "the MP for Ayr and North Arran"

    def leading(t: Token) -> bool:
        if t.lower_ in ("the", "a", "an") or norm_token(t.text) in HONORIFICS:
            return True
        return listed and (t.lower_ == "and" or t.text == "," or t.pos_ == "PROPN")

    # "the office of Mines Minister X": a capitalised title before the name
    titled = any(is_title_word(t.text) for t in between) and all(t.is_title for t in between)
    return titled or all(leading(t) for t in between)


def _coordinated_subject(ctx: Context, subj: Token) -> frozenset[int]:
    """The person who is the subject of the clause the description's clause is joined to:
    someone else ("X is fit again, but the Scot admitted ...": the writer would say "he")."""
    verb = subj.head
    if verb.dep_ != "conj":
        return frozenset()
    te = ctx.ents.token_entity
    return frozenset(
        te[c.i] for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in te
    )


def _other_office(ctx: Context, head: Token, span: Span) -> frozenset[int]:
    """The people known to hold another office of the one described: the deputy prime
    minister is not "the prime minister", the seventh seed not "the top seed", the Home
    Secretary not "the chancellor"; nor is one who was "the chancellor" earlier."""
    mine = {norm_token(t.text) for t in span if not t.is_punct}
    lemma = head.lemma_.lower()
    office = is_office(lemma)
    other = {
        i
        for i, e in enumerate(ctx.ents.entities)
        if e.kind == "person"
        and (
            any(
                role_head(r) == lemma and not (same_rank(mine, r) and same_office(mine, r))
                for r in e.roles
            )
            or (office and holds_other_office(mine, lemma, e.roles))
        )
    }
    if office:
        other |= _described_otherwise(ctx, span.text)
    return frozenset(other)


def _described_otherwise(ctx: Context, text: str) -> set[int]:
    """The people this article has described by another office ("the chancellor said")."""
    return {
        spk.entity
        for _i, spk, _p in ctx.previous
        if spk.entity is not None
        and spk.type == "person"
        and spk.text
        and other_office_named(text, spk.text)
    }


def _modifier_of(ctx: Context, ent: int, subj: Token) -> bool:
    """The entity only modifies a common-noun subject: "Surrey staff", "Obama aides"."""
    if subj.pos_ != "NOUN" or subj.i in ctx.ents.token_entity:
        return False
    toks = [c for c in subj.lefts if ctx.ents.token_entity.get(c.i) == ent]
    return bool(toks) and all(c.dep_ in ("compound", "nmod") for c in toks)


def _unnamed_subject(
    ctx: Context,
    subj: Token,
    para: int,
    np: tuple[int, int],
    text: str,
    exclude: frozenset[int] = frozenset(),
) -> Speaker:
    """A subject that names no entity: a description of one, a relative pronoun, a label."""
    doc = ctx.doc
    age = epithet_age(doc[np[0] : np[1]].text)
    if age is not None and subj.tag_ not in ("NNS", "NNPS"):
        return _age_epithet(ctx, subj, para, age, text)
    elsewhere = _named_elsewhere(ctx, subj, para)
    if elsewhere is not None:
        return _speaker_for_entity(ctx, elsewhere, text)
    if subj.pos_ in ("NOUN", "PROPN"):
        desc = resolve_description(ctx, subj, np[0], np[1])
        if desc is not None:
            return desc
        if _human_description(subj, np[0]):
            named = _named_label_speaker(ctx, subj, para)  # "Safin said ... The Russian added"
            if named is not None:
                return Speaker(None, named.label, "person", text)
            found = _described_person(ctx, subj, para, doc[np[0] : np[1]], exclude)
            if found is not None:
                return _speaker_for_entity(ctx, found, text)
    if subj.pos_ == "PRON" or subj.lower_ in ("who", "which", "that"):
        if subj.lower_ in ("who", "which", "that") and subj.head.head is not None:
            h = subj.head.head
            if subj.lower_ == "who":
                h = _person_above(ctx, h)
            if h.pos_ in ("NOUN", "PROPN"):
                return resolve_subject(ctx, h, para)
        return Speaker(None, None, None, text)
    phrase = doc[np[0] : np[1]].text
    if not text or not (any(c.isalpha() for c in phrase) or subj.text == "%"):
        return Speaker(None, None, None, None)  # (but "92%" of those asked said)
    bare = text.removeprefix("the ").removeprefix("The ")
    short_for = abbreviated(ctx.ents, bare) if is_acronym(bare) else None
    if short_for is not None:
        return _speaker_for_entity(ctx, short_for, text)  # "the FT": "the Financial Times"
    full = expansion_in_text(doc_text(doc), bare) if is_acronym(bare) else None
    if full is not None:
        return Speaker(None, full, "organisation", text)  # "the Tidal Energy Board (TEB)"
    return Speaker(None, text, "other", text)


def _named_elsewhere(ctx: Context, subj: Token, para: int) -> int | None:
    """A person a description stands for whom the text names apart from it: a relative of
    the family, or the one a story's lead describes."""
    kin = _relative_in_the_family(ctx, subj, para)
    return kin if kin is not None else _named_after_the_lead(ctx, subj, para)


def _named_after_the_lead(ctx: Context, subj: Token, para: int) -> int | None:
    """ "A Kelowna artist says ..." in a story's first paragraph, before anyone is named: the
    person the next two paragraphs name first, when nothing said of them gives them another
    role ("Teo Roe, 37, painted ...", "according to Jo Roe, who has led the company")."""
    if para != 1 or subj.tag_ != "NN" or not human_word(subj.lemma_.lower()):
        return None
    if any(
        ctx.ents.entities[ent].kind == "person" for s, _e, ent in ctx.mention_tokens if s < subj.i
    ):
        return None
    lemma = subj.lemma_.lower()
    for s, end, ent in _named_after_the_first_paragraph(ctx, 2, "person"):
        roles = ctx.ents.entities[ent].roles
        fits = not roles or any(lemma in r.lower().split() for r in roles)
        sexed = _gender_fits(ctx, ent, noun_gender(lemma))
        return ent if fits and sexed and _brought_in(ctx.doc, s, end) else None
    return None


def _gender_fits(ctx: Context, ent: int, gender: str | None) -> bool:
    """The person's known gender (if any) is ``gender`` (if any)."""
    return gender is None or ctx.ents.gender.get(ent) in (None, gender)


def _brought_in(doc: Doc, start: int, end: int) -> bool:
    """A name brought into the story: a subject, or described (a role, an age, "who ...");
    not one named in passing ("married X")."""
    root = doc[start:end].root
    if root.dep_ in ("nsubj", "nsubjpass") or _described_on_arrival(doc, start, end):
        return True
    return any(c.dep_ == "relcl" for c in root.children)


def _relative_in_the_family(ctx: Context, subj: Token, para: int) -> int | None:
    """ "His younger brother said" after a person with a family name: the one other person
    of the article with that surname whom the kin noun fits (a brother is no woman)."""
    lemma = subj.lemma_.lower()
    owner = next((c for c in subj.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
    if lemma not in KIN_NOUNS or owner is None or subj.tag_ != "NN":
        return None
    of = resolve_pronoun(ctx, owner, para).entity
    ents = ctx.ents.entities
    if of is None or ents[of].kind != "person" or len(ents[of].name.split()) < 2:
        return None
    surname, gender = ents[of].name.split()[-1], noun_gender(lemma)
    family = [
        i
        for i, e in enumerate(ents)
        if i != of
        and e.kind == "person"
        and e.name.split()[-1] == surname
        and _gender_fits(ctx, i, gender)
        and not _other_kin(e, lemma)
    ]
    return family[0] if len(family) == 1 else None


def _other_kin(e: Entity, lemma: str) -> bool:
    """The person was introduced as another relative ("her son X" is not "her husband")."""
    said = {w.lower().rstrip("s") for r in e.roles for w in r.split()} & KIN_NOUNS
    return bool(said) and lemma not in said


_BRACKETED_END = re.compile(r"\s*\([^()]*\)?$")


def _person_above(ctx: Context, head: Token) -> Token:
    """What "who" stands for: its head noun, unless that names no person and a person's name
    governs it ("Jo Roe, a candidate in what used to be Ward 21, who tweeted": Jo Roe)."""
    te, ents = ctx.ents.token_entity, ctx.ents.entities
    if (head.i in te and ents[te[head.i]].kind == "person") or human_word(head.lower_):
        return head
    t = head
    for _ in range(8):
        if t.head.i == t.i:
            break
        t = t.head
        if t.i in te and ents[te[t.i]].kind == "person":
            return t
    return head


def _described_person(
    ctx: Context, subj: Token, para: int, span: Span, exclude: frozenset[int]
) -> int | None:
    """The person a definite description of one stands for: whom the same words stood for
    before in this article; else, unless it names its own organisation ("the chairman of
    the Police Federation"), the salient person, never one known to hold another office nor
    one named in what it reports (``exclude``)."""
    same = _same_description(ctx, span.text)
    if same is not None:
        return same
    if _of_named(ctx, subj, span) or subj.lemma_.lower() in _MEDIA_JOBS:
        return None  # "the Hollywood reporter" reports on the story's people; is none of them
    other = _other_office(ctx, subj, span) | _coordinated_subject(ctx, subj) | exclude
    pron = {"m": "he", "f": "she"}.get(noun_gender(subj.lemma_.lower()) or "")  # "the woman"
    return salient_person(ctx, subj, para, pron or self_pronoun(subj), exclude=other)


_MEDIA_JOBS = words("reporter journalist correspondent")


def _same_description(ctx: Context, text: str) -> int | None:
    """The person the latest speaker described in the same words was resolved to."""
    key = text.lower().removeprefix("the ")
    for _i, spk, _p in reversed(ctx.previous):
        said = (spk.text or "").lower().removeprefix("the ")
        if spk.entity is not None and spk.type == "person" and said == key:
            return spk.entity
    return None


def _of_named(ctx: Context, subj: Token, span: Span) -> bool:
    """Whether the description's post-modifier names an organisation or brings in something
    new: "the chairman of the Police Federation", "the owner of a bakery" is someone of that
    body or place, not whoever was talked about."""
    te = ctx.ents.token_entity
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("of", "for", "at")
        and any(
            (t.i in te and ctx.ents.entities[te[t.i]].kind == "organisation")
            or (t.dep_ == "pobj" and _indefinite(t))
            for t in c.subtree
        )
        for c in subj.rights
        if c.i < span.end
    )


def _indefinite(noun: Token) -> bool:
    """A noun brought in by "a", "an" or "another" ("a downtown bakery")."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


HUMAN_SUFFIXES = (*ROLE_SUFFIXES, "ee", "person", "eer", "wright")
HUMAN_NOUNS = (
    words(
        """official chief head wing forward defenceman defenseman goalie captain veteran republican
    democrat liberal conservative chair star rookie coach mayor premier minister senator
    judge justice lawyer politician diplomat envoy professor sergeant-at-arms sergeant author
    economist analyst researcher scientist champion boss skipper international titleholder
    swiss czech slovak croat serb greek thai seed favourite favorite athlete actress jockey
    pilot colleague citizen heiress princess duchess nurse medic pundit pupil legend native
    resident graduate alumnus alumna incumbent candidate quarterback victim entrepreneur teen
    secretary mp mep msp mla mpp mna mha youth"""
    )
    | DEMONYM_NOUNS
    | ROLE_NOUNS
)
NOT_HUMAN = words(
    """father mother wife husband son daughter brother sister friend partner parent statement
    report study paper letter number member order matter water center centre government
    department agency company firm group power computer paper weather winter summer quarter
    filter border chapter"""
) | words(  # firms named by their trade, though they end like a person's noun
    """lender insurer retailer carrier operator manufacturer carmaker supplier provider
    broadcaster brewer housebuilder exporter importer distributor wholesaler regulator"""
)


def human_word(word: str) -> bool:
    """A lower-case noun for people: "minister", "residents", "officer" (not "partner")."""
    return word in HUMAN_NOUNS or (
        word.endswith(HUMAN_SUFFIXES) and word not in NOT_HUMAN | ORG_DESCRIPTION_HEADS
    )


def _human_description(tok: Token, lo: int) -> bool:
    """A definite singular description of a person: "the 26-year-old right wing", "this
    veteran"."""
    doc = tok.doc
    if doc[lo].lower_ not in ("the", "this") or tok.tag_ in ("NNS", "NNPS"):
        return False
    low = tok.lower_
    if low in KIN_NOUNS and _of_a_number(tok):
        return True  # "the mother of two": an epithet, not someone's mother
    if {low, tok.lemma_.lower()} & (NOT_HUMAN | ORG_DESCRIPTION_HEADS):
        return False  # ("the industry newspaper" is no person)
    if tok.ent_type_ == "NORP" and tok.i == lo + 1:
        return True  # "the American", "the Australian": a person of that country
    return low in HUMAN_NOUNS or low.endswith(HUMAN_SUFFIXES)


def _of_a_number(tok: Token) -> bool:
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.like_num for g in c.children)
        for c in tok.children
    )


def _age_epithet(ctx: Context, subj: Token, para: int, age: int, text: str) -> Speaker:
    """ "the 38-year-old": the person the article gave that age, else the salient person
    unless the article gave them another age."""
    before = [m for m in ctx.mention_tokens if m[0] < subj.i]
    ages = known_ages(ctx.doc, ctx.ents, before)
    found = person_of_age(ages, age, {ent for _s, _e, ent in before})
    if found is None:
        other_age = {ent for ent, a in ages.items() if a != age}
        found = salient_person(ctx, subj, para, self_pronoun(subj), exclude=other_age)
    if found is None:
        return Speaker(None, text, "other", text)
    return _speaker_for_entity(ctx, found, text)
