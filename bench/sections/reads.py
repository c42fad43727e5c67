"""API reads vs Datasette: the same SQLite file, the same rows, the same client."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from bench import load
from bench.common import env_for
from bench.config import Config
from bench.paths import check, datasette_paths
from bench.report import alternate, best, fmt, say
from bench.samples import Samples, datasette_metadata


def run(
    api: load.Server,
    db: Path,
    s: Samples,
    ours: dict[str, list[str]],
    cfg: Config,
    offset: int,
    peaks: dict[str, float | None],
) -> None:
    """Each of our read requests against its Datasette equivalent, alternating A/B."""
    name = db.stem
    c = cfg.connections
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
                partial(load.wrk, ds.base, theirs[label], seconds=cfg.seconds, connections=c),
                best=best,
            )
            say(f"{label:24} {fmt(ra)[:27]:>27} | {fmt(rb)[:27]:>27} | {ra.rps / rb.rps:6.2f}x")
        missing = sorted(set(theirs) - set(ours))
        if missing:
            say(f"(not on our API yet, skipped: {', '.join(missing)})")
        peaks["Datasette (reads)"] = ds.peak_rss_mb


def _version() -> str:
    import datasette.version

    version: str = datasette.version.__version__
    return version
