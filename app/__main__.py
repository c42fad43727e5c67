"""Command line: `python -m app serve|migrate|seed|ingest|worker|reannotate|optimize|...`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from app.core.config import Settings, get_settings

Command = Callable[[argparse.Namespace, Settings], int]


def serve(args: argparse.Namespace, settings: Settings) -> int:
    """Migrate and load the seeds once, then start uvicorn's workers (told not to repeat it)."""
    import uvicorn

    from app.api.http_protocol import ProblemHttpToolsProtocol
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
        http=ProblemHttpToolsProtocol,
        log_level=settings.log_level,
        access_log=False,  # the app logs each request itself, with its request id
    )
    return 0


def migrate(_args: argparse.Namespace, settings: Settings) -> int:
    from app.core import migrate as alembic_migrate

    alembic_migrate.upgrade(settings.database_url)
    return 0


def seed(_args: argparse.Namespace, settings: Settings) -> int:
    from app.core.db import get_engine
    from app.seeds import load_seeds

    for name, article_id, created in load_seeds(
        get_engine(settings.database_url), settings.seed_dir
    ):
        print(f"{name}: article {article_id} ({'new' if created else 'already stored'})")
    return 0


def ingest(args: argparse.Namespace, settings: Settings) -> int:
    from app.bulk import format_summary, ingest_paths
    from app.core import migrate as alembic_migrate
    from app.core.db import get_engine

    alembic_migrate.upgrade(settings.database_url)
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


def optimize(_args: argparse.Namespace, settings: Settings) -> int:
    from app.core.db import get_engine
    from app.core.maintenance import optimize as optimize_database

    started = time.perf_counter()
    optimize_database(get_engine(settings.database_url))
    print(f"optimized in {time.perf_counter() - started:.1f} s")
    return 0


def redecide(_args: argparse.Namespace, settings: Settings) -> int:
    from app.core.db import get_engine
    from app.store.identity import redecide_all

    moved = redecide_all(get_engine(settings.database_url))
    print(f"{moved} names moved to another entity")
    return 0


def report(args: argparse.Namespace, settings: Settings) -> int:
    from app.core.db import get_engine
    from app.report import corpus_report

    print(corpus_report(get_engine(settings.database_url), top=args.top))
    return 0


def worker(args: argparse.Namespace, settings: Settings) -> int:
    """Claim and do job items until SIGTERM (or Ctrl-C): the current item is finished first."""
    from app.core import migrate as alembic_migrate
    from app.jobs.runner import run_processes

    alembic_migrate.upgrade(settings.database_url)
    done = run_processes(settings, processes=max(1, args.processes), progress=not args.no_progress)
    print(f"worker stopped after {done} items")
    return 0


def reannotate(args: argparse.Namespace, settings: Settings) -> int:
    """Queue a re-annotation job and work on it here until no item is left."""
    from app.core import migrate as alembic_migrate
    from app.core.db import get_engine
    from app.jobs import queue
    from app.jobs.runner import run_processes, wait_for_jobs

    alembic_migrate.upgrade(settings.database_url)
    engine = get_engine(settings.database_url)
    selection: Literal["stale", "all"] | list[int] = args.ids or ("all" if args.all else "stale")
    items = queue.reannotation_items(engine, selection)
    if not items:
        print("no article to re-annotate: every one is up to date")
        return 0
    job_id = queue.submit(engine, "reannotate", items)
    run_processes(
        settings,
        processes=max(1, args.processes),
        progress=not args.no_progress,
        until_idle=True,
        total=len(items),
    )
    wait_for_jobs(settings, [job_id])
    job = queue.job_counts(engine, job_id)
    print(
        f"job {job_id}: {job['reannotated']} re-annotated, {job['existing']} already up to"
        f" date, {job['failed']} failed"
    )
    return 1 if job["failed"] else 0


def parser() -> argparse.ArgumentParser:
    """The command line; each subcommand's function is its `command` default."""
    root = argparse.ArgumentParser(prog="python -m app", description=__doc__)
    sub = root.add_subparsers(dest="name", required=True)
    serving = sub.add_parser("serve", help="migrate, load seeds and serve the API")
    serving.add_argument("--workers", type=int, default=1)
    serving.set_defaults(command=serve)
    sub.add_parser("migrate", help="upgrade the database to the latest schema").set_defaults(
        command=migrate
    )
    sub.add_parser("seed", help="ingest the seed articles not yet stored").set_defaults(
        command=seed
    )
    sub.add_parser(
        "optimize",
        help="merge the full-text indexes and refresh planner statistics (after bulk loads)",
    ).set_defaults(command=optimize)
    sub.add_parser(
        "redecide",
        help="decide again which entity every name belongs to, from the stored evidence",
    ).set_defaults(command=redecide)
    reporting = sub.add_parser(
        "report", help="print the corpus view: top entities, shared surnames"
    )
    reporting.add_argument("--top", type=int, default=50, help="entities per list (default 50)")
    reporting.set_defaults(command=report)
    _add_ingest(sub)
    _add_jobs(sub)
    return root


def _add_jobs(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    working = sub.add_parser(
        "worker",
        help="claim and do job items (ingest, re-annotation) until SIGTERM",
        description="Claim job items from the database (DATABASE_URL) and annotate and store"
        " them, until SIGTERM or Ctrl-C (the current item is finished first). Run it on as"
        " many machines as you like against one PostgreSQL database.",
    )
    working.add_argument("--processes", type=int, default=1, help="worker processes (default 1)")
    working.add_argument("--no-progress", action="store_true", help="no progress bar")
    working.set_defaults(command=worker)
    again = sub.add_parser(
        "reannotate",
        help="annotate stored articles again with the current annotator",
        description="Queue a re-annotation job (the stale articles by default) and do it"
        " here; workers elsewhere help. Each article keeps its id, text and ingest time.",
    )
    which = again.add_mutually_exclusive_group()
    which.add_argument(
        "--stale", action="store_true", help="articles of another annotator version (default)"
    )
    which.add_argument("--all", action="store_true", help="every article")
    which.add_argument("--ids", type=int, nargs="+", metavar="ID", help="these articles")
    again.add_argument("--processes", type=int, default=1, help="worker processes (default 1)")
    again.add_argument("--no-progress", action="store_true", help="no progress bar")
    again.set_defaults(command=reannotate)


def _add_ingest(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    bulk.set_defaults(command=ingest)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = get_settings()
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    command: Command = args.command
    return command(args, settings)


if __name__ == "__main__":
    sys.exit(main())
