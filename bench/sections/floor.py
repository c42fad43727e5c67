"""Framework floor: our article page against a minimal FastAPI route (bench/floor.py)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from bench import load
from bench.common import env_for
from bench.config import Config
from bench.paths import check
from bench.report import alternate, best, fmt, say


def run(
    api: load.Server,
    db: Path,
    features: set[str],
    cfg: Config,
    offset: int,
    peaks: dict[str, float | None],
) -> None:
    """The same page from both, alternating A/B: what our layers cost on top of FastAPI."""
    c = cfg.connections
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
