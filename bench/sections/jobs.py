"""Ingest scaling: a job of N articles on PostgreSQL, 1 worker process vs 2, side by side."""

from __future__ import annotations

from bench.config import Config
from bench.report import say


def run(cfg: Config) -> None:
    from bench.common import corpus_texts
    from bench.jobs import SERVER, measure

    n = cfg.jobs_articles
    texts = corpus_texts(limit=n + 16)
    measured, warmup = texts[:n], texts[n:]
    say(
        f"\n## Ingest scaling: a job of {n} distinct BBC articles on PostgreSQL"
        f" ({SERVER.rsplit('@', 1)[-1]}), `python -m app worker --processes P`, best of"
        f" {cfg.repeats}"
    )
    rates = {p: 0.0 for p in (1, 2)}
    try:
        for _ in range(cfg.repeats):
            for processes in rates:  # alternated, so drift hits both alike
                rates[processes] = max(rates[processes], measure(measured, warmup, processes))
    except Exception as exc:  # no server, no rights: say so and go on with other sections
        say(f"skipped: PostgreSQL is not usable ({exc.__class__.__name__}: {exc})"[:300])
        return
    say(f"{'processes':>9} | {'articles/s':>10}")
    for processes, rate in rates.items():
        say(f"{processes:>9} | {rate:10.1f}")
    say(f"2 processes / 1 process: {rates[2] / rates[1]:.2f}x (target >= 1.6x)")
