"""Embedded social-media posts: the words above a signature line are the signer's
(sentences written for these tests)."""

from __future__ import annotations

from app.annotate import annotate
from app.annotate.posts import SIGNATURE


def _quotes(art) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            q.text,
            art.entities[q.speaker_entity].name if q.speaker_entity is not None else None,
            q.speaker_label if q.speaker_entity is None else None,
        )
        for q in art.quotations
    ]


def test_signature_lines() -> None:
    assert SIGNATURE.search("— Ida Moreau (@idamoreau) March 3, 2019")
    assert SIGNATURE.search("Ferry fares rise again. — Harbour Ferries (@hferries) Sept. 9, 2019")
    assert SIGNATURE.search("A post shared by Ida Moreau (@ida.m) on Mar 3, 2019 at 4:15pm PST")
    assert not SIGNATURE.search("The vote passed — narrowly — on March 3, 2019")
    assert not SIGNATURE.search("Write to us (@letters) with your views.")


def test_a_post_above_its_signature_is_its_signers_direct_quotation() -> None:
    art = annotate(
        "A headline for the test\n\n"
        "Transport Minister Ida Moreau answered the critics within the hour.\n\n"
        "The bridge will open on time. Every inspection says so. pic.twitter.com/Zx81Qw\n\n"
        "— Ida Moreau (@idamoreau) March 3, 2019\n\n"
        "Not everyone agreed.\n\n"
        "Toll booths again? No thanks. — Harbour Watch (@hwatch) March 3, 2019"
    )
    assert _quotes(art) == [
        ("The bridge will open on time. Every inspection says so.", "Ida Moreau", None),
        ("Toll booths again? No thanks.", None, "Harbour Watch"),
    ]
    moreau = next(e for e in art.entities if e.name == "Ida Moreau")
    assert moreau.roles == ["Transport Minister"]  # (the post's date is no role)
