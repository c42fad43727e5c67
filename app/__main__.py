"""Command line: `python -m app serve|migrate|seed|ingest`."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from app.core.config import get_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="migrate, load seeds and serve the API")
    serve.add_argument("--workers", type=int, default=1)
    sub.add_parser("migrate", help="upgrade the database to the latest schema")
    sub.add_parser("seed", help="ingest the seed articles not yet stored")
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
    if args.command == "seed":
        from app.core.db import get_engine
        from app.seeds import load_seeds

        for name, article_id, created in load_seeds(
            get_engine(settings.database_url), settings.seed_dir
        ):
            print(f"{name}: article {article_id} ({'new' if created else 'already stored'})")
        return 0
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
        )
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
