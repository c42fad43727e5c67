"""The requests each server is loaded with: ours and their Datasette equivalents."""

from __future__ import annotations

import urllib.error
import urllib.request
from contextlib import AbstractContextManager
from datetime import date, timedelta
from pathlib import Path

from bench import load
from bench.common import env_for, get_json
from bench.samples import SEARCH_WORDS, Samples

ARTICLE_COLUMNS = (
    "title",
    "authors",
    "source",
    "published",
    "url",
    "paragraph_count",
    "ingested_at",
)


def our_server(db: Path) -> AbstractContextManager[load.Server]:
    """Our API as `python -m app serve` runs it, on the SQLite file `db`."""
    return load.serve(
        "api",
        load.uvicorn_argv("app.main:create_app", factory=True),
        env=env_for(f"sqlite:///{db}"),
        ready="/health",
    )


def our_paths(api: set[str], s: Samples, offset: int) -> dict[str, list[str]]:
    """Read requests on our API; None-valued when the endpoint does not exist (yet)."""
    paths = {
        "article page (offset)": [f"/articles?limit=20&offset={offset}"],
        "article paragraphs": [f"/articles/{i}/paragraphs?limit=100" for i in s.article_ids],
    }
    if "after" in api:
        paths["article page (cursor)"] = [f"/articles?limit=20&after={offset}"]
    if "/people/{entity_id}/quotations" in api:
        paths["person quotations"] = [f"/people/{i}/quotations?limit=20" for i in s.talkers]
    if "/search" in api:
        # Datasette's `_search` equivalent: paragraphs only, in stored order (newest first
        # here, oldest first there: the same walk of the index), no ranking.
        stored = "&type=paragraph&sort=-ingested" if "search:sort" in api else ""
        paths["search"] = [f"/search?q={w}&limit=20{stored}" for w in SEARCH_WORDS]
        paths["search (distinct words)"] = [f"/search?q={w}&limit=20{stored}" for w in s.words]
        # Our default search: both tables, ranked; more work than Datasette's `_search`.
        ranked = [f"/search?q={w}&limit=20" for w in s.words]
        paths["search ranked (distinct)"] = ranked
        paths["search (same SQL)"] = ranked
    return paths


def datasette_paths(db: str, s: Samples, offset: int) -> dict[str, list[str]]:
    cols = "".join(f"&_col={c}" for c in ARTICLE_COLUMNS)
    page = [f"/{db}/articles.json?_size=20&_next={offset}{cols}"]
    return {
        "article page (offset)": page,
        "article page (cursor)": page,
        "article paragraphs": [
            f"/{db}/paragraphs.json?article_id={i}&_sort=number&_size=100"
            "&_col=number&_col=text&_col=start_char&_col=end_char"
            for i in s.article_ids
        ],
        "person quotations": [f"/{db}/quotations.json?speaker_id={i}&_size=20" for i in s.talkers],
        "search": [
            f"/{db}/paragraphs.json?_search={w}&_size=20&_col=article_id&_col=number&_col=text"
            for w in SEARCH_WORDS
        ],
        "search (distinct words)": [
            f"/{db}/paragraphs.json?_search={w}&_size=20&_col=article_id&_col=number&_col=text"
            for w in s.words
        ],
        "search ranked (distinct)": [
            f"/{db}/paragraphs.json?_search={w}&_size=20&_col=article_id&_col=number&_col=text"
            for w in s.words
        ],
        "search (same SQL)": [_datasette_search_sql(db, w) for w in s.words],
    }


def _datasette_search_sql(db: str, word: str) -> str:
    """Datasette running the very statement our search runs on SQLite (ranking, both tables,
    texts, articles) through its read-only SQL API: the same SQL on both sides (we then
    highlight and trim the texts in Python)."""
    from urllib.parse import urlencode

    from app.queries import fts
    from app.queries.search import RANKED, SQLITE_SEARCH

    params = {
        "sql": SQLITE_SEARCH,
        "q": fts.parse(word).sqlite(),
        "window": RANKED,
        "limit": 20,
        "offset": 0,
        "_shape": "array",
    }
    return f"/{db}.json?{urlencode(params)}"


def api_features(base: str) -> set[str]:
    """Paths and query parameters our running server offers (from its OpenAPI document)."""
    spec = get_json(base + "/openapi.json")
    found = set(spec["paths"])
    for path, ops in spec["paths"].items():
        for p in ops.get("get", {}).get("parameters", []):
            if path == "/articles":
                found.add(p["name"])
            if path == "/people":
                found.add("people:" + p["name"])
            if path == "/quotations":
                found.add("quotations:" + p["name"])
            if path == "/search":
                found.add("search:" + p["name"])
    return found


def check(base: str, paths: list[str]) -> None:
    """Every request answers 200 before it is timed (so a 404 storm is never measured)."""
    for path in paths[:3]:
        try:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"GET {path} -> {exc.code}") from exc


def month_ranges(count: int = 64) -> list[tuple[str, str]]:
    """`count` calendar months spread over 2000-2025 (the scale database's dates)."""
    months = []
    for n in range(count):
        year, month = 2000 + (n * 97 // 12) % 26, (n * 97) % 12 + 1
        last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        months.append((f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last}"))
    return months


def analytics_paths(api: set[str], s: Samples) -> dict[str, list[str]]:
    """The analytics rows: a busy person's whole monthly timeline, quotations about a busy
    person, people sorted by their quotations in one month, quotations per source, and the
    pages of a person and of the corpus (each only when the running API has it)."""
    paths = {}
    if "/people/{entity_id}/timeline" in api:
        paths["person timeline"] = [f"/people/{i}/timeline" for i in s.people]
    if "quotations:about" in api:
        paths["quotations about"] = [f"/quotations?about={i}&limit=20" for i in s.people]
    if "people:published_from" in api:
        paths["people by month quotes"] = [
            f"/people?published_from={a}&published_to={b}&sort=-quotations&limit=20"
            for a, b in month_ranges()
        ]
    if "/stats/quotations" in api:
        paths["stats by source"] = ["/stats/quotations?group_by=source"]
    if "/people/{entity_id}/view" in api:
        paths["person page"] = [f"/people/{i}/view" for i in s.people]
    if "/stats/view" in api:
        paths["stats page"] = ["/stats/view"]
    return paths
