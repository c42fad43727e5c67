"""Example payloads of the analytics endpoints for the OpenAPI document (from the seeds)."""

from __future__ import annotations

from typing import Any

from app.api.examples import PERSON

ENTITY_TIMELINE: dict[str, Any] = {
    "entity": PERSON,
    "interval": "month",
    "from": "2024-07-29",
    "to": "2024-07-29",
    "buckets": [
        {
            "period": "2024-07",
            "start": "2024-07-01",
            "articles": 1,
            "mentions": 5,
            "quotations": 3,
        }
    ],
}
CORPUS_TIMELINE: dict[str, Any] = {
    "interval": "month",
    "from": "2024-07-29",
    "to": "2024-07-29",
    "buckets": [
        {"period": "2024-07", "start": "2024-07-01", "articles": 1, "quotations": 15, "people": 7}
    ],
}
SOURCE = {"source": "The Straits Times", "article_count": 1, "quotation_count": 15}
QUOTATION_STATS: dict[str, Any] = {
    "group_by": "speaker_type",
    "published_from": None,
    "published_to": None,
    "source": None,
    "total": 15,
    "groups": [
        {"key": "person", "quotations": 11, "share": 0.7333},
        {"key": "organisation", "quotations": 2, "share": 0.1333},
        {"key": "other", "quotations": 1, "share": 0.0667},
        {"key": "unnamed", "quotations": 1, "share": 0.0667},
        {"key": "unattributed", "quotations": 0, "share": 0.0},
    ],
}
ENTITY_PAGE_HTML = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Rahm Emanuel</title>'
    '…</head><body><h1>Rahm Emanuel</h1><p class="meta">person · 1 article · 5 mentions ·'
    ' 3 quotations</p><svg role="img" …><rect …><title>2024-07: 1 article</title></rect>…</svg>'
    "…</body></html>"
)
STATS_PAGE_HTML = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Corpus statistics'
    '</title>…</head><body><h1>Corpus statistics</h1><svg role="img" …>…</svg>…</body></html>'
)
