"""Property-based fuzzing of every operation against the app's own OpenAPI document.

Schemathesis generates valid and invalid requests from /openapi.json and calls the app in
process (ASGI). Every response must: not be a 5xx, use a status code the operation declares,
use a declared content type, and match the declared schema. The database holds one short
article (written here) so paths with real ids reach real rows, not just 404s.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.core.db import dispose_engine
from app.main import create_app
from tests.conftest import make_settings

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "30"))
MAX_BODY_EXAMPLES = 4 * MAX_EXAMPLES  # writes are where hostile input does damage
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
ARTICLE = (
    "Harbour Board approves new ferry terminal\n\n"
    "By Sam Writer\n\n"
    "The Harbour Board said on Tuesday that it had approved a new ferry terminal in Dunmore.\n\n"
    '"This will change the town," said Nora Quinn, the chair of the Harbour Board.\n\n'
    "Quinn added that building would start in the spring.\n"
)


def _cases() -> list[tuple[str, str, GenerationMode]]:
    """(method, path, mode) for every operation; negative mode only where there are inputs."""
    spec = create_app(make_settings("sqlite://")).openapi()
    cases = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            cases.append((method.upper(), path, GenerationMode.POSITIVE))
            if op.get("parameters") or op.get("requestBody"):
                cases.append((method.upper(), path, GenerationMode.NEGATIVE))
    # Writes last: a fuzzed DELETE may remove the seeded article the reads are pointed at.
    return sorted(cases, key=lambda case: case[0] != "GET")


CASES = _cases()


@dataclass
class Fuzzed:
    app: FastAPI
    schema: Any
    real_ids: dict[str, dict[str, int]]
    examples: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)


def _real_ids(client: TestClient, article_id: int) -> dict[str, dict[str, int]]:
    """Path parameter values that exist, per path prefix."""
    ids: dict[str, dict[str, int]] = {"/articles": {"article_id": article_id, "number": 1}}
    for prefix in ("/people", "/organisations"):
        items = client.get(prefix).json()["items"]
        if items:
            ids[prefix] = {"entity_id": items[0]["id"]}
    quotations = client.get("/quotations").json()["items"]
    if quotations:
        ids["/quotations"] = {"quotation_id": quotations[0]["id"]}
    return ids


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fuzzed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Fuzzed]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    else:
        from tests.conftest import _truncate

        url = request.getfixturevalue("postgres_url")
        _truncate(url)
    app = create_app(make_settings(url))
    with TestClient(app) as client:  # runs the lifespan: migrations
        created = client.post("/articles", json={"text": ARTICLE, "source": "Fuzz Gazette"})
        assert created.status_code == 201, created.text
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        state = Fuzzed(app, schema, _real_ids(client, created.json()["id"]))
        yield state
    total = sum(state.examples.values())
    print(  # visible with -s: the totals quoted in the hardening report
        f"\nschemathesis[{request.param}]: {len(state.examples)} operations,"
        f" {total} examples, statuses {dict(sorted(state.statuses.items()))}"
    )
    if url.startswith("sqlite"):
        dispose_engine(url)


def _fixed_path_parameters(fuzzed: Fuzzed, path: str) -> dict[str, int] | None:
    for prefix, values in fuzzed.real_ids.items():
        if path.startswith(prefix + "/{"):
            names = {part[1:-1] for part in path.split("/") if part.startswith("{")}
            return {k: v for k, v in values.items() if k in names} or None
    return None


@pytest.mark.parametrize(("method", "path", "mode"), CASES)
def test_operation_conforms_to_its_schema(
    fuzzed: Fuzzed, method: str, path: str, mode: GenerationMode
) -> None:
    operation = fuzzed.schema[path][method]
    strategy = operation.as_strategy(generation_mode=mode)
    fixed = _fixed_path_parameters(fuzzed, path)
    if fixed and mode is GenerationMode.POSITIVE and method == "GET":
        strategy = st.one_of(
            strategy, operation.as_strategy(generation_mode=mode, path_parameters=fixed)
        )
    label = f"{method} {path}"

    @settings(
        max_examples=MAX_BODY_EXAMPLES if method in ("POST", "PUT", "PATCH") else MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: schemathesis.Case) -> None:
        fuzzed.examples[label] += 1
        response = case.call_and_validate(checks=CHECKS)
        fuzzed.statuses[response.status_code] += 1

    run()
