"""A database's content, independent of ids and of the order articles were stored in: every
table the write path maintains, with ids replaced by what they stand for (an article by its
content hash, an entity and a name by their identity keys, a paragraph by its article and
number, a quotation by its article and offsets), plus full-text search hits for some words.

Two databases holding the same texts annotated the same way have equal snapshots, however
the texts got there (one by one, by job workers in any order, by re-annotation).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, create_engine, text

from app.models import SQLModel

SKIPPED_TABLES = {"jobs", "job_items"}
SKIPPED_COLUMNS = {"ingested_at", "annotator_version"}
SURROGATE = {"articles", "paragraphs", "mentions", "quotations", "entities", "entity_names"}
SEARCH_WORDS = ("said", "harbour", "minister", "government", "market", "company", "police")


def _maps(conn: Connection) -> dict[str, dict[Any, Any]]:
    def rows(sql: str) -> dict[Any, Any]:
        return {r[0]: r[1:] if len(r) > 2 else r[1] for r in conn.execute(text(sql))}

    articles = rows("SELECT id, content_hash FROM articles")
    return {
        "article": articles,
        "entity": rows("SELECT id, key FROM entities"),
        "name": rows("SELECT id, key FROM entity_names"),
        "paragraph": {
            i: (articles[a], n)
            for i, (a, n) in rows("SELECT id, article_id, number FROM paragraphs").items()
        },
        "quotation": {
            i: (articles[a], s, e)
            for i, (a, s, e) in rows(
                "SELECT id, article_id, start_char, end_char FROM quotations"
            ).items()
        },
    }


REFERENCES = {
    "article_id": "article",
    "entity_id": "entity",
    "other_id": "entity",
    "speaker_id": "entity",
    "name_id": "name",
    "speaker_name_id": "name",
    "paragraph_id": "paragraph",
    "quotation_id": "quotation",
}


def _value(column: str, value: Any, maps: dict[str, dict[Any, Any]], table: str) -> Any:
    if column == "id" and table == "articles":
        return maps["article"][value]
    target = REFERENCES.get(column)
    if target is not None and value is not None:
        return maps[target].get(value, ("dangling", value))
    if isinstance(value, list | dict):
        return json.dumps(value, sort_keys=True)
    if isinstance(value, str) and value[:1] in "[{":
        try:  # JSON stored as text (SQLite)
            return json.dumps(json.loads(value), sort_keys=True)
        except ValueError:
            return value
    return value


def _table(conn: Connection, table: str, maps: dict[str, dict[Any, Any]]) -> list[str]:
    out = []
    for row in conn.execute(text(f"SELECT * FROM {table}")).mappings():
        kept = {
            c: _value(c, v, maps, table)
            for c, v in row.items()
            if c not in SKIPPED_COLUMNS
            and not (c == "id" and table in SURROGATE and table != "articles")
            and c != "search_vector"
        }
        if table == "counters" and kept.get("name") == "generation":
            continue
        out.append(repr(sorted(kept.items())))
    return sorted(out)


def _search(conn: Connection, maps: dict[str, dict[Any, Any]]) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    for table in ("paragraphs", "quotations"):
        for word in SEARCH_WORDS:
            if conn.dialect.name == "sqlite":
                sql = (
                    f"SELECT t.id FROM {table}_fts f JOIN {table} t ON t.id = f.rowid"
                    f" WHERE {table}_fts MATCH :w"
                )
            else:
                sql = (
                    f"SELECT id FROM {table} WHERE search_vector @@ plainto_tsquery('english', :w)"
                )
            kind = "paragraph" if table == "paragraphs" else "quotation"
            found = conn.execute(text(sql), {"w": word}).scalars()
            hits[f"{table}:{word}"] = sorted(repr(maps[kind][i]) for i in found)
    return hits


def snapshot(url: str) -> dict[str, Any]:
    """The content of the database at `url` (see the module docstring)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            maps = _maps(conn)
            tables = [t.name for t in SQLModel.metadata.sorted_tables]
            if conn.dialect.name == "sqlite":
                tables.append("search_terms")
            state: dict[str, Any] = {
                t: _table(conn, t, maps) for t in tables if t not in SKIPPED_TABLES
            }
            state["search"] = _search(conn, maps)
            return state
    finally:
        engine.dispose()


def differences(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """The tables whose content differs, with a few rows only in one or the other."""
    out: dict[str, Any] = {}
    for key in sorted(set(a) | set(b)):
        left, right = a.get(key), b.get(key)
        if left == right:
            continue
        if isinstance(left, list) and isinstance(right, list):
            out[key] = {
                "only_first": sorted(set(left) - set(right))[:3],
                "only_second": sorted(set(right) - set(left))[:3],
            }
        else:
            out[key] = "differs"
    return out
