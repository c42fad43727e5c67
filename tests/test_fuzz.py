"""Schemathesis against the app's own OpenAPI document, as `schemathesis run` does it.

Schemathesis's engine runs all four phases (examples, coverage, fuzzing, stateful: sequences of
calls following the links it infers, e.g. POST /articles then GET and DELETE the article it
created) with every check it has: no 5xx; status codes, content types, headers and bodies as
declared; schema-valid requests accepted and schema-violating ones rejected; `Allow` on 405;
a deleted resource stays gone; and more. It calls the app in process (ASGI), on SQLite and on
PostgreSQL; the database holds the seed articles, so paths with real ids reach real rows.
The same run against a server: `schemathesis run http://127.0.0.1:8000/openapi.json --checks
all --phases examples,coverage,fuzzing,stateful`.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi.testclient import TestClient
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events, from_schema
from schemathesis.engine.statistic import Statistic

from app.core.db import dispose_engine
from app.main import create_app
from tests.conftest import make_settings

SEED = int(os.environ.get("FUZZ_SEED", "13"))  # a fixed seed: the same cases on every run
# Date ranges: `from` after `to`, or a range of more periods than a timeline lists, is a
# documented 422 that OpenAPI cannot express (it relates two parameters); on these operations a
# schema-valid request may get it. Every other check, and every other status, still applies.
RANGE_RULES = {
    "include-path-regex": "^/(people|organisations|sources|stats/quotations|timeline)"
    "(/\\{entity_id\\}/timeline)?$",
    "checks": {
        "positive_data_acceptance": {
            "expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
        }
    },
}

# The stateful phase infers a link from every search hit's `quotation_id` to
# GET /quotations/{quotation_id}; a paragraph hit has none (null), and the link then sends the
# text "None", which the id's schema rejects with a 422. Real ids still get every check.
NULL_LINK_RULES = {
    "include-path-regex": "^/quotations/\\{quotation_id\\}$",
    "checks": {
        "positive_data_acceptance": {
            "expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
        }
    },
}


@schemathesis.serializer("application/x-ndjson")
def _ndjson(_context: object, value: object) -> bytes:
    """`POST /jobs/ingest` as NDJSON: the generated string is the body. On the wire every
    body is a string; a value of another type (a negative case for `type: string`) is sent
    as an empty body, which the schema forbids too (`pattern: \\S`)."""
    if isinstance(value, bytes):
        return value
    return value.encode("utf-8", "replace") if isinstance(value, str) else b""


@pytest.fixture(params=["sqlite", "postgresql"])
def seeded_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    from tests.conftest import _truncate

    url: str = request.getfixturevalue("postgres_url")
    _truncate(url)
    return url


# The random fuzzing phase tests what every backend shares (validation, serialisation, error
# shapes) and costs most of the run (about 20 ms a case, in schemathesis itself); it runs in full
# on SQLite. On PostgreSQL every phase and check still runs, the coverage phase's systematic
# cases (which reach each query with its boundary values) and the stateful writes included,
# with a smaller random sample.
FUZZ_EXAMPLES = {"sqlite": None, "postgresql": 30}  # None: schemathesis's default (100)


def _run(app: object, fuzz_examples: int | None = None) -> tuple[Statistic, Counter[int]]:
    """Every phase and check of schemathesis's engine; its statistics and the statuses seen."""
    phases = {"fuzzing": {"generation": {"max-examples": fuzz_examples}}} if fuzz_examples else {}
    config = SchemathesisConfig.from_dict(
        {"operations": [RANGE_RULES, NULL_LINK_RULES], "phases": phases}
    )
    config.update(seed=SEED, max_failures=None)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)
    statistic = Statistic()
    statuses: Counter[int] = Counter()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            statistic.on_scenario_finished(event.recorder)
            for interaction in event.recorder.interactions.values():
                if interaction.response is not None:
                    statuses[interaction.response.status_code] += 1
        elif isinstance(event, events.EngineFinished):
            statistic.record_run_check_failures(event.failures, label="run")
        elif isinstance(event, events.FatalError | events.NonFatalError):
            raise AssertionError(f"schemathesis could not run: {event!r}")
    return statistic, statuses


def _report(statistic: Statistic) -> Iterator[str]:
    for label, groups in statistic.failures.items():
        for group in groups.values():
            status = group.response.status_code if group.response is not None else "-"
            body = group.response.text[:300] if group.response is not None else ""
            for failure in group.failures:
                yield f"{label}: {failure.title} ({failure.code}): {failure.message[:300]}"
            yield f"  answered {status}: {body}\n  {group.code_sample or ''}"[:2000]


def test_schemathesis_finds_nothing(seeded_url: str) -> None:
    app = create_app(make_settings(seeded_url, load_seeds=True))
    backend = "sqlite" if seeded_url.startswith("sqlite") else "postgresql"
    with TestClient(app):  # runs the lifespan: migrations and seeds
        statistic, statuses = _run(app, FUZZ_EXAMPLES[backend])
    if backend == "sqlite":
        dispose_engine(seeded_url)
    print(  # visible with -s
        f"\nschemathesis: {statistic.total_cases} cases on"
        f" {len(statistic.tested_operations)} operations, statuses {dict(sorted(statuses.items()))}"
    )
    assert statistic.total_cases > 1000 and len(statistic.tested_operations) >= 29
    assert statuses[201] > 0 and statuses[204] > 0, statuses  # the stateful phase wrote
    assert not statistic.errored_cases, f"{statistic.errored_cases} cases errored"
    assert not statistic.unique_failures_map, "\n".join(_report(statistic))
