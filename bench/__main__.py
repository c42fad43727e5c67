"""`python -m bench [--quick] [--only SECTION ...]`: benchmarks printing figures and ratios.

Sections: reads (our API vs Datasette), floor (our API vs a minimal FastAPI route), ingest
(annotate+store vs plain spaCy), scale (a 100,000-article database), memory (peak RSS).
Every ratio compares two things measured side by side in the same run with the same client.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar

from bench import load
from bench.common import OUT, ROOT, corpus_files, env_for, get_json

T = TypeVar("T")

SECTIONS = ("reads", "floor", "ingest", "scale")
ARTICLE_COLUMNS = (
    "title",
    "authors",
    "source",
    "published",
    "url",
    "paragraph_count",
    "ingested_at",
)
SEARCH_WORDS = ("government", "film", "economy", "match", "music", "election", "phone", "growth")
# "search (distinct words)" cycles over this many different indexed words, more than our search
# result cache holds (SEARCH_CACHE_SIZE, 256 by default), so every request is a cache miss.
DISTINCT_WORDS = 2048


@dataclass
class Config:
    seconds: float
    connections: int
    scale_articles: int
    scale_connections: int
    ingest_articles: int
    repeats: int


FULL = Config(
    seconds=10,
    connections=16,
    scale_articles=100_000,
    scale_connections=4,
    ingest_articles=300,
    repeats=2,
)
QUICK = Config(
    seconds=3,
    connections=16,
    scale_articles=100_000,
    scale_connections=4,
    ingest_articles=80,
    repeats=1,
)


def say(*args: object) -> None:
    print(*args, flush=True)


def fmt(r: load.Result | None) -> str:
    if r is None:
        return f"{'-':>9} {'-':>8} {'-':>8}"
    errors = f"  ({r.errors} errors)" if r.errors else ""
    return f"{r.rps:9.0f} {r.p50:8.2f} {r.p99:8.2f}{errors}"


def best(results: list[load.Result]) -> load.Result:
    """The run with the highest throughput (least disturbed by other load on the machine)."""
    return max(results, key=lambda r: r.rps)


def alternate(
    repeats: int, first: Callable[[], T], second: Callable[[], T], *, best: Callable[[list[T]], T]
) -> tuple[T, T]:
    """Run `first` and `second` in turn `repeats` times (so a burst of outside load hits
    both) and keep the best run of each."""
    a: list[T] = []
    b: list[T] = []
    for _ in range(repeats):
        a.append(first())
        b.append(second())
    return best(a), best(b)


# --------------------------------------------------------------------------- database setup


def prepare(db: Path) -> None:
    """Bring a cached database to the current schema; give Datasette a paragraph FTS index."""
    from app.core import migrate
    from app.core.db import dispose_engine

    url = f"sqlite:///{db}"
    migrate.upgrade(url)
    dispose_engine(url)
    with sqlite3.connect(db) as conn:
        if not _paragraph_fts(conn):
            conn.execute(
                "CREATE VIRTUAL TABLE bench_paragraphs_fts USING fts5"
                '(text, content="paragraphs", content_rowid="id")'
            )
            conn.execute(
                "INSERT INTO bench_paragraphs_fts(bench_paragraphs_fts) VALUES ('rebuild')"
            )
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def datasette_metadata(db: Path) -> Path:
    """Tell Datasette which FTS table indexes paragraphs (`?_search=` on /paragraphs.json)."""
    import json

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        fts = _paragraph_fts(conn)
    conn.close()
    path = OUT / "datasette-metadata.json"
    tables = {"paragraphs": {"fts_table": fts, "fts_pk": "id"}} if fts else {}
    path.write_text(json.dumps({"databases": {db.stem: {"tables": tables}}}, indent=2))
    return path


def _paragraph_fts(conn: sqlite3.Connection) -> str | None:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE sql LIKE '%VIRTUAL TABLE%USING fts%'"
        " AND (sql LIKE '%content=\"paragraphs\"%' OR sql LIKE '%content=''paragraphs''%'"
        " OR sql LIKE '%content=paragraphs%')"
    ).fetchone()
    return row[0] if row else None


@dataclass
class Samples:
    last_id: int
    article_ids: list[int]
    people: list[int]
    talkers: list[int]
    words: list[str]  # DISTINCT_WORDS indexed paragraph terms, each in 0.2-20% of paragraphs


def samples(db: Path) -> Samples:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        last_id = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
        article_ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT 64", (last_id // 2,)
            )
        ]
        people = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM entities WHERE kind = 'person' ORDER BY mention_count DESC LIMIT 64"
            )
        ]
        talkers = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM entities WHERE kind = 'person'"
                " ORDER BY quotation_count DESC, mention_count DESC LIMIT 64"
            )
        ]
        words = _vocabulary(conn)
    conn.close()
    return Samples(last_id, article_ids, people, talkers, words)


def _vocabulary(conn: sqlite3.Connection) -> list[str]:
    """Common but not stop-word terms of the paragraph index, in a fixed shuffled order."""
    conn.execute("CREATE VIRTUAL TABLE temp.bench_vocab USING fts5vocab(main, paragraphs_fts, row)")
    paragraphs = conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    terms = [
        r[0]
        for r in conn.execute(
            "SELECT term FROM temp.bench_vocab WHERE doc BETWEEN ? AND ?"
            " AND term GLOB '[a-z][a-z][a-z]*' AND term NOT GLOB '*[^a-z]*'"
            " ORDER BY doc DESC, term LIMIT ?",
            (paragraphs // 500, paragraphs // 5, DISTINCT_WORDS),
        )
    ]
    conn.execute("DROP TABLE temp.bench_vocab")
    return sorted(terms, key=lambda t: hashlib.blake2b(t.encode(), digest_size=8).digest())


# --------------------------------------------------------------------------- requests


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
    found = set(spec["paths"])  # type: ignore[index]
    for path, ops in spec["paths"].items():  # type: ignore[index]
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


# --------------------------------------------------------------------------- sections


def our_server(db: Path):  # type: ignore[no-untyped-def]
    return load.serve(
        "api",
        load.uvicorn_argv("app.main:create_app", factory=True),
        env=env_for(f"sqlite:///{db}"),
        ready="/health",
    )


def section_reads_and_floor(db: Path, cfg: Config, sections: set[str], peaks: dict) -> None:
    s = samples(db)
    offset = min(2000, s.last_id - 20)
    c = cfg.connections
    name = db.stem
    with our_server(db) as api:
        features = api_features(api.base)
        ours = our_paths(features, s, offset)
        if "reads" in sections:
            with load.serve(
                "datasette",
                load.datasette_argv(db, datasette_metadata(db)),
                env=env_for(""),
                ready=f"/{name}.json",
            ) as ds:
                theirs = datasette_paths(name, s, offset)
                say(
                    f"\n## API reads vs Datasette {_version()} ({s.last_id} articles; wrk"
                    f" -t2 -c{cfg.connections} -d{cfg.seconds:g}s, best of {cfg.repeats})"
                )
                say(
                    f"{'request':24} {'ours req/s':>10} {'p50 ms':>8} {'p99 ms':>8} |"
                    f" {'Datasette':>9} {'p50 ms':>8} {'p99 ms':>8} | ours/Datasette"
                )
                for label, paths in ours.items():
                    check(api.base, paths)
                    check(ds.base, theirs[label])
                    ra, rb = alternate(
                        cfg.repeats,
                        partial(load.wrk, api.base, paths, seconds=cfg.seconds, connections=c),
                        partial(
                            load.wrk, ds.base, theirs[label], seconds=cfg.seconds, connections=c
                        ),
                        best=best,
                    )
                    say(
                        f"{label:24} {fmt(ra)[:27]:>27} | {fmt(rb)[:27]:>27} |"
                        f" {ra.rps / rb.rps:6.2f}x"
                    )
                missing = sorted(set(datasette_paths(name, s, offset)) - set(ours))
                if missing:
                    say(f"(not on our API yet, skipped: {', '.join(missing)})")
                peaks["Datasette (reads)"] = ds.peak_rss_mb
        if "floor" in sections:
            floor_env = env_for("") | {"BENCH_DB": str(db)}
            with load.serve(
                "floor", load.uvicorn_argv("bench.floor:app"), env=floor_env, ready="/health"
            ) as floor:
                path = [f"/articles?limit=20&offset={offset}"]
                check(floor.base, path)
                say(
                    f"\n## Framework floor: article page, our API vs a minimal FastAPI route"
                    f" with one hand-written query (wrk -t2 -c{cfg.connections})"
                )
                variants = {"offset": path}
                if "after" in features:
                    variants["cursor"] = [f"/articles?limit=20&after={offset}"]
                for variant, our_path in variants.items():
                    ra, rb = alternate(
                        cfg.repeats,
                        partial(load.wrk, api.base, our_path, seconds=cfg.seconds, connections=c),
                        partial(load.wrk, floor.base, path, seconds=cfg.seconds, connections=c),
                        best=best,
                    )
                    say(
                        f"ours ({variant:6}) {fmt(ra)} | floor {fmt(rb)} |"
                        f" ours/floor {ra.rps / rb.rps:5.2f}x"
                    )
                peaks["floor app"] = floor.peak_rss_mb
        peaks[f"our API ({s.last_id} articles)"] = api.peak_rss_mb


def _version() -> str:
    import datasette.version

    return datasette.version.__version__


def section_ingest(cfg: Config) -> None:
    from bench.ingest import measure

    n = cfg.ingest_articles
    say(
        f"\n## Ingest (annotate + store in SQLite) vs plain spaCy nlp.pipe, first {n} distinct"
        f" BBC articles, same model and exclude list, best of {cfg.repeats}"
    )
    say(
        f"{'processes':>9} | {'ingest art/s':>12} {'words/s':>9} | {'spaCy art/s':>11}"
        f" {'words/s':>9} | ingest/spaCy"
    )
    for n_process in (1, 2):
        raw, ours = alternate(
            cfg.repeats,
            partial(measure, "raw", n, n_process),
            partial(measure, "app", n, n_process),
            best=lambda runs: min(runs, key=lambda m: m["seconds"]),
        )
        ra, rr = ours["articles"] / ours["seconds"], raw["articles"] / raw["seconds"]
        say(
            f"{n_process:>9} | {ra:12.1f} {ours['words'] / ours['seconds']:9.0f} |"
            f" {rr:11.1f} {raw['words'] / raw['seconds']:9.0f} | {ra / rr:6.2f}x"
        )


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


def section_scale(db: Path, cfg: Config, peaks: dict) -> None:
    from bench.scale import build_scale_db

    big = build_scale_db(db, cfg.scale_articles, log=say)
    prepare(big)
    s = samples(big)
    deep = s.last_id - 2000
    with our_server(big) as api:
        features = api_features(api.base)
        paths = our_paths(features, s, deep)
        paths.pop("search (same SQL)", None)  # only a Datasette comparison
        paths["article detail"] = [f"/articles/{i}" for i in s.article_ids]
        paths["person"] = [f"/people/{i}" for i in s.people]
        if "people:sort" in features:
            paths["people by mentions"] = ["/people?sort=-mentions&limit=20"]
        if "/people/{entity_id}/co-mentions" in features:
            paths["person co-mentions"] = [f"/people/{i}/co-mentions?limit=20" for i in s.people]
        paths.update(analytics_paths(features, s))
        say(
            f"\n## Scale: {s.last_id:,} articles, one worker (wrk -t2 -c{cfg.scale_connections}"
            f" -d{cfg.seconds:g}s; deep page = offset/after {deep:,})"
        )
        say(f"{'request':24} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
        for label, p in paths.items():
            check(api.base, p)
            r = load.wrk(api.base, p, seconds=cfg.seconds, connections=cfg.scale_connections)
            say(f"{label:24} {fmt(r)}")
        say("\n(same, under the heavier -c16 load of the Datasette comparison)")
        for label, p in paths.items():
            r = load.wrk(api.base, p, seconds=cfg.seconds, connections=cfg.connections)
            say(f"{label:24} {fmt(r)}")
        peaks[f"our API ({s.last_id:,} articles)"] = api.peak_rss_mb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="shorter runs, smaller ingest set")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run only these sections")
    args = parser.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    sections = set(args.only or SECTIONS)
    started = time.monotonic()
    if not corpus_files():
        say("The BBC corpus is not at ../shared/corpus/bbc-news-2225: nothing to benchmark.")
        return 0
    if not load.have_wrk():
        say("wrk is not installed (apt-get install wrk): skipping the HTTP benchmarks.")
        sections -= {"reads", "floor", "scale"}
    OUT.mkdir(parents=True, exist_ok=True)
    say(f"# python -m bench{' --quick' if args.quick else ''}  ({time.strftime('%Y-%m-%d %H:%M')})")
    peaks: dict[str, float | None] = {}
    db = None
    if sections & {"reads", "floor", "scale"}:
        from bench.build import build_corpus_db

        db = build_corpus_db(log=say)
        assert db is not None
        prepare(db)
    if db is not None and sections & {"reads", "floor"}:
        section_reads_and_floor(db, cfg, sections, peaks)
    if "ingest" in sections:
        section_ingest(cfg)
    if db is not None and "scale" in sections:
        section_scale(db, cfg, peaks)
    if peaks:
        say("\n## Peak RSS (VmHWM) of each server process after its load")
        for name, mb in peaks.items():
            say(f"{name:32} {mb:7.1f} MB" if mb is not None else f"{name:32}       ?")
    say(f"\ntotal time {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
