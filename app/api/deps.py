"""Shared route dependencies: database session, settings, paging and id parameters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from sqlalchemy import Engine
from sqlmodel import Session

from app.core.config import Settings

MAX_ID = 2**31 - 1  # ids are 32-bit integers (PostgreSQL INTEGER); larger ones cannot exist
MAX_OFFSET = 1_000_000_000


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

Limit = Annotated[int, Query(ge=1, le=100, description="Page size (1..100)")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")]
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="Article id")]
EntityId = Annotated[int, Path(ge=1, le=MAX_ID, description="Entity id")]
QuotationId = Annotated[int, Path(ge=1, le=MAX_ID, description="Quotation id")]
ParagraphNumber = Annotated[int, Path(ge=1, le=MAX_ID, description="1-based paragraph number")]
