"""Cue-verb lexicon: reporting verbs and expressions that introduce speech."""

from __future__ import annotations

from app.annotate.names import words

# Lemmas of verbs that report speech or a stated position.
SPEECH_VERBS = words(
    """say tell add note warn argue insist emphasize emphasise stress call confirm accuse
    criticise criticize describe recognise recognize state explain claim assert declare
    announce suggest report reveal write tweet post admit acknowledge concede agree deny
    reject dispute maintain contend predict complain lament point observe remark comment
    reply respond answer retort counter caution urge demand ask question wonder recall
    recount mention indicate signal allege charge testify inform assure promise pledge vow
    vowed threaten boast brag joke quip muse highlight underline underscore reiterate repeat
    echo affirm reaffirm advise recommend propose request plead appeal proclaim disclose
    divulge release publish blog text email message shout yell scream whisper mutter cry
    exclaim sigh laugh smile clarify elaborate specify detail outline summarize summarise
    characterize characterise label brand dub praise hail applaud welcome condemn denounce
    slam blast attack rebuke chide scold lambast decry deplore bemoan defend justify
    rationalize guarantee swear attest certify verify corroborate concur object protest
    oppose contest challenge doubt speculate theorize theorise hypothesize surmise guess
    imply insinuate hint remind reassure notify brief continue single chant sing quote"""
)
# Verbs that report agreement or a sign, not words: their clause is a quotation only when it
# quotes ("analysts agree the market has turned" and "the figures signal growth" are not).
STANCE_ONLY = words("agree signal")
# Verbs whose complement is only speech when it is a clause ("told X that ...").
CLAUSE_ONLY = words(
    """think believe feel hope expect fear worry find show agree recall remind mention begin
    start open close finish continue wrap guess doubt laugh smile sigh cry know learn
    understand see realize realise"""
)
# Verbs that report only a quotation beside them: their clauses are mostly no speech ("appealed
# against a ruling that ...", "the policy appealed to voters, with ...").
DIRECT_ONLY = words("appeal")
# Verbs that take an object plus a predicate: "called X Y", "described X as Y".
OBJECT_PREDICATE = words(
    """call describe characterize characterise label brand dub accuse criticise criticize
    praise hail condemn denounce slam blast recognise recognize single attack rebuke"""
)
# Nouns that report speech: "in a statement", "according to".
SPEECH_NOUNS = words(
    """statement statements release report reports announcement announcements letter letters
    email emails tweet tweets post posts interview interviews memo document documents filing
    filings complaint complaints lawsuit suit ruling decision judgment judgement survey poll
    study analysis"""
)
# Phrases that look like speech acts but report none.
NO_COMMENT = (
    "declined to comment",
    "declined comment",
    "refused to comment",
    "would not comment",
    "did not comment",
    "didn't comment",
    "could not be reached",
    "couldn't be reached",
    "did not respond",
    "didn't respond",
    "did not return",
    "didn't return",
    "not immediately respond",
    "not immediately return",
    "no comment",
    "declined to say",
    "declined to elaborate",
    "wouldn't say",
    "would not say",
)


def is_cue_lemma(lemma: str) -> bool:
    """A lemma of a verb that reports speech."""
    return lemma.lower() in SPEECH_VERBS
