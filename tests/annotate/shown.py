"""The entities an annotated test text shows, for the kind tests."""

from app.annotate import annotate


def shown_kinds(body: str) -> dict[str, str]:
    """Name -> kind of the entities with mentions in a body under a test headline (a hidden
    entity only carries its votes)."""
    art = annotate("A headline for the test\n\n" + body)
    shown = {m.entity for m in art.mentions}
    return {e.name: e.kind for i, e in enumerate(art.entities) if i in shown}
