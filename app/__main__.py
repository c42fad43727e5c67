"""Command line: `python -m app serve|migrate|seed|ingest|optimize|redecide|report`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from app.core.config import get_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="migrate, load seeds and serve the API")
    serve.add_argument("--workers", type=int, default=1)
    sub.add_parser("migrate", help="upgrade the database to the latest schema")
    sub.add_parser("seed", help="ingest the seed articles not yet stored")
    sub.add_parser(
        "optimize",
        help="merge the full-text indexes and refresh planner statistics (after bulk loads)",
    )
    sub.add_parser(
        "redecide",
        help="decide again which entity every name belongs to, from the stored evidence",
    )
    report = sub.add_parser("report", help="print the corpus view: top entities, shared surnames")
    report.add_argument("--top", type=int, default=50, help="entities per list (default 50)")
    bulk = sub.add_parser(
        "ingest",
        help="annotate and store .txt files, directories of them and .jsonl files",
        description=(
            "Ingest .txt files, directories (searched recursively for .txt) and .jsonl files"
            ' (one {"text", "title"?, "source"?, "url"?, "published"?} per line). Texts'
            " already stored are skipped before annotating; failures are reported and do"
            " not stop the run."
        ),
    )
    bulk.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    bulk.add_argument("--workers", type=int, default=1, help="annotator processes (default 1)")
    bulk.add_argument("--batch-size", type=int, default=16, help="texts per annotator batch")
    bulk.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)

    settings = get_settings()
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)

    if args.command == "migrate":
        from app.core import migrate

        migrate.upgrade(settings.database_url)
        return 0
    if args.command == "optimize":
        import time

        from app.core.db import get_engine
        from app.core.maintenance import optimize

        started = time.perf_counter()
        optimize(get_engine(settings.database_url))
        print(f"optimized in {time.perf_counter() - started:.1f} s")
        return 0
    if args.command == "redecide":
        from app.core.db import get_engine
        from app.store.identity import redecide_all

        moved = redecide_all(get_engine(settings.database_url))
        print(f"{moved} names moved to another entity")
        return 0
    if args.command == "report":
        from app.core.db import get_engine
        from app.report import corpus_report

        print(corpus_report(get_engine(settings.database_url), top=args.top))
        return 0
    if args.command == "seed":
        from app.core.db import get_engine
        from app.seeds import load_seeds

        for name, article_id, created in load_seeds(
            get_engine(settings.database_url), settings.seed_dir
        ):
            print(f"{name}: article {article_id} ({'new' if created else 'already stored'})")
        return 0
    if args.command == "ingest":
        from app.bulk import format_summary, ingest_paths
        from app.core import migrate
        from app.core.db import get_engine

        migrate.upgrade(settings.database_url)
        summary = ingest_paths(
            get_engine(settings.database_url),
            args.paths,
            workers=max(1, args.workers),
            batch_size=max(1, args.batch_size),
            max_bytes=settings.max_article_bytes,
            progress=not args.no_progress,
        )
        print(format_summary(summary))
        return 1 if summary.failed else 0
    if args.command == "serve":
        import uvicorn

        from app.main import startup

        startup(settings)  # once, before any worker starts
        os.environ["MIGRATE_ON_START"] = "false"
        os.environ["LOAD_SEEDS"] = "false"
        uvicorn.run(
            "app.main:create_app",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=args.workers,
            loop="uvloop",
            http="httptools",
            log_level=settings.log_level,
            access_log=False,  # the app logs each request itself, with its request id
        )
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
