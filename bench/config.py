"""How long and how hard each benchmark runs: the full run and `--quick`."""

from __future__ import annotations

from dataclasses import dataclass

SECTIONS = ("reads", "floor", "ingest", "jobs", "scale")


@dataclass
class Config:
    seconds: float
    connections: int
    scale_articles: int
    scale_connections: int
    ingest_articles: int
    jobs_articles: int
    repeats: int


FULL = Config(
    seconds=10,
    connections=16,
    scale_articles=100_000,
    scale_connections=4,
    ingest_articles=300,
    jobs_articles=300,
    repeats=2,
)
QUICK = Config(
    seconds=3,
    connections=16,
    scale_articles=100_000,
    scale_connections=4,
    ingest_articles=80,
    jobs_articles=120,
    repeats=1,
)
