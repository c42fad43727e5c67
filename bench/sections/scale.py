"""Scale: latency on a database grown to 100,000 articles, one worker."""

from __future__ import annotations

from pathlib import Path

from bench import load
from bench.config import Config
from bench.paths import analytics_paths, api_features, check, our_paths, our_server
from bench.report import fmt, say
from bench.samples import prepare, samples


def run(db: Path, cfg: Config, peaks: dict[str, float | None]) -> None:
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
