"""The grammar of a reporting act: is a verb a speech cue, who is its subject, what does it report.

Each function looks at the parse around one cue verb; none of them decides a speaker (that is
``speakers``) or builds a quotation (that is ``reported``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.annotate.cues import CLAUSE_ONLY, NO_COMMENT, OBJECT_PREDICATE, SPEECH_VERBS
from app.annotate.documents import is_document
from app.annotate.epithets import epithet_age
from app.annotate.names import words
from app.annotate.nlp import sentence_of, word_parts

SUBJ = ("nsubj", "nsubjpass")
_OBJ_MORE = frozenset({"prep", "oprd", "xcomp", "ccomp", "acomp", "advcl_", "npadvmod_"})
_ADVERBIAL_MARKS = words("as while when whereas because since although though after before until")
_FINITE = frozenset(("VBD", "VBZ", "VBP"))
WH_WORDS = frozenset(("how", "what", "whether", "why", "when", "where", "who", "which", "if"))


def is_cue(tok: Token) -> bool:
    """A verb that reports speech here ("said", "singled out"; not "so-called", "added cost");
    "read" with a document for subject ("reads a statement from X")."""
    if tok.lemma_.lower() == "read" or tok.lower_ == "read":  # (the tagger's noun, too:
        # "“...,” a BBC statement read.")
        return any(c.dep_ == "nsubj" and is_document(c) for c in tok.children)
    if tok.lower_ in ("said", "says") and tok.pos_ == "NOUN" and tok.dep_ == "ROOT":
        return True  # ("“...,” the 36-year-old said, standing ...": the tagger's noun)
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in SPEECH_VERBS:
        return False
    if tok.lemma_.lower() == "single":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    if tok.lemma_.lower() in ("add",) and tok.dep_ == "amod":
        return False
    if tok.lemma_.lower() in OBJECT_PREDICATE and tok.dep_ == "acl" and tok.tag_ == "VBN":
        return False  # "an app called “Meter”", "a group dubbed ...": a name, not speech
    if tok.lemma_.lower() in ("release", "publish") and _passive_without_agent(tok):
        return False  # "the album was released in May": a product, not a statement
    if tok.lemma_.lower() in ("ask", "request") and _subjunctive_request(tok):
        return False  # "asked that he not be named": a request, not what was said
    if tok.lemma_.lower() == "call" and tok.i > 0:
        prev = tok.doc[tok.i - 1].lower_
        if prev in ("so", "so-") or (
            prev == "-" and tok.i > 1 and tok.doc[tok.i - 2].lower_ == "so"
        ):
            return False
    return True


def _subjunctive_request(tok: Token) -> bool:
    """A "that" clause in the subjunctive ("that his name be withheld", "that he be
    named"): base-form "be" and no modal."""
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        parts = [clause, *clause.children]
        if any(t.dep_ == "mark" and t.lower_ == "that" for t in parts) and not any(
            t.tag_ == "MD" for t in parts
        ):
            return any(t.lower_ == "be" and t.tag_ == "VB" for t in parts)
    return False


def _passive(tok: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children)


def _passive_without_agent(tok: Token) -> bool:
    return _passive(tok) and _agent(tok) is None


def _reports_a_clause(tok: Token) -> bool:
    """An active cue that can report a clause the parser misattached (not "think", not
    "was warned")."""
    return tok.lemma_.lower() not in CLAUSE_ONLY and not _passive(tok)


def no_comment(doc: Doc, tok: Token) -> bool:
    """The cue is part of a refusal to speak ("declined to comment")."""
    window = doc[max(0, tok.i - 3) : tok.i + 4].text.lower()
    return any(p in window for p in NO_COMMENT)


def unrealised(tok: Token) -> bool:
    """The cue reports no act of speech: a comparison ("higher than officials say it is"),
    an intended act named by a noun ("efforts to confirm that ..."), or one denied ("has not
    told the landlord he is moving")."""
    if any(c.dep_ == "mark" and c.lower_ == "than" for c in tok.children):
        return True
    if _impersonal(tok) or _set_phrase(tok) or _naming(tok) or _counterfactual(tok):
        return True
    if any(c.dep_ == "neg" for c in tok.children):
        return True  # "he had not told his boss he was moving"
    if _told_by_no_one(tok):
        return True  # "he had been assured it was on track": by no one the text names
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return infinitive and tok.dep_ == "acl" and tok.head.pos_ == "NOUN"


def _told_by_no_one(tok: Token) -> bool:
    """ "X was told (assured, informed) that ...", by no one the text names."""
    return tok.lemma_.lower() in TOLD_VERBS and _passive_without_agent(tok)


def _counterfactual(tok: Token) -> bool:
    """ "had he denied the charge", "should she say so": a condition put by inversion, an
    act that did not (or may not) happen."""
    subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
    return subj is not None and any(
        c.dep_ == "aux" and c.lower_ in ("had", "should", "were") and c.i < subj.i
        for c in tok.children
    )


_HEARSAY = frozenset({"i", "we", "you"})


def hearsay(tok: Token, subj: Token) -> bool:
    """ "Morgana, we're told, is ...": the writer (or reader) was told, by nobody named; no
    one is quoted."""
    return (
        subj.dep_ == "nsubjpass"
        and subj.lower_ in _HEARSAY
        and tok.lemma_.lower() in ADDRESSEE_VERBS
        and _agent(tok) is None
    )


def addressed(tok: Token) -> bool:
    """ "X was asked: “...”", "X was warned that ...": the subject is who was spoken to, and
    the speaker is no one named (no "by Y"; "X was told that ..." reports nothing at all:
    ``_told_by_no_one``)."""
    return (
        tok.lemma_.lower() in _SPOKEN_TO
        and any(c.dep_ == "nsubjpass" and c.lower_ not in _HEARSAY for c in tok.children)
        and _agent(tok) is None
    )


_NAMING_VERBS = words("call dub name term brand label nickname christen")


def _naming(tok: Token) -> bool:
    """ "what are called “enterprise zones”", "launched and dubbed “Saver”": a name given,
    by no one who speaks (a passive or a participle, without an agent)."""
    if tok.lemma_.lower() not in _NAMING_VERBS or tok.tag_ != "VBN" or _agent(tok):
        return False
    participle = tok.dep_ == "acl" or (tok.dep_ == "conj" and tok.head.dep_ == "acl")
    return _passive(tok) or participle


def _impersonal(tok: Token) -> bool:
    """ "It has to be said ...", "it must be said that ...": a passive with no one saying."""
    if not _passive_without_agent(tok):
        return False
    holder = tok.head if tok.dep_ == "xcomp" else tok
    return any(c.dep_ in SUBJ and c.lower_ == "it" for c in holder.children)


def _set_phrase(tok: Token) -> bool:
    """ "That said, ...", "Having said that", "Needless to say": a link between sentences."""
    if tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ":
        return True  # "needless to say", "suffice to say"
    if any(c.lower_ in ("that", "this") and c.dep_ in ("nsubj", "dobj") for c in tok.children):
        # (not "that said the plan would fail")
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ","
    return False


_QUOTED_BY = frozenset({"quote", "cite"})  # passives whose agent reports, not speaks


def subject_of(tok: Token) -> Token | None:
    """The parse's subject of a cue verb, climbing through shared-subject clauses."""
    seen = 0
    t = tok
    stolen = host_subject(tok.doc, tok)
    inverted = _speaker_in_complement(tok)
    if inverted is not None:
        return inverted
    if _verb_read_as_participle(tok):
        return tok.head
    if _passive(tok) and tok.lemma_.lower() in TOLD_VERBS:
        return _agent(tok)  # "was told by surgeons she might ...": not the one told
    while t is not None and seen < 4:
        if seen and t.dep_ == "ccomp" and is_cue(t.head):
            t = t.head  # "X said the plant would close, noting ...": X notes
        quoted = _quoted_as_saying(t)
        if quoted is not None:
            return quoted
        subjects = [c for c in t.children if c.dep_ in SUBJ and c != stolen]
        if len(subjects) > 1 and subjects[0].tag_ in ("WDT", "WP"):
            subjects = subjects[1:]  # "what it says is ...": "it", not "what"
        if seen and subjects and _relative_clause_of_a_thing(t, subjects):
            # "He ruled it out - which is on offer elsewhere, saying"; "X criticised the move -
            # which may cost jobs - saying": the verb the clause (or its noun) hangs from
            t = t.head if t.head.pos_ in ("VERB", "AUX") else t.head.head
            seen += 1
            continue
        if subjects:
            c = _named_appositive(subjects)
            if c.dep_ != "nsubjpass" or t.lemma_.lower() in _QUOTED_BY:
                return c  # "X was quoted by the Times as saying": X speaks, not the paper
            return _agent(t) or c
        caused = _caused_speaker(t) or _age_read_as_adverb(t)
        if caused is not None:
            return caused
        if t.dep_ in ("conj", "advcl", "xcomp", "ccomp", "pcomp", "prep") and t.head.i != t.i:
            # "X said ..., adding that"; "X said and added"
            if t.dep_ == "ccomp" and not _participle_read_as_complement(t):
                return None
            t = t.head
            seen += 1
            continue
        # passive "it was said" / agent
        break
    return None


def _age_read_as_adverb(verb: Token) -> Token | None:
    """ "The 26-year-old later told ...": a subject the parser hung on an adverb ("later")
    that it made the phrase's head, the verb left with no subject."""
    for c in verb.lefts:
        phrase = verb.doc[c.left_edge.i : c.i + 1]
        aged = phrase[0].lower_ == "the" and epithet_age(phrase.text) is not None
        if c.dep_ in ("advmod", "npadvmod") and aged:
            return c
    return None


def _quoted_as_saying(verb: Token) -> Token | None:
    """ "the paper quoted Jo Roe as saying": the object speaks, not the paper."""
    if verb.lemma_.lower() not in _QUOTED_BY:
        return None
    saying = any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_ == "say" for g in c.children)
        for c in verb.children
    )
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects[0] if saying and objects else None


def _verb_read_as_participle(tok: Token) -> bool:
    """ "The clinic, which serves 3,000 patients, announced it would close": finding no verb
    for the noun, the parser hung the cue on it as a participle; but the sentence's main verb
    is the cue (it reports a clause), and the noun its subject."""
    head = tok.head
    return (
        tok.dep_ == "acl"
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and head.i < tok.i
        and any(c.dep_ == "ccomp" for c in tok.children)
    )


def _relative_clause_of_a_thing(clause: Token, subjects: list[Token]) -> bool:
    """A clause whose subject is "which" (or a "that" standing for a thing): a participle
    hanging off it has the subject of the clause it comments on."""
    return clause.head.i != clause.i and all(c.tag_ == "WDT" for c in subjects)


_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP"})


def _named_appositive(subjects: list[Token]) -> Token:
    """The subject of a verb, of two the parser found: a name after a description and a
    comma, or right after it, is its appositive ("The new chairman of the society, Guy Mansell
    QC, warned"; "Germany's financial watchdog BaFin told"; "Quebec [Labour Minister Jo
    Roe-Lee] said", the place split off the rest)."""
    # one word the parser took as several subjects: "vice - president"
    subjects = [c for c in subjects if not any(s.i < c.i <= word_parts(s)[-1].i for s in subjects)]
    first, last = subjects[0], subjects[-1]
    doc = first.doc
    if (
        len(subjects) == 2
        and last.i < first.head.i
        and (first.pos_ == "NOUN" or first.ent_type_ in _PLACE_ENTS)
        and last.pos_ == "PROPN"
        and (
            doc[last.left_edge.i - 1].text == "," or last.left_edge.i <= word_parts(first)[-1].i + 1
        )
        and not _rest_of_a_listed_name(last)
    ):
        return last
    return first


def _rest_of_a_listed_name(tok: Token) -> bool:
    """ "the Department for Roads, [Rail and Ports] said": capitalised words joined by "and"
    after a capitalised word and a comma end the name before it, no appositive."""
    doc = tok.doc
    before = tok.left_edge.i - 2
    listed = any(c.dep_ == "cc" for c in tok.children)
    return listed and before >= 0 and doc[before + 1].text == "," and doc[before].is_title


# "The row prompted a donor to say ...": the verb's object is who speaks.
_CAUSE_VERBS = words("prompt lead force drive spur provoke compel move inspire cause push")


def _caused_speaker(verb: Token) -> Token | None:
    """The object of a verb that made someone speak ("prompted a donor to say"), who is the
    speaker of the infinitive, not the verb's own subject."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in _CAUSE_VERBS:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj"), None)


def _subject_then_comma(tok: Token) -> Token | None:
    """The cue's one subject before it when only a comma stands between ("The tone of it,
    said ..."): in an inverted attribution, the subject of the clause around it."""
    before = [c for c in tok.lefts if c.dep_ in SUBJ]
    if len(before) != 1:
        return None
    between = tok.doc[before[0].right_edge.i + 1 : tok.i]
    return before[0] if [t.text for t in between] == [","] else None


def host_subject(doc: Doc, tok: Token) -> Token | None:
    """The subject of the host clause that the parser gave to an inverted attribution: in
    "The tone of it, said Mr Cox, would be ...", both "tone" and "Cox" hang on "said"."""
    if tok.dep_ != "parataxis" or not any(c.dep_ in SUBJ for c in tok.rights):
        return None
    return _subject_then_comma(tok)


def _speaker_in_complement(tok: Token) -> Token | None:
    """ "The risk they run, said Anil Mehta, head of X, is losing ...": the parser gave the
    host clause's subject to the cue, and the name after the cue to the clause."""
    doc = tok.doc
    if any(c.dep_ in SUBJ for c in tok.rights) or _subject_then_comma(tok) is None:
        return None
    for comp in tok.rights:
        for s in comp.children if comp.dep_ == "ccomp" else ():
            if s.dep_ in SUBJ and s.left_edge.i == tok.i + 1 and s.pos_ == "PROPN":
                # (set off by commas: "said Chancellor X had done ..." reports X)
                edge = s.right_edge.i
                return s if "," in (doc[edge].text, doc[min(edge + 1, len(doc) - 1)].text) else None
    return None


def _agent(verb: Token) -> Token | None:
    """ "X was described as ... by Y": Y speaks, not X (the agent, wherever the parser hung
    its "by" in the verb's phrase)."""
    for t in verb.subtree:
        if t.i > verb.i and t.lower_ == "by" and t.dep_ in ("agent", "prep"):
            obj = [c for c in t.children if c.dep_ == "pobj"]
            if obj and not _in_a_clause_of(t, verb):
                return obj[0]
    return None


def _in_a_clause_of(tok: Token, verb: Token) -> bool:
    """ "It is predicted that X will sell by the end of the year": a "by" inside a clause the
    verb governs (what is reported) is no agent of the verb."""
    t = tok.head
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ in _CLAUSES:
            return True
        t = t.head
    return False


_CLAUSES = frozenset({"ccomp", "csubj", "advcl", "relcl", "acl", "parataxis"})


_DASHES = ("-", "–", "—")


# How far back a name set off by commas may stand before its cue: "X, who runs a 70-cow
# farm near Y with her husband, told ..." (a relative clause is as long as a sentence).
_ASIDE_TOKENS = 32


def nearby_subject(doc: Doc, tok: Token, te: dict[int, int]) -> Token | None:
    """When the parse gives the cue no subject: the name right before or after it."""
    sent = sentence_of(tok)
    if _age_epithet_before(doc, tok):
        return doc[tok.i - 1]  # "The 31-year-old insisted": "old" (the parse had no subject)
    opening = _age_epithet_opening(doc, tok)
    if opening is not None:
        return opening
    i = tok.i - 1
    while (
        i >= 0
        and i not in te  # (a name the tagger read as a modal or a month: "May said")
        and (doc[i].pos_ in ("ADV", "AUX", "PART") or doc[i].ent_type_ in ("DATE", "TIME"))
    ):
        i -= 1
    # (a wrong sentence split may separate "Vickers | said": no punctuation between is fine)
    if (
        i >= 0
        and (i >= sent.start or (not doc[i].is_punct and not doc[i].is_space))
        and (
            i in te
            or doc[i].pos_ in ("PROPN", "NOUN")
            or doc[i].lower_ in ("he", "she", "they", "it", "we", "i")
        )
    ):
        return doc[i] if i in te else _modified_noun(doc[i])
    if i >= 0 and doc[i].text in (",", *_DASHES) and i >= sent.start:
        # "..., Linda Lamoureux, executive chairwoman of the commission, said", "Mr X -
        # keen to reassure investors - had said" (a dash's aside has its opening dash)
        named = _named_before_aside(doc, tok, i, te)
        if named is not None:
            return named
    j = tok.i + 1
    while j < sent.end and doc[j].pos_ == "ADV":
        j += 1
    if j < sent.end and (j in te or doc[j].pos_ == "PROPN"):
        t = doc[j]
        while t.dep_ == "compound" and t.head.i > t.i:
            t = t.head
        return t
    return _inverted_description(doc, tok, j, sent.end)


def _named_before_aside(doc: Doc, tok: Token, i: int, te: dict[int, int]) -> Token | None:
    """The name that ends before the comma or dash at ``i`` in front of the cue; a name that
    is the object of the aside's preposition only when no other comes before it ("X,
    executive director of the Y Association, said": X)."""
    sent = sentence_of(tok)
    found: Token | None = None
    for k in range(i - 1, max(sent.start, i - _ASIDE_TOKENS) - 1, -1):
        aside = doc[i].text == "," or any(doc[m].text in _DASHES for m in range(k + 1, i))
        if k in te and doc[k].text[:1].isupper() and aside:
            if found is not None and te[k] == te[found.i]:
                continue  # (the rest of the name already found)
            head = k
            while head + 1 < tok.i and te.get(head + 1) == te[k]:
                head += 1
            if found is not None or doc[head].dep_ != "pobj":
                return doc[head]
            found = doc[head]
        if doc[k].text in ('"', "“", "”") or doc[k].lower_ in ("said", "says"):
            break
    return found


def _modified_noun(noun: Token) -> Token:
    """The subject of the verb a prepositional phrase ending in ``noun`` hangs from
    ("Residents opposed to the project say": residents; "X opposed the scheme for farmers
    saying": X), else ``noun`` (and where the noun is the participle's own subject: "with
    reports saying", "despite a new book claiming", "because of the reports suggesting")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ in _ABSOLUTE_PREPS:
        return noun
    verb = prep.head if prep.head.pos_ == "VERB" else prep.head.head
    if verb.pos_ != "VERB" or verb.i > noun.i:
        return noun
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < noun.i]
    return subjects[0] if subjects else noun


_ABSOLUTE_PREPS = words("with despite of because amid after following without")


def _age_epithet_before(doc: Doc, tok: Token) -> bool:
    """ "The 31-year-old insisted ...": "the", an age and "old" right before the cue."""
    i = tok.i - 1
    k = i - 5  # the, 31, -, year, -, old
    return (
        k >= 0
        and doc[i].lower_ == "old"
        and doc[k].lower_ == "the"
        and epithet_age(doc[k : tok.i].text) is not None
    )


def _age_epithet_opening(doc: Doc, tok: Token) -> Token | None:
    """ "The 29-year-old from Nigeria, who crossed ... in June, says": the sentence opens on
    an age epithet set off by a comma before the cue (its "old")."""
    k = sentence_of(tok).start
    while k < tok.i and doc[k].is_punct:
        k += 1  # (an opening quotation mark)
    old = k + 5  # the, 29, -, year, -, old
    if old >= tok.i - 1 or doc[tok.i - 1].text != "," or doc[k].lower_ != "the":
        return None
    if doc[old].lower_ != "old" or epithet_age(doc[k : old + 1].text) is None:
        return None
    return doc[old]


def _inverted_description(doc: Doc, tok: Token, j: int, end: int) -> Token | None:
    """ "“...,” added the British producer.": a description after the cue that ends the
    sentence is who speaks, whatever the parser called it."""
    if j >= end or doc[j].lower_ not in ("the", "a", "an", "one", "another"):
        return None
    for c in tok.rights:
        noun = c.pos_ == "NOUN" or (c.pos_ == "ADJ" and c.lower_ == "old")  # "the 30-year-old"
        if c.left_edge.i == j and noun and c.dep_ in ("dobj", "attr", "npadvmod"):
            after = c.right_edge.i + 1
            return c if _ends_sentence(doc, after) or _participle_follows(doc, tok, after) else None
    return None


def _participle_follows(doc: Doc, tok: Token, i: int) -> bool:
    """ "..., added the coach, referring to the penalty.": a comma and a participle of the cue."""
    return (
        i + 1 < len(doc)
        and doc[i].text == ","
        and doc[i + 1].tag_ == "VBG"
        and doc[i + 1].head.i == tok.i
    )


# Words that join a clause to the next as its cause or sequel, never as what it reports.
_CONNECTIVES = words("so and but then yet therefore thus hence")


def _joined_by_connective(clause: Token, tok: Token) -> bool:
    """ "X is no programmer, so he asked others to ...": a clause before the cue that a
    connective joins to it is not what it reports."""
    subj = next((c for c in tok.lefts if c.dep_ in SUBJ), tok)
    between = [t for t in tok.doc[clause.right_edge.i + 1 : subj.left_edge.i] if not t.is_punct]
    return len(between) == 1 and between[0].lower_ in _CONNECTIVES


def content_range(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """Token range of what the cue verb reports (its complement)."""
    lemma = tok.lemma_.lower()
    relative = relative_report(tok)
    if relative is not None:
        return relative
    comp = [c for c in tok.children if c.dep_ == "ccomp"]
    if any(c.i < tok.i for c in comp):
        # "X rose, officials said, as rescuers searched": the adverbial is no complement
        comp = [c for c in comp if c.i < tok.i or c.left_edge.lower_ not in _ADVERBIAL_MARKS]
    comp = [c for c in comp if c.i > tok.i or not _joined_by_connective(c, tok)]
    after = [c for c in comp if c.i > tok.i]
    extraposed = _extraposed_predicate(tok, after)
    if extraposed is not None:
        return extraposed
    if len(after) > 1:
        # a clause the parser split in two ("said she had met people ... who fear it will")
        return after[0].left_edge.i, after[-1].right_edge.i + 1
    if comp:
        c = comp[-1] if len(comp) > 1 and not _set_off(tok, comp[-1]) else comp[0]
        if _participle_read_as_complement(c):
            return None  # a second act of the same speaker, not what the first reports
        return stolen_subject_start(tok, c), c.right_edge.i + 1
    clause = stray_that_clause(tok) or clause_on_addressee(tok) or _clause_read_as_adverbial(tok)
    clause = clause or _clause_read_as_object(tok) or _clause_before_read_as_adverbial(tok)
    if clause is not None:
        that = clause.left_edge.lower_ == "that" and clause.dep_ == "relcl"  # (no relative's)
        return clause.left_edge.i + int(that), clause.right_edge.i + 1
    clause = _clause_read_as_conjunct(tok) or _clause_read_as_head(tok)
    if clause is not None:
        return tok.i + 1, clause.right_edge.i + 1
    directive = _directive(tok)
    if directive is not None:
        return directive
    if lemma in CLAUSE_ONLY:
        return None
    parts = _object_and_predicate(tok) if lemma in OBJECT_PREDICATE else []
    if parts:
        lo = min(t.i for p in parts for t in p.subtree)
        hi = max(t.i for p in parts for t in p.subtree) + 1
        return lo, hi
    return None


def _object_and_predicate(tok: Token) -> list[Token]:
    """ "called the plan “a disaster”", "described it as ...": the object and its predicate
    (the phrases after the verb that make them)."""
    parts: list[Token] = []
    started = False
    for c in tok.rights:
        if c.dep_ in ("dobj", "oprd", "attr", "dative") or (started and c.dep_ in _OBJ_MORE):
            started = True
            if c.dep_ == "prep" and c.lower_ == "as" and not parts:
                parts.extend(x for x in c.children if x.dep_ == "pobj")
            else:
                parts.append(c)
        elif c.dep_ == "prep" and c.lower_ == "as" and not parts:
            # "what the ministers described as ...": the predicate alone
            parts.extend(x for x in c.children if x.dep_ == "pobj")
            started = bool(parts)
        elif started and c.dep_ == "punct" and c.text in ('"', "'"):
            continue
        elif started and c.dep_ == "npadvmod" and _quoted(c):
            parts.append(c)  # "called it “a shameful day”", parsed as an adverbial
        elif started:
            break
    return parts


# Verbs that report a directive to an addressee: "urged the council to act".
_DIRECTIVES = words("tell urge warn advise implore beg")


def _directive(tok: Token) -> tuple[int, int] | None:
    """ "told staff to stay home", "urged Ottawa not to sign": what the speaker asked of the
    addressee (the infinitive, from "to" or "not"), when the verb has an addressee."""
    if tok.lemma_.lower() not in _DIRECTIVES or _passive(tok) or _conjectured(tok):
        return None
    if not any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return None
    clause = next((c for c in tok.rights if _infinitival(c) and c.dep_ == "xcomp"), None)
    if clause is None:
        return None
    return clause.left_edge.i, clause.right_edge.i + 1


def _conjectured(tok: Token) -> bool:
    """ "could be telling", "might urge": an act imagined, not reported."""
    return any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in tok.children)


_FINITE_OR_MODAL = _FINITE | {"MD"}
_MAKING = words("release publish")  # ("the patches which it releases are ...")


def relative_report(tok: Token) -> tuple[int, int] | None:
    """ "what it says is a deficit", "which the agency said would double the cost", "who
    police say was driving": a cue in a relative clause reports the predicate right after it
    (after any setting of the cue's: "said in a report"), but not a verdict on what was said
    ("what he said was untrue")."""
    doc = tok.doc
    subjects = [c for c in tok.children if c.dep_ in SUBJ and c.tag_ not in ("WDT", "WP")]
    subj = subjects[-1] if subjects else None  # (not "what", which the parser may add)
    if subj is None or tok.lemma_.lower() in _MAKING or not _relative_pronoun_before(subj):
        return None
    settings = {t.i for c in tok.rights if c.dep_ in ("prep", "npadvmod") for t in c.subtree}
    j = tok.i + 1
    while j in settings:
        j += 1
    if j >= len(doc) or doc[j].tag_ not in _FINITE_OR_MODAL:
        return None
    aux = doc[j].dep_ in ("aux", "auxpass") or doc[j].head.i <= tok.right_edge.i
    verb = doc[j].head if aux and doc[j].head.i > j else doc[j]
    if any(c.dep_ == "acomp" for c in verb.children):
        return None
    end = next((t.i for t in doc[j : verb.right_edge.i] if _spaced_dash(t)), None)
    return j, (end if end is not None else verb.right_edge.i + 1)


def _spaced_dash(t: Token) -> bool:
    """A dash that sets off an aside ("citizens - trample"), not a hyphen ("anti-war")."""
    spaced = t.i > 0 and bool(t.doc[t.i - 1].whitespace_)
    return t.text in ("–", "—") or (t.text == "-" and spaced)


def _relative_pronoun_before(subj: Token) -> bool:
    """ "which/what/who" right before the cue's subject ("which the agency said"), not the
    object of a preposition ("what they are writing about": the topic, not the words)."""
    lo = subj.left_edge.i
    return lo > 0 and subj.doc[lo - 1].tag_ in ("WDT", "WP") and subj.doc[lo - 1].dep_ != "pobj"


def relative_report_inside(doc: Doc, lo: int, cues: set[int]) -> bool:
    """The content from ``lo`` is "what X said were ...": another cue's relative report and
    nothing else ("the firm posted what it said were its plans" reports what it said)."""
    if doc[lo].tag_ not in ("WDT", "WP"):
        return False
    inner = next((doc[i] for i in range(lo + 1, min(lo + 8, len(doc))) if i in cues), None)
    return inner is not None and relative_report(inner) is not None


def _participle_read_as_complement(clause: Token) -> bool:
    """ "The judge dismissed that, writing that ...": a speech verb's participle after a
    comma, which the parser made the first verb's complement."""
    before = clause.doc[clause.i - 1] if clause.i > 0 else clause
    return clause.dep_ == "ccomp" and clause.tag_ == "VBG" and before.text == "," and is_cue(clause)


def _set_off(tok: Token, clause: Token) -> bool:
    """A clause after the cue and a comma ("X said on Tuesday, a move that critics warned
    could ..."): a comment on what X said, not X's words; or a clause before the cue."""
    if clause.i < tok.i:
        return True
    first = clause.left_edge
    if first.lower_ == "that" or _quoted(clause):
        return False
    return any(t.text == "," for t in tok.doc[tok.i : first.i])


def _quoted(phrase: Token) -> bool:
    """The phrase opens with a quotation mark."""
    lo = phrase.left_edge.i
    return lo > 0 and phrase.doc[lo - 1].text in ('"', "“")


def _extraposed_predicate(tok: Token, after: list[Token]) -> tuple[int, int] | None:
    """ "called it “unfair” for the tenants “to be pushed out”": the predicate and the clause
    it judges, from the object on (not the clause alone)."""
    if tok.lemma_.lower() not in OBJECT_PREDICATE:
        return None
    pred = next((c for c in tok.rights if c.dep_ == "oprd"), None)
    if pred is None:
        return None
    judged = [c for c in tok.rights if c.i > pred.i and (c in after or _infinitival(c))]
    if not judged:
        return None
    obj = next((c for c in tok.rights if c.dep_ == "dobj" and c.i < pred.i), pred)
    return obj.left_edge.i, judged[-1].right_edge.i + 1


def _infinitival(clause: Token) -> bool:
    """A "(for X) to ..." clause ("for the students to be ...")."""
    return clause.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


# Verbs whose object is the addressee: "told reporters after the game that ...".
ADDRESSEE_VERBS = frozenset(
    {"tell", "inform", "assure", "remind", "warn", "notify", "advise", "promise", "reassure"}
)
_SPOKEN_TO = ADDRESSEE_VERBS | {"ask", "question", "urge"}
_TO_OBJECT = frozenset({"dobj", "dative", "pobj", "npadvmod"})
_SETTING_PREPS = words("in on at after during before via through outside inside near from")


def stray_that_clause(tok: Token) -> Token | None:
    """A "that" clause the parser hung on the addressee or a setting instead of on the cue:
    "told reporters after the game that ...", "said in a statement that ..." (its head)."""
    addressee = tok.lemma_.lower() in ADDRESSEE_VERBS
    # the object of "deny suggestions that ..." is not an addressee: its clause is denied
    todo = [c for c in tok.rights if _on_path(c) and (addressee or c.dep_ == "prep")]
    while todo:
        node = todo.pop(0)
        for c in node.rights:
            if c.dep_ in ("acl", "ccomp", "relcl", "advcl") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children
            ):
                return c
            if c.dep_ == "relcl" and _complement_read_as_relative(c):
                return c
            if _on_path(c) or (c.lower_ == "of" and c.dep_ == "prep" and node.dep_ == "pobj"):
                todo.append(c)  # ("said at the time of the vote that ...")
    return None


def _clause_read_as_object(tok: Token) -> Token | None:
    """ "tweeting that the Liberals had “lost control”": the parser made the clause's last
    noun the cue's object, with the "that" on it; the clause starts at the "that". Or "said
    tickets for the game sold out": a sign of a clause (``_clause_sign``) in "say"'s object
    (which "say" seldom has); or on the second object of "told CBC News the noise carried
    ..." (the first is who was told)."""
    start = _after_addressee(tok)
    for c in tok.rights:
        first = c.left_edge
        if c.dep_ != "dobj" or first.i not in (tok.i + 1, start):
            continue
        if first.dep_ == "mark" and first.lower_ == "that":
            return c
        says = tok.lemma_.lower() == "say" or first.i == start
        if says and any(_clause_sign(t) for t in c.subtree):
            return c
    return None


def _clause_sign(t: Token) -> bool:
    """A word in "say"'s object that only a clause has: a past verb read as a participle,
    a stray auxiliary, or a subject whose verb was read as a noun ("said the cuts target
    routes ...": "cuts" the subject of "target")."""
    subject_of_noun = t.dep_ == "nsubj" and t.head.pos_ == "NOUN" and t.i < t.head.i
    return subject_of_noun or _past_read_as_participle(t) or _stray_auxiliary(t)


def _stray_auxiliary(tok: Token) -> bool:
    """ "said the city has limited power": a finite auxiliary on a word the parser read as a
    modifier of the object noun: the object is a clause."""
    head = tok.head
    return tok.dep_ == "aux" and tok.tag_ in ("VBZ", "VBP", "VBD") and head.dep_ == "amod"


def _after_addressee(tok: Token) -> int:
    """Where a "told X ..." cue's words start after its first object, who was told (-1)."""
    if tok.lemma_.lower() not in TOLD_VERBS:
        return -1
    obj = next((c for c in tok.rights if c.dep_ in ("dobj", "dative")), None)
    return obj.right_edge.i + 1 if obj is not None and obj.left_edge.i == tok.i + 1 else -1


def _past_read_as_participle(tok: Token) -> bool:
    return (
        tok.dep_ == "acl"
        and tok.tag_ in ("VBD", "VBN")
        and not any(c.dep_ in ("aux", "auxpass", "agent") for c in tok.children)
        and tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN")
    )


def _complement_read_as_relative(clause: Token) -> bool:
    """ "said in a news release that advance polls will be open at 100 places": a "that"
    clause with a subject of its own that the parser hung on the document as a relative
    clause, with "that" in no role a relative pronoun has there (not "a release that was
    posted", "a letter that she wrote"). So is a clause with no relative word that reports
    something (``_bare_complement``)."""
    that = clause.left_edge
    if that.lower_ != "that":
        return _bare_complement(clause)
    if that.dep_ in ("nsubj", "nsubjpass", "dobj", "mark"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > that.i for c in clause.children)


# What one does with a statement, a letter or an interview: "the letter she wrote".
_DOCUMENT_MAKING = words(
    "issue release publish post send write sign file give deliver share circulate"
    " distribute prepare submit read make put do grant record attend hold"
)
_SETTINGS = words("interview briefing conference programme program show broadcast email message")
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "acomp", "attr", "oprd"})


def _bare_complement(clause: Token) -> bool:
    """A clause with its own subject and no relative word, hung on a document or a setting:
    what it says ("it was working with ..."), not how it was made ("it sent on Monday")."""
    first = clause.left_edge
    if first.dep_ not in ("nsubj", "nsubjpass") or first.head != clause or first.tag_[:1] == "W":
        return False
    if any(c.dep_ == "ccomp" for c in clause.children):
        return True  # "told the programme he hoped mediation could help"
    noun = clause.head
    if not (is_document(noun) or noun.lemma_.lower() in _SETTINGS):
        return False
    if clause.lemma_.lower() in _DOCUMENT_MAKING:
        return False
    return clause.tag_ == "VBG" or any(c.dep_ in _COMPLEMENTS for c in clause.children)


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_BETWEEN = frozenset({"dobj", "dative", "prep", "npadvmod"})
# Verbs whose first object is always who was told ("warned the plan would fail" has none).
TOLD_VERBS = frozenset({"tell", "inform", "notify", "assure", "remind", "reassure"})


def _heads(clause: Token) -> list[Token]:
    """A clause's verb and its auxiliaries (the parser may hang the subject on either)."""
    return [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]


def _finite(clause: Token) -> bool:
    return any(h.tag_ in _FINITE or h.tag_ == "MD" for h in _heads(clause))


def _finite_without_subject(clause: Token) -> bool:
    """A finite clause whose subject the parser hung elsewhere ("... were leaving")."""
    if any(c.dep_ in _SUBJECT_DEPS for h in _heads(clause) for c in h.children):
        return False
    return _finite(clause)


def stolen_subject_start(tok: Token, clause: Token) -> int:
    """Where a complement clause starts, when the parser gave its subject to the cue ("said
    the attack last week in Leeds was ...", "told MPs the powers would ..."): at the cue's
    first phrase after the addressee; else at the clause's own first token."""
    start = clause.left_edge.i
    if clause.i < tok.i or not _finite_without_subject(clause):
        return start
    between = [c for c in tok.children if tok.i < c.i < start and c.dep_ in _BETWEEN]
    addressee = between[0] if between and between[0].dep_ != "prep" else None
    told = tok.lemma_.lower() in TOLD_VERBS and addressee is not None
    if told:
        between = between[1:]  # "told MPs ...": the first object is who was told
    covered = {t.i for c in between for t in c.subtree}
    lo = min(covered, default=start)
    doc = tok.doc
    covered |= {t.i for c in tok.children if lo < c.i < start and _aside(c) for t in c.subtree}
    if any(i not in covered and not doc[i].is_punct for i in range(lo, start)):
        return start
    if any(doc[i].text == ":" for i in range(lo, start)):
        return start  # "told the director: “...”": the quotation is what was said
    holder = next((c for c in between if _may_hold_subject(c)), None)
    if holder is not None:  # (after any setting: "said on Friday the plan would ...")
        lo = holder.left_edge.i
        while lo < start - 1 and doc[lo].ent_type_ in ("DATE", "TIME"):
            lo += 1  # "said Thursday one of the ideas ... could": the day is no subject
        return lo
    return _after_the_addressee(addressee, start) if told and not between else start


def _aside(phrase: Token) -> bool:
    """A phrase set off by commas on both sides ("one of the ideas, to dig a tunnel, could"),
    which the parser may hang on the cue though it belongs to the subject before it."""
    doc, lo, hi = phrase.doc, phrase.left_edge.i, phrase.right_edge.i
    closed = doc[hi].text == "," or (hi + 1 < len(doc) and doc[hi + 1].text == ",")
    return lo > 0 and doc[lo - 1].text == "," and closed


def _may_hold_subject(c: Token) -> bool:
    """A phrase after the cue that may hold the subject the parser took from the clause
    ("said around eight members were"), not a setting ("on the eve") or a goal ("to ...")."""
    if c.dep_ == "prep":
        return c.lower_ not in _SETTING_PREPS and c.lower_ not in ("to", "with", "for", "of")
    return True


def _after_the_addressee(obj: Token | None, start: int) -> int:
    """ "told the BBC progress had been made": the parser read the addressee and the
    clause's subject as one phrase; the subject is the common noun after the names."""
    if obj is None or obj.pos_ != "NOUN" or obj.right_edge.i != obj.i:
        return start
    names = [t.i for t in obj.doc[obj.left_edge.i : obj.i] if t.tag_ in ("NNP", "NNPS", "POS")]
    return names[-1] + 1 if names else start


def _clause_read_as_adverbial(tok: Token) -> Token | None:
    """ "said after seven years Labour had changed": a finite clause after the cue with a
    subject of its own and no conjunction, which the parser read as an adverbial."""
    if not _reports_a_clause(tok):
        return None
    for c in tok.rights:
        if c.dep_ != "advcl" or any(x.dep_ == "mark" or x.lower_ in WH_WORDS for x in c.children):
            continue
        if any(t.is_punct or t.pos_ == "CCONJ" for t in tok.doc[tok.i + 1 : c.left_edge.i]):
            continue  # "did reply with one, but late efforts sealed it": another clause
        if _finite(c) and any(x.dep_ in SUBJ for x in c.children):
            return c
    return None


def _clause_before_read_as_adverbial(tok: Token) -> Token | None:
    """ "Half of them had no plan, the survey found.": a whole sentence before a trailing
    attribution that the parser hung on the cue as an adverbial (no conjunction of its own),
    with its own subject, then a comma and the cue's subject."""
    doc, sent = tok.doc, sentence_of(tok)
    subj = next((c for c in tok.children if c.dep_ in SUBJ and c.i < tok.i), None)
    if subj is None or any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i + 1 : sent.end]):
        return None
    for c in tok.lefts:
        if c.dep_ != "advcl" or any(x.dep_ == "mark" or x.lower_ in WH_WORDS for x in c.children):
            continue
        start = next((t.i for t in doc[sent.start : c.i] if not t.is_punct and not t.is_space), c.i)
        after = c.right_edge.i + 1
        own = [x for h in (c, *(a for a in c.children if a.dep_ == "aux")) for x in h.children]
        if (
            c.left_edge.i == start
            and doc[after].text == ","
            and subj.left_edge.i == after + 1
            and any(x.dep_ in SUBJ for x in own)
        ):
            return c
    return None


def _clause_read_as_conjunct(tok: Token) -> Token | None:
    """ "insisted closer co-operation did not mean ...": a finite clause the parser joined to
    the cue as a second verb, with no conjunction or comma between, taking the start of its
    subject as the cue's object."""
    if not _reports_a_clause(tok):
        return None
    conj = next((c for c in tok.rights if c.dep_ == "conj"), None)
    if conj is None or not any(x.dep_ in SUBJ for x in conj.children):
        return None
    if not _finite(conj):
        return None
    between = tok.doc[tok.i + 1 : conj.left_edge.i]  # (no comma, no "and")
    stolen = all(t.head.i == tok.i and t.dep_ in ("dobj", "advmod") for t in between)
    return conj if between and stolen else None


def _clause_read_as_head(tok: Token) -> Token | None:
    """ "while Y argued five years would be enough": the clause the parser made the cue's head
    (or the head's next clause), the cue an adverbial taking the start of its subject."""
    if tok.dep_ != "advcl" or not _reports_a_clause(tok):
        return None
    head = tok.head
    if head.i < tok.i:  # (a clause of the head's, right after the cue's words)
        after = tok.right_edge.i + 1
        head = next((c for c in head.rights if c.dep_ == "ccomp" and c.i > after), head)
    if head.i < tok.i or not _finite_without_subject(head):
        return None
    between = tok.doc[tok.i + 1 : head.i]
    aux = {c.i for c in head.children if c.dep_ in ("aux", "auxpass", "neg")}
    own = {t.i for t in tok.subtree}
    if not all(t.i in own or t.i in aux for t in between) or any(t.is_punct for t in between):
        return None
    return head if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in between) else None


def clause_on_addressee(tok: Token) -> Token | None:
    """A clause without "that" the parser hung on the addressee ("told the programme there
    was a danger"): a finite clause right after it, with a subject of its own."""
    if tok.lemma_.lower() not in ADDRESSEE_VERBS:
        return None
    objs = [c for c in tok.rights if c.dep_ in ("dobj", "dative")]
    if not objs:
        return None
    for c in objs[0].rights:
        own = [x for x in c.children if x.dep_ in _SUBJECT_DEPS and x.i < c.i]
        clause = c.dep_ in ("acl", "ccomp") or (c.dep_ == "relcl" and _told_an_audience(c, own))
        if clause and own and _finite(c) and own[0].lower_ not in WH_WORDS:
            return c if own[0].i == c.left_edge.i else None
    return None


# Whom one tells things in public: "told the crowd he had ...".
_AUDIENCES = words(
    """crowd jury court reporters journalists audience media press committee hearing inquiry
    panel council assembly delegates supporters members listeners viewers readers"""
)


def _told_an_audience(clause: Token, own: list[Token]) -> bool:
    """A clause read as relative on an audience, with a pronoun subject of its own ("told
    the crowd he had never played for an award"): what was told (not "the story he told")."""
    return clause.head.lower_ in _AUDIENCES and bool(own) and own[0].tag_ == "PRP"


def _on_path(tok: Token) -> bool:
    """An object, or a setting ("in a statement", "after the game"), between a cue and its
    stray clause; not what the act is about ("respond to the revelation that")."""
    if tok.dep_ == "prep":
        return tok.lower_ in _SETTING_PREPS
    return tok.dep_ in _TO_OBJECT


# Conjunctions whose clause belongs to the reported content ("since", "because", "if"),
# unlike "as" in "..., as they criticised".
_CONTENT_MARKS = frozenset(
    {"since", "because", "although", "though", "if", "unless", "when", "while", "until"}
)


def cut_nested(doc: Doc, lo: int, hi: int, cue: Token, cues: set[int]) -> tuple[int, int]:
    """End the content before another reporting act inside it ("..., as they criticised")."""
    for i in range(lo, hi):
        if i in cues and i != cue.i:
            t = doc[i]
            own_subject = any(c.dep_ in SUBJ for c in t.children)
            participle = t.tag_ == "VBG" and i > 0 and doc[i - 1].text == ","
            marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
            if "like" in marks or _passive_without_agent(t):
                continue  # ("it seemed like they were being told to ...": no second act)
            # (nor "..., and that patients should call 911": a second "that" clause of it,
            # nor "worse than the counts suggest": a comparison)
            subordinate = not marks.isdisjoint(_CONTENT_MARKS | {"that", "than"})
            # "... a big deal since the firm publishes ...": still the content; but "A said
            # X, while B said Y" is a second act
            opening = lo + int(doc[lo].lower_ == "that")  # ("adding that while X has ...")
            # ("asked for eight years, while Y argued ...": set off from the cue's own words)
            after_a_comma = cue.i < lo and doc[lo - 1].text == ","
            set_off = t.left_edge.i > opening or after_a_comma
            second = "while" in marks and own_subject and set_off
            if subordinate and not second:
                continue
            # "said his comments would not matter and added that ...": a second act
            second_act = t.dep_ == "conj" and any(c.dep_ == "ccomp" for c in t.children)
            if t.dep_ in ("advcl", "conj", "parataxis") and (
                own_subject or participle or second_act
            ):
                cut = min(x.i for x in t.subtree)
                while cut > lo and doc[cut - 1].pos_ == "CCONJ":
                    cut -= 1  # (not the "and" before the next act)
                if cut > lo or cue.i < lo == cut:
                    # (from its first word, after the cue: the other act's, none of this one's)
                    return lo, cut
    return lo, hi


def _verb_of(tok: Token) -> Token:
    """The verb a wh-word questions: its head, or the verb of the phrase it opens ("how
    much it paid", "how many pumps might fail", "which bidder won"); not through an
    adverbial ("how much [the firm paid] was ...", misparsed)."""
    t = tok
    for _ in range(4):
        if t.head.i == t.i or t.head.pos_ in ("VERB", "AUX"):
            return t.head if t is tok or t.dep_ != "advmod" else t
        t = t.head
    return t


def reported_clause(doc: Doc, cue: Token, lo: int, hi: int, quoted: bool) -> bool:
    """Is doc[lo:hi] a reported proposition (not a question, not a subjectless fragment)?"""
    first = doc[lo]
    root = _clause_root(doc, lo, hi)
    if quoted:
        return True
    after_that = lo > 0 and doc[lo - 1].lower_ == "that" and doc[lo - 1].dep_ == "mark"
    if (
        first.lower_ in WH_WORDS
        and not after_that  # "said that if ...": a condition, not a question
        and cue.lemma_.lower() not in ("accuse",)
        and root.i in (first.i, first.head.i, _verb_of(first).i)  # ("how many X could")
        and not (first.lower_ == "what" and doc[lo + 1].lower_ in ("a", "an"))  # exclaimed
    ):
        return False
    if cue.lemma_.lower() in OBJECT_PREDICATE:
        return True
    if (lo, hi) in (_directive(cue), relative_report(cue)):
        return hi - lo >= 2  # "urged the council to act", "what it says is a deficit"
    if root.pos_ in ("VERB", "AUX"):
        # (the parse sometimes hangs the subject on the auxiliary: "his party is absorbing")
        has_subj = any(c.dep_ in _SUBJECT_DEPS for h in _heads(root) for c in h.children)
        has_subj = has_subj or _subject_on_adjunct(doc, root, lo) or _subject_in_pieces(root)
        has_subj = has_subj or _subject_read_as_verb(doc, root, hi)
        modal = hi - lo > 4 and any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children)
        # "..., the paper said.": the parse lost the subject of a clause before the cue
        before = hi < cue.i and hi - lo > 4 and doc[hi].text == ","
        if not has_subj and not modal and not before:
            return False  # (a finite modal clause lost its subject to the parse, not a fragment)
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children):
            return False  # "urged parties to be ambitious"
        if hi - lo == 2 and has_subj and root.tag_ in _FINITE and _ends_sentence(doc, hi):
            return True  # "saying Gallas overreacted.": a whole clause in two words
    return hi - lo >= 3


def _clause_root(doc: Doc, lo: int, hi: int) -> Token:
    """The span's root, passing over an aside the parser hung on the cue ("one of the ideas,
    to dig a tunnel, could save money": "save", not "dig")."""
    root = doc[lo:hi].root
    if root.i > lo and _aside(root):
        others = [t for t in doc[lo:hi] if t.head.i == root.head.i and t.i > root.right_edge.i]
        return next((t for t in others if t.pos_ in ("VERB", "AUX")), root)
    return root


def _subject_read_as_verb(doc: Doc, root: Token, hi: int) -> bool:
    """ "said stays for delay remain rare": the subject's noun read as a verb, with the real
    verb a second clause of the cue's, right after it and with no subject either."""
    nxt = root.right_edge.i + 1
    if nxt >= hi or root.dep_ != "ccomp" or root.tag_ not in ("VBZ", "VBP"):
        return False
    verb = doc[nxt]
    return verb.dep_ == "ccomp" and verb.head.i == root.head.i and _finite_without_subject(verb)


def _subject_in_pieces(root: Token) -> bool:
    """A finite verb that the parser gave an article or an adjective of its own: the subject
    in pieces ("said the 40-year-old plans to appeal": "the" and "old" on "plans")."""
    return root.tag_ in _FINITE and any(
        c.dep_ in ("det", "amod") and c.i < root.i for c in root.children
    )


def _subject_on_adjunct(doc: Doc, root: Token, lo: int) -> bool:
    """The clause's subject, set off by a comma, that the parser hung on the adjunct after
    it: "said French banks, keen to cut costs, were reluctant" ("banks" on "keen")."""
    for adjunct in root.children:
        if adjunct.dep_ not in ("advcl", "amod", "acomp") or adjunct.i > root.i:
            continue
        for c in adjunct.children:
            if c.dep_ in _SUBJECT_DEPS and c.left_edge.i == lo and c.i < adjunct.i:
                return "," in (doc[c.right_edge.i].text, doc[c.right_edge.i + 1].text)
    return False


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is past the end of its sentence or the full stop that ends it."""
    return i >= len(doc) or doc[i].is_sent_start or doc[i].text in (".", "!", "?")
