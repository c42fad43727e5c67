"""Ingest scaling: a job of N articles on PostgreSQL, 1 worker process vs 2, side by side."""

from __future__ import annotations

from bench.config import Config
from bench.report import say

# label -> (separate worker commands, --processes of each)
SETUPS = {
    "1 process": (1, 1),
    "--processes 2": (1, 2),
    "2 worker commands": (2, 1),
}


def run(cfg: Config) -> None:
    from bench.common import corpus_texts
    from bench.jobs import SERVER, measure

    n = cfg.jobs_articles
    texts = corpus_texts(limit=n + 16)
    measured, warmup = texts[:n], texts[n:]
    say(
        f"\n## Ingest scaling: a job of {n} distinct BBC articles on PostgreSQL"
        f" ({SERVER.rsplit('@', 1)[-1]}), `python -m app worker`, best of {cfg.repeats}"
    )
    rates = dict.fromkeys(SETUPS, 0.0)
    try:
        for _ in range(cfg.repeats):
            for label, (commands, processes) in SETUPS.items():  # alternated: drift hits all
                rate = measure(measured, warmup, commands=commands, processes=processes)
                rates[label] = max(rates[label], rate)
    except Exception as exc:  # no server, no rights: say so and go on with the other sections
        say(f"skipped: PostgreSQL is not usable ({exc.__class__.__name__}: {exc})"[:300])
        return
    say(f"{'workers':>17} | {'articles/s':>10} | vs 1 process")
    for label, rate in rates.items():
        say(f"{label:>17} | {rate:10.1f} | {rate / rates['1 process']:5.2f}x")
    say("target: 2 processes >= 1.6x one")
