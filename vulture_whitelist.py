"""Names vulture cannot see being used, because a framework calls or reads them.

`make lint` runs vulture at 80% confidence (pyproject.toml, [tool.vulture]); with this list it
also runs clean at 60%, which is how to look for dead code by hand:
`.venv/bin/vulture --min-confidence 60`. Module-level objects are referenced for real (mypy
checks this file, so a renamed route fails the lint until its line follows); names defined
inside functions, or repeated in every migration, are listed on `used`.
"""

from __future__ import annotations

from app.api.http_protocol import ProblemHttpToolsProtocol
from app.api.routes import articles, export
from app.main import create_app
from app.models import UTCDateTime


class _Used:
    """`used.name` marks `name` as used (vulture matches names, not objects)."""

    def __getattr__(self, name: str) -> None:
        return None


used = _Used()

# FastAPI routes: registered by their decorators, called by the router
articles.create_article
articles.view_article
articles.list_article_paragraphs
articles.get_article_paragraph
articles.list_article_people
articles.list_article_organisations
export.export_quotations_csv
export.export_quotations_jsonl
export.export_articles_jsonl
used.swagger_ui  # app.api.docs.install_docs: @app.get("/docs")
used.redoc  # @app.get("/redoc")
used._http  # app.api.problems.install_problem_handlers: @app.exception_handler(...)
used._validation
used._unexpected

# uvicorn: the app factory is named by a string ("app.main:create_app"); the protocol's hook
# is called by uvicorn; tests stop an in-process server by setting should_exit
create_app
ProblemHttpToolsProtocol.send_400_response
used.should_exit

# pydantic: model configuration and response fields, filled by validation, read by FastAPI
used.model_config
used.next_cursor
used.people_count
used.organisation_count
used.paragraph_text
used.paragraph_offset
used.snippet

# SQLAlchemy: a TypeDecorator's class attributes and hooks
UTCDateTime.impl
UTCDateTime.cache_ok
UTCDateTime.process_bind_param
UTCDateTime.process_result_value

# Alembic: every migration's revision variables
used.revision
used.down_revision
used.branch_labels
used.depends_on

# pytest: a fixture requested by name (request.getfixturevalue("postgres_url"))
used.postgres_url
