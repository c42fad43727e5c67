"""Example payloads for the OpenAPI document (shapes taken from the seed articles)."""

from __future__ import annotations

from typing import Any

SPEAKER = {"id": 7, "name": "Rahm Emanuel", "type": "person"}
QUOTATION = {
    "id": 3,
    "article_id": 1,
    "paragraph": 7,
    "text": "the frontline of defense in East Asia",
    "kind": "mixed",
    "cue": "said",
    "speaker": SPEAKER,
    "start": 1602,
    "end": 1639,
    "spans": [[1602, 1639]],
}
QUOTATION_WITH_ARTICLE = {
    **QUOTATION,
    "article_title": "US, Japan overhaul security alliance amid China's strategic challenge",
    "published": "2024-07-29",
}
ARTICLE_SUMMARY = {
    "id": 1,
    "title": "US, Japan overhaul security alliance amid China's strategic challenge",
    "authors": ["Walter Sim"],
    "source": "The Straits Times",
    "published": "2024-07-29",
    "url": None,
    "paragraph_count": 25,
    "ingested_at": "2026-11-23T13:25:00Z",
}
ARTICLE = {
    **ARTICLE_SUMMARY,
    "content_hash": "5f1c…",
    "images": [{"file": "22meeting.jpg", "caption": "From left: U.S. Defence Secretary ..."}],
    "text": "US, Japan overhaul security alliance ...",
    "people_count": 7,
    "organisation_count": 5,
    "quotation_count": 15,
}
PARAGRAPH = {
    "number": 2,
    "text": "This came as Japanese Foreign Minister ...",
    "start": 410,
    "end": 620,
}
MENTION = {
    "entity_id": 4,
    "name": "Yoko Kamikawa",
    "kind": "person",
    "text": "Yoko Kamikawa",
    "start": 449,
    "end": 462,
}
PARAGRAPH_DETAIL = {**PARAGRAPH, "mentions": [MENTION], "quotations": [QUOTATION]}
ARTICLE_PERSON = {
    "id": 7,
    "name": "Rahm Emanuel",
    "kind": "person",
    "aliases": ["Rahm Emanuel", "Emanuel"],
    "roles": ["U.S. Ambassador to Japan"],
    "mention_count": 5,
    "quotation_count": 3,
}
ARTICLE_ORGANISATION = {
    "id": 12,
    "name": "Mitsubishi Heavy Industries",
    "kind": "organisation",
    "aliases": ["Mitsubishi Heavy Industries"],
    "roles": [],
    "mention_count": 1,
    "quotation_count": 0,
}
PERSON = {
    "id": 7,
    "name": "Rahm Emanuel",
    "kind": "person",
    "aliases": ["Rahm Emanuel", "Emanuel"],
    "roles": ["U.S. Ambassador to Japan"],
    "mention_count": 5,
    "article_count": 1,
    "quotation_count": 3,
}
ORGANISATION = {**ARTICLE_ORGANISATION, "article_count": 1}
ENTITY_DETAIL = {**PERSON, "first_seen": "2024-07-29", "last_seen": "2024-07-29"}
HEALTH = {"status": "ok", "database": "ok", "articles": 2, "version": "0.1.0"}


def page(item: dict[str, Any]) -> dict[str, Any]:
    return {"items": [item], "total": 1, "limit": 20, "offset": 0, "next_cursor": None}


def ok(example: Any, status: int = 200, description: str = "Successful Response") -> dict:
    """A `responses=` entry documenting `example` for JSON `status` responses."""
    return {
        status: {"description": description, "content": {"application/json": {"example": example}}}
    }
