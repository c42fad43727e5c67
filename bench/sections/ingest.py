"""Ingest (annotate + store in SQLite) against plain spaCy `nlp.pipe` on the same texts."""

from __future__ import annotations

from functools import partial

from bench.config import Config
from bench.report import alternate, say


def run(cfg: Config) -> None:
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
