"""Load the seed articles: every `*.txt` in SEED_DIR not yet stored is ingested."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine

from app.ingest import ingest

log = logging.getLogger("app.seeds")


def load_seeds(engine: Engine, seed_dir: Path) -> list[tuple[str, int, bool]]:
    """Ingest the seeds; returns (file name, article id, created) for each. Idempotent."""
    if not seed_dir.is_dir():
        log.warning("seed directory %s does not exist; no seeds loaded", seed_dir)
        return []
    results = []
    for path in sorted(seed_dir.glob("*.txt")):
        article_id, created = ingest(engine, text=path.read_text(encoding="utf-8"))
        results.append((path.name, article_id, created))
        if created:
            log.info("seed %s stored as article %d", path.name, article_id)
    return results
