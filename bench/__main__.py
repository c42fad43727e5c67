"""`python -m bench [--quick] [--only SECTION ...]`: benchmarks printing figures and ratios.

Sections: reads (our API vs Datasette), floor (our API vs a minimal FastAPI route), ingest
(annotate+store vs plain spaCy), jobs (a PostgreSQL ingest job on 1 worker process vs 2),
scale (a 100,000-article database), memory (peak RSS).
Every ratio compares two things measured side by side in the same run with the same client.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench import load
from bench.common import OUT, ROOT, corpus_files
from bench.config import FULL, QUICK, SECTIONS, Config
from bench.paths import api_features, our_paths, our_server
from bench.report import say
from bench.samples import prepare, samples
from bench.sections import floor, ingest, jobs, reads, scale


def reads_and_floor(
    db: Path, cfg: Config, sections: set[str], peaks: dict[str, float | None]
) -> None:
    """The reads and floor sections, against one server (its peak RSS counts both loads)."""
    s = samples(db)
    offset = min(2000, s.last_id - 20)
    with our_server(db) as api:
        features = api_features(api.base)
        if "reads" in sections:
            reads.run(api, db, s, our_paths(features, s, offset), cfg, offset, peaks)
        if "floor" in sections:
            floor.run(api, db, features, cfg, offset, peaks)
        peaks[f"our API ({s.last_id} articles)"] = api.peak_rss_mb


def corpus_db() -> Path:
    from bench.build import build_corpus_db

    db = build_corpus_db(log=say)
    assert db is not None
    prepare(db)
    return db


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
    db = corpus_db() if sections & {"reads", "floor", "scale"} else None
    if db is not None and sections & {"reads", "floor"}:
        reads_and_floor(db, cfg, sections, peaks)
    if "ingest" in sections:
        ingest.run(cfg)
    if "jobs" in sections:
        jobs.run(cfg)
    if db is not None and "scale" in sections:
        scale.run(db, cfg, peaks)
    if peaks:
        say("\n## Peak RSS (VmHWM) of each server process after its load")
        for name, mb in peaks.items():
            say(f"{name:32} {mb:7.1f} MB" if mb is not None else f"{name:32}       ?")
    say(f"\ntotal time {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
