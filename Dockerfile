# Annotated News API: slim Python 3.11, hashed dependencies, non-root, migrations then uvicorn.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /srv

COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

COPY alembic.ini ./
COPY migrations ./migrations
COPY seeds ./seeds
COPY app ./app

RUN useradd --create-home --uid 10001 news \
    && mkdir -p /srv/data \
    && chown news:news /srv/data
USER 10001:10001

ENV HOST=0.0.0.0 \
    PORT=8000 \
    DATABASE_URL=sqlite:////srv/data/articles.db
VOLUME ["/srv/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]

# `serve` upgrades the database with Alembic, loads the seeds, then starts uvicorn.
CMD ["python", "-m", "app", "serve"]
