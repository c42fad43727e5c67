"""What an annotated test text shows: its entities' kinds, its quotations' speakers."""

from app.annotate import AnnotatedArticle, annotate


def shown_kinds(body: str) -> dict[str, str]:
    """Name -> kind of the entities with mentions in a body under a test headline (a hidden
    entity only carries its votes)."""
    art = annotate("A headline for the test\n\n" + body)
    shown = {m.entity for m in art.mentions}
    return {e.name: e.kind for i, e in enumerate(art.entities) if i in shown}


def speakers(art: AnnotatedArticle) -> list[str | None]:
    """Each quotation's speaker: its entity's name, else its label."""
    return [
        art.entities[q.speaker_entity].name if q.speaker_entity is not None else q.speaker_label
        for q in art.quotations
    ]
